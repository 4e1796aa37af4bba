//! README's recipe for a team server's backup, tried on two throwaway
//! clusters: backed up on one, restored on the other, and an editor and a
//! contributor work there. And what `check` says (and `--repair` mends)
//! when a restore leaves the logins out.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::{Cli, run_with};

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn database_of(url: &str) -> String {
    url.rsplit('/')
        .next()
        .and_then(|n| n.split('?').next())
        .unwrap()
        .to_owned()
}

/// The invited member's address on `cluster`, database `db`, with the password.
fn member_url(invitation: &Value, cluster: &masthead_pgtest::Cluster, db: &str) -> String {
    format!(
        "postgres://{}:{}@127.0.0.1:{}/{db}?sslmode=disable",
        invitation["login"].as_str().unwrap(),
        invitation["password"].as_str().unwrap(),
        cluster.port
    )
}

fn invite(server: &Path, name: &str, email: &str, role: &str) -> Value {
    run_with(
        Some(server),
        &[
            "team", "invite", "--name", name, "--email", email, "--role", role, "--json",
        ],
        &[],
    )
    .ok()
    .json()
}

/// An editor and a contributor at work on `db` of `cluster`.
fn they_work(editor: &Value, contributor: &Value, cluster: &masthead_pgtest::Cluster, db: &str) {
    let erin = member_url(editor, cluster, db);
    let erin = Path::new(&erin);
    let pieces = run_with(
        Some(erin),
        &["article", "list", "--edition", "Feb/Mar 21", "--json"],
        &[],
    )
    .ok()
    .json();
    let piece = pieces
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"].as_str().unwrap().contains("ommunities"))
        .expect("the communities piece");
    run_with(
        Some(erin),
        &[
            "article",
            "update",
            piece["id"].as_str().unwrap(),
            "--title",
            &format!("Communities first ({})", cluster.port),
        ],
        &[],
    )
    .ok();
    let hannah = member_url(contributor, cluster, db);
    let hannah = Path::new(&hannah);
    let mine = run_with(Some(hannah), &["assignment", "list", "--json"], &[])
        .ok()
        .json();
    let mine = mine.as_array().unwrap();
    assert!(!mine.is_empty(), "the contributor sees her assignments");
    let piece = mine[0]["article_id"].as_str().unwrap().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join(format!("restored-{}.md", cluster.port));
    std::fs::write(
        &draft,
        format!(
            "A draft written on the server at port {}, with some words in it.\n",
            cluster.port
        ),
    )
    .unwrap();
    run_with(
        Some(hannah),
        &[
            "draft",
            "submit",
            "--article",
            &piece,
            draft.to_str().unwrap(),
        ],
        &[],
    )
    .ok();
}

/// A team on the first cluster: the demo imported, an editor and a
/// contributor invited (`editor_email` differs per test: logins are the
/// server's). Its URL and the two invitations.
fn a_team(a: &masthead_pgtest::Cluster, editor_email: &str) -> (String, Value, Value) {
    let file = Cli::demo();
    let url = a.empty_database();
    let server = Path::new(&url);
    run_with(
        Some(server),
        &["team", "import", file.db.to_str().unwrap()],
        &[],
    )
    .ok();
    let erin = invite(server, "Erin Editor", editor_email, "editor");
    let hannah = invite(
        server, "Hannah Okafor", "hannah.okafor@pse.example", "contributor",
    );
    (url, erin, hannah)
}

/// The server's roles as `pg_dumpall --roles-only` writes them, loaded into
/// the second cluster (its own superuser is reported and passed over).
fn copy_roles(a: &masthead_pgtest::Cluster, b: &masthead_pgtest::Cluster, dir: &Path) {
    let roles = dir.join("roles.sql");
    std::fs::write(
        &roles,
        tool(
            "pg_dumpall",
            &["--roles-only", "--dbname", &a.admin_url("postgres")],
        ),
    )
    .unwrap();
    let _ = Command::new("psql")
        .args(["--quiet", "--dbname", &b.admin_url("postgres"), "--file"])
        .arg(&roles)
        .output()
        .unwrap();
}

#[test]
fn a_team_server_backed_up_with_the_recipe_restores_a_working_team() {
    let (a, b) = (masthead_pgtest::cluster(), masthead_pgtest::plain_cluster());
    let (url, erin, hannah) = a_team(a, "erin@pse.example");
    let db = database_of(&url);
    they_work(&erin, &hannah, a, &db);

    // The recipe: the server's roles, then the database with --create.
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("pse.dump");
    tool(
        "pg_dump",
        &[
            "--format=custom",
            "--create",
            "--file",
            dump.to_str().unwrap(),
            &url,
        ],
    );
    copy_roles(a, b, dir.path());
    tool(
        "pg_restore",
        &[
            "--create",
            "--dbname",
            &b.admin_url("postgres"),
            dump.to_str().unwrap(),
        ],
    );

    let restored = b.admin_url(&db);
    let report = run_with(Some(Path::new(&restored)), &["check", "--json"], &[]).json();
    let problems = report["problems"].as_array().unwrap();
    // Roles made anew on another server are not the ones the team's record
    // names: check says so, and --repair (the owner's) mends it.
    assert!(
        problems.iter().all(|p| p["code"] == "login_cannot_work"),
        "{report}"
    );
    let repaired = run_with(Some(Path::new(&restored)), &["check", "--repair"], &[]);
    assert_eq!(repaired.code, 0, "{}{}", repaired.stdout, repaired.stderr);
    they_work(&erin, &hannah, b, &db);
    // The editor may still manage the team there.
    let erin_there = member_url(&erin, b, &db);
    run_with(
        Some(Path::new(&erin_there)),
        &[
            "team", "role", "hannah.okafor@pse.example", "--role", "editor",
        ],
        &[],
    )
    .ok();
}

#[test]
fn check_finds_logins_a_restore_left_out_and_repair_lets_them_in() {
    let (a, b) = (masthead_pgtest::cluster(), masthead_pgtest::plain_cluster());
    let (url, erin, hannah) = a_team(a, "erin.b@pse.example");

    // The old recipe: a database restored into an empty one, without --create.
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("pse.dump");
    tool(
        "pg_dump",
        &["--format=custom", "--file", dump.to_str().unwrap(), &url],
    );
    copy_roles(a, b, dir.path());
    // A new database on the second server, named apart from the first
    // test's (which restores the first server's name there).
    let db = format!("plain_restore_{}", std::process::id());
    b.admin("postgres")
        .batch_execute(&format!("CREATE DATABASE {db} TEMPLATE template0"))
        .unwrap();
    let target = b.admin_url(&db);
    tool("pg_restore", &["--dbname", &target, dump.to_str().unwrap()]);

    // A login of the second server's that is nobody in this team.
    b.admin("postgres")
        .batch_execute(&format!(
            "DO $$ BEGIN CREATE ROLE stranger_{port} LOGIN PASSWORD 'pw'; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
            port = b.port
        ))
        .unwrap();
    let stranger = format!(
        "postgres://stranger_{port}:pw@127.0.0.1:{port}/{db}?sslmode=disable",
        port = b.port
    );
    let found = run_with(Some(Path::new(&target)), &["check"], &[]);
    assert_eq!(found.code, 1, "{}{}", found.stdout, found.stderr);
    for name in ["Erin Editor", "Hannah Okafor"] {
        assert!(
            found.stdout.contains(&format!("{name}'s login"))
                && found.stdout.contains("may not connect to this database"),
            "{}",
            found.stdout
        );
    }
    assert!(
        found.stdout.contains("masthead check --repair"),
        "{}",
        found.stdout
    );
    // The owner's opening took PUBLIC's right to connect away (as every
    // opening by the owner does), and the restore did not bring the
    // members' own grants: the team is shut out until the repair.
    let erin_there = member_url(&erin, b, &db);
    let shut_out = run_with(Some(Path::new(&erin_there)), &["edition", "list"], &[]);
    assert!(
        shut_out.stderr.contains("permission denied for database"),
        "{}",
        shut_out.stderr
    );
    let repaired = run_with(Some(Path::new(&target)), &["check", "--repair"], &[]);
    assert_eq!(repaired.code, 0, "{}{}", repaired.stdout, repaired.stderr);
    assert!(
        repaired.stdout.contains("may connect again"),
        "{}",
        repaired.stdout
    );
    they_work(&erin, &hannah, b, &db);
    // Only the team: a login of that server's that is nobody here stays out.
    let stranger_out = run_with(Some(Path::new(&stranger)), &["team", "me"], &[]);
    assert!(
        stranger_out
            .stderr
            .contains("permission denied for database"),
        "{}",
        stranger_out.stderr
    );
}
