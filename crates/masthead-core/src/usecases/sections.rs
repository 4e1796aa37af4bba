use super::{Result, Store, check_version, ensure_saved, need, or_duplicate};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{ChangeSet, Entity};
use crate::model::{PublicationId, Section, SectionId};
use crate::rules::{Diff, required_text};
use crate::storage::Tx;

fn duplicate(name: &str) -> Error {
    Error::Duplicate {
        field: Some("name"),
        message: format!(
            "This publication already has a section called \"{name}\". Choose another name."
        ),
    }
}

fn valid_name(name: &str) -> Result<String> {
    required_text(name, "name", "section name", 60)
}

pub(crate) fn add_section(
    tx: &mut Tx<'_>,
    actor: &Actor,
    publication: PublicationId,
    name: &str,
) -> Result<Section> {
    let name = valid_name(name)?;
    need(tx.publication(publication)?, "publication", publication)?;
    let id = SectionId::new();
    let mut cs = ChangeSet::new(actor, Some(publication), None);
    tx.insert_section(id, publication, &name, cs.at())
        .map_err(|e| or_duplicate(e, || duplicate(&name)))?;
    cs.created(Entity::Section, id, &name);
    tx.write_change_set(&cs)?;
    need(tx.section(id)?, "section", id)
}

pub(crate) fn rename_section(
    tx: &mut Tx<'_>,
    actor: &Actor,
    id: SectionId,
    seen: Option<u32>,
    name: &str,
) -> Result<Section> {
    let name = valid_name(name)?;
    let old = need(tx.section(id)?, "section", id)?;
    let version = check_version(tx, Entity::Section, id, &old.name, seen, old.version)?;
    let mut d = Diff::default();
    d.value("name", &old.name, &name);
    let fields = d.into_changes();
    if fields.is_empty() {
        return Ok(old);
    }
    let mut cs = ChangeSet::new(actor, Some(old.publication_id), None);
    let saved = tx
        .update_section(id, version, &name, cs.at())
        .map_err(|e| or_duplicate(e, || duplicate(&name)))?;
    ensure_saved(tx, saved, Entity::Section, id, &old.name, version)?;
    cs.updated(Entity::Section, id, version + 1, fields);
    tx.write_change_set(&cs)?;
    need(tx.section(id)?, "section", id)
}

impl Store {
    pub fn list_sections(&self, publication: PublicationId) -> Result<Vec<Section>> {
        self.read(|tx| {
            need(tx.publication(publication)?, "publication", publication)?;
            tx.sections(publication)
        })
    }

    pub fn section(&self, id: SectionId) -> Result<Section> {
        self.read(|tx| need(tx.section(id)?, "section", id))
    }

    /// Adds a section at the end of the publication's list.
    pub fn add_section(
        &mut self,
        actor: &Actor,
        publication: PublicationId,
        name: &str,
    ) -> Result<Section> {
        self.write(|tx| add_section(tx, actor, publication, name))
    }

    /// Renames a section; `seen` is the version the user saw.
    pub fn rename_section(
        &mut self,
        actor: &Actor,
        id: SectionId,
        seen: Option<u32>,
        name: &str,
    ) -> Result<Section> {
        self.write(|tx| rename_section(tx, actor, id, seen, name))
    }
}
