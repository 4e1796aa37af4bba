//! A team on the server: invitations and sign-in, what a contributor sees
//! and sends, a member taken off the team.

use super::*;

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
