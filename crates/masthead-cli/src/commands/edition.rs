//! `edition`: plan editions (name, theme, topics, pages, key dates).

use super::prelude::*;

pub(crate) fn edition_input(base: EditionInput, f: &EditionFields) -> EditionInput {
    let pick = |new: &Option<args::DateArg>, old| new.as_ref().map_or(old, |d| d.0);
    EditionInput {
        name: f.name.clone().unwrap_or(base.name),
        theme: f.theme.clone().unwrap_or(base.theme),
        focus_topics: if f.focus.is_empty() {
            base.focus_topics
        } else {
            f.focus.clone()
        },
        cover_date: pick(&f.cover_date, base.cover_date),
        page_count: f.pages.unwrap_or(base.page_count),
        commissioning_closes: pick(&f.commissioning_closes, base.commissioning_closes),
        copy_deadline: pick(&f.copy_deadline, base.copy_deadline),
        subbing_deadline: pick(&f.subbing_deadline, base.subbing_deadline),
        press_date: pick(&f.press_date, base.press_date),
        on_sale_date: pick(&f.on_sale, base.on_sale_date),
        notes: f.notes.clone().unwrap_or(base.notes),
    }
}

pub(crate) fn edition(cmd: &EditionCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        EditionCmd::List(PublicationList { publication, json }) => {
            let store = open(path, false)?;
            let publication = publication
                .as_deref()
                .map(|p| store.find_publication(Some(p)))
                .transpose()?;
            let list = store.list_editions(publication)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &[
                    "ID", "PUBLICATION", "EDITION", "PAGES", "PIECES", "SPIKED", "PRESS", "ON SALE",
                ],
                list.iter().map(|e| {
                    vec![
                        e.id.to_string(),
                        e.publication.clone(),
                        e.name.clone(),
                        e.page_count.to_string(),
                        e.article_count.to_string(),
                        e.spiked_count.to_string(),
                        output::date(e.press_date),
                        output::date(e.on_sale_date),
                    ]
                }),
                "No editions yet. Add one with `masthead edition add --name NAME`.",
            );
            Ok(())
        }
        EditionCmd::Add {
            publication,
            from,
            fields,
        } => {
            let (mut store, publication) = open_publication(path, publication)?;
            let Some(_) = &fields.name else {
                return Err(Failure::Usage(
                    "an edition needs a name: add --name \"Feb/Mar 21\"".into(),
                ));
            };
            let previous = from
                .as_deref()
                .map(|f| store.find_edition(Some(publication), f))
                .transpose()?;
            let base = EditionInput {
                page_count: match previous {
                    Some(p) => store.edition(p)?.page_count,
                    None => masthead_core::defaults::PAGE_COUNT,
                },
                ..EditionInput::default()
            };
            let input = edition_input(base, fields);
            let saved = match previous {
                Some(p) => store.create_edition_from(who, p, &input)?,
                None => store.create_edition(who, publication, &input)?,
            };
            out.warnings(&saved.warnings);
            out.line(&format!(
                "Added edition \"{}\" to {} ({}).",
                saved.item.name, saved.item.publication, saved.item.id
            ));
            Ok(())
        }
        EditionCmd::Show {
            edition,
            publication,
            json,
        } => {
            let store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let e = store.edition(id)?;
            let articles = store.list_articles(id, local_today())?;
            if *json {
                return out.json(&output::EditionShow {
                    edition: &e,
                    articles: &articles,
                });
            }
            output::print_edition(out, &e, &articles);
            Ok(())
        }
        EditionCmd::Delete {
            edition,
            publication,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let saved = store.delete_edition(who, id, *expect_version)?;
            super::trash::deleted(out, &saved.item);
            Ok(())
        }
        EditionCmd::Update {
            edition,
            publication,
            expect_version,
            fields,
        } => {
            let mut store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let current = store.edition(id)?;
            let input = edition_input(EditionInput::from(&current), fields);
            // The flags left out keep the values read here, so the save is
            // based on this version: a change in between is a conflict.
            let seen = expect_version.unwrap_or(current.version);
            let saved = store.update_edition(who, id, Some(seen), &input)?;
            out.warnings(&saved.warnings);
            out.line(&format!("Updated edition \"{}\".", saved.item.name));
            Ok(())
        }
    }
}

pub(crate) fn find_edition(
    store: &Store,
    publication: Option<&str>,
    key: &str,
) -> Result<masthead_core::model::EditionId, Failure> {
    let publication = publication
        .map(|p| store.find_publication(Some(p)))
        .transpose()?;
    Ok(store.find_edition(publication, key)?)
}
