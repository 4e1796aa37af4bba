use super::{Changes, Entity, Result, Store, fetch_one, or_duplicate, required_text};
use crate::actor::Actor;
use crate::error::Error;
use crate::model::{PublicationId, Section, SectionId};

const SELECT: &str =
    "SELECT id, publication_id, name, position FROM sections WHERE deleted_at IS NULL";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Section> {
    Ok(Section {
        id: row.get(0)?,
        publication_id: row.get(1)?,
        name: row.get(2)?,
        position: row.get(3)?,
    })
}

fn duplicate(name: &str) -> Error {
    Error::Duplicate {
        field: Some("name"),
        message: format!(
            "This publication already has a section called \"{name}\". Choose another name."
        ),
    }
}

impl Store {
    pub fn list_sections(&self, publication: PublicationId) -> Result<Vec<Section>> {
        self.publication(publication)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} AND publication_id = ?1 ORDER BY position, name"
        ))?;
        let rows = stmt.query_map([publication], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn section(&self, id: SectionId) -> Result<Section> {
        fetch_one(
            &self.conn,
            &format!("{SELECT} AND id = ?1"),
            id,
            "section",
            from_row,
        )
    }

    /// Adds a section at the end of the publication's list.
    pub fn add_section(
        &mut self,
        actor: &Actor,
        publication: PublicationId,
        name: &str,
    ) -> Result<Section> {
        let name = required_text(name, "name", "section name", 60)?;
        self.publication(publication)?;
        let id = SectionId::new();
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Section, id);
            tx.execute(
                "INSERT INTO sections (id, publication_id, name, position, created_at, updated_at)
                 VALUES (?1, ?2, ?3,
                    (SELECT coalesce(max(position) + 1, 0) FROM sections WHERE publication_id = ?2),
                    ?4, ?4)",
                rusqlite::params![id, publication, name, changes.at()],
            )
            .map_err(|e| or_duplicate(e, || duplicate(&name)))?;
            changes.created(&name);
            changes.write(tx)
        })?;
        self.section(id)
    }

    pub fn rename_section(&mut self, actor: &Actor, id: SectionId, name: &str) -> Result<Section> {
        let name = required_text(name, "name", "section name", 60)?;
        let old = self.section(id)?;
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Section, id);
            changes.value("name", &old.name, &name);
            if changes.is_empty() {
                return Ok(());
            }
            tx.execute(
                "UPDATE sections SET name = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1",
                rusqlite::params![id, name, changes.at()],
            )
            .map_err(|e| or_duplicate(e, || duplicate(&name)))?;
            changes.write(tx)
        })?;
        self.section(id)
    }
}
