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
                     UNION ALL SELECT id FROM drafts WHERE article_id = ?1
                     UNION ALL SELECT id FROM comments WHERE article_id = ?1)
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

/// A change as the desk's "since you last looked" lists it: the history
/// line, its edition, and the piece it is about (directly, or through an
/// assignment, a draft or a place on the flatplan).
pub(crate) struct ActivityRow {
    pub entry: HistoryEntry,
    pub edition: Option<String>,
    pub article_id: Option<ArticleId>,
    pub title: Option<String>,
}

impl SqlTx<'_> {
    /// The changes of the newest `limit` change sets others (not `actor`)
    /// made in `publication` after `since`, newest first.
    pub(crate) fn activity(
        &mut self,
        publication: PublicationId,
        actor: &str,
        since: &str,
        limit: usize,
    ) -> Result<Vec<ActivityRow>> {
        self.all(
            "SELECT c.id, c.change_set_id, s.at, s.actor, c.entity, c.entity_id,
                    c.version, c.action, c.field, c.old_value, c.new_value, c.old_ref, c.new_ref,
                    c.subject, e.name AS edition_name, a.id AS piece_id, a.title AS piece_title
               FROM changes c JOIN change_sets s ON s.id = c.change_set_id
               LEFT JOIN editions e ON e.id = s.edition_id
               LEFT JOIN articles a ON a.id = CASE c.entity
                    WHEN 'article' THEN c.entity_id
                    WHEN 'flatplan' THEN c.entity_id
                    WHEN 'assignment' THEN (SELECT g.article_id FROM assignments g WHERE g.id = c.entity_id)
                    WHEN 'draft' THEN (SELECT d.article_id FROM drafts d WHERE d.id = c.entity_id)
                    WHEN 'comment' THEN (SELECT k.article_id FROM comments k WHERE k.id = c.entity_id)
                    END AND a.deleted_at IS NULL
              WHERE s.id IN (SELECT s2.id FROM change_sets s2
                              WHERE s2.publication_id = ?1 AND s2.at > ?3 AND s2.actor <> ?2
                              ORDER BY s2.at DESC LIMIT ?4)
              ORDER BY s.at DESC, s.id, c.seq",
            p![publication, actor, since, limit as i64],
            |row| {
                Ok(ActivityRow {
                    entry: history(row)?,
                    edition: row.get("edition_name")?,
                    article_id: row.get("piece_id")?,
                    title: row.get("piece_title")?,
                })
            },
        )
    }

    /// When `actor` last marked `publication`'s changes seen.
    pub(crate) fn seen_at(
        &mut self,
        actor: &str,
        publication: PublicationId,
    ) -> Result<Option<String>> {
        self.one(
            "SELECT at FROM seen WHERE actor = ?1 AND publication_id = ?2",
            p![actor, publication],
            |row| row.get("at"),
        )
    }

    /// Marks what `actor` saw of `publication` up to `at` (never back).
    pub(crate) fn mark_seen(
        &mut self,
        actor: &str,
        publication: PublicationId,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO seen (actor, publication_id, at) VALUES (?1, ?2, ?3)
             ON CONFLICT (actor, publication_id) DO UPDATE SET at = excluded.at
              WHERE excluded.at > seen.at",
            p![actor, publication, at],
        )
        .map(drop)
    }
}
