//! What makes a contributor valid.

use super::{Diff, optional_block, optional_text, required_text};
use crate::error::{Error, Result};
use crate::history::FieldChange;
use crate::model::{Contributor, ContributorInput};

/// An email address as typed, trimmed, or why it is not one.
pub(crate) fn valid_email(email: &str) -> Result<String> {
    let email = optional_text(email.trim(), "email", "email address", 254)?;
    let valid = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !email.chars().any(char::is_whitespace);
    if valid {
        Ok(email)
    } else {
        Err(Error::invalid(
            "email_invalid",
            "email",
            format!("\"{email}\" is not an email address. Use the form name@example.org."),
        ))
    }
}

pub(crate) fn validate(input: &ContributorInput) -> Result<ContributorInput> {
    let email = match input.email.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(email) => Some(valid_email(email)?),
    };
    Ok(ContributorInput {
        name: required_text(&input.name, "name", "contributor's name", 120)?,
        role: optional_text(&input.role, "role", "role", 120)?,
        organisation: optional_text(&input.organisation, "organisation", "organisation", 120)?,
        email,
        phone: optional_text(&input.phone, "phone", "phone number", 40)?,
        kind: input.kind,
        notes: optional_block(&input.notes, "notes", "notes", 4000)?,
    })
}

/// The fields that differ between a stored contributor and the saved input.
pub(crate) fn diff(old: &Contributor, new: &ContributorInput) -> Vec<FieldChange> {
    let mut d = Diff::default();
    d.value("name", &old.name, &new.name);
    d.value("role", &old.role, &new.role);
    d.value("organisation", &old.organisation, &new.organisation);
    d.option("email", &old.email, &new.email);
    d.value("phone", &old.phone, &new.phone);
    d.value("kind", &old.kind.as_str(), &new.kind.as_str());
    d.value("notes", &old.notes, &new.notes);
    d.into_changes()
}

/// The directory's search: every word typed appears somewhere in the name,
/// organisation, role or email, in any case (the app's search box agrees).
pub(crate) fn matches_search(c: &Contributor, query: &str) -> bool {
    let hay = format!(
        "{} {} {} {}",
        c.name,
        c.organisation,
        c.role,
        c.email.as_deref().unwrap_or("")
    )
    .to_lowercase();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|word| hay.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ContributorKind;

    #[test]
    fn emails_must_look_like_addresses() {
        let mut c = ContributorInput {
            name: "Chris Borg".into(),
            role: String::new(),
            organisation: String::new(),
            email: Some("chris@nalc".into()),
            phone: String::new(),
            kind: ContributorKind::Freelance,
            notes: String::new(),
        };
        assert_eq!(validate(&c).unwrap_err().field(), Some("email"));
        c.email = Some("  ".into());
        assert_eq!(validate(&c).unwrap().email, None);
        c.email = Some(" chris@nalc.example ".into());
        assert_eq!(
            validate(&c).unwrap().email.as_deref(),
            Some("chris@nalc.example")
        );
    }
}
