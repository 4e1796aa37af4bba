//! Kinds of piece and the workflow: statuses, key dates, moves.

use super::*;

/// What a piece is: news, feature, "White paper"… Each publication keeps
/// its own list, like its sections; a retired kind stays on the pieces that
/// have it but is not offered for new ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Kind {
    pub id: KindId,
    pub publication_id: PublicationId,
    /// Stable, derived from the first name: `case_study`, `white_paper`.
    pub key: String,
    pub label: String,
    pub position: u32,
    pub retired: bool,
    /// Copyfit: how many words fill a page of this kind.
    pub words_per_page: Option<u32>,
    pub version: u32,
}

/// A step of a publication's workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Status {
    pub id: StatusId,
    pub key: String,
    pub label: String,
    pub position: u32,
    /// A token of the status palette (`palette::STATUS_COLOURS`).
    pub colour: String,
    /// Where a new piece starts; one per workflow.
    pub is_initial: bool,
    /// Dropped: kept for the record, off the flatplan.
    pub is_spiked: bool,
    /// The end of the workflow: nothing moves on from here.
    pub is_final: bool,
    /// Where a piece goes when its draft arrives; an assignment's due date
    /// is the deadline for reaching it.
    pub receives_drafts: bool,
    /// When a piece must have reached this status, worked out from its
    /// edition's key dates.
    pub deadline: Option<StatusDeadline>,
    /// Retired: kept for its history and the pieces still in it, not offered.
    pub retired: bool,
}

/// The edition dates a status deadline counts back from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum KeyDate {
    CommissioningCloses,
    CopyDeadline,
    SubbingDeadline,
    PressDate,
    OnSaleDate,
}

impl KeyDate {
    pub const ALL: [KeyDate; 5] = [
        KeyDate::CommissioningCloses,
        KeyDate::CopyDeadline,
        KeyDate::SubbingDeadline,
        KeyDate::PressDate,
        KeyDate::OnSaleDate,
    ];

    pub fn key(self) -> &'static str {
        match self {
            KeyDate::CommissioningCloses => "commissioning_closes",
            KeyDate::CopyDeadline => "copy_deadline",
            KeyDate::SubbingDeadline => "subbing_deadline",
            KeyDate::PressDate => "press_date",
            KeyDate::OnSaleDate => "on_sale_date",
        }
    }

    /// The words a user knows the date by.
    pub fn label(self) -> &'static str {
        match self {
            KeyDate::CommissioningCloses => "commissioning close",
            KeyDate::CopyDeadline => "copy deadline",
            KeyDate::SubbingDeadline => "subbing deadline",
            KeyDate::PressDate => "press date",
            KeyDate::OnSaleDate => "on-sale date",
        }
    }

    pub fn parse(text: &str) -> Option<KeyDate> {
        let wanted = crate::rules::normalise(text);
        KeyDate::ALL.into_iter().find(|k| {
            crate::rules::normalise(k.key()) == wanted
                || crate::rules::normalise(k.label()) == wanted
        })
    }

    /// This date of an edition, if it is set.
    pub fn of(self, e: &Edition) -> Option<NaiveDate> {
        match self {
            KeyDate::CommissioningCloses => e.commissioning_closes,
            KeyDate::CopyDeadline => e.copy_deadline,
            KeyDate::SubbingDeadline => e.subbing_deadline,
            KeyDate::PressDate => e.press_date,
            KeyDate::OnSaleDate => e.on_sale_date,
        }
    }
}

/// "Copy deadline − 7 days": a status's deadline relative to its edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusDeadline {
    pub key_date: KeyDate,
    /// Days before the key date (0 = on it; never negative).
    pub days_before: u32,
}

impl std::fmt::Display for StatusDeadline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.days_before {
            0 => write!(f, "on the {}", self.key_date.label()),
            1 => write!(f, "1 day before the {}", self.key_date.label()),
            n => write!(f, "{n} days before the {}", self.key_date.label()),
        }
    }
}

/// What a user edits on a status in the workflow settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StatusInput {
    pub label: String,
    pub colour: String,
    pub is_final: bool,
    pub is_spiked: bool,
    pub receives_drafts: bool,
    pub deadline: Option<StatusDeadline>,
}

impl From<&Status> for StatusInput {
    fn from(s: &Status) -> Self {
        StatusInput {
            label: s.label.clone(),
            colour: s.colour.clone(),
            is_final: s.is_final,
            is_spiked: s.is_spiked,
            receives_drafts: s.receives_drafts,
            deadline: s.deadline,
        }
    }
}

/// A publication's statuses in order, and the moves allowed between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Workflow {
    pub publication_id: PublicationId,
    /// Goes up with every change to the statuses or moves; a change made
    /// from an older version is a conflict.
    pub version: u32,
    /// In order, retired ones included (marked `retired`).
    pub statuses: Vec<Status>,
    pub transitions: Vec<Transition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Transition {
    pub from: StatusId,
    pub to: StatusId,
}
