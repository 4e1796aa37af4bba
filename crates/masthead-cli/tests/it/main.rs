//! The `masthead` binary as a process: JSON shapes, exit codes, messages.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod commissioning;
mod concurrency;
mod drafts;
mod export;
mod flatplan;
mod safekeeping;
mod server_backup;
mod team;
mod usage;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }

    #[track_caller]
    fn ok(self) -> Run {
        assert_eq!(self.code, 0, "stderr: {}", self.stderr);
        self
    }

    /// Exit 2 with exactly one line on stderr that contains `needle`.
    #[track_caller]
    fn refused(self, needle: &str) -> Run {
        assert_eq!(
            self.code, 2,
            "stdout: {} stderr: {}",
            self.stdout, self.stderr
        );
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "one line expected: {:?}",
            self.stderr
        );
        assert!(
            self.stderr.contains(needle),
            "{:?} should mention {needle:?}",
            self.stderr
        );
        self
    }
}

struct Cli {
    _dir: tempfile::TempDir,
    db: PathBuf,
}

impl Cli {
    fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        Cli { _dir: dir, db }
    }

    fn demo() -> Cli {
        let cli = Cli::new();
        cli.run(&["demo"]).ok();
        cli
    }

    fn run(&self, args: &[&str]) -> Run {
        run_with(Some(&self.db), args, &[])
    }

    fn snapshot(&self) -> Vec<u8> {
        // A second connection sees committed data only; dump it as SQL text.
        let conn = rusqlite_free_dump(&self.db);
        conn.into_bytes()
    }
}

fn run_with(db: Option<&Path>, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_masthead"));
    // One locale whatever the machine's (money in tables follows it).
    cmd.env_remove("MASTHEAD_DB")
        .env("MASTHEAD_USER", "Tess Editor")
        .env("LC_ALL", "C.UTF-8");
    if let Some(db) = db {
        cmd.arg("--db").arg(db);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// The database's content as the CLI itself reports it, in JSON; used to
/// show a refused command changed nothing.
fn rusqlite_free_dump(db: &Path) -> String {
    let mut all = String::new();
    for args in [
        vec!["publication", "list", "--json"],
        vec!["edition", "list", "--json"],
        vec!["contributor", "list", "--json"],
    ] {
        all.push_str(&run_with(Some(db), &args, &[]).ok().stdout);
    }
    let editions: Value =
        serde_json::from_str(&run_with(Some(db), &["edition", "list", "--json"], &[]).stdout)
            .unwrap();
    for e in editions.as_array().unwrap() {
        let id = e["id"].as_str().unwrap();
        all.push_str(
            &run_with(Some(db), &["edition", "show", id, "--json"], &[])
                .ok()
                .stdout,
        );
        let articles: Value = serde_json::from_str(
            &run_with(
                Some(db),
                &["article", "list", "--edition", id, "--json"],
                &[],
            )
            .stdout,
        )
        .unwrap();
        for a in articles.as_array().unwrap() {
            all.push_str(
                &run_with(
                    Some(db),
                    &["article", "show", a["id"].as_str().unwrap(), "--json"],
                    &[],
                )
                .ok()
                .stdout,
            );
        }
    }
    all
}

fn keys(v: &Value) -> Vec<String> {
    let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn demo_then_edition_list_json_shows_feb_mar_21() {
    let cli = Cli::new();
    let out = cli.run(&["demo"]).ok();
    assert!(out.stdout.contains("Feb/Mar 21"), "{}", out.stdout);
    let list = cli.run(&["edition", "list", "--json"]).ok().json();
    let feb = list
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Feb/Mar 21")
        .expect("Feb/Mar 21 listed");
    assert_eq!(feb["page_count"], 68);
    assert_eq!(feb["press_date"], "2021-01-22");
    assert_eq!(feb["on_sale_date"], "2021-02-01");
    assert_eq!(feb["theme"], "The ingredients for levelling up");
    // One count everywhere: the pieces in the workflow, and the spiked apart.
    assert_eq!(feb["article_count"], 10);
    assert_eq!(feb["spiked_count"], 1);
    // The documented shape: changing it breaks scripts, so it is pinned here.
    assert_eq!(
        keys(feb),
        [
            "article_count", "commissioning_closes", "copy_deadline", "cover_date", "created_at",
            "focus_topics", "id", "name", "notes", "on_sale_date", "page_count", "press_date",
            "publication", "publication_id", "spiked_count", "subbing_deadline", "theme",
            "updated_at", "version"
        ]
    );
}

#[test]
fn demo_refuses_a_database_that_already_holds_it() {
    let cli = Cli::demo();
    let before = cli.snapshot();
    cli.run(&["demo"]).refused("already in this database");
    assert_eq!(cli.snapshot(), before);
}

#[test]
fn article_json_has_plain_fields_status_and_history() {
    let cli = Cli::demo();
    let list = cli
        .run(&["article", "list", "--edition", "Feb/Mar 21", "--json"])
        .ok()
        .json();
    let a = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Keep communities at the heart of planning")
        .unwrap();
    assert_eq!(a["status"], "subbed");
    assert_eq!(a["section"], "Magazine Feature");
    assert_eq!(a["kind"], "feature");
    assert_eq!(a["word_target"], 1200);
    assert!(a["edition_id"].is_string());
    assert_eq!(
        keys(a),
        [
            "contributors", "copy", "created_at", "credits", "deadline", "drafts", "edition_id",
            "id", "kind", "kind_id", "kind_label", "notes", "section", "section_id", "slug",
            "standfirst", "status", "status_colour", "status_id", "status_is_final",
            "status_is_spiked", "status_label", "title", "updated_at", "version", "word_target",
            "writer_due"
        ]
    );
    // Who is on it, with the role and the answer (added beside the names).
    assert_eq!(
        a["credits"],
        serde_json::json!([{ "name": "Chris Borg", "role": "writer", "state": "accepted" }])
    );
    // Subbed: next, Laid out by the press date (22 Jan 2021), long past.
    assert_eq!(a["deadline"]["status_label"], "Laid out");
    assert_eq!(a["deadline"]["date"], "2021-01-22");
    assert_eq!(a["deadline"]["overdue"], true);
    let show = cli
        .run(&["article", "show", a["id"].as_str().unwrap(), "--json"])
        .ok()
        .json();
    assert_eq!(show["title"], a["title"]);
    assert_eq!(
        show["next_statuses"],
        serde_json::json!(["in_edit", "approved", "spiked"])
    );
    assert!(show["history"].as_array().unwrap().len() >= 5);
}

#[test]
fn an_editor_creates_an_edition_adds_a_piece_and_moves_it_along() {
    let cli = Cli::new();
    cli.run(&["init"]).ok();
    cli.run(&[
        "publication", "add", "--name", "PSE", "--frequency", "Bi-monthly",
    ])
    .ok();
    let out = cli
        .run(&[
            "edition", "add", "--name", "Jun/Jul 21", "--theme", "Net zero", "--focus", "Energy",
            "--focus", "Transport", "--pages", "64", "--cover-date", "2021-06-01",
            "--copy-deadline", "2021-05-07", "--press-date", "2021-05-21", "--on-sale",
            "2021-06-01",
        ])
        .ok();
    assert!(
        out.stderr.is_empty(),
        "no warning for 64 pages: {}",
        out.stderr
    );
    let show = cli
        .run(&["edition", "show", "Jun/Jul 21", "--json"])
        .ok()
        .json();
    assert_eq!(
        show["focus_topics"],
        serde_json::json!(["Energy", "Transport"])
    );
    assert_eq!(show["articles"], serde_json::json!([]));

    cli.run(&["section", "add", "--name", "Energy"]).ok();
    let sections = cli.run(&["section", "list", "--json"]).ok().json();
    assert!(
        sections
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Energy")
    );
    cli.run(&[
        "article", "add", "--edition", "Jun/Jul 21", "--title", "Heat pumps for council homes",
        "--section", "energy", "--kind", "case study", "--words", "1500",
    ])
    .ok();
    cli.run(&[
        "article", "status", "Heat pumps for council homes", "Commissioned",
    ])
    .ok();
    let out = run_with(
        Some(&cli.db),
        &[
            "--as", "Sam Sub", "article", "status", "Heat pumps for council homes",
            "draft-received",
        ],
        &[],
    )
    .ok();
    assert!(
        out.stdout.contains("is now Draft received"),
        "{}",
        out.stdout
    );
    cli.run(&[
        "article", "update", "Heat pumps for council homes", "--words", "1800", "--title",
        "Heat pumps at home",
    ])
    .ok();

    let history = cli
        .run(&["article", "history", "Heat pumps at home", "--json"])
        .ok()
        .json();
    let lines: Vec<(String, String, String)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["actor"].as_str().unwrap().to_owned(),
                h["action"].as_str().unwrap().to_owned(),
                h["new_value"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            (
                "Tess Editor".to_string(),
                "created".to_string(),
                "Heat pumps for council homes".to_string()
            ),
            ("Tess Editor".into(), "status".into(), "Commissioned".into()),
            ("Sam Sub".into(), "status".into(), "Draft received".into()),
            (
                "Tess Editor".into(),
                "updated".into(),
                "Heat pumps at home".into()
            ),
            ("Tess Editor".into(), "updated".into(), "1800".into()),
        ]
    );
    let human = cli.run(&["article", "history", "Heat pumps at home"]).ok();
    assert!(
        human
            .stdout
            .contains("moved it from Commissioned to Draft received"),
        "{}",
        human.stdout
    );

    cli.run(&[
        "edition", "update", "Jun/Jul 21", "--pages", "68", "--press-date", "none",
    ])
    .ok();
    let show = cli
        .run(&["edition", "show", "Jun/Jul 21", "--json"])
        .ok()
        .json();
    assert_eq!(
        (show["page_count"].as_u64(), show["press_date"].is_null()),
        (Some(68), true)
    );
    assert_eq!(show["articles"][0]["word_target"], 1800);
}

/// A plain SQLite connection to a Masthead file, with Masthead's own SQL
/// function (the indexes of names call it), for tests that read or write
/// a file behind the store's back.
pub fn open_sqlite(path: impl AsRef<std::path::Path>) -> rusqlite::Result<rusqlite::Connection> {
    let conn = rusqlite::Connection::open(path)?;
    masthead_core::add_sqlite_functions(&conn)?;
    Ok(conn)
}
