use super::{
    Changes, Entity, Result, Store, fetch_one, optional_text, or_duplicate, required_text,
};
use crate::actor::Actor;
use crate::error::Error;
use crate::model::{Publication, PublicationId, PublicationInput, SectionId};

/// Sections a new publication starts with; each publication edits its own.
const DEFAULT_SECTIONS: &[&str] = &["News", "Features", "Opinion"];

const SELECT: &str = "SELECT p.id, p.name, p.frequency, p.is_print,
        (SELECT count(*) FROM editions e WHERE e.publication_id = p.id AND e.deleted_at IS NULL)
     FROM publications p WHERE p.deleted_at IS NULL";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Publication> {
    Ok(Publication {
        id: row.get(0)?,
        name: row.get(1)?,
        frequency: row.get(2)?,
        is_print: row.get(3)?,
        edition_count: row.get(4)?,
    })
}

struct Valid {
    name: String,
    frequency: String,
}

fn validate(input: &PublicationInput) -> Result<Valid> {
    Ok(Valid {
        name: required_text(&input.name, "name", "publication name", 120)?,
        frequency: optional_text(&input.frequency, "frequency", "frequency", 60)?,
    })
}

fn duplicate(name: &str) -> Error {
    Error::Duplicate {
        field: Some("name"),
        message: format!("A publication called \"{name}\" already exists. Choose another name."),
    }
}

impl Store {
    pub fn list_publications(&self) -> Result<Vec<Publication>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT} ORDER BY p.name COLLATE NOCASE"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn publication(&self, id: PublicationId) -> Result<Publication> {
        fetch_one(
            &self.conn,
            &format!("{SELECT} AND p.id = ?1"),
            id,
            "publication",
            from_row,
        )
    }

    /// Creates a publication with the default workflow and sections.
    pub fn create_publication(
        &mut self,
        actor: &Actor,
        input: &PublicationInput,
    ) -> Result<Publication> {
        let valid = validate(input)?;
        let id = PublicationId::new();
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Publication, id);
            let now = changes.at().to_owned();
            tx.execute(
                "INSERT INTO publications (id, name, frequency, is_print, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                rusqlite::params![id, valid.name, valid.frequency, input.is_print, now],
            )
            .map_err(|e| or_duplicate(e, || duplicate(&valid.name)))?;
            super::workflow::seed_default_workflow(tx, id)?;
            for (position, name) in DEFAULT_SECTIONS.iter().enumerate() {
                tx.execute(
                    "INSERT INTO sections (id, publication_id, name, position, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                    rusqlite::params![SectionId::new(), id, name, position as i64, now],
                )?;
            }
            changes.created(&valid.name);
            changes.write(tx)
        })?;
        self.publication(id)
    }

    pub fn update_publication(
        &mut self,
        actor: &Actor,
        id: PublicationId,
        input: &PublicationInput,
    ) -> Result<Publication> {
        let valid = validate(input)?;
        let old = self.publication(id)?;
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Publication, id);
            changes.value("name", &old.name, &valid.name);
            changes.value("frequency", &old.frequency, &valid.frequency);
            changes.value("is_print", &old.is_print, &input.is_print);
            if changes.is_empty() {
                return Ok(());
            }
            tx.execute(
                "UPDATE publications SET name = ?2, frequency = ?3, is_print = ?4,
                    updated_at = ?5, version = version + 1 WHERE id = ?1",
                rusqlite::params![
                    id,
                    valid.name,
                    valid.frequency,
                    input.is_print,
                    changes.at()
                ],
            )
            .map_err(|e| or_duplicate(e, || duplicate(&valid.name)))?;
            changes.write(tx)
        })?;
        self.publication(id)
    }
}
