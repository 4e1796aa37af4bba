use super::{Result, Store, parse_timestamp};
use crate::model::{EditionId, HistoryEntry};

impl Store {
    /// What changed on an edition's own fields, who changed it, and when.
    pub fn edition_history(&self, id: EditionId) -> Result<Vec<HistoryEntry>> {
        self.edition(id)?;
        self.history_of(&id.to_string())
    }

    /// Every recorded change of one record, oldest first.
    pub fn history_of(&self, entity_id: &str) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, actor, entity, entity_id, action, field, old_value, new_value
             FROM history WHERE entity_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([entity_id], |row| {
            Ok(HistoryEntry {
                id: row.get("id")?,
                at: parse_timestamp(row, "at")?,
                actor: row.get("actor")?,
                entity: row.get("entity")?,
                entity_id: row.get("entity_id")?,
                action: row.get("action")?,
                field: row.get("field")?,
                old_value: row.get("old_value")?,
                new_value: row.get("new_value")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
