//! Logins and rights at the server: what SQL a contributor's login cannot
//! do, the logins an editor may change, teams side by side, and access that
//! ends with an assignment.

use super::*;

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
