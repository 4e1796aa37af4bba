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

/// How many words an excerpt shows.
const EXCERPT_WORDS: usize = 16;
/// How many of them come before the first match.
const EXCERPT_BEFORE: usize = 4;

/// A word as a file's index compares it (FTS5's `unicode61` with
/// `remove_diacritics 2`): lower case, accents off.
fn comparable(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// An excerpt of `text` around the first word that starts with one of
/// `words` (as [`words`] read them): up to sixteen words, four of them
/// before it, each matching word between `\u{2}` and `\u{3}`, "…" where
/// the text goes on. None when no word matches. A file's search makes its
/// excerpts with this from the best text it found (asking FTS5 for a
/// snippet ran the whole query again for each result).
pub(crate) fn excerpt(text: &str, words: &[String]) -> Option<String> {
    let wanted: Vec<String> = words.iter().map(|w| comparable(w)).collect();
    let hits = |(s, e): (usize, usize)| {
        let word = comparable(&text[s..e]);
        wanted.iter().any(|w| word.starts_with(w.as_str()))
    };
    // Each word's place in `text`, (start, end) in bytes, read only as far
    // as the excerpt needs (a draft may be long).
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut first = None;
    let mut more = false;
    let mut start = None;
    let ends = text
        .char_indices()
        .map(|(i, c)| (i, c.is_alphanumeric()))
        .chain([(text.len(), false)]);
    for (i, letter) in ends {
        match (letter, start) {
            (true, None) => {
                if first.is_some_and(|f| spans.len() >= f + EXCERPT_WORDS) {
                    more = true;
                    break;
                }
                start = Some(i);
            }
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
                if first.is_none() && hits((s, i)) {
                    first = Some(spans.len() - 1);
                }
            }
            _ => {}
        }
    }
    let first = first?;
    let from = first.saturating_sub(EXCERPT_BEFORE);
    let to = (from + EXCERPT_WORDS).min(spans.len());
    let more = more || to < spans.len();
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = spans[from].0;
    for &(s, e) in &spans[from..to] {
        out.push_str(&text[at..s]);
        if hits((s, e)) {
            out.push('\u{2}');
            out.push_str(&text[s..e]);
            out.push('\u{3}');
        } else {
            out.push_str(&text[s..e]);
        }
        at = e;
    }
    if more {
        out.push('…');
    }
    Some(out)
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

    #[test]
    fn an_excerpt_marks_the_words_around_the_first_match_as_the_index_reads_them() {
        let words = super::words("dortmund leeds");
        let text = "Councils across the north met in Leeds, where the Dortmund model of \
                    district heating was shown to twelve mayors and their teams, and then \
                    everyone went home.";
        let got = super::excerpt(text, &words).unwrap();
        assert_eq!(
            got,
            "…the north met in \u{2}Leeds\u{3}, where the \u{2}Dortmund\u{3} model of \
             district heating was shown to twelve…"
        );
        // Accents and case aside, and a word's start is enough.
        let words = super::words("ecole");
        assert_eq!(
            super::excerpt("L'École des mines", &words).unwrap(),
            "L'\u{2}École\u{3} des mines"
        );
        assert_eq!(super::excerpt("Nothing here", &words), None);
        assert_eq!(super::excerpt("", &words), None);
    }
}
