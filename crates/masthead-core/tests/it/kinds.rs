//! Kinds of piece are a per-publication list: add, rename, retire.

use masthead_core::model::ArticleInput;

use crate::{Fixture, edition_input};

#[test]
fn a_new_kind_is_one_step_and_pieces_can_have_it_at_once() {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let defaults: Vec<_> = f
        .store
        .list_kinds(p, false)
        .unwrap()
        .into_iter()
        .map(|k| k.label)
        .collect();
    assert_eq!(
        defaults,
        [
            "News", "Feature", "Opinion", "Interview", "Case study", "Partner content",
            "Competition", "Survey", "Video"
        ]
    );
    let white = f.store.add_kind(&f.actor, p, "  White paper ").unwrap();
    assert_eq!(
        (white.key.as_str(), white.label.as_str()),
        ("white_paper", "White paper")
    );
    let e = f
        .store
        .create_edition(&f.actor, p, &edition_input("Jun/Jul 21"))
        .unwrap()
        .item
        .id;
    let a = f
        .store
        .add_article(
            &f.actor,
            e,
            &ArticleInput {
                title: "Net zero by design".into(),
                standfirst: String::new(),
                section_id: None,
                kind_id: f.store.find_kind(p, "white paper").unwrap(),
                word_target: None,
                notes: String::new(),
            },
        )
        .unwrap();
    assert_eq!(
        (a.kind.as_str(), a.kind_label.as_str()),
        ("white_paper", "White paper")
    );

    // Renamed: the key and the pieces stay.
    let renamed = f
        .store
        .rename_kind(&f.actor, white.id, Some(white.version), "White papers")
        .unwrap();
    assert_eq!(renamed.key, "white_paper");
    assert_eq!(f.store.article(a.id).unwrap().kind_label, "White papers");

    // Retired: kept by the piece, refused for new ones, back when restored.
    let retired = f
        .store
        .set_kind_retired(&f.actor, white.id, Some(renamed.version), true)
        .unwrap();
    assert!(retired.retired);
    assert!(
        !f.store
            .list_kinds(p, false)
            .unwrap()
            .iter()
            .any(|k| k.id == white.id)
    );
    assert_eq!(f.store.article(a.id).unwrap().kind, "white_paper");
    let mut input = ArticleInput::from(&f.store.article(a.id).unwrap());
    input.notes = "still a white paper".into();
    f.store
        .update_article(&f.actor, a.id, None, &input)
        .unwrap();
    let err = f.refused("kind_retired", |s, who| {
        s.add_article(
            who,
            e,
            &ArticleInput {
                title: "Another".into(),
                ..input.clone()
            },
        )
    });
    assert!(err.to_string().contains("restore it in Settings"), "{err}");
    f.store
        .set_kind_retired(&f.actor, white.id, None, false)
        .unwrap();
    let history = f.store.history_of(&white.id.to_string()).unwrap();
    let texts: Vec<_> = history.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "created it",
            "changed the name from “White paper” to “White papers”",
            "retired it",
            "brought it back"
        ]
    );
}

#[test]
fn kind_names_are_unique_per_publication() {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let other = f.publication("Other title");
    f.refused("duplicate", |s, who| s.add_kind(who, p, "case-study"));
    f.refused("name_required", |s, who| s.add_kind(who, p, "   "))
        .field()
        .expect("names the field");
    f.store.add_kind(&f.actor, p, "Roundtable").unwrap();
    f.store.add_kind(&f.actor, other, "Roundtable").unwrap();
    let news = f.store.find_kind(p, "news").unwrap();
    f.refused("duplicate", |s, who| {
        s.rename_kind(who, news, None, "Roundtable")
    });
}
