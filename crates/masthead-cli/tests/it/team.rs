//! A team's database moves between a file and a team server whole.

use std::path::Path;

use serde_json::Value;

use crate::{Cli, run_with};

/// Every list and show verb's JSON for the whole database, as one text.
fn everything(db: &Path) -> String {
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
            .any(|t| t[0] == "drafts" && t[1].as_u64() == Some(2)),
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
