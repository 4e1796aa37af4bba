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
pub(crate) mod tx;

use crate::error::Result;
use crate::history::ChangeSet;
use crate::model::*;

/// What opens transactions on a database.
pub(crate) trait Backend: Send {
    /// A read-only snapshot: every read inside sees the same committed state.
    fn read(&self) -> Result<Box<dyn Tx + '_>>;
    /// A write transaction that holds the write lock from its first
    /// statement, so what it reads is what it updates. Dropped without
    /// `commit`, it rolls back (on error and on panic alike).
    fn write(&mut self) -> Result<Box<dyn Tx + '_>>;
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
}

/// A board card as stored, with the earliest due date of its active
/// assignments (the use case works out the deadline from it).
pub(crate) struct BoardRow {
    pub card: BoardCard,
    pub due: Option<chrono::NaiveDate>,
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

/// Every table of Masthead's data with its columns, in an order where what
/// a row refers to comes before it: how an import copies a whole database
/// between a file and a server. `articles.approved_draft_id` refers forward
/// (to a draft, which refers to its piece), so it is copied last, by
/// [`Tx::set_approved_draft_raw`]. `people` comes after the history, so a
/// server's "who" triggers never see an imported member; an import into a
/// server leaves it out (its team is its own). The lists of history's words
/// (`history_entity_types`, `history_actions`) come with the schema.
pub(crate) const TABLES: &[(&str, &[&str])] = &[
    (
        "publications",
        &[
            "id",
            "name",
            "frequency",
            "is_print",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
            "workflow_version",
        ],
    ),
    (
        "workflow_statuses",
        &[
            "id",
            "publication_id",
            "key",
            "label",
            "position",
            "colour",
            "is_spiked",
            "is_final",
            "deadline_offset_days",
            "retired_at",
            "is_initial",
            "deadline_anchor",
            "receives_drafts",
        ],
    ),
    ("workflow_transitions", &["from_status_id", "to_status_id"]),
    (
        "sections",
        &[
            "id",
            "publication_id",
            "name",
            "position",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
        ],
    ),
    (
        "kinds",
        &[
            "id",
            "publication_id",
            "key",
            "label",
            "position",
            "retired_at",
            "created_at",
            "updated_at",
            "version",
            "words_per_page",
        ],
    ),
    (
        "editions",
        &[
            "id",
            "publication_id",
            "name",
            "theme",
            "focus_topics",
            "cover_date",
            "page_count",
            "commissioning_closes",
            "copy_deadline",
            "subbing_deadline",
            "press_date",
            "on_sale_date",
            "notes",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
            "flatplan_version",
        ],
    ),
    (
        "contributors",
        &[
            "id",
            "name",
            "role",
            "organisation",
            "email",
            "kind",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
            "phone",
            "notes",
        ],
    ),
    (
        "articles",
        &[
            "id",
            "edition_id",
            "section_id",
            "status_id",
            "kind_id",
            "title",
            "slug",
            "standfirst",
            "word_target",
            "tags",
            "notes",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
        ],
    ),
    (
        "assignments",
        &[
            "id",
            "article_id",
            "contributor_id",
            "role",
            "brief",
            "word_target",
            "due_date",
            "fee_minor",
            "fee_currency",
            "state",
            "answered_at",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
        ],
    ),
    (
        "adverts",
        &[
            "id",
            "edition_id",
            "advertiser",
            "size",
            "state",
            "position",
            "notes",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
        ],
    ),
    (
        "slots",
        &[
            "id",
            "edition_id",
            "article_id",
            "advert_id",
            "first_page",
            "last_page",
            "part_offset",
            "part_units",
            "created_at",
            "updated_at",
            "version",
        ],
    ),
    (
        "drafts",
        &[
            "id",
            "article_id",
            "assignment_id",
            "contributor_id",
            "number",
            "file_name",
            "media_type",
            "size",
            "sha256",
            "words",
            "submitted_at",
            "recorded_by",
        ],
    ),
    (
        "draft_contents",
        &["draft_id", "original", "text", "markdown"],
    ),
    (
        "change_sets",
        &["id", "at", "actor", "publication_id", "edition_id"],
    ),
    (
        "changes",
        &[
            "id",
            "change_set_id",
            "seq",
            "entity",
            "entity_id",
            "version",
            "action",
            "field",
            "old_value",
            "new_value",
            "old_ref",
            "new_ref",
            "subject",
        ],
    ),
    (
        "people",
        &[
            "id",
            "name",
            "email",
            "role",
            "login",
            "contributor_id",
            "created_at",
            "updated_at",
            "deleted_at",
            "version",
        ],
    ),
];

/// One transaction's operations, grouped by aggregate.
pub(crate) trait Tx {
    /// Saves everything done in this transaction.
    fn commit(self: Box<Self>) -> Result<()>;

    // Publications.
    fn publications(&mut self) -> Result<Vec<Publication>>;
    fn publication(&mut self, id: PublicationId) -> Result<Option<Publication>>;
    fn insert_publication(
        &mut self,
        id: PublicationId,
        v: &PublicationInput,
        at: &str,
    ) -> Result<()>;
    fn update_publication(
        &mut self,
        id: PublicationId,
        version: u32,
        v: &PublicationInput,
        at: &str,
    ) -> Result<bool>;

    // Workflow.
    fn insert_workflow(&mut self, publication: PublicationId, wf: &Workflow) -> Result<()>;
    /// The publication's statuses in order, retired ones left out.
    fn statuses(&mut self, publication: PublicationId) -> Result<Vec<Status>>;
    /// One status, retired or not.
    fn status(&mut self, id: StatusId) -> Result<Option<Status>>;
    fn transitions(&mut self, publication: PublicationId) -> Result<Vec<Transition>>;
    /// The statuses a piece in `from` may move to, in workflow order.
    fn next_statuses(&mut self, from: StatusId) -> Result<Vec<Status>>;
    fn status_publication(&mut self, id: StatusId) -> Result<Option<PublicationId>>;
    /// Every status in order, retired ones included.
    fn all_statuses(&mut self, publication: PublicationId) -> Result<Vec<Status>>;
    /// The version of the publication's workflow as a whole.
    fn workflow_version(&mut self, publication: PublicationId) -> Result<Option<u32>>;
    /// Moves the workflow on from `version`; `false` if it already had.
    fn bump_workflow(&mut self, publication: PublicationId, version: u32, at: &str)
    -> Result<bool>;
    fn insert_status(&mut self, publication: PublicationId, s: &Status, at: &str) -> Result<()>;
    /// Writes every field of the status (position and retired included).
    fn update_status(&mut self, s: &Status, at: &str) -> Result<()>;
    fn delete_status(&mut self, id: StatusId) -> Result<()>;
    /// Whether a piece (live or deleted) is in this status or its history
    /// names it (1), or not (0).
    fn status_uses(&mut self, id: StatusId) -> Result<u32>;
    fn insert_transition(&mut self, from: StatusId, to: StatusId) -> Result<()>;
    fn delete_transition(&mut self, from: StatusId, to: StatusId) -> Result<()>;

    // Kinds of piece.
    fn kinds(&mut self, publication: PublicationId, with_retired: bool) -> Result<Vec<Kind>>;
    fn kind(&mut self, id: KindId) -> Result<Option<Kind>>;
    fn insert_kind(&mut self, k: &KindRow<'_>, at: &str) -> Result<()>;
    fn update_kind(&mut self, k: &KindRow<'_>, version: u32, at: &str) -> Result<bool>;

    // Sections.
    fn sections(&mut self, publication: PublicationId) -> Result<Vec<Section>>;
    fn section(&mut self, id: SectionId) -> Result<Option<Section>>;
    fn insert_section(
        &mut self,
        id: SectionId,
        publication: PublicationId,
        name: &str,
        at: &str,
    ) -> Result<()>;
    fn update_section(&mut self, id: SectionId, version: u32, name: &str, at: &str)
    -> Result<bool>;

    // Editions.
    fn editions(&mut self, publication: Option<PublicationId>) -> Result<Vec<Edition>>;
    fn edition(&mut self, id: EditionId) -> Result<Option<Edition>>;
    fn insert_edition(
        &mut self,
        id: EditionId,
        publication: PublicationId,
        v: &EditionInput,
        at: &str,
    ) -> Result<()>;
    fn update_edition(
        &mut self,
        id: EditionId,
        version: u32,
        v: &EditionInput,
        at: &str,
    ) -> Result<bool>;

    // Pieces.
    fn articles(&mut self, edition: EditionId) -> Result<Vec<Article>>;
    fn article(&mut self, id: ArticleId) -> Result<Option<Article>>;
    /// Ids of the live pieces titled `title` (case-insensitive), in any edition.
    fn articles_titled(&mut self, title: &str) -> Result<Vec<ArticleId>>;
    fn insert_article(&mut self, a: &NewArticle<'_>, at: &str) -> Result<()>;
    fn update_article(
        &mut self,
        id: ArticleId,
        version: u32,
        slug: &str,
        v: &ArticleInput,
        at: &str,
    ) -> Result<bool>;
    fn set_article_status(
        &mut self,
        id: ArticleId,
        version: u32,
        to: StatusId,
        at: &str,
    ) -> Result<bool>;

    // Contributors and assignments.
    /// Contributors by name.
    fn contributors(&mut self) -> Result<Vec<Contributor>>;
    fn contributor(&mut self, id: ContributorId) -> Result<Option<Contributor>>;
    fn contributor_by_email(&mut self, email: &str) -> Result<Option<Contributor>>;
    fn update_contributor(
        &mut self,
        id: ContributorId,
        version: u32,
        v: &ContributorInput,
        at: &str,
    ) -> Result<bool>;
    fn insert_contributor(
        &mut self,
        id: ContributorId,
        v: &ContributorInput,
        at: &str,
    ) -> Result<()>;
    fn insert_assignment(&mut self, a: &AssignmentRow<'_>, at: &str) -> Result<()>;
    fn assignment(&mut self, id: AssignmentId) -> Result<Option<Assignment>>;
    /// Newest first.
    fn assignments(&mut self, filter: AssignmentFilter) -> Result<Vec<Assignment>>;
    fn update_assignment(
        &mut self,
        id: AssignmentId,
        version: u32,
        v: &AssignmentTerms,
        at: &str,
    ) -> Result<bool>;
    fn set_assignment_state(
        &mut self,
        id: AssignmentId,
        version: u32,
        state: AssignmentState,
        at: &str,
    ) -> Result<bool>;

    // Adverts and the flatplan.
    fn adverts(&mut self, edition: EditionId) -> Result<Vec<Advert>>;
    fn advert(&mut self, id: AdvertId) -> Result<Option<Advert>>;
    fn insert_advert(
        &mut self,
        id: AdvertId,
        edition: EditionId,
        v: &AdvertInput,
        at: &str,
    ) -> Result<()>;
    fn update_advert(
        &mut self,
        id: AdvertId,
        version: u32,
        v: &AdvertInput,
        at: &str,
    ) -> Result<bool>;
    /// An edition's slots by first page, with what is on them.
    fn slots(&mut self, edition: EditionId) -> Result<Vec<Slot>>;
    fn slot(&mut self, id: SlotId) -> Result<Option<Slot>>;
    fn insert_slot(&mut self, s: &SlotRow, at: &str) -> Result<()>;
    /// Moves a slot from `version`; `false` if it moved on or is gone.
    fn update_slot(&mut self, s: &SlotRow, version: u32, at: &str) -> Result<bool>;
    fn delete_slot(&mut self, id: SlotId) -> Result<()>;
    fn flatplan_version(&mut self, edition: EditionId) -> Result<Option<u32>>;
    fn bump_flatplan(&mut self, edition: EditionId, at: &str) -> Result<()>;

    // Drafts: inserted, never updated or deleted.
    /// A piece's drafts, newest first: the facts, not the text or file.
    fn drafts(&mut self, article: ArticleId) -> Result<Vec<Draft>>;
    /// A draft's plain text and Markdown.
    fn draft_text(&mut self, id: DraftId) -> Result<Option<(String, String)>>;
    /// The file as it was submitted.
    fn draft_original(&mut self, id: DraftId) -> Result<Option<Vec<u8>>>;
    fn insert_draft(&mut self, d: &DraftRow<'_>, at: &str) -> Result<()>;
    /// Marks `draft` (or none) as the piece's approved copy, from `version`.
    fn set_approved_draft(
        &mut self,
        article: ArticleId,
        version: u32,
        draft: Option<DraftId>,
        at: &str,
    ) -> Result<bool>;

    // A contributor on a team server writes only through the server's
    // checked functions, which do the whole change and its history.
    /// Whether this connection's writes go through those functions.
    fn writes_through_functions(&self) -> bool;
    /// Her answer to her open offer, from `version`: false when the
    /// assignment is no longer at `version` (a conflict, nothing saved).
    fn answer_own_offer(&mut self, id: AssignmentId, version: u32, accept: bool) -> Result<bool>;
    /// Her draft of her piece: the server numbers, counts, stores and
    /// records it, and moves a first draft's piece.
    fn submit_own_draft(&mut self, article: ArticleId, d: &OwnDraft<'_>) -> Result<OwnDraftSaved>;

    // The board.
    /// The live pieces of a publication the filter lets through (all but
    /// `overdue_only`, which needs the deadline), in workflow then title order.
    fn board(&mut self, publication: PublicationId, filter: &BoardFilter) -> Result<Vec<BoardRow>>;

    // The team: people who sign in to a team server.
    fn people(&mut self) -> Result<Vec<Person>>;
    fn person(&mut self, id: PersonId) -> Result<Option<Person>>;
    fn person_by_login(&mut self, login: &str) -> Result<Option<Person>>;
    fn person_by_email(&mut self, email: &str) -> Result<Option<Person>>;
    fn insert_person(&mut self, p: &Person, at: &str) -> Result<()>;
    fn set_person_role(
        &mut self,
        id: PersonId,
        version: u32,
        role: TeamRole,
        at: &str,
    ) -> Result<bool>;
    fn retire_person(&mut self, id: PersonId, version: u32, at: &str) -> Result<bool>;
    /// Server logins (refused on a file), made and changed through the
    /// database owner's functions: `create_login` is false when the name is
    /// taken on the server (by any team); `login` must be a plain name.
    fn create_login(&mut self, login: &str, password: &str, role: TeamRole) -> Result<bool>;
    fn set_login_role(&mut self, login: &str, role: TeamRole) -> Result<()>;
    fn close_login(&mut self, login: &str) -> Result<()>;

    // Whole tables, for an import.
    /// Whether the database holds no publication, contributor, team member
    /// or history.
    fn holds_nothing(&mut self) -> Result<bool>;
    /// Every row of one of [`TABLES`], its columns in that order.
    fn dump_table(
        &mut self,
        table: &str,
        columns: &[&str],
        each: &mut dyn FnMut(Vec<sql::Value>) -> Result<()>,
    ) -> Result<()>;
    fn load_row(&mut self, table: &str, columns: &[&str], row: &[sql::Value]) -> Result<()>;
    /// Every piece's approved draft, as (piece, draft) ids.
    fn approved_drafts(&mut self) -> Result<Vec<(String, String)>>;
    /// Sets a piece's approved draft as it was, touching nothing else.
    fn set_approved_draft_raw(&mut self, article: &str, draft: &str) -> Result<()>;

    // Masthead's own invariants, for `check`.
    /// Each broken invariant SQL can find, as (code, what is wrong).
    fn broken_invariants(&mut self) -> Result<Vec<(String, String)>>;
    /// Every slot with its edition's name and page count, by edition and page.
    fn slots_to_check(&mut self) -> Result<Vec<SlotToCheck>>;

    // History.
    fn write_change_set(&mut self, set: &ChangeSet) -> Result<()>;
    /// Every change of one record, oldest first.
    fn history_of(&mut self, entity_id: &str) -> Result<Vec<HistoryEntry>>;
    /// A piece's changes and its assignments', oldest first.
    fn history_of_article(&mut self, id: ArticleId) -> Result<Vec<HistoryEntry>>;
    /// The changes that took a record past `version`, oldest first.
    fn changes_since(
        &mut self,
        entity: &str,
        entity_id: &str,
        version: u32,
    ) -> Result<Vec<HistoryEntry>>;
}
