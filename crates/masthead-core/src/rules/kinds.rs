//! Kinds of piece: a per-publication list users extend. Names and the
//! stable keys derived from them.

use super::{normalise, required_text};
use crate::error::{Error, Result};
use crate::model::Kind;

/// The kinds a new publication starts with: (key, label).
pub(crate) const DEFAULT_KINDS: &[(&str, &str)] = &[
    ("news", "News"),
    ("feature", "Feature"),
    ("opinion", "Opinion"),
    ("interview", "Interview"),
    ("case_study", "Case study"),
    ("partner", "Partner content"),
    ("competition", "Competition"),
    ("survey", "Survey"),
    ("video", "Video"),
];

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
