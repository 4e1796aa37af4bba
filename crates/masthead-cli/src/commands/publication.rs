//! `publication`: list, add, show and change the titles.

use super::prelude::*;

pub(crate) fn publication(
    _cli: &Cli,
    cmd: &PublicationCmd,
    path: &PathBuf,
    who: &Actor,
    out: &Out,
) -> Outcome {
    match cmd {
        PublicationCmd::List { json } => {
            let store = open(path, false)?;
            let list = store.list_publications()?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "NAME", "FREQUENCY", "EDITIONS"],
                list.iter().map(|p| {
                    vec![
                        p.id.to_string(),
                        p.name.clone(),
                        p.frequency.clone(),
                        p.edition_count.to_string(),
                    ]
                }),
                "No publications yet. Add one with `masthead publication add --name NAME`, or load the demo with `masthead demo`.",
            );
            Ok(())
        }
        PublicationCmd::Add {
            name,
            frequency,
            web_only,
        } => {
            let mut store = open(path, true)?;
            let p = store.create_publication(
                who,
                &PublicationInput {
                    name: name.clone(),
                    frequency: frequency.clone().unwrap_or_default(),
                    is_print: !web_only,
                },
            )?;
            out.line(&format!("Added publication \"{}\" ({}).", p.name, p.id));
            Ok(())
        }
    }
}
