//! `article`: pieces in an edition, their status and commissioning.

use super::prelude::*;

pub(crate) fn find_article(
    store: &Store,
    edition: Option<&str>,
    key: &str,
) -> Result<masthead_core::model::ArticleId, Failure> {
    let edition = edition.map(|e| store.find_edition(None, e)).transpose()?;
    Ok(store.find_article(edition, key)?)
}

/// The database at `path` and the piece `key` names (in `edition`, if given).
fn open_article(
    path: &PathBuf,
    edition: &Option<String>,
    key: &str,
) -> Result<(Store, masthead_core::model::ArticleId), Failure> {
    let store = open(path, false)?;
    let id = find_article(&store, edition.as_deref(), key)?;
    Ok((store, id))
}

pub(crate) fn article_input(
    store: &Store,
    publication: PublicationId,
    base: ArticleInput,
    f: &ArticleFields,
) -> Result<ArticleInput, Failure> {
    let section_id = match f.section.as_deref() {
        None => base.section_id,
        Some("") | Some("none") => None,
        Some(name) => Some(store.find_section(publication, name)?),
    };
    let kind_id = match f.kind.as_deref() {
        None => base.kind_id,
        Some(text) => store.find_kind(publication, text).map_err(|e| match e {
            Error::NotFound { .. } => {
                let known = store
                    .list_kinds(publication, false)
                    .map(|kinds| {
                        kinds
                            .iter()
                            .map(|k| k.label.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                Failure::Usage(format!(
                    "\"{text}\" is not a kind of piece here; use one of: {known} (or add it with `masthead kind add --name \"{text}\"`)"
                ))
            }
            other => Failure::Core(other),
        })?,
    };
    Ok(ArticleInput {
        title: f.title.clone().unwrap_or(base.title),
        standfirst: f.standfirst.clone().unwrap_or(base.standfirst),
        section_id,
        kind_id,
        word_target: match &f.words {
            None => base.word_target,
            Some(w) => w.0,
        },
        notes: f.notes.clone().unwrap_or(base.notes),
    })
}

pub(crate) fn article(cmd: &ArticleCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        ArticleCmd::List(EditionList { edition, json }) => {
            let store = open(path, false)?;
            let id = store.find_edition(None, edition)?;
            let list = store.list_articles(id, local_today())?;
            if *json {
                return out.json(&list);
            }
            output::print_articles(out, &list);
            Ok(())
        }
        ArticleCmd::Add { edition, fields } => {
            let mut store = open(path, false)?;
            let edition = store.find_edition(None, edition)?;
            let publication = store.edition(edition)?.publication_id;
            if fields.title.is_none() {
                return Err(Failure::Usage(
                    "a piece needs a title: add --title \"…\"".into(),
                ));
            }
            let kinds = store.list_kinds(publication, false)?;
            let Some(default_kind) = kinds
                .iter()
                .find(|k| k.key == masthead_core::defaults::KIND_KEY)
                .or(kinds.first())
            else {
                return Err(Failure::Usage(
                    "this publication has no kinds of piece: add one with `masthead kind add --name NAME`".into(),
                ));
            };
            let base = ArticleInput {
                title: String::new(),
                standfirst: String::new(),
                section_id: None,
                kind_id: default_kind.id,
                word_target: None,
                notes: String::new(),
            };
            let input = article_input(&store, publication, base, fields)?;
            let a = store.add_article(who, edition, &input)?;
            out.line(&format!(
                "Added \"{}\" as {} ({}).",
                a.title, a.status_label, a.id
            ));
            Ok(())
        }
        ArticleCmd::Show {
            article,
            edition,
            json,
        } => {
            let (store, id) = open_article(path, edition, article)?;
            let detail = store.article_detail(id, local_today())?;
            if *json {
                return out.json(&output::ArticleShow::from(&detail));
            }
            output::print_article(out, &detail);
            Ok(())
        }
        ArticleCmd::Update {
            article,
            edition,
            expect_version,
            fields,
        } => {
            let (mut store, id) = open_article(path, edition, article)?;
            let current = store.article(id)?;
            let publication = store.edition(current.edition_id)?.publication_id;
            let input = article_input(&store, publication, ArticleInput::from(&current), fields)?;
            // Based on the version read here: a change in between is a conflict.
            let seen = expect_version.unwrap_or(current.version);
            let a = store.update_article(who, id, Some(seen), &input)?;
            out.line(&format!("Updated \"{}\".", a.title));
            Ok(())
        }
        ArticleCmd::Delete {
            article,
            edition,
            expect_version,
        } => {
            let (mut store, id) = open_article(path, edition, article)?;
            let saved = store.delete_article(who, id, *expect_version)?;
            super::trash::deleted(out, &saved.item);
            Ok(())
        }
        ArticleCmd::Status {
            article,
            status,
            edition,
            expect_version,
        } => {
            let (mut store, id) = open_article(path, edition, article)?;
            let to = store.find_status_for(id, status)?;
            // Without --expect-version the move is checked against where the
            // piece is when the move is made (inside its transaction).
            let a = store.change_status(who, id, *expect_version, to.id)?;
            out.line(&format!("\"{}\" is now {}.", a.title, a.status_label));
            Ok(())
        }
        ArticleCmd::Assign {
            article,
            edition,
            contributor,
            role,
            due,
            words,
            fee,
            currency,
            brief,
            brief_file,
        } => {
            let (mut store, id) = open_article(path, edition, article)?;
            let contributor = store.find_contributor(contributor)?;
            let brief = match (brief, brief_file) {
                (Some(text), _) => text.clone(),
                (None, Some(file)) => std::fs::read_to_string(file).map_err(|e| {
                    Failure::Usage(format!(
                        "cannot read the brief from {}: {e}; give a readable UTF-8 text file",
                        file.display()
                    ))
                })?,
                (None, None) => String::new(),
            };
            let saved = store.commission(
                who,
                id,
                &AssignmentInput {
                    contributor_id: contributor,
                    role: role.clone(),
                    brief,
                    word_target: words.as_ref().and_then(|w| w.0),
                    due_date: due.as_ref().and_then(|d| d.0),
                    fee: fee.clone(),
                    currency: currency.clone(),
                },
            )?;
            out.warnings(&saved.warnings);
            let a = saved.item;
            out.line(&format!(
                "Offered \"{}\" to {} as {} ({}).",
                a.article_title, a.contributor, a.role, a.id
            ));
            Ok(())
        }
        ArticleCmd::History {
            article,
            edition,
            json,
        } => {
            let (store, id) = open_article(path, edition, article)?;
            let history = store.article_detail(id, local_today())?.history;
            if *json {
                return out.json(&history);
            }
            output::print_history(out, &history);
            Ok(())
        }
    }
}
