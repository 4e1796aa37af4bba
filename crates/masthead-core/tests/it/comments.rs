//! Comments on the demo: written, edited only by their author (and shown
//! as edited), deleted to the trash and back, found by search, and a
//! mention reaching the named person's desk.

use masthead_core::Actor;
use masthead_core::model::{FoundIn, TrashKind};

use crate::commissioning::{Demo, demo};

#[test]
fn a_comment_is_its_authors_to_edit_and_delete_and_is_found_by_search() {
    let Demo {
        mut f,
        publication,
        piece,
        ..
    } = demo();
    let c = f
        .store
        .add_comment(&f.actor, piece, "  Check the quokka figures  ")
        .unwrap();
    // Deleted and brought back unchanged, it is not "edited".
    let first = f.store.delete_comment(&f.actor, c.id, None).unwrap().item;
    f.store.restore_from_trash(&f.actor, first.id).unwrap();
    let c = f.store.comments(piece).unwrap().remove(0);
    assert_eq!(
        (c.author.as_str(), c.body.as_str()),
        ("Tess Editor", "Check the quokka figures")
    );
    assert!(c.edited_at.is_none());
    let detail = f.store.article_detail(piece, crate::today()).unwrap();
    assert_eq!(detail.comments, std::slice::from_ref(&c));
    assert!(
        detail
            .history
            .iter()
            .any(|h| h.text == "commented: “Check the quokka figures”"),
        "{:?}",
        detail.history
    );
    let found = f.store.search(publication, "quokka").unwrap();
    assert_eq!(found.groups[0].hits[0].found_in, FoundIn::Comment);

    // Only its author edits or deletes it; a stale version is a conflict.
    let sam = Actor::new("Sam Sub").unwrap();
    assert_eq!(
        f.store
            .edit_comment(&sam, c.id, None, "mine now")
            .unwrap_err()
            .code(),
        "not_your_comment"
    );
    assert_eq!(
        f.store.delete_comment(&sam, c.id, None).unwrap_err().code(),
        "not_your_comment"
    );
    let e = f
        .store
        .edit_comment(
            &f.actor,
            c.id,
            Some(c.version + 1),
            "Check the wombat figures",
        )
        .unwrap_err();
    assert_eq!(e.code(), "conflict");
    let edited = f
        .store
        .edit_comment(&f.actor, c.id, Some(c.version), "Check the wombat figures")
        .unwrap();
    assert!(edited.edited_at.is_some());
    assert_eq!(f.store.search(publication, "quokka").unwrap().total, 0);
    assert_eq!(
        f.store
            .edit_comment(&f.actor, c.id, None, " ")
            .unwrap_err()
            .code(),
        "comment_empty"
    );

    // Deleted to the trash, and back.
    let item = f
        .store
        .delete_comment(&f.actor, c.id, Some(edited.version))
        .unwrap()
        .item;
    assert_eq!(item.kind, TrashKind::Comment);
    assert!(f.store.comments(piece).unwrap().is_empty());
    assert_eq!(f.store.search(publication, "wombat").unwrap().total, 0);
    // Only its author brings it back; back, it is as edited as before.
    assert_eq!(
        f.store
            .restore_from_trash(&sam, item.id)
            .unwrap_err()
            .code(),
        "not_your_comment"
    );
    f.store.restore_from_trash(&f.actor, item.id).unwrap();
    let back = f.store.comments(piece).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].edited_at, edited.edited_at);

    // A comment of a piece in the trash waits for its piece.
    let again = f.store.delete_comment(&f.actor, c.id, None).unwrap().item;
    let gone = f.store.delete_article(&f.actor, piece, None).unwrap().item;
    assert_eq!(
        f.store
            .restore_from_trash(&f.actor, again.id)
            .unwrap_err()
            .code(),
        "piece_in_trash"
    );
    f.store.restore_from_trash(&f.actor, gone.id).unwrap();
    f.store.restore_from_trash(&f.actor, again.id).unwrap();
}

#[test]
fn a_mention_reaches_the_named_persons_desk_until_they_mark_it_seen() {
    let Demo {
        mut f,
        publication,
        piece,
        ..
    } = demo();
    let sam = Actor::new("Sam Sub").unwrap();
    let now = chrono::Utc::now;
    f.store
        .add_comment(
            &sam,
            piece,
            "@Tess Editor, can you check the fee? cc @Nobody",
        )
        .unwrap();
    let tess = f.store.activity(publication, &f.actor, now()).unwrap();
    assert_eq!(tess.mentions.len(), 1, "{tess:?}");
    assert_eq!(tess.mentions[0].comment.author, "Sam Sub");
    assert_eq!(tess.mentions[0].edition, "Feb/Mar 21");
    // Not to others, nor to its author.
    let ed = Actor::new("Ed Itor").unwrap();
    assert!(
        f.store
            .activity(publication, &ed, now())
            .unwrap()
            .mentions
            .is_empty()
    );
    // Tess's own mention of herself is not news to her.
    f.store
        .add_comment(&f.actor, piece, "note to @Tess Editor")
        .unwrap();
    let tess = f.store.activity(publication, &f.actor, now()).unwrap();
    assert_eq!(tess.mentions.len(), 1);
    // Marked seen with the changes: gone.
    let newest = tess.sets[0].at;
    f.store.mark_seen(&f.actor, publication, newest).unwrap();
    assert!(
        f.store
            .activity(publication, &f.actor, now())
            .unwrap()
            .mentions
            .is_empty()
    );
}
