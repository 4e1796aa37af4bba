use super::contributors::insert_contributor;
use super::{Result, Store, check_version, ensure_saved, need};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{Action, ChangeSet, Entity, FieldChange};
use crate::model::{
    ArticleId, Assignment, AssignmentId, AssignmentInput, AssignmentState, AssignmentTerms,
    ContributorId, ContributorInput, EditionId, Saved,
};
use crate::rules::assignments::{check_state_change, diff, validate, warnings};
use crate::storage::{AssignmentFilter, AssignmentRow, Tx};

/// Which assignments a list shows; `None` means any.
#[derive(Debug, Clone, Copy, Default)]
pub struct AssignmentQuery {
    pub article: Option<ArticleId>,
    pub contributor: Option<ContributorId>,
    pub edition: Option<EditionId>,
}

/// Records a new offer: the contributor is asked, the answer comes later.
fn offer(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    article: ArticleId,
    contributor: ContributorId,
    valid: &AssignmentTerms,
) -> Result<AssignmentId> {
    let who = tx.contributor(contributor)?.ok_or_else(|| {
        Error::invalid(
            "contributor_unknown",
            "contributor_id",
            "That contributor no longer exists. Choose another, or add them.",
        )
    })?;
    let piece = need(tx.article(article)?, "article", article)?;
    let already = tx.assignments(AssignmentFilter {
        article: Some(article),
        ..Default::default()
    })?;
    if already
        .iter()
        .any(|a| a.contributor_id == contributor && a.role == valid.role && a.state.is_active())
    {
        return Err(Error::Duplicate {
            field: Some("contributor_id"),
            message: format!(
                "{} is already the {} of \"{}\". Choose someone else, or another role.",
                who.name, valid.role, piece.title
            ),
        });
    }
    let id = AssignmentId::new();
    tx.insert_assignment(
        &AssignmentRow {
            id,
            article,
            contributor,
            fields: valid,
            state: AssignmentState::Offered,
        },
        cs.at(),
    )?;
    let from = cs.len();
    let shown = if valid.role == crate::model::WRITER_ROLE {
        who.name.clone()
    } else {
        format!("{} as {}", who.name, valid.role)
    };
    cs.created(Entity::Assignment, id, &shown);
    cs.about(from, &who.name);
    Ok(id)
}

/// Moves an assignment to `to` (an answer or a withdrawal) inside `cs`.
fn set_state(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    a: &Assignment,
    version: u32,
    to: AssignmentState,
) -> Result<()> {
    check_state_change(a, to)?;
    let saved = tx.set_assignment_state(a.id, version, to, cs.at())?;
    ensure_saved(
        tx,
        saved,
        Entity::Assignment,
        a.id,
        &a.article_title,
        version,
    )?;
    let from = cs.len();
    cs.action(
        Entity::Assignment,
        a.id,
        version + 1,
        Action::Updated,
        FieldChange {
            field: "state",
            old: Some(a.state.key().to_owned()),
            new: Some(to.key().to_owned()),
            old_ref: None,
            new_ref: None,
        },
    );
    cs.about(from, &a.contributor);
    Ok(())
}

fn load(tx: &mut Tx<'_>, id: AssignmentId, seen: Option<u32>) -> Result<(Assignment, u32)> {
    let a = need(tx.assignment(id)?, "assignment", id)?;
    let name = format!("{}'s assignment on \"{}\"", a.contributor, a.article_title);
    let version = check_version(tx, Entity::Assignment, id, &name, seen, a.version)?;
    Ok((a, version))
}

/// Moves an assignment to `to` and records it, in this transaction.
fn answer_here(
    tx: &mut Tx<'_>,
    actor: &Actor,
    id: AssignmentId,
    seen: Option<u32>,
    to: AssignmentState,
) -> Result<Assignment> {
    let (a, version) = load(tx, id, seen)?;
    let mut cs = change_set(tx, actor, a.edition_id)?;
    set_state(tx, &mut cs, &a, version, to)?;
    tx.write_change_set(&cs)?;
    need(tx.assignment(id)?, "assignment", id)
}

fn change_set(tx: &mut Tx<'_>, actor: &Actor, edition: EditionId) -> Result<ChangeSet> {
    let e = need(tx.edition(edition)?, "edition", edition)?;
    Ok(ChangeSet::new(actor, Some(e.publication_id), Some(edition)))
}

/// Whom a piece is commissioned from.
enum To<'a> {
    Known(ContributorId),
    /// Someone not in the directory yet, added in the same change.
    New(&'a ContributorInput),
}

/// Offers `article` to `to` on `valid` terms, in one change set.
fn commission(
    tx: &mut Tx<'_>,
    actor: &Actor,
    article: ArticleId,
    to: To<'_>,
    valid: &AssignmentTerms,
) -> Result<Saved<Assignment>> {
    let piece = need(tx.article(article)?, "article", article)?;
    let edition = need(tx.edition(piece.edition_id)?, "edition", piece.edition_id)?;
    let mut cs = change_set(tx, actor, edition.id)?;
    let contributor = match to {
        To::Known(id) => id,
        To::New(person) => insert_contributor(tx, &mut cs, person)?,
    };
    let id = offer(tx, &mut cs, article, contributor, valid)?;
    tx.write_change_set(&cs)?;
    Ok(Saved {
        item: need(tx.assignment(id)?, "assignment", id)?,
        warnings: warnings(valid, &edition),
    })
}

/// [`Store::answer_assignment`] inside a write transaction already begun.
pub(super) fn answer_in(
    tx: &mut Tx<'_>,
    actor: &Actor,
    id: AssignmentId,
    seen: Option<u32>,
    accepted: bool,
) -> Result<Assignment> {
    let to = if accepted {
        AssignmentState::Accepted
    } else {
        AssignmentState::Declined
    };
    if !tx.writes_through_functions() {
        return answer_here(tx, actor, id, seen, to);
    }
    // A contributor on a team server: the server's function checks
    // it is her open offer, answers it and writes the history.
    let (a, version) = load(tx, id, seen)?;
    check_state_change(&a, to)?;
    let saved = tx.answer_own_offer(id, version, accepted)?;
    ensure_saved(tx, saved, Entity::Assignment, id, &a.article_title, version)?;
    // Declined, the piece is no longer hers to see (nor, through
    // it, this assignment): what she answered is what she saw.
    Ok(match tx.assignment(id)? {
        Some(now) => now,
        None => Assignment {
            state: to,
            version: version + 1,
            answered_at: Some(chrono::Utc::now()),
            ..a
        },
    })
}

impl Store {
    /// Commissions a piece: offers it to a contributor with a brief, word
    /// target, due date and fee. Warns when the due date is after press.
    pub fn commission(
        &mut self,
        actor: &Actor,
        article: ArticleId,
        input: &AssignmentInput,
    ) -> Result<Saved<Assignment>> {
        let valid = validate(input)?;
        self.write(|tx| commission(tx, actor, article, To::Known(input.contributor_id), &valid))
    }

    /// Commissions a piece from someone not in the directory yet: adds them
    /// and offers the piece to them in one transaction, so a refused offer
    /// adds nobody. `input.contributor_id` is ignored.
    pub fn commission_new_contributor(
        &mut self,
        actor: &Actor,
        article: ArticleId,
        person: &ContributorInput,
        input: &AssignmentInput,
    ) -> Result<Saved<Assignment>> {
        let valid = validate(input)?;
        self.write(|tx| commission(tx, actor, article, To::New(person), &valid))
    }

    /// Saves an assignment's brief, role, target, due date and fee. To give
    /// it to someone else, use [`Store::reassign`].
    pub fn update_assignment(
        &mut self,
        actor: &Actor,
        id: AssignmentId,
        seen: Option<u32>,
        input: &AssignmentInput,
    ) -> Result<Saved<Assignment>> {
        let valid = validate(input)?;
        self.write(|tx| {
            let (old, version) = load(tx, id, seen)?;
            if input.contributor_id != old.contributor_id {
                return Err(Error::invalid(
                    "assignment_contributor",
                    "contributor_id",
                    "An assignment keeps its contributor. Re-assign the piece to give it to someone else.",
                ));
            }
            let edition = need(tx.edition(old.edition_id)?, "edition", old.edition_id)?;
            let fields = diff(&old, &valid);
            if fields.is_empty() {
                return Ok(Saved {
                    item: old,
                    warnings: warnings(&valid, &edition),
                });
            }
            let mut cs = change_set(tx, actor, old.edition_id)?;
            let saved = tx.update_assignment(id, version, &valid, cs.at())?;
            ensure_saved(tx, saved, Entity::Assignment, id, &old.article_title, version)?;
            let from = cs.len();
            cs.updated(Entity::Assignment, id, version + 1, fields);
            cs.about(from, &old.contributor);
            tx.write_change_set(&cs)?;
            Ok(Saved {
                item: need(tx.assignment(id)?, "assignment", id)?,
                warnings: warnings(&valid, &edition),
            })
        })
    }

    /// Records the contributor's answer to an offer.
    pub fn answer_assignment(
        &mut self,
        actor: &Actor,
        id: AssignmentId,
        seen: Option<u32>,
        accepted: bool,
    ) -> Result<Assignment> {
        self.write(|tx| answer_in(tx, actor, id, seen, accepted))
    }

    /// Takes an offered or accepted assignment back.
    pub fn withdraw_assignment(
        &mut self,
        actor: &Actor,
        id: AssignmentId,
        seen: Option<u32>,
    ) -> Result<Assignment> {
        self.change_assignment_state(actor, id, seen, AssignmentState::Withdrawn)
    }

    fn change_assignment_state(
        &mut self,
        actor: &Actor,
        id: AssignmentId,
        seen: Option<u32>,
        to: AssignmentState,
    ) -> Result<Assignment> {
        self.write(|tx| answer_here(tx, actor, id, seen, to))
    }

    /// Gives the piece to someone else on the same terms: withdraws the
    /// assignment if it is still active and offers a new one, in one step.
    pub fn reassign(
        &mut self,
        actor: &Actor,
        id: AssignmentId,
        seen: Option<u32>,
        to: ContributorId,
    ) -> Result<Saved<Assignment>> {
        self.write(|tx| {
            let (old, version) = load(tx, id, seen)?;
            if old.contributor_id == to && old.state.is_active() {
                return Err(Error::invalid(
                    "reassign_same",
                    "contributor_id",
                    format!(
                        "\"{}\" is already with {}. Choose someone else.",
                        old.article_title, old.contributor
                    ),
                ));
            }
            let edition = need(tx.edition(old.edition_id)?, "edition", old.edition_id)?;
            let mut cs = change_set(tx, actor, old.edition_id)?;
            if old.state.is_active() {
                set_state(tx, &mut cs, &old, version, AssignmentState::Withdrawn)?;
            }
            let terms = AssignmentTerms {
                role: old.role.clone(),
                brief: old.brief.clone(),
                word_target: old.word_target,
                due_date: old.due_date,
                fee: old.fee_minor.zip(old.fee_currency.clone()),
            };
            let new = offer(tx, &mut cs, old.article_id, to, &terms)?;
            tx.write_change_set(&cs)?;
            Ok(Saved {
                item: need(tx.assignment(new)?, "assignment", new)?,
                warnings: warnings(&terms, &edition),
            })
        })
    }

    /// Assignments, newest first.
    pub fn list_assignments(&self, q: AssignmentQuery) -> Result<Vec<Assignment>> {
        self.read(|tx| {
            if let Some(c) = q.contributor {
                need(tx.contributor(c)?, "contributor", c)?;
            }
            if let Some(e) = q.edition {
                need(tx.edition(e)?, "edition", e)?;
            }
            tx.assignments(AssignmentFilter {
                article: q.article,
                contributor: q.contributor,
                edition: q.edition,
                ..Default::default()
            })
        })
    }

    pub fn assignment(&self, id: AssignmentId) -> Result<Assignment> {
        self.read(|tx| need(tx.assignment(id)?, "assignment", id))
    }
}
