use std::time::Duration;

use masthead_core::{APPLICATION_ID, OpenOptions, SCHEMA_VERSION, Store};

use crate::{Fixture, repo_root, schema, snapshot};

#[test]
fn a_new_database_is_created_at_the_latest_schema() {
    let f = Fixture::new();
    assert_eq!(f.store.schema_version().unwrap(), SCHEMA_VERSION);
    let conn = crate::open_sqlite(f.path()).unwrap();
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID);
    assert_eq!(mode, "wal");
    assert!(f.store.is_empty().unwrap());
}

#[test]
fn reopening_keeps_the_data_and_takes_no_backup() {
    let mut f = Fixture::new();
    f.publication("PSE");
    let path = f.path();
    drop(f.store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.list_publications().unwrap().len(), 1);
    let baks = std::fs::read_dir(f.dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".bak")
        })
        .count();
    assert_eq!(baks, 0);
}

/// Every frozen schema in tests/fixtures, upgraded, equals a fresh database;
/// and the latest frozen schema is exactly what a fresh database gets, so a
/// released migration cannot be edited unnoticed.
#[test]
fn a_fresh_database_equals_an_upgraded_one() {
    let fixtures = repo_root().join("tests/fixtures");
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = Store::open(fresh_dir.path().join("fresh.db")).unwrap();
    let fresh_schema = schema(&crate::open_sqlite(fresh.path()).unwrap());

    for version in 1..=SCHEMA_VERSION {
        let sql = std::fs::read_to_string(fixtures.join(format!("schema-v{version}.sql")))
            .unwrap_or_else(|e| panic!("tests/fixtures/schema-v{version}.sql: {e}"));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let conn = crate::open_sqlite(&path).unwrap();
            conn.execute_batch(&sql).unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
            conn.pragma_update(None, "application_id", APPLICATION_ID)
                .unwrap();
            if version == SCHEMA_VERSION {
                assert_eq!(
                    schema(&conn),
                    fresh_schema,
                    "schema-v{version}.sql differs from a fresh database"
                );
            }
        }
        let upgraded = Store::open(&path).unwrap();
        assert_eq!(upgraded.schema_version().unwrap(), SCHEMA_VERSION);
        let upgraded_schema = schema(&crate::open_sqlite(&path).unwrap());
        assert_eq!(upgraded_schema, fresh_schema, "upgrading from v{version}");
    }
}

/// The bytes of a SQLite file that `make` filled.
fn sqlite_file(make: impl FnOnce(&rusqlite::Connection) -> rusqlite::Result<()>) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src.db");
    make(&crate::open_sqlite(&src).unwrap()).unwrap();
    std::fs::read(&src).unwrap()
}

fn assert_refused_untouched(bytes: &[u8], code: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    std::fs::write(&path, bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.code(), code, "{err}");
    assert!(err.to_string().contains("not changed"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the file was changed");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no side files may appear: {names:?}");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_alone() {
    assert_refused_untouched(
        b"PK\x03\x04 this is a zip, not a database",
        "not_a_masthead_database",
    );
    assert_refused_untouched(b"# Notes\nSome markdown\n", "not_a_masthead_database");
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_alone() {
    let bytes = sqlite_file(|conn| {
        conn.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
    });
    assert_refused_untouched(&bytes, "not_a_masthead_database");
}

#[test]
fn a_database_from_a_newer_masthead_is_refused_and_left_alone() {
    let bytes = sqlite_file(|conn| {
        conn.execute_batch("CREATE TABLE future (x TEXT);")?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
    });
    assert_refused_untouched(&bytes, "database_too_new");
}

#[test]
fn a_folder_or_a_missing_folder_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        Store::open(dir.path()).unwrap_err().code(),
        "not_a_masthead_database"
    );
    let err = Store::open(dir.path().join("no/such/folder/x.db")).unwrap_err();
    assert_eq!(err.code(), "io");
    assert!(err.to_string().contains("folder"), "{err}");
}

#[test]
fn a_database_locked_by_another_writer_is_reported_and_nothing_is_lost() {
    let mut f = Fixture::new();
    let path = f.path();
    f.publication("PSE");
    let before = snapshot(&path);
    let other = crate::open_sqlite(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut second = Store::open_with(
        &path,
        &OpenOptions {
            busy_timeout: Duration::from_millis(50),
        },
    )
    .unwrap();
    let err = second
        .create_publication(
            &f.actor,
            &masthead_core::model::PublicationInput {
                name: "Other".into(),
                frequency: String::new(),
                is_print: true,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "database_locked", "{err}");
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(snapshot(&path), before);
    // Once the other writer is gone, the same action works.
    second
        .create_publication(
            &f.actor,
            &masthead_core::model::PublicationInput {
                name: "Other".into(),
                frequency: String::new(),
                is_print: true,
            },
        )
        .unwrap();
}

#[test]
fn a_damaged_database_is_reported_and_not_deleted() {
    let mut f = Fixture::new();
    f.publication("PSE");
    let path = f.path();
    drop(f.store);
    // Overwrite the middle of the file (the tables' pages) with garbage.
    let mut bytes = std::fs::read(&path).unwrap();
    let wal = path.with_extension("db-wal");
    let _ = std::fs::remove_file(&wal);
    for b in bytes.iter_mut().skip(100).take(8000) {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let result = Store::open(&path).and_then(|s| s.list_publications().map(|_| s));
    let err = result.expect_err("a damaged file must not open cleanly");
    assert!(
        matches!(err.code(), "database_corrupt" | "not_a_masthead_database"),
        "{}: {err}",
        err.code()
    );
    assert!(path.exists(), "the damaged file must be kept");
}

#[test]
fn creating_a_new_database_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.db");
    std::fs::write(&path, b"precious").unwrap();
    assert_eq!(Store::create(&path).unwrap_err().code(), "file_exists");
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");
    let fresh = Store::create(dir.path().join("new.db")).unwrap();
    let info = fresh.info().unwrap();
    assert!(info.is_empty && !info.has_demo);
    assert_eq!(i64::from(info.schema_version), SCHEMA_VERSION);
}

#[test]
fn damage_found_while_reading_is_reported_as_damage() {
    let mut f = Fixture::new();
    f.store.load_demo(&f.actor).unwrap();
    let path = f.path();
    drop(f.store);
    // Keep the header and the schema page; damage every page after them.
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    assert!(bytes.len() > 4 * page, "the demo should span several pages");
    for b in bytes.iter_mut().skip(2 * page) {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    let outcome = Store::open(&path).and_then(|s| {
        let editions = s.list_editions(None)?;
        for e in editions {
            s.list_articles(e.id, crate::today())?;
        }
        s.list_contributors(None)
    });
    let err = outcome.expect_err("reading damaged pages must fail");
    assert_eq!(err.code(), "database_corrupt", "{err}");
    assert!(err.to_string().contains("Nothing was deleted"), "{err}");
    assert!(path.exists());
}

/// Names an older file told apart only by case beyond A-Z ("Café" and
/// "CAFÉ") are one name now: the upgrade keeps both, the later with its row
/// number after it, and the copy made before it keeps them as they were.
#[test]
fn an_upgrade_tells_apart_names_the_new_rule_makes_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v10.db");
    {
        let conn = crate::open_sqlite(&path).unwrap();
        conn.execute_batch(
            &std::fs::read_to_string(repo_root().join("tests/fixtures/schema-v10.sql")).unwrap(),
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO publications (id, name, created_at, updated_at)
               VALUES ('0190a1b2-0000-7000-8000-000000000001', 'Zeitschrift', '2026-01-01T00:00:00.000Z',
                       '2026-01-01T00:00:00.000Z');
             INSERT INTO sections (id, publication_id, name, position, created_at, updated_at)
               VALUES ('0190a1b2-0000-7000-8000-000000000002', '0190a1b2-0000-7000-8000-000000000001',
                       'Café', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
                      ('0190a1b2-0000-7000-8000-000000000003', '0190a1b2-0000-7000-8000-000000000001',
                       'CAFÉ', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');",
        )
        .unwrap();
        conn.pragma_update(None, "user_version", 10).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let p = store.find_publication(None).unwrap();
    let mut names: Vec<String> = store
        .list_sections(p)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    names.sort();
    assert_eq!(names, ["CAFÉ (2)", "Café"]);
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".v10-"))
        .collect();
    assert_eq!(backups.len(), 1, "the copy made before the upgrade");
}
