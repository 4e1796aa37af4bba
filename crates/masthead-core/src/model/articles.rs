//! Pieces.

use super::*;

/// A piece of an edition as lists and the detail show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Article {
    pub id: ArticleId,
    pub edition_id: EditionId,
    pub title: String,
    pub slug: String,
    pub standfirst: String,
    pub section_id: Option<SectionId>,
    pub section: Option<String>,
    pub kind_id: KindId,
    /// The kind's key, such as `case_study`.
    pub kind: String,
    pub kind_label: String,
    pub word_target: Option<u32>,
    pub status_id: StatusId,
    pub status: String,
    pub status_label: String,
    pub status_colour: String,
    pub status_is_spiked: bool,
    pub status_is_final: bool,
    /// Names of the contributors the piece is assigned to, in order.
    pub contributors: Vec<String>,
    /// Everyone offered, assigned or who declined, writers first, with
    /// their role and answer.
    pub credits: Vec<Credit>,
    /// The earliest due date of its writers' offered or accepted assignments.
    pub writer_due: Option<NaiveDate>,
    /// Its next deadline, from the workflow and the edition's dates (or the
    /// writer's due date). Filled by the reads that list or show pieces.
    pub deadline: Option<NextDeadline>,
    /// The words of its copy against the target, once a draft is in.
    pub copy: Option<WordCount>,
    /// How many draft versions it has.
    pub drafts: u32,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleInput {
    pub title: String,
    pub standfirst: String,
    pub section_id: Option<SectionId>,
    pub kind_id: KindId,
    pub word_target: Option<u32>,
    pub notes: String,
}

impl From<&Article> for ArticleInput {
    fn from(a: &Article) -> Self {
        ArticleInput {
            title: a.title.clone(),
            standfirst: a.standfirst.clone(),
            section_id: a.section_id,
            kind_id: a.kind_id,
            word_target: a.word_target,
            notes: a.notes.clone(),
        }
    }
}

/// An article with what the detail view needs beside it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleDetail {
    pub article: Article,
    /// Everyone asked to work on the piece, newest first, answered or not.
    pub assignments: Vec<Assignment>,
    /// The next deadline, from the workflow or an assignment's due date.
    pub deadline: Option<NextDeadline>,
    /// The statuses the piece may move to next, in workflow order.
    pub next_statuses: Vec<Status>,
    /// Every draft version, newest first (facts only, no text).
    pub drafts: Vec<Draft>,
    pub history: Vec<HistoryEntry>,
    /// The comments on it, oldest first (none on a contributor's login).
    pub comments: Vec<Comment>,
}

/// A comment on a piece: its author's alone to edit or delete.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Comment {
    pub id: CommentId,
    pub article_id: ArticleId,
    /// Who wrote it, by the name history records.
    pub author: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    /// When its author last changed it (shown as "edited"); none if never.
    pub edited_at: Option<DateTime<Utc>>,
    pub version: u32,
}

/// A comment that mentions its reader, with the piece it is on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Mention {
    pub comment: Comment,
    pub article_title: String,
    pub edition: String,
}
