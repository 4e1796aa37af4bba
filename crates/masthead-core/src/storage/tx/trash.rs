//! The trash: rows marked deleted, and the entries that say who deleted
//! them, where they were, and who restored or emptied them.

use super::*;

/// A new trash entry.
pub(crate) struct TrashRow<'a> {
    pub id: TrashId,
    pub kind: TrashKind,
    pub entity_id: String,
    pub publication: Option<PublicationId>,
    pub label: &'a str,
    pub edition: Option<&'a str>,
    /// The pages it had, as JSON.
    pub place: Option<String>,
    pub deleted_in: ChangeSetId,
}

/// An open trash entry with what restoring it needs.
pub(crate) struct TrashEntry {
    pub item: TrashItem,
    pub publication: Option<PublicationId>,
    pub place: Option<String>,
}

const TRASH: &str = "SELECT t.id, t.entity, t.entity_id, t.label, t.edition, t.publication_id,
        t.place, cs.at AS deleted_at, cs.actor AS deleted_by
     FROM trash t JOIN change_sets cs ON cs.id = t.deleted_in
    WHERE t.restored_in IS NULL AND t.emptied_in IS NULL";

fn entry(row: &Row<'_>) -> Result<TrashEntry> {
    let kind: String = row.get("entity")?;
    Ok(TrashEntry {
        item: TrashItem {
            id: row.get("id")?,
            kind: TrashKind::parse(&kind).ok_or_else(|| conversion(UnknownValue(kind)))?,
            entity_id: row.get("entity_id")?,
            label: row.get("label")?,
            edition: row.get("edition")?,
            deleted_at: timestamp(row, "deleted_at")?,
            deleted_by: row.get("deleted_by")?,
        },
        publication: row.get("publication_id")?,
        place: row.get("place")?,
    })
}

/// The table a kind of thing lives in (a fixed name, never the caller's).
fn table(kind: TrashKind) -> &'static str {
    match kind {
        TrashKind::Article => "articles",
        TrashKind::Edition => "editions",
        TrashKind::Contributor => "contributors",
        TrashKind::Advert => "adverts",
        TrashKind::Comment => "comments",
    }
}

impl SqlTx<'_> {
    pub(crate) fn insert_trash(&mut self, t: &TrashRow<'_>) -> Result<()> {
        self.exec(
            "INSERT INTO trash (id, entity, entity_id, publication_id, label, edition, place, deleted_in)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            p![
                t.id,
                t.kind.key(),
                t.entity_id,
                t.publication,
                t.label,
                t.edition,
                t.place,
                t.deleted_in
            ],
        )
        .map(drop)
    }

    /// What is in the trash of `publication` (and the shared directory's
    /// contributors), the latest deleted first.
    pub(crate) fn trash_items(&mut self, publication: PublicationId) -> Result<Vec<TrashItem>> {
        let entries = self.all(
            &format!(
                // Each half through the open entries' index (an OR of the
                // two read every open entry of every publication); by when
                // deleted (column 8), then id (column 1), the latest first.
                "{TRASH} AND t.publication_id = ?1
                 UNION ALL
                 {TRASH} AND t.publication_id IS NULL
                 ORDER BY 8 DESC, 1 DESC"
            ),
            p![publication],
            entry,
        )?;
        Ok(entries.into_iter().map(|e| e.item).collect())
    }

    /// An entry still in the trash.
    pub(crate) fn trash_entry(&mut self, id: TrashId) -> Result<Option<TrashEntry>> {
        self.one(&format!("{TRASH} AND t.id = ?1"), p![id], entry)
    }

    /// Closes an open entry as restored in `cs`; false when it was not open.
    pub(crate) fn mark_restored(&mut self, id: TrashId, cs: ChangeSetId) -> Result<bool> {
        Ok(self.exec(
            "UPDATE trash SET restored_in = ?2
              WHERE id = ?1 AND restored_in IS NULL AND emptied_in IS NULL",
            p![id, cs],
        )? == 1)
    }

    /// Closes an open entry as emptied in `cs`.
    pub(crate) fn mark_emptied(&mut self, id: TrashId, cs: ChangeSetId) -> Result<usize> {
        self.exec(
            "UPDATE trash SET emptied_in = ?2
              WHERE id = ?1 AND restored_in IS NULL AND emptied_in IS NULL",
            p![id, cs],
        )
    }

    /// Marks a row deleted, from the version the user saw; false when that
    /// version is no longer current (or the row is gone already).
    pub(crate) fn set_deleted(
        &mut self,
        kind: TrashKind,
        id: &str,
        version: u32,
        at: &str,
    ) -> Result<bool> {
        let sql = format!(
            "UPDATE {} SET deleted_at = ?3, updated_at = ?3, version = version + 1
              WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            table(kind)
        );
        Ok(self.exec(&sql, p![id, version, at])? == 1)
    }

    /// Brings a deleted row back: its new version, or None when it was not deleted.
    pub(crate) fn set_undeleted(
        &mut self,
        kind: TrashKind,
        id: &str,
        at: &str,
    ) -> Result<Option<u32>> {
        let t = table(kind);
        let changed = self.exec(
            &format!(
                "UPDATE {t} SET deleted_at = NULL, updated_at = ?2, version = version + 1
                  WHERE id = ?1 AND deleted_at IS NOT NULL"
            ),
            p![id, at],
        )?;
        if changed == 0 {
            return Ok(None);
        }
        self.one(
            &format!("SELECT version FROM {t} WHERE id = ?1"),
            p![id],
            |row| row.get("version"),
        )
    }

    /// The edition a piece or an advert belongs to, deleted or not, and
    /// whether that edition is deleted.
    pub(crate) fn edition_of(
        &mut self,
        kind: TrashKind,
        id: &str,
    ) -> Result<Option<(EditionId, bool)>> {
        let sql = format!(
            "SELECT e.id, e.deleted_at IS NOT NULL AS gone FROM {} x
               JOIN editions e ON e.id = x.edition_id WHERE x.id = ?1",
            table(kind)
        );
        self.one(&sql, p![id], |row| Ok((row.get("id")?, row.get("gone")?)))
    }

    /// How many open commissions (offered or accepted) a contributor has
    /// on pieces that are live or still restorable (in an open trash entry,
    /// themselves or by their edition): a restore brings those back.
    pub(crate) fn live_commissions(&mut self, contributor: ContributorId) -> Result<u32> {
        self.one(
            concat!(
                "SELECT count(*) AS n FROM assignments asg
               JOIN articles a ON a.id = asg.article_id
               JOIN editions e ON e.id = a.edition_id
              WHERE asg.contributor_id = ?1 AND asg.deleted_at IS NULL
                AND asg.state IN ",
                active_states!(),
                "
                AND ((a.deleted_at IS NULL AND e.deleted_at IS NULL)
                     OR EXISTS (SELECT 1 FROM trash t
                                 WHERE t.entity_id IN (a.id, e.id)
                                   AND t.restored_in IS NULL AND t.emptied_in IS NULL))"
            ),
            p![contributor],
            |row| row.get::<i64>("n"),
        )
        .map(|n| n.unwrap_or(0) as u32)
    }
}
