//! The flatplan and adverts.

use super::*;

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
    List(EditionList),
    /// Book an advert into an edition.
    Add {
        #[arg(long)]
        edition: String,
        #[arg(long)]
        advertiser: String,
        #[command(flatten)]
        fields: AdvertFields,
    },
    /// Move an advert to the trash; it leaves the flatplan.
    Delete {
        /// The advertiser (or the advert's id).
        advert: String,
        #[arg(long)]
        edition: String,
        #[arg(long, value_name = "N")]
        expect_version: Option<u32>,
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
