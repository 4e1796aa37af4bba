//! Pieces.

use super::*;

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
    List(EditionList),
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
    /// Move a piece to the trash (with `trash restore` it comes back,
    /// with its assignments, drafts and place on the flatplan).
    Delete {
        /// The article's title or id.
        article: String,
        /// Look for the title in this edition only.
        #[arg(long)]
        edition: Option<String>,
        /// Refuse with a conflict (exit 2) unless the record is still at this
        /// version (the `version` of `show --json`).
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
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
