//! Lost updates are refused: every update and status move carries the
//! version the user saw, and a stale one is a `conflict` that names who
//! changed what since, with nothing written.

use masthead_core::model::{ArticleInput, EditionInput};
use masthead_core::{Actor, Error};

use crate::{Fixture, edition_input};

fn demo() -> (Fixture, masthead_core::model::ArticleId) {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let id = f
        .store
        .find_article(Some(edition), "Keep communities at the heart of planning")
        .unwrap();
    (f, id)
}

fn conflict_of(e: Error) -> masthead_core::model::Conflict {
    match e {
        Error::Conflict(c) => *c,
        other => panic!("expected a conflict, got {other}"),
    }
}

#[test]
fn a_stale_article_save_is_refused_naming_who_changed_what() {
    let (mut f, id) = demo();
    let seen = f.store.article(id).unwrap();
    let jane = Actor::new("Jane Sub").unwrap();
    let mut theirs = ArticleInput::from(&seen);
    theirs.title = "Communities at the heart of planning".into();
    theirs.word_target = Some(1500);
    f.store
        .update_article(&jane, id, Some(seen.version), &theirs)
        .unwrap();

    let mut mine = ArticleInput::from(&seen);
    mine.standfirst = "My standfirst".into();
    let err = f.refused("conflict", |s, who| {
        s.update_article(who, id, Some(seen.version), &mine)
    });
    let message = err.to_string();
    assert!(message.contains("after you opened it"), "{message}");
    assert!(message.contains("Jane Sub"), "{message}");
    assert!(message.contains("title, word target"), "{message}");
    let c = conflict_of(err);
    assert_eq!(
        (c.seen_version, c.current_version),
        (seen.version, seen.version + 1)
    );
    assert_eq!(c.entity, "article");
    assert_eq!(c.name, "Communities at the heart of planning");
    let fields: Vec<_> = c
        .changes
        .iter()
        .map(|h| h.field.as_deref().unwrap())
        .collect();
    assert_eq!(fields, ["title", "word_target"]);
    assert!(c.changes.iter().all(|h| h.actor == "Jane Sub"));
    // Theirs stands.
    assert_eq!(
        f.store.article(id).unwrap().title,
        "Communities at the heart of planning"
    );

    // "Keep mine": the app puts the fields this user changed on top of the
    // version now current and saves from it; theirs stay, and both saves
    // are in the history.
    let now = f.store.article(id).unwrap();
    let mut merged = ArticleInput::from(&now);
    merged.standfirst = mine.standfirst.clone();
    let kept = f
        .store
        .update_article(&f.actor, id, Some(now.version), &merged)
        .unwrap();
    assert_eq!(kept.standfirst, "My standfirst");
    assert_eq!(kept.title, "Communities at the heart of planning");
    assert_eq!(kept.word_target, Some(1500));
    assert_eq!(kept.version, now.version + 1);
    let actors: Vec<_> = f
        .store
        .history_of(&id.to_string())
        .unwrap()
        .into_iter()
        .filter(|h| h.action == "updated")
        .map(|h| (h.actor, h.field.unwrap()))
        .collect();
    assert_eq!(
        actors,
        [
            ("Jane Sub".to_string(), "title".to_string()),
            ("Jane Sub".into(), "word_target".into()),
            ("Tess Editor".into(), "standfirst".into())
        ]
    );
}

#[test]
fn a_stale_status_move_is_refused_and_the_piece_stays_where_it_is() {
    let (mut f, id) = demo();
    let seen = f.store.article(id).unwrap();
    assert_eq!(seen.status_label, "Subbed");
    let approved = f.store.find_status_for(id, "Approved").unwrap();
    let spiked = f.store.find_status_for(id, "Spiked").unwrap();
    let jane = Actor::new("Jane Sub").unwrap();
    f.store
        .change_status(&jane, id, Some(seen.version), approved.id)
        .unwrap();
    // A screen opened before that move still offers Spiked: refused.
    let err = f.refused("conflict", |s, who| {
        s.change_status(who, id, Some(seen.version), spiked.id)
    });
    let c = conflict_of(err);
    assert_eq!(c.changes.len(), 1);
    assert_eq!(c.changes[0].action, "status");
    assert_eq!(c.changes[0].new_value.as_deref(), Some("Approved"));
    assert_eq!(
        c.changes[0].new_ref.as_deref(),
        Some(approved.id.to_string().as_str())
    );
    assert_eq!(f.store.article(id).unwrap().status_label, "Approved");
}

#[test]
fn stale_edition_section_and_kind_saves_are_refused() {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let jane = Actor::new("Jane Sub").unwrap();

    let e = f
        .store
        .create_edition(&f.actor, p, &edition_input("Feb/Mar 21"))
        .unwrap()
        .item;
    let theirs = EditionInput {
        theme: "Levelling up".into(),
        ..EditionInput::from(&e)
    };
    f.store
        .update_edition(&jane, e.id, Some(e.version), &theirs)
        .unwrap();
    let mine = EditionInput {
        page_count: 72,
        ..EditionInput::from(&e)
    };
    let err = f.refused("conflict", |s, who| {
        s.update_edition(who, e.id, Some(e.version), &mine)
    });
    assert!(err.to_string().contains("theme"), "{err}");

    let news = f.store.list_sections(p).unwrap()[0].clone();
    f.store
        .rename_section(&jane, news.id, Some(news.version), "Latest")
        .unwrap();
    f.refused("conflict", |s, who| {
        s.rename_section(who, news.id, Some(news.version), "Headlines")
    });
    assert_eq!(f.store.section(news.id).unwrap().name, "Latest");

    let kind = f.store.add_kind(&f.actor, p, "White paper").unwrap();
    f.store
        .rename_kind(&jane, kind.id, Some(kind.version), "White papers")
        .unwrap();
    f.refused("conflict", |s, who| {
        s.set_kind_retired(who, kind.id, Some(kind.version), true)
    });
}

#[test]
fn undo_is_a_save_from_the_version_after_the_save() {
    let (mut f, id) = demo();
    let before = f.store.article(id).unwrap();
    let mut changed = ArticleInput::from(&before);
    changed.title = "New title".into();
    let saved = f
        .store
        .update_article(&f.actor, id, Some(before.version), &changed)
        .unwrap();
    // Nobody else changed it: undo restores the old values.
    let undone = f
        .store
        .update_article(
            &f.actor,
            id,
            Some(saved.version),
            &ArticleInput::from(&before),
        )
        .unwrap();
    assert_eq!(undone.title, before.title);
    // After someone else's change, the same undo is a conflict.
    let again = f
        .store
        .update_article(&f.actor, id, Some(undone.version), &changed)
        .unwrap();
    let jane = Actor::new("Jane Sub").unwrap();
    let mut theirs = ArticleInput::from(&again);
    theirs.notes = "Check the quotes".into();
    f.store
        .update_article(&jane, id, Some(again.version), &theirs)
        .unwrap();
    f.refused("conflict", |s, who| {
        s.update_article(who, id, Some(again.version), &ArticleInput::from(&undone))
    });
}

#[test]
fn a_save_that_changes_nothing_writes_nothing() {
    let (mut f, id) = demo();
    let a = f.store.article(id).unwrap();
    let before = f.snapshot();
    let same = f
        .store
        .update_article(&f.actor, id, Some(a.version), &ArticleInput::from(&a))
        .unwrap();
    assert_eq!(same.version, a.version);
    assert_eq!(f.snapshot(), before);
}
