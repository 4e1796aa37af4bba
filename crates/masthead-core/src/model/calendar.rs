//! The deadline calendar: every date a publication works to, across its
//! editions, and the pieces still without one.

use super::*;

/// What a calendar entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// An edition's key date (copy deadline, press date…): moves by drag.
    KeyDate,
    /// A commission's due date: moves by drag.
    Due,
    /// The date a piece must reach its next status by, from the workflow
    /// and its edition's dates (it moves with those dates).
    Status,
}

/// One deadline on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CalendarEvent {
    /// Stable across reads and exports: `due-<assignment>`,
    /// `key-<edition>-<key date>`, `status-<piece>`.
    pub uid: String,
    pub date: NaiveDate,
    pub kind: EventKind,
    /// The piece's title, or the edition's name for a key date.
    pub title: String,
    /// What falls due: "Copy deadline", "Hannah Okafor's draft",
    /// "Subbed by then".
    pub what: String,
    pub edition_id: EditionId,
    pub edition: String,
    pub article_id: Option<ArticleId>,
    pub assignment_id: Option<AssignmentId>,
    pub contributor_id: Option<ContributorId>,
    pub key_date: Option<KeyDate>,
    /// The version a move is made from (the assignment's or the edition's).
    pub version: Option<u32>,
    pub overdue: bool,
}

impl CalendarEvent {
    /// Whether dragging it to another day reschedules it.
    pub fn movable(&self) -> bool {
        matches!(self.kind, EventKind::KeyDate | EventKind::Due)
    }
}

/// The deadlines from `from` to `to` (both included), by date, and the
/// pieces of editions still to come that have no date at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Calendar {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub today: NaiveDate,
    pub events: Vec<CalendarEvent>,
    pub undated: Vec<UndatedPiece>,
}

/// A piece still to come that has no date at all: no due date, and no
/// deadline its workflow and edition give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct UndatedPiece {
    pub id: ArticleId,
    pub title: String,
    pub edition_id: EditionId,
    pub edition: String,
}

/// An iCalendar file's text, and how many events it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IcsFile {
    pub text: String,
    pub events: u32,
}

/// Where Calendar › Export… wrote the deadlines, and how many.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CalendarExported {
    #[ts(type = "string")]
    pub path: std::path::PathBuf,
    pub events: u32,
}
