//! Commissioning: assignments, and the board they show on.

use super::*;

/// Where an assignment stands: offered until the contributor answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentState {
    Offered,
    Accepted,
    Declined,
    Withdrawn,
}

/// Someone on a piece as cards, lists and the plan show them: who, in what
/// role, and whether the offer is still open, accepted or declined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Credit {
    pub name: String,
    pub role: String,
    pub state: AssignmentState,
}

impl Credit {
    /// What is said after the name: a role other than the writer's, and an
    /// answer other than yes ("photographer, offered"); empty for a writer
    /// who accepted. The UI's `creditNote` is checked against this.
    pub fn note(&self) -> String {
        let mut notes = Vec::new();
        if self.role != WRITER_ROLE {
            notes.push(self.role.as_str());
        }
        if self.state != AssignmentState::Accepted {
            notes.push(self.state.key());
        }
        notes.join(", ")
    }

    /// How plain text names them: "Chris Borg", "Priya Shah (photographer,
    /// offered)", "Rachel Dunn (declined)".
    pub fn label(&self) -> String {
        match self.note() {
            note if note.is_empty() => self.name.clone(),
            note => format!("{} ({note})", self.name),
        }
    }

    /// Still on the piece: offered or accepted.
    pub fn is_on(&self) -> bool {
        self.state.is_active()
    }
}

/// The role of the one who writes the piece (its copy and word target come
/// from the writer's commission).
pub const WRITER_ROLE: &str = "writer";

impl AssignmentState {
    pub const ALL: [AssignmentState; 4] = [
        AssignmentState::Offered,
        AssignmentState::Accepted,
        AssignmentState::Declined,
        AssignmentState::Withdrawn,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AssignmentState::Offered => "offered",
            AssignmentState::Accepted => "accepted",
            AssignmentState::Declined => "declined",
            AssignmentState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<AssignmentState> {
        AssignmentState::ALL.into_iter().find(|s| s.key() == text)
    }

    /// Offered or accepted: the contributor is (still) on the piece.
    pub fn is_active(self) -> bool {
        matches!(self, AssignmentState::Offered | AssignmentState::Accepted)
    }
}

/// A contributor asked to do something for a piece: write it, photograph
/// it, be interviewed for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Assignment {
    pub id: AssignmentId,
    pub article_id: ArticleId,
    pub article_title: String,
    pub edition_id: EditionId,
    pub edition: String,
    pub contributor_id: ContributorId,
    pub contributor: String,
    /// writer, photographer, interviewee…
    pub role: String,
    /// Markdown.
    pub brief: String,
    pub word_target: Option<u32>,
    pub due_date: Option<NaiveDate>,
    /// Minor units (pence); `fee_currency` says which.
    #[ts(type = "number | null")]
    pub fee_minor: Option<i64>,
    pub fee_currency: Option<String>,
    /// The fee as a person writes it: "350.00".
    pub fee: Option<String>,
    pub state: AssignmentState,
    pub answered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Versions of the piece this assignment's contributor sent for it.
    pub drafts: u32,
    /// Their version numbers, newest first, to read them again.
    pub draft_versions: Vec<u32>,
    /// The words of the newest of those versions.
    pub latest_words: Option<u32>,
    pub version: u32,
}

/// The terms as they stand, to change one of them (a due date moved on the
/// calendar) and save the rest as they were.
impl From<&Assignment> for AssignmentInput {
    fn from(a: &Assignment) -> Self {
        AssignmentInput {
            contributor_id: a.contributor_id,
            role: a.role.clone(),
            brief: a.brief.clone(),
            word_target: a.word_target,
            due_date: a.due_date,
            fee: a.fee.clone(),
            currency: a.fee_currency.clone(),
        }
    }
}

/// What an editor fills in to commission a piece. The fee is typed text
/// ("350", "350.00") so it stays exact; the rules turn it into minor units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AssignmentInput {
    pub contributor_id: ContributorId,
    pub role: String,
    pub brief: String,
    pub word_target: Option<u32>,
    pub due_date: Option<NaiveDate>,
    pub fee: Option<String>,
    pub currency: Option<String>,
}

/// The next date a piece must meet, and whether it is past.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NextDeadline {
    pub date: NaiveDate,
    /// The status the piece must reach by then ("Draft received").
    pub status_label: String,
    /// The date is an assignment's due date, not the workflow's.
    pub from_assignment: bool,
    pub overdue: bool,
}

/// A card on the board: what an editor needs to see of a piece at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BoardCard {
    pub id: ArticleId,
    pub edition_id: EditionId,
    pub edition: String,
    pub title: String,
    pub section_id: Option<SectionId>,
    pub section: Option<String>,
    pub kind_id: KindId,
    pub kind_label: String,
    pub status_id: StatusId,
    /// Active contributors (offered or accepted), writers first.
    pub contributors: Vec<String>,
    /// The same people with their role and whether they have accepted, so
    /// that an open offer never looks like a confirmed writer.
    pub credits: Vec<Credit>,
    pub word_target: Option<u32>,
    /// The words of its copy against the target, once a draft is in.
    pub copy: Option<WordCount>,
    pub deadline: Option<NextDeadline>,
    /// Has a declined or withdrawn writer and no active one.
    pub needs_writer: bool,
    pub version: u32,
}

/// Which pieces the board shows; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct BoardFilter {
    pub edition_id: Option<EditionId>,
    pub section_id: Option<SectionId>,
    pub kind_id: Option<KindId>,
    pub contributor_id: Option<ContributorId>,
    pub overdue_only: bool,
}

/// The board of one publication: its workflow (the columns, with a retired
/// status shown while pieces are still in it) and the cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Board {
    pub workflow: Workflow,
    pub cards: Vec<BoardCard>,
    /// The date "overdue" was worked out against.
    pub today: NaiveDate,
}
