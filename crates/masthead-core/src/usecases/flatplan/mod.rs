//! The flatplan: adverts booked per edition, and slots that put pieces and
//! adverts on pages. Every change checks the pages it takes against what is
//! on them now, inside its transaction, so two editors never overlap; a
//! slot moved from an older version is a conflict.

use super::{Result, Store, check_version, ensure_saved, need};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{Action, ChangeSet, Entity, FieldChange};
use crate::model::{
    Advert, AdvertId, AdvertInput, ArticleId, EditionId, Flatplan, PageBudget, Placement, Slot,
    SlotId,
};
use crate::rules::flatplan::{
    check_advert_shape, check_fit, check_placement, copyfit_off, describe, fits_words, pages,
    size_in_pages,
};
use crate::rules::{Diff, optional_block, optional_text, required_text};
use crate::storage::{SlotRow, Tx};

mod pages;

pub(crate) use pages::{carry_adverts, repaginate};

pub(crate) fn load(tx: &mut Tx<'_>, edition: EditionId) -> Result<Flatplan> {
    let articles = tx.articles(edition)?;
    load_with(tx, edition, articles)
}

/// The flatplan, from the edition's pieces already read (the plan reads
/// them for its run sheet too).
pub(crate) fn load_with(
    tx: &mut Tx<'_>,
    edition: EditionId,
    articles: Vec<crate::model::Article>,
) -> Result<Flatplan> {
    let e = need(tx.edition(edition)?, "edition", edition)?;
    let version = need(tx.flatplan_version(edition)?, "edition", edition)?;
    let mut slots = tx.slots(edition)?;
    for s in &mut slots {
        s.fits_words = fits_words(s);
        // Against the copy once a draft is in, else the target.
        s.copyfit_off = copyfit_off(s.fits_words, s.copy.map(|c| c.words).or(s.word_target));
    }
    let placed: std::collections::HashSet<ArticleId> =
        slots.iter().filter_map(|s| s.article_id).collect();
    let unplaced_articles = articles
        .into_iter()
        .filter(|a| !a.status_is_spiked && !placed.contains(&a.id))
        .collect();
    let unplaced_adverts = tx
        .adverts(edition)?
        .into_iter()
        .filter(|a| !a.placed)
        .collect();
    let size = |advert: bool| -> f64 {
        slots
            .iter()
            .filter(|s| s.advert_id.is_some() == advert)
            .map(size_in_pages)
            .sum()
    };
    let (editorial, advertising) = (size(false), size(true));
    Ok(Flatplan {
        edition_id: edition,
        page_count: e.page_count,
        version,
        pages: pages(e.page_count, &slots),
        budget: PageBudget {
            pages: e.page_count,
            editorial,
            advertising,
            free: (f64::from(e.page_count) - editorial - advertising).max(0.0),
        },
        slots,
        unplaced_articles,
        unplaced_adverts,
    })
}

fn validate_advert(input: &AdvertInput) -> Result<AdvertInput> {
    Ok(AdvertInput {
        advertiser: required_text(&input.advertiser, "advertiser", "advertiser", 120)?,
        size: input.size,
        state: input.state,
        position: optional_text(&input.position, "position", "position request", 200)?,
        notes: optional_block(&input.notes, "notes", "notes", 4000)?,
    })
}

/// Checks `place` for the edition and against every other slot on it;
/// returns the row to write, with the offset where it fits.
fn fit(
    tx: &mut Tx<'_>,
    edition: EditionId,
    place: &Placement,
    moving: Option<SlotId>,
) -> Result<(u32, u32, u32, u32)> {
    let e = need(tx.edition(edition)?, "edition", edition)?;
    let p = check_placement(place, e.page_count)?;
    let all = tx.slots(edition)?;
    let others: Vec<&Slot> = all.iter().filter(|s| Some(s.id) != moving).collect();
    let offset = check_fit(&p, &others)?;
    Ok((p.first_page, p.last_page, offset, p.part_units))
}

fn record(
    cs: &mut ChangeSet,
    action: Action,
    owner: String,
    label: &str,
    version: u32,
    old: Option<String>,
    new: Option<String>,
) {
    let from = cs.len();
    cs.action(
        Entity::Flatplan,
        owner,
        version,
        action,
        FieldChange {
            field: "pages",
            old,
            new,
            old_ref: None,
            new_ref: None,
        },
    );
    cs.about(from, label);
}

fn owner_of(s: &Slot) -> String {
    s.article_id
        .map(|a| a.to_string())
        .or(s.advert_id.map(|a| a.to_string()))
        .unwrap_or_default()
}

fn shown(s: &Slot) -> String {
    describe(s.first_page, s.last_page, s.part_offset, s.part_units)
}

/// Books an advert into an edition (not yet on a page).
pub(crate) fn add_advert(
    tx: &mut Tx<'_>,
    actor: &Actor,
    edition: EditionId,
    input: &AdvertInput,
) -> Result<Advert> {
    let valid = validate_advert(input)?;
    let e = need(tx.edition(edition)?, "edition", edition)?;
    let id = AdvertId::new();
    let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(edition));
    tx.insert_advert(id, edition, &valid, cs.at())?;
    cs.created(Entity::Advert, id, &valid.advertiser);
    tx.write_change_set(&cs)?;
    need(tx.advert(id)?, "advert", id)
}

/// Puts a piece on the flatplan: a run of pages or part of one page.
/// Returns its edition; the caller reads the plan when it wants it.
pub(crate) fn place_article(
    tx: &mut Tx<'_>,
    actor: &Actor,
    article: ArticleId,
    place: &Placement,
) -> Result<EditionId> {
    let a = need(tx.article(article)?, "article", article)?;
    if a.status_is_spiked {
        return Err(Error::invalid(
            "article_spiked",
            None,
            format!(
                "\"{}\" is spiked, so it has no place in the edition. Move it back into the workflow first.",
                a.title
            ),
        ));
    }
    if let Some(s) = tx
        .slots(a.edition_id)?
        .into_iter()
        .find(|s| s.article_id == Some(article))
    {
        return Err(Error::invalid(
            "already_placed",
            None,
            format!(
                "\"{}\" is already on {}. Move it instead.",
                a.title,
                shown(&s)
            ),
        ));
    }
    let (first, last, offset, units) = fit(tx, a.edition_id, place, None)?;
    let e = need(tx.edition(a.edition_id)?, "edition", a.edition_id)?;
    let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
    let owner = SlotOwner::Article(article);
    insert(
        tx,
        &mut cs,
        e.id,
        owner,
        &a.title,
        (first, last, offset, units),
    )?;
    tx.write_change_set(&cs)?;
    Ok(e.id)
}

/// Inserts the slot of a piece or an advert on pages that fit (`fitted`,
/// as [`fit`] gives them) inside `cs`, and records it.
fn insert(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    edition: EditionId,
    owner: SlotOwner,
    label: &str,
    (first, last, offset, units): (u32, u32, u32, u32),
) -> Result<()> {
    let (article, advert, id) = match owner {
        SlotOwner::Article(a) => (Some(a), None, a.to_string()),
        SlotOwner::Advert(a) => (None, Some(a), a.to_string()),
    };
    tx.insert_slot(
        &SlotRow {
            id: SlotId::new(),
            edition,
            article,
            advert,
            first_page: first,
            last_page: last,
            part_offset: offset,
            part_units: units,
        },
        cs.at(),
    )?;
    tx.bump_flatplan(edition, cs.at())?;
    let at = describe(first, last, offset, units);
    record(cs, Action::Created, id, label, 1, None, Some(at));
    Ok(())
}

/// Puts a booked advert on the flatplan, in a slot of its size.
/// Returns its edition; the caller reads the plan when it wants it.
pub(crate) fn place_advert(
    tx: &mut Tx<'_>,
    actor: &Actor,
    advert: AdvertId,
    place: &Placement,
) -> Result<EditionId> {
    let ad = need(tx.advert(advert)?, "advert", advert)?;
    if ad.placed {
        return Err(Error::invalid(
            "already_placed",
            None,
            format!(
                "{}'s advert is already on the flatplan. Move it instead.",
                ad.advertiser
            ),
        ));
    }
    check_advert_shape(ad.size, place)?;
    let (first, last, offset, units) = fit(tx, ad.edition_id, place, None)?;
    let e = need(tx.edition(ad.edition_id)?, "edition", ad.edition_id)?;
    let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
    tx.insert_slot(
        &SlotRow {
            id: SlotId::new(),
            edition: e.id,
            article: None,
            advert: Some(advert),
            first_page: first,
            last_page: last,
            part_offset: offset,
            part_units: units,
        },
        cs.at(),
    )?;
    tx.bump_flatplan(e.id, cs.at())?;
    let at = describe(first, last, offset, units);
    record(
        &mut cs,
        Action::Created,
        advert.to_string(),
        &ad.advertiser,
        1,
        None,
        Some(at),
    );
    tx.write_change_set(&cs)?;
    Ok(e.id)
}

impl Store {
    /// An edition's flatplan: pages with their slots, what is not placed
    /// yet, and the page budget, from one snapshot.
    pub fn flatplan(&self, edition: EditionId) -> Result<Flatplan> {
        self.read(|tx| load(tx, edition))
    }

    pub fn list_adverts(&self, edition: EditionId) -> Result<Vec<Advert>> {
        self.read(|tx| {
            need(tx.edition(edition)?, "edition", edition)?;
            tx.adverts(edition)
        })
    }

    pub fn advert(&self, id: AdvertId) -> Result<Advert> {
        self.read(|tx| need(tx.advert(id)?, "advert", id))
    }

    /// Books an advert into an edition (not yet on a page).
    pub fn add_advert(
        &mut self,
        actor: &Actor,
        edition: EditionId,
        input: &AdvertInput,
    ) -> Result<Advert> {
        self.write(|tx| add_advert(tx, actor, edition, input))
    }

    /// Puts a piece on the flatplan: a run of pages or part of one page.
    pub fn place_article(
        &mut self,
        actor: &Actor,
        article: ArticleId,
        place: &Placement,
    ) -> Result<Flatplan> {
        self.write(|tx| {
            let edition = place_article(tx, actor, article, place)?;
            load(tx, edition)
        })
    }

    /// Puts a booked advert on the flatplan, in a slot of its size.
    pub fn place_advert(
        &mut self,
        actor: &Actor,
        advert: AdvertId,
        place: &Placement,
    ) -> Result<Flatplan> {
        self.write(|tx| {
            let edition = place_advert(tx, actor, advert, place)?;
            load(tx, edition)
        })
    }

    /// Saves an advert's booking; a size that no longer fits its place on
    /// the flatplan is refused.
    pub fn update_advert(
        &mut self,
        actor: &Actor,
        id: AdvertId,
        seen: Option<u32>,
        input: &AdvertInput,
    ) -> Result<Advert> {
        let valid = validate_advert(input)?;
        self.write(|tx| {
            let old = need(tx.advert(id)?, "advert", id)?;
            let version = check_version(tx, Entity::Advert, id, &old.advertiser, seen, old.version)?;
            if valid.size != old.size
                && let Some(s) = tx.slots(old.edition_id)?.into_iter().find(|s| s.advert_id == Some(id))
            {
                check_advert_shape(
                    valid.size,
                    &Placement {
                        first_page: s.first_page,
                        last_page: s.last_page,
                        part_units: s.part_units,
                        part_offset: Some(s.part_offset),
                    },
                )
                .map_err(|_| {
                    Error::invalid(
                        "advert_size",
                        "size",
                        format!(
                            "{}'s advert is on {} as a {}. Take it off the flatplan, change its size, then place it again.",
                            old.advertiser,
                            shown(&s),
                            old.size.key()
                        ),
                    )
                })?;
            }
            let mut d = Diff::default();
            d.value("advertiser", &old.advertiser, &valid.advertiser);
            d.value("size", &old.size.key(), &valid.size.key());
            d.value("state", &old.state.key(), &valid.state.key());
            d.value("position", &old.position, &valid.position);
            d.value("notes", &old.notes, &valid.notes);
            let fields = d.into_changes();
            if fields.is_empty() {
                return Ok(old);
            }
            let e = need(tx.edition(old.edition_id)?, "edition", old.edition_id)?;
            let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
            let saved = tx.update_advert(id, version, &valid, cs.at())?;
            ensure_saved(tx, saved, Entity::Advert, id, &old.advertiser, version)?;
            cs.updated(Entity::Advert, id, version + 1, fields);
            tx.write_change_set(&cs)?;
            need(tx.advert(id)?, "advert", id)
        })
    }

    /// Moves (or resizes) a slot from the version the user saw.
    pub fn move_slot(
        &mut self,
        actor: &Actor,
        id: SlotId,
        seen: Option<u32>,
        place: &Placement,
    ) -> Result<Flatplan> {
        self.write(|tx| {
            let old = need(tx.slot(id)?, "slot", id)?;
            let name = format!("\"{}\" on the flatplan", old.label);
            let version = check_version(
                tx,
                Entity::Flatplan,
                owner_of(&old),
                &name,
                seen,
                old.version,
            )?;
            if let Some(advert) = old.advert_id {
                let ad = need(tx.advert(advert)?, "advert", advert)?;
                check_advert_shape(ad.size, place)?;
            }
            let (first, last, offset, units) = fit(tx, old.edition_id, place, Some(id))?;
            if (first, last, offset, units)
                == (
                    old.first_page, old.last_page, old.part_offset, old.part_units,
                )
            {
                return load(tx, old.edition_id);
            }
            let e = need(tx.edition(old.edition_id)?, "edition", old.edition_id)?;
            let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
            let row = SlotRow {
                id,
                edition: e.id,
                article: old.article_id,
                advert: old.advert_id,
                first_page: first,
                last_page: last,
                part_offset: offset,
                part_units: units,
            };
            let saved = tx.update_slot(&row, version, cs.at())?;
            ensure_saved(tx, saved, Entity::Flatplan, owner_of(&old), &name, version)?;
            tx.bump_flatplan(e.id, cs.at())?;
            record(
                &mut cs,
                Action::Updated,
                owner_of(&old),
                &old.label,
                version + 1,
                Some(shown(&old)),
                Some(describe(first, last, offset, units)),
            );
            tx.write_change_set(&cs)?;
            load(tx, e.id)
        })
    }

    /// Takes a slot off the flatplan; the piece or advert keeps its record.
    pub fn remove_slot(
        &mut self,
        actor: &Actor,
        id: SlotId,
        seen: Option<u32>,
    ) -> Result<Flatplan> {
        self.write(|tx| {
            let old = need(tx.slot(id)?, "slot", id)?;
            let name = format!("\"{}\" on the flatplan", old.label);
            let version = check_version(
                tx,
                Entity::Flatplan,
                owner_of(&old),
                &name,
                seen,
                old.version,
            )?;
            let e = need(tx.edition(old.edition_id)?, "edition", old.edition_id)?;
            let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
            remove(tx, &mut cs, &old, version)?;
            tx.write_change_set(&cs)?;
            load(tx, e.id)
        })
    }

    /// The slot of a piece or an advert, if it is on the flatplan.
    pub fn slot_of(&self, edition: EditionId, owner: &str) -> Result<Option<Slot>> {
        self.read(|tx| {
            Ok(tx
                .slots(edition)?
                .into_iter()
                .find(|s| owner_of(s) == owner))
        })
    }
}

/// Puts a piece or an advert back on the pages it had (restored from the
/// trash), inside `cs`; false, and nothing placed, when those pages are
/// no longer free (or the edition has fewer now).
pub(crate) fn put_back(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    edition: EditionId,
    owner: SlotOwner,
    label: &str,
    place: &Placement,
) -> Result<bool> {
    let fitted = match fit(tx, edition, place, None) {
        Ok(fitted) => fitted,
        // Taken, or past the edition's pages now: it waits in the tray.
        Err(Error::Invalid { .. }) => return Ok(false),
        Err(e) => return Err(e),
    };
    insert(tx, cs, edition, owner, label, fitted)?;
    Ok(true)
}

/// Whose a slot is.
pub(crate) enum SlotOwner {
    Article(ArticleId),
    Advert(AdvertId),
}

/// The pages of a slot, as a placement that [`put_back`] takes.
pub(crate) fn placement_of(s: &Slot) -> Placement {
    Placement {
        first_page: s.first_page,
        last_page: s.last_page,
        part_units: s.part_units,
        part_offset: Some(s.part_offset),
    }
}

/// Removes a slot inside `cs` (a spiked piece leaves the flatplan this way).
pub(crate) fn remove(tx: &mut Tx<'_>, cs: &mut ChangeSet, slot: &Slot, version: u32) -> Result<()> {
    tx.delete_slot(slot.id)?;
    tx.bump_flatplan(slot.edition_id, cs.at())?;
    record(
        cs,
        Action::Deleted,
        owner_of(slot),
        &slot.label,
        version + 1,
        Some(shown(slot)),
        None,
    );
    Ok(())
}
