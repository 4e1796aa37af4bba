//! `flatplan`: pieces and adverts on pages.

use super::prelude::*;

pub(crate) fn placement(w: &WhereArgs) -> Result<Placement, Failure> {
    let units = w.part.map_or(12, |p| p.0);
    let offset = match w.at.as_deref().map(str::trim) {
        None => None,
        Some("top") | Some("first") => Some(0),
        Some("bottom") if units == 6 => Some(6),
        Some("second") => Some(units),
        Some("third") if units <= 4 => Some(units * 2),
        Some("fourth") if units == 3 => Some(9),
        Some(other) => {
            return Err(Failure::Usage(format!(
                "\"{other}\" is not a part of the page here; use top or bottom for a half, first to fourth for thirds and quarters"
            )));
        }
    };
    Ok(Placement {
        first_page: w.pages.0,
        last_page: w.pages.1,
        part_units: units,
        part_offset: offset,
    })
}

pub(crate) fn slot_of(store: &Store, owner: &SlotOwner) -> Result<(EditionId, Slot), Failure> {
    let edition = store.find_edition(None, &owner.edition)?;
    let (key, what) = match (&owner.article, &owner.advert) {
        (Some(a), _) => (store.find_article(Some(edition), a)?.to_string(), a.clone()),
        (None, Some(ad)) => (store.find_advert(edition, ad)?.to_string(), ad.clone()),
        (None, None) => return Err(Failure::Usage("say what: --article or --advert".into())),
    };
    match store.slot_of(edition, &key)? {
        Some(slot) => Ok((edition, slot)),
        None => Err(Failure::Usage(format!(
            "\"{what}\" is not on the flatplan; place it with `masthead flatplan place`"
        ))),
    }
}

pub(crate) fn flatplan(cmd: &FlatplanCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        FlatplanCmd::Show { edition, json } => {
            let store = open(path, false)?;
            let id = store.find_edition(None, edition)?;
            let plan = store.flatplan(id)?;
            if *json {
                return out.json(&output::FlatplanShow::from(&plan));
            }
            output::print_flatplan(out, &plan);
            Ok(())
        }
        FlatplanCmd::Place { owner, place } => {
            let mut store = open(path, false)?;
            let edition = store.find_edition(None, &owner.edition)?;
            let p = placement(place)?;
            let plan = match (&owner.article, &owner.advert) {
                (Some(a), _) => {
                    let id = store.find_article(Some(edition), a)?;
                    store.place_article(who, id, &p)?
                }
                (None, Some(ad)) => {
                    let id = store.find_advert(edition, ad)?;
                    store.place_advert(who, id, &p)?
                }
                (None, None) => {
                    return Err(Failure::Usage("say what: --article or --advert".into()));
                }
            };
            out.line(&format!(
                "Placed. {} of {} pages free.",
                output::pages(plan.budget.free),
                plan.page_count
            ));
            Ok(())
        }
        FlatplanCmd::Move {
            owner,
            place,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let (_, slot) = slot_of(&store, owner)?;
            let p = placement(place)?;
            let seen = expect_version.unwrap_or(slot.version);
            store.move_slot(who, slot.id, Some(seen), &p)?;
            out.line(&format!("Moved \"{}\".", slot.label));
            Ok(())
        }
        FlatplanCmd::Remove { owner } => {
            let mut store = open(path, false)?;
            let (_, slot) = slot_of(&store, owner)?;
            store.remove_slot(who, slot.id, Some(slot.version))?;
            out.line(&format!("Took \"{}\" off the flatplan.", slot.label));
            Ok(())
        }
    }
}
