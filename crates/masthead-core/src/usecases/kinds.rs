use super::{Result, Store, check_version, ensure_saved, need, or_duplicate};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{Action, ChangeSet, Entity, FieldChange};
use crate::model::{Kind, KindId, PublicationId};
use crate::rules::{Diff, kinds};
use crate::storage::{KindRow, Tx};

fn duplicate(label: &str) -> Error {
    Error::Duplicate {
        field: Some("name"),
        message: format!(
            "This publication already has a kind called \"{label}\". Choose another name."
        ),
    }
}

/// Saves `old` from `version` with its label, retired flag and words per
/// page set to `to`, and what `record` writes of it (given the new
/// version) in one change set; a label another kind has is refused.
fn save_kind(
    tx: &mut Tx<'_>,
    actor: &Actor,
    old: &Kind,
    version: u32,
    (label, retired, words_per_page): (&str, bool, Option<u32>),
    record: impl FnOnce(&mut ChangeSet, u32),
) -> Result<Kind> {
    let mut cs = ChangeSet::new(actor, Some(old.publication_id), None);
    let row = KindRow {
        id: old.id,
        publication: old.publication_id,
        key: &old.key,
        label,
        retired,
        words_per_page,
    };
    let saved = tx
        .update_kind(&row, version, cs.at())
        .map_err(|e| or_duplicate(e, || duplicate(label)))?;
    ensure_saved(tx, saved, Entity::Kind, old.id, &old.label, version)?;
    record(&mut cs, version + 1);
    tx.write_change_set(&cs)?;
    need(tx.kind(old.id)?, "kind", old.id)
}

impl Store {
    /// Adds a kind of piece to the publication's list: one step, no upgrade.
    pub fn add_kind(
        &mut self,
        actor: &Actor,
        publication: PublicationId,
        name: &str,
    ) -> Result<Kind> {
        let label = kinds::validate_label(name)?;
        self.write(|tx| {
            need(tx.publication(publication)?, "publication", publication)?;
            let existing = tx.kinds(publication, true)?;
            kinds::check_unique(&label, &existing)?;
            let id = KindId::new();
            let key = kinds::unique_key(&label, &existing);
            let mut cs = ChangeSet::new(actor, Some(publication), None);
            let row = KindRow {
                id,
                publication,
                key: &key,
                label: &label,
                retired: false,
                words_per_page: None,
            };
            tx.insert_kind(&row, cs.at())
                .map_err(|e| or_duplicate(e, || duplicate(&label)))?;
            cs.created(Entity::Kind, id, &label);
            tx.write_change_set(&cs)?;
            need(tx.kind(id)?, "kind", id)
        })
    }

    /// Renames a kind; its key, and every piece that has it, stay.
    pub fn rename_kind(
        &mut self,
        actor: &Actor,
        id: KindId,
        seen: Option<u32>,
        name: &str,
    ) -> Result<Kind> {
        let label = kinds::validate_label(name)?;
        self.write(|tx| {
            let old = need(tx.kind(id)?, "kind", id)?;
            let version = check_version(tx, Entity::Kind, id, &old.label, seen, old.version)?;
            let others: Vec<Kind> = tx
                .kinds(old.publication_id, true)?
                .into_iter()
                .filter(|k| k.id != id)
                .collect();
            kinds::check_unique(&label, &others)?;
            let mut d = Diff::default();
            d.value("name", &old.label, &label);
            let fields = d.into_changes();
            if fields.is_empty() {
                return Ok(old);
            }
            save_kind(
                tx,
                actor,
                &old,
                version,
                (&label, old.retired, old.words_per_page),
                |cs, v| cs.updated(Entity::Kind, id, v, fields),
            )
        })
    }

    /// Retires a kind (`retired`), or brings it back: a retired kind stays
    /// on the pieces that have it and is not offered for new ones.
    pub fn set_kind_retired(
        &mut self,
        actor: &Actor,
        id: KindId,
        seen: Option<u32>,
        retired: bool,
    ) -> Result<Kind> {
        self.write(|tx| {
            let old = need(tx.kind(id)?, "kind", id)?;
            let version = check_version(tx, Entity::Kind, id, &old.label, seen, old.version)?;
            if old.retired == retired {
                return Ok(old);
            }
            if retired && tx.kinds(old.publication_id, false)?.len() <= 1 {
                return Err(Error::invalid(
                    "kind_last",
                    None,
                    format!(
                        "\"{}\" is the only kind left; a piece needs one. Add another kind before retiring this one.",
                        old.label
                    ),
                ));
            }
            let label = old.label.clone();
            save_kind(tx, actor, &old, version, (&label, retired, old.words_per_page), |cs, v| {
                let action = if retired { Action::Retired } else { Action::Restored };
                let change = FieldChange {
                    field: "",
                    old: None,
                    new: Some(label.clone()),
                    old_ref: None,
                    new_ref: None,
                };
                cs.action(Entity::Kind, id, v, action, change)
            })
        })
    }

    /// Sets how many words fill a page of this kind (copyfit), or clears it.
    pub fn set_kind_words(
        &mut self,
        actor: &Actor,
        id: KindId,
        seen: Option<u32>,
        words: Option<u32>,
    ) -> Result<Kind> {
        let words = kinds::check_words_per_page(words)?;
        self.write(|tx| {
            let old = need(tx.kind(id)?, "kind", id)?;
            let version = check_version(tx, Entity::Kind, id, &old.label, seen, old.version)?;
            let mut d = Diff::default();
            d.option("words_per_page", &old.words_per_page, &words);
            let fields = d.into_changes();
            if fields.is_empty() {
                return Ok(old);
            }
            let label = old.label.clone();
            save_kind(
                tx,
                actor,
                &old,
                version,
                (&label, old.retired, words),
                |cs, v| cs.updated(Entity::Kind, id, v, fields),
            )
        })
    }
}
