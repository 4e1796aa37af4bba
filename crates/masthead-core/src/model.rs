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
    AdvertId,
    SlotId,
    DraftId,
    PersonId,
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

/// What a team member may do on a team server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    /// Sees and changes everything.
    Editor,
    /// Sees their own assignments, answers offers, submits drafts.
    Contributor,
}

impl TeamRole {
    pub fn key(self) -> &'static str {
        match self {
            TeamRole::Editor => "editor",
            TeamRole::Contributor => "contributor",
        }
    }

    pub fn parse(text: &str) -> Option<TeamRole> {
        match text.trim().to_ascii_lowercase().as_str() {
            "editor" => Some(TeamRole::Editor),
            "contributor" => Some(TeamRole::Contributor),
            _ => None,
        }
    }
}

/// Someone who signs in to a team server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    pub email: Option<String>,
    pub role: TeamRole,
    /// The server login they sign in with.
    pub login: Option<String>,
    /// Their entry in the contributors directory (a contributor's always).
    pub contributor_id: Option<ContributorId>,
    pub created_at: DateTime<Utc>,
    pub version: u32,
}

/// A new team member, as the Team screen and `team invite` ask for one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InviteInput {
    pub name: String,
    pub email: String,
    pub role: TeamRole,
}

/// What to send a new team member, shown once: the password is stored
/// nowhere by Masthead (the server keeps only its hash), and `Debug` hides it.
#[derive(Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Invitation {
    pub person: Person,
    pub login: String,
    pub password: String,
    /// The address to connect to, with the login and without the password.
    pub url: String,
}

impl std::fmt::Debug for Invitation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Invitation")
            .field("person", &self.person)
            .field("login", &self.login)
            .field("password", &"***")
            .field("url", &self.url)
            .finish()
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
    pub phone: String,
    pub kind: ContributorKind,
    pub notes: String,
    /// Offered or accepted assignments now.
    pub active_assignments: u32,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContributorInput {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub email: Option<String>,
    pub phone: String,
    pub kind: ContributorKind,
    pub notes: String,
}

impl From<&Contributor> for ContributorInput {
    fn from(c: &Contributor) -> Self {
        ContributorInput {
            name: c.name.clone(),
            role: c.role.clone(),
            organisation: c.organisation.clone(),
            email: c.email.clone(),
            phone: c.phone.clone(),
            kind: c.kind,
            notes: c.notes.clone(),
        }
    }
}

/// A contributor's page: who they are, everything they were asked to do,
/// and the history of their record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContributorDetail {
    pub contributor: Contributor,
    /// Newest first.
    pub assignments: Vec<Assignment>,
    pub history: Vec<HistoryEntry>,
}

/// Where an assignment stands: offered until the contributor answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentState {
    Offered,
    Accepted,
    Declined,
    Withdrawn,
}

impl AssignmentState {
    pub fn key(self) -> &'static str {
        match self {
            AssignmentState::Offered => "offered",
            AssignmentState::Accepted => "accepted",
            AssignmentState::Declined => "declined",
            AssignmentState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<AssignmentState> {
        [
            AssignmentState::Offered,
            AssignmentState::Accepted,
            AssignmentState::Declined,
            AssignmentState::Withdrawn,
        ]
        .into_iter()
        .find(|s| s.key() == text)
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
    /// The words of the newest of those versions.
    pub latest_words: Option<u32>,
    pub version: u32,
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
    /// Who or what the line is about when it is not the record itself
    /// (the contributor of an assignment).
    pub subject: Option<String>,
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
    /// A file's path, or a team server's address (without the password).
    pub path: String,
    pub schema_version: u32,
    pub is_empty: bool,
    pub has_demo: bool,
    /// A team server rather than a file.
    pub server: bool,
    /// On a team server, the team member signed in (none for its owner).
    pub member: Option<Person>,
}

/// An assignment's terms after the rules: what storage records. The fee is
/// in the currency's minor units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AssignmentTerms {
    pub role: String,
    pub brief: String,
    pub word_target: Option<u32>,
    pub due_date: Option<NaiveDate>,
    pub fee: Option<(i64, String)>,
}

/// Decimal places of a currency's minor unit (ISO 4217): 2 for most, 0 for
/// the yen, 3 for the dinars.
pub fn currency_decimals(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "ISK" | "CLP" | "VND" | "XAF" | "XOF" | "UGX" | "PYG" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
        _ => 2,
    }
}

/// Minor units as a person writes them: 35000 GBP → "350.00".
pub fn format_fee(minor: i64, currency: &str) -> String {
    let places = currency_decimals(currency);
    if places == 0 {
        return minor.to_string();
    }
    let scale = 10_i64.pow(places);
    format!(
        "{}.{:0width$}",
        minor / scale,
        minor % scale,
        width = places as usize
    )
}

/// How much of the flatplan an advert takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdvertSize {
    Full,
    Half,
    Third,
    Quarter,
    /// Two facing pages.
    Spread,
}

impl AdvertSize {
    pub const ALL: [AdvertSize; 5] = [
        AdvertSize::Full,
        AdvertSize::Half,
        AdvertSize::Third,
        AdvertSize::Quarter,
        AdvertSize::Spread,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AdvertSize::Full => "full",
            AdvertSize::Half => "half",
            AdvertSize::Third => "third",
            AdvertSize::Quarter => "quarter",
            AdvertSize::Spread => "spread",
        }
    }

    pub fn parse(text: &str) -> Option<AdvertSize> {
        let t = text.trim().to_lowercase();
        AdvertSize::ALL.into_iter().find(|s| s.key() == t)
    }

    /// Pages it spans and the twelfths of a page it takes on each.
    pub fn shape(self) -> (u32, u32) {
        match self {
            AdvertSize::Full => (1, 12),
            AdvertSize::Half => (1, 6),
            AdvertSize::Third => (1, 4),
            AdvertSize::Quarter => (1, 3),
            AdvertSize::Spread => (2, 12),
        }
    }
}

/// Where an advert's booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdvertState {
    Pencilled,
    Booked,
    /// Booked, and its artwork has arrived.
    Artwork,
}

impl AdvertState {
    pub fn key(self) -> &'static str {
        match self {
            AdvertState::Pencilled => "pencilled",
            AdvertState::Booked => "booked",
            AdvertState::Artwork => "artwork",
        }
    }

    pub fn parse(text: &str) -> Option<AdvertState> {
        let t = text.trim().to_lowercase();
        [
            AdvertState::Pencilled,
            AdvertState::Booked,
            AdvertState::Artwork,
        ]
        .into_iter()
        .find(|s| s.key() == t || (t == "artwork received" && *s == AdvertState::Artwork))
    }
}

/// An advert booked into an edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Advert {
    pub id: AdvertId,
    pub edition_id: EditionId,
    pub advertiser: String,
    pub size: AdvertSize,
    pub state: AdvertState,
    /// A position request: "right-hand page", "facing matter".
    pub position: String,
    pub notes: String,
    /// On the flatplan already.
    pub placed: bool,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdvertInput {
    pub advertiser: String,
    pub size: AdvertSize,
    pub state: AdvertState,
    pub position: String,
    pub notes: String,
}

impl From<&Advert> for AdvertInput {
    fn from(a: &Advert) -> Self {
        AdvertInput {
            advertiser: a.advertiser.clone(),
            size: a.size,
            state: a.state,
            position: a.position.clone(),
            notes: a.notes.clone(),
        }
    }
}

/// Where a slot goes: a run of whole pages, or part of one page (in
/// twelfths: 12 full, 6 half, 4 third, 3 quarter). With no offset, the
/// first free part of the page is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Placement {
    pub first_page: u32,
    pub last_page: u32,
    pub part_units: u32,
    pub part_offset: Option<u32>,
}

/// A piece or an advert on the flatplan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Slot {
    pub id: SlotId,
    pub edition_id: EditionId,
    pub article_id: Option<ArticleId>,
    pub advert_id: Option<AdvertId>,
    pub first_page: u32,
    pub last_page: u32,
    pub part_offset: u32,
    pub part_units: u32,
    /// The piece's title or the advertiser.
    pub label: String,
    pub section: Option<String>,
    /// The piece's status (adverts have none).
    pub status_id: Option<StatusId>,
    pub status_label: Option<String>,
    pub status_colour: Option<String>,
    /// Words a full page of the piece's kind holds.
    pub words_per_page: Option<u32>,
    pub word_target: Option<u32>,
    /// Words the slot holds: its pages × the kind's words per page.
    pub fits_words: Option<u32>,
    /// The words of the piece's copy, once a draft is in.
    pub copy: Option<WordCount>,
    /// The slot holds more than 10% more or fewer words than the copy has
    /// (or, before any draft, than the target).
    pub copyfit_off: bool,
    pub version: u32,
}

/// One page of the flatplan and the slots on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FlatplanPage {
    pub number: u32,
    /// "Front cover", "Inside front cover", … for the covers.
    pub name: Option<String>,
    pub slots: Vec<SlotId>,
    /// Twelfths of the page still free.
    pub free_units: u32,
}

/// Pages by use: editorial, advertising, free (fractions as decimals).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PageBudget {
    pub pages: u32,
    pub editorial: f64,
    pub advertising: f64,
    pub free: f64,
}

/// An edition's flatplan: its pages, what is on them, and what is not yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Flatplan {
    pub edition_id: EditionId,
    pub page_count: u32,
    /// Goes up with every change to the flatplan.
    pub version: u32,
    pub pages: Vec<FlatplanPage>,
    pub slots: Vec<Slot>,
    /// Live pieces not on the flatplan (spiked ones are never placed).
    pub unplaced_articles: Vec<Article>,
    pub unplaced_adverts: Vec<Advert>,
    pub budget: PageBudget,
}

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
    /// The same as Markdown (headings, lists, links, notes kept).
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
    pub contributors: Vec<String>,
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
