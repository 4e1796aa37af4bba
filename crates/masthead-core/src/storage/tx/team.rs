//! The team: people who sign in to a server, and their logins.

use super::*;

impl SqlTx<'_> {
    pub(crate) fn people(&mut self) -> Result<Vec<Person>> {
        self.all(
            &format!("{PERSON} ORDER BY name COLLATE NOCASE"),
            p![],
            person,
        )
    }

    pub(crate) fn person(&mut self, id: PersonId) -> Result<Option<Person>> {
        self.one(&format!("{PERSON} AND id = ?1"), p![id], person)
    }

    pub(crate) fn person_by_login(&mut self, login: &str) -> Result<Option<Person>> {
        self.one(&format!("{PERSON} AND login = ?1"), p![login], person)
    }

    pub(crate) fn person_by_email(&mut self, email: &str) -> Result<Option<Person>> {
        self.one(
            &format!("{PERSON} AND email IS NOT NULL AND masthead_fold(email) = masthead_fold(?1)"),
            p![email],
            person,
        )
    }

    pub(crate) fn insert_person(&mut self, x: &Person, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO people (id, name, email, role, login, contributor_id, created_at,
                updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            p![
                x.id,
                x.name,
                x.email,
                x.role.key(),
                x.login,
                x.contributor_id,
                at
            ],
        )
        .map(drop)
    }

    pub(crate) fn set_person_role(
        &mut self,
        id: PersonId,
        version: u32,
        role: TeamRole,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE people SET role = ?3, updated_at = ?4, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, role.key(), at],
        )
        .map(|n| n == 1)
    }

    pub(crate) fn retire_person(&mut self, id: PersonId, version: u32, at: &str) -> Result<bool> {
        self.exec(
            "UPDATE people SET deleted_at = ?3, updated_at = ?3, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, at],
        )
        .map(|n| n == 1)
    }

    /// Server logins (refused on a file), made and changed through the
    /// database owner's functions: `create_login` is false when the name is
    /// taken on the server (by any team); `login` must be a plain name.
    pub(crate) fn create_login(
        &mut self,
        login: &str,
        password: &str,
        role: TeamRole,
    ) -> Result<bool> {
        if !self.conn.is_server() {
            return Err(needs_server());
        }
        plain_login(login)?;
        // The server gets a SCRAM verifier, never the password itself, so
        // it cannot land in the server's logs.
        let secret = postgres_protocol::password::scram_sha_256(password.as_bytes());
        self.one(
            "SELECT masthead_create_login(?1, ?2, ?3)",
            p![login, secret, role.key()],
            |r| r.get(0),
        )
        .map(Option::unwrap_or_default)
    }

    /// The contributors' page's login (see migration 22): a contributor's
    /// rights, acting for no one until a link names someone.
    pub(crate) fn create_page_login(&mut self, login: &str, password: &str) -> Result<bool> {
        if !self.conn.is_server() {
            return Err(needs_server());
        }
        plain_login(login)?;
        let secret = postgres_protocol::password::scram_sha_256(password.as_bytes());
        self.one(
            "SELECT masthead_create_login(?1, ?2, 'page')",
            p![login, secret],
            |r| r.get(0),
        )
        .map(Option::unwrap_or_default)
    }

    pub(crate) fn set_login_role(&mut self, login: &str, role: TeamRole) -> Result<()> {
        if !self.conn.is_server() {
            return Err(needs_server());
        }
        self.exec(
            "SELECT masthead_set_login_role(?1, ?2)",
            p![login, role.key()],
        )
        .map(drop)
    }

    pub(crate) fn close_login(&mut self, login: &str) -> Result<()> {
        if !self.conn.is_server() {
            return Err(needs_server());
        }
        self.exec("SELECT masthead_close_login(?1)", p![login])
            .map(drop)
    }
}

const PERSON: &str = "SELECT id, name, email, role, login, contributor_id, created_at, version
     FROM people WHERE deleted_at IS NULL";

fn person(row: &Row<'_>) -> Result<Person> {
    let role: String = row.get("role")?;
    Ok(Person {
        id: row.get("id")?,
        name: row.get("name")?,
        email: row.get("email")?,
        role: TeamRole::parse(&role).ok_or_else(|| conversion(UnknownValue(role)))?,
        login: row.get("login")?,
        contributor_id: row.get("contributor_id")?,
        created_at: timestamp(row, "created_at")?,
        version: row.get("version")?,
    })
}

/// A login must be plain: letters, digits and underscores (the rules make
/// it so, and the server's function checks it again).
fn plain_login(login: &str) -> Result<()> {
    if !login.is_empty() && login.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(Error::invalid(
            "bad_login",
            None,
            "A server login may hold only letters, digits and underscores.",
        ))
    }
}

fn needs_server() -> Error {
    Error::invalid(
        "team_needs_server",
        None,
        "Team members sign in to a team server, and this is a file. Connect to a team server (File › Connect to team server…), or move this file onto one with `masthead --db postgres://… team import FILE`.",
    )
}
