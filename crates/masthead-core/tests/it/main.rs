//! Use cases against real temporary SQLite files. One binary for the crate.

mod articles;
mod bindings;
mod commissioning;
mod conflicts;
mod demo;
mod drafts;
mod editions;
mod flatplan;
mod kinds;
mod other;
mod plan;
mod store;
mod upgrade;
mod workflow;

use std::path::{Path, PathBuf};

use masthead_core::model::{EditionInput, PublicationId, PublicationInput};
use masthead_core::{Actor, Error, Store};

/// The day tests treat as today: deadlines are worked out against it.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub actor: Actor,
}

impl Fixture {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("test.db")).unwrap();
        Fixture {
            dir,
            store,
            actor: Actor::new("Tess Editor").unwrap(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.store.path().to_path_buf()
    }

    pub fn publication(&mut self, name: &str) -> PublicationId {
        self.store
            .create_publication(
                &self.actor,
                &PublicationInput {
                    name: name.into(),
                    frequency: "Bi-monthly".into(),
                    is_print: true,
                },
            )
            .unwrap()
            .id
    }

    /// Asserts that `action` fails with `code` and leaves every table as it was.
    pub fn refused<T: std::fmt::Debug>(
        &mut self,
        code: &str,
        action: impl FnOnce(&mut Store, &Actor) -> masthead_core::Result<T>,
    ) -> Error {
        let before = snapshot(&self.path());
        let err = action(&mut self.store, &self.actor).expect_err("the action should be refused");
        assert_eq!(err.code(), code, "wrong error: {err}");
        assert!(!err.to_string().is_empty());
        assert_eq!(
            snapshot(&self.path()),
            before,
            "a refused action changed the database"
        );
        err
    }
}

pub fn edition_input(name: &str) -> EditionInput {
    EditionInput {
        name: name.into(),
        page_count: 68,
        ..EditionInput::default()
    }
}

/// Every row of every table, through a second connection, as text.
pub fn snapshot(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            out.push_str(&table);
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i).unwrap();
                out.push_str(&format!("|{value:?}"));
            }
            out.push('\n');
        }
    }
    out
}

/// The schema as SQLite reports it, plus the header fields Masthead sets.
pub fn schema(conn: &rusqlite::Connection) -> String {
    let mut out = String::new();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    out.push_str(&format!(
        "-- user_version {version}\n-- application_id {app}\n"
    ));
    let mut stmt = conn
        .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name")
        .unwrap();
    for sql in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
        out.push_str(&sql.unwrap());
        out.push_str(";\n");
    }
    out
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
