//! Opening a Masthead database: the checks that keep foreign files untouched,
//! the pragmas, the backup before a migration and the migrations themselves.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use crate::error::{Error, Result};

/// Written into the SQLite header (`PRAGMA application_id`) so that a Masthead
/// database can be told from any other SQLite file: "MSTH".
pub const APPLICATION_ID: i32 = 0x4D53_5448;

/// Append-only: a released migration is never edited, a change is a new file.
const MIGRATIONS: &[&str] = &[include_str!("migrations/0001_initial.sql")];

/// The schema version this build of Masthead writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How to open a database. The defaults suit the app and the CLI.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// How long to wait for another writer before reporting the file locked.
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            busy_timeout: Duration::from_secs(5),
        }
    }
}
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// An open Masthead database. All use cases are methods on it.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if absent) the Masthead database at `path` and brings
    /// its schema up to date. Refuses, leaving the file as it was, a file that
    /// is not a Masthead database or that a newer Masthead wrote. Before a
    /// migration changes an existing database, a copy is saved beside it.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Self::open_with(path, &OpenOptions::default())
    }

    pub fn open_with(path: impl AsRef<Path>, options: &OpenOptions) -> Result<Store> {
        open_with_migrations(path.as_ref(), options, MIGRATIONS)
    }

    /// Creates a new, empty database; refuses a path that already exists so
    /// that "New database" can never overwrite someone's work.
    pub fn create(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if path.exists() {
            return Err(Error::FileExists {
                path: path.to_path_buf(),
            });
        }
        Self::open(path)
    }

    /// What the app shows about the open database.
    pub fn info(&self) -> Result<crate::model::DatabaseInfo> {
        Ok(crate::model::DatabaseInfo {
            path: self.path.display().to_string(),
            schema_version: self.schema_version()? as u32,
            is_empty: self.is_empty()?,
            has_demo: self.has_demo()?,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Runs `f` inside one IMMEDIATE transaction: all of it is saved, or none.
    /// Inside an outer transaction (the demo loader) it runs in a savepoint.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        if !self.conn.is_autocommit() {
            let sp = self.conn.savepoint()?;
            let value = f(&sp).map_err(|e| e.at_path(&path))?;
            sp.commit()?;
            return Ok(value);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| map_open_error(&path, e))?;
        let value = f(&tx).map_err(|e| e.at_path(&path))?;
        tx.commit().map_err(|e| map_open_error(&path, e))?;
        Ok(value)
    }

    /// Runs several use cases as one transaction: all are saved, or none.
    pub(crate) fn atomically<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| map_open_error(&path, e))?;
        match f(self) {
            Ok(value) => {
                self.conn
                    .execute_batch("COMMIT")
                    .map_err(|e| map_open_error(&path, e))?;
                Ok(value)
            }
            Err(e) => {
                // The rollback can only fail if SQLite already rolled back.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    fn migrate(&mut self, migrations: &[&str]) -> rusqlite::Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read again inside the lock: another process may have migrated first.
        let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        for (index, sql) in migrations.iter().enumerate() {
            let version = index as i64 + 1;
            if version > current {
                tx.execute_batch(sql)?;
            }
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", migrations.len() as i64)?;
        tx.commit()
    }

    fn backup_before_migration(&self, from_version: i64) -> Result<PathBuf> {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let mut name = self
            .path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(format!(".v{from_version}-{stamp}.bak"));
        let backup = self.path.with_file_name(name);
        // VACUUM INTO writes a consistent copy that includes the WAL's content.
        self.conn
            .execute("VACUUM INTO ?1", [backup.to_string_lossy()])
            .map_err(|e| map_open_error(&self.path, e))?;
        Ok(backup)
    }
}

fn open_with_migrations(path: &Path, options: &OpenOptions, migrations: &[&str]) -> Result<Store> {
    let path = path.to_path_buf();
    let latest = migrations.len() as i64;
    check_header(&path)?;
    let conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| map_open_error(&path, e))?;
    conn.busy_timeout(options.busy_timeout)
        .map_err(|e| map_open_error(&path, e))?;

    let probe = Probe::read(&conn).map_err(|e| map_open_error(&path, e))?;
    if probe.has_tables && probe.application_id != APPLICATION_ID {
        return Err(Error::NotMasthead {
            path,
            reason: "it holds another program's tables".into(),
        });
    }
    if probe.user_version > latest {
        return Err(Error::DatabaseTooNew {
            path,
            found: probe.user_version,
            supported: latest,
        });
    }

    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| map_open_error(&path, e))?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(|e| map_open_error(&path, e))?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(|e| map_open_error(&path, e))?;

    let mut store = Store { conn, path };
    if probe.user_version < latest {
        if probe.user_version > 0 {
            store.backup_before_migration(probe.user_version)?;
        }
        store
            .migrate(migrations)
            .map_err(|e| map_open_error(&store.path, e))?;
    }
    Ok(store)
}

struct Probe {
    application_id: i32,
    user_version: i64,
    has_tables: bool,
}

impl Probe {
    fn read(conn: &Connection) -> rusqlite::Result<Probe> {
        Ok(Probe {
            application_id: conn.pragma_query_value(None, "application_id", |r| r.get(0))?,
            user_version: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
            has_tables: conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table')",
                [],
                |r| r.get(0),
            )?,
        })
    }
}

/// A non-empty file must start with SQLite's magic bytes; anything else is
/// refused before SQLite is allowed to touch it.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => Err(Error::Io {
                    path: path.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "its folder does not exist",
                    ),
                }),
                _ => Ok(()),
            };
        }
        Err(source) => {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(Error::NotMasthead {
            path: path.to_path_buf(),
            reason: "it is a folder".into(),
        });
    }
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(source) => {
                return Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    if read == 0 || &header == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Error::NotMasthead {
            path: path.to_path_buf(),
            reason: "it is not an SQLite file".into(),
        })
    }
}

fn map_open_error(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::NotADatabase) => Error::NotMasthead {
            path: path.to_path_buf(),
            reason: "SQLite cannot read it".into(),
        },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
            Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            }
        }
        _ => Error::Sqlite(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = "CREATE TABLE things (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;";
    const V2: &str = "ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue';";

    #[test]
    fn a_migration_is_preceded_by_a_backup_holding_the_old_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let options = OpenOptions::default();
        {
            let store = open_with_migrations(&path, &options, &[V1]).unwrap();
            store
                .conn
                .execute("INSERT INTO things VALUES ('a', 'kept')", [])
                .unwrap();
            // A fresh database has nothing to lose: no backup.
            assert_eq!(
                std::fs::read_dir(dir.path())
                    .unwrap()
                    .filter(|e| e
                        .as_ref()
                        .unwrap()
                        .file_name()
                        .to_string_lossy()
                        .ends_with(".bak"))
                    .count(),
                0
            );
        }
        let store = open_with_migrations(&path, &options, &[V1, V2]).unwrap();
        assert_eq!(store.schema_version().unwrap(), 2);
        let colour: String = store
            .conn
            .query_row("SELECT colour FROM things WHERE id = 'a'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(colour, "blue");

        let backups: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".bak"))
            .collect();
        assert_eq!(backups.len(), 1, "{backups:?}");
        assert!(backups[0].to_string_lossy().contains("m.db.v1-"));
        let old = Connection::open(&backups[0]).unwrap();
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
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let options = OpenOptions::default();
        drop(open_with_migrations(&path, &options, &[V1]).unwrap());
        let broken = "ALTER TABLE things ADD COLUMN x TEXT; CREATE TABLE oops (";
        assert!(open_with_migrations(&path, &options, &[V1, broken]).is_err());
        let store = open_with_migrations(&path, &options, &[V1]).unwrap();
        assert_eq!(store.schema_version().unwrap(), 1);
        let columns: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM pragma_table_info('things')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(columns, 2, "the half-applied migration was rolled back");
    }
}
