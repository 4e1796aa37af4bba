//! Contributors and assignments: the directory, offers and answers,
//! withdrawals and re-assignments, fees, due dates, the board.

use chrono::NaiveDate;
use masthead_core::model::{
    ArticleId, AssignmentInput, AssignmentState, BoardFilter, ContributorId, ContributorInput,
    ContributorKind, EditionId, PublicationId,
};
use masthead_core::{AssignmentQuery, Error};

use crate::{Fixture, today};

fn person(name: &str, email: Option<&str>) -> ContributorInput {
    ContributorInput {
        name: name.into(),
        role: "Housing correspondent".into(),
        organisation: "Freelance".into(),
        email: email.map(Into::into),
        phone: "+44 20 7946 0000".into(),
        kind: ContributorKind::Freelance,
        notes: String::new(),
    }
}

pub(crate) fn offer(contributor: ContributorId) -> AssignmentInput {
    AssignmentInput {
        contributor_id: contributor,
        role: "writer".into(),
        brief: "## Angle\nWhat councils **actually** need.".into(),
        word_target: Some(1200),
        due_date: NaiveDate::from_ymd_opt(2021, 1, 4),
        fee: Some("350.00".into()),
        currency: Some("gbp".into()),
    }
}

/// Adds a contributor to the directory: their id.
pub(crate) fn add_person(f: &mut Fixture, name: &str, email: Option<&str>) -> ContributorId {
    f.store
        .add_contributor(&f.actor, &person(name, email))
        .unwrap()
        .id
}

pub(crate) struct Demo {
    pub(crate) f: Fixture,
    pub(crate) publication: PublicationId,
    pub(crate) edition: EditionId,
    pub(crate) piece: ArticleId,
}

/// The demo, and its "Ideas" piece with no writer yet.
pub(crate) fn demo() -> Demo {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let publication = f.store.edition(edition).unwrap().publication_id;
    let piece = f
        .store
        .list_articles(edition, today())
        .unwrap()
        .into_iter()
        .find(|a| a.contributors.is_empty() && a.status_label == "Idea")
        .expect("the demo has an idea with no writer")
        .id;
    Demo {
        f,
        publication,
        edition,
        piece,
    }
}

#[test]
fn the_directory_searches_as_you_type_and_refuses_a_second_email_naming_the_first() {
    let mut f = Fixture::new();
    let sam = f
        .store
        .add_contributor(&f.actor, &person("Sam Okoro", Some("sam@example.org")))
        .unwrap();
    f.store
        .add_contributor(&f.actor, &person("Ada Lowe", None))
        .unwrap();
    let names = |list: Vec<masthead_core::model::Contributor>| -> Vec<String> {
        list.into_iter().map(|c| c.name).collect()
    };
    assert_eq!(
        names(f.store.list_contributors(None).unwrap()),
        ["Ada Lowe", "Sam Okoro"]
    );
    assert_eq!(
        names(f.store.list_contributors(Some("OKO")).unwrap()),
        ["Sam Okoro"]
    );
    assert_eq!(
        names(f.store.list_contributors(Some("example.org")).unwrap()),
        ["Sam Okoro"]
    );
    assert!(
        f.store
            .list_contributors(Some("nobody"))
            .unwrap()
            .is_empty()
    );

    let e = f.refused("duplicate", |s, a| {
        s.add_contributor(a, &person("Samuel O.", Some("SAM@example.org")))
    });
    assert_eq!(e.field(), Some("email"));
    assert!(e.to_string().contains("Sam Okoro already uses"), "{e}");

    // Editing another contributor onto the same address names Sam too.
    let ada = f.store.find_contributor("Ada Lowe").unwrap();
    let ada_v = f.store.contributor(ada).unwrap().version;
    let e = f.refused("duplicate", |s, a| {
        s.update_contributor(
            a,
            ada,
            Some(ada_v),
            &person("Ada Lowe", Some("sam@example.org")),
        )
    });
    assert!(e.to_string().contains("Sam Okoro"), "{e}");

    // An edit is recorded, and a stale one is a conflict.
    let mut changed = person("Sam Okoro", Some("sam@okoro.example"));
    changed.kind = ContributorKind::Staff;
    let saved = f
        .store
        .update_contributor(&f.actor, sam.id, Some(sam.version), &changed)
        .unwrap();
    assert_eq!(saved.version, sam.version + 1);
    assert_eq!(saved.kind, ContributorKind::Staff);
    let e = f.refused("conflict", |s, a| {
        s.update_contributor(a, sam.id, Some(sam.version), &person("Sam O", None))
    });
    assert!(matches!(e, Error::Conflict(_)));
    let detail = f.store.contributor_detail(sam.id).unwrap();
    assert!(
        detail
            .history
            .iter()
            .any(|h| h.text.contains("changed the email")),
        "{:?}",
        detail.history
    );
}

#[test]
fn an_offer_is_answered_once_and_every_step_is_in_the_pieces_history() {
    let Demo {
        mut f,
        edition,
        piece,
        ..
    } = demo();
    let sam = add_person(&mut f, "Sam Okoro", None);
    let saved = f.store.commission(&f.actor, piece, &offer(sam)).unwrap();
    let a = saved.item;
    assert_eq!(a.state, AssignmentState::Offered);
    assert_eq!(
        (a.fee_minor, a.fee_currency.as_deref(), a.fee.as_deref()),
        (Some(35_000), Some("GBP"), Some("350.00"))
    );
    assert_eq!(a.word_target, Some(1200));
    assert!(saved.warnings.is_empty(), "due before press: no warning");
    assert_eq!(
        f.store.article(piece).unwrap().contributors,
        ["Sam Okoro"],
        "an offered writer shows on the piece"
    );

    // The same person in the same role twice is refused.
    let e = f.refused("duplicate", |s, who| s.commission(who, piece, &offer(sam)));
    assert!(e.to_string().contains("already the writer"), "{e}");

    let accepted = f
        .store
        .answer_assignment(&f.actor, a.id, Some(a.version), true)
        .unwrap();
    assert_eq!(accepted.state, AssignmentState::Accepted);
    assert!(accepted.answered_at.is_some());
    // An answer is recorded once; an answer from a stale screen is a conflict.
    f.refused("assignment_state", |s, who| {
        s.answer_assignment(who, a.id, None, false)
    });
    f.refused("conflict", |s, who| {
        s.withdraw_assignment(who, a.id, Some(a.version))
    });
    let withdrawn = f
        .store
        .withdraw_assignment(&f.actor, a.id, Some(accepted.version))
        .unwrap();
    assert_eq!(withdrawn.state, AssignmentState::Withdrawn);
    assert!(f.store.article(piece).unwrap().contributors.is_empty());

    let texts: Vec<String> = f
        .store
        .article_detail(piece, today())
        .unwrap()
        .history
        .into_iter()
        .map(|h| h.text)
        .collect();
    for expected in [
        "assigned it to Sam Okoro", "recorded that Sam Okoro accepted",
        "withdrew the assignment from Sam Okoro",
    ] {
        assert!(texts.iter().any(|t| t == expected), "{expected}: {texts:?}");
    }

    let listed = f
        .store
        .list_assignments(AssignmentQuery {
            edition: Some(edition),
            contributor: Some(sam),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].state, AssignmentState::Withdrawn);
}

#[test]
fn a_declined_piece_needs_a_writer_until_it_is_reassigned_in_one_step() {
    let Demo {
        mut f,
        publication,
        edition,
        piece,
    } = demo();
    let sam = add_person(&mut f, "Sam Okoro", None);
    let ada = add_person(&mut f, "Ada Lowe", None);
    let a = f
        .store
        .commission(&f.actor, piece, &offer(sam))
        .unwrap()
        .item;
    // A photographer is a second contributor with their own role.
    let mut photo = offer(ada);
    photo.role = "Photographer".into();
    photo.fee = None;
    let p = f.store.commission(&f.actor, piece, &photo).unwrap().item;
    assert_eq!(p.role, "photographer");
    assert_eq!(
        f.store.article(piece).unwrap().contributors,
        ["Sam Okoro", "Ada Lowe"]
    );

    f.store
        .answer_assignment(&f.actor, a.id, None, false)
        .unwrap();
    let filter = BoardFilter {
        edition_id: Some(edition),
        ..Default::default()
    };
    let needing: Vec<String> = f
        .store
        .board(publication, &filter, today())
        .unwrap()
        .cards
        .into_iter()
        .filter(|c| c.needs_writer)
        .map(|c| c.title)
        .collect();
    let title = f.store.article(piece).unwrap().title;
    assert_eq!(needing, [title], "a photographer is not a writer");

    let again = f.store.reassign(&f.actor, a.id, None, ada).unwrap().item;
    assert_eq!(
        (
            again.contributor.as_str(),
            again.state,
            again.fee.as_deref()
        ),
        ("Ada Lowe", AssignmentState::Offered, Some("350.00")),
        "the new offer keeps the terms"
    );
    let board = f.store.board(publication, &filter, today()).unwrap();
    assert!(!board.cards.iter().any(|c| c.needs_writer));

    // Re-assigning an active offer withdraws it in the same step.
    let moved = f
        .store
        .reassign(&f.actor, again.id, None, sam)
        .unwrap()
        .item;
    let states: Vec<(String, String, AssignmentState)> = f
        .store
        .list_assignments(AssignmentQuery {
            article: Some(piece),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|a| (a.contributor, a.role, a.state))
        .collect();
    assert!(states.contains(&(
        "Ada Lowe".into(),
        "writer".into(),
        AssignmentState::Withdrawn
    )));
    assert!(states.contains(&(
        "Sam Okoro".into(),
        "writer".into(),
        AssignmentState::Offered
    )));
    assert_eq!(moved.contributor, "Sam Okoro");
    let history = f.store.article_detail(piece, today()).unwrap().history;
    let last = history.last().unwrap().change_set_id;
    let in_last: Vec<&str> = history
        .iter()
        .filter(|h| h.change_set_id == last)
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(
        in_last,
        [
            "withdrew the assignment from Ada Lowe", "assigned it to Sam Okoro"
        ],
        "one change set"
    );
}

#[test]
fn fees_are_exact_never_negative_and_a_due_date_after_press_warns() {
    let Demo { mut f, piece, .. } = demo();
    let sam = add_person(&mut f, "Sam Okoro", None);
    let mut input = offer(sam);
    input.fee = Some("-10".into());
    let e = f.refused("fee_negative", |s, a| s.commission(a, piece, &input));
    assert_eq!(e.field(), Some("fee"));
    input.fee = Some("10.005".into());
    f.refused("fee_too_precise", |s, a| s.commission(a, piece, &input));
    input.fee = Some("10".into());
    input.currency = None;
    f.refused("currency_invalid", |s, a| s.commission(a, piece, &input));
    input.currency = Some("EUR".into());
    input.fee = Some("0.1".into());
    // The demo edition goes to press on 22 Jan 2021.
    input.due_date = NaiveDate::from_ymd_opt(2021, 1, 29);
    let saved = f.store.commission(&f.actor, piece, &input).unwrap();
    assert_eq!(saved.item.fee_minor, Some(10));
    assert_eq!(saved.warnings.len(), 1);
    assert_eq!(saved.warnings[0].code, "due_after_press");
    assert!(
        saved.warnings[0].message.contains("22 Jan 2021"),
        "{}",
        saved.warnings[0].message
    );
}

#[test]
fn the_board_shows_deadlines_from_the_workflow_and_the_assignment_wins() {
    let Demo {
        mut f,
        publication,
        edition,
        piece,
    } = demo();
    let filter = BoardFilter {
        edition_id: Some(edition),
        ..Default::default()
    };
    let before_copy = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    let board = f.store.board(publication, &filter, before_copy).unwrap();
    assert_eq!(board.cards.len(), 11, "every piece of the demo edition");
    let card = board.cards.iter().find(|c| c.id == piece).unwrap();
    // An idea's next deadline: Commissioned, by commissioning close (11 Dec 2020).
    let d = card.deadline.as_ref().unwrap();
    assert_eq!(
        (d.status_label.as_str(), d.date, d.overdue),
        (
            "Commissioned",
            NaiveDate::from_ymd_opt(2020, 12, 11).unwrap(),
            true
        )
    );
    let spiked = board
        .cards
        .iter()
        .filter(|c| {
            board
                .workflow
                .statuses
                .iter()
                .any(|s| s.id == c.status_id && (s.is_spiked || s.is_final))
        })
        .count();
    assert_eq!(spiked, 3, "Published 2 and Spiked 1");
    assert!(
        board
            .cards
            .iter()
            .filter(|c| board
                .workflow
                .statuses
                .iter()
                .any(|s| s.id == c.status_id && (s.is_spiked || s.is_final)))
            .all(|c| c.deadline.is_none())
    );

    // Commissioned, with a due date: the assignment's date wins.
    let sam = add_person(&mut f, "Sam Okoro", None);
    f.store.commission(&f.actor, piece, &offer(sam)).unwrap();
    let to = f.store.find_status_for(piece, "Commissioned").unwrap().id;
    f.store.change_status(&f.actor, piece, None, to).unwrap();
    let board = f.store.board(publication, &filter, before_copy).unwrap();
    let d = board
        .cards
        .iter()
        .find(|c| c.id == piece)
        .unwrap()
        .deadline
        .clone()
        .unwrap();
    assert_eq!(
        (
            d.date,
            d.from_assignment,
            d.overdue,
            d.status_label.as_str()
        ),
        (
            NaiveDate::from_ymd_opt(2021, 1, 4).unwrap(),
            true,
            false,
            "Draft received"
        )
    );

    // Filters: overdue only, and by contributor.
    let overdue = f
        .store
        .board(
            publication,
            &BoardFilter {
                overdue_only: true,
                ..filter.clone()
            },
            before_copy,
        )
        .unwrap();
    assert!(!overdue.cards.is_empty());
    assert!(
        overdue
            .cards
            .iter()
            .all(|c| c.deadline.as_ref().unwrap().overdue)
    );
    assert!(!overdue.cards.iter().any(|c| c.id == piece));
    // By contributor alone (every edition), only pieces they are still on.
    let sams = BoardFilter {
        contributor_id: Some(sam),
        ..BoardFilter::default()
    };
    let mine = f.store.board(publication, &sams, before_copy).unwrap();
    assert_eq!(mine.cards.len(), 1);
    assert_eq!(mine.cards[0].contributors, ["Sam Okoro"]);
    let a = f
        .store
        .list_assignments(AssignmentQuery {
            contributor: Some(sam),
            ..Default::default()
        })
        .unwrap()
        .remove(0);
    f.store.withdraw_assignment(&f.actor, a.id, None).unwrap();
    let mine = f.store.board(publication, &sams, before_copy).unwrap();
    assert!(
        mine.cards.is_empty(),
        "a withdrawn writer's pieces are not theirs"
    );
}

#[test]
fn someone_new_is_added_and_offered_the_piece_in_one_step_or_not_at_all() {
    let Demo { mut f, piece, .. } = demo();
    let mut input = offer(ContributorId(uuid_nil()));
    input.fee = Some("-5".into());
    let sam = person("Sam Okoro", Some("sam@okoro.example"));
    f.refused("fee_negative", |s, a| {
        s.commission_new_contributor(a, piece, &sam, &input)
    });
    assert!(
        f.store.find_contributor("Sam Okoro").is_err(),
        "nobody was added"
    );
    input.fee = Some("5".into());
    let saved = f
        .store
        .commission_new_contributor(&f.actor, piece, &sam, &input)
        .unwrap();
    assert_eq!(saved.item.contributor, "Sam Okoro");
    let history = f.store.article_detail(piece, today()).unwrap().history;
    let last = history.last().unwrap();
    assert_eq!(last.text, "assigned it to Sam Okoro");
    let contributor = f.store.find_contributor("sam@okoro.example").unwrap();
    let created = &f.store.contributor_detail(contributor).unwrap().history[0];
    assert_eq!(created.change_set_id, last.change_set_id, "one change set");
}

/// An id no contributor has: `commission_new_contributor` ignores it.
fn uuid_nil() -> uuid::Uuid {
    uuid::Uuid::nil()
}

/// The board's cards are read by one query and joined in Rust; a piece's
/// detail by another. Both must tell the same story of every piece, and
/// the board's order is its workflow's, then the title's, case aside.
#[test]
fn every_card_agrees_with_its_piece_and_the_board_is_in_workflow_then_title_order() {
    let Demo {
        mut f,
        publication,
        edition,
        ..
    } = demo();
    // Titles that only a case-blind order puts together, in one status.
    let kind = f.store.find_kind(publication, "feature").unwrap();
    let mut added = Vec::new();
    for title in [
        "zebra crossings", "Apple orchards", "bus lanes", "Bus depots", "Tram stops",
    ] {
        let input = masthead_core::model::ArticleInput {
            title: title.into(),
            standfirst: String::new(),
            section_id: None,
            kind_id: kind,
            word_target: None,
            notes: String::new(),
        };
        added.push(f.store.add_article(&f.actor, edition, &input).unwrap().id);
    }
    // A piece of no target of its own with a photographer, a declined
    // writer and a newer writer on another word target: credits in
    // order, the newest active writer's target.
    let piece = added[4];
    let sam = add_person(&mut f, "Sam Okoro", None);
    let ada = add_person(&mut f, "Ada Lowe", None);
    let lee = add_person(&mut f, "Lee Park", None);
    let first = f
        .store
        .commission(&f.actor, piece, &offer(sam))
        .unwrap()
        .item;
    f.store
        .answer_assignment(&f.actor, first.id, None, false)
        .unwrap();
    let mut photo = offer(ada);
    photo.role = "Photographer".into();
    photo.fee = None;
    f.store.commission(&f.actor, piece, &photo).unwrap();
    let mut newer = offer(lee);
    newer.word_target = Some(1500);
    f.store.commission(&f.actor, piece, &newer).unwrap();
    // A second active writer, newer still: hers is the target the copy
    // (a draft from Lee) is counted against, on the card and in the list.
    let kim = add_person(&mut f, "Kim Ng", None);
    let mut newest = offer(kim);
    newest.word_target = Some(2000);
    f.store.commission(&f.actor, piece, &newest).unwrap();
    let draft = masthead_core::Upload {
        name: "tram-stops.md".into(),
        bytes: "Tram stops, in a few words.".as_bytes().to_vec(),
    };
    f.store
        .submit_draft(&f.actor, piece, &draft, Some(lee))
        .unwrap();

    let filter = BoardFilter {
        edition_id: Some(edition),
        ..Default::default()
    };
    let board = f.store.board(publication, &filter, today()).unwrap();
    let pieces = f.store.list_articles(edition, today()).unwrap();
    assert_eq!(board.cards.len(), pieces.len(), "every piece, once");
    for card in &board.cards {
        let a = pieces.iter().find(|a| a.id == card.id).unwrap();
        assert_eq!(
            (
                &card.title,
                card.section.as_ref(),
                &card.kind_label,
                card.status_id,
                &card.credits,
                &card.contributors,
                card.copy,
                &card.deadline,
                card.version,
            ),
            (
                &a.title,
                a.section.as_ref(),
                &a.kind_label,
                a.status_id,
                &a.credits,
                &a.contributors,
                a.copy,
                &a.deadline,
                a.version,
            ),
            "{}",
            a.title
        );
        // A card's target is the one its copy is counted against: the
        // piece's own when it has one.
        if a.word_target.is_some() {
            assert_eq!(card.word_target, a.word_target, "{}", a.title);
        }
    }
    let card = board.cards.iter().find(|c| c.id == piece).unwrap();
    let credits: Vec<(&str, &str, AssignmentState)> = card
        .credits
        .iter()
        .map(|c| (c.name.as_str(), c.role.as_str(), c.state))
        .collect();
    assert_eq!(
        credits,
        [
            ("Sam Okoro", "writer", AssignmentState::Declined),
            ("Lee Park", "writer", AssignmentState::Offered),
            ("Kim Ng", "writer", AssignmentState::Offered),
            ("Ada Lowe", "photographer", AssignmentState::Offered),
        ]
    );
    assert_eq!(card.word_target, Some(2000), "the newest writer's target");
    let listed = pieces.iter().find(|a| a.id == piece).unwrap();
    assert_eq!(
        (card.copy.unwrap().target, listed.copy.unwrap().target),
        (Some(2000), Some(2000)),
        "the copy is counted against one target on the card and in the list"
    );
    assert!(!card.needs_writer, "Lee and Kim are on it");

    let position = |c: &masthead_core::model::BoardCard| {
        board
            .workflow
            .statuses
            .iter()
            .find(|s| s.id == c.status_id)
            .unwrap()
            .position
    };
    let order: Vec<(u32, String)> = board
        .cards
        .iter()
        .map(|c| (position(c), masthead_core::fold(&c.title)))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    let titles: Vec<&str> = board
        .cards
        .iter()
        .map(|c| c.title.as_str())
        .filter(|t| {
            [
                "zebra crossings", "Apple orchards", "bus lanes", "Bus depots",
            ]
            .contains(t)
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Apple orchards", "Bus depots", "bus lanes", "zebra crossings"
        ]
    );
}

/// A contributor's open commissions (offered or accepted) come from counts
/// the store keeps as offers are made, answered, withdrawn and handed to
/// someone else, and as a commission's row moves to another person, to the
/// trash or away (the triggers' every branch, the last three in raw SQL);
/// they always equal the commissions themselves (`check` agrees), and the
/// directory shows them.
#[test]
fn a_contributors_open_commissions_are_counted_as_offers_come_are_answered_and_go() {
    let Demo { mut f, piece, .. } = demo();
    let sam = add_person(&mut f, "Sam Okoro", None);
    let ada = add_person(&mut f, "Ada Lowe", None);
    let open = |f: &Fixture, who: ContributorId| {
        let one = f.store.contributor(who).unwrap().active_assignments;
        let listed = f.store.list_contributors(None).unwrap();
        let in_directory = listed.iter().find(|c| c.id == who).unwrap();
        assert_eq!(in_directory.active_assignments, one, "the directory agrees");
        let report = f.store.check().unwrap();
        assert!(report.is_clean(), "{:?}", report.problems);
        one
    };
    assert_eq!((open(&f, sam), open(&f, ada)), (0, 0));

    let a = f
        .store
        .commission(&f.actor, piece, &offer(sam))
        .unwrap()
        .item;
    assert_eq!(open(&f, sam), 1, "an offer is open");
    let accepted = f
        .store
        .answer_assignment(&f.actor, a.id, None, true)
        .unwrap();
    assert_eq!(open(&f, sam), 1, "accepted, still open");
    let mut photo = offer(ada);
    photo.role = "Photographer".into();
    let p = f.store.commission(&f.actor, piece, &photo).unwrap().item;
    assert_eq!(open(&f, ada), 1);
    f.store
        .answer_assignment(&f.actor, p.id, None, false)
        .unwrap();
    assert_eq!(open(&f, ada), 0, "a declined offer is closed");

    // Handed to Ada: Sam's is withdrawn, Ada is offered it.
    f.store
        .reassign(&f.actor, a.id, Some(accepted.version), ada)
        .unwrap();
    assert_eq!((open(&f, sam), open(&f, ada)), (0, 1));

    // The piece to the trash and back: its commissions stay as they were.
    let binned = f.store.delete_article(&f.actor, piece, None).unwrap().item;
    assert_eq!(open(&f, ada), 1);
    f.store.restore_from_trash(&f.actor, binned.id).unwrap();
    assert_eq!(open(&f, ada), 1);

    // A commission's row moved to another person, to the trash and away,
    // in raw SQL (the triggers count whoever changes it).
    let ada_offer = f
        .store
        .list_assignments(AssignmentQuery {
            contributor: Some(ada),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .find(|x| x.state == AssignmentState::Offered)
        .expect("Ada's offer")
        .id;
    f.behind_the_stores_back(&format!(
        "UPDATE assignments SET contributor_id = '{sam}' WHERE id = '{ada_offer}'"
    ));
    assert_eq!((open(&f, sam), open(&f, ada)), (1, 0), "moved to Sam");
    f.behind_the_stores_back(&format!(
        "UPDATE assignments SET deleted_at = '2021-01-05T10:00:00.000Z' WHERE id = '{ada_offer}'"
    ));
    assert_eq!(open(&f, sam), 0, "in the trash");
    f.behind_the_stores_back(&format!(
        "UPDATE assignments SET deleted_at = NULL WHERE id = '{ada_offer}'"
    ));
    assert_eq!(open(&f, sam), 1, "back");
    f.store.commission(&f.actor, piece, &offer(ada)).unwrap();
    assert_eq!(open(&f, ada), 1);

    // A count changed behind the store's back: check says whose.
    let tamper = "UPDATE contributor_open_counts SET open = open + 3
                   WHERE contributor_id = (SELECT id FROM contributors WHERE name = 'Ada Lowe')";
    f.behind_the_stores_back(tamper);
    let report = f.store.check().unwrap();
    let off: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.code == "contributor_count_off")
        .map(|p| p.problem.as_str())
        .collect();
    assert_eq!(
        off,
        ["Ada Lowe counts 4 open commissions but has 1"],
        "{:?}",
        report.problems
    );
    // The repair counts them again (on a server, as its owner: the test's
    // login), under the server's lock.
    let done = f.store.repair().unwrap();
    assert!(
        done.iter().any(|d| d.contains("open commissions again")),
        "{done:?}"
    );
    assert_eq!(open(&f, ada), 1);
    if f.server.is_none() {
        // Deleted for real (Masthead never deletes a commission; its
        // history stays, so `check` would now name it): counted off.
        f.behind_the_stores_back(&format!("DELETE FROM assignments WHERE id = '{ada_offer}'"));
        let sams = |f: &Fixture| f.store.contributor(sam).unwrap().active_assignments;
        assert_eq!(sams(&f), 0, "gone");
    }
}

/// An edition's list reads its pieces' commissions in one pass beside
/// them; each piece listed is the piece as read alone (credits in order,
/// writers' due date, copy against the commission's target), whatever its
/// commissions' states.
#[test]
fn each_piece_listed_is_the_piece_read_alone() {
    let Demo {
        mut f,
        edition,
        piece,
        ..
    } = demo();
    let sam = add_person(&mut f, "Sam Okoro", None);
    let ada = add_person(&mut f, "Ada Lowe", None);
    let kit = add_person(&mut f, "Kit Marsh", None);
    // The piece has no target of its own: its copy counts against its
    // writer's commission.
    let own = f.store.article(piece).unwrap();
    let mut input = masthead_core::model::ArticleInput::from(&own);
    input.word_target = None;
    f.store
        .update_article(&f.actor, piece, Some(own.version), &input)
        .unwrap();
    // Kit is offered the photographs first, has them withdrawn, and is
    // offered them again; then Sam declines the writing and Ada writes it
    // (1,500 words, due later) and sends her draft.
    let mut photo = offer(kit);
    photo.role = "Photographer".into();
    let p = f.store.commission(&f.actor, piece, &photo).unwrap().item;
    f.store.withdraw_assignment(&f.actor, p.id, None).unwrap();
    f.store.commission(&f.actor, piece, &photo).unwrap();
    let a = f
        .store
        .commission(&f.actor, piece, &offer(sam))
        .unwrap()
        .item;
    f.store
        .answer_assignment(&f.actor, a.id, None, false)
        .unwrap();
    let mut longer = offer(ada);
    longer.word_target = Some(1500);
    longer.due_date = NaiveDate::from_ymd_opt(2021, 1, 9);
    let b = f.store.commission(&f.actor, piece, &longer).unwrap().item;
    f.store
        .answer_assignment(&f.actor, b.id, None, true)
        .unwrap();
    let draft = masthead_core::Upload {
        name: "ada.md".into(),
        bytes: "Ada's draft, in seven words all told.".as_bytes().to_vec(),
    };
    f.store
        .submit_draft(&f.actor, piece, &draft, Some(ada))
        .unwrap();

    let listed = f.store.list_articles(edition, today()).unwrap();
    assert!(listed.len() > 5);
    let ours = listed.iter().find(|x| x.id == piece).unwrap();
    // Writers first, though Kit was commissioned first; the withdrawn offer left out.
    let credits: Vec<&str> = ours.credits.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(credits, ["Sam Okoro", "Ada Lowe", "Kit Marsh"]);
    assert_eq!(ours.contributors, ["Ada Lowe", "Kit Marsh"]);
    assert_eq!(ours.writer_due, NaiveDate::from_ymd_opt(2021, 1, 9));
    let copy = ours.copy.as_ref().expect("Ada's copy");
    assert_eq!(copy.target, Some(1500), "the commission's target");
    let mut with_copy = 0;
    for x in &listed {
        let mut alone = f.store.article(x.id).unwrap();
        alone.deadline = x.deadline.clone();
        assert_eq!(&alone, x, "{} listed as read alone", x.title);
        with_copy += usize::from(x.copy.is_some());
    }
    assert!(with_copy > 0, "the demo has copy in");
}
