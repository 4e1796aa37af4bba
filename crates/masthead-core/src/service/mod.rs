//! The store as a service: every call the desktop app makes of a database,
//! as one typed request enum, run by the same use cases wherever the store
//! lives.
//!
//! Why a service at all: SQLite's locks on Linux and macOS are POSIX
//! advisory locks, held per process and per file. Any code in the process
//! that holds the connection which opens and closes one of the database's
//! files (a GTK file chooser listing the folder, a thumbnailer, a `std::fs`
//! read) silently drops them all; another process then takes the database
//! for its own, checkpoints and deletes the WAL, and every later commit of
//! ours goes into a deleted file. So the app never holds a SQLite
//! connection itself: it starts `masthead serve-store` ([`serve`]), a
//! process that loads no GUI toolkit and runs no code but Masthead's, and
//! speaks to it over a pipe ([`StoreProcess`]): one JSON line per request,
//! one per reply. A team server (PostgreSQL) has no file locks, and its
//! store stays in the app's process; it answers the same [`Request`]s
//! through [`Request::run`], so both behave identically.

mod process;
mod serve;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::*;
use crate::{Actor, AssignmentQuery, ErrorPayload, PreparedDraft, Result, Store};

pub use process::{StoreProcess, store_binary};
pub use serve::serve;

/// How the store process opens its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenMode {
    /// The file must exist (a restart never makes an empty database where
    /// the user's file was).
    Existing,
    /// A new file; an existing one is refused (File › New database…).
    New,
    /// The file, made when missing (the app's default database).
    Any,
}

impl OpenMode {
    pub fn as_str(self) -> &'static str {
        match self {
            OpenMode::Existing => "existing",
            OpenMode::New => "new",
            OpenMode::Any => "any",
        }
    }

    pub fn parse(text: &str) -> Option<OpenMode> {
        [OpenMode::Existing, OpenMode::New, OpenMode::Any]
            .into_iter()
            .find(|m| m.as_str() == text)
    }
}

/// One call of the app's, with the name recorded as "who" for writes.
#[derive(Debug, Serialize, Deserialize)]
pub struct Envelope {
    pub actor: String,
    pub request: Request,
}

/// A reply: the call's value, or the error the UI shows.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Ok(serde_json::Value),
    Err(ErrorPayload),
}

/// A request whose reply is a `T`: what [`calls`] make, so each command's
/// reply type is checked by the compiler.
#[derive(Debug)]
pub struct Call<T> {
    pub request: Request,
    reply: std::marker::PhantomData<fn() -> T>,
}

impl<T> Call<T> {
    fn new(request: Request) -> Self {
        Call {
            request,
            reply: std::marker::PhantomData,
        }
    }
}

/// Defines [`Request`] (a variant per call, named as the function that
/// makes it in [`calls`]), how each runs on a [`Store`], and whether it
/// only reads (a read is retried once after the store process restarts;
/// a write never is, since it may have been saved).
macro_rules! store_calls {
    ($(
        $(#[$doc:meta])*
        $kind:ident $name:ident ( $($arg:ident : $ty:ty),* ) -> $out:ty
            = |$s:ident, $who:ident| $body:expr;
    )*) => {
        #[derive(Debug, Serialize, Deserialize)]
        #[serde(tag = "call", rename_all = "snake_case")]
        #[allow(non_camel_case_types)]
        pub enum Request {
            $( $(#[$doc])* $name { $($arg: $ty),* }, )*
        }

        /// Every call's name, in order: the store process says them as it
        /// starts, so an app never speaks to a `masthead` of another build.
        pub const CALLS: &[&str] = &[$(stringify!($name)),*];

        impl Request {
            /// Whether the call only reads.
            pub fn is_read(&self) -> bool {
                match self {
                    $( Request::$name { .. } => store_calls!(@read $kind), )*
                }
            }

            /// The call's name, for messages.
            pub fn name(&self) -> &'static str {
                match self {
                    $( Request::$name { .. } => stringify!($name), )*
                }
            }

            /// Runs the call's use case on `store`, as `actor`.
            #[allow(unused_variables)]
            pub fn run(self, store: &mut Store, actor: &Actor) -> Result<serde_json::Value> {
                match self {
                    $( Request::$name { $($arg),* } => {
                        let $s = &mut *store;
                        let $who = actor;
                        let value: $out = $body?;
                        Ok(serde_json::to_value(value).map_err(|e| crate::Error::Unexpected(
                            format!("the reply to {} could not be written: {e}", stringify!($name)),
                        ))?)
                    } )*
                }
            }
        }

        /// One function per [`Request`], typed by its reply.
        pub mod calls {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$doc])*
                pub fn $name($($arg: $ty),*) -> Call<$out> {
                    Call::new(Request::$name { $($arg),* })
                }
            )*
        }
    };
    (@read read) => { true };
    (@read write) => { false };
}

store_calls! {
    /// What the app shows about the open database.
    read info() -> DatabaseInfo = |s, who| s.info();
    /// Changes when another connection commits (see `Store::data_version`).
    read data_version() -> i64 = |s, who| s.data_version();
    read signed_in() -> Option<Person> = |s, who| s.signed_in();
    read team() -> Vec<Person> = |s, who| s.team();
    write invite(input: InviteInput) -> Invitation = |s, who| s.invite(who, &input);
    write set_team_role(id: PersonId, version: u32, role: TeamRole) -> Person
        = |s, who| s.set_team_role(who, id, Some(version), role);
    write remove_from_team(id: PersonId, version: u32) -> Person
        = |s, who| s.remove_from_team(who, id, Some(version));
    /// The signed-in member's own assignments.
    read my_assignments() -> Vec<Assignment> = |s, who| {
        let me = s.signed_in()?.and_then(|p| p.contributor_id);
        s.list_assignments(AssignmentQuery {
            contributor: me,
            ..Default::default()
        })
    };
    write load_demo() -> EditionId = |s, who| s.load_demo(who);
    read list_publications() -> Vec<Publication> = |s, who| s.list_publications();
    write create_publication(input: PublicationInput) -> Publication
        = |s, who| s.create_publication(who, &input);
    read list_sections(publication: PublicationId) -> Vec<Section>
        = |s, who| s.list_sections(publication);
    write add_section(publication: PublicationId, name: String) -> Section
        = |s, who| s.add_section(who, publication, &name);
    write rename_section(id: SectionId, version: u32, name: String) -> Section
        = |s, who| s.rename_section(who, id, Some(version), &name);
    read list_kinds(publication: PublicationId, with_retired: bool) -> Vec<Kind>
        = |s, who| s.list_kinds(publication, with_retired);
    write add_kind(publication: PublicationId, name: String) -> Kind
        = |s, who| s.add_kind(who, publication, &name);
    write rename_kind(id: KindId, version: u32, name: String) -> Kind
        = |s, who| s.rename_kind(who, id, Some(version), &name);
    write set_kind_retired(id: KindId, version: u32, retired: bool) -> Kind
        = |s, who| s.set_kind_retired(who, id, Some(version), retired);
    write set_kind_words(id: KindId, version: u32, words: Option<u32>) -> Kind
        = |s, who| s.set_kind_words(who, id, Some(version), words);
    read workflow(publication: PublicationId) -> Workflow = |s, who| s.workflow(publication);
    read list_editions(publication: Option<PublicationId>) -> Vec<Edition>
        = |s, who| s.list_editions(publication);
    read edition(id: EditionId) -> Edition = |s, who| s.edition(id);
    write create_edition(publication: PublicationId, input: EditionInput) -> Saved<Edition>
        = |s, who| s.create_edition(who, publication, &input);
    write create_edition_from(from: EditionId, input: EditionInput) -> Saved<Edition>
        = |s, who| s.create_edition_from(who, from, &input);
    write update_edition(id: EditionId, version: u32, input: EditionInput) -> Saved<Edition>
        = |s, who| s.update_edition(who, id, Some(version), &input);
    read edition_history(id: EditionId) -> Vec<HistoryEntry> = |s, who| s.edition_history(id);
    read edition_plan(edition: EditionId, today: NaiveDate) -> EditionPlan
        = |s, who| s.edition_plan(edition, today);
    read list_articles(edition: EditionId, today: NaiveDate) -> Vec<Article>
        = |s, who| s.list_articles(edition, today);
    read article_detail(id: ArticleId, today: NaiveDate) -> ArticleDetail
        = |s, who| s.article_detail(id, today);
    write add_article(edition: EditionId, input: ArticleInput) -> Article
        = |s, who| s.add_article(who, edition, &input);
    write update_article(id: ArticleId, version: u32, input: ArticleInput) -> Article
        = |s, who| s.update_article(who, id, Some(version), &input);
    write keep_mine_article(id: ArticleId, base: ArticleInput, mine: ArticleInput) -> Article
        = |s, who| s.keep_mine_article(who, id, &base, &mine);
    write change_status(id: ArticleId, version: u32, to: StatusId) -> Article
        = |s, who| s.change_status(who, id, Some(version), to);
    read list_contributors(search: Option<String>) -> Vec<Contributor>
        = |s, who| s.list_contributors(search.as_deref());
    write add_contributor(input: ContributorInput) -> Contributor
        = |s, who| s.add_contributor(who, &input);
    read contributor_detail(id: ContributorId) -> ContributorDetail
        = |s, who| s.contributor_detail(id);
    write update_contributor(id: ContributorId, version: u32, input: ContributorInput)
        -> Contributor = |s, who| s.update_contributor(who, id, Some(version), &input);
    write commission(article: ArticleId, input: AssignmentInput) -> Saved<Assignment>
        = |s, who| s.commission(who, article, &input);
    write commission_new_contributor(
        article: ArticleId,
        person: ContributorInput,
        input: AssignmentInput
    ) -> Saved<Assignment>
        = |s, who| s.commission_new_contributor(who, article, &person, &input);
    write update_assignment(id: AssignmentId, version: u32, input: AssignmentInput)
        -> Saved<Assignment> = |s, who| s.update_assignment(who, id, Some(version), &input);
    write answer_assignment(id: AssignmentId, version: u32, accepted: bool) -> Assignment
        = |s, who| s.answer_assignment(who, id, Some(version), accepted);
    write withdraw_assignment(id: AssignmentId, version: u32) -> Assignment
        = |s, who| s.withdraw_assignment(who, id, Some(version));
    write reassign(id: AssignmentId, version: u32, to: ContributorId) -> Saved<Assignment>
        = |s, who| s.reassign(who, id, Some(version), to);
    write contributor_link(contributor: ContributorId, days: u32, public_url: Option<String>)
        -> NewContributorLink
        = |s, who| s.contributor_link(who, contributor, days, public_url.as_deref());
    write revoke_contributor_links(contributor: ContributorId) -> u32
        = |s, who| s.revoke_contributor_links(who, contributor);
    read contributor_links(contributor: ContributorId) -> Vec<ContributorLink>
        = |s, who| s.contributor_links(contributor);
    write offer_email(id: AssignmentId, version: u32, days: u32, public_url: String) -> OfferEmail
        = |s, who| s.offer_email(who, id, Some(version), days, &public_url);
    read board(publication: PublicationId, filter: BoardFilter, today: NaiveDate) -> Board
        = |s, who| s.board(publication, &filter, today);
    read dashboard(publication: PublicationId, today: NaiveDate, offset_seconds: i32) -> Dashboard
        = |s, who| s.dashboard(publication, today, offset_seconds);
    read activity(publication: PublicationId) -> Activity
        = |s, who| s.activity(publication, who, chrono::Utc::now());
    write mark_seen(publication: PublicationId, upto: chrono::DateTime<chrono::Utc>) -> ()
        = |s, who| s.mark_seen(who, publication, upto);
    read search(publication: PublicationId, query: String) -> SearchResults
        = |s, who| s.search(publication, &query);
    write delete_article(id: ArticleId, version: u32) -> Saved<TrashItem>
        = |s, who| s.delete_article(who, id, Some(version));
    write delete_edition(id: EditionId, version: u32) -> Saved<TrashItem>
        = |s, who| s.delete_edition(who, id, Some(version));
    write delete_contributor(id: ContributorId, version: u32) -> Saved<TrashItem>
        = |s, who| s.delete_contributor(who, id, Some(version));
    write delete_advert(id: AdvertId, version: u32) -> Saved<TrashItem>
        = |s, who| s.delete_advert(who, id, Some(version));
    read trash(publication: PublicationId) -> Vec<TrashItem> = |s, who| s.trash(publication);
    read comments(article: ArticleId) -> Vec<Comment> = |s, who| s.comments(article);
    write add_comment(article: ArticleId, body: String) -> Comment
        = |s, who| s.add_comment(who, article, &body);
    write edit_comment(id: CommentId, version: u32, body: String) -> Comment
        = |s, who| s.edit_comment(who, id, Some(version), &body);
    write delete_comment(id: CommentId, version: u32) -> Saved<TrashItem>
        = |s, who| s.delete_comment(who, id, Some(version));
    read calendar(publication: PublicationId, from: NaiveDate, to: NaiveDate, today: NaiveDate)
        -> Calendar = |s, who| s.calendar(publication, from, to, today);
    read calendar_ics(publication: PublicationId, today: NaiveDate) -> IcsFile
        = |s, who| s
            .calendar_ics(publication, crate::IcsScope::default(), today)
            .map(|(text, events)| IcsFile { text, events: events as u32 });
    write reschedule_due(id: AssignmentId, version: u32, date: NaiveDate) -> Saved<Assignment>
        = |s, who| s.reschedule_due(who, id, Some(version), date);
    write reschedule_key_date(id: EditionId, version: u32, key: KeyDate, date: NaiveDate)
        -> Saved<Edition> = |s, who| s.reschedule_key_date(who, id, Some(version), key, date);
    write restore_from_trash(id: TrashId) -> Saved<TrashItem>
        = |s, who| s.restore_from_trash(who, id);
    write empty_trash(publication: PublicationId, seen: Vec<TrashId>) -> u32
        = |s, who| s.empty_trash(who, publication, &seen);
    write add_status(publication: PublicationId, version: u32, after: StatusId, input: StatusInput)
        -> Workflow = |s, who| s.add_status(who, publication, Some(version), after, &input);
    write update_status(id: StatusId, version: u32, input: StatusInput) -> Workflow
        = |s, who| s.update_status(who, id, Some(version), &input);
    write reorder_status(id: StatusId, version: u32, position: u32) -> Workflow
        = |s, who| s.reorder_status(who, id, Some(version), position);
    write set_status_retired(id: StatusId, version: u32, retired: bool) -> Workflow
        = |s, who| s.set_status_retired(who, id, Some(version), retired);
    write delete_status(id: StatusId, version: u32) -> Workflow
        = |s, who| s.delete_status(who, id, Some(version));
    write set_move(from: StatusId, to: StatusId, version: u32, allowed: bool) -> Workflow
        = |s, who| s.set_move(who, from, to, Some(version), allowed);
    write set_initial_status(id: StatusId, version: u32) -> Workflow
        = |s, who| s.set_initial_status(who, id, Some(version));
    read flatplan(edition: EditionId) -> Flatplan = |s, who| s.flatplan(edition);
    write place_article(article: ArticleId, place: Placement) -> Flatplan
        = |s, who| s.place_article(who, article, &place);
    write place_advert(advert: AdvertId, place: Placement) -> Flatplan
        = |s, who| s.place_advert(who, advert, &place);
    write move_slot(id: SlotId, version: u32, place: Placement) -> Flatplan
        = |s, who| s.move_slot(who, id, Some(version), &place);
    write remove_slot(id: SlotId, version: u32) -> Flatplan
        = |s, who| s.remove_slot(who, id, Some(version));
    read list_adverts(edition: EditionId) -> Vec<Advert> = |s, who| s.list_adverts(edition);
    write add_advert(edition: EditionId, input: AdvertInput) -> Advert
        = |s, who| s.add_advert(who, edition, &input);
    write update_advert(id: AdvertId, version: u32, input: AdvertInput) -> Advert
        = |s, who| s.update_advert(who, id, Some(version), &input);
    /// A file already read into text ([`PreparedDraft`]), recorded as the
    /// piece's next version.
    write submit_prepared(article: ArticleId, draft: PreparedDraft, by: Option<ContributorId>)
        -> Saved<SubmittedDraft> = |s, who| s.submit_prepared(who, article, &draft, by);
    read draft_text(article: ArticleId, version: Option<u32>) -> DraftText
        = |s, who| s.draft_text(article, version);
    read draft_diff_inputs(article: ArticleId, from: u32, to: u32) -> crate::DiffInputs
        = |s, who| s.draft_diff_inputs(article, from, to);
    write approve_draft(article: ArticleId, version: u32, draft: Option<u32>) -> Article
        = |s, who| s.approve_draft(who, article, Some(version), draft);
    read export_draft(article: ArticleId, draft: u32, format: DraftFormat) -> ExportedDraft
        = |s, who| s.export_draft(article, Some(draft), format);
    read draft_file(article: ArticleId, draft: u32) -> DraftFile
        = |s, who| s.draft_file(article, Some(draft));
    /// A backup of the file at `dest` (File › Back up…).
    read backup_to(dest: std::path::PathBuf) -> BackupMade = |s, who| s.backup_to(&dest);
    /// Today's backup into `root`, keeping `keep` (when the app opens a
    /// file): started on a thread of the store's, through a connection of
    /// its own, so the app opens at once. Where it is being written, if
    /// anywhere; a failure is said on the store's standard error.
    read start_daily_backup(root: std::path::PathBuf, keep: u32, today: NaiveDate) -> Option<String>
        = |s, who| s.daily_backup_job(&root, keep, today).map(|job| job.and_then(start_in_background));
    /// The backup at `source` restored over the file, its contents set aside first.
    write restore_from(source: std::path::PathBuf) -> Restored = |s, who| s.restore_from(&source);
    read check() -> CheckReport = |s, who| s.check();
    /// The whole database as JSON Lines at `dest`.
    read export_json_to(dest: std::path::PathBuf) -> ExportMade = |s, who| s.export_json_to(&dest);
    /// An export read into this empty database.
    write import_json_from(source: std::path::PathBuf) -> crate::ImportSummary
        = |s, who| s.import_json_from(&source);
}

/// Today's backup being taken on a thread of the store process's (see
/// [`start_in_background`]); waited for, briefly, before the store closes.
static BACKUP: std::sync::Mutex<Option<std::thread::JoinHandle<()>>> = std::sync::Mutex::new(None);

/// Runs today's backup on a thread of its own; where it is being written
/// when there is a copy to take. The store goes on answering meanwhile.
/// If the store process ends before the copy is done, the partial copy is
/// left and the next backup clears it.
fn start_in_background(job: crate::DailyBackup) -> Option<String> {
    let dest = job.copies().then(|| job.dest().display().to_string());
    let started = std::thread::Builder::new()
        .name("daily-backup".into())
        .spawn(move || {
            if let Err(e) = job.run() {
                eprintln!("masthead: today's backup was not taken: {e}");
            }
        });
    match started {
        Ok(handle) => {
            *BACKUP.lock().unwrap_or_else(|e| e.into_inner()) = Some(handle);
            dest
        }
        Err(e) => {
            eprintln!("masthead: today's backup was not taken: {e}");
            None
        }
    }
}

/// Waits up to `patience` for today's backup to finish (it holds a read
/// lock, and the store's last connection can only fold the WAL back into
/// the file once it is let go). A copy still going then is abandoned with
/// the process: what was saved stays in the WAL, which SQLite reads back
/// at the next open.
pub(crate) fn let_backup_finish(patience: std::time::Duration) {
    let Some(handle) = BACKUP.lock().unwrap_or_else(|e| e.into_inner()).take() else {
        return;
    };
    let until = std::time::Instant::now() + patience;
    while !handle.is_finished() && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    if handle.is_finished() {
        let _ = handle.join();
    }
}

/// What the store process says first: that it opened the database, and
/// which calls and schema it speaks.
pub fn hello() -> serde_json::Value {
    serde_json::json!({
        "version": env!("CARGO_PKG_VERSION"),
        "schema": crate::SCHEMA_VERSION,
        "calls": CALLS.join(","),
    })
}

/// Reads a reply's value as the call's type.
pub fn decode<T: serde::de::DeserializeOwned>(
    request: &'static str,
    value: serde_json::Value,
) -> std::result::Result<T, ErrorPayload> {
    serde_json::from_value(value).map_err(|e| ErrorPayload {
        code: "unexpected".into(),
        message: format!(
            "Masthead's store answered {request} with something this window does not read ({e}). \
             Quit Masthead and open it again."
        ),
        field: None,
        conflict: None,
    })
}
