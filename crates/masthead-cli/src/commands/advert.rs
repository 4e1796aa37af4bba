//! `advert`: adverts in an edition.

use super::prelude::*;

pub(crate) fn advert_input(base: AdvertInput, f: &AdvertFields) -> Result<AdvertInput, Failure> {
    Ok(AdvertInput {
        advertiser: base.advertiser,
        size: match &f.size {
            None => base.size,
            Some(t) => AdvertSize::parse(t).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{t}\" is not an advert size; use full, half, third, quarter or spread"
                ))
            })?,
        },
        state: match &f.state {
            None => base.state,
            Some(t) => AdvertState::parse(t).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{t}\" is not a booking state; use pencilled, booked or artwork"
                ))
            })?,
        },
        position: f.position.clone().unwrap_or(base.position),
        notes: f.notes.clone().unwrap_or(base.notes),
    })
}

pub(crate) fn advert(cmd: &AdvertCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        AdvertCmd::List(EditionList { edition, json }) => {
            let store = open(path, false)?;
            let id = store.find_edition(None, edition)?;
            let list = store.list_adverts(id)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "ADVERTISER", "SIZE", "STATE", "POSITION", "PLACED"],
                list.iter().map(|a| {
                    vec![
                        a.id.to_string(),
                        a.advertiser.clone(),
                        a.size.key().to_owned(),
                        a.state.key().to_owned(),
                        a.position.clone(),
                        if a.placed { "yes" } else { "no" }.to_owned(),
                    ]
                }),
                "No adverts booked. Add one with `masthead advert add --edition E --advertiser NAME --size full`.",
            );
            Ok(())
        }
        AdvertCmd::Add {
            edition,
            advertiser,
            fields,
        } => {
            let mut store = open(path, false)?;
            let id = store.find_edition(None, edition)?;
            let base = AdvertInput {
                advertiser: advertiser.clone(),
                size: AdvertSize::Full,
                state: AdvertState::Pencilled,
                position: String::new(),
                notes: String::new(),
            };
            let a = store.add_advert(who, id, &advert_input(base, fields)?)?;
            out.line(&format!(
                "Booked {} ({}, {}) ({}).",
                a.advertiser,
                a.size.key(),
                a.state.key(),
                a.id
            ));
            Ok(())
        }
        AdvertCmd::Delete {
            advert,
            edition,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let e = store.find_edition(None, edition)?;
            let id = store.find_advert(e, advert)?;
            let saved = store.delete_advert(who, id, *expect_version)?;
            super::trash::deleted(out, &saved.item);
            Ok(())
        }
        AdvertCmd::Update {
            advert,
            edition,
            advertiser,
            fields,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let e = store.find_edition(None, edition)?;
            let id = store.find_advert(e, advert)?;
            let current = store.advert(id)?;
            let mut input = advert_input(AdvertInput::from(&current), fields)?;
            if let Some(name) = advertiser {
                input.advertiser = name.clone();
            }
            let seen = expect_version.unwrap_or(current.version);
            let a = store.update_advert(who, id, Some(seen), &input)?;
            out.line(&format!("Updated {}'s advert.", a.advertiser));
            Ok(())
        }
    }
}
