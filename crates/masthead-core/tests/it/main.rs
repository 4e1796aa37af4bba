//! Use cases against real temporary SQLite files. One binary for the crate.

mod articles;
mod calendar;
mod comments;
mod commissioning;
mod conflicts;
mod demo;
mod desk;
mod drafts;
mod editions;
mod flatplan;
mod kinds;
mod layering;
mod links;
mod load;
mod other;
mod plan;
mod properties;
mod safekeeping;
mod search;
mod server;
mod store;
mod store_process;
mod trash;
mod upgrade;
mod workflow;

use std::path::{Path, PathBuf};

use masthead_core::model::{EditionInput, PublicationId, PublicationInput};
use masthead_core::{Actor, Error, Store};

/// The day tests treat as today: deadlines are worked out against it.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
}

/// A store for one test: a new SQLite file, or with
/// `MASTHEAD_TEST_STORE=postgres` a new database on the test binary's
/// throwaway PostgreSQL cluster (`masthead-pgtest`). Test bodies are the
/// same for both.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub actor: Actor,
    /// The database's URL (as the cluster's superuser) on PostgreSQL.
    pub server: Option<String>,
}

impl Fixture {
    /// Runs `sql` on the store's database behind the store's back (on a
    /// server as the cluster's superuser), as another program might.
    pub fn behind_the_stores_back(&self, sql: &str) {
        match &self.server {
            Some(url) => {
                let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
                admin.batch_execute(sql).unwrap();
            }
            None => {
                open_sqlite(self.store.path())
                    .unwrap()
                    .execute_batch(sql)
                    .unwrap();
            }
        }
    }

    #[allow(clippy::new_without_default)]
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let (store, server) = if masthead_pgtest::wanted() {
            let url = masthead_pgtest::cluster().database(|template| {
                Store::open_location(template).expect("the template database");
            });
            (Store::open_location(&url).unwrap(), Some(url))
        } else {
            (Store::open(dir.path().join("test.db")).unwrap(), None)
        };
        Fixture {
            dir,
            store,
            actor: Actor::new("Tess Editor").unwrap(),
            server,
        }
    }

    /// Every row of every table, read through a second connection.
    pub fn snapshot(&self) -> String {
        match &self.server {
            Some(url) => server_snapshot(url),
            None => snapshot(&self.path()),
        }
    }

    /// Runs raw SQL on a second connection, as a program other than
    /// Masthead would; the database's refusal, if it refuses.
    pub fn raw_sql(&self, sql: &str) -> Result<(), String> {
        match &self.server {
            Some(url) => {
                let name = url.rsplit('/').next().unwrap().split('?').next().unwrap();
                masthead_pgtest::cluster()
                    .admin(name)
                    .batch_execute(sql)
                    .map_err(|e| format!("{e} {:?}", e.as_db_error().map(|d| d.message())))
            }
            None => crate::open_sqlite(self.path())
                .unwrap()
                .execute_batch(sql)
                .map_err(|e| e.to_string()),
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

    /// The publication's sections' names, in order.
    pub fn section_names(&self, publication: PublicationId) -> Vec<String> {
        let sections = self.store.list_sections(publication).unwrap();
        sections.into_iter().map(|s| s.name).collect()
    }

    /// Asserts that `action` fails with `code` and leaves every table as it was.
    pub fn refused<T: std::fmt::Debug>(
        &mut self,
        code: &str,
        action: impl FnOnce(&mut Store, &Actor) -> masthead_core::Result<T>,
    ) -> Error {
        let before = self.snapshot();
        let err = action(&mut self.store, &self.actor).expect_err("the action should be refused");
        assert_eq!(err.code(), code, "wrong error: {err}");
        assert!(!err.to_string().is_empty());
        assert_eq!(
            self.snapshot(),
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
    let conn = crate::open_sqlite(path).unwrap();
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

/// Every row of every table of a server database, as text.
pub fn server_snapshot(url: &str) -> String {
    let name = url.rsplit('/').next().unwrap().split('?').next().unwrap();
    let mut conn = masthead_pgtest::cluster().admin(name);
    let tables: Vec<String> = conn
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut out = String::new();
    for table in tables {
        for row in conn
            .query(&format!("SELECT t::text FROM {table} t ORDER BY 1"), &[])
            .unwrap()
        {
            let text: String = row.get(0);
            out.push_str(&format!("{table}|{text}\n"));
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

/// The demo as Masthead 1 wrote it (`tests/fixtures/schema-v1.sql` and
/// `demo-v1.sql`), at `path`.
pub fn v1_demo_file(path: &Path) {
    let fixtures = repo_root().join("tests/fixtures");
    let conn = crate::open_sqlite(path).unwrap();
    conn.execute_batch(&std::fs::read_to_string(fixtures.join("schema-v1.sql")).unwrap())
        .unwrap();
    conn.execute_batch(&std::fs::read_to_string(fixtures.join("demo-v1.sql")).unwrap())
        .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.pragma_update(None, "application_id", masthead_core::APPLICATION_ID)
        .unwrap();
}

/// A plain SQLite connection to a Masthead file, with Masthead's own SQL
/// function (the indexes of names call it), for tests that read or write
/// a file behind the store's back.
pub fn open_sqlite(path: impl AsRef<std::path::Path>) -> rusqlite::Result<rusqlite::Connection> {
    let conn = rusqlite::Connection::open(path)?;
    masthead_core::add_sqlite_functions(&conn)?;
    Ok(conn)
}
