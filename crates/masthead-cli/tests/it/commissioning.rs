//! Commissioning from the command line: contributors, assignments, the
//! workflow and the board, with the same rules and words as the app.

use crate::Cli;

#[test]
fn an_editor_commissions_a_piece_and_the_board_shows_it_overdue() {
    let cli = Cli::demo();
    let piece = "Training tomorrow's public sector leaders";
    cli.run(&[
        "contributor", "add", "--name", "Sam Okoro", "--role", "Leadership writer", "--email",
        "sam@okoro.example", "--phone", "07700 900123",
    ])
    .ok();
    // A second contributor with Sam's email is refused, naming Sam.
    cli.run(&[
        "contributor", "add", "--name", "S. Okoro", "--email", "SAM@okoro.example",
    ])
    .refused("Sam Okoro already uses sam@okoro.example");

    let brief = cli._dir.path().join("brief.md");
    std::fs::write(&brief, "## Angle\nWhat the next leaders need.\n").unwrap();
    let out = cli
        .run(&[
            "article",
            "assign",
            "--article",
            piece,
            "--contributor",
            "sam@okoro.example",
            "--due",
            "2021-01-29",
            "--words",
            "1500",
            "--fee",
            "350.00",
            "--currency",
            "GBP",
            "--brief-file",
            brief.to_str().unwrap(),
        ])
        .ok();
    assert!(
        out.stderr
            .contains("warning: The due date (29 Jan 2021) is after Feb/Mar 21 goes to press"),
        "a due date after press warns: {}",
        out.stderr
    );
    let list = cli
        .run(&["assignment", "list", "--contributor", "Sam Okoro", "--json"])
        .ok()
        .json();
    assert_eq!(list[0]["state"], "offered");
    assert_eq!(list[0]["fee_minor"], 35000);
    assert_eq!(list[0]["fee"], "350.00");
    assert_eq!(list[0]["brief"], "## Angle\nWhat the next leaders need.");
    let version = list[0]["version"].as_u64().unwrap().to_string();

    cli.run(&[
        "assignment", "decline", "--article", piece, "--contributor", "Sam Okoro",
        "--expect-version", "99",
    ])
    .refused("conflict");
    cli.run(&[
        "assignment", "accept", "--article", piece, "--contributor", "Sam Okoro",
        "--expect-version", &version,
    ])
    .ok();
    cli.run(&[
        "assignment", "decline", "--article", piece, "--contributor", "Sam Okoro",
    ])
    .refused("no offer to answer");
    cli.run(&[
        "article", "assign", "--article", piece, "--contributor", "Sam Okoro", "--fee", "-1",
        "--currency", "GBP",
    ])
    .refused("cannot be negative");

    // The board, as of a fixed day: the piece is an Idea with an
    // accepted writer due 29 Jan; it is overdue on 1 Feb.
    let board = cli
        .run(&[
            "board", "--edition", "Feb/Mar 21", "--today", "2021-02-01", "--json",
        ])
        .ok()
        .json();
    assert_eq!(board["today"], "2021-02-01");
    let idea = board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "idea")
        .unwrap();
    let card = idea["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"] == piece)
        .unwrap();
    assert_eq!(card["contributors"][0], "Sam Okoro");
    assert_eq!(card["word_target"], 1500);
    assert_eq!(card["deadline"]["date"], "2021-01-29");
    assert_eq!(card["overdue"], true);
    let overdue = cli
        .run(&[
            "board", "--edition", "Feb/Mar 21", "--today", "2021-01-02", "--overdue", "--json",
        ])
        .ok()
        .json();
    let titles: Vec<&str> = overdue["columns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["pieces"].as_array().unwrap())
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert!(
        !titles.contains(&piece),
        "due 29 Jan is not overdue on 2 Jan"
    );
    assert!(
        titles.contains(&"Leeds to sign memoranda with Lille and Brno"),
        "an idea past commissioning close is: {titles:?}"
    );

    let shown = cli.run(&["contributor", "show", "Sam Okoro"]).ok();
    assert!(shown.stdout.contains(piece), "{}", shown.stdout);
    assert!(shown.stdout.contains("accepted"), "{}", shown.stdout);
}

#[test]
fn the_workflow_is_shaped_from_the_cli_and_keeps_its_rules() {
    let cli = Cli::demo();
    cli.run(&[
        "workflow", "add", "--name", "Legal read", "--after", "Subbed",
    ])
    .ok();
    cli.run(&[
        "workflow", "deadline", "Legal read", "--days", "3", "--before", "press-date",
    ])
    .ok();
    let wf = cli.run(&["workflow", "list", "--json"]).ok().json();
    let labels: Vec<&str> = wf["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    let at = |l: &str| labels.iter().position(|x| *x == l).unwrap();
    assert_eq!(at("Legal read"), at("Subbed") + 1);
    let legal = &wf["statuses"][at("Legal read")];
    assert_eq!(legal["deadline"]["key_date"], "press_date");
    assert_eq!(legal["deadline"]["days_before"], 3);
    assert_eq!(wf["version"], 3);

    // The subbed piece can now go to Legal read, not straight to Approved.
    let piece = "Keep communities at the heart of planning";
    cli.run(&["article", "status", piece, "Approved"])
        .refused("\"In edit\", \"Legal read\", \"Spiked\"");
    cli.run(&["article", "status", piece, "Legal read"]).ok();

    cli.run(&["workflow", "delete", "Legal read"])
        .refused("Retire it instead");
    cli.run(&["workflow", "retire", "Idea"])
        .refused("Make another status the first");
    cli.run(&["workflow", "disallow", "Legal read", "Approved"])
        .refused("No piece could ever reach");
    cli.run(&[
        "workflow", "rename", "Legal read", "--name", "Legal check", "--expect-version", "1",
    ])
    .refused("conflict");
    cli.run(&["workflow", "recolour", "Legal read", "puce"])
        .refused("not one of the status colours");
    cli.run(&["workflow", "recolour", "Legal read", "rose"])
        .ok();
    cli.run(&["workflow", "reorder", "Spiked", "--position", "1"])
        .ok();
    let wf = cli.run(&["workflow", "list", "--json"]).ok().json();
    assert_eq!(wf["statuses"][0]["label"], "Spiked");
    let history = cli.run(&["article", "history", piece]).ok();
    assert!(
        history
            .stdout
            .contains("moved it from Subbed to Legal read"),
        "{}",
        history.stdout
    );
}

#[test]
fn the_desk_lists_what_needs_doing_as_text_and_json() {
    let cli = Cli::demo();
    let text = cli.run(&["dashboard", "--today", "2021-01-10"]).ok().stdout;
    for needle in [
        "Overdue (",
        "Housing at the heart of levelling up (Feb/Mar 21) · Draft received by 2021-01-08",
        "Due this week (2)",
        "Copy off its target (",
        "Offers waiting for an answer (0)",
        "Council Insurance Partners (Feb/Mar 21) · pencilled",
        "NHS Digital Academy (Feb/Mar 21) · booked, no artwork yet",
        "Feb/Mar 21 · press 2021-01-22 · 4 of 10 pieces at or past Approved (899 words)",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    let desk = cli
        .run(&["dashboard", "--today", "2021-01-10", "--json"])
        .ok()
        .json();
    assert_eq!(desk["today"], "2021-01-10");
    assert_eq!(desk["this_week"].as_array().unwrap().len(), 2);
    assert_eq!(desk["editions"][0]["edition"]["name"], "Feb/Mar 21");
    assert_eq!(desk["editions"][0]["done"], 4);
    cli.run(&["dashboard", "--publication", "Nobody's Weekly"])
        .refused("No publication");
}

#[test]
fn search_finds_pieces_by_their_words_as_text_and_json() {
    let cli = Cli::demo();
    let text = cli.run(&["search", "Leeds", "Dortmund"]).ok().stdout;
    for needle in [
        "pieces hold \"leeds\" and \"dortmund\"",
        "Feb/Mar 21",
        "Leeds commits to working with European cities on important issues  [Published] · title or standfirst",
        "*Leeds* and *Dortmund* re-sign their memorandum",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    let found = cli.run(&["search", "dortm", "--json"]).ok().json();
    assert_eq!(found["words"][0], "dortm");
    let hits = found["groups"][0]["hits"].as_array().unwrap();
    assert!(
        hits.iter()
            .any(|h| h["title"].as_str().unwrap().starts_with("Leeds commits")),
        "{hits:?}"
    );
    assert!(
        cli.run(&["search", "zzyzx"])
            .ok()
            .stdout
            .contains("Nothing holds \"zzyzx\"."),
    );
    cli.run(&["search", "Leeds", "--publication", "Nobody's Weekly"])
        .refused("No publication");
}

#[test]
fn deleting_to_the_trash_listing_restoring_and_emptying_it() {
    let cli = Cli::demo();
    let leeds = "Leeds commits to working with European cities on important issues";
    let shown = cli.run(&["article", "show", leeds, "--json"]).ok().json();
    let version = shown["version"].as_u64().unwrap().to_string();
    // A stale version is a conflict: exit 2, nothing deleted.
    let stale = (shown["version"].as_u64().unwrap() - 1).to_string();
    cli.run(&["article", "delete", leeds, "--expect-version", &stale])
        .refused("changed");
    let said = cli
        .run(&["article", "delete", leeds, "--expect-version", &version])
        .ok()
        .stdout;
    assert!(said.contains("to the trash"), "{said}");
    cli.run(&["article", "show", leeds]).refused("No article");
    let list = cli
        .run(&["article", "list", "--edition", "Feb/Mar 21", "--json"])
        .ok()
        .json();
    assert!(!list.to_string().contains("Leeds commits"));

    let trash = cli.run(&["trash", "list", "--json"]).ok().json();
    assert_eq!(trash[0]["kind"], "article");
    assert_eq!(trash[0]["label"], leeds);
    assert_eq!(trash[0]["edition"], "Feb/Mar 21");
    let text = cli.run(&["trash", "list"]).ok().stdout;
    assert!(
        text.contains("piece") && text.contains("Feb/Mar 21"),
        "{text}"
    );

    let id = trash[0]["id"].as_str().unwrap().to_owned();
    cli.run(&["trash", "restore", &id]).ok();
    cli.run(&["article", "show", leeds]).ok();
    cli.run(&["trash", "restore", &id])
        .refused("no longer in the trash");
    cli.run(&["trash", "restore", "nonsense"])
        .refused("not a trash entry's id");

    // A contributor still on a piece is refused in words.
    cli.run(&["contributor", "delete", "Hannah Okafor"])
        .refused("Withdraw those commissions first");
    assert!(
        cli.run(&["trash", "list"])
            .ok()
            .stdout
            .contains("The trash is empty.")
    );

    // An edition, then emptying: asked for, and recorded.
    cli.run(&["edition", "delete", "Apr/May 21"]).ok();
    cli.run(&["trash", "empty"]).refused("--yes");
    assert!(
        cli.run(&["trash", "empty", "--yes"])
            .ok()
            .stdout
            .contains("1 entry")
    );
    assert!(
        cli.run(&["trash", "list"])
            .ok()
            .stdout
            .contains("The trash is empty.")
    );
    cli.run(&["edition", "show", "Apr/May 21"])
        .refused("No edition");
}

#[test]
fn the_calendar_lists_a_months_deadlines_and_exports_them_as_ics() {
    let cli = Cli::demo();
    let text = cli
        .run(&[
            "calendar", "--from", "2021-01-01", "--to", "2021-01-31", "--today", "2021-01-10",
        ])
        .ok()
        .stdout;
    for needle in [
        "Fri 2021-01-08",
        "Copy deadline: Feb/Mar 21",
        "To reach Draft received: Housing at the heart of levelling up (Feb/Mar 21) · overdue",
        "Press date: Feb/Mar 21",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    let cal = cli
        .run(&[
            "calendar", "--from", "2021-01-01", "--to", "2021-01-31", "--json",
        ])
        .ok()
        .json();
    assert!(
        cal["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "key_date")
    );
    cli.run(&["calendar", "--from", "2021-02-01", "--to", "2021-01-01"])
        .refused("before it starts");

    let out = cli.db.with_file_name("deadlines.ics");
    let said = cli
        .run(&[
            "export",
            "ics",
            "--today",
            "2021-01-10",
            "--out",
            out.to_str().unwrap(),
        ])
        .ok()
        .stdout;
    assert!(said.contains("deadlines to"), "{said}");
    let ics = std::fs::read_to_string(&out).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        ics.contains("SUMMARY:Copy deadline: Feb/Mar 21\r\n"),
        "{ics}"
    );
    // A file already there is never overwritten.
    cli.run(&["export", "ics", "--out", out.to_str().unwrap()])
        .refused("already exists");
    let hers = cli.db.with_file_name("hannah.ics");
    cli.run(&[
        "export",
        "ics",
        "--today",
        "2021-01-10",
        "--contributor",
        "Hannah Okafor",
        "--out",
        hers.to_str().unwrap(),
    ])
    .ok();
    let hers = std::fs::read_to_string(&hers).unwrap();
    assert!(
        !hers.contains("Copy deadline"),
        "only her own due dates: {hers}"
    );
}

#[test]
fn comments_are_written_listed_kept_to_their_author_and_mention_a_teammate() {
    let cli = Cli::demo();
    let leeds = "Leeds commits to working with European cities on important issues";
    let said = cli
        .run(&[
            "--as", "Sam Sub", "comment", "add", leeds, "--body",
            "@Tess Editor please check the quotes",
        ])
        .ok()
        .stdout;
    assert!(said.starts_with("Commented on it"), "{said}");
    let list = cli.run(&["comment", "list", leeds, "--json"]).ok().json();
    let id = list[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(list[0]["author"], "Sam Sub");
    let text = cli.run(&["comment", "list", leeds]).ok().stdout;
    assert!(
        text.contains("Sam Sub") && text.contains("please check the quotes"),
        "{text}"
    );
    // Tess sees the mention on her desk; it is not hers to edit.
    let desk = cli.run(&["--as", "Tess Editor", "dashboard"]).ok().stdout;
    assert!(desk.contains("Mentions of you (1)"), "{desk}");
    cli.run(&[
        "--as", "Tess Editor", "comment", "edit", &id, "--body", "mine",
    ])
    .refused("Only Sam Sub can edit");
    cli.run(&[
        "--as", "Sam Sub", "comment", "edit", &id, "--body", "@Tess Editor all fine now",
    ])
    .ok();
    let after = cli.run(&["comment", "list", leeds]).ok().stdout;
    assert!(
        after.contains("(edited)") && after.contains("all fine now"),
        "{after}"
    );
    // The piece's history holds the comment's lines.
    let history = cli.run(&["history", leeds]).ok().stdout;
    assert!(
        history.contains("commented: “@Tess Editor please check the quotes”"),
        "{history}"
    );
    assert!(history.contains("edited their comment"), "{history}");
    assert!(
        cli.run(&["--as", "Sam Sub", "comment", "delete", &id])
            .ok()
            .stdout
            .contains("to the trash")
    );
    assert!(
        cli.run(&["comment", "list", leeds])
            .ok()
            .stdout
            .contains("No comments yet.")
    );
    cli.run(&["comment", "add", leeds, "--body", "   "])
        .refused("cannot be empty");
}

#[test]
fn a_contributor_link_is_shown_once_lasts_its_days_and_is_revoked() {
    let cli = Cli::demo();
    let made = cli
        .run(&[
            "contributor", "link", "Chris Borg", "--public-url", "https://mh.example.org/",
            "--days", "30", "--json",
        ])
        .ok()
        .json();
    let token = made["token"].as_str().unwrap();
    assert_eq!(
        made["url"].as_str().unwrap(),
        format!("https://mh.example.org/l/{token}")
    );
    assert_eq!(made["contributor"], "Chris Borg");
    assert_eq!(made["link"]["created_by"], "Tess Editor");
    // Only its hash is kept.
    assert!(!String::from_utf8_lossy(&cli.snapshot()).contains(token));
    let text = cli
        .run(&[
            "contributor", "link", "chris.borg@nalc.example", "--public-url",
            "https://mh.example.org",
        ])
        .ok()
        .stdout;
    assert!(text.contains("Link to Chris Borg's page (until "), "{text}");
    assert!(text.contains("https://mh.example.org/l/"), "{text}");
    cli.run(&["contributor", "link", "Chris Borg", "--days", "0"])
        .refused("A link lasts from 1 to 366 days");
    cli.run(&[
        "contributor", "link", "Chris Borg", "--public-url", "mh.example.org",
    ])
    .refused("is not a web address");
    let revoked = cli
        .run(&["contributor", "link", "Chris Borg", "--revoke"])
        .ok()
        .stdout;
    assert!(
        revoked.contains("Revoked Chris Borg's 2 links"),
        "{revoked}"
    );
    let again = cli
        .run(&["contributor", "link", "Chris Borg", "--revoke"])
        .ok()
        .stdout;
    assert!(again.contains("had no link to revoke"), "{again}");
    cli.run(&["team", "page-login"])
        .refused("A page login is for a team server");
}
