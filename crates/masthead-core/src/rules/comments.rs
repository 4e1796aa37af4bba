//! Comments: what a comment's text may be, and the names it mentions.

use crate::error::{Error, Result};

/// The longest comment.
pub(crate) const MAX_CHARS: usize = 4000;

/// A comment's text: line breaks made `\n`, trimmed, its characters
/// checked as any block of text's; refused when nothing visible is left
/// or too long.
pub(crate) fn body(text: &str) -> Result<String> {
    let text = super::composed(text);
    let text = super::optional_block(&text, "body", "comment", MAX_CHARS)?;
    if text.chars().all(super::is_invisible) {
        return Err(Error::invalid(
            "comment_empty",
            "body",
            "Write something first: a comment cannot be empty.",
        ));
    }
    Ok(text)
}

/// At most this many "@"s of a comment are read as mentions.
const MAX_MENTIONS: usize = 20;

/// The names `text` mentions, folded: for each "@" at a word's start, the
/// one to four words after it ("@Hannah Okafor, please" gives "hannah",
/// "hannah okafor", …), a possessive "'s" dropped and ’ read as ', so a
/// reader's desk finds a mention by their whole name, whatever follows it.
pub(crate) fn mentions(text: &str) -> Vec<String> {
    let text = super::composed(text).replace('\u{2019}', "'");
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let word_char =
        |c: char| c.is_alphanumeric() || c == '\'' || c == '-' || c == '.' || is_mark(c);
    let mut seen = 0;
    for (i, c) in chars.iter().enumerate() {
        if *c != '@' || (i > 0 && word_char(chars[i - 1])) {
            continue;
        }
        seen += 1;
        if seen > MAX_MENTIONS {
            break;
        }
        let rest: String = chars[i + 1..].iter().take(160).collect();
        let words: Vec<&str> = rest
            .split(|c: char| !word_char(c))
            .take_while(|w| !w.is_empty())
            .take(4)
            .collect();
        for n in 1..=words.len() {
            let mut name = words[..n].join(" ");
            for end in ["'s", "."] {
                if let Some(cut) = name.strip_suffix(end) {
                    name = cut.to_owned();
                }
            }
            let name = super::fold(name.trim());
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// A combining mark (Devanagari's virama, Thai's tone marks…): part of the
/// word it is in.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0900}'..='\u{0DFF}' | '\u{0E00}'..='\u{0EFF}')
        && !c.is_alphanumeric()
}

/// A person's name as mentions are kept: composed and folded.
pub(crate) fn mention_key(name: &str) -> String {
    super::fold(super::composed(name.trim()).replace('\u{2019}', "'").trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_is_found_by_the_whole_name_whatever_follows() {
        let m = mentions("Thanks @Hannah Okafor, and @SAM. Mail me at tess@pse.example");
        assert!(m.contains(&"hannah okafor".to_owned()), "{m:?}");
        assert!(m.contains(&"hannah".to_owned()));
        assert!(m.contains(&"sam".to_owned()), "{m:?}");
        // An email address is no mention.
        assert!(!m.iter().any(|n| n.contains("pse")), "{m:?}");
        assert!(mentions("no one").is_empty());
        assert!(mentions("@").is_empty());
        assert_eq!(
            mentions("@Zoë Ünal").last().map(String::as_str),
            Some("zoë ünal")
        );
    }

    #[test]
    fn a_comment_is_some_text_and_not_a_book() {
        assert_eq!(body("  Looks good  ").unwrap(), "Looks good");
        assert_eq!(body(" \n ").unwrap_err().code(), "comment_empty");
        assert_eq!(
            body("\u{200B}\u{200B}").unwrap_err().code(),
            "comment_empty"
        );
        assert_eq!(body("a\r\nb").unwrap(), "a\nb");
        assert!(body("nul \u{0} here").is_err());
        // Too long, in the words every block of text is refused in.
        let long = body(&"x".repeat(4001)).unwrap_err();
        assert_eq!(long.code(), "body_too_long");
        assert!(long.to_string().contains("the most is 4000"), "{long}");
    }
}
