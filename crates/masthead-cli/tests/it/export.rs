//! `export pdf` and `export csv`: files written, never over another, bad
//! choices refused in one line; the CSV read back by a real CSV parser.

use crate::Cli;

#[test]
fn the_run_sheet_csv_round_trips_through_a_csv_parser() {
    let cli = Cli::demo();
    // A title with every character CSV must quote, and one a spreadsheet
    // would run as a formula.
    let id = cli
        .run(&["article", "list", "--edition", "Feb/Mar 21", "--json"])
        .ok()
        .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Titles are one line now, but one stored before that rule (or by
    // another program) may hold a line break: the CSV must carry it too.
    crate::open_sqlite(&cli.db)
        .unwrap()
        .execute(
            "UPDATE articles SET title = ?1 WHERE id = ?2",
            [
                "“Levelling up”, said \"the minister\"\nin Brnó – £1bn",
                id.as_str(),
            ],
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("runsheet.csv");
    let to = out.to_str().unwrap();
    let run = cli
        .run(&[
            "export", "csv", "--edition", "Feb/Mar 21", "--out", to, "--today", "2021-01-10",
        ])
        .ok();
    assert!(
        run.stdout.contains("Wrote the run sheet of Feb/Mar 21"),
        "{}",
        run.stdout
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte order mark for Excel"
    );
    assert!(String::from_utf8(bytes.clone()).unwrap().contains("\r\n"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "Pages", "First page", "Section", "Title", "Kind", "Contributors", "Words",
            "Word target", "Status", "Next deadline", "Due status"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 11, "every piece of the demo edition");
    let titles: Vec<&str> = rows.iter().map(|r| &r[3]).collect();
    assert!(
        titles.contains(&"“Levelling up”, said \"the minister\"\nin Brnó – £1bn"),
        "{titles:?}"
    );
    // Placed pieces come first, in page order.
    let first_pages: Vec<u32> = rows.iter().filter_map(|r| r[1].parse().ok()).collect();
    let mut sorted = first_pages.clone();
    sorted.sort();
    assert_eq!(first_pages, sorted);
    // The seed article's draft counts against its target.
    let leeds = rows
        .iter()
        .find(|r| r[3].starts_with("Leeds commits"))
        .unwrap();
    assert_eq!((&leeds[6], &leeds[7]), ("484", "500"));
    // Never over an existing file.
    cli.run(&["export", "csv", "--edition", "Feb/Mar 21", "--out", to])
        .refused("already exists");
}

#[test]
fn a_title_a_spreadsheet_would_run_is_written_as_text() {
    let cli = Cli::demo();
    cli.run(&[
        "article",
        "add",
        "--edition",
        "Feb/Mar 21",
        "--title",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
    ])
    .ok();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.csv");
    let to = out.to_str().unwrap();
    cli.run(&["export", "csv", "--edition", "Feb/Mar 21", "--out", to])
        .ok();
    let bytes = std::fs::read(&out).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let titles: Vec<String> = reader.records().map(|r| r.unwrap()[3].to_owned()).collect();
    assert!(
        titles.contains(&"'=HYPERLINK(\"http://evil.example\",\"click\")".to_owned()),
        "{titles:?}"
    );
}

#[test]
fn export_pdf_writes_a_pdf_and_refuses_bad_choices_in_one_line() {
    let cli = Cli::demo();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("PSE-Feb-Mar-21-plan.pdf");
    let to = out.to_str().unwrap();
    let run = cli
        .run(&[
            "export", "pdf", "--edition", "Feb/Mar 21", "--out", to, "--only", "cover,runsheet",
            "--paper", "letter",
        ])
        .ok();
    assert!(
        run.stdout.starts_with("Wrote the plan of Feb/Mar 21"),
        "{}",
        run.stdout
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let o = out.to_str().unwrap();
    cli.run(&["export", "pdf", "--edition", "Feb/Mar 21", "--out", o])
        .refused("already exists");
    let other = dir.path().join("x.pdf");
    let x = other.to_str().unwrap();
    cli.run(&[
        "export", "pdf", "--edition", "Feb/Mar 21", "--out", x, "--only", "index",
    ])
    .refused("\"index\" is not a part of the plan");
    cli.run(&[
        "export", "pdf", "--edition", "Feb/Mar 21", "--out", x, "--paper", "a3",
    ])
    .refused("not a paper size");
    cli.run(&[
        "export", "pdf", "--edition", "Feb/Mar 21", "--out", x, "--colour", "kind",
    ])
    .refused("not a colouring; use status or section");
    cli.run(&[
        "export", "pdf", "--edition", "Feb/Mar 21", "--out", x, "--colour", "section", "--only",
        "flatplan",
    ])
    .ok();
    assert!(std::fs::read(&other).unwrap().starts_with(b"%PDF-"));
    std::fs::remove_file(&other).unwrap();
    // No half-written or temporary file is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    cli.run(&["export", "pdf", "--edition", "Nope", "--out", x])
        .refused("No edition matches");
    assert!(!other.exists(), "nothing written for a refused export");
}

#[test]
fn the_same_source_date_epoch_gives_the_same_bytes_from_two_processes() {
    let cli = Cli::demo();
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.pdf");
    let b = dir.path().join("b.pdf");
    // The demo's plan as a PDF at `out`, made at the time `epoch` says.
    let export_at = |out: &std::path::Path, epoch: &str| {
        let args = [
            "export",
            "pdf",
            "--edition",
            "Feb/Mar 21",
            "--out",
            out.to_str().unwrap(),
        ];
        crate::run_with(Some(&cli.db), &args, &[("SOURCE_DATE_EPOCH", epoch)])
    };
    for out in [&a, &b] {
        export_at(out, "1796000000").ok();
    }
    assert!(
        std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
        "two exports differ"
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&a)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    // The day deadlines are judged against is SOURCE_DATE_EPOCH's too.
    assert!(text.contains("Generated 30 Nov 2026, 00:53 UTC"), "{text}");
    assert!(text.contains("30 Nov 2026"), "{text}");
    export_at(&dir.path().join("c.pdf"), "yesterday").refused("SOURCE_DATE_EPOCH is \"yesterday\"");
}
