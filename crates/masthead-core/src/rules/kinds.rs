//! Kinds of piece: a per-publication list users extend. Names and the
//! stable keys derived from them.

use super::{normalise, required_text};
use crate::error::{Error, Result};
use crate::model::Kind;

/// The kinds a new publication starts with: (key, label, words a page holds).
pub(crate) const DEFAULT_KINDS: &[(&str, &str, Option<u32>)] = &[
    ("news", "News", Some(1000)),
    ("feature", "Feature", Some(850)),
    ("opinion", "Opinion", Some(900)),
    ("interview", "Interview", Some(850)),
    ("case_study", "Case study", Some(850)),
    ("partner", "Partner content", Some(800)),
    ("competition", "Competition", Some(600)),
    ("survey", "Survey", Some(700)),
    ("video", "Video", None),
];

/// Words a page holds: a sensible number, or none.
pub(crate) fn check_words_per_page(words: Option<u32>) -> Result<Option<u32>> {
    match words {
        Some(w) if !(50..=5000).contains(&w) => Err(Error::invalid(
            "words_per_page_range",
            "words_per_page",
            format!("{w} words to a page is out of range. Type 50 to 5,000, or leave it empty."),
        )),
        other => Ok(other),
    }
}

/// The stable key of a kind's name: "White paper" -> "white_paper".
pub(crate) fn key_of(label: &str) -> String {
    let mut key = String::new();
    for c in label.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c);
        } else if c.is_alphanumeric() {
            // Keys stay ASCII so they are safe in JSON, URLs and scripts.
            key.push('x');
        } else if !key.is_empty() && !key.ends_with('_') {
            key.push('_');
        }
    }
    let key = key.trim_end_matches('_');
    let key: String = key.chars().take(60).collect();
    if key.is_empty() { "kind".into() } else { key }
}

pub(crate) fn validate_label(label: &str) -> Result<String> {
    required_text(label, "name", "kind's name", 60)
}

/// A name no other kind of the publication has (retired ones included: a
/// retired kind comes back by being restored, not by being added again).
pub(crate) fn check_unique(label: &str, others: &[Kind]) -> Result<()> {
    let wanted = normalise(label);
    if let Some(other) = others
        .iter()
        .find(|k| normalise(&k.label) == wanted || normalise(&k.key) == wanted)
    {
        return Err(Error::Duplicate {
            field: Some("name"),
            message: if other.retired {
                format!(
                    "This publication already has a retired kind called \"{}\". Restore it instead of adding it again.",
                    other.label
                )
            } else {
                format!(
                    "This publication already has a kind called \"{}\". Choose another name.",
                    other.label
                )
            },
        });
    }
    Ok(())
}

/// A key not yet used by the publication: "white_paper", else "white_paper_2"…
pub(crate) fn unique_key(label: &str, others: &[Kind]) -> String {
    let base = key_of(label);
    let mut key = base.clone();
    let mut n = 2;
    while others.iter().any(|k| k.key == key) {
        key = format!("{base}_{n}");
        n += 1;
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_ascii_words_joined_by_underscores() {
        for (label, key) in [
            ("White paper", "white_paper"),
            ("  Sponsored  roundtable! ", "sponsored_roundtable"),
            ("Case-study", "case_study"),
            ("Café", "cafx"),
            ("!!!", "kind"),
        ] {
            assert_eq!(key_of(label), key, "{label}");
        }
    }

    #[test]
    fn typed_names_match_regardless_of_case_and_spacing() {
        assert_eq!(normalise("Case study"), normalise("case_study"));
        assert_eq!(normalise("PARTNER-content"), normalise("Partner content"));
    }
}
