use super::{Result, Store, check_version, ensure_saved, need, or_duplicate};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{ChangeSet, Entity};
use crate::model::{Kind, KindId, Publication, PublicationId, PublicationInput, SectionId};
use crate::rules::{Diff, kinds::DEFAULT_KINDS, optional_text, required_text, workflow};
use crate::storage::{KindRow, Tx};

/// Sections a new publication starts with; each publication edits its own.
const DEFAULT_SECTIONS: &[&str] = &["News", "Features", "Opinion"];

fn validate(input: &PublicationInput) -> Result<PublicationInput> {
    Ok(PublicationInput {
        name: required_text(&input.name, "name", "publication name", 120)?,
        frequency: optional_text(&input.frequency, "frequency", "frequency", 60)?,
        is_print: input.is_print,
    })
}

fn duplicate(name: &str) -> Error {
    Error::Duplicate {
        field: Some("name"),
        message: format!("A publication called \"{name}\" already exists. Choose another name."),
    }
}

/// Creates a publication with the default workflow, kinds and sections.
pub(crate) fn create_publication(
    tx: &mut Tx<'_>,
    actor: &Actor,
    input: &PublicationInput,
) -> Result<Publication> {
    let valid = validate(input)?;
    let id = PublicationId::new();
    let mut cs = ChangeSet::new(actor, Some(id), None);
    let at = cs.at().to_owned();
    tx.insert_publication(id, &valid, &at)
        .map_err(|e| or_duplicate(e, || duplicate(&valid.name)))?;
    tx.insert_workflow(id, &workflow::default_workflow(id))?;
    for (key, label, words) in DEFAULT_KINDS {
        tx.insert_kind(
            &KindRow {
                id: KindId::new(),
                publication: id,
                key,
                label,
                retired: false,
                words_per_page: *words,
            },
            &at,
        )?;
    }
    for name in DEFAULT_SECTIONS {
        tx.insert_section(SectionId::new(), id, name, &at)?;
    }
    cs.created(Entity::Publication, id, &valid.name);
    tx.write_change_set(&cs)?;
    need(tx.publication(id)?, "publication", id)
}

impl Store {
    pub fn list_publications(&self) -> Result<Vec<Publication>> {
        self.read(|tx| tx.publications())
    }

    pub fn publication(&self, id: PublicationId) -> Result<Publication> {
        self.read(|tx| need(tx.publication(id)?, "publication", id))
    }

    /// Creates a publication with the default workflow, kinds and sections.
    pub fn create_publication(
        &mut self,
        actor: &Actor,
        input: &PublicationInput,
    ) -> Result<Publication> {
        self.write(|tx| create_publication(tx, actor, input))
    }

    /// The publication's kinds of piece, in menu order (retired ones too
    /// when asked, for settings and for pieces that still carry one).
    pub fn list_kinds(&self, publication: PublicationId, with_retired: bool) -> Result<Vec<Kind>> {
        self.read(|tx| {
            need(tx.publication(publication)?, "publication", publication)?;
            tx.kinds(publication, with_retired)
        })
    }

    pub fn update_publication(
        &mut self,
        actor: &Actor,
        id: PublicationId,
        seen: Option<u32>,
        input: &PublicationInput,
    ) -> Result<Publication> {
        let valid = validate(input)?;
        self.write(|tx| {
            let old = need(tx.publication(id)?, "publication", id)?;
            let version = check_version(tx, Entity::Publication, id, &old.name, seen, old.version)?;
            let mut d = Diff::default();
            d.value("name", &old.name, &valid.name);
            d.value("frequency", &old.frequency, &valid.frequency);
            d.value("is_print", &old.is_print, &valid.is_print);
            let fields = d.into_changes();
            if fields.is_empty() {
                return Ok(old);
            }
            let mut cs = ChangeSet::new(actor, Some(id), None);
            let saved = tx
                .update_publication(id, version, &valid, cs.at())
                .map_err(|e| or_duplicate(e, || duplicate(&valid.name)))?;
            ensure_saved(tx, saved, Entity::Publication, id, &old.name, version)?;
            cs.updated(Entity::Publication, id, version + 1, fields);
            tx.write_change_set(&cs)?;
            need(tx.publication(id)?, "publication", id)
        })
    }
}
