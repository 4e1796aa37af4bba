//! `contributor`: the contributors directory.

use super::prelude::*;

pub(crate) fn contributor_input(base: ContributorInput, f: &ContributorFields) -> ContributorInput {
    ContributorInput {
        name: base.name,
        role: f.role.clone().unwrap_or(base.role),
        organisation: f.org.clone().unwrap_or(base.organisation),
        email: match f.email.as_deref() {
            None => base.email,
            Some("") | Some("none") => None,
            Some(e) => Some(e.to_owned()),
        },
        phone: f.phone.clone().unwrap_or(base.phone),
        kind: if f.staff {
            ContributorKind::Staff
        } else {
            base.kind
        },
        notes: f.notes.clone().unwrap_or(base.notes),
    }
}

pub(crate) fn contributor(cmd: &ContributorCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        ContributorCmd::List { search, json } => {
            let store = open(path, false)?;
            let list = store.list_contributors(search.as_deref())?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &[
                    "ID", "NAME", "ROLE", "ORGANISATION", "EMAIL", "KIND", "ACTIVE",
                ],
                list.iter().map(|c| {
                    vec![
                        c.id.to_string(),
                        c.name.clone(),
                        c.role.clone(),
                        c.organisation.clone(),
                        c.email.clone().unwrap_or_default(),
                        c.kind.as_str().to_owned(),
                        c.active_assignments.to_string(),
                    ]
                }),
                if search.is_some() {
                    "No contributor matches that search."
                } else {
                    "No contributors yet. Add one with `masthead contributor add --name NAME`."
                },
            );
            Ok(())
        }
        ContributorCmd::Add { name, fields } => {
            let mut store = open(path, false)?;
            let base = ContributorInput {
                name: name.clone(),
                role: String::new(),
                organisation: String::new(),
                email: None,
                phone: String::new(),
                kind: ContributorKind::Freelance,
                notes: String::new(),
            };
            let c = store.add_contributor(who, &contributor_input(base, fields))?;
            out.line(&format!("Added contributor {} ({}).", c.name, c.id));
            Ok(())
        }
        ContributorCmd::Show { contributor, json } => {
            let store = open(path, false)?;
            let id = store.find_contributor(contributor)?;
            let detail = store.contributor_detail(id)?;
            if *json {
                return out.json(&detail);
            }
            output::print_contributor(out, &detail);
            Ok(())
        }
        ContributorCmd::Delete {
            contributor,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let id = store.find_contributor(contributor)?;
            let saved = store.delete_contributor(who, id, *expect_version)?;
            super::trash::deleted(out, &saved.item);
            Ok(())
        }
        ContributorCmd::Update {
            contributor,
            name,
            fields,
            freelance,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let id = store.find_contributor(contributor)?;
            let current = store.contributor(id)?;
            let mut input = contributor_input(ContributorInput::from(&current), fields);
            if let Some(name) = name {
                input.name = name.clone();
            }
            if *freelance {
                input.kind = ContributorKind::Freelance;
            }
            let seen = expect_version.unwrap_or(current.version);
            let c = store.update_contributor(who, id, Some(seen), &input)?;
            out.line(&format!("Updated contributor {}.", c.name));
            Ok(())
        }
    }
}
