//! A team's database moves between a file and a team server whole.

use std::path::Path;

use serde_json::Value;

use crate::{Cli, run_with};

/// Every list and show verb's JSON for the whole database, as one text.
pub(crate) fn everything(db: &Path) -> String {
    let run = |args: &[&str]| -> String {
        let r = run_with(Some(db), args, &[]);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        r.stdout
    };
    let json = |args: &[&str]| -> Value { serde_json::from_str(&run(args)).unwrap() };
    let mut all = String::new();
    for args in [
        &["publication", "list", "--json"][..],
        &["edition", "list", "--json"],
        &["contributor", "list", "--json"],
        &["assignment", "list", "--json"],
        &["workflow", "list", "--json"],
        &["section", "list", "--json"],
        &["kind", "list", "--all", "--json"],
        &["board", "--json"],
    ] {
        all += &format!("$ {}\n{}", args.join(" "), run(args));
    }
    for c in json(&["contributor", "list", "--json"]).as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        all += &run(&["contributor", "show", id, "--json"]);
    }
    for e in json(&["edition", "list", "--json"]).as_array().unwrap() {
        let id = e["id"].as_str().unwrap();
        all += &run(&["edition", "show", id, "--json"]);
        all += &run(&["flatplan", "show", id, "--json"]);
        all += &run(&["advert", "list", "--edition", id, "--json"]);
        for a in json(&["article", "list", "--edition", id, "--json"])
            .as_array()
            .unwrap()
        {
            let piece = a["id"].as_str().unwrap();
            all += &run(&["article", "show", piece, "--json"]);
            let drafts = json(&["draft", "list", "--article", piece, "--json"]);
            all += &drafts.to_string();
            for d in drafts.as_array().unwrap() {
                let version = d["version"].to_string();
                all += &run(&["draft", "text", "--article", piece, "--version", &version]);
            }
        }
    }
    all
}

#[test]
fn the_demo_moves_onto_a_server_and_back_and_every_list_and_show_is_the_same() {
    let file = Cli::demo();
    // A second draft, so that versions and an approval travel too.
    let piece = "Leeds commits to working with European cities on important issues";
    let v2 = file.db.with_file_name("v2.md");
    std::fs::write(
        &v2,
        "Leeds will sign memoranda with Lille and Brno this spring.\n",
    )
    .unwrap();
    file.run(&["draft", "submit", "--article", piece, v2.to_str().unwrap()])
        .ok();
    file.run(&["draft", "approve", "--article", piece, "--version", "1"])
        .ok();

    let server = masthead_pgtest::cluster().empty_database();
    let server = Path::new(&server);
    let moved = run_with(
        Some(server),
        &["team", "import", file.db.to_str().unwrap(), "--json"],
        &[],
    )
    .ok()
    .json();
    assert_eq!(moved["tables"][0][0], "publications");
    assert!(
        moved["tables"]
            .as_array()
            .unwrap()
            .iter()
            // The demo's seven drafts and the second one sent above.
            .any(|t| t[0] == "drafts" && t[1].as_u64() == Some(8)),
        "{moved}"
    );

    let before = everything(&file.db);
    assert!(before.contains("Feb/Mar 21") && before.contains("Hannah Okafor"));
    // The server answers as the file does…
    assert_eq!(
        run_with(Some(server), &["edition", "list", "--json"], &[])
            .ok()
            .stdout,
        file.run(&["edition", "list", "--json"]).ok().stdout
    );
    assert_eq!(everything(server), before);

    // …and a file made from the server holds it all again.
    let back = Cli::new();
    back.run(&["team", "import", server.to_str().unwrap()]).ok();
    assert_eq!(everything(&back.db), before);

    // An import never merges: a second one is refused, nothing added.
    run_with(
        Some(server),
        &["team", "import", file.db.to_str().unwrap()],
        &[],
    )
    .refused("already holds");
    assert_eq!(everything(server), before);
}

/// The address with the password put in, as the invited person types it.
fn signed(invitation: &Value) -> String {
    let login = invitation["login"].as_str().unwrap();
    invitation["url"].as_str().unwrap().replacen(
        &format!("://{login}@"),
        &format!("://{login}:{}@", invitation["password"].as_str().unwrap()),
        1,
    )
}

#[test]
fn a_contributor_invited_from_the_cli_sees_only_their_assignments_there() {
    let file = Cli::demo();
    let server_url = masthead_pgtest::cluster().empty_database();
    let server = Path::new(&server_url);
    run_with(
        Some(server),
        &["team", "import", file.db.to_str().unwrap()],
        &[],
    )
    .ok();
    let invited = run_with(
        Some(server),
        &[
            "team", "invite", "--name", "Hannah Okafor", "--email", "hannah.okafor@pse.example",
            "--role", "contributor", "--json",
        ],
        &[],
    )
    .ok()
    .json();
    assert_eq!(invited["person"]["role"], "contributor");
    let hannah = signed(&invited);
    let hannah = Path::new(&hannah);

    let me = run_with(Some(hannah), &["team", "me"], &[]).ok().stdout;
    assert!(me.contains("as Hannah Okafor (contributor)"), "{me}");
    let theirs = run_with(Some(server), &["assignment", "list", "--json"], &[])
        .ok()
        .json();
    let mine = run_with(Some(hannah), &["assignment", "list", "--json"], &[])
        .ok()
        .json();
    let mine = mine.as_array().unwrap();
    assert!(!mine.is_empty() && mine.len() < theirs.as_array().unwrap().len());
    assert!(mine.iter().all(|a| a["contributor"] == "Hannah Okafor"));
    run_with(Some(hannah), &["flatplan", "show", "Feb/Mar 21"], &[]).refused("may not do this");
    run_with(Some(hannah), &["contributor", "show", "Chris Borg"], &[]).refused("Chris Borg");
    run_with(
        Some(hannah),
        &[
            "team", "invite", "--name", "Mallory", "--email", "m@x.example", "--role", "editor",
        ],
        &[],
    )
    .refused("may not do this");

    let listed = run_with(Some(server), &["team", "list"], &[]).ok().stdout;
    assert!(
        listed.contains("Hannah Okafor") && listed.contains("contributor"),
        "{listed}"
    );
    run_with(
        Some(server),
        &["team", "remove", "hannah.okafor@pse.example"],
        &[],
    )
    .ok();
    let refused = run_with(Some(hannah), &["edition", "list"], &[]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("refused the login"),
        "{}",
        refused.stderr
    );
    assert!(
        !refused
            .stderr
            .contains(invited["password"].as_str().unwrap())
    );
}
