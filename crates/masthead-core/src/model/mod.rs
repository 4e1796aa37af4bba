//! The domain types that cross the boundary to the UI and the CLI's JSON.
//! Field names here are the documented JSON shape: change them with care.
//! One file per aggregate; the ids, which every aggregate uses, are here.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(transparent)]
        #[ts(type = "string")]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            pub(crate) fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }

            /// Parses an id as the CLI and UI show it.
            pub fn parse(text: &str) -> Option<Self> {
                uuid::Uuid::try_parse(text.trim()).ok().map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.as_hyphenated().fmt(f)
            }
        }
    )*};
}

/// Calls `$then!` with every id type: the one list, which the model makes
/// into types here and storage into row and parameter mappings.
macro_rules! with_every_id {
    ($then:ident) => {
        $then!(
            PublicationId, EditionId, ArticleId, SectionId, StatusId, ContributorId, AssignmentId,
            HistoryId, KindId, ChangeSetId, AdvertId, SlotId, DraftId, PersonId, TrashId,
            CommentId, LinkId,
        );
    };
}
pub(crate) use with_every_id;

with_every_id!(id_type);

mod articles;
mod assignments;
mod calendar;
mod common;
mod desk;
mod drafts;
mod flatplan;
mod links;
mod people;
mod plan;
mod publications;
mod search;
mod trash;
mod workflow;

pub use articles::*;
pub use assignments::*;
pub use calendar::*;
pub use common::*;
pub use desk::*;
pub use drafts::*;
pub use flatplan::*;
pub use links::*;
pub use people::*;
pub use plan::*;
pub use publications::*;
pub use search::*;
pub use trash::*;
pub use workflow::*;
