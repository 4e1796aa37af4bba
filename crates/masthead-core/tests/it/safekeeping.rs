//! Backups, restores, daily backups and `check` on a file (a team server is
//! backed up with PostgreSQL's tools; `check`'s invariants run on both).

use std::path::Path;

use masthead_core::model::PublicationInput;
use masthead_core::{Actor, SCHEMA_VERSION, Store};

use crate::{Fixture, snapshot, today};

fn names(store: &Store) -> Vec<String> {
    store
        .list_publications()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect()
}

fn add(store: &mut Store, name: &str) {
    store
        .create_publication(
            &Actor::new("Writer").unwrap(),
            &PublicationInput {
                name: name.into(),
                frequency: "Monthly".into(),
                is_print: true,
            },
        )
        .unwrap();
}

/// A backup taken while another connection keeps writing is a consistent
/// snapshot: it opens, checks clean, and holds a prefix of the writes.
#[test]
fn a_backup_taken_while_another_connection_writes_is_whole() {
    if masthead_pgtest::wanted() {
        return;
    }
    let mut f = Fixture::new();
    f.store.load_demo(&f.actor).unwrap();
    let path = f.path();
    let writer = std::thread::spawn(move || {
        let mut other = Store::open(&path).unwrap();
        for i in 0..150 {
            add(&mut other, &format!("Title {i:03}"));
        }
    });
    let mut backups = Vec::new();
    for i in 0..8 {
        let dest = f.dir.path().join(format!("during-{i}.db"));
        f.store.backup_to(&dest).expect("a backup while writing");
        backups.push(dest);
    }
    writer.join().unwrap();
    for dest in &backups {
        // A single file, no WAL beside it, nothing half-written left over.
        assert!(!Path::new(&format!("{}-wal", dest.display())).exists());
        let copy = Store::open(dest).expect("the backup opens");
        assert!(copy.check().unwrap().is_clean(), "{}", dest.display());
        let titles: Vec<String> = names(&copy)
            .into_iter()
            .filter(|n| n.starts_with("Title "))
            .collect();
        // The writes arrive in order: a snapshot holds the first n of them.
        let expected: Vec<String> = (0..titles.len()).map(|i| format!("Title {i:03}")).collect();
        assert_eq!(titles, expected);
    }
    let leftovers: Vec<String> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let last = f.dir.path().join("after.db");
    f.store.backup_to(&last).unwrap();
    assert_eq!(snapshot(&last), f.snapshot());
}

#[test]
fn a_backup_is_never_written_over_the_open_file_or_a_file_in_use() {
    if masthead_pgtest::wanted() {
        return;
    }
    let mut f = Fixture::new();
    f.publication("PSE");
    let before = f.snapshot();
    let own = f.path();
    let err = f.store.backup_to(&own).unwrap_err();
    assert_eq!(err.code(), "backup_over_itself");
    let other = f.dir.path().join("other.db");
    {
        // Open in this process: it is never written over.
        let _open_here = Store::open(&other).unwrap();
        let err = f.store.backup_to(&other).unwrap_err();
        assert_eq!(err.code(), "file_in_use", "{err}");
    }
    // Closed, but with a -wal beside it (open in some other program, or
    // not closed cleanly): not written over either.
    std::fs::write(format!("{}-wal", other.display()), b"").unwrap();
    let err = f.store.backup_to(&other).unwrap_err();
    assert_eq!(err.code(), "backup_target_in_use", "{err}");
    let err = f.store.backup_to(f.dir.path()).unwrap_err();
    assert_eq!(err.code(), "backup_is_folder");
    // Nor over its -wal or -shm, named or not yet there.
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = std::path::PathBuf::from(format!("{}{suffix}", own.display()));
        let err = f.store.backup_to(&side).unwrap_err();
        assert_eq!(err.code(), "file_in_use", "{suffix}: {err}");
        let err = f.store.restore_from(&side).unwrap_err();
        assert_eq!(err.code(), "file_in_use", "{suffix}: {err}");
    }
    let err = f
        .store
        .backup_to(&f.dir.path().join("missing/b.db"))
        .unwrap_err();
    assert_eq!(err.code(), "io", "{err}");
    assert_eq!(f.snapshot(), before);
}

/// A restore puts the backup's contents in the open file, sets what was
/// there aside (never deleted), and another connection sees it at once.
#[test]
fn a_restore_sets_the_current_contents_aside_and_everyone_sees_the_backup() {
    if masthead_pgtest::wanted() {
        return;
    }
    let mut f = Fixture::new();
    f.publication("Before");
    let backup = f.dir.path().join("backup.db");
    f.store.backup_to(&backup).unwrap();
    f.publication("After the backup");
    let watcher = Store::open(f.path()).unwrap();
    assert_eq!(names(&watcher).len(), 2);

    let restored = f.store.restore_from(&backup).expect("the restore");
    assert_eq!(names(&f.store), ["Before"]);
    assert_eq!(names(&watcher), ["Before"], "another connection sees it");
    let aside = Store::open(&restored.set_aside).unwrap();
    assert_eq!(names(&aside).len(), 2, "what it held is kept");
    assert!(f.store.check().unwrap().is_clean());
    // It goes on working: a write after the restore is kept.
    f.publication("After the restore");
    assert_eq!(names(&watcher).len(), 2);
}

#[test]
fn a_restore_refuses_what_is_not_a_backup_it_can_read() {
    if masthead_pgtest::wanted() {
        return;
    }
    let mut f = Fixture::new();
    f.publication("Kept");
    let dir = f.dir.path().to_path_buf();

    let text = dir.join("notes.db");
    std::fs::write(&text, "not a database").unwrap();
    let other = dir.join("other-program.db");
    crate::open_sqlite(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = dir.join("newer.db");
    f.store.backup_to(&newer).unwrap();
    crate::open_sqlite(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let big_pages = dir.join("big-pages.db");
    f.store.backup_to(&big_pages).unwrap();
    crate::open_sqlite(&big_pages)
        .unwrap()
        .execute_batch("PRAGMA page_size = 65536; VACUUM;")
        .unwrap();
    let own = f.path();
    for (file, code) in [
        (&big_pages, "not_a_backup"),
        (&text, "not_a_backup"),
        (&other, "not_a_backup"),
        (&newer, "database_too_new"),
        (&own, "restore_from_itself"),
    ] {
        let before = f.snapshot();
        let err = f.store.restore_from(file).unwrap_err();
        assert_eq!(err.code(), code, "{}: {err}", file.display());
        assert_eq!(f.snapshot(), before);
    }
    // Nothing was set aside for a refused restore.
    let aside = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("before-restore"))
        .count();
    assert_eq!(aside, 0);
}

/// A backup from an older Masthead is brought up to date on a copy, then
/// restored; the backup file itself is not changed.
#[test]
fn an_older_backup_is_upgraded_as_it_is_restored() {
    if masthead_pgtest::wanted() {
        return;
    }
    let mut f = Fixture::new();
    let old = f.dir.path().join("v1.db");
    crate::v1_demo_file(&old);
    let bytes = std::fs::read(&old).unwrap();
    f.store.restore_from(&old).expect("an old backup restores");
    assert_eq!(f.store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(names(&f.store), ["PSE — Public Sector Executive"]);
    assert_eq!(
        std::fs::read(&old).unwrap(),
        bytes,
        "the backup is untouched"
    );
    let mut left: Vec<String> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("test.db"))
        .collect();
    left.sort();
    assert_eq!(left, ["v1.db"], "only the backup beside the file");
}

#[test]
fn one_backup_a_day_and_only_the_newest_are_kept() {
    if masthead_pgtest::wanted() {
        return;
    }
    let mut f = Fixture::new();
    f.publication("PSE");
    let root = f.dir.path().join("backups");
    let made = f.store.daily_backup(&root, 3, today()).unwrap();
    let made = made.expect("today's backup");
    assert!(Store::open(&made.path).is_ok());
    assert_eq!(f.store.daily_backup(&root, 3, today()).unwrap(), None);
    assert_eq!(f.store.daily_backup(&root, 0, today()).unwrap(), None);
    for days in 1..=5 {
        let day = today() - chrono::Days::new(days);
        f.store.daily_backup(&root, 30, day).unwrap().unwrap();
    }
    let folder = Path::new(&made.path).parent().unwrap().to_path_buf();
    let stranger = folder.join("keep-me.txt");
    std::fs::write(&stranger, "mine").unwrap();
    f.store.daily_backup(&root, 3, today()).unwrap();
    let mut left: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    let day = |d: u64| format!("test-{}.db", today() - chrono::Days::new(d));
    assert_eq!(left, ["keep-me.txt".to_owned(), day(2), day(1), day(0)]);
}

/// A file with a publication, its backups' folder and today's backup made
/// ready (`None` on PostgreSQL, which has no file to back up).
fn todays_backup_job() -> Option<(Fixture, std::path::PathBuf, masthead_core::DailyBackup)> {
    if masthead_pgtest::wanted() {
        return None;
    }
    let mut f = Fixture::new();
    f.publication("PSE");
    let root = f.dir.path().join("backups");
    let job = f
        .store
        .daily_backup_job(&root, 3, today())
        .unwrap()
        .unwrap();
    Some((f, root, job))
}

/// The day's backup is read through a connection of its own: it is taken
/// while another connection holds the write lock, and holds what was saved
/// (not what was being written). The store saves while it is copied on a
/// thread, and the copy is one moment's state.
#[test]
fn the_days_backup_is_taken_beside_the_work() {
    let Some((mut f, root, job)) = todays_backup_job() else {
        return;
    };
    assert!(job.copies());
    let writer = rusqlite::Connection::open(f.store.path()).unwrap();
    writer
        .execute_batch("BEGIN IMMEDIATE; CREATE TABLE not_yet_saved (x);")
        .unwrap();
    let made = job.run().unwrap().expect("today's backup");
    writer.execute_batch("ROLLBACK").unwrap();
    let copy = rusqlite::Connection::open_with_flags(
        &made.path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let count = |sql: &str| -> i64 { copy.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM publications"), 1);
    assert_eq!(
        count("SELECT count(*) FROM sqlite_master WHERE name = 'not_yet_saved'"),
        0
    );
    drop(copy);
    // Taken: the next open of the day has nothing to copy.
    let again = f
        .store
        .daily_backup_job(&root, 3, today())
        .unwrap()
        .unwrap();
    assert!(!again.copies());
    assert_eq!(again.run().unwrap(), None);

    // The next day's, on a thread, while the store saves twenty more.
    let tomorrow = today() + chrono::Days::new(1);
    let job = f
        .store
        .daily_backup_job(&root, 3, tomorrow)
        .unwrap()
        .unwrap();
    let copying = std::thread::spawn(move || job.run());
    for i in 0..20 {
        f.publication(&format!("Weekly {i}"));
    }
    let made = copying.join().unwrap().unwrap().expect("tomorrow's backup");
    assert_eq!(f.store.list_publications().unwrap().len(), 21);
    let copy = Store::open_existing(&made.path).unwrap();
    assert!(copy.check().unwrap().problems.is_empty());
    let copied = copy.list_publications().unwrap().len();
    assert!((1..=21).contains(&copied), "{copied} publications");
}

/// The partial copy of a process that ended before finishing goes at the
/// next backup, with its journal, whether or not that backup succeeds; one
/// a running process is still writing stays.
#[test]
fn a_backup_left_unfinished_is_cleared_unless_still_being_written() {
    let Some((_kept, _, job)) = todays_backup_job() else {
        return;
    };
    let folder = job.dest().parent().unwrap().to_path_buf();
    let yesterday = today() - chrono::Days::new(1);
    // Process 1 runs on every Linux machine; 4,294,967,295 on none.
    let gone = folder.join(format!(".test-{yesterday}.db.4294967295.part"));
    let gone_journal = folder.join(format!(".test-{}.db.4294967295.part-journal", today()));
    let running = folder.join(format!(".test-{yesterday}.db.1.part"));
    for file in [&gone, &gone_journal, &running] {
        std::fs::write(file, "partial").unwrap();
    }
    // A backup that fails (its target is taken by a folder) still tidies.
    std::fs::create_dir(job.dest()).unwrap();
    assert!(job.run().is_err());
    assert!(!gone.exists() && !gone_journal.exists());
    assert!(running.exists(), "a copy still being written was removed");
}

/// `check` is clean on the demo and names each broken invariant with what
/// to do (the damage made by SQL, as another program could).
#[test]
fn check_names_what_is_broken() {
    let mut f = Fixture::new();
    f.store.load_demo(&f.actor).unwrap();
    let report = f.store.check().unwrap();
    assert!(report.is_clean(), "{report:?}");
    assert!(report.checked.len() >= 4);
    if f.server.is_some() {
        return;
    }
    f.raw_sql(
        "PRAGMA foreign_keys = OFF;
         DROP TRIGGER draft_contents_kept_on_delete;
         UPDATE slots SET
             first_page = (SELECT MIN(s.first_page) FROM slots s WHERE s.edition_id = slots.edition_id),
             last_page = (SELECT MIN(s.first_page) FROM slots s WHERE s.edition_id = slots.edition_id),
             part_offset = 0, part_units = 12
           WHERE id = (SELECT id FROM slots ORDER BY first_page DESC LIMIT 1);
         UPDATE slots SET last_page = 400
           WHERE id = (SELECT id FROM slots ORDER BY first_page DESC LIMIT 1);
         INSERT INTO changes (id, change_set_id, seq, entity, entity_id, version, action)
           SELECT 'ghost', change_set_id, 99, 'article', 'no-such-piece', 1, action
           FROM changes WHERE entity = 'article' LIMIT 1;
         DELETE FROM draft_contents WHERE draft_id = (SELECT MIN(id) FROM drafts);
         INSERT INTO publications (id, name, frequency, is_print, created_at, updated_at, version, workflow_version)
           VALUES ('other-pub', 'Other', 'Monthly', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 1, 1);
         INSERT INTO workflow_statuses (id, publication_id, key, label, position, colour, is_spiked, is_final, is_initial, receives_drafts)
           VALUES ('other-status', 'other-pub', 'elsewhere', 'Elsewhere', 1, 'slate', 0, 0, 1, 0);
         UPDATE articles SET status_id = 'other-status'
           WHERE id = (SELECT MIN(id) FROM articles);
         UPDATE articles SET section_id = 'no-such-section'
           WHERE id = (SELECT MAX(id) FROM articles);",
    )
    .unwrap();
    let report = f.store.check().unwrap();
    let codes: Vec<&str> = report.problems.iter().map(|p| p.code.as_str()).collect();
    for code in [
        "slots_overlap", "slot_off_the_pages", "history_of_nothing", "draft_without_contents",
        "status_of_another_publication", "integrity",
    ] {
        assert!(codes.contains(&code), "{code} not found in {report:?}");
    }
    for p in &report.problems {
        assert!(!p.what_to_do.is_empty() && !p.problem.contains("SQLITE"));
    }
}

/// A backup made elsewhere may carry a trigger of its own (one that rewrites
/// every title at the next save) or lack Masthead's (the one that keeps
/// drafts): it is not restored, and `check` names it in a database.
#[test]
fn a_backup_with_a_schema_of_its_own_is_not_restored() {
    if masthead_pgtest::wanted() {
        return;
    }
    let mut f = Fixture::new();
    f.publication("Kept");
    let crafted = f.dir.path().join("crafted.db");
    f.store.backup_to(&crafted).unwrap();
    crate::open_sqlite(&crafted)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER pwned AFTER INSERT ON change_sets
               BEGIN UPDATE articles SET title = 'pwned ' || id; END;
             DROP TRIGGER drafts_kept_on_delete;",
        )
        .unwrap();
    let before = f.snapshot();
    let err = f.store.restore_from(&crafted).unwrap_err();
    assert_eq!(err.code(), "not_a_backup", "{err}");
    assert!(err.to_string().contains("trigger"), "{err}");
    assert_eq!(f.snapshot(), before);
    let opened = Store::open(&crafted).unwrap();
    let report = opened.check().unwrap();
    let said: Vec<&str> = report.problems.iter().map(|p| p.problem.as_str()).collect();
    assert!(said.iter().any(|p| p.contains("\"pwned\"")), "{said:?}");
    assert!(
        said.iter()
            .any(|p| p.contains("\"drafts_kept_on_delete\" is missing")),
        "{said:?}"
    );
}
