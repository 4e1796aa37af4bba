//! The flatplan: the demo's full plan, placing and moving slots without
//! overlap, adverts of their size, spiked pieces leaving, page counts.

use masthead_core::Error;
use masthead_core::model::{
    AdvertInput, AdvertSize, AdvertState, ArticleId, EditionId, EditionInput, Placement,
};

use crate::Fixture;

fn pages(first: u32, last: u32) -> Placement {
    Placement {
        first_page: first,
        last_page: last,
        part_units: 12,
        part_offset: None,
    }
}

fn part(page: u32, units: u32, offset: Option<u32>) -> Placement {
    Placement {
        first_page: page,
        last_page: page,
        part_units: units,
        part_offset: offset,
    }
}

fn demo() -> (Fixture, EditionId) {
    let mut f = Fixture::new();
    let e = f.store.load_demo(&f.actor).unwrap();
    (f, e)
}

fn piece(f: &Fixture, e: EditionId, title: &str) -> ArticleId {
    f.store.find_article(Some(e), title).unwrap()
}

#[test]
fn the_demo_edition_has_a_full_flatplan_with_covers_adverts_and_pieces() {
    let (f, e) = demo();
    let plan = f.store.flatplan(e).unwrap();
    assert_eq!(plan.page_count, 68);
    assert_eq!(plan.pages.len(), 68);
    assert_eq!(plan.pages[0].name.as_deref(), Some("Front cover"));
    assert_eq!(plan.pages[67].name.as_deref(), Some("Outside back cover"));
    let on = |page: usize| -> Vec<String> {
        plan.pages[page - 1]
            .slots
            .iter()
            .map(|id| {
                plan.slots
                    .iter()
                    .find(|s| s.id == *id)
                    .unwrap()
                    .label
                    .clone()
            })
            .collect()
    };
    assert_eq!(on(68), ["CivicTech Solutions"]);
    assert_eq!(on(13), ["Keep communities at the heart of planning"]);
    assert_eq!(
        on(7),
        [
            "Leeds to sign memoranda with Lille and Brno",
            "Local Government Pensions"
        ]
    );
    assert_eq!(plan.pages[6].free_units, 0);
    // Sixteen full pages, two spreads, three halves and a quarter.
    assert_eq!(plan.budget.advertising, 21.75);
    assert_eq!(plan.budget.editorial, 20.0, "{:?}", plan.budget);
    assert!(
        (plan.budget.free - (68.0 - plan.budget.editorial - plan.budget.advertising)).abs() < 1e-9
    );
    // The spiked piece is not offered for placing.
    assert!(
        !plan
            .unplaced_articles
            .iter()
            .any(|a| a.title == "Ten lessons from lockdown")
    );
    let status = plan
        .slots
        .iter()
        .find(|s| s.label == "Keep communities at the heart of planning")
        .unwrap();
    assert_eq!(status.status_label.as_deref(), Some("Subbed"));
}

#[test]
fn a_piece_goes_on_free_pages_only_and_the_refusal_names_the_page_and_what_is_on_it() {
    let (mut f, e) = demo();
    let videos = piece(&f, e, "View all videos");
    let e2 = f.refused("page_taken", |s, a| {
        s.place_article(a, videos, &pages(13, 15))
    });
    let text = e2.to_string();
    assert!(text.contains("Page 13"), "{text}");
    assert!(
        text.contains("\"Keep communities at the heart of planning\""),
        "{text}"
    );
    f.refused("pages_out_of_range", |s, a| {
        s.place_article(a, videos, &pages(68, 69))
    });
    f.refused("part_on_run", |s, a| {
        s.place_article(a, videos, &part(7, 6, None).with_last(8))
    });
    // Half of page 44 is free (the other is an advert).
    let plan = f
        .store
        .place_article(&f.actor, videos, &part(44, 6, None))
        .unwrap();
    let slot = plan
        .slots
        .iter()
        .find(|s| s.article_id == Some(videos))
        .unwrap();
    assert_eq!((slot.part_offset, slot.part_units), (0, 6));
    let history = f
        .store
        .article_detail(videos, crate::today())
        .unwrap()
        .history;
    assert_eq!(history.last().unwrap().text, "placed it on p 44 (top half)");
    f.refused("already_placed", |s, a| {
        s.place_article(a, videos, &pages(45, 45))
    });
}

#[test]
fn moving_a_slot_checks_the_pages_and_the_version_the_user_saw() {
    let (mut f, e) = demo();
    let keep = piece(&f, e, "Keep communities at the heart of planning");
    let slot = f.store.slot_of(e, &keep.to_string()).unwrap().unwrap();
    // Onto the housing feature's pages: refused, naming it.
    let err = f.refused("page_taken", |s, a| {
        s.move_slot(a, slot.id, Some(slot.version), &pages(20, 22))
    });
    assert!(
        err.to_string()
            .contains("Housing at the heart of levelling up"),
        "{err}"
    );
    let plan = f
        .store
        .move_slot(&f.actor, slot.id, Some(slot.version), &pages(46, 48))
        .unwrap();
    let moved = plan.slots.iter().find(|s| s.id == slot.id).unwrap();
    assert_eq!((moved.first_page, moved.last_page), (46, 48));
    // A second editor still looking at pp 12–14 is refused as a conflict.
    let stale = f.refused("conflict", |s, a| {
        s.move_slot(a, slot.id, Some(slot.version), &pages(50, 52))
    });
    match stale {
        Error::Conflict(c) => assert!(c.name.contains("Keep communities"), "{}", c.name),
        other => panic!("{other}"),
    }
    let texts = history_texts(&f, keep);
    assert!(
        texts.contains(&"moved it on the flatplan from pp 12–14 to pp 46–48".to_owned()),
        "{texts:?}"
    );
    let plan = f.store.remove_slot(&f.actor, slot.id, None).unwrap();
    assert!(plan.unplaced_articles.iter().any(|a| a.id == keep));
    assert!(plan.pages[45].slots.is_empty());
}

#[test]
fn a_spiked_piece_leaves_the_flatplan_and_cannot_be_placed() {
    let (mut f, e) = demo();
    let memo = piece(&f, e, "Leeds to sign memoranda with Lille and Brno");
    let spiked = f.store.find_status_for(memo, "Spiked").unwrap().id;
    f.store.change_status(&f.actor, memo, None, spiked).unwrap();
    let plan = f.store.flatplan(e).unwrap();
    assert!(!plan.slots.iter().any(|s| s.article_id == Some(memo)));
    assert_eq!(
        plan.pages[6].free_units, 6,
        "its half of page 7 is free again"
    );
    let texts = history_texts(&f, memo);
    assert!(
        texts.contains(&"took it off the flatplan (p 7 (top half))".to_owned()),
        "{texts:?}"
    );
    f.refused("article_spiked", |s, a| {
        s.place_article(a, memo, &part(7, 6, Some(0)))
    });
}

#[test]
fn an_adverts_slot_has_its_size_and_its_booking_is_kept() {
    let (mut f, e) = demo();
    let input = AdvertInput {
        advertiser: "Bright Schools Trust".into(),
        size: AdvertSize::Spread,
        state: AdvertState::Pencilled,
        position: "Facing matter".into(),
        notes: String::new(),
    };
    let ad = f.store.add_advert(&f.actor, e, &input).unwrap();
    f.refused("advert_size", |s, a| {
        s.place_advert(a, ad.id, &pages(49, 50))
    });
    f.refused("advert_size", |s, a| {
        s.place_advert(a, ad.id, &pages(50, 50))
    });
    f.store
        .place_advert(&f.actor, ad.id, &pages(50, 51))
        .unwrap();
    // Its size cannot change under it while it is placed.
    let half = AdvertInput {
        size: AdvertSize::Half,
        ..input.clone()
    };
    f.refused("advert_size", |s, a| s.update_advert(a, ad.id, None, &half));
    let booked = AdvertInput {
        state: AdvertState::Booked,
        ..input
    };
    let saved = f
        .store
        .update_advert(&f.actor, ad.id, Some(ad.version), &booked)
        .unwrap();
    assert_eq!(saved.state, AdvertState::Booked);
    assert!(saved.placed);
}

#[test]
fn the_page_count_grows_before_the_back_covers_and_shrinks_only_when_nothing_falls_off() {
    let (mut f, e) = demo();
    let edition = f.store.edition(e).unwrap();
    let grow = EditionInput {
        page_count: 72,
        ..EditionInput::from(&edition)
    };
    f.store.update_edition(&f.actor, e, None, &grow).unwrap();
    let plan = f.store.flatplan(e).unwrap();
    let at = |label: &str| {
        let s = plan.slots.iter().find(|s| s.label == label).unwrap();
        (s.first_page, s.last_page)
    };
    assert_eq!(
        at("CivicTech Solutions"),
        (72, 72),
        "the outside back cover moved"
    );
    assert_eq!(at("NHS Digital Academy"), (71, 71));
    assert_eq!(at("Keep communities at the heart of planning"), (12, 14));
    let edition = f.store.edition(e).unwrap();
    let shrink = EditionInput {
        page_count: 40,
        ..EditionInput::from(&edition)
    };
    let err = f.refused("pages_in_use", |s, a| s.update_edition(a, e, None, &shrink));
    let text = err.to_string();
    assert!(
        text.contains("\"Smart Streets Forum\" (p 44 (bottom half))"),
        "{text}"
    );
    assert!(text.contains("\"Win a £100 Amazon Voucher\""), "{text}");
}

trait WithLast {
    fn with_last(self, last: u32) -> Placement;
}

impl WithLast for Placement {
    fn with_last(mut self, last: u32) -> Placement {
        self.last_page = last;
        self
    }
}

#[test]
fn copyfit_compares_the_words_a_slot_holds_with_the_target() {
    let (mut f, e) = demo();
    let plan = f.store.flatplan(e).unwrap();
    let keep = plan
        .slots
        .iter()
        .find(|s| s.label == "Keep communities at the heart of planning")
        .unwrap();
    // A feature page holds 850 words: three pages hold 2,550 against the
    // 282 words of Chris's draft (the draft, once there, counts over the
    // 1,200 target).
    assert_eq!(
        (
            keep.fits_words,
            keep.word_target,
            keep.copy.map(|c| c.words),
            keep.copyfit_off
        ),
        (Some(2550), Some(1200), Some(282), true)
    );
    // Before any draft, the target is what a slot is compared with: the
    // housing feature's four pages hold 3,400 words against its 1,400.
    let housing = plan
        .slots
        .iter()
        .find(|s| s.label == "Housing at the heart of levelling up")
        .unwrap();
    assert_eq!(
        (
            housing.fits_words, housing.word_target, housing.copy, housing.copyfit_off
        ),
        (Some(3400), Some(1400), None, true)
    );
    let p = f.store.edition(e).unwrap().publication_id;
    let feature = f.store.find_kind(p, "feature").unwrap();
    f.store
        .set_kind_words(&f.actor, feature, None, Some(100))
        .unwrap();
    let plan = f.store.flatplan(e).unwrap();
    let keep = plan.slots.iter().find(|s| s.label == keep.label).unwrap();
    assert_eq!((keep.fits_words, keep.copyfit_off), (Some(300), false));
    f.refused("words_per_page_range", |s, a| {
        s.set_kind_words(a, feature, None, Some(10))
    });
    // Adverts have no copy to fit.
    assert!(
        plan.slots
            .iter()
            .filter(|s| s.advert_id.is_some())
            .all(|s| s.fits_words.is_none())
    );
}

#[test]
fn a_new_edition_from_a_previous_one_keeps_its_adverts_not_its_pieces() {
    let (mut f, e) = demo();
    let next = next_edition(&mut f, e, "Jun/Jul 21", 72);
    let plan = f.store.flatplan(next.id).unwrap();
    assert!(plan.unplaced_articles.is_empty());
    assert!(
        plan.slots.iter().all(|s| s.article_id.is_none()),
        "pieces do not carry over"
    );
    let at = |label: &str| {
        let s = plan.slots.iter().find(|s| s.label == label).unwrap();
        (s.first_page, s.last_page)
    };
    assert_eq!(
        at("CivicTech Solutions"),
        (72, 72),
        "still the outside back cover"
    );
    assert_eq!(at("Rail for Growth"), (34, 35));
    let adverts = f.store.list_adverts(next.id).unwrap();
    assert_eq!(adverts.len(), 22);
    assert!(adverts.iter().all(|a| a.state == AdvertState::Pencilled));
    // The previous edition is untouched.
    assert_eq!(f.store.flatplan(e).unwrap().slots.len(), 31);
}

/// Twelfths used on each page, from the slots themselves (not `free_units`,
/// which stops at zero and would hide an overlap).
fn used(plan: &masthead_core::model::Flatplan) -> Vec<u32> {
    (1..=plan.page_count)
        .map(|p| {
            plan.slots
                .iter()
                .filter(|s| s.first_page <= p && p <= s.last_page)
                .map(|s| s.part_units)
                .sum()
        })
        .collect()
}

#[test]
fn shrinking_keeps_the_covers_and_never_overlaps_and_tiny_editions_are_refused() {
    let (mut f, e) = demo();
    let edition = f.store.edition(e).unwrap();
    let shrink = EditionInput {
        page_count: 60,
        ..EditionInput::from(&edition)
    };
    f.store.update_edition(&f.actor, e, None, &shrink).unwrap();
    let plan = f.store.flatplan(e).unwrap();
    assert!(used(&plan).iter().all(|u| *u <= 12), "{:?}", used(&plan));
    let civic = plan
        .slots
        .iter()
        .find(|s| s.label == "CivicTech Solutions")
        .unwrap();
    assert_eq!(civic.first_page, 60);
    let edition = f.store.edition(e).unwrap();
    let tiny = EditionInput {
        page_count: 2,
        ..EditionInput::from(&edition)
    };
    f.refused("pages_in_use", |s, a| s.update_edition(a, e, None, &tiny));
}

#[test]
fn starting_from_a_longer_edition_leaves_what_does_not_fit_in_the_tray() {
    let (mut f, e) = demo();
    let next = next_edition(&mut f, e, "Short", 40);
    let plan = f.store.flatplan(next.id).unwrap();
    assert!(used(&plan).iter().all(|u| *u <= 12), "{:?}", used(&plan));
    let waiting: Vec<&str> = plan
        .unplaced_adverts
        .iter()
        .map(|a| a.advertiser.as_str())
        .collect();
    assert!(waiting.contains(&"Smart Streets Forum"), "{waiting:?}");
    assert!(
        waiting.contains(&"Council Insurance Partners"),
        "{waiting:?}"
    );
    let civic = plan
        .slots
        .iter()
        .find(|s| s.label == "CivicTech Solutions")
        .unwrap();
    assert_eq!(civic.first_page, 40);
    // One user action, one change set.
    let created = f.store.edition_history(next.id).unwrap()[0].change_set_id;
    let advert = f.store.list_adverts(next.id).unwrap()[0].id;
    let booked = f.store.history_of(&advert.to_string()).unwrap()[0].change_set_id;
    assert_eq!(created, booked);
}

#[test]
fn a_part_of_a_page_is_written_with_one_set_of_signs() {
    use masthead_core::{fraction, part_suffix};
    assert_eq!(fraction(6), "½");
    assert_eq!(fraction(12 * 26 + 3), "¼");
    assert_eq!(fraction(5), "5/12");
    assert_eq!(fraction(24), "");
    assert_eq!(part_suffix(12), "");
    assert_eq!(part_suffix(4), " (⅓)");
    assert_eq!(part_suffix(3), " (¼)");
}

/// A new edition `name` of `pages` pages made from edition `from`.
fn next_edition(
    f: &mut Fixture,
    from: EditionId,
    name: &str,
    pages: u32,
) -> masthead_core::model::Edition {
    let input = EditionInput {
        name: name.into(),
        page_count: pages,
        ..EditionInput::default()
    };
    f.store
        .create_edition_from(&f.actor, from, &input)
        .unwrap()
        .item
}

/// The lines of a piece's history, as the app shows them.
fn history_texts(f: &Fixture, piece: masthead_core::model::ArticleId) -> Vec<String> {
    let detail = f.store.article_detail(piece, crate::today()).unwrap();
    detail.history.into_iter().map(|h| h.text).collect()
}
