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
        SectionCmd::Add(new) => {
            let (mut store, publication) = open_publication(path, &new.publication)?;
            let s = store.add_section(who, publication, &new.name)?;
            out.line(&format!("Added section \"{}\" ({}).", s.name, s.id));
            Ok(())
        }
        SectionCmd::Rename { section, to } => {
            let (mut store, publication) = open_publication(path, &to.publication)?;
            let id = store.find_section(publication, section)?;
            let s = store.rename_section(who, id, to.expect_version, &to.name)?;
            out.line(&format!("Renamed the section to \"{}\".", s.name));
            Ok(())
        }
    }
}
