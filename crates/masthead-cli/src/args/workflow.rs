//! Workflow, sections and kinds.

use super::*;

#[derive(Debug, Subcommand)]
pub enum WorkflowCmd {
    /// List the statuses in order, with their moves and deadlines.
    List(PublicationList),
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
    List(PublicationList),
    /// Add a section at the end of the list.
    Add(NewName),
    /// Rename a section.
    Rename {
        /// The section's current name or id.
        section: String,
        #[command(flatten)]
        to: Renaming,
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
    Add(NewName),
    /// Rename a kind; the pieces that have it keep it.
    Rename {
        /// The kind's current name, key or id.
        kind: String,
        #[command(flatten)]
        to: Renaming,
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
