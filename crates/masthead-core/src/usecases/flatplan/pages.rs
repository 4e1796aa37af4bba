//! The flatplan when an edition's pages change: repagination, and the
//! adverts carried over to a new edition.

use super::*;

/// Where a slot starting on `first` goes when an edition of `old` pages gets
/// `new` ones: the back covers (the last two pages of an edition of 4 or
/// more) stay the back covers; other pages keep their numbers.
fn shifted(first: u32, last: u32, old: u32, new: u32) -> Option<(u32, u32)> {
    let is_back_cover = old >= 4 && new >= 4 && first + 1 >= old;
    let (first, last) = if is_back_cover {
        (
            (first + new).checked_sub(old)?,
            (last + new).checked_sub(old)?,
        )
    } else {
        (first, last)
    };
    let inner_end = if new >= 4 && !is_back_cover {
        new - 2
    } else {
        new
    };
    (first >= 1 && last <= inner_end).then_some((first, last))
}

/// A new page count for the flatplan: pages come and go before the back
/// covers, whose slots move with them; a slot that would fall off refuses
/// the change, and every one is named.
pub(crate) fn repaginate(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    edition: EditionId,
    old_count: u32,
    new_count: u32,
) -> Result<()> {
    let slots = tx.slots(edition)?;
    let falling: Vec<String> = slots
        .iter()
        .filter(|s| shifted(s.first_page, s.last_page, old_count, new_count).is_none())
        .map(|s| format!("\"{}\" ({})", s.label, shown(s)))
        .collect();
    if !falling.is_empty() {
        return Err(Error::invalid(
            "pages_in_use",
            "page_count",
            format!(
                "With {new_count} pages, {} would fall off the flatplan. Move {} to earlier pages first, or keep more pages.",
                falling.join(", "),
                if falling.len() == 1 { "it" } else { "them" }
            ),
        ));
    }
    for s in &slots {
        let Some((first, last)) = shifted(s.first_page, s.last_page, old_count, new_count) else {
            continue;
        };
        if (first, last) == (s.first_page, s.last_page) {
            continue;
        }
        let row = SlotRow {
            id: s.id,
            edition,
            article: s.article_id,
            advert: s.advert_id,
            first_page: first,
            last_page: last,
            part_offset: s.part_offset,
            part_units: s.part_units,
        };
        let saved = tx.update_slot(&row, s.version, cs.at())?;
        ensure_saved(
            tx,
            saved,
            Entity::Flatplan,
            owner_of(s),
            &s.label,
            s.version,
        )?;
        record(
            cs,
            Action::Updated,
            owner_of(s),
            &s.label,
            s.version + 1,
            Some(shown(s)),
            Some(describe(first, last, s.part_offset, s.part_units)),
        );
    }
    // Shifting the covers can land them on pages other slots hold.
    let after = tx.slots(edition)?;
    for s in &after {
        let others: Vec<&Slot> = after.iter().filter(|o| o.id != s.id).collect();
        check_fit(
            &Placement {
                first_page: s.first_page,
                last_page: s.last_page,
                part_units: s.part_units,
                part_offset: Some(s.part_offset),
            },
            &others,
        )?;
    }
    tx.bump_flatplan(edition, cs.at())
}

/// Carries an edition's recurring adverts over to a new edition: each is
/// booked again, pencilled, on the same pages where they exist there.
pub(crate) fn carry_adverts(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    from: EditionId,
    to: EditionId,
    page_count: u32,
) -> Result<()> {
    let slots = tx.slots(from)?;
    let old_count = need(tx.edition(from)?, "edition", from)?.page_count;
    let mut carried: Vec<Slot> = Vec::new();
    for ad in tx.adverts(from)? {
        let id = AdvertId::new();
        let input = AdvertInput {
            state: crate::model::AdvertState::Pencilled,
            ..AdvertInput::from(&ad)
        };
        tx.insert_advert(id, to, &input, cs.at())?;
        cs.created(Entity::Advert, id, &ad.advertiser);
        let Some(s) = slots.iter().find(|s| s.advert_id == Some(ad.id)) else {
            continue;
        };
        let Some((first, last)) = shifted(s.first_page, s.last_page, old_count, page_count) else {
            continue; // No room in the new edition: it waits in the tray.
        };
        let place = Placement {
            first_page: first,
            last_page: last,
            part_units: s.part_units,
            part_offset: Some(s.part_offset),
        };
        let others: Vec<&Slot> = carried.iter().collect();
        if check_fit(&place, &others).is_err() {
            continue;
        }
        let slot = Slot {
            id: SlotId::new(),
            edition_id: to,
            advert_id: Some(id),
            first_page: first,
            last_page: last,
            ..s.clone()
        };
        tx.insert_slot(
            &SlotRow {
                id: slot.id,
                edition: to,
                article: None,
                advert: Some(id),
                first_page: first,
                last_page: last,
                part_offset: s.part_offset,
                part_units: s.part_units,
            },
            cs.at(),
        )?;
        record(
            cs,
            Action::Created,
            id.to_string(),
            &ad.advertiser,
            1,
            None,
            Some(describe(first, last, s.part_offset, s.part_units)),
        );
        carried.push(slot);
    }
    Ok(())
}
