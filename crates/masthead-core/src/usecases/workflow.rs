//! Reshaping a publication's workflow. Every change loads the whole
//! workflow inside its transaction, changes it in memory, checks what keeps
//! it usable (`rules::workflow::check`) and writes the difference, moving
//! the workflow's version on: an edit made from an older version is a
//! conflict.

use std::collections::HashSet;

use super::{Result, Store, check_version, ensure_saved, need};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{Action, ChangeSet, Entity, FieldChange};
use crate::model::{PublicationId, Status, StatusId, StatusInput, Transition, Workflow};
use crate::rules::{Diff, workflow as rules};
use crate::storage::Tx;

pub(crate) fn load(tx: &mut Tx<'_>, publication: PublicationId) -> Result<Workflow> {
    let version = need(
        tx.workflow_version(publication)?,
        "publication",
        publication,
    )?;
    Ok(Workflow {
        publication_id: publication,
        version,
        statuses: tx.all_statuses(publication)?,
        transitions: tx.transitions(publication)?,
    })
}

fn publication_of(tx: &mut Tx<'_>, status: StatusId) -> Result<PublicationId> {
    need(tx.status_publication(status)?, "status", status)
}

/// One line of workflow history about `subject`.
struct Line {
    action: Action,
    field: &'static str,
    old: Option<String>,
    new: Option<String>,
    subject: String,
}

fn line(action: Action, subject: &str) -> Line {
    Line {
        action,
        field: "",
        old: None,
        new: None,
        subject: subject.to_owned(),
    }
}

fn field(subject: &str, field: &'static str, old: Option<String>, new: Option<String>) -> Line {
    Line {
        action: Action::Updated,
        field,
        old,
        new,
        subject: subject.to_owned(),
    }
}

fn status(wf: &mut Workflow, id: StatusId) -> Result<&mut Status> {
    wf.statuses
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| Error::NotFound {
            entity: "status",
            key: id.to_string(),
        })
}

fn label_of(wf: &Workflow, id: StatusId) -> String {
    wf.statuses
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.label.clone())
        .unwrap_or_default()
}

fn renumber(wf: &mut Workflow) {
    for (i, s) in wf.statuses.iter_mut().enumerate() {
        s.position = i as u32;
    }
}

/// Runs `change` on the workflow of `publication` as one transaction:
/// the version check, the rules, the writes and one change set.
fn edit(
    tx: &mut Tx<'_>,
    actor: &Actor,
    publication: PublicationId,
    seen: Option<u32>,
    change: impl FnOnce(&mut Tx<'_>, &mut Workflow) -> Result<Vec<Line>>,
) -> Result<Workflow> {
    let old = load(tx, publication)?;
    let name = format!(
        "the workflow of {}",
        need(tx.publication(publication)?, "publication", publication)?.name
    );
    let version = check_version(tx, Entity::Workflow, publication, &name, seen, old.version)?;
    let mut new = old.clone();
    let mut lines = change(tx, &mut new)?;
    let moves = |wf: &Workflow| -> HashSet<(StatusId, StatusId)> {
        wf.transitions.iter().map(|t| (t.from, t.to)).collect()
    };
    let (before, after) = (moves(&old), moves(&new));
    // Every move allowed or stopped is in the history, however it came about.
    let label = |wf: &Workflow, id: StatusId| label_of(wf, id);
    let mut stopped: Vec<&(StatusId, StatusId)> = before.difference(&after).collect();
    let mut allowed: Vec<&(StatusId, StatusId)> = after.difference(&before).collect();
    stopped.sort();
    allowed.sort();
    for (from, to) in &stopped {
        lines.push(field(
            &label(&old, *from),
            "move",
            Some(label(&old, *to)),
            None,
        ));
    }
    for (from, to) in &allowed {
        lines.push(field(
            &label(&new, *from),
            "move",
            None,
            Some(label(&new, *to)),
        ));
    }
    if lines.is_empty() {
        return Ok(old);
    }
    rules::check(&new.statuses, &new.transitions)?;
    let mut cs = ChangeSet::new(actor, Some(publication), None);
    let saved = tx.bump_workflow(publication, version, cs.at())?;
    ensure_saved(tx, saved, Entity::Workflow, publication, &name, version)?;
    let kept: HashSet<StatusId> = new.statuses.iter().map(|s| s.id).collect();
    for (from, to) in before.difference(&after) {
        tx.delete_transition(*from, *to)?;
    }
    for s in old.statuses.iter().filter(|s| !kept.contains(&s.id)) {
        tx.delete_status(s.id)?;
    }
    for s in &new.statuses {
        match old.statuses.iter().find(|o| o.id == s.id) {
            None => tx.insert_status(publication, s, cs.at())?,
            Some(o) if o != s => tx.update_status(s, cs.at())?,
            Some(_) => {}
        }
    }
    for (from, to) in after.difference(&before) {
        tx.insert_transition(*from, *to)?;
    }
    for l in lines {
        let from = cs.len();
        cs.action(
            Entity::Workflow,
            publication,
            version + 1,
            l.action,
            FieldChange {
                field: l.field,
                old: l.old,
                new: l.new,
                old_ref: None,
                new_ref: None,
            },
        );
        cs.about(from, &l.subject);
    }
    tx.write_change_set(&cs)?;
    load(tx, publication)
}

/// The changed fields of a status, as history lines.
fn status_lines(old: &Status, new: &StatusInput) -> Vec<Line> {
    let mut d = Diff::default();
    d.value("label", &old.label, &new.label);
    d.value("colour", &old.colour, &new.colour);
    d.value("is_final", &yes_no(old.is_final), &yes_no(new.is_final));
    d.value("is_spiked", &yes_no(old.is_spiked), &yes_no(new.is_spiked));
    d.value(
        "receives_drafts",
        &yes_no(old.receives_drafts),
        &yes_no(new.receives_drafts),
    );
    let deadline = |d: &Option<crate::model::StatusDeadline>| {
        d.map_or_else(|| "none".to_owned(), |d| d.to_string())
    };
    d.value(
        "deadline",
        &deadline(&old.deadline),
        &deadline(&new.deadline),
    );
    d.into_changes()
        .into_iter()
        .map(|c| field(&old.label, c.field, c.old, c.new))
        .collect()
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

impl Store {
    /// Changes the workflow of status `id`'s publication from version
    /// `seen`, in one change set (see [`edit`]).
    fn edit_status(
        &mut self,
        actor: &Actor,
        id: StatusId,
        seen: Option<u32>,
        change: impl FnOnce(&mut Tx<'_>, &mut Workflow) -> Result<Vec<Line>>,
    ) -> Result<Workflow> {
        self.write(|tx| {
            let publication = publication_of(tx, id)?;
            edit(tx, actor, publication, seen, change)
        })
    }

    /// A publication's statuses (retired ones marked) and allowed moves.
    pub fn workflow(&self, publication: PublicationId) -> Result<Workflow> {
        self.read(|tx| load(tx, publication))
    }

    /// Adds a status right after `after`, taking over its forward moves:
    /// added after Subbed, "Legal read" sits between Subbed and what came
    /// next, and a piece can still be spiked from it.
    pub fn add_status(
        &mut self,
        actor: &Actor,
        publication: PublicationId,
        seen: Option<u32>,
        after: StatusId,
        input: &StatusInput,
    ) -> Result<Workflow> {
        let valid = rules::validate_status(input)?;
        self.write(|tx| {
            edit(tx, actor, publication, seen, |_, wf| {
                let others: Vec<&Status> = wf.statuses.iter().collect();
                rules::check_unique_label(&valid.label, &others)?;
                let prev = wf
                    .statuses
                    .iter()
                    .position(|s| s.id == after)
                    .ok_or_else(|| Error::NotFound {
                        entity: "status",
                        key: after.to_string(),
                    })?;
                let prev_status = wf.statuses[prev].clone();
                if prev_status.retired {
                    return Err(Error::invalid(
                        "status_retired",
                        None,
                        format!(
                            "\"{}\" is retired. Add the new status after one in use.",
                            prev_status.label
                        ),
                    ));
                }
                if prev_status.is_final {
                    return Err(Error::invalid(
                        "status_after_final",
                        None,
                        format!(
                            "\"{}\" is final: nothing comes after it. Add the status after an earlier one.",
                            prev_status.label
                        ),
                    ));
                }
                let new = Status {
                    id: StatusId::new(),
                    key: rules::unique_key(&valid.label, &wf.statuses),
                    label: valid.label.clone(),
                    position: 0,
                    colour: valid.colour.clone(),
                    is_initial: false,
                    is_spiked: valid.is_spiked,
                    is_final: valid.is_final,
                    receives_drafts: false,
                    deadline: valid.deadline,
                    retired: false,
                };
                let forward: Vec<StatusId> = wf
                    .transitions
                    .iter()
                    .filter(|t| t.from == after)
                    .filter_map(|t| wf.statuses.iter().find(|s| s.id == t.to))
                    .filter(|s| s.position > prev_status.position && !s.is_spiked)
                    .map(|s| s.id)
                    .collect();
                let spiked: Vec<StatusId> = wf
                    .transitions
                    .iter()
                    .filter(|t| t.from == after)
                    .filter(|t| wf.statuses.iter().any(|s| s.id == t.to && s.is_spiked))
                    .map(|t| t.to)
                    .collect();
                wf.transitions
                    .retain(|t| !(t.from == after && forward.contains(&t.to)));
                wf.transitions.push(Transition {
                    from: after,
                    to: new.id,
                });
                if !new.is_final {
                    for to in forward.iter().chain(&spiked) {
                        wf.transitions.push(Transition {
                            from: new.id,
                            to: *to,
                        });
                    }
                }
                let label = new.label.clone();
                wf.statuses.insert(prev + 1, new);
                renumber(wf);
                Ok(vec![line(Action::Created, &label)])
            })
        })
    }

    /// Renames, recolours, re-flags a status or sets its deadline.
    pub fn update_status(
        &mut self,
        actor: &Actor,
        id: StatusId,
        seen: Option<u32>,
        input: &StatusInput,
    ) -> Result<Workflow> {
        let valid = rules::validate_status(input)?;
        self.edit_status(actor, id, seen, |_, wf| {
            let others: Vec<&Status> = wf.statuses.iter().filter(|s| s.id != id).collect();
            rules::check_unique_label(&valid.label, &others)?;
            let old = status(wf, id)?.clone();
            let mut lines = status_lines(&old, &valid);
            if valid.receives_drafts && !old.receives_drafts {
                for s in wf.statuses.iter_mut().filter(|s| s.receives_drafts) {
                    s.receives_drafts = false;
                    lines.push(field(
                        &s.label,
                        "receives_drafts",
                        Some("yes".into()),
                        Some("no".into()),
                    ));
                }
            }
            let s = status(wf, id)?;
            s.label = valid.label.clone();
            s.colour = valid.colour.clone();
            s.is_final = valid.is_final;
            s.is_spiked = valid.is_spiked;
            s.receives_drafts = valid.receives_drafts;
            s.deadline = valid.deadline;
            Ok(lines)
        })
    }

    /// Puts a status at `position` (0 = first) in the workflow's order.
    pub fn reorder_status(
        &mut self,
        actor: &Actor,
        id: StatusId,
        seen: Option<u32>,
        position: u32,
    ) -> Result<Workflow> {
        self.edit_status(actor, id, seen, |_, wf| {
            let from = wf
                .statuses
                .iter()
                .position(|s| s.id == id)
                .unwrap_or_default();
            let to = (position as usize).min(wf.statuses.len() - 1);
            if from == to {
                return Ok(vec![]);
            }
            let s = wf.statuses.remove(from);
            let label = s.label.clone();
            wf.statuses.insert(to, s);
            renumber(wf);
            Ok(vec![field(
                &label,
                "position",
                Some((from + 1).to_string()),
                Some((to + 1).to_string()),
            )])
        })
    }

    /// Retires a status (`retired`) or brings it back. A retired status
    /// keeps its history and the pieces in it, which can still move on;
    /// nothing new moves into it.
    pub fn set_status_retired(
        &mut self,
        actor: &Actor,
        id: StatusId,
        seen: Option<u32>,
        retired: bool,
    ) -> Result<Workflow> {
        self.edit_status(actor, id, seen, |_, wf| {
            let s = status(wf, id)?;
            if s.retired == retired {
                return Ok(vec![]);
            }
            if retired && s.is_initial {
                return Err(Error::invalid(
                    "status_initial",
                    None,
                    format!(
                        "New pieces start in \"{}\". Make another status the first before retiring it.",
                        s.label
                    ),
                ));
            }
            s.retired = retired;
            let label = s.label.clone();
            Ok(vec![line(
                if retired {
                    Action::Retired
                } else {
                    Action::Restored
                },
                &label,
            )])
        })
    }

    /// Deletes a status no piece has ever been in (one in use can only be
    /// retired); the statuses that led into it now lead where it led.
    pub fn delete_status(
        &mut self,
        actor: &Actor,
        id: StatusId,
        seen: Option<u32>,
    ) -> Result<Workflow> {
        self.edit_status(actor, id, seen, |tx, wf| {
            let s = status(wf, id)?.clone();
            if tx.status_uses(id)? > 0 {
                return Err(Error::invalid(
                    "status_in_use",
                    None,
                    format!(
                        "Pieces are or have been in \"{}\", so deleting it would rewrite their history. Retire it instead: it stays on those pieces and is not offered again.",
                        s.label
                    ),
                ));
            }
            if s.is_initial {
                return Err(Error::invalid(
                    "status_initial",
                    None,
                    format!(
                        "New pieces start in \"{}\". Make another status the first before deleting it.",
                        s.label
                    ),
                ));
            }
            // Heal the gap: what led into it now leads where it led.
            let into: Vec<StatusId> = wf
                .transitions
                .iter()
                .filter(|t| t.to == id)
                .map(|t| t.from)
                .collect();
            // Only forward moves, and never through where dropped pieces go.
            let onward: Vec<StatusId> = if s.is_spiked {
                Vec::new()
            } else {
                wf.transitions
                    .iter()
                    .filter(|t| t.from == id)
                    .filter_map(|t| wf.statuses.iter().find(|x| x.id == t.to))
                    .filter(|x| x.position > s.position && !x.is_spiked)
                    .map(|x| x.id)
                    .collect()
            };
            wf.statuses.retain(|x| x.id != id);
            wf.transitions.retain(|t| t.from != id && t.to != id);
            for from in &into {
                for to in onward.iter().filter(|to| *to != from) {
                    if !wf.transitions.iter().any(|t| t.from == *from && t.to == *to) {
                        wf.transitions.push(Transition {
                            from: *from,
                            to: *to,
                        });
                    }
                }
            }
            renumber(wf);
            Ok(vec![line(Action::Deleted, &s.label)])
        })
    }

    /// Allows (`allowed`) or stops moves from one status to another.
    pub fn set_move(
        &mut self,
        actor: &Actor,
        from: StatusId,
        to: StatusId,
        seen: Option<u32>,
        allowed: bool,
    ) -> Result<Workflow> {
        self.write(|tx| {
            let publication = publication_of(tx, from)?;
            if publication_of(tx, to)? != publication {
                return Err(Error::invalid(
                    "status_other_publication",
                    None,
                    "Those statuses belong to different publications' workflows.",
                ));
            }
            edit(tx, actor, publication, seen, |_, wf| {
                if from == to {
                    return Err(Error::invalid(
                        "move_to_itself",
                        None,
                        "A piece cannot move from a status to itself. Choose two different statuses.",
                    ));
                }
                let has = wf.transitions.iter().any(|t| t.from == from && t.to == to);
                if has == allowed {
                    return Ok(vec![]);
                }
                if allowed {
                    if let Some(target) = wf.statuses.iter().find(|s| s.id == to && s.retired) {
                        return Err(Error::invalid(
                            "status_retired",
                            None,
                            format!(
                                "\"{}\" is retired: nothing moves into it. Restore it first.",
                                target.label
                            ),
                        ));
                    }
                    wf.transitions.push(Transition { from, to });
                } else {
                    wf.transitions.retain(|t| !(t.from == from && t.to == to));
                }
                // `edit` records the move.
                Ok(vec![])
            })
        })
    }

    /// Makes `id` the status new pieces start in.
    pub fn set_initial_status(
        &mut self,
        actor: &Actor,
        id: StatusId,
        seen: Option<u32>,
    ) -> Result<Workflow> {
        self.edit_status(actor, id, seen, |_, wf| {
            let old = wf
                .statuses
                .iter()
                .find(|s| s.is_initial)
                .map(|s| (s.id, s.label.clone()));
            if old.as_ref().map(|o| o.0) == Some(id) {
                return Ok(vec![]);
            }
            for s in &mut wf.statuses {
                s.is_initial = s.id == id;
            }
            let new = status(wf, id)?;
            if new.retired || new.is_spiked || new.is_final {
                return Err(Error::invalid(
                    "status_initial_kind",
                    None,
                    format!(
                        "New pieces cannot start in \"{}\" (it is retired, spiked or final). Choose another status.",
                        new.label
                    ),
                ));
            }
            let label = new.label.clone();
            Ok(vec![field(
                &label,
                "initial",
                old.map(|o| o.1),
                Some(label.clone()),
            )])
        })
    }
}
