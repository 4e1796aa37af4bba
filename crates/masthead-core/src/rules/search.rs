//! What a search looks for: the words of what the user typed, and how each
//! engine is asked for them. Only letters and digits reach an engine's
//! query language, so no input can be read as its syntax.

use crate::model::{FoundIn, Fragment};

/// At most this many words of a query count.
const MAX_WORDS: usize = 8;
/// A word longer than this is cut (no text holds longer ones).
const MAX_WORD_CHARS: usize = 40;

/// The words of `query`: runs of letters and digits, lower-cased, each
/// once. One-character words are dropped when longer ones are there (the
/// "s" of "council's" would match nearly everything).
pub(crate) fn words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in query.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let word: String = word
            .chars()
            .take(MAX_WORD_CHARS)
            .collect::<String>()
            .to_lowercase();
        if !out.contains(&word) {
            out.push(word);
        }
    }
    if out.iter().any(|w| w.chars().count() > 1) {
        out.retain(|w| w.chars().count() > 1);
    }
    out.truncate(MAX_WORDS);
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
        assert_eq!(words("a"), ["a"]);
        assert!(words("  ,;: ").is_empty());
        assert_eq!(
            words("a b c d e f g h i j k l m n o p q r s t u v w x y z").len(),
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
