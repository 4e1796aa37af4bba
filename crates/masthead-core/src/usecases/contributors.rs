use super::{
    Changes, Entity, Result, Store, fetch_one, optional_text, or_duplicate, required_text,
};
use crate::actor::Actor;
use crate::error::Error;
use crate::model::{Contributor, ContributorId, ContributorInput, ContributorKind};

const SELECT: &str = "SELECT id, name, role, organisation, email, kind FROM contributors
     WHERE deleted_at IS NULL";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Contributor> {
    let kind: String = row.get(5)?;
    Ok(Contributor {
        id: row.get(0)?,
        name: row.get(1)?,
        role: row.get(2)?,
        organisation: row.get(3)?,
        email: row.get(4)?,
        kind: if kind == "staff" {
            ContributorKind::Staff
        } else {
            ContributorKind::Freelance
        },
    })
}

fn validate(input: &ContributorInput) -> Result<ContributorInput> {
    let email = match input.email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(email) => {
            let email = optional_text(email, "email", "email address", 254)?;
            let valid = email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            }) && !email.chars().any(char::is_whitespace);
            if !valid {
                return Err(Error::invalid(
                    "email_invalid",
                    "email",
                    format!("\"{email}\" is not an email address. Use the form name@example.org."),
                ));
            }
            Some(email)
        }
    };
    Ok(ContributorInput {
        name: required_text(&input.name, "name", "contributor's name", 120)?,
        role: optional_text(&input.role, "role", "role", 120)?,
        organisation: optional_text(&input.organisation, "organisation", "organisation", 120)?,
        email,
        kind: input.kind,
    })
}

fn duplicate_email(email: Option<&str>) -> Error {
    Error::Duplicate {
        field: Some("email"),
        message: format!(
            "Another contributor already uses {}. Each contributor needs their own email address.",
            email.unwrap_or_default()
        ),
    }
}

impl Store {
    pub fn list_contributors(&self) -> Result<Vec<Contributor>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT} ORDER BY name COLLATE NOCASE"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn contributor(&self, id: ContributorId) -> Result<Contributor> {
        fetch_one(
            &self.conn,
            &format!("{SELECT} AND id = ?1"),
            id,
            "contributor",
            from_row,
        )
    }

    pub fn add_contributor(
        &mut self,
        actor: &Actor,
        input: &ContributorInput,
    ) -> Result<Contributor> {
        let valid = validate(input)?;
        let id = ContributorId::new();
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Contributor, id);
            tx.execute(
                "INSERT INTO contributors (id, name, role, organisation, email, kind, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                rusqlite::params![
                    id,
                    valid.name,
                    valid.role,
                    valid.organisation,
                    valid.email,
                    valid.kind.as_str(),
                    changes.at()
                ],
            )
            .map_err(|e| or_duplicate(e, || duplicate_email(valid.email.as_deref())))?;
            changes.created(&valid.name);
            changes.write(tx)
        })?;
        self.contributor(id)
    }
}
