//! Workflows: the default a new publication starts with, what keeps a
//! workflow whole when a user reshapes it, and the deadlines its statuses
//! give a piece. Plain values; storage only records them.

use std::collections::{HashSet, VecDeque};

use chrono::{Days, NaiveDate};

use super::{normalise, required_text};
use crate::error::{Error, Result};
use crate::model::{
    Edition, KeyDate, NextDeadline, PublicationId, Status, StatusDeadline, StatusId, StatusInput,
    Transition, Workflow,
};

struct DefaultStatus {
    key: &'static str,
    label: &'static str,
    colour: &'static str,
    is_spiked: bool,
    is_final: bool,
    deadline: Option<KeyDate>,
}

const fn status(key: &'static str, label: &'static str, colour: &'static str) -> DefaultStatus {
    DefaultStatus {
        key,
        label,
        colour,
        is_spiked: false,
        is_final: false,
        deadline: None,
    }
}

/// Idea → Commissioned → Draft received → In edit → Subbed → Approved →
/// Laid out → Published, with Spiked reachable from any state before
/// Published. The first is where a new piece starts.
const DEFAULT_STATUSES: &[DefaultStatus] = &[
    status("idea", "Idea", "slate"),
    DefaultStatus {
        deadline: Some(KeyDate::CommissioningCloses),
        ..status("commissioned", "Commissioned", "rose")
    },
    DefaultStatus {
        deadline: Some(KeyDate::CopyDeadline),
        ..status("draft_received", "Draft received", "amber")
    },
    status("in_edit", "In edit", "sky"),
    DefaultStatus {
        deadline: Some(KeyDate::SubbingDeadline),
        ..status("subbed", "Subbed", "violet")
    },
    status("approved", "Approved", "green"),
    DefaultStatus {
        deadline: Some(KeyDate::PressDate),
        ..status("laid_out", "Laid out", "teal")
    },
    DefaultStatus {
        is_final: true,
        ..status("published", "Published", "deep-green")
    },
    DefaultStatus {
        is_spiked: true,
        ..status("spiked", "Spiked", "grey")
    },
];

/// The ways back: a rewrite, a re-edit, a re-layout, and reviving a spiked idea.
const DEFAULT_BACKWARD: &[(&str, &str)] = &[
    ("commissioned", "idea"),
    ("draft_received", "commissioned"),
    ("in_edit", "commissioned"),
    ("in_edit", "draft_received"),
    ("subbed", "in_edit"),
    ("approved", "in_edit"),
    ("laid_out", "approved"),
    ("spiked", "idea"),
];

/// The default workflow with fresh ids, for a new publication.
pub(crate) fn default_workflow(publication: PublicationId) -> Workflow {
    let statuses: Vec<Status> = DEFAULT_STATUSES
        .iter()
        .enumerate()
        .map(|(position, s)| Status {
            id: StatusId::new(),
            key: s.key.into(),
            label: s.label.into(),
            position: position as u32,
            colour: s.colour.into(),
            is_initial: position == 0,
            is_spiked: s.is_spiked,
            is_final: s.is_final,
            receives_drafts: s.key == "draft_received",
            deadline: s.deadline.map(|key_date| StatusDeadline {
                key_date,
                days_before: 0,
            }),
            retired: false,
        })
        .collect();
    let mut transitions = Vec::new();
    let chain: Vec<&Status> = statuses.iter().filter(|s| !s.is_spiked).collect();
    for step in chain.windows(2) {
        transitions.push(Transition {
            from: step[0].id,
            to: step[1].id,
        });
    }
    if let Some(spiked) = statuses.iter().find(|s| s.is_spiked) {
        for s in statuses.iter().filter(|s| !s.is_spiked && !s.is_final) {
            transitions.push(Transition {
                from: s.id,
                to: spiked.id,
            });
        }
    }
    let id_of = |key: &str| statuses.iter().find(|s| s.key == key).map(|s| s.id);
    for (from, to) in DEFAULT_BACKWARD {
        if let (Some(from), Some(to)) = (id_of(from), id_of(to)) {
            transitions.push(Transition { from, to });
        }
    }
    Workflow {
        publication_id: publication,
        version: 1,
        statuses,
        transitions,
    }
}

/// The most days a deadline may sit before its key date.
const MAX_DAYS_BEFORE: u32 = 365;

/// Checks what a user typed for a status; returns it cleaned.
pub(crate) fn validate_status(input: &StatusInput) -> Result<StatusInput> {
    let label = required_text(&input.label, "label", "status's name", 40)?;
    if !crate::palette::STATUS_COLOURS
        .iter()
        .any(|c| c.token == input.colour)
    {
        return Err(Error::invalid(
            "colour_unknown",
            "colour",
            format!(
                "\"{}\" is not one of the status colours. Choose one of: {}.",
                input.colour,
                crate::palette::STATUS_COLOURS
                    .iter()
                    .map(|c| c.token)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if let Some(d) = input.deadline
        && d.days_before > MAX_DAYS_BEFORE
    {
        return Err(Error::invalid(
            "deadline_range",
            "deadline",
            format!(
                "A deadline {} days before the {} is too early to be useful. Type 0 to {MAX_DAYS_BEFORE} days.",
                d.days_before,
                d.key_date.label()
            ),
        ));
    }
    if input.is_final && input.is_spiked {
        return Err(Error::invalid(
            "status_final_and_spiked",
            "is_final",
            "A status is either the end of the workflow or where dropped pieces go, not both. Untick one.",
        ));
    }
    Ok(StatusInput {
        label,
        ..input.clone()
    })
}

/// No other status of the workflow, retired ones included, has this name.
pub(crate) fn check_unique_label(label: &str, others: &[&Status]) -> Result<()> {
    let wanted = normalise(label);
    match others
        .iter()
        .find(|s| normalise(&s.label) == wanted || normalise(&s.key) == wanted)
    {
        None => Ok(()),
        Some(other) => Err(Error::Duplicate {
            field: Some("label"),
            message: if other.retired {
                format!(
                    "The workflow already has a retired status called \"{}\". Restore it instead of adding it again.",
                    other.label
                )
            } else {
                format!(
                    "The workflow already has a status called \"{}\". Choose another name.",
                    other.label
                )
            },
        }),
    }
}

/// A key for a new status: letters, digits and underscores, starting with
/// a letter, not used by the workflow yet.
pub(crate) fn unique_key(label: &str, others: &[Status]) -> String {
    let mut base = super::kinds::key_of(label);
    if !base.starts_with(|c: char| c.is_ascii_lowercase()) {
        base = format!("s_{base}");
    }
    base.truncate(36);
    let mut key = base.clone();
    let mut n = 2;
    while others.iter().any(|s| s.key == key) {
        key = format!("{base}_{n}");
        n += 1;
    }
    key
}

/// What keeps a workflow usable, checked after every change to it: among
/// the statuses in use, exactly one is where pieces start, at least one is
/// final, and every one can be reached from the start.
pub(crate) fn check(statuses: &[Status], transitions: &[Transition]) -> Result<()> {
    let live: Vec<&Status> = statuses.iter().filter(|s| !s.retired).collect();
    let initial: Vec<&&Status> = live.iter().filter(|s| s.is_initial).collect();
    let start = match initial.as_slice() {
        [one] => **one,
        [] => {
            return Err(Error::invalid(
                "workflow_no_initial",
                None,
                "The workflow needs a status where new pieces start. Make one status the first.",
            ));
        }
        many => {
            return Err(Error::invalid(
                "workflow_many_initial",
                None,
                format!(
                    "New pieces can start in only one status, not {}. Keep one.",
                    names(many.iter().map(|s| &s.label))
                ),
            ));
        }
    };
    if start.is_final || start.is_spiked {
        return Err(Error::invalid(
            "workflow_start_final",
            None,
            format!(
                "New pieces start in \"{}\", so it cannot be final or where dropped pieces go. Make another status the first, or untick it.",
                start.label
            ),
        ));
    }
    if !live.iter().any(|s| s.is_final) {
        return Err(Error::invalid(
            "workflow_no_final",
            None,
            "The workflow needs at least one final status, where pieces end (such as Published). Mark one as final.",
        ));
    }
    let live_ids: HashSet<StatusId> = live.iter().map(|s| s.id).collect();
    let mut seen: HashSet<StatusId> = HashSet::from([start.id]);
    let mut queue = VecDeque::from([start.id]);
    while let Some(at) = queue.pop_front() {
        for t in transitions.iter().filter(|t| t.from == at) {
            if live_ids.contains(&t.to) && seen.insert(t.to) {
                queue.push_back(t.to);
            }
        }
    }
    let stranded: Vec<&String> = live
        .iter()
        .filter(|s| !seen.contains(&s.id))
        .map(|s| &s.label)
        .collect();
    if !stranded.is_empty() {
        return Err(Error::invalid(
            "workflow_unreachable",
            None,
            format!(
                "No piece could ever reach {} from \"{}\". Allow a move into {}.",
                names(stranded.iter().copied()),
                start.label,
                if stranded.len() == 1 { "it" } else { "each" }
            ),
        ));
    }
    Ok(())
}

fn names<'a>(labels: impl Iterator<Item = &'a String>) -> String {
    let quoted: Vec<String> = labels.map(|l| format!("\"{l}\"")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The date a status's deadline falls on for an edition, if the edition
/// has the key date it counts from.
pub fn deadline_date(d: StatusDeadline, edition: &Edition) -> Option<NaiveDate> {
    d.key_date
        .of(edition)
        .and_then(|date| date.checked_sub_days(Days::new(u64::from(d.days_before))))
}

/// The next deadline of a piece in `current`: the first later status (in
/// workflow order) with a deadline the edition's dates give. Until the
/// piece reaches the status where drafts arrive, an assignment's due date
/// (`due`) wins over the workflow's date. Spiked and final pieces have none.
pub fn next_deadline(
    current: &Status,
    statuses: &[Status],
    edition: &Edition,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<NextDeadline> {
    if current.is_spiked || current.is_final {
        return None;
    }
    let ahead = |s: &&Status| s.position > current.position && !s.is_spiked && !s.retired;
    let drafts = statuses.iter().filter(ahead).find(|s| s.receives_drafts);
    let reached_drafts = drafts.is_none()
        && statuses
            .iter()
            .any(|s| s.receives_drafts && s.position <= current.position);
    if let Some(due) = due
        && !reached_drafts
    {
        return Some(NextDeadline {
            date: due,
            status_label: drafts.map_or_else(|| "Draft".to_owned(), |s| s.label.clone()),
            from_assignment: true,
            overdue: due < today,
        });
    }
    statuses.iter().filter(ahead).find_map(|s| {
        let date = deadline_date(s.deadline?, edition)?;
        Some(NextDeadline {
            date,
            status_label: s.label.clone(),
            from_assignment: false,
            overdue: date < today,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_workflow_has_one_start_one_end_and_spiked_before_the_end() {
        let wf = default_workflow(PublicationId::new());
        let initial: Vec<_> = wf.statuses.iter().filter(|s| s.is_initial).collect();
        assert_eq!(initial.len(), 1);
        assert_eq!(initial[0].label, "Idea");
        let spiked = wf.statuses.iter().find(|s| s.is_spiked).unwrap();
        let published = wf.statuses.iter().find(|s| s.is_final).unwrap();
        let into_spiked = wf.transitions.iter().filter(|t| t.to == spiked.id).count();
        assert_eq!(
            into_spiked, 7,
            "every status before Published can be spiked"
        );
        assert!(!wf.transitions.iter().any(|t| t.from == published.id));
        assert!(wf.transitions.iter().all(|t| t.from != t.to));
    }

    fn edition() -> Edition {
        let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day);
        Edition {
            id: crate::model::EditionId::new(),
            publication_id: PublicationId::new(),
            publication: "PSE".into(),
            name: "Feb/Mar 21".into(),
            theme: String::new(),
            focus_topics: vec![],
            cover_date: None,
            page_count: 68,
            commissioning_closes: None,
            copy_deadline: d(1, 8),
            subbing_deadline: d(1, 15),
            press_date: d(1, 22),
            on_sale_date: d(2, 1),
            notes: String::new(),
            article_count: 0,
            spiked_count: 0,
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
            version: 1,
        }
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, m, d).unwrap()
    }

    #[test]
    fn the_next_deadline_comes_from_the_next_status_with_one_and_the_edition_dates() {
        let mut wf = default_workflow(PublicationId::new());
        let e = edition();
        let by =
            |wf: &Workflow, key: &str| wf.statuses.iter().find(|s| s.key == key).unwrap().clone();
        // Idea: Commissioned's deadline needs commissioning close, which this
        // edition lacks, so the next one is Draft received on the copy deadline.
        let d = next_deadline(&by(&wf, "idea"), &wf.statuses, &e, None, day(1, 1)).unwrap();
        assert_eq!(
            (d.date, d.status_label.as_str(), d.overdue),
            (day(1, 8), "Draft received", false)
        );
        // Copy deadline − 7 days, as a user sets it.
        let dr = wf
            .statuses
            .iter_mut()
            .find(|s| s.key == "draft_received")
            .unwrap();
        dr.deadline = Some(StatusDeadline {
            key_date: KeyDate::CopyDeadline,
            days_before: 7,
        });
        let d = next_deadline(&by(&wf, "commissioned"), &wf.statuses, &e, None, day(1, 2)).unwrap();
        assert_eq!((d.date, d.overdue), (day(1, 1), true));
        // An assignment's due date wins until the draft is in.
        let due_5th = |status: &str| {
            next_deadline(
                &by(&wf, status),
                &wf.statuses,
                &e,
                Some(day(1, 5)),
                day(1, 2),
            )
            .unwrap()
        };
        let d = due_5th("commissioned");
        assert_eq!(
            (d.date, d.from_assignment, d.overdue),
            (day(1, 5), true, false)
        );
        let d = due_5th("in_edit");
        assert_eq!(
            (d.date, d.status_label.as_str(), d.from_assignment),
            (day(1, 15), "Subbed", false)
        );
        // Spiked and published pieces have no deadline.
        assert!(
            next_deadline(
                &by(&wf, "spiked"),
                &wf.statuses,
                &e,
                Some(day(1, 5)),
                day(1, 2)
            )
            .is_none()
        );
        assert!(next_deadline(&by(&wf, "published"), &wf.statuses, &e, None, day(1, 2)).is_none());
    }

    #[test]
    fn a_workflow_keeps_one_start_an_end_and_every_status_reachable() {
        let wf = default_workflow(PublicationId::new());
        check(&wf.statuses, &wf.transitions).unwrap();

        let mut two_starts = wf.statuses.clone();
        two_starts[1].is_initial = true;
        assert_eq!(
            check(&two_starts, &wf.transitions).unwrap_err().code(),
            "workflow_many_initial"
        );

        let mut no_end = wf.statuses.clone();
        for s in &mut no_end {
            s.is_final = false;
        }
        assert_eq!(
            check(&no_end, &wf.transitions).unwrap_err().code(),
            "workflow_no_final"
        );

        let mut no_start = wf.statuses.clone();
        no_start[0].retired = true;
        assert_eq!(
            check(&no_start, &wf.transitions).unwrap_err().code(),
            "workflow_no_initial"
        );

        // Cut the only way into Approved: it and everything after it strand.
        let subbed = wf.statuses.iter().find(|s| s.key == "subbed").unwrap().id;
        let approved = wf.statuses.iter().find(|s| s.key == "approved").unwrap().id;
        let cut: Vec<Transition> = wf
            .transitions
            .iter()
            .filter(|t| !(t.from == subbed && t.to == approved))
            .cloned()
            .collect();
        let e = check(&wf.statuses, &cut).unwrap_err();
        assert_eq!(e.code(), "workflow_unreachable");
        assert!(
            e.to_string()
                .contains("\"Approved\", \"Laid out\" and \"Published\""),
            "{e}"
        );

        // A retired status may be stranded: nothing new goes there.
        let mut retired = wf.statuses.clone();
        for s in retired.iter_mut().filter(|s| s.is_spiked) {
            s.retired = true;
        }
        let spiked = wf.statuses.iter().find(|s| s.is_spiked).unwrap().id;
        let no_spike: Vec<Transition> = wf
            .transitions
            .iter()
            .filter(|t| t.to != spiked)
            .cloned()
            .collect();
        check(&retired, &no_spike).unwrap();
    }
}
