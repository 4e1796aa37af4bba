use super::{Result, Store, check_version, ensure_saved, need, or_duplicate};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{ChangeSet, Entity};
use crate::model::{Contributor, ContributorDetail, ContributorId, ContributorInput};
use crate::rules::contributors::{diff, matches_search, validate};
use crate::storage::{AssignmentFilter, Tx};

/// Refuses an email another contributor uses, naming them.
fn check_email_free(tx: &mut Tx<'_>, email: Option<&str>, me: Option<ContributorId>) -> Result<()> {
    let Some(email) = email else {
        return Ok(());
    };
    match tx.contributor_by_email(email)? {
        Some(other) if Some(other.id) != me => Err(duplicate_email(
            other.email.as_deref().unwrap_or(email),
            Some(&other.name),
        )),
        _ => Ok(()),
    }
}

fn duplicate_email(email: &str, other: Option<&str>) -> Error {
    Error::Duplicate {
        field: Some("email"),
        message: match other {
            Some(name) => format!(
                "{name} already uses {email}. Each contributor needs their own email address: open {name} instead, or type another address."
            ),
            None => format!(
                "Another contributor already uses {email}. Each contributor needs their own email address."
            ),
        },
    }
}

pub(crate) fn add_contributor(
    tx: &mut Tx<'_>,
    actor: &Actor,
    input: &ContributorInput,
) -> Result<Contributor> {
    let mut cs = ChangeSet::new(actor, None, None);
    let id = insert_contributor(tx, &mut cs, input)?;
    tx.write_change_set(&cs)?;
    need(tx.contributor(id)?, "contributor", id)
}

/// Adds a contributor as part of `cs` (one user action may add someone and
/// do something with them, in one transaction and one change set).
pub(crate) fn insert_contributor(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    input: &ContributorInput,
) -> Result<ContributorId> {
    let valid = validate(input)?;
    check_email_free(tx, valid.email.as_deref(), None)?;
    let id = ContributorId::new();
    tx.insert_contributor(id, &valid, cs.at()).map_err(|e| {
        or_duplicate(e, || {
            duplicate_email(valid.email.as_deref().unwrap_or_default(), None)
        })
    })?;
    cs.created(Entity::Contributor, id, &valid.name);
    Ok(id)
}

impl Store {
    /// Contributors by name; `search` matches name, organisation, role or
    /// email anywhere in them, ignoring case.
    pub fn list_contributors(&self, search: Option<&str>) -> Result<Vec<Contributor>> {
        let all = self.read(|tx| tx.contributors())?;
        Ok(match search {
            Some(q) => all.into_iter().filter(|c| matches_search(c, q)).collect(),
            None => all,
        })
    }

    pub fn contributor(&self, id: ContributorId) -> Result<Contributor> {
        self.read(|tx| need(tx.contributor(id)?, "contributor", id))
    }

    /// A contributor's page: the record, every assignment (newest first)
    /// and its history, from one snapshot.
    pub fn contributor_detail(&self, id: ContributorId) -> Result<ContributorDetail> {
        self.read(|tx| {
            let contributor = need(tx.contributor(id)?, "contributor", id)?;
            Ok(ContributorDetail {
                assignments: tx.assignments(AssignmentFilter {
                    contributor: Some(id),
                    ..Default::default()
                })?,
                history: tx.history_of(&id.to_string())?,
                contributor,
            })
        })
    }

    pub fn add_contributor(
        &mut self,
        actor: &Actor,
        input: &ContributorInput,
    ) -> Result<Contributor> {
        self.write(|tx| add_contributor(tx, actor, input))
    }

    /// Saves a contributor's details; `seen` is the version the user saw.
    pub fn update_contributor(
        &mut self,
        actor: &Actor,
        id: ContributorId,
        seen: Option<u32>,
        input: &ContributorInput,
    ) -> Result<Contributor> {
        let valid = validate(input)?;
        self.write(|tx| {
            let old = need(tx.contributor(id)?, "contributor", id)?;
            let version = check_version(tx, Entity::Contributor, id, &old.name, seen, old.version)?;
            check_email_free(tx, valid.email.as_deref(), Some(id))?;
            let fields = diff(&old, &valid);
            if fields.is_empty() {
                return Ok(old);
            }
            let mut cs = ChangeSet::new(actor, None, None);
            let saved = tx
                .update_contributor(id, version, &valid, cs.at())
                .map_err(|e| {
                    or_duplicate(e, || {
                        duplicate_email(valid.email.as_deref().unwrap_or_default(), None)
                    })
                })?;
            ensure_saved(tx, saved, Entity::Contributor, id, &old.name, version)?;
            cs.updated(Entity::Contributor, id, version + 1, fields);
            tx.write_change_set(&cs)?;
            need(tx.contributor(id)?, "contributor", id)
        })
    }
}
