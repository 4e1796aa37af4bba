//! `trash`: what was deleted, restoring it, emptying the trash; and what
//! every `delete` verb prints.

use masthead_core::model::{TrashId, TrashItem};

use super::prelude::*;

/// What a `delete` verb says: where it went and how to bring it back.
pub(crate) fn deleted(out: &Out, item: &TrashItem) {
    out.line(&format!(
        "Moved the {} \"{}\" to the trash. `masthead trash restore {}` brings it back.",
        item.kind.noun(),
        item.label,
        item.id
    ));
}

pub(crate) fn trash(cmd: &TrashCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        TrashCmd::List { publication, json } => {
            let (store, publication) = open_publication(path, publication)?;
            let items = store.trash(publication)?;
            if *json {
                return out.json(&items);
            }
            out.table(
                &["ID", "WHAT", "NAME", "EDITION", "DELETED", "BY"],
                items.iter().map(|t| {
                    vec![
                        t.id.to_string(),
                        t.kind.noun().to_owned(),
                        t.label.clone(),
                        t.edition.clone().unwrap_or_default(),
                        t.deleted_at
                            .with_timezone(&chrono::Local)
                            .format("%Y-%m-%d %H:%M")
                            .to_string(),
                        t.deleted_by.clone(),
                    ]
                }),
                "The trash is empty.",
            );
            Ok(())
        }
        TrashCmd::Restore { id } => {
            let id = TrashId::parse(id).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{id}\" is not a trash entry's id: `masthead trash list` shows them."
                ))
            })?;
            let mut store = open(path, false)?;
            let saved = store.restore_from_trash(who, id)?;
            out.line(&format!(
                "Restored the {} \"{}\".",
                saved.item.kind.noun(),
                saved.item.label
            ));
            out.warnings(&saved.warnings);
            Ok(())
        }
        TrashCmd::Empty { publication, yes } => {
            if !*yes {
                return Err(Failure::Usage(
                    "Emptying the trash cannot be undone: what is in it can no longer be restored. Add --yes to empty it.".into(),
                ));
            }
            let (mut store, publication) = open_publication(path, publication)?;
            // What the trash holds as this verb reads it: an entry deleted
            // from now on stays.
            let seen: Vec<TrashId> = store.trash(publication)?.iter().map(|t| t.id).collect();
            let n = store.empty_trash(who, publication, &seen)?;
            out.line(&match n {
                0 => "The trash was already empty.".to_owned(),
                1 => "Emptied the trash: 1 entry.".to_owned(),
                n => format!("Emptied the trash: {n} entries."),
            });
            Ok(())
        }
    }
}
