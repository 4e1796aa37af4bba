//! Publications and editions.

use super::*;

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
    List(PublicationList),
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
    /// Move an edition to the trash, with its pieces, adverts and flatplan.
    Delete {
        /// The edition's name or id.
        edition: String,
        #[arg(long)]
        publication: Option<String>,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
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
