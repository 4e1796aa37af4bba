//! One public function per user action. Each runs in ONE transaction: it
//! reads what it checks inside that transaction, applies the rules
//! (`crate::rules`), writes through the storage seam (`crate::storage::Tx`)
//! and records one change set of history. Updates carry the version the
//! user saw; a stale one is refused as a `conflict`, never overwritten.
//!
//! No SQL here: that lives in `storage::tx` (both stores) and the engines'
//! own modules.

mod articles;
mod assignments;
mod board;
mod calendar;
pub use calendar::IcsScope;
mod comments;
mod contributors;
mod demo;
mod desk;
mod drafts;
mod editions;
mod flatplan;
mod kinds;
mod links;
mod lookup;
mod plan;
mod portable;
mod publications;
mod safekeeping;
mod search;
mod sections;
mod team;
mod trash;
mod workflow;

pub use assignments::AssignmentQuery;
pub use drafts::{DiffInputs, PreparedDraft};
pub use portable::{EXPORT_FORMAT, EXPORT_VERSION};
pub use safekeeping::DailyBackup;
pub use team::ImportSummary;

pub use demo::{DEMO_EDITION, DEMO_PUBLICATION};

pub(crate) use crate::store::Store;

use crate::error::{Error, Result};
use crate::history::Entity;
use crate::model::{Conflict, HistoryEntry};
use crate::storage::Tx;

/// The record, or `not_found` naming what was looked for.
pub(crate) fn need<T>(found: Option<T>, entity: &'static str, key: impl ToString) -> Result<T> {
    found.ok_or_else(|| Error::NotFound {
        entity,
        key: key.to_string(),
    })
}

/// The version a write may update: the one the user saw, when it is still
/// current; the current one when the caller saw none (the CLI without
/// `--expect-version` reads it in the same transaction). A stale version is
/// a conflict that names who changed what since, from the history.
pub(crate) fn check_version(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: impl ToString,
    name: &str,
    seen: Option<u32>,
    current: u32,
) -> Result<u32> {
    match seen {
        Some(seen) if seen != current => Err(conflict(tx, entity, id, name, seen, Some(current))),
        _ => Ok(current),
    }
}

/// Passes when an `update_*` wrote its row. It writes none when the row is
/// no longer at `version` (which the write lock makes all but impossible
/// after `check_version`); that is a conflict like any other.
pub(crate) fn ensure_saved(
    tx: &mut Tx<'_>,
    saved: bool,
    entity: Entity,
    id: impl ToString,
    name: &str,
    version: u32,
) -> Result<()> {
    if saved {
        Ok(())
    } else {
        Err(conflict(tx, entity, id, name, version, None))
    }
}

/// The conflict error for a record that moved on from `seen` (to `current`,
/// or, when not known, to the latest version its history records).
fn conflict(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: impl ToString,
    name: &str,
    seen: u32,
    current: Option<u32>,
) -> Error {
    let id = id.to_string();
    let changes: Vec<HistoryEntry> = tx
        .changes_since(entity.key(), &id, seen)
        .unwrap_or_default();
    let current = current
        .or_else(|| changes.iter().filter_map(|c| c.version).max())
        .unwrap_or(seen);
    Error::Conflict(Box::new(Conflict {
        entity: entity.key().to_owned(),
        entity_id: id,
        name: name.to_owned(),
        seen_version: seen,
        current_version: current,
        changes,
    }))
}

/// Replaces a storage uniqueness failure with the use case's own words.
pub(crate) fn or_duplicate(e: Error, duplicate: impl FnOnce() -> Error) -> Error {
    match e {
        Error::NotUnique => duplicate(),
        other => other,
    }
}
