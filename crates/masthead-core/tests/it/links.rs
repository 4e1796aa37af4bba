//! Contributors' links: made and revoked by editors, and what a link lets
//! its contributor see and do (her open commissions only, her answer, her
//! drafts, recorded as hers) until it is revoked or expires.

use masthead_core::model::AssignmentState;
use masthead_core::{PreparedDraft, Upload};

use crate::commissioning::{Demo, add_person, demo, offer};

fn text_draft(name: &str, words: usize) -> PreparedDraft {
    PreparedDraft::new(Upload {
        name: name.into(),
        bytes: vec!["word"; words].join(" ").into_bytes(),
    })
    .unwrap()
}

#[test]
fn a_link_shows_her_open_commissions_and_takes_her_answer_and_draft() {
    let Demo {
        mut f,
        piece,
        edition,
        ..
    } = demo();
    let hannah = add_person(&mut f, "Hannah Price", Some("hannah@example.org"));
    let other = add_person(&mut f, "Omar Other", None);
    let hers = f
        .store
        .commission(&f.actor, piece, &offer(hannah))
        .unwrap()
        .item;
    let second = f
        .store
        .list_articles(edition, crate::today())
        .unwrap()
        .into_iter()
        .find(|a| a.id != piece && a.contributors.is_empty())
        .unwrap()
        .id;
    let theirs = f
        .store
        .commission(&f.actor, second, &offer(other))
        .unwrap()
        .item;

    let made = f
        .store
        .contributor_link(&f.actor, hannah, 90, Some("https://mh.example.org/"))
        .unwrap();
    assert_eq!(made.contributor, "Hannah Price");
    assert_eq!(
        made.url.as_deref(),
        Some(format!("https://mh.example.org/l/{}", made.token).as_str())
    );
    assert_eq!(made.link.created_by, "Tess Editor");
    let days = (made.link.expires_at - made.link.created_at).num_days();
    assert_eq!(days, 90);
    // The store keeps the hash, never the token.
    assert!(!f.snapshot().contains(&made.token));

    let page = f.store.contributor_page(&made.token).unwrap();
    assert_eq!(page.visitor.name, "Hannah Price");
    let ids: Vec<_> = page.commissions.iter().map(|a| a.id).collect();
    assert_eq!(ids, vec![hers.id]);
    assert!(page.commissions[0].brief.contains("actually"));

    // Someone else's commission is "not found", as one that never was.
    for id in [theirs.id, masthead_core::model::AssignmentId(uuid_v7())] {
        assert_eq!(
            f.store
                .answer_through_link(&made.token, id, None, true)
                .unwrap_err()
                .code(),
            "not_found"
        );
        assert_eq!(
            f.store
                .submit_through_link(&made.token, id, &text_draft("x.txt", 10))
                .unwrap_err()
                .code(),
            "not_found"
        );
    }
    assert_eq!(
        f.store.assignment(theirs.id).unwrap().state,
        AssignmentState::Offered
    );

    // A stale answer is a conflict; the right one is recorded as hers.
    let err = f
        .store
        .answer_through_link(&made.token, hers.id, Some(hers.version + 5), true)
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    let accepted = f
        .store
        .answer_through_link(&made.token, hers.id, Some(hers.version), true)
        .unwrap();
    assert_eq!(accepted.state, AssignmentState::Accepted);
    assert_eq!(
        f.store
            .answer_through_link(&made.token, hers.id, None, false)
            .unwrap_err()
            .code(),
        "offer_answered"
    );
    let sent = f
        .store
        .submit_through_link(&made.token, hers.id, &text_draft("mine.txt", 484))
        .unwrap()
        .item;
    assert_eq!(sent.draft.version, 1);
    assert_eq!(sent.draft.words, 484);
    assert_eq!(sent.draft.contributor.as_deref(), Some("Hannah Price"));
    assert_eq!(sent.draft.recorded_by, "Hannah Price");
    let history = f
        .store
        .article_detail(piece, crate::today())
        .unwrap()
        .history;
    assert!(
        history.iter().any(|h| h.actor == "Hannah Price"),
        "{history:?}"
    );
    let (commission, read) = f
        .store
        .draft_through_link(&made.token, hers.id, None)
        .unwrap();
    assert_eq!(commission.id, hers.id);
    assert_eq!(read.draft.version, 1);
    assert!(read.text.starts_with("word word"));
    assert_eq!(
        f.store
            .draft_through_link(&made.token, hers.id, Some(2))
            .unwrap_err()
            .code(),
        "not_found"
    );

    // Revoked, the link opens nothing at once; a new one works.
    assert_eq!(
        f.store.revoke_contributor_links(&f.actor, hannah).unwrap(),
        1
    );
    for err in [
        f.store.contributor_page(&made.token).unwrap_err(),
        f.store
            .submit_through_link(&made.token, hers.id, &text_draft("late.txt", 10))
            .unwrap_err(),
    ] {
        assert_eq!(err.code(), "link_revoked");
    }
    assert_eq!(f.store.drafts(piece).unwrap().len(), 1);
    assert!(f.store.contributor_links(hannah).unwrap().is_empty());
    let again = f.store.contributor_link(&f.actor, hannah, 1, None).unwrap();
    assert_eq!(again.url, None);
    assert_eq!(
        f.store
            .contributor_page(&again.token)
            .unwrap()
            .commissions
            .len(),
        1
    );
    assert_eq!(f.store.contributor_links(hannah).unwrap().len(), 1);
}

fn uuid_v7() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}

#[test]
fn a_link_that_expired_was_guessed_or_is_not_hers_any_more_opens_nothing() {
    let Demo { mut f, piece, .. } = demo();
    let hannah = add_person(&mut f, "Hannah Price", None);
    let hers = f
        .store
        .commission(&f.actor, piece, &offer(hannah))
        .unwrap()
        .item;
    let made = f
        .store
        .contributor_link(&f.actor, hannah, 30, None)
        .unwrap();

    // Guessed or mangled tokens.
    let mut guessed = made.token.clone().into_bytes();
    guessed[0] = if guessed[0] == b'A' { b'B' } else { b'A' };
    for token in [
        String::from_utf8(guessed).unwrap(),
        String::new(),
        "../../etc/passwd".into(),
        format!("{}=", made.token),
    ] {
        assert_eq!(
            f.store.contributor_page(&token).unwrap_err().code(),
            "link_unknown",
            "{token}"
        );
    }

    // Declined, the commission leaves her page; withdrawn too.
    f.store
        .answer_through_link(&made.token, hers.id, None, false)
        .unwrap();
    assert!(
        f.store
            .contributor_page(&made.token)
            .unwrap()
            .commissions
            .is_empty()
    );
    assert_eq!(
        f.store
            .submit_through_link(&made.token, hers.id, &text_draft("x.txt", 3))
            .unwrap_err()
            .code(),
        "not_found"
    );

    // Expired: moved into the past behind the store's back.
    let past = "UPDATE contributor_links SET created_at = '2020-01-01T00:00:00.000Z',
                expires_at = '2020-01-02T00:00:00.000Z';";
    f.behind_the_stores_back(&if f.server.is_some() {
        format!(
            "ALTER TABLE contributor_links DISABLE TRIGGER contributor_links_signed; {past}
             ALTER TABLE contributor_links ENABLE TRIGGER contributor_links_signed;"
        )
    } else {
        format!("DROP TRIGGER contributor_links_kept; {past}")
    });
    assert_eq!(
        f.store.contributor_page(&made.token).unwrap_err().code(),
        "link_expired"
    );

    // A contributor in the trash opens no page.
    let fresh = f
        .store
        .contributor_link(&f.actor, hannah, 30, None)
        .unwrap();
    let c = f.store.contributor(hannah).unwrap();
    f.store
        .delete_contributor(&f.actor, hannah, Some(c.version))
        .unwrap();
    assert_eq!(
        f.store.contributor_page(&fresh.token).unwrap_err().code(),
        "link_unknown"
    );
    assert_eq!(
        f.store
            .contributor_link(&f.actor, hannah, 0, None)
            .unwrap_err()
            .code(),
        "link_days_out_of_range"
    );
}

#[test]
fn a_link_is_only_ever_revoked() {
    let Demo { mut f, .. } = demo();
    let hannah = add_person(&mut f, "Hannah Price", None);
    f.store
        .contributor_link(&f.actor, hannah, 30, None)
        .unwrap();
    for sql in [
        "UPDATE contributor_links SET expires_at = '2999-01-01T00:00:00.000Z'",
        "UPDATE contributor_links SET contributor_id =
           (SELECT c.id FROM contributors c WHERE c.id <> contributor_links.contributor_id LIMIT 1)",
        "DELETE FROM contributor_links",
    ] {
        let err = f.raw_sql(sql).unwrap_err();
        assert!(err.contains("only ever revoked"), "{sql}: {err}");
    }
    f.store.revoke_contributor_links(&f.actor, hannah).unwrap();
    let err = f
        .raw_sql("UPDATE contributor_links SET revoked_at = NULL, revoked_by = NULL")
        .unwrap_err();
    assert!(err.contains("only ever revoked"), "{err}");
}

#[test]
fn through_a_link_a_draft_needs_her_acceptance_and_is_paced_and_a_twin_file_names_no_one() {
    let Demo { mut f, piece, .. } = demo();
    let hannah = add_person(&mut f, "Hannah Price", None);
    let omar = add_person(&mut f, "Omar Other", None);
    let hers = f
        .store
        .commission(&f.actor, piece, &offer(hannah))
        .unwrap()
        .item;
    let mut photo = offer(omar);
    photo.role = "photographer".into();
    let theirs = f.store.commission(&f.actor, piece, &photo).unwrap().item;
    let link = f
        .store
        .contributor_link(&f.actor, hannah, 30, None)
        .unwrap()
        .token;
    let theirs_link = f
        .store
        .contributor_link(&f.actor, omar, 30, None)
        .unwrap()
        .token;

    // Offered, not yet accepted: no draft.
    assert_eq!(
        f.store
            .submit_through_link(&link, hers.id, &text_draft("early.txt", 5))
            .unwrap_err()
            .code(),
        "offer_not_accepted"
    );
    assert!(f.store.drafts(piece).unwrap().is_empty());
    f.store
        .answer_through_link(&link, hers.id, Some(hers.version), true)
        .unwrap();
    f.store
        .answer_through_link(&theirs_link, theirs.id, Some(theirs.version), true)
        .unwrap();

    // The same file as another's draft of the piece: refused without
    // naming that draft's file, version or who sent it.
    let mine = PreparedDraft::new(Upload {
        name: "private-name-of-omar.txt".into(),
        bytes: b"the very same words".to_vec(),
    })
    .unwrap();
    f.store
        .submit_through_link(&theirs_link, theirs.id, &mine)
        .unwrap();
    let twin = PreparedDraft::new(Upload {
        name: "twin.txt".into(),
        bytes: b"the very same words".to_vec(),
    })
    .unwrap();
    let err = f
        .store
        .submit_through_link(&link, hers.id, &twin)
        .unwrap_err();
    assert_eq!(err.code(), "duplicate");
    let said = err.to_string();
    assert!(
        !said.contains("private-name") && !said.contains("Omar") && !said.contains("version"),
        "{said}"
    );

    // Twenty versions an hour, then no more for now.
    for n in 0..20 {
        f.store
            .submit_through_link(&link, hers.id, &text_draft(&format!("v{n}.txt"), n + 1))
            .unwrap();
    }
    let err = f
        .store
        .submit_through_link(&link, hers.id, &text_draft("v21.txt", 30))
        .unwrap_err();
    assert_eq!(err.code(), "drafts_paced");
    assert_eq!(f.store.drafts(piece).unwrap().len(), 21);
}
