//! The one word rule, used for every draft and every format.
//!
//! A word is a run of characters between separators that holds at least
//! one letter or digit. The separators are white space (spaces, tabs, line
//! breaks, no-break spaces), the em dash (—), the en dash (–) and the
//! horizontal bar (―), as LibreOffice Writer counts. So:
//! - a hyphenated word ("co-operation", "Covid-19") is one word;
//! - a number ("1,046", "52", "£100", "2020") is one word;
//! - punctuation alone (" — ", " & ", " - ", "…") is not a word;
//! - words joined by a dash ("2020–21", "well—known") are two;
//! - a word with an apostrophe or other punctuation attached ("UK’s",
//!   "“In", "benefit.") is one.
//!
//! This is what LibreOffice Writer counts for ordinary prose (484 words
//! for the seed article in every format, `tests/it.rs`), except that
//! LibreOffice also counts list labels ("1.", "•") and punctuation standing
//! alone ("&", "-", "…"); Word and this rule do not.

/// Counts the words of `text` by the rule above.
pub fn count_words(text: &str) -> u32 {
    let mut count = 0;
    let mut in_word = false;
    let mut has_alnum = false;
    for c in text.chars() {
        if is_separator(c) {
            if in_word && has_alnum {
                count += 1;
            }
            in_word = false;
            has_alnum = false;
        } else {
            in_word = true;
            has_alnum |= c.is_alphanumeric();
        }
    }
    if in_word && has_alnum {
        count += 1;
    }
    count
}

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{2013}' | '\u{2014}' | '\u{2015}')
}

#[cfg(test)]
mod tests {
    use super::count_words;

    #[test]
    fn the_rule_in_examples() {
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("   \n\t "), 0);
        assert_eq!(count_words("one"), 1);
        assert_eq!(count_words("co-operation across Covid-19"), 3);
        assert_eq!(count_words("1,046 words, £100 and 52 years"), 6);
        assert_eq!(count_words("this — that & the other - thing …"), 5);
        assert_eq!(count_words("2020–21 and well—known"), 5);
        assert_eq!(count_words("the UK’s “In renewing” benefit."), 5);
        assert_eq!(count_words("no\u{a0}break"), 2);
        assert_eq!(count_words("Brnó, Dortmund, Lille"), 3);
    }

    #[test]
    fn agrees_with_libreoffice_on_these_lines() {
        // LibreOffice Writer 7.4's counts of each line saved as .txt.
        assert_eq!(count_words("2020–21 and well—known"), 5);
        assert_eq!(
            count_words("co-operation across Covid-19 and/or 1,046 words £100"),
            7
        );
        assert_eq!(
            count_words("the UK’s “In renewing” benefit. no\u{a0}break"),
            7
        );
    }
}
