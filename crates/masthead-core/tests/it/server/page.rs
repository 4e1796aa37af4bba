//! The contributors' page's own login (migration 22): through a link it
//! acts for that link's contributor alone, and with its login and SQL
//! straight to the server it reaches nothing else, nor does anyone else's
//! login reach through a link.

use masthead_core::links::token_hash;
use masthead_core::model::{AssignmentInput, AssignmentState, PageLogin};
use masthead_core::{PreparedDraft, Store, Upload};
use masthead_pgtest::cluster;

use super::{Team, name_of, raw, refused_by_server, team};
use crate::today;

fn page_client(t: &Team, page: &PageLogin) -> postgres::Client {
    page_connect(t, page).unwrap()
}

/// SQL straight to the server as the page's login.
fn page_connect(t: &Team, page: &PageLogin) -> Result<postgres::Client, postgres::Error> {
    postgres::Client::connect(
        &format!(
            "host=127.0.0.1 port={} user={} password={} dbname={} sslmode=disable",
            cluster().port,
            page.login,
            page.password,
            name_of(&t.url)
        ),
        postgres::NoTls,
    )
}

fn page_store(page: &PageLogin) -> Store {
    Store::open_location(&page.url.replacen(
        &format!("://{}@", page.login),
        &format!("://{}:{}@", page.login, page.password),
        1,
    ))
    .unwrap()
}

fn count(c: &mut postgres::Client, sql: &str) -> i64 {
    c.query_one(sql, &[]).unwrap().get(0)
}

/// Chris Borg (a freelancer with no login of his own), offered a second
/// piece: his id and that offer's.
fn chris_offered(t: &mut Team) -> (String, masthead_core::model::Assignment) {
    let chris = t.admin.find_contributor("Chris Borg").unwrap();
    let edition = t
        .admin
        .list_editions(None)
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Feb/Mar 21")
        .unwrap();
    let idea = t
        .admin
        .list_articles(edition.id, today())
        .unwrap()
        .into_iter()
        .find(|a| a.contributors.is_empty() && a.status_label == "Idea")
        .unwrap();
    let offer = t
        .admin
        .commission(
            &t.actor,
            idea.id,
            &AssignmentInput {
                contributor_id: chris,
                role: "writer".into(),
                brief: "What parish councils need.".into(),
                word_target: Some(500),
                due_date: None,
                fee: None,
                currency: None,
            },
        )
        .unwrap()
        .item;
    (chris.to_string(), offer)
}

#[test]
fn through_a_link_the_page_acts_for_its_contributor_alone_recorded_as_hers() {
    let mut t = team();
    let page = t.admin.page_login().unwrap();
    assert!(page.login.starts_with("mh_page"), "{page:?}");
    let (chris, offer) = chris_offered(&mut t);
    let chris_id = masthead_core::model::ContributorId::parse(&chris).unwrap();
    let link = t
        .admin
        .contributor_link(&t.actor, chris_id, 30, None)
        .unwrap();
    let mut store = page_store(&page);
    assert!(store.serves_links().unwrap());
    assert!(!t.admin.serves_links().unwrap());

    let seen = store.contributor_page(&link.token).unwrap();
    assert_eq!(seen.visitor.name, "Chris Borg");
    assert!(seen.commissions.len() >= 2, "{:?}", seen.commissions);
    assert!(
        seen.commissions
            .iter()
            .all(|a| a.contributor_id == chris_id)
    );

    // Hannah's commission is not his: "not found", and nothing changes.
    let hannahs = t
        .admin
        .list_assignments(masthead_core::AssignmentQuery {
            article: None,
            contributor: t.hannah.person.contributor_id,
            edition: None,
        })
        .unwrap()
        .into_iter()
        .find(|a| a.state.is_active())
        .unwrap();
    assert_eq!(
        store
            .answer_through_link(&link.token, hannahs.id, None, false)
            .unwrap_err()
            .code(),
        "not_found"
    );

    let accepted = store
        .answer_through_link(&link.token, offer.id, Some(offer.version), true)
        .unwrap();
    assert_eq!(accepted.state, AssignmentState::Accepted);
    let draft = PreparedDraft::new(Upload {
        name: "parish.md".into(),
        bytes: b"# Parish councils\n\nWhat they need, in eight words here.".to_vec(),
    })
    .unwrap();
    let sent = store
        .submit_through_link(&link.token, offer.id, &draft)
        .unwrap()
        .item;
    assert_eq!(sent.draft.recorded_by, "Chris Borg");
    assert_eq!(sent.draft.contributor.as_deref(), Some("Chris Borg"));
    let (_, read) = store
        .draft_through_link(&link.token, offer.id, None)
        .unwrap();
    assert!(read.text.contains("Parish councils"));

    // The history says him, signed by the page's login.
    let mut admin = cluster().admin(name_of(&t.url));
    let rows = admin
        .query(
            "SELECT s.actor, s.login FROM change_sets s
              WHERE s.login = $1 ORDER BY s.at",
            &[&page.login],
        )
        .unwrap();
    let signed: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(signed.len(), 2, "{signed:?}");
    assert!(
        signed.iter().all(|(actor, _)| actor == "Chris Borg"),
        "{signed:?}"
    );

    // Revoked, the page's next call stops.
    t.admin
        .revoke_contributor_links(&t.actor, chris_id)
        .unwrap();
    assert_eq!(
        store.contributor_page(&link.token).unwrap_err().code(),
        "link_revoked"
    );
}

#[test]
fn the_page_login_with_raw_sql_reaches_nothing_without_a_link_and_no_one_else_with_one() {
    let mut t = team();
    let page = t.admin.page_login().unwrap();
    let (chris, _) = chris_offered(&mut t);
    let chris_id = masthead_core::model::ContributorId::parse(&chris).unwrap();
    let link = t
        .admin
        .contributor_link(&t.actor, chris_id, 30, None)
        .unwrap();
    let hash = token_hash(&link.token).unwrap();
    // Hannah, commissioned too on Chris's offered piece, sends a draft of it.
    let photo = AssignmentInput {
        contributor_id: t.hannah.person.contributor_id.unwrap(),
        role: "photographer".into(),
        brief: String::new(),
        word_target: None,
        due_date: None,
        fee: None,
        currency: None,
    };
    let piece = t
        .admin
        .list_assignments(masthead_core::AssignmentQuery {
            article: None,
            contributor: Some(chris_id),
            edition: None,
        })
        .unwrap()
        .into_iter()
        .find(|a| a.state == AssignmentState::Offered)
        .unwrap()
        .article_id;
    t.admin.commission(&t.actor, piece, &photo).unwrap();
    t.admin
        .submit_draft(
            &t.actor,
            piece,
            &Upload {
                name: "hannahs-photos.md".into(),
                bytes: b"# Captions\n\nHannah's own words.".to_vec(),
            },
            t.hannah.person.contributor_id,
        )
        .unwrap();
    assert_eq!(t.admin.drafts(piece).unwrap().len(), 1);
    let mut p = page_client(&t, &page);

    // No link: a contributor with no commissions sees nothing of anyone's.
    for table in [
        "assignments", "contributors", "drafts", "draft_contents", "changes",
    ] {
        assert_eq!(
            count(&mut p, &format!("SELECT count(*) FROM {table}")),
            0,
            "{table}"
        );
    }
    for sql in [
        "SELECT * FROM contributor_links",
        "SELECT notes FROM articles",
        "SELECT * FROM slots",
        "INSERT INTO contributor_links (id, contributor_id, token_sha256, created_by, created_at, expires_at)
         SELECT id, id, repeat('a', 64), 'x', '2026-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z' FROM contributors LIMIT 1",
        "UPDATE contributor_links SET revoked_at = NULL",
        "SELECT masthead_answer_offer((SELECT id FROM assignments LIMIT 1), 1, true)",
        "SELECT masthead_lock_writes()",
    ] {
        refused_by_server(p.batch_execute(sql), sql);
    }
    // Her functions without a link name no one.
    refused_by_server(
        p.query(
            "SELECT masthead_answer_offer('00000000-0000-7000-8000-000000000000', 1, true)",
            &[],
        ),
        "an answer without a link",
    );

    // A hash made up, or set by hand instead of through the visit, is
    // checked all the same: a made-up one shows nothing.
    p.batch_execute(&format!(
        "SELECT set_config('masthead.link', '{}', false)",
        "a".repeat(64)
    ))
    .unwrap();
    assert_eq!(count(&mut p, "SELECT count(*) FROM assignments"), 0);

    // With his link: his rows, and no one else's.
    let mut tx = p.transaction().unwrap();
    let outcome: String = tx
        .query_one("SELECT outcome FROM masthead_link_visit($1)", &[&hash])
        .unwrap()
        .get(0);
    assert_eq!(outcome, "ok");
    let (his, others): (i64, i64) = {
        let r = tx
            .query_one(
                "SELECT count(*) FILTER (WHERE contributor_id = $1),
                        count(*) FILTER (WHERE contributor_id <> $1) FROM assignments",
                &[&chris],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert!(his >= 2, "{his}");
    assert_eq!(others, 0);
    assert_eq!(count_in(&mut tx, "SELECT count(*) FROM contributors"), 1);
    // Another's draft of his piece: not through the page's login.
    let theirs: i64 = tx
        .query_one(
            "SELECT count(*) FROM drafts WHERE contributor_id IS DISTINCT FROM $1",
            &[&chris],
        )
        .unwrap()
        .get(0);
    assert_eq!(theirs, 0);
    assert_eq!(
        count_in(&mut tx, "SELECT count(*) FROM draft_contents"),
        count_in(&mut tx, "SELECT count(*) FROM drafts")
    );
    refused_by_server(
        tx.batch_execute("SELECT * FROM slots"),
        "the flatplan, with a link",
    );
    tx.commit().unwrap();
    // The visit lasted its transaction.
    assert_eq!(
        count(
            &mut p,
            "SELECT count(*) FROM assignments WHERE contributor_id = (SELECT id FROM contributors LIMIT 1)"
        ),
        0
    );

    // Hannah's own login sets his hash: she still sees only her own, and
    // may not visit links at all.
    let mut h = raw(&t, &t.hannah);
    h.batch_execute(&format!(
        "SELECT set_config('masthead.link', '{hash}', false)"
    ))
    .unwrap();
    let his_seen: i64 = h
        .query_one(
            "SELECT count(*) FROM assignments WHERE contributor_id = $1",
            &[&chris],
        )
        .unwrap()
        .get(0);
    assert_eq!(his_seen, 0);
    refused_by_server(
        h.query("SELECT * FROM masthead_link_visit($1)", &[&hash]),
        "a contributor visiting a link",
    );

    // Revoked: the visit says so, and the hash set by hand opens nothing.
    t.admin
        .revoke_contributor_links(&t.actor, chris_id)
        .unwrap();
    let outcome: String = p
        .query_one("SELECT outcome FROM masthead_link_visit($1)", &[&hash])
        .unwrap()
        .get(0);
    assert_eq!(outcome, "revoked");
    p.batch_execute(&format!(
        "SELECT set_config('masthead.link', '{hash}', false)"
    ))
    .unwrap();
    assert_eq!(count(&mut p, "SELECT count(*) FROM assignments"), 0);

    // Made an editor by hand, the page's login serves no link; closed, it
    // signs in no more; a member's login is not a page's to close.
    let mut admin = cluster().admin(name_of(&t.url));
    let editors: String = admin
        .query_one("SELECT editor FROM masthead_groups", &[])
        .unwrap()
        .get(0);
    admin
        .batch_execute(&format!("GRANT {editors} TO {}", page.login))
        .unwrap();
    assert!(!page_store(&page).serves_links().unwrap());
    admin
        .batch_execute(&format!("REVOKE {editors} FROM {}", page.login))
        .unwrap();
    assert_eq!(
        t.admin
            .close_page_login(&t.hannah.login)
            .unwrap_err()
            .code(),
        "not_a_page_login"
    );
    t.admin.close_page_login(&page.login).unwrap();
    drop(p);
    assert!(page_connect(&t, &page).is_err());
}

fn count_in(tx: &mut postgres::Transaction<'_>, sql: &str) -> i64 {
    tx.query_one(sql, &[]).unwrap().get(0)
}
