//! Drafts from the command line: submit, list, text, diff, approve, export,
//! and the hostile files each refused with one line and nothing stored.

use std::path::PathBuf;

use crate::Cli;

const PIECE: &str = "Leeds to sign memoranda with Lille and Brno";

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/drafts")
        .join(name)
        .display()
        .to_string()
}

/// The demo with Hannah Okafor commissioned for the Leeds follow-up.
fn desk() -> Cli {
    let cli = Cli::demo();
    cli.run(&[
        "article", "assign", "--article", PIECE, "--contributor", "Hannah Okafor", "--words", "500",
    ])
    .ok();
    cli
}

#[test]
fn the_seed_article_in_three_formats_gives_three_versions_of_the_same_count() {
    let cli = desk();
    let mut words = Vec::new();
    for (i, name) in ["leeds.docx", "leeds.md", "leeds.txt"].iter().enumerate() {
        let file = fixture(name);
        let run = cli
            .run(&["draft", "submit", "--article", PIECE, &file, "--json"])
            .ok();
        let v = run.json();
        assert_eq!(v["version"], i as u64 + 1, "{name}");
        assert_eq!(v["file_name"], *name);
        assert_eq!(v["contributor"], "Hannah Okafor");
        assert_eq!(v["recorded_by"], "Tess Editor");
        words.push(v["words"].as_u64().unwrap());
    }
    assert_eq!(words, [484, 484, 484]);
    // The first moved the piece; the target is the piece's (350 words).
    let show = cli.run(&["article", "show", PIECE, "--json"]).ok().json();
    assert_eq!(show["status_label"], "Draft received");
    assert_eq!(show["copy"]["words"], 484);
    assert_eq!(show["copy"]["percent"], 38);
    assert_eq!(show["copy"]["off"], true);
    assert_eq!(show["drafts"], 3);

    let list = cli
        .run(&["draft", "list", "--article", PIECE, "--json"])
        .ok()
        .json();
    let versions: Vec<u64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["version"].as_u64().unwrap())
        .collect();
    assert_eq!(versions, [3, 2, 1]);
    let table = cli.run(&["draft", "list", "--article", PIECE]).ok().stdout;
    assert!(
        table.contains("leeds.docx") && table.contains("Hannah Okafor"),
        "{table}"
    );

    // The same text from each: the .docx's and the .txt's are identical.
    let t1 = cli
        .run(&["draft", "text", "--article", PIECE, "--version", "1"])
        .ok()
        .stdout;
    let t3 = cli.run(&["draft", "text", "--article", PIECE]).ok().stdout;
    assert_eq!(t1, t3);
    assert!(t1.starts_with("Leeds commits to working with European cities"));
    let diff = diff_of(&cli, "1", "3");
    assert!(
        diff.contains("0 words added, 0 removed (484 → 484 words)"),
        "{diff}"
    );
}

#[test]
fn a_human_submit_says_the_version_count_and_move() {
    let cli = desk();
    let file = fixture("leeds.docx");
    let run = cli
        .run(&["draft", "submit", "--article", PIECE, &file])
        .ok();
    assert_eq!(
        run.stdout,
        format!(
            "Recorded version 1 of \"{PIECE}\": leeds.docx, 484 / 350 words (+38%), by Hannah Okafor.\nMoved it from Idea to Draft received.\n"
        )
    );
    assert!(
        run.stderr.contains("more than 10% off the target"),
        "{}",
        run.stderr
    );
}

#[test]
fn edits_show_in_the_word_diff_and_the_approved_version_is_the_copy() {
    let cli = desk();
    cli.run(&["draft", "submit", "--article", PIECE, &fixture("leeds.txt")])
        .ok();
    let dir = tempfile::tempdir().unwrap();
    let edited = dir.path().join("leeds v2.txt");
    let text = std::fs::read_to_string(fixture("leeds.txt"))
        .unwrap()
        .replace("partners for 52 years", "close partners for 53 years");
    std::fs::write(&edited, text).unwrap();
    cli.run(&[
        "draft",
        "submit",
        "--article",
        PIECE,
        edited.to_str().unwrap(),
    ])
    .ok();
    let diff = diff_of(&cli, "1", "2");
    assert!(
        diff.contains("have been {+close +}partners for [-52-]{+53+} years"),
        "{diff}"
    );
    assert!(
        diff.contains("2 words added, 1 removed (484 → 485 words)"),
        "{diff}"
    );
    let json = cli
        .run(&[
            "draft", "diff", "--article", PIECE, "--from", "1", "--to", "2", "--json",
        ])
        .ok()
        .json();
    assert_eq!(json["words_added"], 2);

    // Approve version 1: the piece counts it, with the piece's version checked.
    let v = cli.run(&["article", "show", PIECE, "--json"]).ok().json()["version"]
        .as_u64()
        .unwrap()
        .to_string();
    cli.run(&[
        "draft", "approve", "--article", PIECE, "--version", "1", "--expect-version", &v,
    ])
    .ok();
    let show = cli.run(&["article", "show", PIECE, "--json"]).ok().json();
    assert_eq!(show["copy"]["version"], 1);
    assert_eq!(show["copy"]["approved"], true);
    cli.run(&[
        "draft", "approve", "--article", PIECE, "--version", "2", "--expect-version", &v,
    ])
    .refused("after you opened it");
    let board = cli.run(&["board", "--json"]).ok().json();
    let card = board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["pieces"].as_array().unwrap())
        .find(|p| p["title"] == PIECE)
        .unwrap()
        .clone();
    assert_eq!(card["words"], 484);
    assert_eq!(card["words_off"], true);

    // Export: the original byte for byte, the text, the Markdown; never over a file.
    let original = dir.path().join("v1.txt");
    cli.run(&[
        "draft",
        "export",
        "--article",
        PIECE,
        "--version",
        "1",
        "--out",
        original.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        std::fs::read(&original).unwrap(),
        std::fs::read(fixture("leeds.txt")).unwrap()
    );
    let md = dir.path().join("v2.md");
    let export_md = || {
        let args = [
            "draft", "export", "--article", PIECE, "--format", "md", "--out",
        ];
        cli.run(&[&args[..], &[md.to_str().unwrap()]].concat())
    };
    export_md().ok();
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .contains("close partners for 53 years")
    );
    export_md().refused("already exists");
}

#[test]
fn every_bad_file_is_refused_with_one_line_naming_it_and_nothing_is_stored() {
    let cli = desk();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    };
    let cut = {
        let whole = std::fs::read(fixture("leeds.docx")).unwrap();
        write("cut.docx", &whole[..whole.len() / 2])
    };
    let cases = [
        (
            write("renamed.docx", b"just text"),
            "is not a real Word document",
        ),
        (cut, "damaged or incomplete"),
        (fixture("leeds-protected.docx"), "protected by a password"),
        (write("empty.txt", b""), "is empty"),
        (write("binary.md", b"# x\n\0\0\x01\x02"), "binary data"),
        (
            write("latin.txt", b"\xF0\xD2\xC9\xD7\xC5\xD4 \xCD\xC9\xD2"),
            "not UTF-8",
        ),
        (
            write("report.pdf", b"%PDF-1.4"),
            "not a kind of file Masthead reads",
        ),
        (
            dir.path().join("gone.docx").display().to_string(),
            "no longer at",
        ),
    ];
    let before = cli.snapshot();
    for (file, message) in &cases {
        let name = std::path::Path::new(file)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        let run = cli
            .run(&["draft", "submit", "--article", PIECE, file])
            .refused(message);
        assert!(run.stderr.contains(name), "{}", run.stderr);
    }
    assert_eq!(
        cli.snapshot(),
        before,
        "a refused draft changed the database"
    );
    let list = cli
        .run(&["draft", "list", "--article", PIECE, "--json"])
        .ok()
        .json();
    assert_eq!(list.as_array().unwrap().len(), 0);
    // The same file twice is said, once stored.
    cli.run(&["draft", "submit", "--article", PIECE, &fixture("leeds.md")])
        .ok();
    cli.run(&["draft", "submit", "--article", PIECE, &fixture("leeds.md")])
        .refused("already version 1");
    // A version that is not there.
    cli.run(&["draft", "text", "--article", PIECE, "--version", "4"])
        .refused("has no version 4");
}

/// `draft diff` of the test piece's versions `from` and `to`.
fn diff_of(cli: &Cli, from: &str, to: &str) -> String {
    let args = [
        "draft", "diff", "--article", PIECE, "--from", from, "--to", to,
    ];
    cli.run(&args).ok().stdout
}
