//! Search across a publication's pieces: titles, standfirsts, tags, notes,
//! briefs and the text of every draft.

use super::*;

/// What a search found: the pieces, best first, grouped by edition (the
/// edition of the best piece first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchResults {
    /// The words searched for, as the search read them.
    pub words: Vec<String>,
    pub groups: Vec<SearchGroup>,
    /// Pieces found, in all groups.
    pub total: u32,
    /// More pieces matched than a search returns ([`SEARCH_LIMIT`]).
    pub more: bool,
}

/// How many pieces a search returns at most.
pub const SEARCH_LIMIT: u32 = 50;

/// An edition's pieces that a search found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchGroup {
    pub edition_id: EditionId,
    pub edition: String,
    pub hits: Vec<SearchHit>,
}

/// A piece a search found, and where the words are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub article_id: ArticleId,
    pub title: String,
    /// The label of its status.
    pub status: String,
    /// Where its best match is.
    pub found_in: FoundIn,
    /// The draft's version, when found in a draft.
    pub version: Option<u32>,
    /// A few words around the match, the matching words marked.
    pub excerpt: Vec<Fragment>,
}

/// Where in a piece a search matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FoundIn {
    /// Its title, standfirst or tags.
    Piece,
    /// The editors' notes on it.
    Notes,
    /// A commission's brief.
    Brief,
    /// The text of a draft.
    Draft,
    /// A comment on it.
    Comment,
}

impl FoundIn {
    pub fn label(self) -> &'static str {
        match self {
            FoundIn::Piece => "title or standfirst",
            FoundIn::Notes => "notes",
            FoundIn::Brief => "brief",
            FoundIn::Draft => "draft",
            FoundIn::Comment => "comment",
        }
    }
}

/// A run of an excerpt's text: a matching word (`hit`) or what is around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Fragment {
    pub text: String,
    pub hit: bool,
}
