//! A workflow each publication shapes: add, rename, recolour, reorder,
//! retire, delete, allowed moves and deadlines, with the rules that keep it
//! usable and a conflict for a stale edit.

use chrono::NaiveDate;
use masthead_core::Error;
use masthead_core::model::{
    ArticleInput, EditionInput, KeyDate, PublicationId, StatusDeadline, StatusId, StatusInput,
    Workflow,
};

use crate::{Fixture, edition_input, today};

fn input(label: &str) -> StatusInput {
    StatusInput {
        label: label.into(),
        colour: "amber".into(),
        is_final: false,
        is_spiked: false,
        receives_drafts: false,
        deadline: None,
    }
}

fn id(wf: &Workflow, label: &str) -> StatusId {
    wf.statuses
        .iter()
        .find(|s| s.label == label)
        .unwrap_or_else(|| panic!("no status {label}"))
        .id
}

fn moves_from(wf: &Workflow, label: &str) -> Vec<String> {
    let from = id(wf, label);
    wf.transitions
        .iter()
        .filter(|t| t.from == from)
        .map(|t| {
            wf.statuses
                .iter()
                .find(|s| s.id == t.to)
                .unwrap()
                .label
                .clone()
        })
        .collect()
}

fn setup() -> (Fixture, PublicationId, Workflow) {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let wf = f.store.workflow(p).unwrap();
    (f, p, wf)
}

#[test]
fn a_status_added_after_subbed_sits_between_subbed_and_approved_with_a_deadline() {
    let (mut f, p, wf) = setup();
    assert_eq!(wf.version, 1);
    let mut legal = input("Legal read");
    legal.deadline = Some(StatusDeadline {
        key_date: KeyDate::SubbingDeadline,
        days_before: 2,
    });
    let wf2 = f
        .store
        .add_status(&f.actor, p, Some(wf.version), id(&wf, "Subbed"), &legal)
        .unwrap();
    assert_eq!(wf2.version, 2);
    let labels: Vec<&str> = wf2.statuses.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Idea", "Commissioned", "Draft received", "In edit", "Subbed", "Legal read",
            "Approved", "Laid out", "Published", "Spiked"
        ]
    );
    let pos = |l: &str| wf2.statuses.iter().position(|s| s.label == l).unwrap();
    assert_eq!(pos("Legal read"), pos("Subbed") + 1);
    assert_eq!(
        moves_from(&wf2, "Subbed"),
        ["In edit", "Legal read", "Spiked"]
    );
    assert_eq!(moves_from(&wf2, "Legal read"), ["Approved", "Spiked"]);
    let s = wf2
        .statuses
        .iter()
        .find(|s| s.label == "Legal read")
        .unwrap();
    assert_eq!(s.key, "legal_read");
    assert_eq!(
        s.deadline.unwrap().to_string(),
        "2 days before the subbing deadline"
    );

    // A stale edit of the workflow is a conflict naming what changed.
    let e = f.refused("conflict", |st, a| {
        st.update_status(a, id(&wf, "Idea"), Some(wf.version), &input("Pitch"))
    });
    match e {
        Error::Conflict(c) => {
            assert_eq!(c.entity, "workflow");
            assert!(
                c.changes
                    .iter()
                    .any(|h| h.text == "added the status “Legal read”"),
                "{:?}",
                c.changes
            );
        }
        other => panic!("{other}"),
    }
    // Two statuses cannot share a name.
    f.refused("duplicate", |st, a| {
        st.add_status(a, p, None, id(&wf2, "Idea"), &input("legal-read"))
    });
}

#[test]
fn a_piece_moves_only_as_the_workflow_allows_and_the_refusal_names_the_allowed_moves() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let piece = f
        .store
        .find_article(Some(edition), "Keep communities at the heart of planning")
        .unwrap();
    let p = f.store.edition(edition).unwrap().publication_id;
    let to = f.store.find_status(p, "Published").unwrap();
    let e = f.refused("transition_not_allowed", |s, a| {
        s.change_status(a, piece, None, to)
    });
    let text = e.to_string();
    for allowed in ["In edit", "Approved", "Spiked"] {
        assert!(text.contains(allowed), "{text}");
    }
    // Allow it, and the same move goes through.
    let wf = f.store.workflow(p).unwrap();
    let subbed = f.store.find_status(p, "Subbed").unwrap();
    f.store
        .set_move(&f.actor, subbed, to, Some(wf.version), true)
        .unwrap();
    let moved = f.store.change_status(&f.actor, piece, None, to).unwrap();
    assert_eq!(moved.status_label, "Published");
}

#[test]
fn a_status_in_use_is_retired_not_deleted_and_keeps_its_pieces_until_they_move_on() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let p = f.store.edition(edition).unwrap().publication_id;
    let piece = f
        .store
        .find_article(Some(edition), "Keep communities at the heart of planning")
        .unwrap();
    let subbed = f.store.find_status(p, "Subbed").unwrap();
    let e = f.refused("status_in_use", |s, a| s.delete_status(a, subbed, None));
    assert!(e.to_string().contains("Retire it instead"), "{e}");

    // Retiring Subbed would strand Approved and what follows: refused.
    let e = f.refused("workflow_unreachable", |s, a| {
        s.set_status_retired(a, subbed, None, true)
    });
    assert!(e.to_string().contains("\"Approved\""), "{e}");
    // With a way round it, it retires; the piece stays and can move on.
    let in_edit = f.store.find_status(p, "In edit").unwrap();
    let approved = f.store.find_status(p, "Approved").unwrap();
    f.store
        .set_move(&f.actor, in_edit, approved, None, true)
        .unwrap();
    let wf = f
        .store
        .set_status_retired(&f.actor, subbed, None, true)
        .unwrap();
    assert!(wf.statuses.iter().find(|s| s.id == subbed).unwrap().retired);
    let detail = f.store.article_detail(piece, today()).unwrap();
    assert_eq!(detail.article.status_label, "Subbed");
    let next: Vec<&str> = detail
        .next_statuses
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(next, ["In edit", "Approved", "Spiked"]);
    // Nothing new moves into a retired status.
    let idea = f
        .store
        .find_article(Some(edition), "Leeds to sign memoranda with Lille and Brno")
        .unwrap();
    f.refused("transition_not_allowed", |s, a| {
        s.change_status(a, idea, None, subbed)
    });
    f.store
        .change_status(&f.actor, piece, None, approved)
        .unwrap();

    // A status nobody ever used can be deleted.
    let wf = f.store.workflow(p).unwrap();
    let wf = f
        .store
        .add_status(&f.actor, p, None, id(&wf, "Approved"), &input("Proofed"))
        .unwrap();
    let proofed = id(&wf, "Proofed");
    let wf = f.store.delete_status(&f.actor, proofed, None).unwrap();
    assert!(!wf.statuses.iter().any(|s| s.label == "Proofed"));
    assert!(
        !wf.transitions
            .iter()
            .any(|t| t.from == proofed || t.to == proofed)
    );
    assert_eq!(
        moves_from(&wf, "Approved"),
        ["In edit", "Laid out", "Spiked"]
    );
}

#[test]
fn a_workflow_keeps_one_start_and_a_final_status() {
    let (mut f, _, wf) = setup();
    let idea = id(&wf, "Idea");
    f.refused("status_initial", |s, a| {
        s.set_status_retired(a, idea, None, true)
    });
    let published = id(&wf, "Published");
    let mut not_final = input("Published");
    not_final.colour = "deep-green".into();
    not_final.is_final = false;
    let e = f.refused("workflow_no_final", |s, a| {
        s.update_status(a, published, None, &not_final)
    });
    assert!(e.to_string().contains("final"), "{e}");
    // The start can move, but not to the end.
    f.refused("status_initial_kind", |s, a| {
        s.set_initial_status(a, published, None)
    });
    // Stopping the only move out of Idea strands the rest.
    let commissioned = id(&wf, "Commissioned");
    let spiked = id(&wf, "Spiked");
    f.store
        .set_move(&f.actor, idea, spiked, None, false)
        .unwrap();
    f.refused("workflow_unreachable", |s, a| {
        s.set_move(a, idea, commissioned, None, false)
    });
    let bad_colour = StatusInput {
        colour: "puce".into(),
        ..input("Idea")
    };
    f.refused("colour_unknown", |s, a| {
        s.update_status(a, idea, None, &bad_colour)
    });
}

#[test]
fn rename_recolour_reorder_and_deadlines_are_recorded_in_the_workflow_history() {
    let (mut f, p, wf) = setup();
    let dr = id(&wf, "Draft received");
    let mut changed = StatusInput::from(wf.statuses.iter().find(|s| s.id == dr).unwrap());
    changed.label = "Copy in".into();
    changed.colour = "sky".into();
    changed.deadline = Some(StatusDeadline {
        key_date: KeyDate::CopyDeadline,
        days_before: 7,
    });
    let wf = f.store.update_status(&f.actor, dr, None, &changed).unwrap();
    let s = wf.statuses.iter().find(|s| s.id == dr).unwrap();
    assert_eq!(
        (
            s.label.as_str(),
            s.colour.as_str(),
            s.deadline.unwrap().days_before
        ),
        ("Copy in", "sky", 7)
    );
    let wf = f.store.reorder_status(&f.actor, dr, None, 0).unwrap();
    assert_eq!(wf.statuses[0].label, "Copy in");
    assert_eq!(
        wf.statuses.iter().map(|s| s.position).collect::<Vec<_>>(),
        (0..wf.statuses.len() as u32).collect::<Vec<_>>()
    );
    let history = f.store.history_of(&p.to_string()).unwrap();
    let texts: Vec<&str> = history
        .iter()
        .filter(|h| h.entity == "workflow")
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "renamed the status “Draft received” to “Copy in”",
            "changed the colour of “Draft received” from amber to sky",
            "changed the deadline of “Draft received” from on the copy deadline to 7 days before the copy deadline",
            "moved the status “Copy in” from place 3 to 1",
        ]
    );
    // Pieces' deadlines follow at once: nothing is typed per piece.
    f.store.reorder_status(&f.actor, dr, None, 2).unwrap();
    let e = f
        .store
        .create_edition(
            &f.actor,
            p,
            &EditionInput {
                copy_deadline: NaiveDate::from_ymd_opt(2021, 5, 7),
                ..edition_input("Jun/Jul 21")
            },
        )
        .unwrap()
        .item
        .id;
    let piece = f
        .store
        .add_article(
            &f.actor,
            e,
            &ArticleInput {
                title: "Heat pumps".into(),
                standfirst: String::new(),
                section_id: None,
                kind_id: f.store.find_kind(p, "feature").unwrap(),
                word_target: None,
                notes: String::new(),
            },
        )
        .unwrap()
        .id;
    let deadline = |f: &Fixture| {
        f.store
            .article_detail(piece, today())
            .unwrap()
            .deadline
            .unwrap()
    };
    assert_eq!(
        (deadline(&f).date, deadline(&f).status_label.clone()),
        (
            NaiveDate::from_ymd_opt(2021, 4, 30).unwrap(),
            "Copy in".to_owned()
        ),
        "copy deadline − 7 days"
    );
    let mut later = changed.clone();
    later.deadline = Some(StatusDeadline {
        key_date: KeyDate::CopyDeadline,
        days_before: 2,
    });
    f.store.update_status(&f.actor, dr, None, &later).unwrap();
    assert_eq!(
        deadline(&f).date,
        NaiveDate::from_ymd_opt(2021, 5, 5).unwrap()
    );
}

#[test]
fn every_move_a_change_rewires_is_in_the_history() {
    let (mut f, p, wf) = setup();
    f.store
        .add_status(&f.actor, p, None, id(&wf, "Subbed"), &input("Legal read"))
        .unwrap();
    let texts: Vec<String> = f
        .store
        .history_of(&p.to_string())
        .unwrap()
        .into_iter()
        .filter(|h| h.entity == "workflow")
        .map(|h| h.text)
        .collect();
    for expected in [
        "added the status “Legal read”",
        "stopped moves from Subbed to Approved",
        "allowed moves from Subbed to Legal read",
        "allowed moves from Legal read to Approved",
        "allowed moves from Legal read to Spiked",
    ] {
        assert!(texts.iter().any(|t| t == expected), "{expected}: {texts:?}");
    }
}

#[test]
fn deleting_an_unused_spiked_status_adds_no_moves_and_nothing_moves_into_a_retired_one() {
    let (mut f, _, wf) = setup();
    let before = wf.transitions.len();
    let spiked = id(&wf, "Spiked");
    let wf2 = f.store.delete_status(&f.actor, spiked, None).unwrap();
    let into_spiked = wf
        .transitions
        .iter()
        .filter(|t| t.to == spiked || t.from == spiked)
        .count();
    assert_eq!(
        wf2.transitions.len(),
        before - into_spiked,
        "no move was invented"
    );

    let approved = id(&wf2, "Approved");
    let idea = id(&wf2, "Idea");
    let in_edit = id(&wf2, "In edit");
    f.store
        .set_move(&f.actor, in_edit, id(&wf2, "Laid out"), None, true)
        .unwrap();
    f.store
        .set_status_retired(&f.actor, approved, None, true)
        .unwrap();
    f.refused("status_retired", |s, a| {
        s.set_move(a, idea, approved, None, true)
    });
    f.refused("status_retired", |s, a| {
        s.add_status(a, p_of(s, idea), None, approved, &input("Proof"))
    });
    // The start cannot be made final.
    let mut idea_final = input("Idea");
    idea_final.colour = "slate".into();
    idea_final.is_final = true;
    f.refused("workflow_start_final", |s, a| {
        s.update_status(a, idea, None, &idea_final)
    });
}

fn p_of(s: &masthead_core::Store, status: StatusId) -> PublicationId {
    s.list_publications()
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .find(|p| {
            s.workflow(*p)
                .unwrap()
                .statuses
                .iter()
                .any(|x| x.id == status)
        })
        .unwrap()
}
