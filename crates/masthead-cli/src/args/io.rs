//! Import, export and the team.

use super::*;

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
        #[command(flatten)]
        plan: PlanFile,
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
    /// Deadlines as an iCalendar file (.ics) for Outlook, Google Calendar
    /// or Apple Calendar: one event per deadline, each with a UID that stays
    /// the same, so importing a newer file updates the events.
    Ics {
        /// Only this edition's deadlines.
        #[arg(long)]
        edition: Option<String>,
        /// Only this contributor's own due dates (name, email or id).
        #[arg(long)]
        contributor: Option<String>,
        #[arg(long)]
        publication: Option<String>,
        /// The file to write (a new file).
        #[arg(long)]
        out: PathBuf,
        /// Judge deadlines as of this day (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
    },
    /// The run sheet as CSV (RFC 4180, UTF-8): one row per piece.
    Csv {
        #[command(flatten)]
        plan: PlanFile,
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
    /// Make a login for the contributors' page (masthead-serve) on this
    /// team server: a contributor's rights, only ever for the contributor
    /// a link names. Shown once.
    PageLogin {
        /// Close this page login instead (it signs in no more).
        #[arg(long, value_name = "LOGIN")]
        close: Option<String>,
        /// Print it as JSON (`login`, `password`, `url`).
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

/// Which edition's plan, and where its file goes.
#[derive(Debug, Args)]
pub struct PlanFile {
    #[arg(long)]
    pub edition: String,
    #[arg(long)]
    pub publication: Option<String>,
    /// Where to write it; an existing file is not overwritten.
    #[arg(long)]
    pub out: PathBuf,
}
