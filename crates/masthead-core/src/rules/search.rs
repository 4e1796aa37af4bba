//! What a search looks for: the words of what the user typed, and how each
//! engine is asked for them. Only letters and digits reach an engine's
//! query language, so no input can be read as its syntax.

use crate::model::{FoundIn, Fragment};

/// At most this many words of a query count.
const MAX_WORDS: usize = 8;
/// A word longer than this is cut (no text holds longer ones).
const MAX_WORD_CHARS: usize = 40;

/// At most this much of what was typed is read (a pasted page is not a query).
const MAX_QUERY_CHARS: usize = 1000;

/// The words of `query`: runs of letters and digits, lower-cased (with
/// anything lower-casing adds that is not a letter or a digit dropped),
/// each once. A word needs two characters: a one-letter prefix ("s" of
/// "council's", or "d" typed first) would match nearly every text.
pub(crate) fn words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    for word in query.split(|c: char| !c.is_alphanumeric()) {
        let word: String = word
            .chars()
            .take(MAX_WORD_CHARS)
            .collect::<String>()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if word.chars().count() < 2 || out.contains(&word) {
            continue;
        }
        out.push(word);
        if out.len() == MAX_WORDS {
            break;
        }
    }
    out
}

/// An FTS5 query for texts holding every word, each as a word's start:
/// `"leeds"* "dortmund"*` (the words hold letters and digits only).
pub(crate) fn fts5_query(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The same for PostgreSQL's `to_tsquery`: `leeds:* & dortmund:*`.
pub(crate) fn tsquery(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("{w}:*"))
        .collect::<Vec<_>>()
        .join(" & ")
}

/// An excerpt as the engines mark it (a match between `\u{2}` and
/// `\u{3}`), as runs of text.
pub(crate) fn fragments(marked: &str) -> Vec<Fragment> {
    let mut out: Vec<Fragment> = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    let mut push = |text: &mut String, hit: bool| {
        if !text.is_empty() {
            out.push(Fragment {
                text: std::mem::take(text),
                hit,
            });
        }
    };
    for c in marked.chars() {
        match c {
            '\u{2}' => {
                push(&mut text, hit);
                hit = true;
            }
            '\u{3}' => {
                push(&mut text, hit);
                hit = false;
            }
            // Line breaks read as spaces in a one-line excerpt.
            '\n' | '\r' | '\t' => text.push(' '),
            c => text.push(c),
        }
    }
    push(&mut text, hit);
    out
}

/// Where a stored text came from.
pub(crate) fn found_in(source: &str) -> FoundIn {
    match source {
        "notes" => FoundIn::Notes,
        "brief" => FoundIn::Brief,
        "draft" => FoundIn::Draft,
        "comment" => FoundIn::Comment,
        _ => FoundIn::Piece,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_letters_and_digits_reach_the_engines() {
        let w = words(r#"Leeds "Dortmund"* OR council's NEAR(x) -- ; DROP'"#);
        assert_eq!(w, ["leeds", "dortmund", "or", "council", "near", "drop"]);
        assert_eq!(fts5_query(&w[..2]), r#""leeds"* "dortmund"*"#);
        assert_eq!(tsquery(&w[..2]), "leeds:* & dortmund:*");
        assert_eq!(words("Zürich 2021 zürich"), ["zürich", "2021"]);
        // One letter is not a word to look for, whatever lower-casing adds.
        assert!(words("a").is_empty());
        assert!(words("İ").is_empty(), "{:?}", words("İ"));
        assert_eq!(words(&"x".repeat(100_000)).len(), 1);
        assert!(words("  ,;: ").is_empty());
        // At most eight words count.
        assert_eq!(
            words("aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp").len(),
            8
        );
    }

    #[test]
    fn an_excerpt_is_read_into_marked_runs() {
        let f = fragments("…the \u{2}Leeds\u{3} and \u{2}Dortmund\u{3}\nMoU");
        let runs: Vec<(&str, bool)> = f.iter().map(|f| (f.text.as_str(), f.hit)).collect();
        assert_eq!(
            runs,
            [
                ("…the ", false),
                ("Leeds", true),
                (" and ", false),
                ("Dortmund", true),
                (" MoU", false)
            ]
        );
        assert!(fragments("").is_empty());
    }
}
