//! The command line, as clap parses it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "masthead",
    version = masthead_version::LONG,
    about = "Plan magazine editions, commission pieces and track them to press.",
    after_help = "The database is --db PATH (or a postgres:// URL), else $MASTHEAD_DB, else the app's default file.\nExit codes: 0 success, 2 invalid input or usage, 1 any other failure."
)]
pub struct Cli {
    /// The Masthead database file to use, or a team server as
    /// postgres://USER@HOST:5432/DATABASE (?sslmode=verify-full over the internet).
    #[arg(long, global = true, env = "MASTHEAD_DB", value_name = "PATH|URL")]
    pub db: Option<PathBuf>,
    /// Your name, as recorded in the history (default: the app's setting, else your OS account).
    #[arg(long = "as", global = true, env = "MASTHEAD_USER", value_name = "NAME")]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create (or upgrade) the database file.
    Init,
    /// Serves the database file to the desktop app, one JSON request and
    /// reply per line on stdin/stdout (the app starts it; not for people).
    #[command(hide = true)]
    ServeStore {
        /// existing (the file must be there), new (it must not), or any.
        #[arg(long, default_value = "existing")]
        open: String,
    },
    /// Load the demo: PSE's "Feb/Mar 21" edition and a second edition in planning.
    Demo,
    /// Print the completion script for a shell (bash, zsh, fish, elvish,
    /// powershell): `masthead completions bash > ~/.local/share/bash-completion/completions/masthead`.
    /// The packages install them already.
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Write the manual pages (masthead.1 and one per verb, as
    /// masthead-edition-add.1) into a folder: the packages build them so.
    #[command(hide = true)]
    Manual {
        /// The folder to write them into (made if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Back up the database file to a new FILE: a consistent copy, safe
    /// while the app and other commands are writing.
    Backup {
        /// The backup to write (a new file).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the database file's contents with a backup. What it holds now
    /// is set aside first, beside it (NAME.before-restore-TIME.db).
    Restore {
        /// The backup to restore (from `masthead backup` or the app's daily backups).
        backup: PathBuf,
    },
    /// Check the database: SQLite's integrity and foreign keys, and
    /// Masthead's own rules (statuses, drafts, history, the flatplan).
    /// Exits 0 when all is well, 1 when something is wrong.
    Check {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// First repair what can be (editions' counts of pieces changed
        /// behind Masthead's back; on a team server restored elsewhere:
        /// members' right to connect, as the database's owner).
        #[arg(long)]
        repair: bool,
    },
    /// Publications: the titles that editions belong to.
    Publication {
        #[command(subcommand)]
        cmd: PublicationCmd,
    },
    /// Editions: one issue of a publication with its plan and key dates.
    Edition {
        #[command(subcommand)]
        cmd: EditionCmd,
    },
    /// Comments on a piece: write, list, edit or delete your own ("@Name"
    /// mentions a team member, whose desk shows it).
    Comment {
        #[command(subcommand)]
        cmd: CommentCmd,
    },
    /// A piece's history: what changed, who changed it and when, its
    /// comments' lines included (the same as `article history`).
    History {
        /// The article's title or id.
        article: String,
        /// Look for the title in this edition only.
        #[arg(long)]
        edition: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// The trash: what was deleted, by whom and when; restore it, or empty the trash.
    Trash {
        #[command(subcommand)]
        cmd: TrashCmd,
    },
    /// For Masthead's developers: a made-up archive to measure with.
    Dev {
        #[command(subcommand)]
        cmd: DevCmd,
    },
    /// Articles: the pieces of an edition and their workflow status.
    Article {
        #[command(subcommand)]
        cmd: ArticleCmd,
    },
    /// Contributors: the people who write.
    Contributor {
        #[command(subcommand)]
        cmd: ContributorCmd,
    },
    /// Sections: the recurring parts of a publication.
    Section {
        #[command(subcommand)]
        cmd: SectionCmd,
    },
    /// Kinds of piece: news, feature, "White paper"…, per publication.
    Kind {
        #[command(subcommand)]
        cmd: KindCmd,
    },
    /// Assignments: who was asked to do what, and their answers.
    Assignment {
        #[command(subcommand)]
        cmd: AssignmentCmd,
    },
    /// The workflow: a publication's statuses, allowed moves and deadlines.
    Workflow {
        #[command(subcommand)]
        cmd: WorkflowCmd,
    },
    /// The flatplan: pages and spreads, pieces and adverts on them.
    Flatplan {
        #[command(subcommand)]
        cmd: FlatplanCmd,
    },
    /// Drafts: contributors' copy, every version kept.
    Draft {
        #[command(subcommand)]
        cmd: DraftCmd,
    },
    /// A team's database as a whole: move a file onto a team server and back.
    Team {
        #[command(subcommand)]
        cmd: TeamCmd,
    },
    /// Export an edition's plan (a PDF to print, the run sheet as CSV), or
    /// the whole database as portable JSON.
    Export {
        #[command(subcommand)]
        cmd: ExportCmd,
    },
    /// Bring a portable JSON export into an empty database file or server.
    Import {
        #[command(subcommand)]
        cmd: ImportCmd,
    },
    /// Adverts booked into an edition.
    Advert {
        #[command(subcommand)]
        cmd: AdvertCmd,
    },
    /// The board: pieces grouped by status, with contributors, word targets,
    /// next deadlines and what is overdue.
    Board {
        /// The edition's name or id (default: every edition of the publication).
        #[arg(long)]
        edition: Option<String>,
        #[arg(long)]
        publication: Option<String>,
        /// Only pieces in this section.
        #[arg(long)]
        section: Option<String>,
        /// Only pieces of this kind.
        #[arg(long)]
        kind: Option<String>,
        /// Only pieces this contributor is assigned to.
        #[arg(long)]
        contributor: Option<String>,
        /// Only overdue pieces.
        #[arg(long)]
        overdue: bool,
        /// Work deadlines out as of this day (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        today: Option<DateArg>,
        #[arg(long)]
        json: bool,
    },
    /// The editor's desk: what is overdue, due this week, offers nobody has
    /// answered, copy off its target, and each edition still to come.
    Dashboard {
        #[arg(long)]
        publication: Option<String>,
        /// Work deadlines out as of this day (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        today: Option<DateArg>,
        #[arg(long)]
        json: bool,
        /// Then mark what others changed, as listed, seen.
        #[arg(long)]
        mark_seen: bool,
    },
    /// The deadline calendar: the editions' key dates, commissions' due
    /// dates and the workflow's dates, day by day (default: this month).
    Calendar {
        /// The first day (default: the first of this month).
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        /// The last day (default: the end of the month `--from` is in).
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<NaiveDate>,
        #[arg(long)]
        publication: Option<String>,
        /// Judge what is overdue as of this day (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// Finds the pieces whose title, standfirst, tags, notes, briefs or
    /// drafts hold every word given (each as a word's start), best first,
    /// grouped by edition.
    Search {
        /// The words to look for: `masthead search leeds dortmund`.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// A date flag: `YYYY-MM-DD`, or `none` (or an empty string) to clear it.
#[derive(Debug, Clone)]
pub struct DateArg(pub Option<NaiveDate>);

fn parse_date(text: &str) -> Result<DateArg, String> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("none") {
        return Ok(DateArg(None));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|_| text.len() == 10)
        .map(|d| DateArg(Some(d)))
        .ok_or_else(|| {
            format!("\"{text}\" is not a calendar date; write it as YYYY-MM-DD, e.g. 2021-02-01")
        })
}

/// A word target: a whole number, or `none` to clear it.
#[derive(Debug, Clone)]
pub struct WordsArg(pub Option<u32>);

fn parse_words(text: &str) -> Result<WordsArg, String> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("none") {
        return Ok(WordsArg(None));
    }
    text.parse::<u32>()
        .map(|n| WordsArg(Some(n)))
        .map_err(|_| format!("\"{text}\" is not a word count; use a whole number such as 1200"))
}

fn parse_pages(text: &str) -> Result<u32, String> {
    text.trim().parse::<u32>().map_err(|_| {
        format!("\"{text}\" is not a page count; use a whole number of at least 1, such as 68")
    })
}

mod article;
mod contributor;
mod draft;
mod edition;
mod flatplan;
mod io;
mod workflow;

pub use article::*;
pub use contributor::*;
pub use draft::*;
pub use edition::*;
pub use flatplan::*;
pub use io::*;
pub use workflow::*;

/// `--publication` (optional when there is only one) and `--json`: a list
/// of a publication's editions, statuses or sections.
#[derive(Debug, Args)]
pub struct PublicationList {
    #[arg(long)]
    pub publication: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// `--edition` and `--json`: a list of an edition's pieces or adverts.
#[derive(Debug, Args)]
pub struct EditionList {
    /// The edition's name or id.
    #[arg(long)]
    pub edition: String,
    #[arg(long)]
    pub json: bool,
}

/// `--publication` and `--name`: a new section or kind of piece.
#[derive(Debug, Args)]
pub struct NewName {
    #[arg(long)]
    pub publication: Option<String>,
    #[arg(long)]
    pub name: String,
}

/// `--publication`, `--name` and `--expect-version`: renaming a section or a
/// kind of piece.
#[derive(Debug, Args)]
pub struct Renaming {
    #[arg(long)]
    pub publication: Option<String>,
    /// The new name.
    #[arg(long)]
    pub name: String,
    /// Refuse with a conflict (exit 2) unless the record is still at this
    /// version (the `version` of `show --json`).
    #[arg(long, value_name = "N")]
    pub expect_version: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum DevCmd {
    /// Generate a publisher's archive into a new file (--db FILE, which
    /// must not exist): editions of 300 pieces, contributors, commissions,
    /// drafts with text and history, the same for the same seed
    /// (docs/PERFORMANCE.md).
    Generate {
        /// How many pieces (6000, 60000, 600000…).
        #[arg(long)]
        pieces: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum TrashCmd {
    /// List what is in the trash, the latest deleted first.
    List {
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Put something back: a piece with its assignments, drafts and (when
    /// still free) its pages; an edition with everything in it.
    Restore {
        /// The trash entry's id (from `trash list`).
        id: String,
    },
    /// Empty the trash: what is in it can no longer be restored (drafts
    /// and history are kept). Asks for --yes.
    Empty {
        #[arg(long)]
        publication: Option<String>,
        /// Yes, empty it.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CommentCmd {
    /// Comment on a piece.
    Add {
        /// The article's title or id.
        article: String,
        /// What to say ("@Name" mentions a team member).
        #[arg(long)]
        body: String,
        /// Look for the title in this edition only.
        #[arg(long)]
        edition: Option<String>,
    },
    /// A piece's comments, oldest first.
    List {
        /// The article's title or id.
        article: String,
        #[arg(long)]
        edition: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change your own comment.
    Edit {
        /// The comment's id (from `comment list`).
        id: String,
        #[arg(long)]
        body: String,
        /// Refuse with a conflict (exit 2) unless the comment is still at
        /// this version (the `version` of `comment list --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Move your own comment to the trash.
    Delete {
        /// The comment's id (from `comment list`).
        id: String,
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
}
