//! `workflow`: a publication's statuses, moves and deadlines.

use super::prelude::*;

pub(crate) fn workflow(cmd: &WorkflowCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    if let WorkflowCmd::List(PublicationList { publication, json }) = cmd {
        let (store, publication) = open_publication(path, publication)?;
        let wf = store.workflow(publication)?;
        if *json {
            return out.json(&wf);
        }
        output::print_workflow(out, &wf);
        return Ok(());
    }
    let common: &WorkflowCommon = match cmd {
        WorkflowCmd::List(_) => unreachable!("handled above"),
        WorkflowCmd::Add { common, .. }
        | WorkflowCmd::Rename { common, .. }
        | WorkflowCmd::Recolour { common, .. }
        | WorkflowCmd::Reorder { common, .. }
        | WorkflowCmd::Retire { common, .. }
        | WorkflowCmd::Restore { common, .. }
        | WorkflowCmd::Delete { common, .. }
        | WorkflowCmd::Allow { common, .. }
        | WorkflowCmd::Disallow { common, .. }
        | WorkflowCmd::Deadline { common, .. } => common,
    };
    let mut store = open(path, false)?;
    let publication = store.find_publication(common.publication.as_deref())?;
    let current = store.workflow(publication)?;
    // Based on the version read here: a change in between is a conflict.
    let seen = Some(common.expect_version.unwrap_or(current.version));
    let status = |key: &str| store.find_status(publication, key);
    let input_of = |id| -> Result<StatusInput, Failure> {
        let s = current
            .statuses
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Failure::Usage("that status is gone; list the workflow again".into()))?;
        Ok(StatusInput::from(s))
    };
    let (wf, done): (Workflow, String) = match cmd {
        WorkflowCmd::List(_) => unreachable!("handled above"),
        WorkflowCmd::Add {
            name,
            after,
            colour,
            ..
        } => {
            let after = status(after)?;
            let input = StatusInput {
                label: name.clone(),
                colour: colour.clone(),
                is_final: false,
                is_spiked: false,
                receives_drafts: false,
                deadline: None,
            };
            let wf = store.add_status(who, publication, seen, after, &input)?;
            (wf, format!("Added the status \"{}\".", name.trim()))
        }
        WorkflowCmd::Rename {
            status: s, name, ..
        } => {
            let id = status(s)?;
            let input = StatusInput {
                label: name.clone(),
                ..input_of(id)?
            };
            let wf = store.update_status(who, id, seen, &input)?;
            (wf, format!("Renamed the status to \"{}\".", name.trim()))
        }
        WorkflowCmd::Recolour {
            status: s, colour, ..
        } => {
            let id = status(s)?;
            let input = StatusInput {
                colour: colour.clone(),
                ..input_of(id)?
            };
            let wf = store.update_status(who, id, seen, &input)?;
            (wf, format!("\"{s}\" is now {colour}."))
        }
        WorkflowCmd::Reorder {
            status: s,
            position,
            ..
        } => {
            let id = status(s)?;
            if *position == 0 {
                return Err(Failure::Usage(
                    "positions start at 1 (the first status)".into(),
                ));
            }
            let wf = store.reorder_status(who, id, seen, position - 1)?;
            let count = wf.statuses.len();
            let (at, label) = wf
                .statuses
                .iter()
                .enumerate()
                .find(|(_, st)| st.id == id)
                .map(|(i, st)| (i + 1, st.label.clone()))
                .unwrap_or((0, s.clone()));
            let done = if at as u32 == *position {
                format!("Moved \"{label}\" to place {at} of {count}.")
            } else {
                format!(
                    "Moved \"{label}\" to place {at} of {count}, the last (there is no place {position})."
                )
            };
            (wf, done)
        }
        WorkflowCmd::Retire { status: s, .. } | WorkflowCmd::Restore { status: s, .. } => {
            let retire = matches!(cmd, WorkflowCmd::Retire { .. });
            let id = status(s)?;
            let wf = store.set_status_retired(who, id, seen, retire)?;
            (
                wf,
                if retire {
                    format!("Retired \"{s}\": pieces in it stay until they move on.")
                } else {
                    format!("\"{s}\" is back in the workflow.")
                },
            )
        }
        WorkflowCmd::Delete { status: s, .. } => {
            let id = status(s)?;
            let wf = store.delete_status(who, id, seen)?;
            (wf, format!("Deleted the status \"{s}\"."))
        }
        WorkflowCmd::Allow { from, to, .. } | WorkflowCmd::Disallow { from, to, .. } => {
            let allow = matches!(cmd, WorkflowCmd::Allow { .. });
            let (f, t) = (status(from)?, status(to)?);
            let wf = store.set_move(who, f, t, seen, allow)?;
            (
                wf,
                format!(
                    "Pieces {} move from \"{from}\" to \"{to}\".",
                    if allow { "can" } else { "can no longer" }
                ),
            )
        }
        WorkflowCmd::Deadline {
            status: s,
            days,
            before,
            none,
            ..
        } => {
            let id = status(s)?;
            let deadline = if *none {
                None
            } else {
                let before = before.as_deref().unwrap_or_default();
                let key_date = KeyDate::parse(before).ok_or_else(|| {
                    Failure::Usage(format!(
                        "\"{before}\" is not a key date; use commissioning-closes, copy-deadline, subbing-deadline, press-date or on-sale-date"
                    ))
                })?;
                Some(StatusDeadline {
                    key_date,
                    days_before: days.unwrap_or(0),
                })
            };
            let input = StatusInput {
                deadline,
                ..input_of(id)?
            };
            let wf = store.update_status(who, id, seen, &input)?;
            (
                wf,
                match deadline {
                    Some(d) => format!("Pieces must reach \"{s}\" {d}."),
                    None => format!("\"{s}\" has no deadline now."),
                },
            )
        }
    };
    out.line(&format!("{done} (Workflow version {}.)", wf.version));
    Ok(())
}
