//! Drafts: versions, texts, comparisons, files.

use super::*;

/// The words of a piece's copy — its approved version, or else its latest —
/// against its word target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WordCount {
    pub words: u32,
    pub target: Option<u32>,
    /// How far off the target, in whole percent (+5, −12), when there is one.
    pub percent: Option<i32>,
    /// More than 10% over or under the target.
    pub off: bool,
    /// The draft version counted.
    pub version: u32,
    /// That version is the approved copy.
    pub approved: bool,
}

/// One version of a piece's copy, as submitted. Never changed once stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Draft {
    pub id: DraftId,
    pub article_id: ArticleId,
    /// 1 for the piece's first draft, then 2, 3…
    pub version: u32,
    /// The commission it answers.
    pub assignment_id: Option<AssignmentId>,
    /// Who wrote it.
    pub contributor_id: Option<ContributorId>,
    pub contributor: Option<String>,
    /// Who recorded it in Masthead.
    pub recorded_by: String,
    pub submitted_at: DateTime<Utc>,
    pub file_name: String,
    pub media_type: String,
    #[ts(type = "number")]
    pub size: u64,
    pub sha256: String,
    pub words: u32,
    /// This version is the piece's approved copy.
    pub approved: bool,
}

/// A draft with its text, for the reading view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DraftText {
    pub draft: Draft,
    /// Plain text, blocks separated by a blank line (what is counted).
    pub text: String,
    /// The same as Markdown (headings, lists, links, notes kept); a face
    /// shows it through `masthead_text::markdown_html`.
    pub markdown: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DiffTag {
    Same,
    Added,
    Removed,
}

/// A run of text in a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiffPart {
    pub tag: DiffTag,
    pub text: String,
}

/// Two versions compared word by word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DraftDiff {
    pub from: Draft,
    pub to: Draft,
    pub parts: Vec<DiffPart>,
    pub words_added: u32,
    pub words_removed: u32,
}

/// The file a contributor sent, as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFile {
    pub file_name: String,
    pub media_type: String,
    #[serde(with = "crate::base64_bytes")]
    pub bytes: Vec<u8>,
}

/// What submitting a draft did: the version stored, its words against the
/// piece's target, and the move a first draft made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SubmittedDraft {
    pub draft: Draft,
    pub count: WordCount,
    /// The piece's status before and after, when the draft moved it.
    pub moved_from: Option<String>,
    pub moved_to: Option<String>,
}

/// How a version is saved: the file as sent, or its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DraftFormat {
    Original,
    Text,
    Markdown,
}

impl DraftFormat {
    /// `original`, `txt` (or `text`), `md` (or `markdown`).
    pub fn parse(text: &str) -> Option<DraftFormat> {
        match text.trim().to_ascii_lowercase().as_str() {
            "original" => Some(DraftFormat::Original),
            "txt" | "text" => Some(DraftFormat::Text),
            "md" | "markdown" => Some(DraftFormat::Markdown),
            _ => None,
        }
    }
}

/// A version ready to save: a name to suggest and the bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedDraft {
    pub file_name: String,
    #[serde(with = "crate::base64_bytes")]
    pub bytes: Vec<u8>,
}
