//! The default workflow a new publication starts with, and reading a
//! publication's workflow.

use rusqlite::Row;

use super::{Result, Store};
use crate::model::{PublicationId, Status, StatusId, Transition, Workflow};

struct DefaultStatus {
    key: &'static str,
    label: &'static str,
    colour: &'static str,
    is_spiked: bool,
    is_final: bool,
}

const fn status(key: &'static str, label: &'static str, colour: &'static str) -> DefaultStatus {
    DefaultStatus {
        key,
        label,
        colour,
        is_spiked: false,
        is_final: false,
    }
}

/// Idea → Commissioned → Draft received → In edit → Subbed → Approved →
/// Laid out → Published, with Spiked reachable from any state before
/// Published.
const DEFAULT_STATUSES: &[DefaultStatus] = &[
    status("idea", "Idea", "slate"),
    status("commissioned", "Commissioned", "rose"),
    status("draft_received", "Draft received", "amber"),
    status("in_edit", "In edit", "sky"),
    status("subbed", "Subbed", "violet"),
    status("approved", "Approved", "green"),
    status("laid_out", "Laid out", "teal"),
    DefaultStatus {
        is_final: true,
        ..status("published", "Published", "deep-green")
    },
    DefaultStatus {
        is_spiked: true,
        ..status("spiked", "Spiked", "grey")
    },
];

/// The ways back: a rewrite, a re-edit, a re-layout, and reviving a spiked idea.
const DEFAULT_BACKWARD: &[(&str, &str)] = &[
    ("commissioned", "idea"),
    ("draft_received", "commissioned"),
    ("in_edit", "commissioned"),
    ("in_edit", "draft_received"),
    ("subbed", "in_edit"),
    ("approved", "in_edit"),
    ("laid_out", "approved"),
    ("spiked", "idea"),
];

/// The status a new piece starts in.
pub(crate) const INITIAL_STATUS: &str = "idea";

pub(crate) fn seed_default_workflow(
    tx: &rusqlite::Connection,
    publication: PublicationId,
) -> Result<()> {
    let mut ids = Vec::with_capacity(DEFAULT_STATUSES.len());
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO workflow_statuses (id, publication_id, key, label, position, colour, is_spiked, is_final)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (position, s) in DEFAULT_STATUSES.iter().enumerate() {
            let id = StatusId::new();
            insert.execute(rusqlite::params![
                id,
                publication,
                s.key,
                s.label,
                position as i64,
                s.colour,
                s.is_spiked,
                s.is_final
            ])?;
            ids.push((s.key, id, s));
        }
    }
    let id_of = |key: &str| ids.iter().find(|(k, _, _)| *k == key).map(|(_, id, _)| *id);
    let mut pairs: Vec<(StatusId, StatusId)> = Vec::new();
    let chain: Vec<_> = ids.iter().filter(|(_, _, s)| !s.is_spiked).collect();
    for step in chain.windows(2) {
        pairs.push((step[0].1, step[1].1));
    }
    let spiked = ids
        .iter()
        .find(|(_, _, s)| s.is_spiked)
        .map(|(_, id, _)| *id);
    if let Some(spiked) = spiked {
        for (_, id, s) in &ids {
            if !s.is_spiked && !s.is_final {
                pairs.push((*id, spiked));
            }
        }
    }
    for (from, to) in DEFAULT_BACKWARD {
        if let (Some(from), Some(to)) = (id_of(from), id_of(to)) {
            pairs.push((from, to));
        }
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO workflow_transitions (from_status_id, to_status_id) VALUES (?1, ?2)",
    )?;
    for (from, to) in pairs {
        insert.execute(rusqlite::params![from, to])?;
    }
    Ok(())
}

pub(crate) const STATUS_COLUMNS: &str =
    "s.id, s.key, s.label, s.position, s.colour, s.is_spiked, s.is_final";

pub(crate) fn status_from_row(row: &Row<'_>) -> rusqlite::Result<Status> {
    Ok(Status {
        id: row.get(0)?,
        key: row.get(1)?,
        label: row.get(2)?,
        position: row.get(3)?,
        colour: row.get(4)?,
        is_spiked: row.get(5)?,
        is_final: row.get(6)?,
    })
}

pub(crate) fn statuses(
    conn: &rusqlite::Connection,
    publication: PublicationId,
) -> Result<Vec<Status>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STATUS_COLUMNS} FROM workflow_statuses s
         WHERE s.publication_id = ?1 AND s.retired_at IS NULL ORDER BY s.position"
    ))?;
    let rows = stmt.query_map([publication], status_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The statuses a piece in `from` may move to, in workflow order.
pub(crate) fn next_statuses(conn: &rusqlite::Connection, from: StatusId) -> Result<Vec<Status>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STATUS_COLUMNS} FROM workflow_transitions t
         JOIN workflow_statuses s ON s.id = t.to_status_id
         WHERE t.from_status_id = ?1 AND s.retired_at IS NULL ORDER BY s.position"
    ))?;
    let rows = stmt.query_map([from], status_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// A publication's statuses and the allowed moves between them.
    pub fn workflow(&self, publication: PublicationId) -> Result<Workflow> {
        self.publication(publication)?;
        let statuses = statuses(&self.conn, publication)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.from_status_id, t.to_status_id FROM workflow_transitions t
             JOIN workflow_statuses s ON s.id = t.from_status_id
             WHERE s.publication_id = ?1 ORDER BY s.position",
        )?;
        let transitions = stmt
            .query_map([publication], |r| {
                Ok(Transition {
                    from: r.get(0)?,
                    to: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Workflow {
            publication_id: publication,
            statuses,
            transitions,
        })
    }
}
