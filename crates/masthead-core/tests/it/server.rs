//! What only a team server does: connecting (logins, TLS, unreachable
//! hosts, dropped connections), its own migrations, and noticing other
//! connections' commits. Always on the test binary's throwaway cluster.

use masthead_core::Store;
use masthead_pgtest::cluster;

mod attacks;
mod names;

fn name_of(url: &str) -> &str {
    url.rsplit('/').next().unwrap().split('?').next().unwrap()
}

fn with_query(url: &str, query: &str) -> String {
    format!("{}?{query}", url.split('?').next().unwrap())
}

#[test]
fn an_empty_database_gets_the_schema_once_even_when_clients_start_together() {
    let url = cluster().empty_database();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || Store::open_location(&url).map(|s| s.schema_version()))
        })
        .collect();
    for h in handles {
        assert_eq!(
            h.join().unwrap().unwrap().unwrap(),
            masthead_core::SCHEMA_VERSION
        );
    }
    let mut admin = cluster().admin(name_of(&url));
    let rows = admin
        .query("SELECT version FROM masthead_schema", &[])
        .unwrap();
    assert_eq!(rows.len(), 1, "one schema row, migrated once");
    let clock = admin.query("SELECT n FROM masthead_clock", &[]).unwrap();
    assert_eq!(clock.len(), 1);
}

#[test]
fn a_database_holding_another_programs_tables_is_refused_untouched() {
    let url = cluster().empty_database();
    let mut admin = cluster().admin(name_of(&url));
    admin
        .batch_execute("CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (7);")
        .unwrap();
    let err = Store::open_location(&url).unwrap_err();
    assert_eq!(err.code(), "not_a_masthead_database", "{err}");
    assert!(
        err.to_string().contains("1 tables of another program"),
        "{err}"
    );
    let tables: i64 = admin
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing was added");
    let id: i32 = admin
        .query_one("SELECT id FROM invoices", &[])
        .unwrap()
        .get(0);
    assert_eq!(id, 7);
}

#[test]
fn a_database_from_a_newer_masthead_is_refused() {
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    cluster()
        .admin(name_of(&url))
        .batch_execute("UPDATE masthead_schema SET version = 99")
        .unwrap();
    let err = Store::open_location(&url).unwrap_err();
    assert_eq!(err.code(), "database_too_new", "{err}");
    assert!(err.to_string().contains("99"), "{err}");
}

#[test]
fn a_wrong_password_and_an_unreachable_server_are_said_in_words() {
    let url = cluster().admin_url("postgres");
    let wrong = url.replace(masthead_pgtest::SUPERUSER_PASSWORD, "not-the-password");
    let err = Store::open_location(&wrong).unwrap_err();
    assert_eq!(err.code(), "login_refused", "{err}");
    assert!(!err.to_string().contains("not-the-password"), "{err}");
    assert!(
        err.to_string().contains(masthead_pgtest::SUPERUSER),
        "{err}"
    );

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let err = Store::open_location(&format!("postgres://ed:pw@127.0.0.1:{port}/pse")).unwrap_err();
    assert_eq!(err.code(), "server_unreachable", "{err}");
    assert!(
        err.to_string().contains(&format!("127.0.0.1:{port}")),
        "{err}"
    );
    assert!(!err.to_string().contains("pw@"), "{err}");

    let err = Store::open_location(&with_query(&url, "sslmode=sometimes")).unwrap_err();
    assert_eq!(err.code(), "bad_server_address", "{err}");
}

#[test]
fn tls_is_verified_against_the_root_certificate_given() {
    let template = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let root = cluster().root_cert.display().to_string();
    // The server's own certificate is the root: verify-full passes.
    let good = with_query(
        &template,
        &format!("sslmode=verify-full&sslrootcert={root}"),
    );
    let store = Store::open_location(&good).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        masthead_core::SCHEMA_VERSION
    );
    // require encrypts without checking (as libpq does).
    Store::open_location(&with_query(&template, "sslmode=require")).unwrap();

    // Another CA: the certificate does not verify.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.crt");
    let key = dir.path().join("other.key");
    let made = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=someone-else"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&other)
        .output()
        .unwrap();
    assert!(made.status.success());
    let bad = with_query(
        &template,
        &format!("sslmode=verify-full&sslrootcert={}", other.display()),
    );
    let err = Store::open_location(&bad).unwrap_err();
    assert_eq!(err.code(), "tls_refused", "{err}");
    assert!(err.to_string().contains("certificate"), "{err}");

    // A root file that is not there is said, not skipped.
    let missing = with_query(
        &template,
        &format!(
            "sslmode=verify-full&sslrootcert={}",
            dir.path().join("none.crt").display()
        ),
    );
    let err = Store::open_location(&missing).unwrap_err();
    assert_eq!(err.code(), "tls_refused", "{err}");
}

#[test]
fn a_server_without_tls_is_refused_when_tls_is_required() {
    let plain = masthead_pgtest::plain_cluster();
    let url = plain.admin_url("postgres");
    // Asked for TLS, a server without it is refused in words.
    let err = Store::open_location(&with_query(&url, "sslmode=require")).unwrap_err();
    assert_eq!(err.code(), "tls_refused", "{err}");
    assert!(
        err.to_string().contains("refused a secure connection"),
        "{err}"
    );
    let err = Store::open_location(&with_query(&url, "sslmode=verify-full")).unwrap_err();
    assert_eq!(err.code(), "tls_refused", "{err}");
    // prefer falls back to a plain connection, as libpq does.
    let prefer = with_query(&plain.empty_database(), "sslmode=prefer");
    Store::open_location(&prefer).unwrap();
}

#[test]
fn another_connections_commit_is_noticed_and_ones_own_is_not() {
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let mut mine = Store::open_location(&url).unwrap();
    let other = Store::open_location(&url).unwrap();
    let actor = masthead_core::Actor::new("Tess Editor").unwrap();
    let seen = other.data_version().unwrap();
    let mine_before = mine.data_version().unwrap();
    mine.create_publication(
        &actor,
        &masthead_core::model::PublicationInput {
            name: "PSE".into(),
            frequency: String::new(),
            is_print: true,
        },
    )
    .unwrap();
    assert_ne!(
        other.data_version().unwrap(),
        seen,
        "the other window notices"
    );
    assert_eq!(
        mine.data_version().unwrap(),
        mine_before,
        "not one's own commit"
    );
    // Reading moves nothing.
    let seen = other.data_version().unwrap();
    let _ = mine.list_publications().unwrap();
    assert_eq!(other.data_version().unwrap(), seen);
}

#[test]
fn a_dropped_connection_is_made_again_on_the_next_use() {
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let store = Store::open_location(&url).unwrap();
    assert!(store.list_publications().unwrap().is_empty());
    let mut admin = cluster().admin(name_of(&url));
    let killed: i64 = admin
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
              WHERE datname = $1 AND application_name = 'Masthead'",
            &[&name_of(&url)],
        )
        .unwrap()
        .get(0);
    assert_eq!(killed, 1);
    // The next read reconnects by itself: nothing had begun.
    assert!(store.list_publications().unwrap().is_empty());
}

// ----- the team: people, logins and what each may see -----

use masthead_core::model::{Invitation, InviteInput, TeamRole};
use masthead_core::{Actor, Upload};

struct Team {
    url: String,
    admin: Store,
    actor: Actor,
    editor: Invitation,
    hannah: Invitation,
}

/// The demo on a server, with an editor and Hannah Okafor (the demo's
/// writer) invited by the database's owner.
fn team() -> Team {
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let mut admin = Store::open_location(&url).unwrap();
    let actor = Actor::new("Tess Editor").unwrap();
    admin.load_demo(&actor).unwrap();
    let editor = admin
        .invite(
            &actor,
            &InviteInput {
                name: "Ed Itor".into(),
                email: "ed@pse.example".into(),
                role: TeamRole::Editor,
            },
        )
        .unwrap();
    let hannah = admin
        .invite(
            &actor,
            &InviteInput {
                name: "Hannah Okafor".into(),
                email: "Hannah.Okafor@pse.example".into(),
                role: TeamRole::Contributor,
            },
        )
        .unwrap();
    Team {
        url,
        admin,
        actor,
        editor,
        hannah,
    }
}

/// The invitation's address with its password: what the member types in.
fn signed(inv: &Invitation) -> String {
    inv.url.replacen(
        &format!("://{}@", inv.login),
        &format!("://{}:{}@", inv.login, inv.password),
        1,
    )
}

/// A plain PostgreSQL connection as the member: SQL straight to the server,
/// not through Masthead.
fn raw(t: &Team, inv: &Invitation) -> postgres::Client {
    postgres::Client::connect(
        &format!(
            "host=127.0.0.1 port={} user={} password={} dbname={} sslmode=disable",
            cluster().port,
            inv.login,
            inv.password,
            name_of(&t.url)
        ),
        postgres::NoTls,
    )
    .unwrap()
}

fn refused_by_server(result: Result<impl std::fmt::Debug, postgres::Error>, what: &str) {
    let err = result.expect_err(what);
    let code = err.code().map(|c| c.code().to_owned());
    assert_eq!(code.as_deref(), Some("42501"), "{what}: {err}");
}

#[test]
fn people_are_invited_with_a_login_and_sign_in_as_themselves() {
    let mut t = team();
    // Logins are the server's, shared by its databases (and by these tests):
    // a name taken already gets a number.
    assert!(
        t.editor.login.starts_with("mh_ed_itor"),
        "{}",
        t.editor.login
    );
    assert_eq!(t.editor.password.len(), 24);
    assert!(!t.editor.url.contains(&t.editor.password));
    assert!(
        t.editor
            .url
            .starts_with(&format!("postgres://{}@127.0.0.1:", t.editor.login)),
        "{}",
        t.editor.url
    );
    let demo_hannah = t
        .admin
        .find_contributor("hannah.okafor@pse.example")
        .unwrap();
    assert_eq!(
        t.hannah.person.contributor_id,
        Some(demo_hannah),
        "linked by email"
    );
    assert_eq!(t.admin.team().unwrap().len(), 2);

    // A second invitation for the same address is refused, and adds nobody.
    let err = t
        .admin
        .invite(
            &t.actor,
            &InviteInput {
                name: "Hannah again".into(),
                email: "hannah.okafor@PSE.example".into(),
                role: TeamRole::Editor,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "duplicate", "{err}");
    assert_eq!(t.admin.team().unwrap().len(), 2);

    let mut ed = Store::open_location(&signed(&t.editor)).unwrap();
    let me = ed.signed_in().unwrap().unwrap();
    assert_eq!((me.name.as_str(), me.role), ("Ed Itor", TeamRole::Editor));
    // Whatever name is typed, the history records the login's person.
    let typed = Actor::new("Somebody Else").unwrap();
    assert_eq!(ed.actor_for(typed.clone()).unwrap().name(), "Ed Itor");
    let section = ed
        .add_section(&typed, ed.list_publications().unwrap()[0].id, "Letters")
        .unwrap();
    let history = t.admin.history_of(&section.id.to_string()).unwrap();
    assert_eq!(history[0].actor, "Ed Itor", "the server set who");

    // Nobody changes their own role.
    let err = ed
        .set_team_role(&typed, me.id, Some(me.version), TeamRole::Contributor)
        .unwrap_err();
    assert_eq!(err.code(), "cannot_change_own_role", "{err}");

    // An editor invites too (the login may create logins).
    let priya = ed
        .invite(
            &typed,
            &InviteInput {
                name: "Priya Shah".into(),
                email: "priya.shah@pse.example".into(),
                role: TeamRole::Contributor,
            },
        )
        .unwrap();
    assert!(priya.login.starts_with("mh_priya_shah"), "{}", priya.login);
    Store::open_location(&signed(&priya)).unwrap();

    // On a file there is no team to join.
    let dir = tempfile::tempdir().unwrap();
    let mut file = Store::open(dir.path().join("f.db")).unwrap();
    let err = file
        .invite(
            &t.actor,
            &InviteInput {
                name: "Ann".into(),
                email: "ann@pse.example".into(),
                role: TeamRole::Editor,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "team_needs_server");
}

#[test]
fn a_contributor_sees_only_their_own_work_and_the_server_enforces_it() {
    let t = team();
    let hannah_id = t.hannah.person.contributor_id.unwrap();
    let mut admin_sql = cluster().admin(name_of(&t.url));
    let count =
        |c: &mut postgres::Client, sql: &str| -> i64 { c.query_one(sql, &[]).unwrap().get(0) };
    let all_pieces = count(&mut admin_sql, "SELECT count(*) FROM articles");
    let hers: i64 = admin_sql
        .query_one(
            "SELECT count(DISTINCT article_id) FROM assignments WHERE contributor_id = $1",
            &[&hannah_id.to_string()],
        )
        .unwrap()
        .get(0);
    assert!(hers >= 1 && hers < all_pieces, "{hers} of {all_pieces}");

    // SQL issued directly as her login.
    let mut h = raw(&t, &t.hannah);
    assert_eq!(count(&mut h, "SELECT count(*) FROM articles"), hers);
    assert_eq!(
        count(
            &mut h,
            "SELECT count(*) FROM assignments WHERE contributor_id <> masthead_me_contributor()"
        ),
        0,
        "nobody else's assignment, so nobody else's fee"
    );
    assert_eq!(
        count(&mut h, "SELECT count(*) FROM contributors"),
        1,
        "only her own entry"
    );
    let email: String = h
        .query_one("SELECT email FROM contributors", &[])
        .unwrap()
        .get(0);
    assert_eq!(email, "hannah.okafor@pse.example");
    assert_eq!(count(&mut h, "SELECT count(*) FROM people"), 1);
    assert_eq!(
        count(&mut h, "SELECT count(*) FROM editions"),
        1,
        "only her pieces' edition"
    );
    refused_by_server(h.query("SELECT * FROM slots", &[]), "the flatplan");
    refused_by_server(h.query("SELECT * FROM adverts", &[]), "adverts");
    refused_by_server(
        h.execute("UPDATE articles SET title = 'Mine now'", &[]),
        "retitling a piece",
    );
    refused_by_server(
        h.execute("UPDATE assignments SET fee_minor = 99999", &[]),
        "raising her fee",
    );
    // A draft for someone else's assignment.
    let other: String = admin_sql
        .query_one(
            "SELECT id || '|' || article_id || '|' || contributor_id FROM assignments
              WHERE contributor_id <> $1 LIMIT 1",
            &[&hannah_id.to_string()],
        )
        .unwrap()
        .get(0);
    let parts: Vec<&str> = other.split('|').collect();
    refused_by_server(
        h.execute(
            "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number, file_name,
                media_type, size, sha256, words, submitted_at, recorded_by)
             VALUES ('x', $1, $2, $3,
                     (SELECT count(*) + 1 FROM drafts WHERE article_id = $1)::int,
                     'f.txt', 'text/plain', 1, repeat('a', 64), 1, 'now', 'me')",
            &[&parts[1], &parts[0], &parts[2]],
        ),
        "a draft for another's assignment",
    );
    // …nor for her own assignment claiming to be someone else.
    let own: String = admin_sql
        .query_one(
            "SELECT id || '|' || article_id FROM assignments WHERE contributor_id = $1 LIMIT 1",
            &[&hannah_id.to_string()],
        )
        .unwrap()
        .get(0);
    let own: Vec<&str> = own.split('|').collect();
    refused_by_server(
        h.execute(
            "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number, file_name,
                media_type, size, sha256, words, submitted_at, recorded_by)
             VALUES ('y', $1, $2, $3,
                     (SELECT coalesce(max(number), 0) + 1 FROM drafts WHERE article_id = $1),
                     'f.txt', 'text/plain', 1, repeat('a', 64), 1, 'now', 'me')",
            &[&own[1], &own[0], &parts[2]],
        ),
        "a draft in another contributor's name",
    );

    // The same through Masthead as her.
    let mut store = Store::open_location(&signed(&t.hannah)).unwrap();
    let me = store.signed_in().unwrap().unwrap();
    assert_eq!(me.role, TeamRole::Contributor);
    let mine = store
        .list_assignments(masthead_core::AssignmentQuery::default())
        .unwrap();
    assert!(!mine.is_empty());
    assert!(mine.iter().all(|a| a.contributor_id == hannah_id));
    let edition = store.list_editions(None).unwrap()[0].id;
    let err = store.flatplan(edition).unwrap_err();
    assert_eq!(err.code(), "not_allowed", "{err}");
    let someone_elses = masthead_core::model::ArticleId::parse(parts[1]).unwrap();
    assert_eq!(
        store.article(someone_elses).unwrap_err().code(),
        "not_found"
    );

    // She submits a draft for her own piece: the server records her name.
    let piece = masthead_core::model::ArticleId::parse(own[1]).unwrap();
    let saved = store
        .submit_draft(
            &Actor::new("Typed Name").unwrap(),
            piece,
            &Upload {
                name: "mine.md".into(),
                bytes: b"# Leeds\n\nA new version of the piece, from home.\n".to_vec(),
            },
            None,
        )
        .unwrap();
    assert_eq!(saved.item.draft.recorded_by, "Hannah Okafor");
    let history = t
        .admin
        .history_of(&saved.item.draft.id.to_string())
        .unwrap();
    assert_eq!(history[0].actor, "Hannah Okafor");
}

#[test]
fn a_contributors_first_draft_moves_her_piece_to_where_drafts_arrive() {
    let mut t = team();
    let hannah = t.hannah.person.contributor_id.unwrap();
    let edition = t
        .admin
        .list_editions(None)
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Feb/Mar 21")
        .unwrap()
        .id;
    let piece = t
        .admin
        .find_article(Some(edition), "Training tomorrow's public sector leaders")
        .unwrap();
    let offered = t
        .admin
        .commission(
            &t.actor,
            piece,
            &masthead_core::model::AssignmentInput {
                contributor_id: hannah,
                role: "writer".into(),
                brief: String::new(),
                word_target: Some(1500),
                due_date: None,
                fee: None,
                currency: None,
            },
        )
        .unwrap()
        .item;
    let commissioned = t.admin.find_status_for(piece, "Commissioned").unwrap();
    let before = t.admin.article(piece).unwrap();
    t.admin
        .change_status(&t.actor, piece, Some(before.version), commissioned.id)
        .unwrap();

    let mut h = Store::open_location(&signed(&t.hannah)).unwrap();
    let me = Actor::new("Hannah Okafor").unwrap();
    h.answer_assignment(&me, offered.id, Some(offered.version), true)
        .unwrap();
    let saved = h
        .submit_draft(
            &me,
            piece,
            &Upload {
                name: "training.md".into(),
                bytes: b"# Training\n\nWhat the next leaders need, in a first draft.\n".to_vec(),
            },
            None,
        )
        .unwrap();
    assert_eq!(saved.item.draft.version, 1);
    assert_eq!(saved.item.moved_to.as_deref(), Some("Draft received"));
    assert_eq!(
        t.admin.article(piece).unwrap().status_label,
        "Draft received"
    );
}

#[test]
fn a_member_taken_off_the_team_cannot_sign_in_and_their_history_stays() {
    let mut t = team();
    let h = Store::open_location(&signed(&t.hannah)).unwrap();
    assert!(h.signed_in().unwrap().is_some());
    let removed = t
        .admin
        .remove_from_team(&t.actor, t.hannah.person.id, Some(t.hannah.person.version))
        .unwrap();
    assert_eq!(removed.name, "Hannah Okafor");
    assert_eq!(t.admin.team().unwrap().len(), 1);
    let err = Store::open_location(&signed(&t.hannah)).unwrap_err();
    assert_eq!(err.code(), "login_refused", "{err}");
    // A session still open is ended, and cannot sign in again.
    let err = h.list_editions(None).unwrap_err();
    assert!(
        matches!(err.code(), "login_refused" | "connection_lost"),
        "{err}"
    );
    let history = t.admin.history_of(&t.hannah.person.id.to_string()).unwrap();
    let words: Vec<&str> = history.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        words,
        [
            "invited Hannah Okafor (contributor) to the team",
            "took Hannah Okafor off the team"
        ]
    );
    // A stale removal (of the editor, from an old version) is a conflict.
    let mut ed = t.editor.person.clone();
    t.admin
        .set_team_role(&t.actor, ed.id, Some(ed.version), TeamRole::Editor)
        .unwrap();
    ed.version += 5;
    let err = t
        .admin
        .remove_from_team(&t.actor, ed.id, Some(ed.version))
        .unwrap_err();
    assert_eq!(err.code(), "conflict", "{err}");
}

#[test]
fn a_contributor_cannot_go_round_the_rules_by_sql() {
    let t = team();
    let hannah_id = t.hannah.person.contributor_id.unwrap().to_string();
    let mut admin_sql = cluster().admin(name_of(&t.url));
    let mut h = raw(&t, &t.hannah);

    // Her own temporary objects cannot stand in for the team's tables.
    refused_by_server(
        h.batch_execute(
            "CREATE TEMP VIEW people AS SELECT session_user::text AS login, NULL::text AS deleted_at,
                'x'::text AS contributor_id, 'Someone' AS name",
        ),
        "a temporary view",
    );

    // Her piece moves only to where drafts arrive, not to Published.
    let piece: String = admin_sql
        .query_one(
            "SELECT article_id FROM assignments WHERE contributor_id = $1 LIMIT 1",
            &[&hannah_id],
        )
        .unwrap()
        .get(0);
    let published: String = admin_sql
        .query_one(
            "SELECT id FROM workflow_statuses WHERE key = 'published'",
            &[],
        )
        .unwrap()
        .get(0);
    refused_by_server(
        h.execute(
            "UPDATE articles SET status_id = $2, version = version + 1 WHERE id = $1",
            &[&piece, &published],
        ),
        "moving her piece to Published",
    );

    // Every table is read-only to her: a raw write is refused, whatever it
    // says (attacks 1, 2 and 3 of issue 17: a garbage answer that broke
    // every editor's screen, a fake draft, forged history).
    let theirs: String = h
        .query_one(
            "SELECT id FROM change_sets WHERE actor <> 'Hannah Okafor' LIMIT 1",
            &[],
        )
        .unwrap()
        .get(0);
    let own_assignment: String = admin_sql
        .query_one(
            "SELECT id FROM assignments WHERE article_id = $1 AND contributor_id = $2",
            &[&piece, &hannah_id],
        )
        .unwrap()
        .get(0);
    for (sql, what) in [
        (
            format!(
                "UPDATE assignments SET state = 'accepted', answered_at = 'garbage',
                        updated_at = 'also garbage' WHERE id = '{own_assignment}'"
            ),
            "a garbage answer",
        ),
        (
            "UPDATE assignments SET state = 'accepted' WHERE contributor_id = masthead_me_contributor()".into(),
            "answering again",
        ),
        (
            format!(
                "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number, file_name,
                    media_type, size, sha256, words, submitted_at, recorded_by)
                 VALUES ('fake', '{piece}', '{own_assignment}', '{hannah_id}', 1, 'f.txt',
                         'text/plain', 1, repeat('a', 64), 1200, 'not-a-timestamp', 'me')"
            ),
            "a fake draft",
        ),
        (
            "INSERT INTO change_sets (id, at, actor) VALUES ('mine', '9999-01-01T00:00:00.000Z', 'Tess Editor')".into(),
            "a change set of her own making",
        ),
        (
            format!(
                "INSERT INTO changes (id, change_set_id, seq, entity, entity_id, action)
                 VALUES ('forged', '{theirs}', 99, 'article', '{piece}', 'updated')"
            ),
            "a line in the editor's change set",
        ),
        (
            format!("UPDATE articles SET version = version WHERE id = '{piece}'"),
            "touching her piece",
        ),
        (
            format!("DELETE FROM assignments WHERE id = '{own_assignment}'"),
            "deleting her assignment",
        ),
        ("SELECT masthead_tick()".into(), "moving the team's clock"),
        ("SELECT masthead_lock_writes()".into(), "taking the team's write lock"),
    ] {
        refused_by_server(h.execute(&sql, &[]), what);
    }

    // Nor may she make or change logins.
    refused_by_server(
        h.query(
            "SELECT masthead_create_login('mh_mallory', 'SCRAM-SHA-256$x', 'editor')",
            &[],
        ),
        "making a login",
    );
    refused_by_server(
        h.query("SELECT masthead_close_login($1)", &[&t.editor.login]),
        "closing the editor's login",
    );
}

#[test]
fn an_editor_changes_only_the_teams_own_logins_and_only_the_owner_migrates() {
    let t = team();
    let mut ed = raw(&t, &t.editor);
    // The owner's login, or any login the team did not make, is not the
    // editor's to close, even with a team-list row claiming it.
    ed.execute(
        "INSERT INTO people (id, name, role, login, created_at, updated_at)
         VALUES ('00000000-0000-7000-8000-00000000c1a1', 'The owner', 'editor', $1,
                 '2026-12-05T10:00:00.000Z', '2026-12-05T10:00:00.000Z')",
        &[&masthead_pgtest::SUPERUSER],
    )
    .unwrap();
    for target in [masthead_pgtest::SUPERUSER, t.editor.login.as_str()] {
        refused_by_server(
            ed.query("SELECT masthead_close_login($1)", &[&target]),
            "closing a login that is not the team's to close",
        );
        refused_by_server(
            ed.query(
                "SELECT masthead_set_login_role($1, 'contributor')",
                &[&target],
            ),
            "re-grouping a login that is not the team's",
        );
    }
    // A login the team did not make, claimed through the team list, is not
    // the editor's to close either (only the team's own record says so).
    let outsider = format!("mh_outsider_{}", std::process::id());
    let mut admin = cluster().admin(name_of(&t.url));
    admin
        .batch_execute(&format!(
            "CREATE ROLE {outsider} LOGIN PASSWORD 'outsider-pw'"
        ))
        .unwrap();
    ed.execute(
        "INSERT INTO people (id, name, role, login, created_at, updated_at)
         VALUES ('00000000-0000-7000-8000-00000000c1a2', 'Outsider', 'editor', $1,
                 '2026-12-05T10:00:00.000Z', '2026-12-05T10:00:00.000Z')",
        &[&outsider],
    )
    .unwrap();
    refused_by_server(
        ed.query("SELECT masthead_close_login($1)", &[&outsider]),
        "closing a login the team did not make",
    );
    let can_login: bool = admin
        .query_one(
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = $1",
            &[&outsider],
        )
        .unwrap()
        .get(0);
    assert!(can_login, "the outsider's login was closed");

    // A login made behind the team list's back cannot write history.
    let ghost = "mh_ghost_".to_owned() + &std::process::id().to_string();
    let secret = "SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy";
    let made: bool = ed
        .query_one(
            "SELECT masthead_create_login($1, $2, 'editor')",
            &[&ghost, &secret],
        )
        .unwrap()
        .get(0);
    assert!(made);
    admin
        .batch_execute(&format!("ALTER ROLE {ghost} PASSWORD 'ghost-pw'"))
        .unwrap();
    let mut g = postgres::Client::connect(
        &format!(
            "host=127.0.0.1 port={} user={ghost} password=ghost-pw dbname={} sslmode=disable",
            cluster().port,
            name_of(&t.url)
        ),
        postgres::NoTls,
    )
    .unwrap();
    refused_by_server(
        g.execute(
            "INSERT INTO change_sets (id, at, actor) VALUES ('ghost', 'now', 'Tess Editor')",
            &[],
        ),
        "history from a login not on the team list",
    );

    // A login that is not the database's owner cannot create the schema.
    let url = cluster().empty_database();
    let other = url.replacen(
        &format!(
            "{}:{}@",
            masthead_pgtest::SUPERUSER,
            masthead_pgtest::SUPERUSER_PASSWORD
        ),
        &format!("{ghost}:ghost-pw@"),
        1,
    );
    admin
        .batch_execute(&format!(
            "GRANT CONNECT ON DATABASE {} TO {ghost}",
            name_of(&url)
        ))
        .unwrap();
    let err = Store::open_location(&other).unwrap_err();
    assert_eq!(err.code(), "not_allowed", "{err}");
    assert!(
        err.to_string().contains("only the database's owner"),
        "{err}"
    );
}

#[test]
fn each_team_on_a_server_is_its_own_and_its_owner_needs_no_superuser() {
    // A server's owner of a team database: CREATEROLE, not a superuser.
    let owner = format!("pse_owner_{}", std::process::id());
    let mut admin = cluster().admin("postgres");
    for sql in [
        format!("CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD 'owner-pw'"),
        format!("CREATE DATABASE {owner}_a OWNER {owner} TEMPLATE template0"),
        format!("CREATE DATABASE {owner}_b OWNER {owner} TEMPLATE template0"),
    ] {
        admin.batch_execute(&sql).unwrap();
    }
    let url = |db: &str| {
        format!(
            "postgres://{owner}:owner-pw@127.0.0.1:{}/{db}?sslmode=disable",
            cluster().port
        )
    };
    let actor = Actor::new("Tess Editor").unwrap();
    let mut a = Store::open_location(&url(&format!("{owner}_a"))).unwrap();
    let b = Store::open_location(&url(&format!("{owner}_b"))).unwrap();
    drop(b);
    a.load_demo(&actor).unwrap();
    let editor = a
        .invite(
            &actor,
            &InviteInput {
                name: "Team A Editor".into(),
                email: "ed@a.example".into(),
                role: TeamRole::Editor,
            },
        )
        .unwrap();
    // Team A's editor invites a contributor (no CREATEROLE of their own).
    let mut ed = Store::open_location(&signed(&editor)).unwrap();
    let hannah = ed
        .invite(
            &actor,
            &InviteInput {
                name: "Hannah Okafor".into(),
                email: "hannah.okafor@pse.example".into(),
                role: TeamRole::Contributor,
            },
        )
        .unwrap();
    let h = Store::open_location(&signed(&hannah)).unwrap();
    assert!(
        !h.list_assignments(masthead_core::AssignmentQuery::default())
            .unwrap()
            .is_empty()
    );
    // Team A's editor is nobody on team B's database: not even let in.
    let other = signed(&editor).replace(&format!("/{owner}_a?"), &format!("/{owner}_b?"));
    let err = Store::open_location(&other).unwrap_err();
    assert_eq!(err.code(), "not_allowed", "{err}");
    // The editor changes Hannah's role and takes her off the team.
    let person = ed.find_person("hannah.okafor@pse.example").unwrap();
    let person = ed
        .set_team_role(&actor, person.id, Some(person.version), TeamRole::Editor)
        .unwrap();
    ed.remove_from_team(&actor, person.id, Some(person.version))
        .unwrap();
    assert_eq!(
        Store::open_location(&signed(&hannah)).unwrap_err().code(),
        "login_refused"
    );
}

/// Access ends when the assignment ends: once her assignment is withdrawn,
/// the writer sees nothing of the piece (its row, its drafts, its history)
/// and cannot move it; she still sees the assignment, withdrawn. SQL sent
/// straight as her login.
#[test]
fn a_withdrawn_writer_sees_nothing_of_the_piece_from_then_on() {
    let mut t = team();
    let hannah_id = t.hannah.person.contributor_id.unwrap();
    let live: Vec<_> = t
        .admin
        .list_assignments(masthead_core::AssignmentQuery {
            contributor: Some(hannah_id),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .filter(|a| {
            matches!(
                a.state,
                masthead_core::model::AssignmentState::Offered
                    | masthead_core::model::AssignmentState::Accepted
            )
        })
        .collect();
    let gone = live.first().expect("a live assignment of hers").clone();
    let piece = gone.article_id.to_string();
    let mut h = raw(&t, &t.hannah);
    let sees = |c: &mut postgres::Client, sql: &str| -> i64 {
        c.query_one(sql, &[&piece]).unwrap().get(0)
    };
    assert_eq!(
        sees(&mut h, "SELECT count(*) FROM articles WHERE id = $1"),
        1
    );
    let history_before = sees(&mut h, "SELECT count(*) FROM changes WHERE entity_id = $1");
    assert!(history_before > 0);

    t.admin
        .withdraw_assignment(&t.actor, gone.id, Some(gone.version))
        .unwrap();

    assert_eq!(
        sees(&mut h, "SELECT count(*) FROM articles WHERE id = $1"),
        0
    );
    assert_eq!(
        sees(&mut h, "SELECT count(*) FROM drafts WHERE article_id = $1"),
        0
    );
    assert_eq!(
        sees(&mut h, "SELECT count(*) FROM changes WHERE entity_id = $1"),
        0
    );
    refused_by_server(
        h.query(
            "SELECT * FROM masthead_submit_draft($1, 'late.md', 'text/markdown', 'late'::bytea,
                                                 'late', 'late')",
            &[&piece],
        ),
        "a draft of a piece no longer hers",
    );
    let state: String = h
        .query_one(
            "SELECT state FROM assignments WHERE id = $1",
            &[&gone.id.to_string()],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        state, "withdrawn",
        "her assignment stays in sight, withdrawn"
    );
}

/// `check` says when the server's own `postgres` database is open to every
/// login (README asks the superuser to close it; the test clusters are).
#[test]
fn check_says_when_the_servers_postgres_database_is_open_to_all() {
    let t = team();
    let is_clean = |t: &Team| {
        !t.admin
            .check()
            .unwrap()
            .problems
            .iter()
            .any(|p| p.code == "server_open_to_all")
    };
    assert!(is_clean(&t));
    let mut admin = cluster().admin("postgres");
    admin
        .batch_execute("GRANT CONNECT ON DATABASE postgres TO PUBLIC")
        .unwrap();
    let open = !is_clean(&t);
    admin
        .batch_execute(
            "REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
             GRANT CONNECT ON DATABASE template1 TO PUBLIC",
        )
        .unwrap();
    let template_open = !is_clean(&t);
    admin
        .batch_execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC")
        .unwrap();
    assert!(open, "check did not say the postgres database was open");
    assert!(template_open, "check did not say template1 was open");
    assert!(is_clean(&t));
}
