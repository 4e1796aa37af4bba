use super::{Result, Store, check_version, ensure_saved, need, or_duplicate};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{ChangeSet, Entity};
use crate::model::{Edition, EditionId, EditionInput, HistoryEntry, PublicationId, Saved};
use crate::rules::editions::{diff, validate};
use crate::storage::Tx;

fn duplicate(name: &str) -> Error {
    Error::Duplicate {
        field: Some("name"),
        message: format!(
            "This publication already has an edition called \"{name}\". Choose another name."
        ),
    }
}

pub(crate) fn create_edition(
    tx: &mut Tx<'_>,
    actor: &Actor,
    publication: PublicationId,
    input: &EditionInput,
) -> Result<Saved<Edition>> {
    let id = EditionId::new();
    let mut cs = ChangeSet::new(actor, Some(publication), Some(id));
    let saved = insert_edition(tx, &mut cs, id, publication, input)?;
    tx.write_change_set(&cs)?;
    Ok(saved)
}

/// Adds an edition as part of `cs` (one user action may add it and more).
fn insert_edition(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    id: EditionId,
    publication: PublicationId,
    input: &EditionInput,
) -> Result<Saved<Edition>> {
    let is_print = need(tx.publication(publication)?, "publication", publication)?.is_print;
    let (valid, warnings) = validate(input, is_print)?;
    tx.insert_edition(id, publication, &valid, cs.at())
        .map_err(|e| or_duplicate(e, || duplicate(&valid.name)))?;
    cs.created(Entity::Edition, id, &valid.name);
    Ok(Saved {
        item: need(tx.edition(id)?, "edition", id)?,
        warnings,
    })
}

impl Store {
    /// Editions of one publication (or all), latest on-sale date first.
    pub fn list_editions(&self, publication: Option<PublicationId>) -> Result<Vec<Edition>> {
        self.read(|tx| tx.editions(publication))
    }

    pub fn edition(&self, id: EditionId) -> Result<Edition> {
        self.read(|tx| need(tx.edition(id)?, "edition", id))
    }

    pub fn create_edition(
        &mut self,
        actor: &Actor,
        publication: PublicationId,
        input: &EditionInput,
    ) -> Result<Saved<Edition>> {
        self.write(|tx| create_edition(tx, actor, publication, input))
    }

    /// Starts an edition from a previous one of the same publication: its
    /// recurring adverts come over (pencilled, on the same pages; the back
    /// covers stay the back covers); pieces do not. Sections belong to the
    /// publication, so they are there already. One transaction.
    pub fn create_edition_from(
        &mut self,
        actor: &Actor,
        from: EditionId,
        input: &EditionInput,
    ) -> Result<Saved<Edition>> {
        self.write(|tx| {
            let previous = need(tx.edition(from)?, "edition", from)?;
            let id = EditionId::new();
            let mut cs = ChangeSet::new(actor, Some(previous.publication_id), Some(id));
            let saved = insert_edition(tx, &mut cs, id, previous.publication_id, input)?;
            super::flatplan::carry_adverts(tx, &mut cs, from, id, saved.item.page_count)?;
            tx.write_change_set(&cs)?;
            Ok(Saved {
                item: need(tx.edition(id)?, "edition", id)?,
                warnings: saved.warnings,
            })
        })
    }

    /// Replaces an edition's editable fields, recording each changed field.
    /// `seen` is the version the user saw; a newer one is a conflict.
    pub fn update_edition(
        &mut self,
        actor: &Actor,
        id: EditionId,
        seen: Option<u32>,
        input: &EditionInput,
    ) -> Result<Saved<Edition>> {
        self.write(|tx| {
            let old = need(tx.edition(id)?, "edition", id)?;
            let version = check_version(tx, Entity::Edition, id, &old.name, seen, old.version)?;
            let is_print = need(
                tx.publication(old.publication_id)?,
                "publication",
                old.publication_id,
            )?
            .is_print;
            let (valid, warnings) = validate(input, is_print)?;
            let fields = diff(&EditionInput::from(&old), &valid);
            if fields.is_empty() {
                return Ok(Saved {
                    item: old,
                    warnings,
                });
            }
            let mut cs = ChangeSet::new(actor, Some(old.publication_id), Some(id));
            if valid.page_count != old.page_count {
                super::flatplan::repaginate(tx, &mut cs, id, old.page_count, valid.page_count)?;
            }
            let saved = tx
                .update_edition(id, version, &valid, cs.at())
                .map_err(|e| or_duplicate(e, || duplicate(&valid.name)))?;
            ensure_saved(tx, saved, Entity::Edition, id, &old.name, version)?;
            cs.updated(Entity::Edition, id, version + 1, fields);
            tx.write_change_set(&cs)?;
            Ok(Saved {
                item: need(tx.edition(id)?, "edition", id)?,
                warnings,
            })
        })
    }

    /// What changed on an edition's own fields, who changed it, and when.
    pub fn edition_history(&self, id: EditionId) -> Result<Vec<HistoryEntry>> {
        self.read(|tx| {
            need(tx.edition(id)?, "edition", id)?;
            tx.history_of(&id.to_string())
        })
    }

    /// Every recorded change of one record, oldest first.
    pub fn history_of(&self, entity_id: &str) -> Result<Vec<HistoryEntry>> {
        self.read(|tx| tx.history_of(entity_id))
    }
}
