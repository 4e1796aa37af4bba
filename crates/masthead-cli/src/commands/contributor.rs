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
        ContributorCmd::Link {
            contributor,
            revoke,
            days,
            public_url,
            json,
        } => {
            let mut store = open(path, false)?;
            let id = store.find_contributor(contributor)?;
            if *revoke {
                let n = store.revoke_contributor_links(who, id)?;
                let name = store.contributor(id)?.name;
                if *json {
                    return out.json(&serde_json::json!({ "revoked": n }));
                }
                out.line(&match n {
                    0 => format!("{name} had no link to revoke."),
                    1 => format!("Revoked {name}'s link: the page no longer opens."),
                    n => format!("Revoked {name}'s {n} links: the page no longer opens."),
                });
                return Ok(());
            }
            let settings =
                masthead_core::config::Settings::load(&masthead_core::config::settings_path());
            let base = public_url.clone().or(settings.contributor_page_url);
            let made = store.contributor_link(
                who,
                id,
                days.unwrap_or(settings.link_days),
                base.as_deref(),
            )?;
            if *json {
                return out.json(&made);
            }
            let until = made.link.expires_at.format("%Y-%m-%d");
            match &made.url {
                Some(url) => out.line(&format!(
                    "Link to {}'s page (until {until}; shown this once, send it yourself):\n{url}",
                    made.contributor
                )),
                None => out.line(&format!(
                    "Link to {}'s page (until {until}; shown this once):\n{}\nPut it after the address masthead-serve is reached at (its --public-url), or give that address with --public-url to get the whole link.",
                    made.contributor, made.path
                )),
            }
            Ok(())
        }
    }
}
