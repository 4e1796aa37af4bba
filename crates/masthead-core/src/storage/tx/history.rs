//! History: change sets and their lines.

use super::*;

impl SqlTx<'_> {
    pub(crate) fn write_change_set(&mut self, set: &ChangeSet) -> Result<()> {
        if set.changes.is_empty() {
            return Ok(());
        }
        self.exec(
            "INSERT INTO change_sets (id, at, actor, publication_id, edition_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            p![set.id, set.at, set.actor, set.publication, set.edition],
        )?;
        for (seq, c) in set.changes.iter().enumerate() {
            self.exec(
                "INSERT INTO changes (id, change_set_id, seq, entity, entity_id, version, action,
                    field, old_value, new_value, old_ref, new_ref, subject)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                p![
                    c.id,
                    set.id,
                    seq as i64,
                    c.entity.key(),
                    c.entity_id,
                    c.version,
                    c.action.key(),
                    c.field,
                    c.old_value,
                    c.new_value,
                    c.old_ref,
                    c.new_ref,
                    c.subject
                ],
            )?;
        }
        Ok(())
    }

    /// Every change of one record, oldest first.
    pub(crate) fn history_of(&mut self, entity_id: &str) -> Result<Vec<HistoryEntry>> {
        self.all(
            &format!("{HISTORY} WHERE c.entity_id = ?1 ORDER BY s.at, c.change_set_id, c.seq"),
            p![entity_id],
            history,
        )
    }

    /// A piece's changes and its assignments', oldest first.
    pub(crate) fn history_of_article(&mut self, id: ArticleId) -> Result<Vec<HistoryEntry>> {
        self.all(
            &format!(
                "{HISTORY} WHERE c.entity_id IN
                    (SELECT CAST(?1 AS TEXT) UNION ALL
                     SELECT id FROM assignments WHERE article_id = ?1 AND deleted_at IS NULL
                     UNION ALL SELECT id FROM drafts WHERE article_id = ?1)
                 ORDER BY s.at, c.change_set_id, c.seq"
            ),
            p![id],
            history,
        )
    }

    /// The changes that took a record past `version`, oldest first.
    pub(crate) fn changes_since(
        &mut self,
        entity: &str,
        entity_id: &str,
        version: u32,
    ) -> Result<Vec<HistoryEntry>> {
        self.all(
            &format!(
                "{HISTORY} WHERE c.entity_id = ?1 AND c.entity = ?3 AND c.version > ?2
                 ORDER BY s.at, c.change_set_id, c.seq"
            ),
            p![entity_id, version, entity],
            history,
        )
    }
}

const HISTORY: &str = "SELECT c.id, c.change_set_id, s.at, s.actor, c.entity, c.entity_id,
        c.version, c.action, c.field, c.old_value, c.new_value, c.old_ref, c.new_ref, c.subject
     FROM changes c JOIN change_sets s ON s.id = c.change_set_id";

fn history(row: &Row<'_>) -> Result<HistoryEntry> {
    let mut entry = HistoryEntry {
        id: row.get("id")?,
        change_set_id: row.get("change_set_id")?,
        at: timestamp(row, "at")?,
        actor: row.get("actor")?,
        entity: row.get("entity")?,
        entity_id: row.get("entity_id")?,
        version: row.get("version")?,
        action: row.get("action")?,
        field: row.get("field")?,
        old_value: row.get("old_value")?,
        new_value: row.get("new_value")?,
        old_ref: row.get("old_ref")?,
        new_ref: row.get("new_ref")?,
        subject: row.get("subject")?,
        text: String::new(),
    };
    entry.text = crate::history::describe(&entry);
    Ok(entry)
}
