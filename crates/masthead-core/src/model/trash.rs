//! The trash: what was deleted, by whom and when, until it is restored or
//! the trash is emptied.

use super::*;

/// What kind of thing a trash entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TrashKind {
    Article,
    Edition,
    Contributor,
    Advert,
    Comment,
}

impl TrashKind {
    pub fn key(self) -> &'static str {
        match self {
            TrashKind::Article => "article",
            TrashKind::Edition => "edition",
            TrashKind::Contributor => "contributor",
            TrashKind::Advert => "advert",
            TrashKind::Comment => "comment",
        }
    }

    pub fn parse(key: &str) -> Option<TrashKind> {
        [
            TrashKind::Article,
            TrashKind::Edition,
            TrashKind::Contributor,
            TrashKind::Advert,
            TrashKind::Comment,
        ]
        .into_iter()
        .find(|k| k.key() == key)
    }

    /// The word for it in a sentence: "piece", "edition"…
    pub fn noun(self) -> &'static str {
        match self {
            TrashKind::Article => "piece",
            TrashKind::Edition => "edition",
            TrashKind::Contributor => "contributor",
            TrashKind::Advert => "advert",
            TrashKind::Comment => "comment",
        }
    }
}

/// Something deleted, waiting in the trash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrashItem {
    pub id: TrashId,
    pub kind: TrashKind,
    /// The piece's, edition's, contributor's or advert's own id.
    pub entity_id: String,
    /// Its title or name when it was deleted.
    pub label: String,
    /// The edition it was in (a piece, an advert), or the piece a comment
    /// was on.
    pub edition: Option<String>,
    pub deleted_at: DateTime<Utc>,
    pub deleted_by: String,
}
