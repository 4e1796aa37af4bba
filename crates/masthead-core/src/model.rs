//! The domain types that cross the boundary to the UI and the CLI's JSON.
//! Field names here are the documented JSON shape: change them with care.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        #[ts(type = "string")]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            pub(crate) fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }

            /// Parses an id as the CLI and UI show it.
            pub fn parse(text: &str) -> Option<Self> {
                uuid::Uuid::try_parse(text.trim()).ok().map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.as_hyphenated().fmt(f)
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.to_string()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                uuid::Uuid::try_parse(text)
                    .map(Self)
                    .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }
    )*};
}

id_type!(
    PublicationId,
    EditionId,
    ArticleId,
    SectionId,
    StatusId,
    ContributorId,
    AssignmentId,
    HistoryId,
    KindId,
    ChangeSetId,
);

/// A title that appears in editions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Publication {
    pub id: PublicationId,
    pub name: String,
    pub frequency: String,
    /// Print editions get a warning when the page count is not a multiple of 4.
    pub is_print: bool,
    pub edition_count: u32,
    pub version: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PublicationInput {
    pub name: String,
    pub frequency: String,
    pub is_print: bool,
}

/// A recurring part of a publication: News, Opinion, Housing…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Section {
    pub id: SectionId,
    pub publication_id: PublicationId,
    pub name: String,
    pub position: u32,
    pub version: u32,
}

/// One issue of a publication with its plan and key dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Edition {
    pub id: EditionId,
    pub publication_id: PublicationId,
    pub publication: String,
    pub name: String,
    pub theme: String,
    pub focus_topics: Vec<String>,
    pub cover_date: Option<NaiveDate>,
    pub page_count: u32,
    pub commissioning_closes: Option<NaiveDate>,
    pub copy_deadline: Option<NaiveDate>,
    pub subbing_deadline: Option<NaiveDate>,
    pub press_date: Option<NaiveDate>,
    pub on_sale_date: Option<NaiveDate>,
    pub notes: String,
    pub article_count: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: u32,
}

/// Everything a user edits on an edition. Create and update both take the
/// whole input, so the UI form and the CLI flags map onto it one to one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EditionInput {
    pub name: String,
    pub theme: String,
    pub focus_topics: Vec<String>,
    pub cover_date: Option<NaiveDate>,
    pub page_count: u32,
    pub commissioning_closes: Option<NaiveDate>,
    pub copy_deadline: Option<NaiveDate>,
    pub subbing_deadline: Option<NaiveDate>,
    pub press_date: Option<NaiveDate>,
    pub on_sale_date: Option<NaiveDate>,
    pub notes: String,
}

impl From<&Edition> for EditionInput {
    fn from(e: &Edition) -> Self {
        EditionInput {
            name: e.name.clone(),
            theme: e.theme.clone(),
            focus_topics: e.focus_topics.clone(),
            cover_date: e.cover_date,
            page_count: e.page_count,
            commissioning_closes: e.commissioning_closes,
            copy_deadline: e.copy_deadline,
            subbing_deadline: e.subbing_deadline,
            press_date: e.press_date,
            on_sale_date: e.on_sale_date,
            notes: e.notes.clone(),
        }
    }
}

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
}

/// A publication's statuses in order, and the moves allowed between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Workflow {
    pub publication_id: PublicationId,
    pub statuses: Vec<Status>,
    pub transitions: Vec<Transition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Transition {
    pub from: StatusId,
    pub to: StatusId,
}

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
    /// The statuses the piece may move to next, in workflow order.
    pub next_statuses: Vec<Status>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContributorKind {
    Staff,
    Freelance,
}

impl ContributorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContributorKind::Staff => "staff",
            ContributorKind::Freelance => "freelance",
        }
    }
}

/// A person who writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Contributor {
    pub id: ContributorId,
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub email: Option<String>,
    pub kind: ContributorKind,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContributorInput {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub email: Option<String>,
    pub kind: ContributorKind,
}

/// One line of the audit trail: what changed, who changed it, when. Lines
/// of one user action share their `change_set_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    pub id: HistoryId,
    pub change_set_id: ChangeSetId,
    pub at: DateTime<Utc>,
    pub actor: String,
    /// `publication`, `section`, `edition`, `article`, `contributor`,
    /// `assignment` or `kind`.
    pub entity: String,
    pub entity_id: String,
    /// The record's version after this change.
    pub version: Option<u32>,
    /// `created`, `updated`, `status`, `retired`, `restored` or `deleted`.
    pub action: String,
    pub field: Option<String>,
    /// The words shown for the old and new values.
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// The stable ids behind those words, where the value names a record
    /// (a status, a section, a kind).
    pub old_ref: Option<String>,
    pub new_ref: Option<String>,
    /// The change in words ("moved it from Idea to Commissioned"), the same
    /// sentence in the app and the CLI.
    pub text: String,
}

/// A save refused because someone else saved the record first: what the
/// user saw, what is there now, and the changes in between.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Conflict {
    /// `edition`, `article`, `section`, `kind`, `publication`.
    pub entity: String,
    pub entity_id: String,
    /// How the user knows the record: its name or title.
    pub name: String,
    pub seen_version: u32,
    pub current_version: u32,
    pub changes: Vec<HistoryEntry>,
}

/// Something worth telling the user that does not stop the save.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Warning {
    pub code: String,
    pub field: Option<String>,
    pub message: String,
}

/// The result of a save: the record as stored, and any warnings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Saved<T> {
    pub item: T,
    pub warnings: Vec<Warning>,
}

/// What the app shows about the open database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DatabaseInfo {
    pub path: String,
    pub schema_version: u32,
    pub is_empty: bool,
    pub has_demo: bool,
}
