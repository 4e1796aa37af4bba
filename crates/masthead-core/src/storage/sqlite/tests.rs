//! The SQLite storage's own guarantees: migrations that can rebuild tables,
//! and transactions that roll back on error, on panic and on a failed COMMIT
//! while leaving the connection usable.

use super::*;
use crate::actor::Actor;
use crate::model::{ContributorId, ContributorInput, ContributorKind};
use crate::store::Store;

const V1: &str = "CREATE TABLE things (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;";
const V2: &str = "ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue';";

fn files_ending(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect()
}

/// A folder to work in, the database's path in it, and default options.
fn scratch() -> (tempfile::TempDir, PathBuf, OpenOptions) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    (dir, path, OpenOptions::default())
}

#[test]
fn a_migration_is_preceded_by_a_backup_holding_the_old_data() {
    let (dir, path, options) = scratch();
    {
        let b = SqliteBackend::open(&path, &options, &[V1]).unwrap();
        b.conn
            .execute("INSERT INTO things VALUES ('a', 'kept')", [])
            .unwrap();
        // A fresh database has nothing to lose: no backup.
        assert!(files_ending(dir.path(), ".bak").is_empty());
    }
    let b = SqliteBackend::open(&path, &options, &[V1, V2]).unwrap();
    assert_eq!(b.schema_version().unwrap(), 2);
    let colour: String = b
        .conn
        .query_row("SELECT colour FROM things WHERE id = 'a'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(colour, "blue");

    let backups = files_ending(dir.path(), ".bak");
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(backups[0].to_string_lossy().contains("m.db.v1-"));
    let old = super::connect(&backups[0], rusqlite::OpenFlags::default()).unwrap();
    let (version, name): (i64, String) = old
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), name FROM things",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((version, name.as_str()), (1, "kept"));
}

#[test]
fn a_failing_migration_leaves_the_database_at_its_old_version() {
    let (_dir, path, options) = scratch();
    drop(SqliteBackend::open(&path, &options, &[V1]).unwrap());
    let broken = "ALTER TABLE things ADD COLUMN x TEXT; CREATE TABLE oops (";
    assert!(SqliteBackend::open(&path, &options, &[V1, broken]).is_err());
    let b = SqliteBackend::open(&path, &options, &[V1]).unwrap();
    assert_eq!(b.schema_version().unwrap(), 1);
    let columns: i64 = b
        .conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('things')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(columns, 2, "the half-applied migration was rolled back");
}

const PARENTS: &str = "CREATE TABLE parents (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('a', 'b'))) STRICT;
     CREATE TABLE children (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parents (id)) STRICT;";

/// The rebuild SQLite's documentation prescribes to change a constraint.
const REBUILD: &str = "CREATE TABLE parents_new (id TEXT PRIMARY KEY, kind TEXT NOT NULL) STRICT;
     INSERT INTO parents_new SELECT id, kind FROM parents;
     DROP TABLE parents;
     ALTER TABLE parents_new RENAME TO parents;";

#[test]
fn a_migration_can_rebuild_a_table_that_others_reference() {
    let (_dir, path, options) = scratch();
    {
        let b = SqliteBackend::open(&path, &options, &[PARENTS]).unwrap();
        b.conn
            .execute_batch(
                "INSERT INTO parents VALUES ('p1', 'a'), ('p2', 'b');
                 INSERT INTO children VALUES ('c1', 'p1'), ('c2', 'p2');",
            )
            .unwrap();
    }
    // With foreign keys on, DROP TABLE parents would fail (its implicit
    // DELETE breaks the children's references): the runner turns them off.
    let b = SqliteBackend::open(&path, &options, &[PARENTS, REBUILD]).unwrap();
    let rows: Vec<(String, String)> = b
        .conn
        .prepare(
            "SELECT c.id, p.id FROM children c JOIN parents p ON p.id = c.parent_id ORDER BY c.id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        rows,
        vec![("c1".into(), "p1".into()), ("c2".into(), "p2".into())]
    );
    // The new table no longer has the CHECK, and foreign keys are back on.
    b.conn
        .execute("INSERT INTO parents VALUES ('p3', 'c')", [])
        .unwrap();
    let fk: i64 = b
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    assert!(
        b.conn
            .execute("INSERT INTO children VALUES ('c9', 'missing')", [])
            .is_err()
    );
}

#[test]
fn a_migration_that_would_break_a_reference_is_refused_and_rolled_back() {
    let (_dir, path, options) = scratch();
    {
        let b = SqliteBackend::open(&path, &options, &[PARENTS]).unwrap();
        b.conn
            .execute_batch(
                "INSERT INTO parents VALUES ('p1', 'a'); INSERT INTO children VALUES ('c1', 'p1');",
            )
            .unwrap();
    }
    let losing = "CREATE TABLE parents_new (id TEXT PRIMARY KEY, kind TEXT NOT NULL) STRICT;
        DROP TABLE parents;
        ALTER TABLE parents_new RENAME TO parents;";
    let Err(err) = SqliteBackend::open(&path, &options, &[PARENTS, losing]) else {
        panic!("the migration should be refused");
    };
    assert_eq!(err.code(), "reference_missing", "{err}");
    let b = SqliteBackend::open(&path, &options, &[PARENTS]).unwrap();
    assert_eq!(b.schema_version().unwrap(), 1);
    let parents: i64 = b
        .conn
        .query_row("SELECT count(*) FROM parents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(parents, 1, "the rebuild was rolled back");
}

fn person(name: &str) -> ContributorInput {
    ContributorInput {
        name: name.into(),
        role: "x".repeat(100),
        organisation: String::new(),
        email: None,
        phone: String::new(),
        kind: ContributorKind::Freelance,
        notes: String::new(),
    }
}

/// Contributors as another connection sees them: only what was committed.
fn committed(path: &Path) -> Vec<String> {
    let conn = super::connect(path, rusqlite::OpenFlags::default()).unwrap();
    conn.prepare("SELECT name FROM contributors ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn insert(tx: &mut crate::storage::Tx<'_>, name: &str) -> crate::Result<()> {
    tx.insert_contributor(
        ContributorId::new(),
        &person(name),
        "2026-11-28T00:00:00.000Z",
    )
}

#[test]
fn the_write_guard_rolls_back_on_error_and_the_next_write_commits() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("g.db")).unwrap();
    let err = store
        .write(|tx| {
            insert(tx, "Half")?;
            Err::<(), _>(Error::invalid("nope", None, "refused"))
        })
        .unwrap_err();
    assert_eq!(err.code(), "nope");
    assert!(committed(store.path()).is_empty());
    store.write(|tx| insert(tx, "Whole")).unwrap();
    assert_eq!(committed(store.path()), vec!["Whole"]);
}

#[test]
fn the_write_guard_rolls_back_on_panic_and_the_store_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("g.db")).unwrap();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _ = store.write(|tx| -> crate::Result<()> {
            insert(tx, "Half").unwrap();
            panic!("a bug in a use case");
        });
    }));
    assert!(outcome.is_err());
    assert!(committed(store.path()).is_empty());
    store.write(|tx| insert(tx, "After")).unwrap();
    assert_eq!(committed(store.path()), vec!["After"]);
}

#[test]
fn a_failed_commit_rolls_back_and_a_later_write_is_really_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let mut backend = SqliteBackend::open(&path, &OpenOptions::default(), MIGRATIONS).unwrap();
    {
        let raw = backend
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .unwrap();
        // Deferred foreign keys are checked at COMMIT, which then fails and
        // leaves SQLite's transaction open: the classic dangling transaction.
        raw.execute_batch("PRAGMA defer_foreign_keys = ON").unwrap();
        let mut tx = SqlTx::new(Box::new(SqliteConn::new(raw, path.clone())));
        let fields = crate::model::AssignmentTerms {
            role: "writer".into(),
            brief: String::new(),
            word_target: None,
            due_date: None,
            fee: None,
        };
        tx.insert_assignment(
            &crate::storage::AssignmentRow {
                id: crate::model::AssignmentId::new(),
                article: crate::model::ArticleId::new(),
                contributor: ContributorId::new(),
                fields: &fields,
                state: crate::model::AssignmentState::Offered,
            },
            "2026-11-28T00:00:00.000Z",
        )
        .unwrap();
        insert(&mut tx, "Lost").unwrap();
        let err = tx.commit().unwrap_err();
        assert_eq!(err.code(), "reference_missing", "{err}");
    }
    assert!(backend.conn.is_autocommit(), "no transaction is left open");
    {
        let mut tx = backend.write().unwrap();
        insert(&mut tx, "Saved").unwrap();
        tx.commit().unwrap();
    }
    assert_eq!(committed(&path), vec!["Saved"]);
}

#[test]
fn a_full_disk_is_reported_and_writing_works_again_once_there_is_room() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.db");
    let mut store = Store::open(&path).unwrap();
    let actor = Actor::new("Tess").unwrap();
    store.limit_pages_for_test(Some(0));
    let mut err = None;
    for i in 0..500 {
        if let Err(e) = store.add_contributor(&actor, &person(&format!("Person {i:03}"))) {
            err = Some(e);
            break;
        }
    }
    let err = err.expect("the capped database fills up");
    assert_eq!(err.code(), "disk_full", "{err}");
    assert!(err.to_string().contains("Free some space"), "{err}");
    let before = committed(&path).len();
    store.limit_pages_for_test(None);
    store.add_contributor(&actor, &person("Zoe After")).unwrap();
    let after = committed(&path);
    assert_eq!(after.len(), before + 1);
    assert_eq!(after.last().map(String::as_str), Some("Zoe After"));
}

/// An import copies every table and column: `storage::TABLES` names them
/// all, so a later migration's table or column cannot be left behind (but
/// the history's word lists, which come with the schema, and what triggers
/// keep from the rows: the search index, the editions' and contributors'
/// counts).
#[test]
fn the_import_list_names_every_table_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let backend = SqliteBackend::open(
        &dir.path().join("t.db"),
        &OpenOptions::default(),
        MIGRATIONS,
    )
    .unwrap();
    let mut stmt = backend
        .conn
        .prepare(
            "SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
               AND m.name NOT IN ('history_entity_types', 'history_actions')
               AND m.name NOT LIKE 'search\\_%' ESCAPE '\\'
               -- kept by triggers as the import writes the pieces
               AND m.name NOT IN ('edition_status_counts', 'contributor_open_counts')
               -- credentials: a plan moved to another store gets new links
               AND m.name <> 'contributor_links'
             ORDER BY 1, 2",
        )
        .unwrap();
    let in_schema: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut listed: Vec<(String, String)> = crate::storage::TABLES
        .iter()
        .flat_map(|(t, cols)| cols.iter().map(move |c| ((*t).to_owned(), (*c).to_owned())))
        .chain([("articles".to_owned(), "approved_draft_id".to_owned())])
        .collect();
    listed.sort();
    assert_eq!(listed, in_schema);
}
