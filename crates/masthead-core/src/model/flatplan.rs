//! Adverts and the flatplan.

use super::*;

/// How much of the flatplan an advert takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdvertSize {
    Full,
    Half,
    Third,
    Quarter,
    /// Two facing pages.
    Spread,
}

impl AdvertSize {
    pub const ALL: [AdvertSize; 5] = [
        AdvertSize::Full,
        AdvertSize::Half,
        AdvertSize::Third,
        AdvertSize::Quarter,
        AdvertSize::Spread,
    ];

    pub fn key(self) -> &'static str {
        match self {
            AdvertSize::Full => "full",
            AdvertSize::Half => "half",
            AdvertSize::Third => "third",
            AdvertSize::Quarter => "quarter",
            AdvertSize::Spread => "spread",
        }
    }

    pub fn parse(text: &str) -> Option<AdvertSize> {
        let t = text.trim().to_lowercase();
        AdvertSize::ALL.into_iter().find(|s| s.key() == t)
    }

    /// Pages it spans and the twelfths of a page it takes on each.
    pub fn shape(self) -> (u32, u32) {
        match self {
            AdvertSize::Full => (1, 12),
            AdvertSize::Half => (1, 6),
            AdvertSize::Third => (1, 4),
            AdvertSize::Quarter => (1, 3),
            AdvertSize::Spread => (2, 12),
        }
    }
}

/// Where an advert's booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AdvertState {
    Pencilled,
    Booked,
    /// Booked, and its artwork has arrived.
    Artwork,
}

impl AdvertState {
    pub fn key(self) -> &'static str {
        match self {
            AdvertState::Pencilled => "pencilled",
            AdvertState::Booked => "booked",
            AdvertState::Artwork => "artwork",
        }
    }

    pub fn parse(text: &str) -> Option<AdvertState> {
        let t = text.trim().to_lowercase();
        [
            AdvertState::Pencilled,
            AdvertState::Booked,
            AdvertState::Artwork,
        ]
        .into_iter()
        .find(|s| s.key() == t || (t == "artwork received" && *s == AdvertState::Artwork))
    }
}

/// An advert booked into an edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Advert {
    pub id: AdvertId,
    pub edition_id: EditionId,
    pub advertiser: String,
    pub size: AdvertSize,
    pub state: AdvertState,
    /// A position request: "right-hand page", "facing matter".
    pub position: String,
    pub notes: String,
    /// On the flatplan already.
    pub placed: bool,
    pub version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdvertInput {
    pub advertiser: String,
    pub size: AdvertSize,
    pub state: AdvertState,
    pub position: String,
    pub notes: String,
}

impl From<&Advert> for AdvertInput {
    fn from(a: &Advert) -> Self {
        AdvertInput {
            advertiser: a.advertiser.clone(),
            size: a.size,
            state: a.state,
            position: a.position.clone(),
            notes: a.notes.clone(),
        }
    }
}

/// Where a slot goes: a run of whole pages, or part of one page (in
/// twelfths: 12 full, 6 half, 4 third, 3 quarter). With no offset, the
/// first free part of the page is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Placement {
    pub first_page: u32,
    pub last_page: u32,
    pub part_units: u32,
    pub part_offset: Option<u32>,
}

/// A piece or an advert on the flatplan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Slot {
    pub id: SlotId,
    pub edition_id: EditionId,
    pub article_id: Option<ArticleId>,
    pub advert_id: Option<AdvertId>,
    pub first_page: u32,
    pub last_page: u32,
    pub part_offset: u32,
    pub part_units: u32,
    /// The piece's title or the advertiser.
    pub label: String,
    pub section: Option<String>,
    /// The piece's status (adverts have none).
    pub status_id: Option<StatusId>,
    pub status_label: Option<String>,
    pub status_colour: Option<String>,
    /// Words a full page of the piece's kind holds.
    pub words_per_page: Option<u32>,
    pub word_target: Option<u32>,
    /// Words the slot holds: its pages × the kind's words per page.
    pub fits_words: Option<u32>,
    /// The words of the piece's copy, once a draft is in.
    pub copy: Option<WordCount>,
    /// The slot holds more than 10% more or fewer words than the copy has
    /// (or, before any draft, than the target).
    pub copyfit_off: bool,
    pub version: u32,
}

/// One page of the flatplan and the slots on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FlatplanPage {
    pub number: u32,
    /// "Front cover", "Inside front cover", … for the covers.
    pub name: Option<String>,
    pub slots: Vec<SlotId>,
    /// Twelfths of the page still free.
    pub free_units: u32,
}

/// Pages by use: editorial, advertising, free (fractions as decimals).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PageBudget {
    pub pages: u32,
    pub editorial: f64,
    pub advertising: f64,
    pub free: f64,
}

/// An edition's flatplan: its pages, what is on them, and what is not yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Flatplan {
    pub edition_id: EditionId,
    pub page_count: u32,
    /// Goes up with every change to the flatplan.
    pub version: u32,
    pub pages: Vec<FlatplanPage>,
    pub slots: Vec<Slot>,
    /// Live pieces not on the flatplan (spiked ones are never placed).
    pub unplaced_articles: Vec<Article>,
    pub unplaced_adverts: Vec<Advert>,
    pub budget: PageBudget,
}
