use super::{Result, Store, need, or_duplicate};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{ChangeSet, Entity};
use crate::model::{Contributor, ContributorId, ContributorInput};
use crate::rules::contributors::validate;
use crate::storage::Tx;

fn duplicate_email(email: Option<&str>) -> Error {
    Error::Duplicate {
        field: Some("email"),
        message: format!(
            "Another contributor already uses {}. Each contributor needs their own email address.",
            email.unwrap_or_default()
        ),
    }
}

pub(crate) fn add_contributor(
    tx: &mut dyn Tx,
    actor: &Actor,
    input: &ContributorInput,
) -> Result<Contributor> {
    let valid = validate(input)?;
    let id = ContributorId::new();
    let mut cs = ChangeSet::new(actor, None, None);
    tx.insert_contributor(id, &valid, cs.at())
        .map_err(|e| or_duplicate(e, || duplicate_email(valid.email.as_deref())))?;
    cs.created(Entity::Contributor, id, &valid.name);
    tx.write_change_set(&cs)?;
    need(tx.contributor(id)?, "contributor", id)
}

impl Store {
    pub fn list_contributors(&self) -> Result<Vec<Contributor>> {
        self.read(|tx| tx.contributors())
    }

    pub fn contributor(&self, id: ContributorId) -> Result<Contributor> {
        self.read(|tx| need(tx.contributor(id)?, "contributor", id))
    }

    pub fn add_contributor(
        &mut self,
        actor: &Actor,
        input: &ContributorInput,
    ) -> Result<Contributor> {
        self.write(|tx| add_contributor(tx, actor, input))
    }
}
