//! The trash: deleting a piece, an edition, a contributor or an advert
//! marks it deleted (every list leaves it out) and files it in the trash
//! in the same transaction, with the change set that says who and when;
//! restoring brings it back with everything that hangs on it (a piece's
//! assignments and drafts never left; its place on the flatplan is put
//! back when those pages are still free); emptying closes the entries, so
//! they can no longer be restored, and is recorded. Nothing is removed
//! from the database: drafts are never deleted.

use super::flatplan::{SlotOwner, placement_of, put_back};
use super::{Result, Store, check_version, ensure_saved, need, or_duplicate};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{Action, ChangeSet, Entity, FieldChange};
use crate::model::{
    AdvertId, ArticleId, ContributorId, EditionId, Placement, PublicationId, Saved, TrashId,
    TrashItem, TrashKind, Warning,
};
use crate::storage::{TrashEntry, TrashRow, Tx};

fn entity(kind: TrashKind) -> Entity {
    match kind {
        TrashKind::Article => Entity::Article,
        TrashKind::Edition => Entity::Edition,
        TrashKind::Contributor => Entity::Contributor,
        TrashKind::Advert => Entity::Advert,
        TrashKind::Comment => Entity::Comment,
    }
}

/// One history line: `action` done to the thing called `label`.
fn line(
    cs: &mut ChangeSet,
    kind: TrashKind,
    id: &str,
    version: Option<u32>,
    action: Action,
    label: &str,
) {
    let from = cs.len();
    let change = FieldChange {
        field: "",
        old: Some(label.to_owned()),
        new: None,
        old_ref: None,
        new_ref: None,
    };
    match version {
        Some(v) => cs.action(entity(kind), id, v, action, change),
        None => cs.unversioned(entity(kind), id, action, change),
    }
    cs.about(from, label);
}

/// What a deletion files in the trash.
struct Deleted<'a> {
    kind: TrashKind,
    id: String,
    publication: Option<PublicationId>,
    label: &'a str,
    edition: Option<&'a str>,
    place: Option<Placement>,
}

/// Marks the row deleted from `version`, records it in `cs` and files it
/// in the trash; the entry as the trash lists it (a deletion warns of
/// nothing).
fn file(
    tx: &mut Tx<'_>,
    mut cs: ChangeSet,
    d: Deleted<'_>,
    version: u32,
) -> Result<Saved<TrashItem>> {
    let saved = tx.set_deleted(d.kind, &d.id, version, cs.at())?;
    ensure_saved(tx, saved, entity(d.kind), &d.id, d.label, version)?;
    line(
        &mut cs,
        d.kind,
        &d.id,
        Some(version + 1),
        Action::Deleted,
        d.label,
    );
    tx.write_change_set(&cs)?;
    let id = TrashId::new();
    let place = d
        .place
        .map(|p| serde_json::to_string(&p))
        .transpose()
        .map_err(|e| Error::Database(e.to_string()))?;
    tx.insert_trash(&TrashRow {
        id,
        kind: d.kind,
        entity_id: d.id.clone(),
        publication: d.publication,
        label: d.label,
        edition: d.edition,
        place,
        deleted_in: cs.id,
    })?;
    let item = TrashItem {
        id,
        kind: d.kind,
        entity_id: d.id,
        label: d.label.to_owned(),
        edition: d.edition.map(str::to_owned),
        deleted_at: chrono::DateTime::parse_from_rfc3339(cs.at())
            .map_err(|e| Error::Database(e.to_string()))?
            .to_utc(),
        deleted_by: cs.actor.clone(),
    };
    Ok(Saved {
        item,
        warnings: Vec::new(),
    })
}

/// Files a piece or an advert of edition `e` in the trash: off the
/// flatplan first (the slot `on` picks; its pages kept in the entry).
#[allow(clippy::too_many_arguments)]
fn file_placed(
    tx: &mut Tx<'_>,
    actor: &Actor,
    e: &crate::model::Edition,
    kind: TrashKind,
    id: String,
    label: &str,
    version: u32,
    on: impl Fn(&crate::model::Slot) -> bool,
) -> Result<Saved<TrashItem>> {
    let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
    let slot = tx.slots(e.id)?.into_iter().find(on);
    if let Some(slot) = &slot {
        super::flatplan::remove(tx, &mut cs, slot, slot.version)?;
    }
    file(
        tx,
        cs,
        Deleted {
            kind,
            id,
            publication: Some(e.publication_id),
            label,
            edition: Some(&e.name),
            place: slot.as_ref().map(placement_of),
        },
        version,
    )
}

/// Files a comment on a piece of edition `e` in the trash (labelled by its
/// first words, and the piece's title as where it was).
pub(super) fn file_comment(
    tx: &mut Tx<'_>,
    actor: &Actor,
    e: &crate::model::Edition,
    id: crate::model::CommentId,
    label: &str,
    piece: &str,
    version: u32,
) -> Result<Saved<TrashItem>> {
    let cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
    file(
        tx,
        cs,
        Deleted {
            kind: TrashKind::Comment,
            id: id.to_string(),
            publication: Some(e.publication_id),
            label,
            edition: Some(piece),
            place: None,
        },
        version,
    )
}

impl Store {
    /// Moves a piece to the trash, from the version the user saw. It
    /// leaves the flatplan (its pages are kept in the trash, to go back to);
    /// its assignments and drafts stay with it.
    pub fn delete_article(
        &mut self,
        actor: &Actor,
        id: ArticleId,
        seen: Option<u32>,
    ) -> Result<Saved<TrashItem>> {
        self.write(|tx| {
            let a = need(tx.article(id)?, "article", id)?;
            let version = check_version(tx, Entity::Article, id, &a.title, seen, a.version)?;
            let e = need(tx.edition(a.edition_id)?, "edition", a.edition_id)?;
            let on = |s: &crate::model::Slot| s.article_id == Some(id);
            file_placed(
                tx,
                actor,
                &e,
                TrashKind::Article,
                id.to_string(),
                &a.title,
                version,
                on,
            )
        })
    }

    /// Moves an edition to the trash, with its pieces, adverts and
    /// flatplan (restored with it, as they were).
    pub fn delete_edition(
        &mut self,
        actor: &Actor,
        id: EditionId,
        seen: Option<u32>,
    ) -> Result<Saved<TrashItem>> {
        self.write(|tx| {
            let e = need(tx.edition(id)?, "edition", id)?;
            let version = check_version(tx, Entity::Edition, id, &e.name, seen, e.version)?;
            let cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
            file(
                tx,
                cs,
                Deleted {
                    kind: TrashKind::Edition,
                    id: id.to_string(),
                    publication: Some(e.publication_id),
                    label: &e.name,
                    edition: None,
                    place: None,
                },
                version,
            )
        })
    }

    /// Moves a contributor to the trash: refused while they are offered
    /// or on a piece still to be written (withdraw those first).
    pub fn delete_contributor(
        &mut self,
        actor: &Actor,
        id: ContributorId,
        seen: Option<u32>,
    ) -> Result<Saved<TrashItem>> {
        self.write(|tx| {
            let c = need(tx.contributor(id)?, "contributor", id)?;
            let version = check_version(tx, Entity::Contributor, id, &c.name, seen, c.version)?;
            let live = tx.live_commissions(id)?;
            if live > 0 {
                return Err(Error::invalid(
                    "contributor_busy",
                    None,
                    format!(
                        "{} has {live} open {} (offered or accepted, those in the trash too). Withdraw {} first, then delete them.",
                        c.name,
                        if live == 1 { "commission" } else { "commissions" },
                        if live == 1 { "that commission" } else { "those commissions" }
                    ),
                ));
            }
            let cs = ChangeSet::new(actor, None, None);
            file(
                tx,
                cs,
                Deleted {
                    kind: TrashKind::Contributor,
                    id: id.to_string(),
                    publication: None,
                    label: &c.name,
                    edition: None,
                    place: None,
                },
                version,
            )
        })
    }

    /// Moves an advert to the trash; it leaves the flatplan like a piece.
    pub fn delete_advert(
        &mut self,
        actor: &Actor,
        id: AdvertId,
        seen: Option<u32>,
    ) -> Result<Saved<TrashItem>> {
        self.write(|tx| {
            let ad = need(tx.advert(id)?, "advert", id)?;
            let version = check_version(tx, Entity::Advert, id, &ad.advertiser, seen, ad.version)?;
            let e = need(tx.edition(ad.edition_id)?, "edition", ad.edition_id)?;
            let on = |s: &crate::model::Slot| s.advert_id == Some(id);
            file_placed(
                tx,
                actor,
                &e,
                TrashKind::Advert,
                id.to_string(),
                &ad.advertiser,
                version,
                on,
            )
        })
    }

    /// What is in the trash of `publication` (and the directory's
    /// contributors), the latest deleted first.
    pub fn trash(&self, publication: PublicationId) -> Result<Vec<TrashItem>> {
        self.read(|tx| tx.trash_items(publication))
    }

    /// Puts a trash entry's piece, edition, contributor or advert back. A
    /// piece or an advert goes back on its pages when they are still free
    /// (a warning says so when they are not); one whose edition is in the
    /// trash waits for the edition; a name or an email taken meanwhile is
    /// refused with what to change.
    pub fn restore_from_trash(&mut self, actor: &Actor, id: TrashId) -> Result<Saved<TrashItem>> {
        self.write(|tx| {
            let TrashEntry { item, publication, place } = tx.trash_entry(id)?.ok_or_else(|| {
                Error::invalid(
                    "not_in_trash",
                    None,
                    "That is no longer in the trash: it was restored, or the trash was emptied.",
                )
            })?;
            let (edition, warnings) = match item.kind {
                TrashKind::Article | TrashKind::Advert => {
                    let (edition, gone) = need(
                        tx.edition_of(item.kind, &item.entity_id)?,
                        item.kind.noun(),
                        &item.entity_id,
                    )?;
                    if gone {
                        return Err(Error::invalid(
                            "edition_in_trash",
                            None,
                            format!(
                                "“{}” was in {}, which is in the trash too. Restore the edition first.",
                                item.label,
                                item.edition.as_deref().unwrap_or("an edition")
                            ),
                        ));
                    }
                    (Some(edition), Vec::new())
                }
                TrashKind::Comment => {
                    // On its piece, which must be live (not in the trash, nor its edition).
                    let (piece, author) = need(
                        tx.comment_piece(&item.entity_id)?,
                        "comment",
                        &item.entity_id,
                    )?;
                    if author != actor.name() {
                        return Err(Error::invalid(
                            "not_your_comment",
                            None,
                            format!("Only {author} can bring back their comment."),
                        ));
                    }
                    let Some(a) = tx.article(piece)? else {
                        return Err(Error::invalid(
                            "piece_in_trash",
                            None,
                            "This comment's piece, or its edition, is in the trash (or was emptied from it). Restore that first.",
                        ));
                    };
                    (Some(a.edition_id), Vec::new())
                }
                TrashKind::Edition => (EditionId::parse(&item.entity_id), Vec::new()),
                TrashKind::Contributor => (None, Vec::new()),
            };
            let mut warnings: Vec<Warning> = warnings;
            let mut cs = ChangeSet::new(actor, publication, edition);
            let version = tx
                .set_undeleted(item.kind, &item.entity_id, cs.at())
                .map_err(|e| or_duplicate(e, || taken(&item)))?
                .ok_or_else(|| Error::NotFound {
                    entity: item.kind.noun(),
                    key: item.entity_id.clone(),
                })?;
            line(&mut cs, item.kind, &item.entity_id, Some(version), Action::Restored, &item.label);
            if let (Some(edition), Some(place)) = (edition, place.as_deref()) {
                let place: Placement =
                    serde_json::from_str(place).map_err(|e| Error::Database(e.to_string()))?;
                let owner = match item.kind {
                    TrashKind::Article => ArticleId::parse(&item.entity_id).map(SlotOwner::Article),
                    _ => AdvertId::parse(&item.entity_id).map(SlotOwner::Advert),
                };
                if let Some(owner) = owner
                    && !put_back(tx, &mut cs, edition, owner, &item.label, &place)?
                {
                    warnings.push(Warning {
                        code: "place_taken".into(),
                        field: None,
                        message: format!(
                            "Its pages are taken now, so “{}” waits in the flatplan's tray.",
                            item.label
                        ),
                    });
                }
            }
            tx.write_change_set(&cs)?;
            if !tx.mark_restored(id, cs.id)? {
                return Err(Error::invalid(
                    "not_in_trash",
                    None,
                    "That is no longer in the trash: it was restored, or the trash was emptied.",
                ));
            }
            Ok(Saved { item, warnings })
        })
    }

    /// Empties the entries `seen` of the trash of `publication` (those the
    /// user was shown and agreed to: one deleted meanwhile stays, and one
    /// restored meanwhile is left as it is): they can no longer be restored.
    /// Each is recorded; nothing is removed from the database. How many
    /// entries were emptied.
    pub fn empty_trash(
        &mut self,
        actor: &Actor,
        publication: PublicationId,
        seen: &[TrashId],
    ) -> Result<u32> {
        self.write(|tx| {
            let items: Vec<TrashItem> = tx
                .trash_items(publication)?
                .into_iter()
                .filter(|t| seen.contains(&t.id))
                .collect();
            if items.is_empty() {
                return Ok(0);
            }
            let mut cs = ChangeSet::new(actor, Some(publication), None);
            for item in &items {
                line(
                    &mut cs,
                    item.kind,
                    &item.entity_id,
                    None,
                    Action::Emptied,
                    &item.label,
                );
            }
            tx.write_change_set(&cs)?;
            for item in &items {
                tx.mark_emptied(item.id, cs.id)?;
            }
            Ok(items.len() as u32)
        })
    }
}

/// The refusal when a restored name or email is someone else's now.
fn taken(item: &TrashItem) -> Error {
    let (field, what) = match item.kind {
        TrashKind::Edition => ("name", "Another edition has its name"),
        TrashKind::Contributor => ("email", "Another contributor has its email"),
        _ => ("name", "Another has its name"),
    };
    Error::Duplicate {
        field: Some(field),
        message: format!(
            "{what} now, so “{}” cannot come back. Rename the other one first.",
            item.label
        ),
    }
}
