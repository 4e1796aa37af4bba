//! The default workflow a new publication starts with, built as plain
//! values; storage only records it.

use crate::model::{PublicationId, Status, StatusId, Transition, Workflow};

struct DefaultStatus {
    key: &'static str,
    label: &'static str,
    colour: &'static str,
    is_spiked: bool,
    is_final: bool,
}

const fn status(key: &'static str, label: &'static str, colour: &'static str) -> DefaultStatus {
    DefaultStatus {
        key,
        label,
        colour,
        is_spiked: false,
        is_final: false,
    }
}

/// Idea → Commissioned → Draft received → In edit → Subbed → Approved →
/// Laid out → Published, with Spiked reachable from any state before
/// Published. The first is where a new piece starts.
const DEFAULT_STATUSES: &[DefaultStatus] = &[
    status("idea", "Idea", "slate"),
    status("commissioned", "Commissioned", "rose"),
    status("draft_received", "Draft received", "amber"),
    status("in_edit", "In edit", "sky"),
    status("subbed", "Subbed", "violet"),
    status("approved", "Approved", "green"),
    status("laid_out", "Laid out", "teal"),
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
        statuses,
        transitions,
    }
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
}
