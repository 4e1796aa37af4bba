//! `kind`: a publication's kinds of piece.

use super::prelude::*;

pub(crate) fn kind(cmd: &KindCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        KindCmd::List {
            publication,
            all,
            json,
        } => {
            let (store, publication) = open_publication(path, publication)?;
            let list = store.list_kinds(publication, *all)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "KIND", "KEY", "WORDS/PAGE", "STATE"],
                list.iter().map(|k| {
                    vec![
                        k.id.to_string(),
                        k.label.clone(),
                        k.key.clone(),
                        k.words_per_page.map(|w| w.to_string()).unwrap_or_default(),
                        if k.retired { "retired" } else { "in use" }.to_owned(),
                    ]
                }),
                "No kinds of piece yet. Add one with `masthead kind add --name NAME`.",
            );
            Ok(())
        }
        KindCmd::Add(new) => {
            let (mut store, publication) = open_publication(path, &new.publication)?;
            let k = store.add_kind(who, publication, &new.name)?;
            out.line(&format!("Added the kind \"{}\" ({}).", k.label, k.key));
            Ok(())
        }
        KindCmd::Rename { kind, to } => {
            let (mut store, publication) = open_publication(path, &to.publication)?;
            let id = store.find_kind(publication, kind)?;
            let k = store.rename_kind(who, id, to.expect_version, &to.name)?;
            out.line(&format!("Renamed the kind to \"{}\".", k.label));
            Ok(())
        }
        KindCmd::Words {
            kind,
            words,
            publication,
        } => {
            let (mut store, publication) = open_publication(path, publication)?;
            let id = store.find_kind(publication, kind)?;
            let k = store.set_kind_words(who, id, None, words.0)?;
            out.line(&match k.words_per_page {
                Some(w) => format!("A page of {} holds {w} words.", k.label),
                None => format!("{} has no words-per-page now.", k.label),
            });
            Ok(())
        }
        KindCmd::Retire { kind, publication } | KindCmd::Restore { kind, publication } => {
            let retire = matches!(cmd, KindCmd::Retire { .. });
            let (mut store, publication) = open_publication(path, publication)?;
            let id = store.find_kind(publication, kind)?;
            let k = store.set_kind_retired(who, id, None, retire)?;
            out.line(&format!(
                "\"{}\" is {}.",
                k.label,
                if k.retired {
                    "retired: pieces keep it, new pieces cannot have it"
                } else {
                    "back in use"
                }
            ));
            Ok(())
        }
    }
}
