//! The trash on the demo: a deleted piece leaves every list and the
//! flatplan, is listed with who and when, and comes back whole; an edition
//! takes its pieces with it; a busy contributor is refused; emptying is
//! recorded and ends restoring.

use masthead_core::model::{BoardFilter, TrashKind};

use crate::commissioning::{Demo, add_person, demo};
use crate::today;

#[test]
fn a_deleted_piece_leaves_every_list_and_comes_back_whole_on_its_pages() {
    let Demo {
        mut f,
        publication,
        edition,
        ..
    } = demo();
    let plan = f.store.flatplan(edition).unwrap();
    let slot = plan
        .slots
        .iter()
        .find(|s| s.article_id.is_some())
        .expect("the demo places pieces")
        .clone();
    let piece = slot.article_id.unwrap();
    let before = f.store.article_detail(piece, today()).unwrap();
    let drafts = f.store.drafts(piece).unwrap().len();
    let title = before.article.title.clone();

    // A stale version is a conflict, and nothing moves.
    let e = f
        .store
        .delete_article(&f.actor, piece, Some(before.article.version - 1))
        .unwrap_err();
    assert_eq!(e.code(), "conflict", "{e}");

    let deleted = f
        .store
        .delete_article(&f.actor, piece, Some(before.article.version))
        .unwrap()
        .item;
    assert_eq!(
        (deleted.kind, deleted.label.as_str()),
        (TrashKind::Article, title.as_str())
    );
    assert_eq!(deleted.edition.as_deref(), Some("Feb/Mar 21"));
    assert_eq!(deleted.deleted_by, "Tess Editor");

    // Gone from the edition, the board, the flatplan, search and lookups.
    assert!(
        !f.store
            .list_articles(edition, today())
            .unwrap()
            .iter()
            .any(|a| a.id == piece)
    );
    let board = f
        .store
        .board(publication, &BoardFilter::default(), today())
        .unwrap();
    assert!(!board.cards.iter().any(|c| c.id == piece));
    assert!(
        !f.store
            .flatplan(edition)
            .unwrap()
            .slots
            .iter()
            .any(|s| s.article_id == Some(piece))
    );
    let found = f.store.search(publication, &title).unwrap();
    assert!(
        !found
            .groups
            .iter()
            .flat_map(|g| &g.hits)
            .any(|h| h.article_id == piece)
    );
    assert_eq!(f.store.article(piece).unwrap_err().code(), "not_found");

    // Listed in the trash, with who and when.
    let trash = f.store.trash(publication).unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0], deleted);

    // Restored: the same piece, its drafts and its pages.
    let back = f.store.restore_from_trash(&f.actor, deleted.id).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let after = f.store.article_detail(piece, today()).unwrap();
    assert_eq!(after.article.title, title);
    assert_eq!(after.article.version, before.article.version + 2);
    assert_eq!(f.store.drafts(piece).unwrap().len(), drafts);
    let placed = f
        .store
        .flatplan(edition)
        .unwrap()
        .slots
        .into_iter()
        .find(|s| s.article_id == Some(piece))
        .expect("back on its pages");
    assert_eq!(
        (placed.first_page, placed.last_page),
        (slot.first_page, slot.last_page)
    );
    assert!(f.store.trash(publication).unwrap().is_empty());
    // Its history says both.
    let texts: Vec<String> = after.history.iter().map(|h| h.text.clone()).collect();
    assert!(
        texts.iter().any(|t| t.contains("moved it to the trash")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("brought it back")),
        "{texts:?}"
    );
    // Restoring twice is refused in words.
    let e = f
        .store
        .restore_from_trash(&f.actor, deleted.id)
        .unwrap_err();
    assert_eq!(e.code(), "not_in_trash");
}

#[test]
fn a_piece_whose_pages_were_taken_comes_back_to_the_tray() {
    let Demo {
        mut f,
        edition,
        publication,
        ..
    } = demo();
    let plan = f.store.flatplan(edition).unwrap();
    let slot = plan
        .slots
        .iter()
        .find(|s| s.article_id.is_some())
        .unwrap()
        .clone();
    let piece = slot.article_id.unwrap();
    let other = f
        .store
        .list_articles(edition, today())
        .unwrap()
        .into_iter()
        .find(|a| !a.status_is_spiked && plan.slots.iter().all(|s| s.article_id != Some(a.id)))
        .expect("an unplaced piece")
        .id;
    let item = f.store.delete_article(&f.actor, piece, None).unwrap().item;
    f.store
        .place_article(
            &f.actor,
            other,
            &masthead_core::model::Placement {
                first_page: slot.first_page,
                last_page: slot.last_page,
                part_units: slot.part_units,
                part_offset: Some(slot.part_offset),
            },
        )
        .unwrap();
    let back = f.store.restore_from_trash(&f.actor, item.id).unwrap();
    assert_eq!(back.warnings[0].code, "place_taken", "{:?}", back.warnings);
    assert!(
        !f.store
            .flatplan(edition)
            .unwrap()
            .slots
            .iter()
            .any(|s| s.article_id == Some(piece))
    );
    assert!(
        f.store
            .list_articles(edition, today())
            .unwrap()
            .iter()
            .any(|a| a.id == piece)
    );
    let _ = publication;
}

#[test]
fn an_edition_takes_its_pieces_along_and_its_name_must_be_free_to_return() {
    let Demo {
        mut f,
        publication,
        edition,
        ..
    } = demo();
    let e = f.store.edition(edition).unwrap();
    let first = f.store.list_articles(edition, today()).unwrap()[0].id;
    let lone = f.store.delete_article(&f.actor, first, None).unwrap().item;
    let pieces = f.store.list_articles(edition, today()).unwrap().len();
    let item = f
        .store
        .delete_edition(&f.actor, edition, Some(e.version))
        .unwrap()
        .item;
    // A piece of it cannot come back alone.
    let err = f.store.restore_from_trash(&f.actor, lone.id).unwrap_err();
    assert_eq!(err.code(), "edition_in_trash", "{err}");
    assert!(
        !f.store
            .list_editions(Some(publication))
            .unwrap()
            .iter()
            .any(|x| x.id == edition)
    );
    assert!(
        f.store
            .search(publication, "Dortmund")
            .unwrap()
            .groups
            .iter()
            .all(|g| g.edition_id != edition)
    );

    // Another edition takes the name meanwhile: restoring says what to do.
    let mut input = masthead_core::model::EditionInput::from(&e);
    input.name = "Feb/Mar 21".into();
    let stand_in = f
        .store
        .create_edition(&f.actor, publication, &input)
        .unwrap();
    let err = f.store.restore_from_trash(&f.actor, item.id).unwrap_err();
    assert_eq!(err.code(), "duplicate", "{err}");
    assert!(
        err.to_string().contains("Rename the other one first"),
        "{err}"
    );
    assert_eq!(
        f.store.trash(publication).unwrap().len(),
        2,
        "both still in the trash"
    );

    f.store
        .delete_edition(&f.actor, stand_in.item.id, None)
        .unwrap();
    f.store.restore_from_trash(&f.actor, item.id).unwrap();
    assert_eq!(
        f.store.list_articles(edition, today()).unwrap().len(),
        pieces
    );
    f.store.restore_from_trash(&f.actor, lone.id).unwrap();
    assert_eq!(
        f.store.list_articles(edition, today()).unwrap().len(),
        pieces + 1
    );
}

#[test]
fn a_busy_contributor_is_refused_and_emptying_is_recorded() {
    let Demo {
        mut f,
        publication,
        piece,
        ..
    } = demo();
    let sam = add_person(&mut f, "Sam Okoro", Some("sam@okoro.example"));
    f.store
        .commission(&f.actor, piece, &crate::commissioning::offer(sam))
        .unwrap();
    let e = f.store.delete_contributor(&f.actor, sam, None).unwrap_err();
    assert_eq!(e.code(), "contributor_busy");
    assert!(
        e.to_string().contains("Withdraw that commission first"),
        "{e}"
    );
    // A commission of a piece in the trash counts: a restore brings it back.
    let gone = f.store.delete_article(&f.actor, piece, None).unwrap().item;
    let busy = f.store.delete_contributor(&f.actor, sam, None).unwrap_err();
    assert_eq!(busy.code(), "contributor_busy");
    f.store.restore_from_trash(&f.actor, gone.id).unwrap();
    // Once its piece is emptied from the trash, the commission holds no one.
    let gone = f.store.delete_article(&f.actor, piece, None).unwrap().item;
    f.store
        .empty_trash(&f.actor, publication, &[gone.id])
        .unwrap();
    let sams = f
        .store
        .delete_contributor(&f.actor, sam, None)
        .unwrap()
        .item;
    f.store.restore_from_trash(&f.actor, sams.id).unwrap();

    let idle = add_person(&mut f, "Ida Idle", None);
    let item = f
        .store
        .delete_contributor(&f.actor, idle, None)
        .unwrap()
        .item;
    assert!(
        !f.store
            .list_contributors(None)
            .unwrap()
            .iter()
            .any(|c| c.id == idle)
    );
    assert_eq!(f.store.trash(publication).unwrap()[0].id, item.id);

    // Emptying empties what was seen: Ida's entry; one deleted after stays.
    let later = add_person(&mut f, "Lou Later", None);
    let seen: Vec<_> = f
        .store
        .trash(publication)
        .unwrap()
        .iter()
        .map(|t| t.id)
        .collect();
    let lou = f
        .store
        .delete_contributor(&f.actor, later, None)
        .unwrap()
        .item;
    assert_eq!(
        f.store.empty_trash(&f.actor, publication, &seen).unwrap(),
        1
    );
    assert_eq!(
        f.store.trash(publication).unwrap(),
        std::slice::from_ref(&lou)
    );
    f.store.restore_from_trash(&f.actor, lou.id).unwrap();
    assert!(f.store.trash(publication).unwrap().is_empty());
    assert_eq!(
        f.store
            .restore_from_trash(&f.actor, item.id)
            .unwrap_err()
            .code(),
        "not_in_trash"
    );
    let history = f.store.history_of(&idle.to_string()).unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.text.contains("emptied it from the trash")),
        "{history:?}"
    );
    assert_eq!(
        f.store.empty_trash(&f.actor, publication, &seen).unwrap(),
        0
    );
}

#[test]
fn a_trashed_piece_is_found_by_none_of_its_texts_and_an_advert_comes_back_to_its_page() {
    let Demo {
        mut f,
        publication,
        edition,
        ..
    } = demo();
    let leeds = |f: &crate::Fixture| {
        f.store
            .search(publication, "Dortmund")
            .unwrap()
            .groups
            .iter()
            .flat_map(|g| g.hits.iter())
            .any(|h| h.title.starts_with("Leeds commits"))
    };
    assert!(leeds(&f));
    let piece = f
        .store
        .list_articles(edition, today())
        .unwrap()
        .into_iter()
        .find(|a| a.title.starts_with("Leeds commits"))
        .unwrap();
    let item = f
        .store
        .delete_article(&f.actor, piece.id, None)
        .unwrap()
        .item;
    assert!(!leeds(&f), "its draft's words still find it");
    f.store.restore_from_trash(&f.actor, item.id).unwrap();
    assert!(leeds(&f));

    // An advert on the flatplan leaves it and comes back to its page.
    let plan = f.store.flatplan(edition).unwrap();
    let slot = plan
        .slots
        .iter()
        .find(|s| s.advert_id.is_some())
        .expect("a placed advert")
        .clone();
    let advert = slot.advert_id.unwrap();
    let item = f.store.delete_advert(&f.actor, advert, None).unwrap().item;
    assert_eq!(item.kind, TrashKind::Advert);
    assert!(
        !f.store
            .list_adverts(edition)
            .unwrap()
            .iter()
            .any(|a| a.id == advert)
    );
    assert!(
        !f.store
            .flatplan(edition)
            .unwrap()
            .slots
            .iter()
            .any(|s| s.advert_id == Some(advert))
    );
    let back = f.store.restore_from_trash(&f.actor, item.id).unwrap();
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    let again = f.store.flatplan(edition).unwrap();
    let placed = again
        .slots
        .iter()
        .find(|s| s.advert_id == Some(advert))
        .expect("on its page again");
    assert_eq!(
        (placed.first_page, placed.part_units),
        (slot.first_page, slot.part_units)
    );
}
