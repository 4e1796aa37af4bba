//! The command line, as clap parses it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "masthead",
    version,
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
        /// First repair what can be (on a team server restored elsewhere:
        /// members' right to connect); as the database's owner.
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
}

#[derive(Debug, Subcommand)]
pub enum PublicationCmd {
    /// List the publications.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a publication (it starts with the default workflow and sections).
    Add {
        #[arg(long)]
        name: String,
        /// e.g. "Bi-monthly".
        #[arg(long)]
        frequency: Option<String>,
        /// A web-only publication (no print page-count checks).
        #[arg(long)]
        web_only: bool,
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

#[derive(Debug, Args)]
pub struct EditionFields {
    /// The edition's name, e.g. "Feb/Mar 21" (unique within the publication).
    #[arg(long)]
    pub name: Option<String>,
    /// The edition's theme, e.g. "The ingredients for levelling up".
    #[arg(long)]
    pub theme: Option<String>,
    /// A focus topic; repeat the flag for several (replaces the list).
    #[arg(long = "focus", value_name = "TOPIC")]
    pub focus: Vec<String>,
    /// The page count (new editions: 64); print editions warn unless a multiple of 4.
    #[arg(long, value_parser = parse_pages, allow_hyphen_values = true)]
    pub pages: Option<u32>,
    /// The date on the cover; `none` clears it.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub cover_date: Option<DateArg>,
    /// Key dates must run in order: commissioning closes, copy deadline,
    /// subbing deadline, press date, on sale. `none` clears a date.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub commissioning_closes: Option<DateArg>,
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub copy_deadline: Option<DateArg>,
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub subbing_deadline: Option<DateArg>,
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub press_date: Option<DateArg>,
    /// The on-sale (publish) date.
    #[arg(long, value_parser = parse_date, value_name = "YYYY-MM-DD")]
    pub on_sale: Option<DateArg>,
    /// Free notes about the edition.
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum EditionCmd {
    /// List editions, latest on-sale date first.
    List {
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Plan a new edition.
    Add {
        /// The publication's name or id (optional when there is only one).
        #[arg(long)]
        publication: Option<String>,
        /// Start from a previous edition: its page count and recurring
        /// adverts carry over (pieces do not).
        #[arg(long, value_name = "EDITION")]
        from: Option<String>,
        #[command(flatten)]
        fields: EditionFields,
    },
    /// Show an edition, its key dates and its pieces.
    Show {
        /// The edition's name or id.
        edition: String,
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change an edition's fields; flags left out keep their value.
    Update {
        /// The edition's name or id.
        edition: String,
        #[arg(long)]
        publication: Option<String>,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
        #[command(flatten)]
        fields: EditionFields,
    },
}

#[derive(Debug, Args)]
pub struct ArticleFields {
    /// The piece's title.
    #[arg(long)]
    pub title: Option<String>,
    /// The line under the title that says what the piece is about.
    #[arg(long)]
    pub standfirst: Option<String>,
    /// The section's name or id (`none` to clear).
    #[arg(long)]
    pub section: Option<String>,
    /// The kind of piece by name or key: news, feature, "case study"… (see `kind list`).
    #[arg(long)]
    pub kind: Option<String>,
    /// The word target (`none` to clear).
    #[arg(long, value_parser = parse_words, allow_hyphen_values = true)]
    pub words: Option<WordsArg>,
    /// Free notes about the piece.
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ArticleCmd {
    /// List an edition's pieces.
    List {
        /// The edition's name or id.
        #[arg(long)]
        edition: String,
        #[arg(long)]
        json: bool,
    },
    /// Add a piece to an edition; it starts as an Idea.
    Add {
        /// The edition's name or id.
        #[arg(long)]
        edition: String,
        #[command(flatten)]
        fields: ArticleFields,
    },
    /// Show a piece, where it may move next, and its history.
    Show {
        /// The article's title or id.
        article: String,
        /// Look for the title in this edition only.
        #[arg(long)]
        edition: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change a piece's fields; flags left out keep their value.
    Update {
        /// The article's title or id.
        article: String,
        /// Look for the title in this edition only.
        #[arg(long)]
        edition: Option<String>,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
        #[command(flatten)]
        fields: ArticleFields,
    },
    /// Move a piece to another workflow status, e.g. `article status "Title" "In edit"`.
    Status {
        /// The article's title or id.
        article: String,
        /// The status to move to, by name ("In edit") or key (in_edit).
        status: String,
        /// Look for the title in this edition only.
        #[arg(long)]
        edition: Option<String>,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Commission a piece: offer it to a contributor with a brief, word
    /// target, due date and fee.
    Assign {
        /// The article's title or id.
        #[arg(long)]
        article: String,
        /// Look for the title in this edition only.
        #[arg(long)]
        edition: Option<String>,
        /// The contributor's name, email or id.
        #[arg(long)]
        contributor: String,
        /// writer, photographer, interviewee…
        #[arg(long, default_value = "writer")]
        role: String,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        due: Option<DateArg>,
        #[arg(long, value_parser = parse_words)]
        words: Option<WordsArg>,
        /// The fee as an amount, e.g. 350.00 (with --currency).
        #[arg(long, allow_hyphen_values = true)]
        fee: Option<String>,
        /// ISO currency code, e.g. GBP.
        #[arg(long)]
        currency: Option<String>,
        /// The brief as Markdown.
        #[arg(long, conflicts_with = "brief_file")]
        brief: Option<String>,
        /// Read the brief (Markdown) from a file.
        #[arg(long, value_name = "FILE")]
        brief_file: Option<PathBuf>,
    },
    /// Show what changed on a piece, who changed it, and when.
    History {
        /// The article's title or id.
        article: String,
        /// Look for the title in this edition only.
        #[arg(long)]
        edition: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContributorCmd {
    /// List the contributors.
    List {
        /// Only those whose name, organisation, role or email contains this.
        #[arg(long)]
        search: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a contributor (emails are unique).
    Add {
        #[arg(long)]
        name: String,
        #[command(flatten)]
        fields: ContributorFields,
    },
    /// Show a contributor and every assignment they have had.
    Show {
        /// The contributor's name, email or id.
        contributor: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a contributor's details; flags left out keep their value.
    Update {
        /// The contributor's name, email or id.
        contributor: String,
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: ContributorFields,
        /// A freelance rather than staff.
        #[arg(long, conflicts_with = "staff")]
        freelance: bool,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
}

#[derive(Debug, Args)]
pub struct ContributorFields {
    /// Their job, e.g. "Policy manager".
    #[arg(long)]
    pub role: Option<String>,
    /// The organisation they write for or from.
    #[arg(long)]
    pub org: Option<String>,
    /// Their email address (`none` clears it).
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    /// A staff writer rather than a freelance.
    #[arg(long)]
    pub staff: bool,
    #[arg(long)]
    pub notes: Option<String>,
}

/// Which assignment: its id, or the piece and the contributor.
#[derive(Debug, Args)]
pub struct AssignmentKey {
    /// The assignment's id (or use --article and --contributor).
    pub id: Option<String>,
    /// The article's title or id.
    #[arg(long, required_unless_present = "id")]
    pub article: Option<String>,
    /// Look for the title in this edition only.
    #[arg(long)]
    pub edition: Option<String>,
    /// The contributor's name, email or id.
    #[arg(long, required_unless_present = "id")]
    pub contributor: Option<String>,
    /// Refuse with a conflict (exit 2) unless the assignment is still at
    /// this version.
    #[arg(long, value_name = "N")]
    pub expect_version: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum AssignmentCmd {
    /// List assignments, newest first.
    List {
        /// Only this contributor's (name, email or id).
        #[arg(long)]
        contributor: Option<String>,
        /// Only this edition's (name or id).
        #[arg(long)]
        edition: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record that the contributor accepted the offer.
    Accept {
        #[command(flatten)]
        key: AssignmentKey,
    },
    /// Record that the contributor declined the offer.
    Decline {
        #[command(flatten)]
        key: AssignmentKey,
    },
    /// Take an offered or accepted assignment back.
    Withdraw {
        #[command(flatten)]
        key: AssignmentKey,
    },
    /// Give the piece to someone else on the same terms.
    Reassign {
        #[command(flatten)]
        key: AssignmentKey,
        /// The new contributor's name, email or id.
        #[arg(long)]
        to: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum WorkflowCmd {
    /// List the statuses in order, with their moves and deadlines.
    List {
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a status after another; it takes over that status's forward moves.
    Add {
        #[arg(long)]
        name: String,
        /// The status it comes after.
        #[arg(long)]
        after: String,
        /// A colour of the status palette (default: slate).
        #[arg(long, default_value = "slate")]
        colour: String,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Rename a status; pieces in it and its history keep it.
    Rename {
        status: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Give a status another colour of the palette.
    Recolour {
        status: String,
        colour: String,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Put a status at a place in the order (1 = first).
    Reorder {
        status: String,
        #[arg(long)]
        position: u32,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Retire a status: pieces in it stay until they move on; nothing moves in.
    Retire {
        status: String,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Bring a retired status back.
    Restore {
        status: String,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Delete a status no piece has ever been in.
    Delete {
        status: String,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Allow pieces to move from one status to another.
    Allow {
        from: String,
        to: String,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Stop pieces moving from one status to another.
    Disallow {
        from: String,
        to: String,
        #[command(flatten)]
        common: WorkflowCommon,
    },
    /// Set when pieces must reach a status: `--days 7 --before copy-deadline`,
    /// or `--none`.
    Deadline {
        status: String,
        /// Days before the key date (0 = on it).
        #[arg(long, required_unless_present = "none")]
        days: Option<u32>,
        /// commissioning-closes, copy-deadline, subbing-deadline, press-date or on-sale-date.
        #[arg(long, required_unless_present = "none")]
        before: Option<String>,
        /// Remove the deadline.
        #[arg(long, conflicts_with_all = ["days", "before"])]
        none: bool,
        #[command(flatten)]
        common: WorkflowCommon,
    },
}

#[derive(Debug, Args)]
pub struct WorkflowCommon {
    #[arg(long)]
    pub publication: Option<String>,
    /// Refuse with a conflict (exit 2) unless the workflow is still at this
    /// version (the `version` of `workflow list --json`).
    #[arg(long, value_name = "N")]
    pub expect_version: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum SectionCmd {
    /// List a publication's sections.
    List {
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Add a section at the end of the list.
    Add {
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        name: String,
    },
    /// Rename a section.
    Rename {
        /// The section's current name or id.
        section: String,
        #[arg(long)]
        publication: Option<String>,
        /// The new name.
        #[arg(long)]
        name: String,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum KindCmd {
    /// List a publication's kinds of piece.
    List {
        #[arg(long)]
        publication: Option<String>,
        /// Include retired kinds.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Add a kind of piece, e.g. `kind add --name "White paper"`.
    Add {
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        name: String,
    },
    /// Rename a kind; the pieces that have it keep it.
    Rename {
        /// The kind's current name, key or id.
        kind: String,
        #[arg(long)]
        publication: Option<String>,
        /// The new name.
        #[arg(long)]
        name: String,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Retire a kind: pieces keep it, new pieces cannot have it.
    Retire {
        /// The kind's name, key or id.
        kind: String,
        #[arg(long)]
        publication: Option<String>,
    },
    /// Copyfit: how many words fill a page of this kind (`none` clears it).
    Words {
        /// The kind's name, key or id.
        kind: String,
        /// Words to a full page, e.g. 850.
        #[arg(value_parser = parse_words)]
        words: WordsArg,
        #[arg(long)]
        publication: Option<String>,
    },
    /// Bring a retired kind back.
    Restore {
        /// The kind's name, key or id.
        kind: String,
        #[arg(long)]
        publication: Option<String>,
    },
}

/// Pages: `12-14` or `15`.
#[derive(Debug, Clone, Copy)]
pub struct PagesArg(pub u32, pub u32);

fn parse_pages_range(text: &str) -> Result<PagesArg, String> {
    let t = text.trim();
    let (a, b) = t.split_once(['-', '–']).unwrap_or((t, t));
    match (a.trim().parse::<u32>(), b.trim().parse::<u32>()) {
        (Ok(a), Ok(b)) if a >= 1 && b >= a => Ok(PagesArg(a, b)),
        _ => Err(format!(
            "\"{t}\" is not a page or a run of pages; write 15 or 12-14"
        )),
    }
}

/// A part of a page: `1/2`, `1/3`, `1/4` (or `1` for the full page), in twelfths.
#[derive(Debug, Clone, Copy)]
pub struct PartArg(pub u32);

fn parse_part(text: &str) -> Result<PartArg, String> {
    match text.trim() {
        "1" | "full" => Ok(PartArg(12)),
        "1/2" | "half" => Ok(PartArg(6)),
        "1/3" | "third" => Ok(PartArg(4)),
        "1/4" | "quarter" => Ok(PartArg(3)),
        other => Err(format!(
            "\"{other}\" is not a part of a page; use 1/2, 1/3 or 1/4 (or 1 for the full page)"
        )),
    }
}

#[derive(Debug, Args)]
pub struct WhereArgs {
    /// The pages: 15, or a run such as 12-14.
    #[arg(long, alias = "page", value_parser = parse_pages_range)]
    pub pages: PagesArg,
    /// Part of one page: 1/2, 1/3 or 1/4.
    #[arg(long, value_parser = parse_part)]
    pub part: Option<PartArg>,
    /// Which part: top or bottom (of a half), or first, second, third, fourth.
    #[arg(long)]
    pub at: Option<String>,
}

#[derive(Debug, Args)]
pub struct SlotOwner {
    /// The edition's name or id.
    #[arg(long)]
    pub edition: String,
    /// The piece's title or id.
    #[arg(long, conflicts_with = "advert", required_unless_present = "advert")]
    pub article: Option<String>,
    /// The advertiser (or the advert's id).
    #[arg(long)]
    pub advert: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum FlatplanCmd {
    /// Show an edition's flatplan, page by page.
    Show {
        /// The edition's name or id.
        edition: String,
        #[arg(long)]
        json: bool,
    },
    /// Put a piece or an advert on pages: `--pages 12-14`, or `--page 15 --part 1/2`.
    Place {
        #[command(flatten)]
        owner: SlotOwner,
        #[command(flatten)]
        place: WhereArgs,
    },
    /// Move (or resize) what is on the flatplan.
    Move {
        #[command(flatten)]
        owner: SlotOwner,
        #[command(flatten)]
        place: WhereArgs,
        /// Refuse with a conflict (exit 2) unless the slot is still at this version.
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Take a piece or an advert off the flatplan (it keeps its record).
    Remove {
        #[command(flatten)]
        owner: SlotOwner,
    },
}

#[derive(Debug, Args)]
pub struct AdvertFields {
    /// full, half, third, quarter or spread.
    #[arg(long)]
    pub size: Option<String>,
    /// pencilled, booked or artwork (artwork received).
    #[arg(long)]
    pub state: Option<String>,
    /// A position request: "right-hand page", "facing matter".
    #[arg(long)]
    pub position: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AdvertCmd {
    /// List an edition's adverts.
    List {
        #[arg(long)]
        edition: String,
        #[arg(long)]
        json: bool,
    },
    /// Book an advert into an edition.
    Add {
        #[arg(long)]
        edition: String,
        #[arg(long)]
        advertiser: String,
        #[command(flatten)]
        fields: AdvertFields,
    },
    /// Change an advert's booking; flags left out keep their value.
    Update {
        /// The advertiser (or the advert's id).
        advert: String,
        #[arg(long)]
        edition: String,
        /// A new name for the advertiser.
        #[arg(long)]
        advertiser: Option<String>,
        #[command(flatten)]
        fields: AdvertFields,
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
}

/// Which piece a draft verb is about.
#[derive(Debug, Args)]
pub struct DraftPiece {
    /// The piece: its title (any case) or id.
    #[arg(long)]
    pub article: String,
    /// The edition, when the title is in more than one.
    #[arg(long)]
    pub edition: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum DraftCmd {
    /// Record a contributor's draft (.docx, .odt, .md or .txt) as the next
    /// version of a piece. The first draft moves the piece to the status
    /// where drafts arrive.
    Submit {
        #[command(flatten)]
        piece: DraftPiece,
        /// The file the contributor sent.
        file: PathBuf,
        /// Who wrote it (default: the piece's writer).
        #[arg(long, value_name = "CONTRIBUTOR")]
        by: Option<String>,
        /// Print the stored version as JSON (`version`, `words`, …).
        #[arg(long)]
        json: bool,
    },
    /// List a piece's versions, newest first.
    List {
        #[command(flatten)]
        piece: DraftPiece,
        #[arg(long)]
        json: bool,
    },
    /// Print a version's text (the newest by default).
    Text {
        #[command(flatten)]
        piece: DraftPiece,
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        /// Print it as Markdown (headings, lists, links, notes kept).
        #[arg(long)]
        markdown: bool,
    },
    /// Compare two versions word by word: [-removed-] and {+added+}.
    Diff {
        #[command(flatten)]
        piece: DraftPiece,
        #[arg(long, value_name = "N")]
        from: u32,
        #[arg(long, value_name = "M")]
        to: u32,
        #[arg(long)]
        json: bool,
    },
    /// Mark a version as the approved copy (`--none` to withdraw approval).
    Approve {
        #[command(flatten)]
        piece: DraftPiece,
        #[arg(long, value_name = "N", required_unless_present = "none")]
        version: Option<u32>,
        #[arg(long, conflicts_with = "version")]
        none: bool,
        /// Refuse with a conflict (exit 2) unless the piece is still at this version.
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Save a version: the original file as submitted, or its text as .txt or .md.
    Export {
        #[command(flatten)]
        piece: DraftPiece,
        #[arg(long, value_name = "N")]
        version: Option<u32>,
        /// original (the file as sent), txt or md.
        #[arg(long, default_value = "original")]
        format: String,
        /// Where to write it; an existing file is not overwritten.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCmd {
    /// A file written by `masthead export json`, into an empty database
    /// (a new file, or an empty server database); all of it or nothing.
    Json {
        /// The export to read.
        file: PathBuf,
        /// Print what was imported as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// The whole database as JSON Lines (every table, every draft's file in
    /// base64), documented in docs/export-format.md; `import json` reads it.
    Json {
        /// The file to write (a new file).
        #[arg(long)]
        out: PathBuf,
    },
    /// The edition plan as a PDF: cover, run sheet, flatplan, deadlines.
    Pdf {
        #[arg(long)]
        edition: String,
        #[arg(long)]
        publication: Option<String>,
        /// Where to write it; an existing file is not overwritten.
        #[arg(long)]
        out: PathBuf,
        /// a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: String,
        /// Only these parts, e.g. `cover,runsheet` (default: all four).
        #[arg(long, value_name = "PARTS")]
        only: Option<String>,
        /// Colour the flatplan's pieces by `status` or `section`.
        #[arg(long, default_value = "status")]
        colour: String,
        /// Judge deadlines as of this day (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// The run sheet as CSV (RFC 4180, UTF-8): one row per piece.
    Csv {
        #[arg(long)]
        edition: String,
        #[arg(long)]
        publication: Option<String>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TeamCmd {
    /// Add someone to the team on a server: a login and a password for them
    /// (shown once; send them the details), linked to the contributors
    /// directory by email.
    Invite {
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// editor (sees and changes everything) or contributor (their own
        /// assignments and drafts only).
        #[arg(long)]
        role: String,
        /// Print the invitation as JSON (`login`, `password`, `url`, `person`).
        #[arg(long)]
        json: bool,
    },
    /// List the team.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Make a member an editor or a contributor.
    Role {
        /// The member: email, login, name or id.
        member: String,
        #[arg(long)]
        role: String,
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Take a member off the team: their login stops working at once; their
    /// history stays.
    Remove {
        /// The member: email, login, name or id.
        member: String,
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
    },
    /// Who this connection is signed in as.
    Me {
        #[arg(long)]
        json: bool,
    },
    /// Copy everything from SOURCE (a file or a postgres:// URL) into --db,
    /// which must be empty: every id, date, history line and draft is kept.
    Import {
        /// The database to copy from: a Masthead file, or a team server's URL.
        #[arg(value_name = "FILE|URL")]
        source: String,
        #[arg(long)]
        json: bool,
    },
}
