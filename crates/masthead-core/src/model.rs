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

/// What a piece is. Stored and shown in JSON as the snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    News,
    Feature,
    Opinion,
    Interview,
    CaseStudy,
    Partner,
    Competition,
    Survey,
    Video,
    Advert,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::News,
        Kind::Feature,
        Kind::Opinion,
        Kind::Interview,
        Kind::CaseStudy,
        Kind::Partner,
        Kind::Competition,
        Kind::Survey,
        Kind::Video,
        Kind::Advert,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::News => "news",
            Kind::Feature => "feature",
            Kind::Opinion => "opinion",
            Kind::Interview => "interview",
            Kind::CaseStudy => "case_study",
            Kind::Partner => "partner",
            Kind::Competition => "competition",
            Kind::Survey => "survey",
            Kind::Video => "video",
            Kind::Advert => "advert",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::News => "News",
            Kind::Feature => "Feature",
            Kind::Opinion => "Opinion",
            Kind::Interview => "Interview",
            Kind::CaseStudy => "Case study",
            Kind::Partner => "Partner content",
            Kind::Competition => "Competition",
            Kind::Survey => "Survey",
            Kind::Video => "Video",
            Kind::Advert => "Advert",
        }
    }

    /// Accepts the stored name, the label and common spellings
    /// ("case study", "case-study", "partner content", "sponsored").
    pub fn parse(text: &str) -> Option<Kind> {
        let norm: String = text
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect();
        match norm.as_str() {
            "partner_content" | "sponsored" | "sponsored_content" => Some(Kind::Partner),
            "ad" => Some(Kind::Advert),
            _ => Kind::ALL.into_iter().find(|k| k.as_str() == norm),
        }
    }
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
    pub is_spiked: bool,
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
    pub kind: Kind,
    pub word_target: Option<u32>,
    pub status_id: StatusId,
    pub status: String,
    pub status_label: String,
    pub status_colour: String,
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
    pub kind: Kind,
    pub word_target: Option<u32>,
    pub notes: String,
}

impl From<&Article> for ArticleInput {
    fn from(a: &Article) -> Self {
        ArticleInput {
            title: a.title.clone(),
            standfirst: a.standfirst.clone(),
            section_id: a.section_id,
            kind: a.kind,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContributorInput {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub email: Option<String>,
    pub kind: ContributorKind,
}

/// One line of the audit trail: what changed, who changed it, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    pub id: HistoryId,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    /// `created`, `updated`, `status`, `deleted` or `restored`.
    pub action: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
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
