//! Editions.

use super::*;

impl SqlTx<'_> {
    pub(crate) fn editions(&mut self, publication: Option<PublicationId>) -> Result<Vec<Edition>> {
        // One publication's through its index (an `?1 IS NULL OR …` would
        // read every edition there is).
        let only = if publication.is_some() {
            " AND e.publication_id = ?1"
        } else {
            ""
        };
        self.all_numbered(
            &format!(
                "{}{only}
                 ORDER BY p.name COLLATE NOCASE, coalesce(e.on_sale_date, e.cover_date, '9999') DESC, e.name",
                self.with_notes(EDITION)
            ),
            &[publication.map(|p| p.to_string())],
            edition,
        )
    }

    /// Ids of the live editions named `name` (as names are compared), of
    /// `publication` when given. Found through the names' index.
    pub(crate) fn editions_named(
        &mut self,
        name: &str,
        publication: Option<PublicationId>,
    ) -> Result<Vec<EditionId>> {
        let mut sql = String::from(
            "SELECT e.id FROM editions e
              WHERE e.deleted_at IS NULL AND masthead_fold(e.name) = masthead_fold(trim(?1))",
        );
        if publication.is_some() {
            sql += " AND e.publication_id = ?2";
        }
        sql += " ORDER BY e.id";
        self.all_numbered(
            &sql,
            &[Some(name.to_owned()), publication.map(|p| p.to_string())],
            |r| r.get(0),
        )
    }

    /// The editions of `publication` still to come on `today`: no on-sale
    /// date yet, or one after it (the desk's and the calendar's; a
    /// publication's ten years of editions are not read).
    pub(crate) fn editions_to_come(
        &mut self,
        publication: PublicationId,
        today: NaiveDate,
    ) -> Result<Vec<Edition>> {
        self.all(
            &format!(
                "{} AND e.publication_id = ?1 AND (e.on_sale_date IS NULL OR e.on_sale_date > ?2)
                 ORDER BY coalesce(e.on_sale_date, e.cover_date, '9999') DESC, e.name",
                self.with_notes(EDITION)
            ),
            p![publication, today.format("%Y-%m-%d").to_string()],
            edition,
        )
    }

    /// The editions of `publication` with a key date from `from` to `to`.
    pub(crate) fn editions_dated(
        &mut self,
        publication: PublicationId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<Edition>> {
        let (from, to) = (
            from.format("%Y-%m-%d").to_string(),
            to.format("%Y-%m-%d").to_string(),
        );
        self.all(
            &format!(
                "{} AND e.publication_id = ?1
                   AND (e.commissioning_closes BETWEEN ?2 AND ?3 OR e.copy_deadline BETWEEN ?2 AND ?3
                        OR e.subbing_deadline BETWEEN ?2 AND ?3 OR e.press_date BETWEEN ?2 AND ?3
                        OR e.on_sale_date BETWEEN ?2 AND ?3)
                 ORDER BY e.on_sale_date, e.name",
                self.with_notes(EDITION)
            ),
            p![publication, from, to],
            edition,
        )
    }

    pub(crate) fn edition(&mut self, id: EditionId) -> Result<Option<Edition>> {
        let sql = format!("{} AND e.id = ?1", self.with_notes(EDITION));
        self.one(&sql, p![id], edition)
    }

    pub(crate) fn insert_edition(
        &mut self,
        id: EditionId,
        publication: PublicationId,
        v: &EditionInput,
        at: &str,
    ) -> Result<()> {
        let (topics, [cover, commissioning, copy, subbing, press, on_sale]) = edition_fields(v);
        self.exec(
            "INSERT INTO editions (id, name, theme, focus_topics, cover_date, page_count,
                commissioning_closes, copy_deadline, subbing_deadline, press_date,
                on_sale_date, notes, created_at, updated_at, publication_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
            p![
                id, v.name, v.theme, topics, cover, v.page_count, commissioning, copy, subbing,
                press, on_sale, v.notes, at, publication
            ],
        )
        .map(drop)
    }

    pub(crate) fn update_edition(
        &mut self,
        id: EditionId,
        version: u32,
        v: &EditionInput,
        at: &str,
    ) -> Result<bool> {
        let (topics, [cover, commissioning, copy, subbing, press, on_sale]) = edition_fields(v);
        self.exec(
            "UPDATE editions SET name = ?2, theme = ?3, focus_topics = ?4, cover_date = ?5,
                page_count = ?6, commissioning_closes = ?7, copy_deadline = ?8,
                subbing_deadline = ?9, press_date = ?10, on_sale_date = ?11, notes = ?12,
                updated_at = ?13, version = version + 1
             WHERE id = ?1 AND version = ?14 AND deleted_at IS NULL",
            p![
                id, v.name, v.theme, topics, cover, v.page_count, commissioning, copy, subbing,
                press, on_sale, v.notes, at, version
            ],
        )
        .map(|n| n == 1)
    }
}
