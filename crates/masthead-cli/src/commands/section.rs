//! `section`: a publication's sections.

use super::prelude::*;

pub(crate) fn section(cmd: &SectionCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        SectionCmd::List(PublicationList { publication, json }) => {
            let (store, publication) = open_publication(path, publication)?;
            let list = store.list_sections(publication)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &["ID", "SECTION"],
                list.iter().map(|s| vec![s.id.to_string(), s.name.clone()]),
                "No sections yet. Add one with `masthead section add --name NAME`.",
            );
            Ok(())
        }
        SectionCmd::Add(NewName { publication, name }) => {
            let (mut store, publication) = open_publication(path, publication)?;
            let s = store.add_section(who, publication, name)?;
            out.line(&format!("Added section \"{}\" ({}).", s.name, s.id));
            Ok(())
        }
        SectionCmd::Rename {
            section,
            to:
                Renaming {
                    publication,
                    name,
                    expect_version,
                },
        } => {
            let (mut store, publication) = open_publication(path, publication)?;
            let id = store.find_section(publication, section)?;
            let s = store.rename_section(who, id, *expect_version, name)?;
            out.line(&format!("Renamed the section to \"{}\".", s.name));
            Ok(())
        }
    }
}
