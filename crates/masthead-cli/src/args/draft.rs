//! Drafts.

use super::*;

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
