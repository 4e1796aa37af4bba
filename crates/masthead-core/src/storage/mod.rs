//! The storage seam. Use cases run their rules against a [`Tx`]: one
//! transaction with an operation per aggregate. SQLite (`sqlite`) is the one
//! implementation today; a team server is a second implementation of these
//! traits, not a second copy of the rules.
//!
//! Storage knows rows, not rules: it never validates, never decides whether
//! a move is allowed, never writes history on its own. An `update_*` takes
//! the version the caller read and returns `false` when the row has moved on
//! (or is gone), so a lost update is impossible even if a caller forgot to
//! check first.

pub(crate) mod postgres;
pub(crate) mod sql;
pub(crate) mod sqlite;
pub(crate) mod statements;
mod tables;
pub(crate) mod tx;

pub(crate) use tables::TABLES;
pub(crate) use tx::{TrashEntry, TrashRow};

use crate::error::Result;
use crate::model::*;

/// What opens transactions on a database.
pub(crate) trait Backend: Send {
    /// A read-only snapshot: every read inside sees the same committed state.
    fn read(&self) -> Result<Tx<'_>>;
    /// A write transaction that holds the write lock from its first
    /// statement, so what it reads is what it updates. Dropped without
    /// `commit`, it rolls back (on error and on panic alike).
    fn write(&mut self) -> Result<Tx<'_>>;
    /// A number that changes when another connection commits; the app polls
    /// it to notice changes made by another window or the CLI.
    fn data_version(&self) -> Result<i64>;
    fn schema_version(&self) -> Result<i64>;
    /// Called before every write: the database is still where it was opened.
    fn check_still_there(&self) -> Result<()>;
    fn location(&self) -> &std::path::Path;
    /// The team server and the login this connection signed in with; `None`
    /// for a file.
    fn server(&self) -> Option<&postgres::ServerLocation> {
        None
    }
    /// The server process of this connection (a team server's), so a
    /// listener can leave out its own commits.
    fn connection_pid(&self) -> Option<i32> {
        None
    }
    /// Writes a consistent copy of a file to `dest` (SQLite's backup API).
    fn backup_to(&self, dest: &std::path::Path) -> Result<()> {
        let _ = dest;
        Err(not_a_file("backup"))
    }
    /// A second connection to the same file, for reading only: a copy is
    /// taken through it on a thread of its own while this one works on.
    fn beside(&self) -> Result<Box<dyn Backend>> {
        Err(not_a_file("backup"))
    }
    /// Replaces a file's contents with the backup at `source`, the current
    /// contents first copied to `set_aside`.
    fn restore_from(
        &mut self,
        source: &std::path::Path,
        set_aside: &std::path::Path,
    ) -> Result<()> {
        let _ = (source, set_aside);
        Err(not_a_file("restore"))
    }
    /// The engine's own consistency checks, a line per problem (on a
    /// server: the value checks rows from before them still fail).
    fn engine_checks(&self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
    /// On a team server, the members whose login cannot work here (a file
    /// has no logins).
    fn login_checks(&self) -> Result<Vec<LoginProblem>> {
        Ok(Vec::new())
    }
    /// On a team server, gives back what a restore elsewhere left out: the
    /// right to connect, and the team's record of each member's login.
    /// What was repaired, a line each.
    fn repair_logins(&mut self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
    /// Caps the database at its current size plus `extra` pages (`None`
    /// lifts the cap), to test what a full disk does.
    #[cfg(test)]
    fn limit_pages(&self, extra: Option<u64>);
}

/// A team member whose login cannot work on this server.
pub(crate) struct LoginProblem {
    pub name: String,
    pub login: String,
    pub kind: LoginTrouble,
    /// Whether `repair` may mend it (a login this team made, directly in
    /// its groups; never a superuser's, the owner's or a stranger's).
    pub repairable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LoginTrouble {
    /// No role of that name on this server (its roles were not restored).
    Missing,
    /// The role may not log in.
    NoLogin,
    /// The role may not connect to this database (a restore without
    /// `--create` leaves the database's grants behind).
    NoConnect,
    /// The team's record names another role of that name (a restore onto
    /// another server makes the roles anew).
    Unlinked,
    /// Not a member's: the database lets every login on the server connect
    /// (a restore into a new database without `--create` loses its grants).
    OpenToAll,
    /// Not a member's: the server's `postgres` database lets every login
    /// connect (and make temporary tables there): the superuser's to close.
    ServerOpenToAll,
}

/// What a team server refuses that only a file does.
fn not_a_file(verb: &str) -> crate::error::Error {
    crate::error::Error::invalid(
        "not_on_a_server",
        "db",
        format!(
            "`masthead {verb}` works on a database file. A team server is backed up and restored with PostgreSQL's own tools: see \"Team server › Backups\" in the README."
        ),
    )
}

/// A new piece as storage records it, after the rules have checked it.
pub(crate) struct NewArticle<'a> {
    pub id: ArticleId,
    pub edition: EditionId,
    pub status: StatusId,
    pub kind: KindId,
    pub slug: &'a str,
    pub fields: &'a ArticleInput,
}

/// A kind as storage records it.
pub(crate) struct KindRow<'a> {
    pub id: KindId,
    pub publication: PublicationId,
    pub key: &'a str,
    pub label: &'a str,
    pub retired: bool,
    pub words_per_page: Option<u32>,
}

/// An assignment as storage records it, after the rules have checked it.
pub(crate) struct AssignmentRow<'a> {
    pub id: AssignmentId,
    pub article: ArticleId,
    pub contributor: ContributorId,
    pub fields: &'a AssignmentTerms,
    pub state: AssignmentState,
}

/// A slot as storage records it, after the rules placed it.
pub(crate) struct SlotRow {
    pub id: SlotId,
    pub edition: EditionId,
    pub article: Option<ArticleId>,
    pub advert: Option<AdvertId>,
    pub first_page: u32,
    pub last_page: u32,
    pub part_offset: u32,
    pub part_units: u32,
}

/// A draft as storage records it, after the rules have checked it: the
/// facts, and beside them the original file and its text.
pub(crate) struct DraftRow<'a> {
    pub id: DraftId,
    pub article: ArticleId,
    pub assignment: Option<AssignmentId>,
    pub contributor: Option<ContributorId>,
    pub version: u32,
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub size: u64,
    pub sha256: &'a str,
    pub words: u32,
    pub recorded_by: &'a str,
    pub original: &'a [u8],
    pub text: &'a str,
    pub markdown: &'a str,
}

/// A contributor's draft as her client read it, for the server's function
/// (which works out the size, the hash and the words itself).
pub(crate) struct OwnDraft<'a> {
    pub file_name: &'a str,
    pub media_type: &'a str,
    pub original: &'a [u8],
    pub text: &'a str,
    pub markdown: &'a str,
}

/// What the server's function stored.
pub(crate) struct OwnDraftSaved {
    pub id: DraftId,
    pub version: u32,
    /// The statuses a first draft moved the piece from and to.
    pub moved: Option<(String, String)>,
}

/// Which assignments a list shows; `None` means any.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct AssignmentFilter {
    pub article: Option<ArticleId>,
    pub contributor: Option<ContributorId>,
    pub edition: Option<EditionId>,
    pub publication: Option<PublicationId>,
    pub state: Option<crate::model::AssignmentState>,
}

/// A board card as stored, with the earliest due date of its active
/// assignments (the use case works out the deadline from it).
pub(crate) struct BoardRow {
    pub card: BoardCard,
    pub due: Option<chrono::NaiveDate>,
    /// Its offers no one has answered yet.
    pub offers: Vec<OpenOffer>,
}

/// A piece of an edition still to come, as the calendar reads it.
pub(crate) struct PieceToCome {
    pub id: crate::model::ArticleId,
    pub edition_id: crate::model::EditionId,
    pub edition: String,
    pub title: String,
    pub status_id: crate::model::StatusId,
    pub version: u32,
    /// Its active writers' earliest due date.
    pub due: Option<chrono::NaiveDate>,
}

/// An open commission due in a stretch of days, as the calendar reads it.
pub(crate) struct DueCommission {
    pub id: crate::model::AssignmentId,
    pub article_id: crate::model::ArticleId,
    pub article_title: String,
    pub edition_id: crate::model::EditionId,
    pub edition: String,
    pub contributor_id: crate::model::ContributorId,
    pub contributor: String,
    pub role: String,
    pub due_date: chrono::NaiveDate,
    pub version: u32,
    /// Whether a draft has come in answer to it.
    pub has_draft: bool,
}

/// An offer on a board's piece still waiting for its answer.
pub(crate) struct OpenOffer {
    pub id: crate::model::AssignmentId,
    pub contributor_id: crate::model::ContributorId,
    pub contributor: String,
    pub role: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A slot as `check` sees it.
pub(crate) struct SlotToCheck {
    pub edition_id: String,
    pub edition: String,
    pub page_count: u32,
    pub label: String,
    pub first_page: u32,
    pub last_page: u32,
    pub part_offset: u32,
    pub part_units: u32,
}

/// One transaction's operations, grouped by aggregate.
/// (One engine-neutral implementation: the statements in `tx/`, one file
/// per aggregate, over an engine's `Conn`.)
pub(crate) type Tx<'c> = tx::SqlTx<'c>;
