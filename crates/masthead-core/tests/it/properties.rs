//! Properties: random sequences of flatplan and workflow edits, through the
//! use cases as the app and the CLI make them, never break an invariant.
//! An edit may be refused; what is saved is always whole. On a file (the
//! rules are the store's; the server runs the same use cases).

use std::collections::{BTreeSet, VecDeque};
use std::path::PathBuf;
use std::sync::OnceLock;

use masthead_core::model::{EditionId, Placement, PublicationId, StatusInput, Workflow};
use masthead_core::{Actor, DEMO_EDITION, Store};
use proptest::prelude::*;

/// The demo, loaded once; each case starts from a backup of it.
fn demo() -> &'static PathBuf {
    static DEMO: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DEMO
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("demo.db");
            let mut store = Store::open(&path).unwrap();
            store.load_demo(&Actor::new("Tess").unwrap()).unwrap();
            let copy = dir.path().join("demo-copy.db");
            store.backup_to(&copy).unwrap();
            (dir, copy)
        })
        .1
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.db");
    // The demo's backup is a closed, single file no connection holds.
    std::fs::copy(demo(), &path).unwrap();
    let store = Store::open(&path).unwrap();
    (dir, store)
}

fn edition(store: &Store) -> EditionId {
    store.find_edition(None, DEMO_EDITION).unwrap()
}

#[derive(Debug, Clone)]
enum PlanEdit {
    Place {
        piece: usize,
        first: u32,
        span: u32,
        units: u32,
        offset: u32,
    },
    Move {
        slot: usize,
        first: u32,
        span: u32,
        units: u32,
        offset: u32,
    },
    Stretch {
        slot: usize,
        pages: i32,
    },
    Remove {
        slot: usize,
    },
}

fn placement(first: u32, span: u32, units: u32, offset: u32) -> Placement {
    if units == 12 {
        Placement {
            first_page: first,
            last_page: first + span,
            part_units: 12,
            part_offset: None,
        }
    } else {
        Placement {
            first_page: first,
            last_page: first,
            part_units: units,
            part_offset: Some(offset * units),
        }
    }
}

fn plan_edit() -> impl Strategy<Value = PlanEdit> {
    let units = prop::sample::select(vec![12u32, 6, 4, 3]);
    prop_oneof![
        (0..12usize, 0..72u32, 0..4u32, units.clone(), 0..4u32).prop_map(
            |(piece, first, span, units, offset)| PlanEdit::Place {
                piece,
                first,
                span,
                units,
                offset
            }
        ),
        (0..20usize, 0..72u32, 0..4u32, units, 0..4u32).prop_map(
            |(slot, first, span, units, offset)| PlanEdit::Move {
                slot,
                first,
                span,
                units,
                offset
            }
        ),
        (0..20usize, -3..4i32).prop_map(|(slot, pages)| PlanEdit::Stretch { slot, pages }),
        (0..20usize).prop_map(|slot| PlanEdit::Remove { slot }),
    ]
}

fn apply_plan_edit(store: &mut Store, who: &Actor, e: EditionId, edit: &PlanEdit) {
    let plan = store.flatplan(e).unwrap();
    let slot = |i: usize| plan.slots.get(i % plan.slots.len().max(1)).cloned();
    let _ = match edit.clone() {
        PlanEdit::Place {
            piece,
            first,
            span,
            units,
            offset,
        } => {
            match plan
                .unplaced_articles
                .get(piece % plan.unplaced_articles.len().max(1))
            {
                Some(a) => store
                    .place_article(who, a.id, &placement(first, span, units, offset))
                    .map(drop),
                None => Ok(()),
            }
        }
        PlanEdit::Move {
            slot: i,
            first,
            span,
            units,
            offset,
        } => match slot(i) {
            Some(s) => store
                .move_slot(
                    who,
                    s.id,
                    Some(s.version),
                    &placement(first, span, units, offset),
                )
                .map(drop),
            None => Ok(()),
        },
        PlanEdit::Stretch { slot: i, pages } => match slot(i) {
            Some(s) if s.part_units == 12 => {
                let last = (s.last_page as i64 + pages as i64).max(0) as u32;
                let to = Placement {
                    first_page: s.first_page,
                    last_page: last,
                    part_units: 12,
                    part_offset: None,
                };
                store.move_slot(who, s.id, Some(s.version), &to).map(drop)
            }
            _ => Ok(()),
        },
        PlanEdit::Remove { slot: i } => match slot(i) {
            Some(s) => store.remove_slot(who, s.id, Some(s.version)).map(drop),
            None => Ok(()),
        },
    };
}

#[derive(Debug, Clone)]
enum FlowEdit {
    Add {
        after: usize,
        name: usize,
        is_final: bool,
    },
    Retire {
        status: usize,
        retired: bool,
    },
    Allow {
        from: usize,
        to: usize,
        allowed: bool,
    },
    Start {
        status: usize,
    },
    Delete {
        status: usize,
    },
}

const NAMES: &[&str] = &[
    "Legal read", "Fact check", "Picture desk", "On hold", "Proofed",
];

fn flow_edit() -> impl Strategy<Value = FlowEdit> {
    prop_oneof![
        (0..12usize, 0..NAMES.len(), any::<bool>()).prop_map(|(after, name, is_final)| {
            FlowEdit::Add {
                after,
                name,
                is_final,
            }
        }),
        (0..12usize, any::<bool>())
            .prop_map(|(status, retired)| FlowEdit::Retire { status, retired }),
        (0..12usize, 0..12usize, any::<bool>()).prop_map(|(from, to, allowed)| FlowEdit::Allow {
            from,
            to,
            allowed
        }),
        (0..12usize).prop_map(|status| FlowEdit::Start { status }),
        (0..12usize).prop_map(|status| FlowEdit::Delete { status }),
    ]
}

fn apply_flow_edit(store: &mut Store, who: &Actor, p: PublicationId, edit: &FlowEdit) {
    let wf = store.workflow(p).unwrap();
    let at = |i: usize| wf.statuses[i % wf.statuses.len()].clone();
    let v = Some(wf.version);
    let _ = match edit.clone() {
        FlowEdit::Add {
            after,
            name,
            is_final,
        } => store.add_status(
            who,
            p,
            v,
            at(after).id,
            &StatusInput {
                label: NAMES[name].into(),
                colour: "slate".into(),
                is_final,
                is_spiked: false,
                receives_drafts: false,
                deadline: None,
            },
        ),
        FlowEdit::Retire { status, retired } => {
            store.set_status_retired(who, at(status).id, v, retired)
        }
        FlowEdit::Allow { from, to, allowed } => {
            store.set_move(who, at(from).id, at(to).id, v, allowed)
        }
        FlowEdit::Start { status } => store.set_initial_status(who, at(status).id, v),
        FlowEdit::Delete { status } => store.delete_status(who, at(status).id, v),
    };
}

/// One start among the live statuses, at least one final, and every live
/// status reachable from the start by allowed moves.
fn workflow_is_sound(wf: &Workflow) -> Result<(), String> {
    let live: Vec<_> = wf.statuses.iter().filter(|s| !s.retired).collect();
    let starts: Vec<_> = live.iter().filter(|s| s.is_initial).collect();
    if starts.len() != 1 {
        return Err(format!("{} start statuses", starts.len()));
    }
    if !live.iter().any(|s| s.is_final) {
        return Err("no final status".into());
    }
    let mut seen = BTreeSet::from([starts[0].id]);
    let mut queue = VecDeque::from([starts[0].id]);
    while let Some(at) = queue.pop_front() {
        for t in wf.transitions.iter().filter(|t| t.from == at) {
            if seen.insert(t.to) {
                queue.push_back(t.to);
            }
        }
    }
    match live.iter().find(|s| !seen.contains(&s.id)) {
        Some(s) => Err(format!("\"{}\" cannot be reached from the start", s.label)),
        None => Ok(()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_flatplan_edit_leaves_slots_overlapping_or_off_the_pages(
        edits in prop::collection::vec(plan_edit(), 1..25)
    ) {
        if masthead_pgtest::wanted() {
            return Ok(());
        }
        let (_dir, mut store) = fresh();
        let who = Actor::new("Tess").unwrap();
        let e = edition(&store);
        // The harness can change the plan: a valid edit goes through.
        let first = store.flatplan(e).unwrap().slots[0].clone();
        store.remove_slot(&who, first.id, Some(first.version)).unwrap();
        for edit in &edits {
            apply_plan_edit(&mut store, &who, e, edit);
            let report = store.check().unwrap();
            prop_assert!(report.is_clean(), "after {:?}: {:?}", edit, report.problems);
            let plan = store.flatplan(e).unwrap();
            for s in &plan.slots {
                prop_assert!(s.first_page >= 1 && s.last_page <= plan.page_count);
            }
        }
    }

    #[test]
    fn no_workflow_edit_leaves_it_without_a_start_or_with_a_status_out_of_reach(
        edits in prop::collection::vec(flow_edit(), 1..25)
    ) {
        if masthead_pgtest::wanted() {
            return Ok(());
        }
        let (_dir, mut store) = fresh();
        let who = Actor::new("Tess").unwrap();
        let p = store.find_publication(None).unwrap();
        // The harness can change the workflow: a valid edit goes through.
        let wf = store.workflow(p).unwrap();
        let start = wf.statuses.iter().find(|s| s.is_initial).unwrap().id;
        store
            .add_status(&who, p, Some(wf.version), start, &StatusInput {
                label: "Pitched".into(),
                colour: "slate".into(),
                is_final: false,
                is_spiked: false,
                receives_drafts: false,
                deadline: None,
            })
            .unwrap();
        for edit in &edits {
            apply_flow_edit(&mut store, &who, p, edit);
            let wf = store.workflow(p).unwrap();
            prop_assert!(workflow_is_sound(&wf).is_ok(), "after {:?}: {:?}", edit, workflow_is_sound(&wf));
            prop_assert!(store.check().unwrap().is_clean());
        }
    }
}
