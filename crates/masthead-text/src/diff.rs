//! Word-by-word comparison of two drafts' text.

use std::time::Duration;

use similar::{Algorithm, ChangeTag, TextDiff};

/// Whether a run of text is in both versions, only the newer, or only the
/// older.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffTag {
    Same,
    Added,
    Removed,
}

/// A run of text with one tag; runs alternate, white space included, so
/// joining the `Same` and `Added` runs gives the newer text back and the
/// `Same` and `Removed` runs the older.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPart {
    pub tag: DiffTag,
    pub text: String,
}

/// Compares `old` and `new` word by word. Long texts that would take more
/// than a second to align exactly are aligned more coarsely instead.
pub fn diff_words(old: &str, new: &str) -> Vec<DiffPart> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .timeout(Duration::from_secs(1))
        .diff_words(old, new);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => DiffTag::Same,
            ChangeTag::Insert => DiffTag::Added,
            ChangeTag::Delete => DiffTag::Removed,
        };
        let text = change.value();
        match parts.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(text),
            _ => parts.push(DiffPart {
                tag,
                text: text.to_owned(),
            }),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(parts: &[DiffPart], skip: DiffTag) -> String {
        parts
            .iter()
            .filter(|p| p.tag != skip)
            .map(|p| p.text.as_str())
            .collect()
    }

    #[test]
    fn marks_added_and_removed_words_and_rebuilds_both_texts() {
        let old = "The two cities have been partners for 52 years.";
        let new = "The two cities have been close partners for 53 years.";
        let parts = diff_words(old, new);
        assert_eq!(rebuild(&parts, DiffTag::Removed), new);
        assert_eq!(rebuild(&parts, DiffTag::Added), old);
        let added: Vec<&str> = parts
            .iter()
            .filter(|p| p.tag == DiffTag::Added)
            .map(|p| p.text.trim())
            .collect();
        let removed: Vec<&str> = parts
            .iter()
            .filter(|p| p.tag == DiffTag::Removed)
            .map(|p| p.text.trim())
            .collect();
        assert_eq!(added, ["close", "53"]);
        assert_eq!(removed, ["52"]);
    }

    #[test]
    fn the_same_text_is_one_same_run() {
        let parts = diff_words("a b\n\nc", "a b\n\nc");
        assert_eq!(
            parts,
            [DiffPart {
                tag: DiffTag::Same,
                text: "a b\n\nc".into()
            }]
        );
    }
}
