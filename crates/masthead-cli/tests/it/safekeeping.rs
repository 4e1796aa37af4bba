//! Backups, restores, `check`, the portable JSON export, and the odd files
//! and folders a newcomer may give `--db` or `--out`.

use std::path::Path;

use crate::team::everything;
use crate::{Cli, run_with};

/// The demo with a second draft and an approved copy, so that versions,
/// originals and approvals travel too.
fn rich_demo() -> Cli {
    let cli = Cli::demo();
    let piece = "Leeds commits to working with European cities on important issues";
    let v2 = cli.db.with_file_name("v2.md");
    std::fs::write(&v2, "Leeds will sign memoranda with Lille and Brno.\n").unwrap();
    cli.run(&["draft", "submit", "--article", piece, v2.to_str().unwrap()])
        .ok();
    cli.run(&["draft", "approve", "--article", piece, "--version", "1"])
        .ok();
    cli
}

#[test]
fn the_json_export_round_trips_to_the_same_lists_and_shows() {
    let file = rich_demo();
    let export = file.db.with_file_name("pse.jsonl");
    file.run(&["export", "json", "--out", export.to_str().unwrap()])
        .ok();
    let text = std::fs::read_to_string(&export).unwrap();
    let header: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(header["format"], "masthead-export");
    assert_eq!(header["version"], 1);
    assert!(text.contains("\"base64\""), "drafts' originals travel");
    assert!(text.lines().last().unwrap().contains("\"end\""));

    let back = Cli::new();
    let imported = back
        .run(&["import", "json", export.to_str().unwrap(), "--json"])
        .ok()
        .json();
    assert!(
        imported["tables"]
            .as_array()
            .unwrap()
            .iter()
            // The demo's seven drafts and the second one sent above.
            .any(|t| t[0] == "drafts" && t[1] == 8),
        "{imported}"
    );
    assert_eq!(everything(&back.db), everything(&file.db));

    // Never merged: a second import is refused and adds nothing.
    let before = back.snapshot();
    back.run(&["import", "json", export.to_str().unwrap()])
        .refused("already holds");
    assert_eq!(back.snapshot(), before);
}

#[test]
fn a_damaged_export_imports_nothing() {
    let file = rich_demo();
    let export = file.db.with_file_name("pse.jsonl");
    file.run(&["export", "json", "--out", export.to_str().unwrap()])
        .ok();
    let text = std::fs::read_to_string(&export).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.jsonl");
    std::fs::write(&cut, lines[..lines.len() / 2].join("\n")).unwrap();
    let newer = dir.path().join("newer.jsonl");
    std::fs::write(&newer, text.replacen("\"version\":1", "\"version\":99", 1)).unwrap();
    let garbage = dir.path().join("garbage.jsonl");
    std::fs::write(&garbage, "{\"hello\": 1}\nnot json\n").unwrap();
    let mut bad_row = lines.clone();
    bad_row[1] = "{\"t\":\"publications\",\"r\":[1]}";
    let shape = dir.path().join("shape.jsonl");
    std::fs::write(&shape, bad_row.join("\n")).unwrap();
    // A NUL in a title; a draft's file name that is a path; a draft's file
    // that is not the one its checksum names.
    let nul = dir.path().join("nul.jsonl");
    std::fs::write(
        &nul,
        text.replacen(
            "Keep communities at the heart of planning",
            "Keep\\u0000communities",
            1,
        ),
    )
    .unwrap();
    let path_name = dir.path().join("path-name.jsonl");
    let draft_line = lines
        .iter()
        .position(|l| l.contains("\"t\":\"drafts\""))
        .unwrap();
    let mut draft: serde_json::Value = serde_json::from_str(lines[draft_line]).unwrap();
    let original = draft.clone();
    draft["r"][5] = serde_json::json!("../../../etc/passwd");
    let mut edited = lines.clone();
    let with_path = draft.to_string();
    edited[draft_line] = &with_path;
    std::fs::write(&path_name, edited.join("\n")).unwrap();
    let mut checksum = original;
    checksum["r"][8] = serde_json::json!("0".repeat(64));
    let with_checksum = checksum.to_string();
    let mut edited = lines.clone();
    edited[draft_line] = &with_checksum;
    let wrong_sum = dir.path().join("checksum.jsonl");
    std::fs::write(&wrong_sum, edited.join("\n")).unwrap();
    // Into a file that is not there yet: refused, and no file is left.
    let nowhere = dir.path().join("new.db");
    run_with(
        Some(&nowhere),
        &["import", "json", cut.to_str().unwrap()],
        &[],
    )
    .refused("cut off");
    assert!(!nowhere.exists(), "no database made for a refused import");
    for (path, needle) in [
        (&cut, "cut off"),
        (&newer, "newer Masthead"),
        (&garbage, "not a Masthead export"),
        (&shape, "wrong shape"),
        (&nul, "NUL"),
        (&path_name, "not a plain name"),
        (&wrong_sum, "does not match its checksum"),
    ] {
        let target = Cli::new();
        target.run(&["init"]).ok();
        let before = target.snapshot();
        target
            .run(&["import", "json", path.to_str().unwrap()])
            .refused(needle);
        assert_eq!(target.snapshot(), before, "{}", path.display());
    }
}

#[test]
fn backup_restore_and_check_from_the_command_line() {
    let cli = Cli::demo();
    let backup = cli.db.with_file_name("backup.db");
    cli.run(&["backup", "--out", backup.to_str().unwrap()]).ok();
    cli.run(&["backup", "--out", backup.to_str().unwrap()])
        .refused("already exists");
    cli.run(&["backup", "--out", "/nonexistent-folder/b.db"])
        .refused("does not exist");
    let piece = "Keep communities at the heart of planning";
    cli.run(&["article", "update", piece, "--title", "Retitled"])
        .ok();
    let said = cli.run(&["restore", backup.to_str().unwrap()]).ok().stdout;
    assert!(said.contains("before-restore"), "{said}");
    cli.run(&["article", "show", piece, "--json"]).ok();
    cli.run(&["restore", cli.db.to_str().unwrap()])
        .refused("open database itself");
    cli.run(&["restore", "/nonexistent/backup.db"])
        .refused("no backup");

    let clean = cli.run(&["check", "--json"]).ok().json();
    assert_eq!(clean["problems"].as_array().unwrap().len(), 0);
    // Damage, as another program could: a slot off the edition's pages.
    crate::open_sqlite(&cli.db)
        .unwrap()
        .execute_batch(
            "UPDATE slots SET first_page = 999, last_page = 999
             WHERE id = (SELECT id FROM slots ORDER BY first_page DESC LIMIT 1)",
        )
        .unwrap();
    let found = cli.run(&["check"]);
    assert_eq!(found.code, 1, "{}", found.stdout);
    assert!(
        found.stdout.contains("1 thing is wrong"),
        "{}",
        found.stdout
    );
    assert!(
        found.stdout.contains("masthead flatplan move"),
        "{}",
        found.stdout
    );
}

/// What is not a database file is refused at once, in one line, and left
/// as it was.
#[cfg(unix)]
#[test]
fn odd_files_given_as_the_database_are_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.db");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let negative = dir.path().join("negative.db");
    let absurd = dir.path().join("absurd.db");
    for (path, version) in [(&negative, -5), (&absurd, 2_000_000_000)] {
        let conn = crate::open_sqlite(path).unwrap();
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
        conn.pragma_update(None, "application_id", masthead_core::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
    }
    for (db, needle) in [
        (fifo.as_path(), "named pipe"),
        (dir.path(), "folder"),
        (Path::new("/dev/null"), "device"),
        (empty.as_path(), "empty (0 bytes)"),
        (negative.as_path(), "schema version is -5"),
        (absurd.as_path(), "newer Masthead"),
    ] {
        let started = std::time::Instant::now();
        run_with(Some(db), &["edition", "list"], &[]).refused(needle);
        assert!(started.elapsed().as_secs() < 5, "{} hung", db.display());
    }
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0, "left empty");
    // `init` is what makes a database of an empty file.
    run_with(Some(&empty), &["init"], &[]).ok();
    run_with(Some(&empty), &["edition", "list"], &[]).ok();
}

/// `--out` into a folder that does not exist is the user's to fix: exit 2.
#[test]
fn an_out_file_in_a_missing_folder_is_a_usage_error() {
    let cli = Cli::demo();
    for args in [
        &["export", "json", "--out", "/no/such/folder/x.jsonl"][..],
        &[
            "export", "csv", "--edition", "Feb/Mar 21", "--out", "/no/such/folder/x.csv",
        ],
        &["backup", "--out", "/no/such/folder/x.db"],
    ] {
        cli.run(args).refused("does not exist");
    }
}

/// A title stored with terminal escapes (by another program, or before the
/// rule refused them) is printed escaped: nothing reaches the terminal raw.
#[test]
fn stored_control_characters_are_printed_escaped() {
    let cli = Cli::demo();
    crate::open_sqlite(&cli.db)
        .unwrap()
        .execute_batch(
            "UPDATE articles SET title = 'Clear' || char(27) || '[2J' || char(8238) || 'screen'
             WHERE title = 'Keep communities at the heart of planning'",
        )
        .unwrap();
    let listed = cli
        .run(&["article", "list", "--edition", "Feb/Mar 21"])
        .ok()
        .stdout;
    assert!(!listed.contains('\u{1b}') && !listed.contains('\u{202E}'));
    assert!(
        listed.contains("Clear\\u{001b}[2J\\u{202e}screen"),
        "{listed}"
    );
    let refused = cli.run(&["article", "show", "Clear\u{1b}"]);
    assert!(!refused.stderr.contains('\u{1b}'), "{}", refused.stderr);
    // JSON keeps the stored text exactly, escaped as JSON does.
    let json = cli
        .run(&["article", "list", "--edition", "Feb/Mar 21", "--json"])
        .ok()
        .stdout;
    assert!(json.contains("Clear\\u001b[2J\u{202E}screen"), "{json}");
}

/// Messages name verbs that exist, say "notes are", and say where a status
/// really went.
#[test]
fn messages_name_real_verbs_and_say_what_happened() {
    let cli = Cli::demo();
    cli.run(&[
        "workflow", "add", "--name", "Legal read", "--after", "Subbed",
    ])
    .ok();
    let moved = cli
        .run(&["workflow", "reorder", "Legal read", "--position", "99"])
        .ok()
        .stdout;
    assert!(moved.contains("the last (there is no place 99)"), "{moved}");
    let listed = cli.run(&["workflow", "list", "--json"]).ok().json();
    let statuses = listed["statuses"].as_array().unwrap();
    assert_eq!(statuses.last().unwrap()["label"], "Legal read");
    cli.run(&[
        "article",
        "status",
        "Keep communities at the heart of planning",
        "Printed",
    ])
    .refused("masthead workflow list");
    let long = "n".repeat(10_001);
    cli.run(&[
        "article",
        "update",
        "Keep communities at the heart of planning",
        "--notes",
        &long,
    ])
    .refused("The notes are 10001 characters long");
}

/// A database in a folder its reader may not write is read, and a write is
/// refused in words. Run as a user without rights there (root may write
/// anywhere, so as root the CLI runs as `nobody`).
#[cfg(unix)]
#[test]
fn a_database_in_a_read_only_folder_is_read_and_writes_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let cli = Cli::demo();
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let binary = dir.path().join("masthead");
    std::fs::copy(env!("CARGO_BIN_EXE_masthead"), &binary).unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("pse.db");
    cli.run(&["backup", "--out", db.to_str().unwrap()]).ok();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let as_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let run = |args: &[&str]| {
        let mut command = if as_root {
            let mut c = std::process::Command::new("runuser");
            c.args(["-u", "nobody", "--"]).arg(&binary);
            c
        } else {
            std::process::Command::new(&binary)
        };
        command
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("MASTHEAD_USER", "Reader")
            .env("HOME", dir.path())
            .output()
            .unwrap()
    };
    let listed = run(&["edition", "list"]);
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Feb/Mar 21"));
    let refused = run(&[
        "publication", "add", "--name", "X", "--frequency", "Monthly",
    ]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("cannot be written to"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    let left: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "nothing made beside it");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A draft that is a named pipe or a link to a device is refused for what
/// it is, at once (a pipe used to hang, a device was "empty").
#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_is_not_a_draft() {
    let cli = Cli::demo();
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("draft.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    let device = dir.path().join("draft.txt");
    std::os::unix::fs::symlink("/dev/zero", &device).unwrap();
    let piece = "Keep communities at the heart of planning";
    for (file, needle) in [(&pipe, "named pipe"), (&device, "device")] {
        let started = std::time::Instant::now();
        cli.run(&[
            "draft",
            "submit",
            "--article",
            piece,
            file.to_str().unwrap(),
        ])
        .refused(needle);
        assert!(started.elapsed().as_secs() < 5);
    }
}

/// A command never reads the open database's own files as a draft or an
/// export: closing that second descriptor would drop SQLite's locks.
#[test]
fn the_open_database_and_its_side_files_are_never_read_as_input() {
    let cli = Cli::demo();
    let piece = "Keep communities at the heart of planning";
    let db = cli.db.to_str().unwrap().to_owned();
    cli.run(&["draft", "submit", "--article", piece, &db])
        .refused("open database itself");
    let wal = format!("{db}-wal");
    cli.run(&["draft", "submit", "--article", piece, &wal])
        .refused("belongs to the open database");
    cli.run(&["restore", &wal]).refused("no backup");
    std::fs::write(format!("{db}-journal"), b"x").ok();
    cli.run(&["restore", &format!("{db}-journal")])
        .refused("belongs to the open database");
    let _ = std::fs::remove_file(format!("{db}-journal"));
}

/// `check` and `backup` read a file as it is: an older one (a backup from
/// last year, say) is not upgraded by looking at it.
#[test]
fn check_and_backup_leave_an_older_file_as_it_is() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.db");
    {
        let conn = crate::open_sqlite(&old).unwrap();
        conn.execute_batch(&std::fs::read_to_string(fixtures.join("schema-v1.sql")).unwrap())
            .unwrap();
        conn.execute_batch(&std::fs::read_to_string(fixtures.join("demo-v1.sql")).unwrap())
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.pragma_update(None, "application_id", masthead_core::APPLICATION_ID)
            .unwrap();
    }
    let bytes = std::fs::read(&old).unwrap();
    run_with(Some(&old), &["check"], &[]).refused("older Masthead");
    let copy = dir.path().join("copy.db");
    run_with(
        Some(&old),
        &["backup", "--out", copy.to_str().unwrap()],
        &[],
    )
    .ok();
    assert_eq!(std::fs::read(&old).unwrap(), bytes, "the file is as it was");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("v1.db"))
        .collect();
    assert_eq!(left, ["v1.db"], "no upgrade copy made beside it");
    // The backup is the old file's, whole: opening it upgrades it like any.
    run_with(Some(&copy), &["edition", "list"], &[]).ok();
}

/// Another database's -wal (or -shm) is never taken for a database of its
/// own, in any process; and nothing is written where a leftover -wal would
/// be read into it.
#[test]
fn a_wal_file_is_never_a_database_and_a_leftover_one_is_never_read_in() {
    let cli = Cli::demo();
    let db = cli.db.to_str().unwrap().to_owned();
    std::fs::write(format!("{db}-wal"), b"").unwrap();
    for side in ["-wal", "-shm"] {
        let path = std::path::PathBuf::from(format!("{db}{side}"));
        std::fs::write(&path, b"").ok();
        run_with(Some(&path), &["edition", "list"], &[]).refused(&format!("the {side} file"));
        run_with(Some(&path), &["init"], &[]).refused(&format!("the {side} file"));
    }
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("pse-backup.db");
    std::fs::write(
        dir.path().join("pse-backup.db-wal"),
        b"left by something else",
    )
    .unwrap();
    cli.run(&["backup", "--out", target.to_str().unwrap()])
        .refused("move those files away");
    assert!(!target.exists());
    // Nor is a new database made there.
    run_with(Some(&target), &["init"], &[]).refused("left by another database");
}

/// Counts of an edition's pieces changed behind Masthead's back: `check`
/// says so (exit 1) and `check --repair` counts them again on the file.
#[test]
fn check_repair_counts_an_editions_pieces_again() {
    let cli = Cli::demo();
    crate::open_sqlite(&cli.db)
        .unwrap()
        .execute_batch(
            "UPDATE edition_status_counts SET pieces = pieces + 3
              WHERE (edition_id, status_id) =
                    (SELECT edition_id, status_id FROM edition_status_counts LIMIT 1)",
        )
        .unwrap();
    let bad = cli.run(&["check"]);
    assert_eq!(bad.code, 1, "{}", bad.stdout);
    assert!(bad.stdout.contains("check --repair"), "{}", bad.stdout);
    let fixed = cli.run(&["check", "--repair"]).ok();
    assert!(
        fixed
            .stdout
            .contains("Repaired: counted the editions' pieces again"),
        "{}",
        fixed.stdout
    );
    cli.run(&["check"]).ok();
}
