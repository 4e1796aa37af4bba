//! Issue 17's attacks on values and limits: words counted by the core's rule,
//! editors' notes, every value typed whoever writes it, history no one can
//! forge, connection limits and pacing.

use masthead_core::Store;
use masthead_pgtest::cluster;

use super::attacks::{editors_screens_read, her_live_piece};
use super::{name_of, raw, refused_by_server, signed, team};
use crate::today;

/// The server counts a draft's words by the core's rule: its two classes
/// are Rust's own, and it agrees with `count_words` on awkward text and on
/// every draft of the demo.
#[test]
fn the_server_counts_words_by_the_core_rule() {
    let migration =
        include_str!("../../../src/migrations/postgres/0009_contributors_through_functions.sql");
    let class = |f: &dyn Fn(char) -> bool| {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| f(*c))
        {
            let n = c as u32;
            match ranges.last_mut() {
                Some(r) if r.1 + 1 == n => r.1 = n,
                _ => ranges.push((n, n)),
            }
        }
        let esc = |n: u32| {
            if n <= 0xFFFF {
                format!("\\u{n:04X}")
            } else {
                format!("\\U{n:08X}")
            }
        };
        let body: String = ranges
            .iter()
            .map(|&(a, b)| {
                if a == b {
                    esc(a)
                } else {
                    format!("{}-{}", esc(a), esc(b))
                }
            })
            .collect();
        format!("[{body}]")
    };
    let separators = class(&|c| c.is_whitespace() || matches!(c, '\u{2013}'..='\u{2015}'));
    let letters = class(&|c| c.is_alphanumeric());
    assert!(
        migration.contains(&format!("'{separators}+'")),
        "the separators in migration 9 are not Rust's: {separators}"
    );
    assert!(
        migration.contains(&format!("'{letters}'")),
        "the letters and digits in migration 9 are not Rust's (a newer Unicode?)"
    );

    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let palette: Vec<char> = " \t\n\u{a0}\u{2003}\u{3000}—–―-.,;:!?&…'’“”()£$€%½²١٢३ßéÉçÇñøØπΣжЖ中文日本語한국어\u{301}\u{903}\u{5d0}\u{627}🙂🎉0123456789abcXYZ_/\\@#"
        .chars()
        .collect();
    let mut seed: u64 = 0x4D53_5448;
    let mut texts: Vec<String> = vec![
        String::new(),
        "co-operation across Covid-19 and/or 1,046 words £100".into(),
        "2020–21 and well—known … & - ½ ²".into(),
    ];
    for _ in 0..300 {
        let mut s = String::new();
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (seed >> 33) % 60;
        for _ in 0..len {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push(palette[((seed >> 33) % palette.len() as u64) as usize]);
        }
        texts.push(s);
    }
    for text in &texts {
        let server: i32 = admin
            .query_one("SELECT masthead_count_words($1)", &[text])
            .unwrap()
            .get(0);
        assert_eq!(server as u32, masthead_text::count_words(text), "{text:?}");
    }
    // Every demo draft, counted by the client when it was stored.
    let rows = admin
        .query(
            "SELECT d.words, masthead_count_words(c.text) FROM drafts d
               JOIN draft_contents c ON c.draft_id = d.id",
            &[],
        )
        .unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        assert_eq!(r.get::<_, i32>(0), r.get::<_, i32>(1));
    }
    // A date as Masthead writes it; false, not an error, for the rest.
    let dates: Vec<(String, bool)> = [
        "2021-02-28", "2021-02-30", "2021-13-01", "garbage", "99999-01-01", "2024-02-29",
    ]
    .iter()
    .map(|d| {
        let ok: bool = admin
            .query_one("SELECT masthead_is_date($1)", &[d])
            .unwrap()
            .get(0);
        ((*d).to_owned(), ok)
    })
    .collect();
    assert_eq!(
        dates,
        [
            ("2021-02-28".to_owned(), true),
            ("2021-02-30".to_owned(), false),
            ("2021-13-01".to_owned(), false),
            ("garbage".to_owned(), false),
            ("99999-01-01".to_owned(), false),
            ("2024-02-29".to_owned(), true),
        ]
    );
}

/// Editors' notes (on a piece, its edition, her own entry) are not hers:
/// the server refuses the columns to her login, and through Masthead she
/// reads them as empty, from statements that leave them out.
#[test]
fn editors_notes_are_not_hers_to_read() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, _) = her_live_piece(&t, &mut admin);
    admin
        .batch_execute(&format!(
            "UPDATE articles SET notes = 'fee dispute: pay her late' WHERE id = '{piece}';
             UPDATE editions SET notes = 'ad sales are down'
              WHERE id = (SELECT edition_id FROM articles WHERE id = '{piece}');
             UPDATE contributors SET notes = 'slow to answer' WHERE id = '{}'",
            t.hannah.person.contributor_id.unwrap()
        ))
        .unwrap();
    let mut h = raw(&t, &t.hannah);
    for table in ["articles", "editions", "contributors"] {
        refused_by_server(
            h.query(&format!("SELECT notes FROM {table}"), &[]),
            &format!("{table}' notes"),
        );
    }
    let her = Store::open_location(&signed(&t.hannah)).unwrap();
    let editions = her.list_editions(None).unwrap();
    assert!(!editions.is_empty());
    for e in &editions {
        assert_eq!(her.edition(e.id).unwrap().notes, "");
        for a in her.list_articles(e.id, today()).unwrap() {
            assert_eq!(her.article(a.id).unwrap().notes, "");
        }
    }
    let mine = her
        .contributor(t.hannah.person.contributor_id.unwrap())
        .unwrap();
    assert_eq!(mine.notes, "");
    // An editor reads them all.
    let found = t
        .admin
        .list_editions(None)
        .unwrap()
        .into_iter()
        .flat_map(|e| t.admin.list_articles(e.id, today()).unwrap())
        .find(|a| a.id.to_string() == piece)
        .unwrap();
    assert_eq!(
        t.admin.article(found.id).unwrap().notes,
        "fee dispute: pay her late"
    );
}

/// Attack 1 from any login: the server refuses a value Masthead could not
/// read back (an editor's login with psql included), so no one value breaks
/// every editor's screen.
#[test]
fn every_value_is_checked_whoever_writes_it() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, assignment) = her_live_piece(&t, &mut admin);
    let mut ed = raw(&t, &t.editor);
    let checked = |result: Result<u64, postgres::Error>, what: &str| {
        let err = result.expect_err(what);
        assert_eq!(
            err.code().map(|c| c.code()),
            Some("23514"),
            "{what}: {err:?}"
        );
    };
    checked(
        ed.execute(
            "UPDATE assignments SET answered_at = 'garbage', updated_at = 'also garbage' WHERE id = $1",
            &[&assignment],
        ),
        "garbage times",
    );
    checked(
        ed.execute(
            "UPDATE assignments SET updated_at = '2021-02-30T10:00:00.000Z' WHERE id = $1",
            &[&assignment],
        ),
        "a day February never has",
    );
    checked(
        ed.execute(
            "UPDATE editions SET cover_date = '2021-02-30'
              WHERE id = (SELECT edition_id FROM articles WHERE id = $1)",
            &[&piece],
        ),
        "an impossible date",
    );
    checked(
        ed.execute(
            "UPDATE articles SET tags = '[1, {\"a\": 2}]' WHERE id = $1",
            &[&piece],
        ),
        "a list of other than text",
    );
    checked(
        ed.execute(
            "UPDATE assignments SET article_id = 'not-an-id' WHERE id = $1",
            &[&assignment],
        ),
        "an id that is not one",
    );
    // A draft an editor records is checked at its commit against what is
    // stored with it (attack 14 of the second hostile test): one with no
    // contents, or a size, fingerprint or word count the file and text do
    // not have, is refused; its time is the server's.
    let fake = |ed: &mut postgres::Client, id: &str, number: i32, contents: bool| {
        let mut tx = ed.transaction().unwrap();
        tx.execute(
            "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number, file_name,
                media_type, size, sha256, words, submitted_at, recorded_by)
             SELECT $2, a.article_id, a.id, a.contributor_id, $3, 'f.txt', 'text/plain', 1,
                    repeat('0', 64), 800, '2019-01-01T00:00:00.000Z', 'me'
               FROM assignments a WHERE a.id = $1",
            &[&assignment, &id, &number],
        )
        .unwrap();
        if contents {
            tx.execute(
                "INSERT INTO draft_contents (draft_id, original, text, markdown)
                 VALUES ($1, 'x'::bytea, 'three words here', 'three words here')",
                &[&id],
            )
            .unwrap();
        }
        tx.commit()
    };
    for (id, number, contents) in [
        ("00000000-0000-7000-8000-0000000000d1", 99, false),
        ("00000000-0000-7000-8000-0000000000d3", 97, true),
    ] {
        let err = fake(&mut ed, id, number, contents).unwrap_err();
        assert_eq!(
            err.code().map(|c| c.code()),
            Some("MH001"),
            "a fake draft: {err:?}"
        );
    }
    checked(
        ed.execute(
            "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number, file_name,
                media_type, size, sha256, words, submitted_at, recorded_by)
             SELECT '00000000-0000-7000-8000-0000000000d2', a.article_id, a.id, a.contributor_id,
                    98, 'run.sh', 'application/x-sh', 1, repeat('a', 64), 1,
                    '2026-12-05T10:00:00.000Z', 'me'
               FROM assignments a WHERE a.id = $1",
            &[&assignment],
        ),
        "a draft of a kind Masthead does not read",
    );
    editors_screens_read(&t.admin);
}

/// Migration 10 on a database today's code filled (the demo, a team, a
/// contributor's draft, an answered offer): every check holds at once.
/// And rows a login wrote before the checks keep them from holding, and
/// `check` names them.
#[test]
fn the_value_checks_hold_on_todays_data_and_check_names_rows_from_before() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, _) = her_live_piece(&t, &mut admin);
    let mut h = raw(&t, &t.hannah);
    h.query(
        "SELECT * FROM masthead_submit_draft($1, 'mine.md', 'text/markdown', 'mine'::bytea,
                                             'mine', 'mine')",
        &[&piece],
    )
    .unwrap();
    drop(h);
    // Back to version 9 as it was: no checks, no functions of 10.
    let undo = |admin: &mut postgres::Client| {
        admin
            .batch_execute(
                "DO $$ DECLARE k record; BEGIN
                   FOR k IN SELECT r.relname::text AS t, c.conname::text AS name
                              FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
                             WHERE c.conname LIKE '%\\_checked' ESCAPE '\\' LOOP
                     EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', k.t, k.name);
                   END LOOP;
                 END $$;
                 -- migration 22's links and the page's group,
                 DROP POLICY page_own_drafts ON drafts;
                 DROP FUNCTION masthead_link_visit(text), masthead_page_link(),
                               masthead_serves_links();
                 DROP TABLE contributor_links;
                 DROP FUNCTION masthead_contributor_link_signed();
                 -- (its role stays: the template's copies share it)
                 ALTER TABLE masthead_groups DROP COLUMN page;
                 -- migration 21's counts,
                 DROP TABLE contributor_open_counts;
                 DROP FUNCTION masthead_commissions_counted() CASCADE;
                 -- migration 20's counts and indexes,
                 DROP TABLE edition_status_counts;
                 DROP FUNCTION masthead_pieces_counted() CASCADE;
                 DROP INDEX drafts_assignment, assignments_contributor_state;
                 -- migration 14's trash and 16's marks first (their checks use
                 -- 10's functions),
                 DROP TABLE trash, seen, comment_mentions, comments;
                 DROP FUNCTION masthead_comment_signed();
                 DROP FUNCTION masthead_add_comment(text, text, text);
                 DELETE FROM history_entity_types WHERE key = 'comment';
                 DELETE FROM history_actions WHERE key = 'emptied';
                 DROP FUNCTION masthead_is_id(text), masthead_is_time(text),
                               masthead_is_text_list(text);
                 -- and migration 12's and 15's indexes and 13's search columns,
                 DROP INDEX assignments_open;
                 DROP INDEX assignments_due;
                 ALTER TABLE articles DROP COLUMN search, DROP COLUMN notes_search;
                 ALTER TABLE assignments DROP COLUMN search;
                 ALTER TABLE draft_contents DROP COLUMN search;
                 -- and migration 11's names, as 5 and 6 made them
                 DROP FUNCTION masthead_fold(text) CASCADE;
                 CREATE UNIQUE INDEX publications_name ON publications (name COLLATE nocase)
                     WHERE deleted_at IS NULL;
                 CREATE UNIQUE INDEX sections_name ON sections (publication_id, name COLLATE nocase)
                     WHERE deleted_at IS NULL;
                 CREATE UNIQUE INDEX editions_name ON editions (publication_id, name COLLATE nocase)
                     WHERE deleted_at IS NULL;
                 CREATE UNIQUE INDEX contributors_email ON contributors (email COLLATE nocase)
                     WHERE deleted_at IS NULL AND email IS NOT NULL;
                 CREATE INDEX contributors_name ON contributors (name COLLATE nocase)
                     WHERE deleted_at IS NULL;
                 CREATE UNIQUE INDEX kinds_label ON kinds (publication_id, label COLLATE nocase);
                 CREATE INDEX articles_title ON articles ((trim(title)) COLLATE nocase)
                     WHERE deleted_at IS NULL;
                 CREATE UNIQUE INDEX people_email ON people (email COLLATE nocase)
                     WHERE email IS NOT NULL AND deleted_at IS NULL;
                 UPDATE masthead_schema SET version = 9;",
            )
            .unwrap();
    };
    undo(&mut admin);
    let count = |admin: &mut postgres::Client, validated: bool| -> i64 {
        admin
            .query_one(
                "SELECT count(*) FROM pg_constraint
                  WHERE conname LIKE '%\\_checked' ESCAPE '\\' AND convalidated = $1",
                &[&validated],
            )
            .unwrap()
            .get(0)
    };
    assert_eq!(count(&mut admin, true) + count(&mut admin, false), 0);
    // A contributor sitting in a transaction on the tables the upgrade
    // changes does not hold it up: the team's sessions end first.
    let mut h = raw(&t, &t.hannah);
    h.batch_execute("BEGIN; SELECT count(*) FROM people")
        .unwrap();
    let upgraded = Store::open_location(&t.url).unwrap();
    assert!(
        h.batch_execute("SELECT 1").is_err(),
        "her session was ended by the upgrade"
    );
    assert_eq!(
        upgraded.schema_version().unwrap(),
        masthead_core::SCHEMA_VERSION
    );
    assert!(count(&mut admin, true) > 60, "{}", count(&mut admin, true));
    assert_eq!(count(&mut admin, false), 0, "today's data fails a check");
    assert!(upgraded.check().unwrap().problems.is_empty());

    // A value a login wrote before version 10.
    undo(&mut admin);
    admin
        .execute(
            "UPDATE assignments SET answered_at = 'garbage' WHERE article_id = $1",
            &[&piece],
        )
        .unwrap();
    let upgraded = Store::open_location(&t.url).unwrap();
    assert_eq!(count(&mut admin, false), 1);
    let problems = upgraded.check().unwrap().problems;
    assert!(
        problems.iter().any(|p| p.code == "unreadable_values"
            && p.problem.contains("assignments_answered_at_checked")),
        "{problems:?}"
    );
    // The check still holds for every new write.
    let err = admin
        .execute(
            "UPDATE assignments SET updated_at = 'garbage' WHERE article_id = $1",
            &[&piece],
        )
        .unwrap_err();
    assert_eq!(err.code().map(|c| c.code()), Some("23514"), "{err:?}");
}

/// Editors write history only for themselves: no line in another's change
/// set, and their change sets are dated by the server, whatever they send.
#[test]
fn an_editor_cannot_forge_history_either() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, _) = her_live_piece(&t, &mut admin);
    let mut h = raw(&t, &t.hannah);
    h.query_one(
        "SELECT * FROM masthead_submit_draft($1, 'hers.md', 'text/markdown', 'hers'::bytea,
                                             'hers', 'hers')",
        &[&piece],
    )
    .unwrap();
    let hers: String = admin
        .query_one(
            "SELECT id FROM change_sets WHERE actor = 'Hannah Okafor' LIMIT 1",
            &[],
        )
        .unwrap()
        .get(0);
    let mut ed = raw(&t, &t.editor);
    refused_by_server(
        ed.execute(
            "INSERT INTO changes (id, change_set_id, seq, entity, entity_id, version, action, field,
                                  old_value, new_value, subject)
             VALUES ('00000000-0000-7000-8000-0000000000f1', $1, 9, 'assignment', $2, 2,
                     'updated', 'fee', 'GBP 300.00', 'GBP 3,000.00', 'Hannah Okafor')",
            &[&hers, &piece],
        ),
        "a line in her change set",
    );
    ed.execute(
        "INSERT INTO change_sets (id, at, actor) VALUES
             ('00000000-0000-7000-8000-0000000000f2', '2020-01-01T00:00:00.000Z', 'Someone else')",
        &[],
    )
    .unwrap();
    let (at, actor): (String, String) = {
        let r = admin
            .query_one(
                "SELECT at, actor FROM change_sets WHERE id = '00000000-0000-7000-8000-0000000000f2'",
                &[],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert!(at.starts_with("20") && !at.starts_with("2020"), "{at}");
    assert_eq!(actor, "Ed Itor");
}

/// Each login has a connection limit (an editor's 8, a contributor's 4),
/// changed with its role, so no one login takes every connection.
#[test]
fn logins_have_a_connection_limit() {
    let mut t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let limit = |admin: &mut postgres::Client, login: &str| -> i32 {
        admin
            .query_one(
                "SELECT rolconnlimit FROM pg_roles WHERE rolname = $1",
                &[&login],
            )
            .unwrap()
            .get(0)
    };
    assert_eq!(limit(&mut admin, &t.hannah.login), 4);
    assert_eq!(limit(&mut admin, &t.editor.login), 8);
    let team = t.admin.team().unwrap();
    let hannah = team.iter().find(|p| p.name == "Hannah Okafor").unwrap();
    t.admin
        .set_team_role(
            &t.actor,
            hannah.id,
            Some(hannah.version),
            masthead_core::model::TeamRole::Editor,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(limit(&mut admin, &t.hannah.login), 8);
}

/// A script cannot fill the server with her versions: twenty of a piece in
/// an hour, then the next is refused in words.
#[test]
fn her_versions_are_paced() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let (piece, _) = her_live_piece(&t, &mut admin);
    let mut h = raw(&t, &t.hannah);
    let before: i64 = admin
        .query_one(
            "SELECT count(*) FROM drafts WHERE article_id = $1 AND contributor_id = $2",
            &[&piece, &t.hannah.person.contributor_id.unwrap().to_string()],
        )
        .unwrap()
        .get(0);
    let submit = |h: &mut postgres::Client, n: i64| {
        let body = format!("version {n}");
        h.query_one(
            "SELECT * FROM masthead_submit_draft($1, 'v.md', 'text/markdown', convert_to($2, 'UTF8'),
                                                 $2, $2)",
            &[&piece, &body],
        )
    };
    for n in before..20 {
        submit(&mut h, n).unwrap();
    }
    let err = submit(&mut h, 21).unwrap_err();
    assert_eq!(err.code().map(|c| c.code()), Some("MH001"), "{err:?}");
    assert!(format!("{err:?}").contains("twenty versions"), "{err:?}");
}

/// A login a hand at the server put in both groups has the editors' rights
/// there already: Masthead treats it as an editor's, writing under the
/// write lock, never as a contributor's writing past it.
#[test]
fn a_login_in_both_groups_is_an_editors() {
    let t = team();
    let mut admin = cluster().admin(name_of(&t.url));
    let mut h = raw(&t, &t.hannah);
    let acts = |h: &mut postgres::Client| -> bool {
        h.query_one("SELECT masthead_acts_as_contributor()", &[])
            .unwrap()
            .get(0)
    };
    assert!(acts(&mut h));
    let editors: String = admin
        .query_one("SELECT editor FROM masthead_groups", &[])
        .unwrap()
        .get(0);
    admin
        .batch_execute(&format!("GRANT {editors} TO {}", t.hannah.login))
        .unwrap();
    assert!(!acts(&mut h));
    h.batch_execute("BEGIN; SELECT masthead_lock_writes(); ROLLBACK")
        .expect("she takes the write lock as editors do");
}
