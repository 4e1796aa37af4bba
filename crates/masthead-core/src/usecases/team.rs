//! The team on a server: who is signed in, inviting people (a person and
//! their server login, in one transaction), their roles, and taking them off
//! the team; and a team's database as a whole, moved between a file and a
//! server.

use super::{Store, check_version, ensure_saved, need, or_duplicate};
use crate::actor::Actor;
use crate::error::{Error, Result};
use crate::history::{Action, ChangeSet, Entity, FieldChange};
use crate::model::{
    ContributorInput, ContributorKind, Invitation, InviteInput, PageLogin, Person, PersonId,
    TeamRole,
};
use crate::rules::same_name;
use crate::rules::team::{login_base, login_candidates, new_password, validate};
use crate::storage::TABLES;

fn duplicate_member(email: &str, name: &str) -> Error {
    Error::Duplicate {
        field: Some("email"),
        message: format!(
            "{name} is already on the team as {email}. Change their role instead, or type another address."
        ),
    }
}

/// What an import copied: rows per table, in the order they were copied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct ImportSummary {
    pub from: String,
    pub to: String,
    #[ts(type = "[string, number][]")]
    pub tables: Vec<(String, u64)>,
}

impl ImportSummary {
    pub fn rows(&self, table: &str) -> u64 {
        self.tables
            .iter()
            .find(|(t, _)| t == table)
            .map_or(0, |(_, n)| *n)
    }
}

/// An import never merges: `to` must hold nothing yet.
pub(super) fn refuse_unless_empty(tx: &mut crate::storage::Tx<'_>, to: &str) -> Result<()> {
    if tx.holds_nothing()? {
        return Ok(());
    }
    Err(Error::invalid(
        "import_target_not_empty",
        "db",
        format!(
            "{to} already holds publications, contributors or history, so nothing was imported (an import never merges). Import into a new file or an empty server database."
        ),
    ))
}

impl Store {
    /// Copies everything `source` holds into this database, which must hold
    /// nothing yet: every id, date, history line, draft file and version,
    /// exactly as stored. One snapshot of the source, one transaction here:
    /// all of it arrives, or none.
    pub fn import_everything_from(&mut self, source: &Store) -> Result<ImportSummary> {
        if source.path() == self.path() {
            return Err(Error::invalid(
                "import_into_itself",
                "source",
                "A database cannot be imported into itself. Name the file or server to copy from.",
            ));
        }
        let from = source.path().display().to_string();
        let into_server = self.server().is_some();
        let to = self.path().display().to_string();
        let tables = source.read(|src| {
            self.write(|dst| {
                refuse_unless_empty(dst, &to)?;
                let mut counts = Vec::with_capacity(TABLES.len());
                for (table, columns) in TABLES {
                    // A server's team is its own: logins are made by
                    // inviting on that server, never copied from elsewhere.
                    if *table == "people" && into_server {
                        counts.push(((*table).to_owned(), 0));
                        continue;
                    }
                    let mut rows = 0u64;
                    src.dump_table(table, columns, &mut |row| {
                        rows += 1;
                        dst.load_row(table, columns, &row)
                    })?;
                    counts.push(((*table).to_owned(), rows));
                }
                for (article, draft) in src.approved_drafts()? {
                    dst.set_approved_draft_raw(&article, &draft)?;
                }
                Ok(counts)
            })
        })?;
        Ok(ImportSummary { from, to, tables })
    }
}

impl Store {
    /// The team member this connection signed in as: `None` on a file, or
    /// for a server login that is not a team member (its owner, say).
    pub fn signed_in(&self) -> Result<Option<Person>> {
        let Some(login) = self.server().map(|s| s.user().to_owned()) else {
            return Ok(None);
        };
        self.read(|tx| tx.person_by_login(&login))
    }

    /// Who the history records: on a team server, the signed-in member's
    /// name (the server sets it too, so nobody can type another); else
    /// `typed`, the name the user set.
    pub fn actor_for(&self, typed: Actor) -> Result<Actor> {
        match self.signed_in()? {
            Some(person) => Actor::new(&person.name),
            None => Ok(typed),
        }
    }

    /// The team, by name.
    pub fn team(&self) -> Result<Vec<Person>> {
        self.read(|tx| tx.people())
    }

    /// A team member by email, login, name or id.
    pub fn find_person(&self, key: &str) -> Result<Person> {
        let key = key.trim();
        let people = self.team()?;
        let found: Vec<&Person> = people
            .iter()
            .filter(|p| {
                p.id.to_string() == key
                    || p.login.as_deref() == Some(key)
                    || p.email.as_deref().is_some_and(|e| same_name(e, key))
                    || same_name(&p.name, key)
            })
            .collect();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::NotFound {
                entity: "team member",
                key: key.to_owned(),
            }),
            many => Err(Error::Ambiguous {
                entity: "team member",
                key: key.to_owned(),
                count: many.len(),
                ids: many
                    .iter()
                    .map(|p| p.id.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    /// Adds someone to the team: their server login (a new password, shown
    /// once in the answer and stored nowhere by Masthead) and their entry,
    /// linked to the contributors directory by email (a contributor gets an
    /// entry there if they have none). One transaction: the login exists
    /// only if the person does. Only on a team server.
    pub fn invite(&mut self, actor: &Actor, input: &InviteInput) -> Result<Invitation> {
        let Some(server) = self.server().cloned() else {
            return Err(Error::invalid(
                "team_needs_server",
                None,
                "Team members sign in to a team server, and this is a file. Connect to a team server (File › Connect to team server…), or move this file onto one with `masthead --db postgres://… team import FILE`.",
            ));
        };
        let valid = validate(input)?;
        let password = new_password();
        let person = self.write(|tx| {
            if let Some(other) = tx.person_by_email(&valid.email)? {
                return Err(duplicate_member(
                    other.email.as_deref().unwrap_or(&valid.email),
                    &other.name,
                ));
            }
            let mut cs = ChangeSet::new(actor, None, None);
            let contributor = match tx.contributor_by_email(&valid.email)? {
                Some(c) => Some(c.id),
                None if valid.role == TeamRole::Contributor => {
                    Some(super::contributors::insert_contributor(
                        tx,
                        &mut cs,
                        &ContributorInput {
                            name: valid.name.clone(),
                            role: String::new(),
                            organisation: String::new(),
                            email: Some(valid.email.clone()),
                            phone: String::new(),
                            kind: ContributorKind::Freelance,
                            notes: String::new(),
                        },
                    )?)
                }
                None => None,
            };
            // Logins are the server's, shared by every team on it: the
            // first free name wins, decided by the server as it makes it.
            let base = login_base(&valid.name);
            let mut login = None;
            for candidate in login_candidates(&base).take(100) {
                if tx.create_login(&candidate, &password, valid.role)? {
                    login = Some(candidate);
                    break;
                }
            }
            let login = login.ok_or_else(|| {
                Error::Server(format!("no free login name starting {base} on the server"))
            })?;
            let person = Person {
                id: PersonId::new(),
                name: valid.name.clone(),
                email: Some(valid.email.clone()),
                role: valid.role,
                login: Some(login),
                contributor_id: contributor,
                created_at: chrono::Utc::now(),
                version: 1,
            };
            tx.insert_person(&person, cs.at())
                .map_err(|e| or_duplicate(e, || duplicate_member(&valid.email, &valid.name)))?;
            let from = cs.len();
            cs.created(
                Entity::Person,
                person.id,
                &format!("{} ({})", person.name, person.role.key()),
            );
            cs.about(from, &person.name);
            tx.write_change_set(&cs)?;
            need(tx.person(person.id)?, "team member", person.id)
        })?;
        let login = person.login.clone().unwrap_or_default();
        Ok(Invitation {
            url: server.url_for(&login),
            login,
            password,
            person,
        })
    }

    /// Makes a login for the contributors' page (`masthead-serve`) on this
    /// team server: it may do only what a contributor may, and only for
    /// the contributor a link names (see migration 22). An editor's; the
    /// password is shown once.
    pub fn page_login(&mut self) -> Result<PageLogin> {
        let Some(server) = self.server().cloned() else {
            return Err(Error::invalid(
                "team_needs_server",
                None,
                "The contributors' page of a file opens the file itself: run masthead-serve --db FILE. A page login is for a team server.",
            ));
        };
        let password = new_password();
        let login = self.write(|tx| {
            for candidate in login_candidates("mh_page").take(100) {
                if tx.create_page_login(&candidate, &password)? {
                    return Ok(candidate);
                }
            }
            Err(Error::Server(
                "no free login name starting mh_page on the server".into(),
            ))
        })?;
        Ok(PageLogin {
            url: server.url_for(&login),
            login,
            password,
        })
    }

    /// Closes a login `page_login` made: it signs in no more, its sessions
    /// end (make a new one, and give masthead-serve that).
    pub fn close_page_login(&mut self, login: &str) -> Result<()> {
        if self.server().is_none() {
            return Err(Error::invalid(
                "team_needs_server",
                None,
                "A page login is for a team server; this is a file.",
            ));
        }
        if !(login.starts_with("mh_page") && login.len() <= 64) {
            return Err(Error::invalid(
                "not_a_page_login",
                "login",
                format!(
                    "\"{login}\" is not a login `team page-login` made (those start mh_page). Members' logins close with `team remove`."
                ),
            ));
        }
        self.write(|tx| tx.close_login(login))
    }

    /// Makes a member an editor or a contributor (a contributor must be in
    /// the contributors directory). Their login's rights change with it.
    pub fn set_team_role(
        &mut self,
        actor: &Actor,
        id: PersonId,
        seen: Option<u32>,
        role: TeamRole,
    ) -> Result<Person> {
        if self.signed_in()?.is_some_and(|me| me.id == id) {
            return Err(Error::invalid(
                "cannot_change_own_role",
                "role",
                "You cannot change your own role. Ask another editor to do it.",
            ));
        }
        self.write(|tx| {
            let current = need(tx.person(id)?, "team member", id)?;
            let version = check_version(tx, Entity::Person, id, &current.name, seen, current.version)?;
            if current.role == role {
                return Ok(current);
            }
            if role == TeamRole::Contributor && current.contributor_id.is_none() {
                return Err(Error::invalid(
                    "contributor_entry_needed",
                    "role",
                    format!(
                        "{} has no entry in the contributors directory, which a contributor needs. Add them as a contributor with the same email first.",
                        current.name
                    ),
                ));
            }
            let mut cs = ChangeSet::new(actor, None, None);
            let saved = tx.set_person_role(id, version, role, cs.at())?;
            ensure_saved(tx, saved, Entity::Person, id, &current.name, version)?;
            if let Some(login) = &current.login {
                tx.set_login_role(login, role)?;
            }
            let from = cs.len();
            cs.updated(
                Entity::Person,
                id,
                version + 1,
                vec![FieldChange {
                    field: "role",
                    old: Some(current.role.key().to_owned()),
                    new: Some(role.key().to_owned()),
                    old_ref: None,
                    new_ref: None,
                }],
            );
            cs.about(from, &current.name);
            tx.write_change_set(&cs)?;
            need(tx.person(id)?, "team member", id)
        })
    }

    /// Takes a member off the team: their login can no longer sign in and
    /// loses its rights at once. Their history stays, and so does their
    /// contributor entry.
    pub fn remove_from_team(
        &mut self,
        actor: &Actor,
        id: PersonId,
        seen: Option<u32>,
    ) -> Result<Person> {
        if self.signed_in()?.is_some_and(|me| me.id == id) {
            return Err(Error::invalid(
                "cannot_remove_yourself",
                None,
                "You cannot take yourself off the team. Ask another editor to do it.",
            ));
        }
        self.write(|tx| {
            let current = need(tx.person(id)?, "team member", id)?;
            let version =
                check_version(tx, Entity::Person, id, &current.name, seen, current.version)?;
            let mut cs = ChangeSet::new(actor, None, None);
            let saved = tx.retire_person(id, version, cs.at())?;
            ensure_saved(tx, saved, Entity::Person, id, &current.name, version)?;
            if let Some(login) = &current.login {
                tx.close_login(login)?;
            }
            let from = cs.len();
            cs.action(
                Entity::Person,
                id,
                version + 1,
                Action::Deleted,
                FieldChange {
                    field: "",
                    old: Some(current.name.clone()),
                    new: None,
                    old_ref: None,
                    new_ref: None,
                },
            );
            cs.about(from, &current.name);
            tx.write_change_set(&cs)?;
            Ok(Person {
                version: version + 1,
                ..current
            })
        })
    }
}
