//! Issue 17's attacks, each made as a hostile contributor would make it:
//! with her real login and SQL straight to the server (the password from her
//! invitation and `psql`), or through `Store`. Each is refused, and the
//! editors' screens still read afterwards.

use masthead_core::model::{ArticleInput, BoardFilter};
use masthead_core::{AssignmentQuery, Store};
use masthead_pgtest::cluster;

use super::{Team, name_of, raw, refused_by_server, signed, team};
use crate::{server_snapshot, today};

/// Hannah's live assignment in the demo and its piece, as (piece, assignment).
pub(super) fn her_live_piece(t: &Team, admin: &mut postgres::Client) -> (String, String) {
    let hannah = t.hannah.person.contributor_id.unwrap().to_string();
    let row = admin
        .query_one(
            "UPDATE assignments SET state = 'accepted'
              WHERE id = (SELECT id FROM assignments WHERE contributor_id = $1
                           ORDER BY created_at LIMIT 1)
             RETURNING article_id, id",
            &[&hannah],
        )
        .unwrap();
    (row.get(0), row.get(1))
}

/// Every screen an editor reads, over everything: none fails.
pub(super) fn editors_screens_read(admin: &Store) {
    for e in admin.list_editions(None).unwrap() {
        admin.edition(e.id).unwrap();
        admin.edition_plan(e.id, today()).unwrap();
        admin.edition_history(e.id).unwrap();
        for a in admin.list_articles(e.id, today()).unwrap() {
            admin.article_detail(a.id, today()).unwrap();
            admin.drafts(a.id).unwrap();
            admin.history_of(&a.id.to_string()).unwrap();
        }
    }
    for p in admin.list_publications().unwrap() {
        admin.board(p.id, &BoardFilter::default(), today()).unwrap();
    }
    admin
        .list_assignments(AssignmentQuery {
            article: None,
            contributor: None,
            edition: None,
        })
        .unwrap();
    admin.export_json(&mut std::io::sink()).unwrap();
    assert!(admin.check().unwrap().problems.is_empty());
}

#[test]
fn her_functions_refuse_what_is_not_hers_and_type_every_value() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, assignment) = her_live_piece(&t, &mut admin);
    let mut h = raw(&t, &t.hannah);
    let someone_elses: (String, String) = {
        let r = admin
            .query_one(
                "SELECT article_id, id FROM assignments WHERE contributor_id <> $1 LIMIT 1",
                &[&t.hannah.person.contributor_id.unwrap().to_string()],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    let before = server_snapshot(&t.url);

    // Someone else's offer and someone else's piece are not hers.
    refused_by_server(
        h.query(
            "SELECT masthead_answer_offer($1, 1, true)",
            &[&someone_elses.1],
        ),
        "answering another writer's offer",
    );
    let submit = "SELECT * FROM masthead_submit_draft($1, $2, $3, $4, $5, $6)";
    let markdown = "text/markdown";
    refused_by_server(
        h.query(
            submit,
            &[
                &someone_elses.0,
                &"x.md",
                &markdown,
                &b"x".as_slice(),
                &"x",
                &"x",
            ],
        ),
        "a draft of another writer's piece",
    );
    // Her own answer is accept or decline, to the version she saw; an
    // accepted assignment is not answered again.
    let err = h
        .query(
            "SELECT masthead_answer_offer($1, NULL, NULL)",
            &[&assignment],
        )
        .unwrap_err();
    assert_eq!(err.code().unwrap().code(), "22023", "{err:?}");
    let err = h
        .query("SELECT masthead_answer_offer($1, 1, true)", &[&assignment])
        .unwrap_err();
    assert!(
        format!("{err:?}").contains("no longer be answered"),
        "{err:?}"
    );

    // A draft's name is one line without a folder, of a kind Masthead
    // reads, of 1 byte to 25 MB, with its text.
    let hostile: [(&str, &str, &[u8], Option<&str>); 7] = [
        (
            "../../.local/share/applications/x.desktop",
            markdown,
            b"x",
            Some("x"),
        ),
        ("\u{1b}]0;OWNED\u{7}\u{1b}[2J.md", markdown, b"x", Some("x")),
        ("report\u{202e}xcod.sh", markdown, b"x", Some("x")),
        ("run.sh", "application/x-sh", b"#!/bin/sh", Some("x")),
        ("empty.md", markdown, b"", Some("")),
        ("no-text.md", markdown, b"x", None),
        ("", markdown, b"x", Some("x")),
    ];
    for (name, media_type, bytes, text) in hostile {
        let err = h
            .query(submit, &[&piece, &name, &media_type, &bytes, &text, &text])
            .unwrap_err();
        assert_eq!(err.code().unwrap().code(), "22023", "{name:?}: {err:?}");
    }
    let huge = vec![b'a'; 25 * 1024 * 1024 + 1];
    let err = h
        .query(
            submit,
            &[&piece, &"huge.txt", &"text/plain", &huge, &"a", &"a"],
        )
        .unwrap_err();
    assert_eq!(err.code().unwrap().code(), "22023", "{err:?}");
    assert_eq!(
        server_snapshot(&t.url),
        before,
        "a refused call changed something"
    );

    // What she can do, the server records as it is: the size, hash and
    // words of what it stores (not 1,200 words for three), at the server's
    // time, in her name, with its own history line.
    let row = h
        .query_one(
            submit,
            &[
                &piece,
                &"mine.md",
                &markdown,
                &b"one two three".as_slice(),
                &"one two three",
                &"one two three",
            ],
        )
        .unwrap();
    let draft: String = row.get(0);
    let stored = admin
        .query_one(
            "SELECT d.size, d.sha256, d.words, d.recorded_by, d.submitted_at, c.original
               FROM drafts d JOIN draft_contents c ON c.draft_id = d.id WHERE d.id = $1",
            &[&draft],
        )
        .unwrap();
    assert_eq!(stored.get::<_, i64>(0), 13);
    // `printf 'one two three' | sha256sum`
    assert_eq!(
        stored.get::<_, String>(1),
        "6899ee404683a14e8c2a03149860df25d67d34d9cd4dae7350cbe91e4b3976be"
    );
    assert_eq!(stored.get::<_, i32>(2), 3);
    assert_eq!(stored.get::<_, String>(3), "Hannah Okafor");
    let at: String = stored.get(4);
    assert!(
        chrono::DateTime::parse_from_rfc3339(&at).is_ok(),
        "the server's time: {at}"
    );
    assert_eq!(stored.get::<_, Vec<u8>>(5), b"one two three");
    let history = t.admin.history_of(&draft).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].actor, "Hannah Okafor");
    assert!(
        history[0].text.contains("version ") && history[0].text.contains("3 words"),
        "{}",
        history[0].text
    );
    // The same file again is refused.
    let err = h
        .query(
            submit,
            &[
                &piece,
                &"again.md",
                &markdown,
                &b"one two three".as_slice(),
                &"one two three",
                &"one two three",
            ],
        )
        .unwrap_err();
    assert!(format!("{err:?}").contains("already version"), "{err:?}");

    // History is dated when it is written, not when her transaction began
    // (which she could hold open to backdate it).
    h.batch_execute(
        "BEGIN; SELECT pg_sleep(1.2);
         SELECT * FROM masthead_submit_draft(
             (SELECT a.article_id FROM assignments a
               WHERE a.state = 'accepted' AND a.contributor_id = masthead_me_contributor()
               ORDER BY a.created_at LIMIT 1),
             'later.md', 'text/markdown', 'later'::bytea, 'later', 'later');
         COMMIT",
    )
    .unwrap();
    let row = admin
        .query_one(
            "SELECT s.at, d.submitted_at
               FROM drafts d JOIN changes c ON c.entity_id = d.id
               JOIN change_sets s ON s.id = c.change_set_id
              WHERE d.file_name = 'later.md'",
            &[],
        )
        .unwrap();
    let (at, submitted): (String, String) = (row.get(0), row.get(1));
    assert!(
        at >= submitted,
        "the change set at {at}, before the draft it records ({submitted})"
    );

    // A withdrawn offer is not hers to revive through her function.
    let version: i32 = admin
        .query_one(
            "UPDATE assignments SET state = 'withdrawn', version = version + 1 WHERE id = $1
             RETURNING version",
            &[&assignment],
        )
        .unwrap()
        .get(0);
    let err = h
        .query(
            "SELECT masthead_answer_offer($1, $2, true)",
            &[&assignment, &version],
        )
        .unwrap_err();
    assert!(
        format!("{err:?}").contains("withdrawn and can no longer be answered"),
        "{err:?}"
    );
    editors_screens_read(&t.admin);
}

/// Through Masthead, as in the app: she declines an offer (after which the
/// piece is no longer hers to see) and is told it is declined.
#[test]
fn she_declines_an_offer_through_masthead() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (_, assignment) = her_live_piece(&t, &mut admin);
    admin
        .execute(
            "UPDATE assignments SET state = 'offered' WHERE id = $1",
            &[&assignment],
        )
        .unwrap();
    let mut her = Store::open_location(&signed(&t.hannah)).unwrap();
    let me = masthead_core::Actor::new("Hannah Okafor").unwrap();
    let offer = her
        .list_assignments(AssignmentQuery {
            article: None,
            contributor: None,
            edition: None,
        })
        .unwrap()
        .into_iter()
        .find(|a| a.id.to_string() == assignment)
        .unwrap();
    let declined = her
        .answer_assignment(&me, offer.id, Some(offer.version), false)
        .unwrap();
    assert_eq!(declined.state.key(), "declined");
    assert_eq!(declined.version, offer.version + 1);
    let stored = t.admin.assignment(offer.id).unwrap();
    assert_eq!(stored.state.key(), "declined");
    let history = t.admin.history_of(&assignment).unwrap();
    assert!(
        history
            .last()
            .is_some_and(|h| h.actor == "Hannah Okafor" && h.text.contains("declined")),
        "{history:?}"
    );
}

/// The hostile-arguments sweep: every function in the schema, called by
/// her login with NULLs, other people's ids, garbage and huge values,
/// changes nothing at all.
#[test]
fn every_function_called_with_hostile_arguments_changes_nothing() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (her_piece, her_assignment) = her_live_piece(&t, &mut admin);
    let mut others: Vec<String> = admin
        .query(
            "(SELECT id FROM assignments WHERE contributor_id <> $1 LIMIT 1)
             UNION ALL (SELECT article_id FROM assignments WHERE contributor_id <> $1 LIMIT 1)
             UNION ALL (SELECT id FROM contributors WHERE id <> $1 LIMIT 1)
             UNION ALL (SELECT id FROM editions LIMIT 1)
             UNION ALL (SELECT id FROM change_sets LIMIT 1)
             UNION ALL (SELECT login FROM people WHERE login IS NOT NULL AND role = 'editor' LIMIT 1)",
            &[&t.hannah.person.contributor_id.unwrap().to_string()],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let functions: Vec<(String, Vec<String>)> = admin
        .query(
            "SELECT p.proname::text,
                    array(SELECT format_type(a, NULL) FROM unnest(p.proargtypes::oid[]) a)
               FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.prorettype <> 'trigger'::regtype
              ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert!(
        functions.iter().any(|(f, _)| f == "masthead_submit_draft"),
        "{functions:?}"
    );
    // Her own piece and offer too: with the hostile values beside them,
    // the calls reach the functions' later checks.
    let own_piece = her_piece.clone();
    others.extend([her_piece, her_assignment]);
    let huge = "x".repeat(1 << 20);
    let mut texts: Vec<Option<String>> = vec![
        None,
        Some(String::new()),
        Some("'; DROP TABLE drafts; --".into()),
        Some("../../../etc/passwd".into()),
        Some("\u{1b}]0;OWNED\u{7}".into()),
        Some("2021-02-30".into()),
        Some(huge),
    ];
    texts.extend(others.into_iter().map(Some));
    let before = server_snapshot(&t.url);
    let mut h = raw(&t, &t.hannah);
    let (mut calls, mut harmless) = (0, 0);
    for (name, args) in &functions {
        for (i, text) in texts.iter().enumerate() {
            let values: Vec<String> = args
                .iter()
                .enumerate()
                .map(|(j, ty)| {
                    let v = if j == 0 {
                        text.clone()
                    } else {
                        texts[(i + j) % texts.len()].clone()
                    };
                    let literal = match (ty.as_str(), v) {
                        (_, None) => "NULL".to_owned(),
                        ("integer" | "bigint", Some(_)) => {
                            ["-1", "0", "2147483647"][i % 3].to_owned()
                        }
                        ("boolean", Some(_)) => ["true", "false"][i % 2].to_owned(),
                        (_, Some(s)) => format!("'{}'", s.replace('\'', "''")),
                    };
                    format!("{literal}::{ty}")
                })
                .collect();
            // A comment of hers on her own piece is any text, by design
            // (a_contributor_comments_on_her_own_piece_only tests its
            // refusals): swept against everything but her piece, so any
            // change it makes here is an attack that worked.
            if name == "masthead_add_comment" && values.iter().any(|v| v.contains(&own_piece)) {
                continue;
            }
            let sql = format!("SELECT * FROM public.{name}({})", values.join(", "));
            // Refused or harmless: either way, nothing may change. But the
            // call itself must reach the function (no typo of this test's).
            if let Err(e) = h.batch_execute(&sql) {
                let code = e.code().map(|c| c.code().to_owned()).unwrap_or_default();
                assert!(
                    !["42601", "42883", "42804", "42P18"].contains(&code.as_str()),
                    "{name}({args:?}) was not called: {e:?}"
                );
            } else {
                harmless += 1;
            }
            calls += 1;
        }
    }
    assert!(
        calls > 100 && harmless > 0,
        "{calls} calls, {harmless} harmless"
    );
    assert_eq!(
        server_snapshot(&t.url),
        before,
        "a hostile call changed something"
    );
    editors_screens_read(&t.admin);
}

/// Attack 6: a contributor holding the old write lock's key, the migration
/// lock, a piece that is not hers, or her own rows in a transaction she
/// leaves open, stalls nobody: her refused calls lock nothing, and the next
/// editor's save ends a session left sitting on rows it wrote.
#[test]
fn no_contributor_can_stall_the_team() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, _) = her_live_piece(&t, &mut admin);
    let mut h = raw(&t, &t.hannah);
    // Any login may take any advisory lock: Masthead's writes no longer use
    // one, and an up-to-date schema opens without the migration's.
    h.batch_execute(
        "SELECT pg_advisory_lock(5571889833666824532); -- the old write lock, \"MSTHWRIT\"
         SELECT pg_advisory_lock(5571889833498462034); -- the migration lock, \"MSTHMIGR\"",
    )
    .unwrap();
    let mut ed = Store::open_location(&signed(&t.editor)).unwrap();
    let ed_actor = masthead_core::Actor::new("Ed Itor").unwrap();
    let pieces: Vec<_> = ed
        .list_editions(None)
        .unwrap()
        .into_iter()
        .flat_map(|e| ed.list_articles(e.id, today()).unwrap())
        .collect();
    let another = pieces.iter().find(|a| a.id.to_string() != piece).unwrap();
    let hers = pieces.iter().find(|a| a.id.to_string() == piece).unwrap();
    let save = |ed: &mut Store, id, note: &str| {
        let now = ed.article(id).unwrap();
        let mut input = ArticleInput::from(&now);
        input.notes = note.into();
        ed.update_article(&ed_actor, id, Some(now.version), &input)
            .map(|_| ())
    };

    // A piece that is not hers: refused before anything is locked, even
    // inside a transaction she keeps open.
    h.batch_execute("BEGIN").unwrap();
    refused_by_server(
        h.query(
            "SELECT * FROM masthead_submit_draft($1, 'x.md', 'text/markdown', 'x'::bytea, 'x', 'x')",
            &[&another.id.to_string()],
        ),
        "a draft of a piece not hers",
    );
    let started = std::time::Instant::now();
    save(&mut ed, another.id, "saved while she sits in a transaction")
        .expect("an editor's save of that piece goes through");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "the save waited for her: {:?}",
        started.elapsed()
    );
    h.batch_execute("ROLLBACK").unwrap();

    // An answer to the wrong version changes nothing and holds nothing.
    let offer: String = admin
        .query_one(
            "SELECT id FROM assignments WHERE article_id = $1 AND contributor_id = $2",
            &[&piece, &t.hannah.person.contributor_id.unwrap().to_string()],
        )
        .unwrap()
        .get(0);
    h.batch_execute("BEGIN").unwrap();
    let answered: i32 = h
        .query_one("SELECT masthead_answer_offer($1, -1, true)", &[&offer])
        .unwrap()
        .get(0);
    assert_eq!(answered, 0);
    let started = std::time::Instant::now();
    admin.batch_execute("SET lock_timeout = '1s'").unwrap();
    admin
        .execute(
            "UPDATE assignments SET brief = brief WHERE id = $1",
            &[&offer],
        )
        .expect("her offer's row is not held");
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    h.batch_execute("ROLLBACK").unwrap();

    // Her own piece, her function's rows held in a transaction left open:
    // the next editor's save ends her session and goes through, and what she
    // never committed is not there.
    h.batch_execute(
        "BEGIN; SELECT * FROM masthead_submit_draft(
             (SELECT a.article_id FROM assignments a
               WHERE a.state = 'accepted' AND a.contributor_id = masthead_me_contributor()
               ORDER BY a.created_at LIMIT 1),
             'held.md', 'text/markdown', 'held'::bytea, 'held', 'held')",
    )
    .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    save(&mut ed, hers.id, "an editor's note on her piece")
        .expect("her stalled session is ended, the editor's save goes through");
    assert!(
        h.batch_execute("COMMIT").is_err(),
        "her stalled session was ended"
    );
    let held: i64 = admin
        .query_one(
            "SELECT count(*) FROM drafts WHERE file_name = 'held.md'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(held, 0, "her uncommitted draft is not there");
    // And she signs in again and works as before.
    let mut h = raw(&t, &t.hannah);
    h.query_one(
        "SELECT * FROM masthead_submit_draft($1, 'after.md', 'text/markdown', 'after'::bytea,
                                             'after', 'after')",
        &[&piece],
    )
    .unwrap();
}

/// The trash is the editors': a contributor's login neither reads it nor
/// files, restores or empties anything in it, and a piece of hers in the
/// trash leaves her list of assignments until it is restored.
#[test]
fn the_trash_is_closed_to_a_contributor() {
    let mut t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, _) = her_live_piece(&t, &mut admin);
    let piece_id = masthead_core::model::ArticleId::parse(&piece).unwrap();
    let item = t
        .admin
        .delete_article(&t.actor, piece_id, None)
        .unwrap()
        .item;

    let mut h = raw(&t, &t.hannah);
    refused_by_server(h.query("SELECT * FROM trash", &[]), "reading the trash");
    refused_by_server(
        h.execute("UPDATE trash SET restored_in = deleted_in", &[]),
        "restoring through the trash",
    );
    refused_by_server(
        h.execute(
            "UPDATE articles SET deleted_at = NULL WHERE id = $1",
            &[&piece],
        ),
        "undeleting her piece",
    );
    let hannah = Store::open_location(&signed(&t.hannah)).unwrap();
    let everyone = AssignmentQuery {
        article: None,
        contributor: None,
        edition: None,
    };
    let mine = hannah.list_assignments(everyone).unwrap();
    assert!(mine.iter().all(|a| a.article_id != piece_id), "{mine:?}");
    t.admin.restore_from_trash(&t.actor, item.id).unwrap();
    let mine = hannah.list_assignments(everyone).unwrap();
    assert!(mine.iter().any(|a| a.article_id == piece_id), "{mine:?}");
}

/// A piece in the trash, or one of an edition in the trash, is closed to
/// her functions as to her reads: she cannot answer its offer or send it a
/// draft with her own login, until an editor restores it.
#[test]
fn the_trash_closes_her_functions_too() {
    let mut t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, assignment) = her_live_piece(&t, &mut admin);
    // An offer of hers still open, on her live piece.
    admin
        .execute(
            "UPDATE assignments SET state = 'offered' WHERE id = $1",
            &[&assignment],
        )
        .unwrap();
    let edition: String = admin
        .query_one("SELECT edition_id FROM articles WHERE id = $1", &[&piece])
        .unwrap()
        .get(0);
    let edition = masthead_core::model::EditionId::parse(&edition).unwrap();
    let item = t
        .admin
        .delete_edition(&t.actor, edition, None)
        .unwrap()
        .item;

    let mut h = raw(&t, &t.hannah);
    let version: i32 = admin
        .query_one(
            "SELECT version FROM assignments WHERE id = $1",
            &[&assignment],
        )
        .unwrap()
        .get(0);
    refused_by_server(
        h.query(
            "SELECT masthead_answer_offer($1, $2, true)",
            &[&assignment, &version],
        ),
        "answering an offer of a trashed edition's piece",
    );
    refused_by_server(
        h.query(
            "SELECT * FROM masthead_submit_draft($1, 'late.md', 'text/markdown', 'late'::bytea,
                                                 'late', 'late')",
            &[&piece],
        ),
        "sending a draft to a trashed edition's piece",
    );
    let seen: i64 = h
        .query_one("SELECT count(*) FROM articles WHERE id = $1", &[&piece])
        .unwrap()
        .get(0);
    assert_eq!(seen, 0, "she no longer reads a piece in the trash");
    drop(h);

    t.admin.restore_from_trash(&t.actor, item.id).unwrap();
    let mut h = raw(&t, &t.hannah);
    h.query(
        "SELECT masthead_answer_offer($1, $2, true)",
        &[&assignment, &version],
    )
    .unwrap();
}

/// A comment is its author's on the server, whatever another editor's
/// login sends as raw SQL: a comment is written under the writer's own
/// name and the server's time, keeps its author, and only its author
/// changes or deletes it.
#[test]
fn a_comment_cannot_be_forged_or_taken_over_by_another_editor() {
    let mut t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, _) = her_live_piece(&t, &mut admin);
    let piece_id = masthead_core::model::ArticleId::parse(&piece).unwrap();
    let tess = t
        .admin
        .add_comment(&t.actor, piece_id, "Tess's note")
        .unwrap();

    let mut ed = raw(&t, &t.editor);
    refused_by_server(
        ed.execute(
            "UPDATE comments SET body = 'hijacked' WHERE id = $1",
            &[&tess.id.to_string()],
        ),
        "another editor rewriting a comment",
    );
    refused_by_server(
        ed.execute(
            "UPDATE comments SET deleted_at = updated_at WHERE id = $1",
            &[&tess.id.to_string()],
        ),
        "another editor deleting a comment",
    );
    refused_by_server(
        ed.execute(
            "UPDATE comments SET author = 'Ed Itor' WHERE id = $1",
            &[&tess.id.to_string()],
        ),
        "taking a comment over",
    );
    // Written "as Tess": stored as Ed's, at the server's time.
    ed.execute(
        "INSERT INTO comments (id, article_id, author, body, created_at, updated_at)
         VALUES ('01a24790-0000-7000-8000-000000000001', $1, 'Tess Editor', 'forged',
                 '2001-01-01T00:00:00.000Z', '2001-01-01T00:00:00.000Z')",
        &[&piece],
    )
    .unwrap();
    let (author, at): (String, String) = {
        let r = admin
            .query_one(
                "SELECT author, created_at FROM comments WHERE body = 'forged'",
                &[],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert_eq!(author, "Ed Itor");
    assert!(!at.starts_with("2001"), "{at}");
    let kept: String = admin
        .query_one(
            "SELECT body FROM comments WHERE id = $1",
            &[&tess.id.to_string()],
        )
        .unwrap()
        .get(0);
    assert_eq!(kept, "Tess's note");
}

/// A piece's contributor reads its comments and comments on it through
/// the server's function, under her own name; nothing else.
#[test]
fn a_contributor_comments_on_her_own_piece_only() {
    let mut t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, _) = her_live_piece(&t, &mut admin);
    let piece_id = masthead_core::model::ArticleId::parse(&piece).unwrap();
    t.admin
        .add_comment(&t.actor, piece_id, "@Hannah Okafor one more quote, please")
        .unwrap();

    let mut hannah = Store::open_location(&signed(&t.hannah)).unwrap();
    let who = masthead_core::Actor::new("Typed Name").unwrap();
    let seen = hannah.comments(piece_id).unwrap();
    assert_eq!(seen.len(), 1, "she reads her piece's comments");
    let mine = hannah
        .add_comment(&who, piece_id, "Added: @Ed Itor, and @Nobody Here")
        .unwrap();
    assert_eq!(
        mine.author, "Hannah Okafor",
        "the server's name, not the typed one"
    );
    let editors = t.admin.comments(piece_id).unwrap();
    assert_eq!(editors.len(), 2);
    // Her mention of a team member reaches his desk; only members' names are kept.
    let publication = t.admin.list_publications().unwrap()[0].id;
    let ed = masthead_core::Actor::new("Ed Itor").unwrap();
    let his = t
        .admin
        .activity(publication, &ed, chrono::Utc::now())
        .unwrap();
    assert!(
        his.mentions
            .iter()
            .any(|m| m.comment.author == "Hannah Okafor"),
        "{:?}",
        his.mentions
    );
    let kept: Vec<String> = admin
        .query(
            "SELECT name FROM comment_mentions WHERE comment_id = $1 ORDER BY name",
            &[&mine.id.to_string()],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(kept, ["ed itor"]);

    let mut h = raw(&t, &t.hannah);
    let other: String = admin
        .query_one(
            "SELECT id FROM articles WHERE id NOT IN
               (SELECT article_id FROM assignments WHERE contributor_id = $1) LIMIT 1",
            &[&t.hannah.person.contributor_id.unwrap().to_string()],
        )
        .unwrap()
        .get(0);
    refused_by_server(
        h.query("SELECT masthead_add_comment($1, 'hello', '[]')", &[&other]),
        "commenting on a piece not hers",
    );
    refused_by_server(
        h.execute(
            "INSERT INTO comments (id, article_id, author, body, created_at, updated_at)
             VALUES ('01a24790-0000-7000-8000-000000000009', $1, 'x', 'y',
                     '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
            &[&piece],
        ),
        "writing a comment without the function",
    );
    let bad = h
        .query(
            "SELECT masthead_add_comment($1, E'bell\\u0007', '[]')",
            &[&piece],
        )
        .unwrap_err();
    assert!(
        format!("{bad:?}").contains("1 to 4000 characters"),
        "{bad:?}"
    );
    for mentions in ["not json", "[null]", "[1, true]", "{\"a\": 1}"] {
        let bad = h
            .query(
                "SELECT masthead_add_comment($1, 'fine', $2)",
                &[&piece, &mentions],
            )
            .unwrap_err();
        assert!(
            format!("{bad:?}").contains("list of names"),
            "{mentions}: {bad:?}"
        );
    }
    let blank = h
        .query(
            "SELECT masthead_add_comment($1, U&'\\200B\\200B', '[]')",
            &[&piece],
        )
        .unwrap_err();
    assert!(
        format!("{blank:?}").contains("1 to 4000 characters"),
        "{blank:?}"
    );
    // One comment per call: two in one transaction are refused.
    let twice = h
        .batch_execute(&format!(
            "BEGIN; SELECT masthead_add_comment('{piece}', 'one', '[]');
                    SELECT masthead_add_comment('{piece}', 'two', '[]'); COMMIT;"
        ))
        .unwrap_err();
    assert!(
        format!("{twice:?}").contains("one comment at a time"),
        "{twice:?}"
    );
    let _ = h.batch_execute("ROLLBACK");
    // Another piece's comments stay out of her sight.
    let n: i64 = h
        .query_one(
            "SELECT count(*) FROM comments WHERE article_id <> $1",
            &[&piece],
        )
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    // What editors said before she was commissioned stays theirs.
    admin
        .execute(
            "UPDATE assignments SET created_at = '2999-01-01T00:00:00.000Z'
              WHERE article_id = $1 AND contributor_id = $2",
            &[&piece, &t.hannah.person.contributor_id.unwrap().to_string()],
        )
        .unwrap();
    let n: i64 = h
        .query_one("SELECT count(*) FROM comments", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 0, "comments from before her commission are hidden");
}

/// Migration 20's and 21's counts, attacked with raw SQL: a contributor
/// reads none and writes none, an editor reads them but cannot write them,
/// and nobody runs the triggers' functions by hand; the counts stay the
/// pieces' and the commissions'.
#[test]
fn the_counts_are_the_servers_to_keep() {
    let t = team();
    let mut h = raw(&t, &t.hannah);
    let mut e = raw(&t, &t.editor);
    for (table, function, tampering) in [
        (
            "edition_status_counts",
            "masthead_pieces_counted",
            [
                "UPDATE edition_status_counts SET pieces = pieces + 1",
                "DELETE FROM edition_status_counts",
                "INSERT INTO edition_status_counts SELECT edition_id, status_id, 1 FROM articles LIMIT 1",
            ],
        ),
        (
            "contributor_open_counts",
            "masthead_commissions_counted",
            [
                "UPDATE contributor_open_counts SET open = open + 1",
                "DELETE FROM contributor_open_counts",
                "INSERT INTO contributor_open_counts SELECT id, 7 FROM contributors LIMIT 1",
            ],
        ),
    ] {
        refused_by_server(
            h.query(&format!("SELECT * FROM {table}"), &[]),
            &format!("a contributor reading {table}"),
        );
        for attack in tampering {
            refused_by_server(h.execute(attack, &[]), &format!("a contributor: {attack}"));
            refused_by_server(e.execute(attack, &[]), &format!("an editor: {attack}"));
        }
        e.query(&format!("SELECT * FROM {table}"), &[]).unwrap();
        for (client, who) in [(&mut h, "a contributor"), (&mut e, "an editor")] {
            refused_by_server(
                client.query(&format!("SELECT {function}()"), &[]),
                &format!("{who} running {function}()"),
            );
        }
    }
    assert!(t.admin.check().unwrap().is_clean());
}

/// Her answer to an offer holds no row an editor needs for her other
/// commissions: accepting touches no count (migration 21's trigger skips a
/// commission still open and still hers), so while she keeps her
/// transaction open (busy, so not ended as stalled), the editor withdrawing
/// another of her commissions is not kept waiting into "server busy".
#[test]
fn her_open_answer_keeps_no_editor_waiting() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (_, answered) = her_live_piece(&t, &mut admin);
    let hannah = t.hannah.person.contributor_id.unwrap().to_string();
    let version: i32 = admin
        .query_one(
            "UPDATE assignments SET state = 'offered', version = version + 1 WHERE id = $1
             RETURNING version",
            &[&answered],
        )
        .unwrap()
        .get(0);
    let other: String = admin
        .query_one(
            "UPDATE assignments SET state = 'accepted'
              WHERE id = (SELECT id FROM assignments WHERE contributor_id = $1 AND id <> $2
                           ORDER BY created_at LIMIT 1)
             RETURNING id",
            &[&hannah, &answered],
        )
        .unwrap()
        .get(0);
    let (said, heard) = std::sync::mpsc::channel();
    let mut h = raw(&t, &t.hannah);
    let her = std::thread::spawn(move || {
        let mut tx = h.transaction().unwrap();
        tx.query(
            "SELECT masthead_answer_offer($1, $2, true)",
            &[&answered, &version],
        )
        .unwrap();
        said.send(()).unwrap();
        // Busy in her transaction, past the editors' lock wait.
        tx.execute("SELECT pg_sleep(4)", &[]).unwrap();
        tx.commit().unwrap();
    });
    heard.recv().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let other_id = masthead_core::model::AssignmentId::parse(&other).unwrap();
    let mut editor = t.admin;
    let withdrawn = editor.withdraw_assignment(&t.actor, other_id, None);
    her.join().unwrap();
    let withdrawn = withdrawn.expect("the editor's withdrawal, while she holds her answer open");
    assert_eq!(
        withdrawn.state,
        masthead_core::model::AssignmentState::Withdrawn
    );
    assert!(editor.check().unwrap().is_clean());
}
