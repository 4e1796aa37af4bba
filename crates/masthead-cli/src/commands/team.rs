//! `team`: people and logins on a team server.

use super::prelude::*;

pub(crate) fn team_role(text: &str) -> Result<TeamRole, Failure> {
    TeamRole::parse(text).ok_or_else(|| {
        Failure::Usage(format!(
            "\"{text}\" is not a team role; use editor or contributor"
        ))
    })
}

pub(crate) fn team(cmd: &TeamCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        TeamCmd::Invite {
            name,
            email,
            role,
            json,
        } => {
            let role = team_role(role)?;
            let mut store = open(path, false)?;
            let invitation = store.invite(
                who,
                &InviteInput {
                    name: name.clone(),
                    email: email.clone(),
                    role,
                },
            )?;
            if *json {
                return out.json(&invitation);
            }
            out.line(&format!(
                "Invited {} as {} {}. Send them these details; the password is not shown again:",
                invitation.person.name,
                if role == TeamRole::Editor { "an" } else { "a" },
                role.key()
            ));
            out.line(&format!("  Server:   {}", invitation.url));
            out.line(&format!("  Login:    {}", invitation.login));
            out.line(&format!("  Password: {}", invitation.password));
            Ok(())
        }
        TeamCmd::PageLogin { close, json } => {
            let mut store = open(path, false)?;
            if let Some(login) = close {
                store.close_page_login(login)?;
                out.line(&format!(
                    "Closed the page login {login}: it signs in no more."
                ));
                return Ok(());
            }
            let made = store.page_login()?;
            if *json {
                return out.json(&made);
            }
            out.line(
                "Made the contributors' page's login. Give it to masthead-serve (the password is not shown again):",
            );
            out.line(&format!("  Server:   {}", made.url));
            out.line(&format!("  Login:    {}", made.login));
            out.line(&format!("  Password: {}", made.password));
            out.line(&format!(
                "  Run:      PGPASSWORD=… masthead-serve --db '{}' --public-url https://…",
                made.url
            ));
            Ok(())
        }
        TeamCmd::List { json } => {
            let store = open(path, false)?;
            let people = store.team()?;
            if *json {
                return out.json(&people);
            }
            out.table(
                &["NAME", "EMAIL", "ROLE", "LOGIN"],
                people.iter().map(|p| {
                    vec![
                        p.name.clone(),
                        p.email.clone().unwrap_or_default(),
                        p.role.key().to_owned(),
                        p.login.clone().unwrap_or_default(),
                    ]
                }),
                "Nobody is on the team yet. Invite someone with `masthead team invite`.",
            );
            Ok(())
        }
        TeamCmd::Role {
            member,
            role,
            expect_version,
        } => {
            let role = team_role(role)?;
            let mut store = open(path, false)?;
            let person = store.find_person(member)?;
            let changed = store.set_team_role(who, person.id, *expect_version, role)?;
            out.line(&format!(
                "{} is now {} {}.",
                changed.name,
                if role == TeamRole::Editor { "an" } else { "a" },
                role.key()
            ));
            Ok(())
        }
        TeamCmd::Remove {
            member,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let person = store.find_person(member)?;
            let removed = store.remove_from_team(who, person.id, *expect_version)?;
            out.line(&format!(
                "Took {} off the team: their login no longer signs in. Their history stays.",
                removed.name
            ));
            Ok(())
        }
        TeamCmd::Me { json } => {
            let store = open(path, false)?;
            let me = store.signed_in()?;
            if *json {
                return out.json(&me);
            }
            match (me, store.server()) {
                (Some(p), Some(server)) => out.line(&format!(
                    "Signed in to {server} as {} ({}).",
                    p.name,
                    p.role.key()
                )),
                (None, Some(server)) => out.line(&format!(
                    "Signed in to {server} as {}, which is not a team member (the database's owner, say).",
                    server.user()
                )),
                (_, None) => out.line(&format!(
                    "{} is a file: no sign-in; the history records your name as set ({}).",
                    store.path().display(),
                    who.name()
                )),
            }
            Ok(())
        }
        TeamCmd::Import { source, json } => {
            let from = if ServerLocation::is_server(source) {
                Store::open_location(source)?
            } else {
                let file = PathBuf::from(source);
                if !file.is_file() {
                    return Err(Failure::Usage(format!(
                        "there is no Masthead database at {source}; name the file (or postgres:// URL) to import from"
                    )));
                }
                open(&file, false)?
            };
            let mut to = open(path, true)?;
            let summary = to.import_everything_from(&from)?;
            if *json {
                return out.json(&summary);
            }
            out.line(&format!(
                "Imported {} into {}: {} publications, {} editions, {} pieces, {} contributors, {} drafts and {} history lines.",
                summary.from,
                summary.to,
                summary.rows("publications"),
                summary.rows("editions"),
                summary.rows("articles"),
                summary.rows("contributors"),
                summary.rows("drafts"),
                summary.rows("changes"),
            ));
            Ok(())
        }
    }
}
