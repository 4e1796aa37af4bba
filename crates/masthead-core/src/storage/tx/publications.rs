//! Publications and their sections.

use super::*;

impl SqlTx<'_> {
    pub(crate) fn publications(&mut self) -> Result<Vec<Publication>> {
        self.all(
            &format!("{PUBLICATION} ORDER BY p.name COLLATE NOCASE"),
            p![],
            publication,
        )
    }

    pub(crate) fn publication(&mut self, id: PublicationId) -> Result<Option<Publication>> {
        self.one(&format!("{PUBLICATION} AND p.id = ?1"), p![id], publication)
    }

    pub(crate) fn insert_publication(
        &mut self,
        id: PublicationId,
        v: &PublicationInput,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO publications (id, name, frequency, is_print, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            p![id, v.name, v.frequency, v.is_print, at],
        )
        .map(drop)
    }

    pub(crate) fn update_publication(
        &mut self,
        id: PublicationId,
        version: u32,
        v: &PublicationInput,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE publications SET name = ?3, frequency = ?4, is_print = ?5, updated_at = ?6,
                version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, v.name, v.frequency, v.is_print, at],
        )
        .map(|n| n == 1)
    }

    pub(crate) fn sections(&mut self, publication: PublicationId) -> Result<Vec<Section>> {
        self.all(
            &format!("{SECTION} AND publication_id = ?1 ORDER BY position, name"),
            p![publication],
            section,
        )
    }

    pub(crate) fn section(&mut self, id: SectionId) -> Result<Option<Section>> {
        self.one(&format!("{SECTION} AND id = ?1"), p![id], section)
    }

    pub(crate) fn insert_section(
        &mut self,
        id: SectionId,
        publication: PublicationId,
        name: &str,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO sections (id, publication_id, name, position, created_at, updated_at)
             VALUES (?1, ?2, ?3,
                (SELECT coalesce(max(position) + 1, 0) FROM sections WHERE publication_id = ?2),
                ?4, ?4)",
            p![id, publication, name, at],
        )
        .map(drop)
    }

    pub(crate) fn update_section(
        &mut self,
        id: SectionId,
        version: u32,
        name: &str,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE sections SET name = ?3, updated_at = ?4, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, name, at],
        )
        .map(|n| n == 1)
    }
}
