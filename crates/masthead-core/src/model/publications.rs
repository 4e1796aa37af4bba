//! Publications, their sections and editions.

use super::*;

/// A title that appears in editions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Publication {
    pub id: PublicationId,
    pub name: String,
    pub frequency: String,
    /// Print editions get a warning when the page count is not a multiple of 4.
    pub is_print: bool,
    pub edition_count: u32,
    pub version: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct PublicationInput {
    pub name: String,
    pub frequency: String,
    pub is_print: bool,
}

/// A recurring part of a publication: News, Opinion, Housing…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Section {
    pub id: SectionId,
    pub publication_id: PublicationId,
    pub name: String,
    pub position: u32,
    pub version: u32,
}

/// One issue of a publication with its plan and key dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Edition {
    pub id: EditionId,
    pub publication_id: PublicationId,
    pub publication: String,
    pub name: String,
    pub theme: String,
    pub focus_topics: Vec<String>,
    pub cover_date: Option<NaiveDate>,
    pub page_count: u32,
    pub commissioning_closes: Option<NaiveDate>,
    pub copy_deadline: Option<NaiveDate>,
    pub subbing_deadline: Option<NaiveDate>,
    pub press_date: Option<NaiveDate>,
    pub on_sale_date: Option<NaiveDate>,
    pub notes: String,
    /// Pieces in the edition's workflow: every piece not deleted and not
    /// spiked. Every face shows this number as the edition's pieces.
    pub article_count: u32,
    /// Spiked pieces, shown beside the count ("10 pieces · 1 spiked").
    pub spiked_count: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: u32,
}

/// Everything a user edits on an edition. Create and update both take the
/// whole input, so the UI form and the CLI flags map onto it one to one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct EditionInput {
    pub name: String,
    pub theme: String,
    pub focus_topics: Vec<String>,
    pub cover_date: Option<NaiveDate>,
    pub page_count: u32,
    pub commissioning_closes: Option<NaiveDate>,
    pub copy_deadline: Option<NaiveDate>,
    pub subbing_deadline: Option<NaiveDate>,
    pub press_date: Option<NaiveDate>,
    pub on_sale_date: Option<NaiveDate>,
    pub notes: String,
}

impl From<&Edition> for EditionInput {
    fn from(e: &Edition) -> Self {
        EditionInput {
            name: e.name.clone(),
            theme: e.theme.clone(),
            focus_topics: e.focus_topics.clone(),
            cover_date: e.cover_date,
            page_count: e.page_count,
            commissioning_closes: e.commissioning_closes,
            copy_deadline: e.copy_deadline,
            subbing_deadline: e.subbing_deadline,
            press_date: e.press_date,
            on_sale_date: e.on_sale_date,
            notes: e.notes.clone(),
        }
    }
}
