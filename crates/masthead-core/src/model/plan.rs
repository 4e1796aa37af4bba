//! The edition plan, and the safekeeping reports (backups, checks).

use super::*;

/// A status as the printed plan shows it: its colours (from the palette)
/// and how many pieces and pages it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanStatus {
    pub id: StatusId,
    pub label: String,
    pub fill: String,
    pub edge: String,
    pub text: String,
    pub is_spiked: bool,
    pub pieces: u32,
}

/// One line of the run sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunSheetRow {
    pub article_id: ArticleId,
    /// "p 6", "pp 12–14", "p 7 (top half)"; `None` when not placed.
    pub pages: Option<String>,
    pub first_page: Option<u32>,
    pub section: Option<String>,
    pub title: String,
    pub kind: String,
    /// Who is on it: accepted, offered or declined, writers first.
    pub credits: Vec<Credit>,
    pub word_target: Option<u32>,
    /// The copy's words, once a draft is in.
    pub words: Option<u32>,
    /// The copy is more than 10% off the target.
    pub words_off: bool,
    pub status_id: StatusId,
    pub status: String,
    pub spiked: bool,
    pub deadline: Option<NextDeadline>,
}

/// A contributor's next date, for the plan's deadlines: the due date of
/// their commission, else the piece's next deadline from the workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDeadline {
    pub date: NaiveDate,
    /// What is due then: "Draft due", or the status the piece must reach.
    pub what: String,
    pub contributor: String,
    pub role: String,
    pub title: String,
    /// The piece's status now.
    pub status: String,
    /// The piece has a draft in.
    pub draft_in: bool,
    pub overdue: bool,
}

/// Everything the printed plan of an edition shows, read in one snapshot:
/// what the PDF and the CSV are made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditionPlan {
    pub edition: Edition,
    /// The day deadlines are judged against.
    pub today: NaiveDate,
    /// Every status in workflow order (retired ones only while pieces are in them).
    pub statuses: Vec<PlanStatus>,
    /// Placed pieces in page order, then the unplaced by section and title.
    pub run_sheet: Vec<RunSheetRow>,
    pub flatplan: Flatplan,
    /// Contributors' due dates, soonest first.
    pub deadlines: Vec<PlanDeadline>,
    /// Sum of the word targets of the pieces not spiked.
    pub words_commissioned: u32,
    /// Sum of the words of the copy in so far.
    pub words_in: u32,
}

/// A backup written: where, and how large.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupMade {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// A restore done: from which backup, and where the contents it replaced
/// were set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Restored {
    pub from: String,
    pub set_aside: String,
}

/// A portable export written: where, how many rows, how large.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportMade {
    pub path: String,
    #[ts(type = "number")]
    pub rows: u64,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// One thing `check` found wrong, in words, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckProblem {
    /// A stable code: `integrity`, `status_of_another_publication`,
    /// `draft_without_contents`, `history_of_nothing`,
    /// `change_set_of_nothing`, `slots_overlap`, `slot_off_the_pages`.
    pub code: String,
    pub problem: String,
    pub what_to_do: String,
}

/// What `check` looked at and found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckReport {
    pub database: String,
    /// The checks run, in words.
    pub checked: Vec<String>,
    pub problems: Vec<CheckProblem>,
}

impl CheckReport {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}
