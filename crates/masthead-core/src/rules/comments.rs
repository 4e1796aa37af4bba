//! Comments: what a comment's text may be, and the names it mentions.

use crate::error::{Error, Result};

/// The longest comment.
pub(crate) const MAX_CHARS: usize = 4000;

/// A comment's text, trimmed: refused when empty or too long.
pub(crate) fn body(text: &str) -> Result<String> {
    let text = super::composed(text.trim());
    if text.is_empty() {
        return Err(Error::invalid(
            "comment_empty",
            "body",
            "Write something first: a comment cannot be empty.",
        ));
    }
    let n = text.chars().count();
    if n > MAX_CHARS {
        return Err(Error::invalid(
            "comment_too_long",
            "body",
            format!(
                "A comment holds at most {MAX_CHARS} characters; this one has {n}. Shorten it."
            ),
        ));
    }
    Ok(text)
}

/// The names `text` mentions, folded: for each "@" at a word's start, the
/// one, two and three words after it ("@Hannah Okafor, please" gives
/// "hannah", "hannah okafor" and "hannah okafor please"), so a reader's
/// desk finds a mention by their whole name, whatever follows it.
pub(crate) fn mentions(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '@' || (i > 0 && chars[i - 1].is_alphanumeric()) {
            continue;
        }
        let rest: String = chars[i + 1..].iter().take(200).collect();
        let words: Vec<&str> = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '.'))
            .take_while(|w| !w.is_empty())
            .take(3)
            .collect();
        for n in 1..=words.len() {
            let name = super::fold(words[..n].join(" ").trim_end_matches('.'));
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
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
            body(&"x".repeat(4001)).unwrap_err().code(),
            "comment_too_long"
        );
    }
}
