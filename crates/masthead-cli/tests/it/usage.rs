//! What a newcomer meets: bad input, where the database is, empty lists,
//! warnings, and tables that line up.

use super::*;

#[test]
fn bad_input_exits_2_with_one_line_and_changes_nothing() {
    let cli = Cli::demo();
    let before = cli.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "edition", "add", "--name", "X", "--cover-date", "2021-02-30",
            ],
            "\"2021-02-30\" is not a calendar date",
        ),
        (
            &[
                "edition", "add", "--name", "X", "--press-date", "22/01/2021",
            ],
            "YYYY-MM-DD",
        ),
        (
            &[
                "edition", "add", "--name", "X", "--press-date", "2021-02-05", "--on-sale",
                "2021-02-01",
            ],
            "The press date (5 Feb 2021) is after the on-sale date",
        ),
        (
            &["edition", "add", "--name", "feb/mar 21"],
            "already has an edition called",
        ),
        (
            &["edition", "add", "--name", " "],
            "The edition name is empty",
        ),
        (
            &["edition", "add", "--name", "X", "--pages", "0"],
            "at least 1",
        ),
        (
            &["edition", "add", "--name", "X", "--pages", "-4"],
            "not a page count",
        ),
        (&["edition", "add", "--theme", "No name"], "needs a name"),
        (
            &["edition", "update", "Feb/Mar 21", "--on-sale", "2021-01-01"],
            "is after the on-sale date",
        ),
        (
            &["edition", "show", "Dec/Jan 99"],
            "No edition matches \"Dec/Jan 99\"",
        ),
        (
            &["article", "add", "--edition", "Nope", "--title", "T"],
            "No edition matches",
        ),
        (
            &[
                "article", "add", "--edition", "Feb/Mar 21", "--title", "T", "--kind", "poem",
            ],
            "not a kind of piece",
        ),
        (
            &[
                "article", "add", "--edition", "Feb/Mar 21", "--title", "T", "--words", "0",
            ],
            "at least 1 word",
        ),
        (
            &[
                "article", "add", "--edition", "Feb/Mar 21", "--title", "T", "--words", "many",
            ],
            "not a word count",
        ),
        (
            &[
                "article", "add", "--edition", "Feb/Mar 21", "--title", "T", "--section", "Sport",
            ],
            "No section matches \"Sport\"",
        ),
        (
            &["article", "add", "--edition", "Feb/Mar 21", "--title", ""],
            "The title is empty",
        ),
        (
            &[
                "article",
                "status",
                "Leeds to sign memoranda with Lille and Brno",
                "Published",
            ],
            "cannot move from \"Idea\" to \"Published\"",
        ),
        (
            &[
                "article",
                "status",
                "Leeds to sign memoranda with Lille and Brno",
                "Printed",
            ],
            "No status matches \"Printed\"",
        ),
        (
            &[
                "contributor", "add", "--name", "Imposter", "--email", "chris.borg@nalc.example",
            ],
            "already uses chris.borg@nalc.example",
        ),
        (
            &[
                "contributor", "add", "--name", "Bad", "--email", "not-an-email",
            ],
            "is not an email address",
        ),
        (
            &["section", "add", "--name", "news"],
            "already has a section called",
        ),
        (
            &["--as", " ", "section", "add", "--name", "Sport"],
            "Your name is empty",
        ),
        (&["edition", "frobnicate"], "unrecognized subcommand"),
        (
            &["edition", "add", "--name", "X", "--colour", "red"],
            "unexpected argument",
        ),
    ];
    for (args, needle) in cases {
        let run = cli.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(
            run.stderr.trim_end().lines().count(),
            1,
            "{args:?}: {:?}",
            run.stderr
        );
        assert!(
            run.stderr.contains(needle),
            "{args:?}: {:?} should mention {needle:?}",
            run.stderr
        );
    }
    assert_eq!(cli.snapshot(), before);
}

#[test]
fn a_print_page_count_off_a_multiple_of_four_warns_but_succeeds() {
    let cli = Cli::demo();
    let out = cli
        .run(&["edition", "add", "--name", "Odd", "--pages", "66"])
        .ok();
    assert!(
        out.stderr
            .starts_with("warning: 66 pages is not a multiple of 4"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_database_comes_from_the_flag_or_masthead_db() {
    let cli = Cli::new();
    let env_db = cli.db.to_str().unwrap();
    run_with(None, &["demo"], &[("MASTHEAD_DB", env_db)]).ok();
    let list = run_with(
        None,
        &["edition", "list", "--json"],
        &[("MASTHEAD_DB", env_db)],
    )
    .ok()
    .json();
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[test]
fn a_missing_or_foreign_database_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    run_with(Some(&missing), &["edition", "list"], &[]).refused("masthead --db");
    assert!(!missing.exists(), "listing must not create a database");

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "shopping list\n").unwrap();
    run_with(Some(&notes), &["edition", "list"], &[]).refused("is not a Masthead database");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "shopping list\n");

    // A folder that does not exist is an environmental failure: exit 1.
    let run = run_with(Some(&dir.path().join("no/such/dir/x.db")), &["init"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("folder"), "{}", run.stderr);
}

#[test]
fn lists_say_what_to_do_when_empty_and_help_exits_0() {
    let cli = Cli::new();
    cli.run(&["init"]).ok();
    let out = cli.run(&["edition", "list"]).ok();
    assert!(out.stdout.contains("No editions yet"), "{}", out.stdout);
    assert_eq!(
        cli.run(&["edition", "list", "--json"]).ok().json(),
        serde_json::json!([])
    );
    let help = cli.run(&["--help"]).ok();
    assert!(help.stdout.contains("Exit codes"), "{}", help.stdout);
    let out = cli.run(&["edition", "add", "--name", "X"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("There is no publication yet"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_table_lines_up_by_display_width_whatever_the_script() {
    let cli = Cli::demo();
    let title = "東京の住宅 — café";
    cli.run(&[
        "article", "add", "--edition", "Feb/Mar 21", "--title", title, "--kind", "news",
    ])
    .ok();
    let out = cli
        .run(&["article", "list", "--edition", "Feb/Mar 21"])
        .ok();
    // A wide (CJK) character takes two columns of a terminal.
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| {
                if ('\u{3000}'..='\u{9fff}').contains(&c) {
                    2
                } else {
                    1
                }
            })
            .sum()
    };
    let at = |line: &str, text: &str| width(&line[..line.find(text).unwrap()]);
    let header = out.stdout.lines().next().unwrap();
    let row = out.stdout.lines().find(|l| l.contains(title)).unwrap();
    let other = out
        .stdout
        .lines()
        .find(|l| l.contains("Leeds commits"))
        .unwrap();
    // The STATUS column starts at one place in the header and both rows.
    assert_eq!(at(row, "Idea"), at(header, "STATUS"), "{}", out.stdout);
    assert_eq!(
        at(other, "Published"),
        at(header, "STATUS"),
        "{}",
        out.stdout
    );
}

/// `dev generate` makes a new archive where it is told, the same for the
/// same seed, and never writes over a database or into the default one.
#[test]
fn dev_generate_makes_a_new_archive_and_never_writes_over_one() {
    let cli = Cli::new();
    let made = cli
        .run(&["dev", "generate", "--pieces", "650", "--seed", "3"])
        .ok();
    assert!(
        made.stdout.contains("Generated 650 pieces in 3 editions"),
        "{}",
        made.stdout
    );
    let list = cli.run(&["edition", "list", "--json"]).ok();
    let editions: Value = serde_json::from_str(&list.stdout).unwrap();
    let counts: Vec<u64> = editions
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["article_count"].as_u64().unwrap() + e["spiked_count"].as_u64().unwrap())
        .collect();
    let total: u64 = counts.iter().sum();
    // One piece in two hundred of those on sale is in the trash.
    assert!((645..=650).contains(&total), "{counts:?}");
    cli.run(&["check"]).ok();
    // The same seed, the same pieces.
    let again = Cli::new();
    again
        .run(&["dev", "generate", "--pieces", "650", "--seed", "3"])
        .ok();
    let titles = |c: &Cli| {
        let first = c.run(&["edition", "list", "--json"]).ok().stdout;
        let v: Value = serde_json::from_str(&first).unwrap();
        let name = v[0]["name"].as_str().unwrap().to_owned();
        c.run(&["article", "list", "--edition", &name]).ok().stdout
    };
    assert_eq!(titles(&cli), titles(&again));

    cli.run(&["dev", "generate", "--pieces", "10"])
        .refused("already exists");
    run_with(None, &["dev", "generate", "--pieces", "10"], &[]).refused("--db FILE");
}

/// What the packages install comes from the program itself: its version
/// with the commit, completions for each shell, and a manual page per verb
/// that `man` can render, none of which needs a database.
#[test]
fn version_completions_and_manual_describe_the_program_without_a_database() {
    let version = run_with(None, &["--version"], &[]).ok();
    let line = version.stdout.trim();
    assert!(
        line.starts_with(&format!("masthead {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{line}"
    );
    assert!(line.ends_with(')') && !line.contains("(commit )"), "{line}");

    for (shell, marker, flag) in [
        ("bash", "complete -F _masthead", "--words"),
        ("zsh", "#compdef masthead", "--words"),
        ("fish", "complete -c masthead", "-l words"),
    ] {
        let script = run_with(None, &["completions", shell], &[]).ok().stdout;
        assert!(script.contains(marker), "{shell}: {script:.200}");
        // Verbs and their flags are in it, hidden ones are not.
        assert!(
            script.contains("edition") && script.contains(flag),
            "{shell}"
        );
        assert!(
            !script.contains("serve-store"),
            "{shell} offers a hidden verb"
        );
    }
    run_with(None, &["completions", "tcsh"], &[]).refused("tcsh");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    run_with(None, &["manual", "--out", out.to_str().unwrap()], &[]).ok();
    let page = std::fs::read_to_string(out.join("masthead.1")).unwrap();
    assert!(page.contains(".TH masthead 1"), "{page:.300}");
    assert!(page.contains("masthead\\-edition(1)"), "{page:.2000}");
    let verb = std::fs::read_to_string(out.join("masthead-edition-add.1")).unwrap();
    assert!(verb.contains(".TH masthead-edition-add 1"), "{verb:.300}");
    assert!(!out.join("masthead-serve-store.1").exists());
}
