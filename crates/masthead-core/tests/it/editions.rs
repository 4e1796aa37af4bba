use chrono::NaiveDate;
use masthead_core::model::{EditionInput, PublicationId, PublicationInput};

use crate::{Fixture, edition_input};

fn d(text: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
}

fn full_input() -> EditionInput {
    EditionInput {
        name: "Feb/Mar 21".into(),
        theme: "The ingredients for levelling up".into(),
        focus_topics: vec![
            "Housing".into(),
            " Health and social care ".into(),
            "housing".into(),
            "".into(),
        ],
        cover_date: d("2021-02-01"),
        page_count: 68,
        commissioning_closes: d("2020-12-11"),
        copy_deadline: d("2021-01-08"),
        subbing_deadline: d("2021-01-15"),
        press_date: d("2021-01-22"),
        on_sale_date: d("2021-02-01"),
        notes: "".into(),
    }
}

#[test]
fn an_edition_is_created_with_every_field_and_its_history() {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let saved = f.store.create_edition(&f.actor, p, &full_input()).unwrap();
    assert!(saved.warnings.is_empty());
    let e = saved.item;
    assert_eq!(e.name, "Feb/Mar 21");
    assert_eq!(e.publication, "PSE");
    // Topics are trimmed, blank ones dropped, duplicates (any case) merged.
    assert_eq!(e.focus_topics, vec!["Housing", "Health and social care"]);
    assert_eq!(e.press_date, d("2021-01-22"));
    assert_eq!(e.version, 1);
    assert_eq!(f.store.list_editions(Some(p)).unwrap(), vec![e.clone()]);
    let history = f.store.history_of(&e.id.to_string()).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].action.as_str(), history[0].actor.as_str()),
        ("created", "Tess Editor")
    );
}

#[test]
fn an_update_records_each_changed_field_with_who_and_when() {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let e = f
        .store
        .create_edition(&f.actor, p, &full_input())
        .unwrap()
        .item;
    let mut input = EditionInput::from(&e);
    input.page_count = 72;
    input.press_date = d("2021-01-25");
    input.theme = "Levelling up".into();
    let editor = masthead_core::Actor::new("Sam Sub").unwrap();
    let updated = f
        .store
        .update_edition(&editor, e.id, None, &input)
        .unwrap()
        .item;
    assert_eq!((updated.page_count, updated.version), (72, 2));

    let history = f.store.edition_history(e.id).unwrap();
    let changes: Vec<_> = history
        .iter()
        .filter(|h| h.action == "updated")
        .map(|h| {
            (
                h.field.clone().unwrap(),
                h.old_value.clone(),
                h.new_value.clone(),
                h.actor.clone(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            (
                "theme".into(),
                Some("The ingredients for levelling up".into()),
                Some("Levelling up".into()),
                "Sam Sub".into()
            ),
            (
                "page_count".into(),
                Some("68".into()),
                Some("72".into()),
                "Sam Sub".into()
            ),
            (
                "press_date".into(),
                Some("2021-01-22".into()),
                Some("2021-01-25".into()),
                "Sam Sub".into()
            ),
        ]
    );
    // Saving with no change writes nothing.
    f.store.update_edition(&editor, e.id, None, &input).unwrap();
    assert_eq!(
        f.store.history_of(&e.id.to_string()).unwrap().len(),
        history.len()
    );
    assert_eq!(f.store.edition(e.id).unwrap().version, 2);
}

/// Data-driven: each bad input, the code it must give, and the field.
#[test]
fn bad_edition_input_is_refused_with_a_clear_error_and_no_change() {
    type Case = (
        &'static str,
        Box<dyn Fn(&mut EditionInput)>,
        &'static str,
        Option<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            "empty name",
            Box::new(|i| i.name = "   ".into()),
            "name_required",
            Some("name"),
        ),
        (
            "long name",
            Box::new(|i| i.name = "x".repeat(81)),
            "name_too_long",
            Some("name"),
        ),
        (
            "zero pages",
            Box::new(|i| i.page_count = 0),
            "page_count_not_positive",
            Some("page_count"),
        ),
        (
            "absurd pages",
            Box::new(|i| i.page_count = 5000),
            "page_count_too_large",
            Some("page_count"),
        ),
        (
            "press after on-sale",
            Box::new(|i| i.press_date = d("2021-02-05")),
            "key_dates_out_of_order",
            Some("on_sale_date"),
        ),
        (
            "copy after subbing",
            Box::new(|i| i.copy_deadline = d("2021-01-16")),
            "key_dates_out_of_order",
            Some("subbing_deadline"),
        ),
        (
            "commissioning after subbing",
            Box::new(|i| {
                i.commissioning_closes = d("2021-01-16");
                i.copy_deadline = None;
            }),
            "key_dates_out_of_order",
            Some("subbing_deadline"),
        ),
        (
            "long theme",
            Box::new(|i| i.theme = "t".repeat(201)),
            "theme_too_long",
            Some("theme"),
        ),
        (
            "too many topics",
            Box::new(|i| i.focus_topics = (0..21).map(|n| format!("topic {n}")).collect()),
            "focus_topics_too_many",
            Some("focus_topics"),
        ),
    ];
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let existing = f
        .store
        .create_edition(&f.actor, p, &edition_input("Existing"))
        .unwrap()
        .item;
    for (what, change, code, field) in cases {
        let mut input = full_input();
        change(&mut input);
        let err = f.refused(code, |s, a| s.create_edition(a, p, &input));
        assert_eq!(err.field(), field, "{what}");
        let err = f.refused(code, |s, a| s.update_edition(a, existing.id, None, &input));
        assert_eq!(err.field(), field, "{what} (update)");
    }
}

#[test]
fn dates_out_of_order_are_named_in_the_message() {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let mut input = full_input();
    input.press_date = d("2021-02-05");
    let err = f.refused("key_dates_out_of_order", |s, a| {
        s.create_edition(a, p, &input)
    });
    assert_eq!(
        err.to_string(),
        "The press date (5 Feb 2021) is after the on-sale date (1 Feb 2021). Key dates must run in order: commissioning close, copy deadline, subbing deadline, press date, on-sale date."
    );
}

#[test]
fn edition_names_are_unique_within_a_publication_only() {
    let mut f = Fixture::new();
    let pse = f.publication("PSE");
    let other = f.publication("Other Title");
    f.store
        .create_edition(&f.actor, pse, &edition_input("Feb/Mar 21"))
        .unwrap();
    let err = f.refused("duplicate", |s, a| {
        s.create_edition(a, pse, &edition_input("feb/mar 21"))
    });
    assert_eq!(err.field(), Some("name"));
    assert!(
        err.to_string().contains("already has an edition called"),
        "{err}"
    );
    // The same name in another publication is fine.
    f.store
        .create_edition(&f.actor, other, &edition_input("Feb/Mar 21"))
        .unwrap();
    // Renaming onto a taken name is refused too.
    let second = f
        .store
        .create_edition(&f.actor, pse, &edition_input("Apr/May 21"))
        .unwrap()
        .item;
    let mut rename = EditionInput::from(&second);
    rename.name = "Feb/Mar 21".into();
    f.refused("duplicate", |s, a| {
        s.update_edition(a, second.id, None, &rename)
    });
}

#[test]
fn a_print_page_count_that_is_not_a_multiple_of_four_warns_but_saves() {
    let mut f = Fixture::new();
    let print = f.publication("PSE");
    let mut input = edition_input("Odd");
    input.page_count = 66;
    let saved = f.store.create_edition(&f.actor, print, &input).unwrap();
    assert_eq!(saved.item.page_count, 66);
    assert_eq!(saved.warnings.len(), 1);
    assert_eq!(saved.warnings[0].code, "page_count_not_multiple_of_4");
    assert!(
        saved.warnings[0].message.contains("64 or 68"),
        "{}",
        saved.warnings[0].message
    );

    let web = f
        .store
        .create_publication(
            &f.actor,
            &PublicationInput {
                name: "PSE Online".into(),
                frequency: String::new(),
                is_print: false,
            },
        )
        .unwrap()
        .id;
    assert!(
        f.store
            .create_edition(&f.actor, web, &input)
            .unwrap()
            .warnings
            .is_empty()
    );
}

#[test]
fn unknown_ids_are_not_found() {
    let mut f = Fixture::new();
    let ghost = PublicationId::parse("01890000-0000-7000-8000-000000000000").unwrap();
    f.refused("not_found", |s, a| {
        s.create_edition(a, ghost, &edition_input("X"))
    });
    let ghost_edition =
        masthead_core::model::EditionId::parse("01890000-0000-7000-8000-000000000001").unwrap();
    f.refused("not_found", |s, a| {
        s.update_edition(a, ghost_edition, None, &edition_input("X"))
    });
    assert_eq!(
        f.store.edition_history(ghost_edition).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn editions_are_found_by_name_or_id() {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let e = f
        .store
        .create_edition(&f.actor, p, &edition_input("Feb/Mar 21"))
        .unwrap()
        .item;
    assert_eq!(f.store.find_edition(None, "feb/mar 21").unwrap(), e.id);
    assert_eq!(f.store.find_edition(None, &e.id.to_string()).unwrap(), e.id);
    assert_eq!(
        f.store.find_edition(None, "Nope").unwrap_err().code(),
        "not_found"
    );
    let other = f.publication("Other");
    f.store
        .create_edition(&f.actor, other, &edition_input("Feb/Mar 21"))
        .unwrap();
    let err = f.store.find_edition(None, "Feb/Mar 21").unwrap_err();
    assert_eq!(err.code(), "ambiguous");
    assert!(err.to_string().contains(&e.id.to_string()), "{err}");
    assert_eq!(f.store.find_edition(Some(p), "Feb/Mar 21").unwrap(), e.id);
}

/// An edition's counts of pieces and spiked pieces come from counts the
/// store keeps as pieces come, move, are spiked, go to the trash and come
/// back; they always equal the pieces themselves, and `check` agrees.
#[test]
fn an_editions_counts_follow_its_pieces_through_moves_and_the_trash() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let publication = f.store.edition(edition).unwrap().publication_id;
    let counted = |f: &Fixture| {
        let e = f.store.edition(edition).unwrap();
        let listed = f.store.list_articles(edition, crate::today()).unwrap();
        let spiked = listed.iter().filter(|a| a.status_is_spiked).count() as u32;
        assert_eq!(
            (e.article_count, e.spiked_count),
            (listed.len() as u32 - spiked, spiked),
            "the counts are the pieces'"
        );
        assert!(f.store.check().unwrap().is_clean());
        (e.article_count, e.spiked_count)
    };
    let (pieces, spiked) = counted(&f);
    assert!(pieces > 0 && spiked > 0, "the demo has both");

    let kind = f.store.find_kind(publication, "feature").unwrap();
    let new = f
        .store
        .add_article(
            &f.actor,
            edition,
            &masthead_core::model::ArticleInput {
                title: "Counted".into(),
                standfirst: String::new(),
                section_id: None,
                kind_id: kind,
                word_target: None,
                notes: String::new(),
            },
        )
        .unwrap();
    assert_eq!(counted(&f), (pieces + 1, spiked));

    let spike = f.store.find_status_for(new.id, "Spiked").unwrap().id;
    f.store
        .change_status(&f.actor, new.id, None, spike)
        .unwrap();
    assert_eq!(counted(&f), (pieces, spiked + 1));

    let binned = f.store.delete_article(&f.actor, new.id, None).unwrap().item;
    assert_eq!(counted(&f), (pieces, spiked));
    f.store.restore_from_trash(&f.actor, binned.id).unwrap();
    assert_eq!(counted(&f), (pieces, spiked + 1));

    // Counts changed behind the store's back: check says which.
    let tamper = "UPDATE edition_status_counts SET pieces = pieces + 2
                   WHERE status_id = (SELECT status_id FROM articles WHERE title = 'Counted')";
    f.behind_the_stores_back(tamper);
    let report = f.store.check().unwrap();
    let off: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.code == "edition_count_off")
        .map(|p| p.problem.as_str())
        .collect();
    assert_eq!(off.len(), 1, "{:?}", report.problems);
    assert!(
        off[0].contains("counts") && off[0].contains("Spiked"),
        "{off:?}"
    );
    // The repair counts them again (on a server, as its owner: the test's
    // login), under the server's lock.
    let done = f.store.repair().unwrap();
    assert!(done.iter().any(|d| d.contains("counted")), "{done:?}");
    assert_eq!(counted(&f), (pieces, spiked + 1));
}
