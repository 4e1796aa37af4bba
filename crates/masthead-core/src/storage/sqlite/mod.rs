//! SQLite, the storage of a single-file database: opening it safely, the
//! migrations, and transactions that cannot leak.

mod backup;
mod conn;
mod files;
pub(crate) mod generate;

use files::*;
pub(crate) use files::{refuse_held, refuse_side_file, side_file_of, side_files_beside};

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::tx::SqlTx;
use super::{Backend, Tx};
use crate::error::{Error, Result};
use conn::SqliteConn;

/// Written into the SQLite header (`PRAGMA application_id`) so that a Masthead
/// database can be told from any other SQLite file: "MSTH".
pub const APPLICATION_ID: i32 = 0x4D53_5448;

/// Append-only: a released migration is never edited, a change is a new file.
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/0001_initial.sql"),
    include_str!("../../migrations/sqlite/0002_kinds_change_sets.sql"),
    include_str!("../../migrations/sqlite/0003_commissioning.sql"),
    include_str!("../../migrations/sqlite/0004_flatplan.sql"),
    include_str!("../../migrations/sqlite/0005_drafts.sql"),
    include_str!("../../migrations/sqlite/0006_people.sql"),
    include_str!("../../migrations/sqlite/0007_history_kept.sql"),
    include_str!("../../migrations/sqlite/0008_access_ends.sql"),
    include_str!("../../migrations/sqlite/0009_contributors_through_functions.sql"),
    include_str!("../../migrations/sqlite/0010_values_checked.sql"),
    include_str!("../../migrations/sqlite/0011_one_rule_for_names.sql"),
    include_str!("../../migrations/sqlite/0012_open_offers.sql"),
    include_str!("../../migrations/sqlite/0013_search.sql"),
    include_str!("../../migrations/sqlite/0014_trash.sql"),
    include_str!("../../migrations/sqlite/0015_calendar.sql"),
    include_str!("../../migrations/sqlite/0016_seen.sql"),
    include_str!("../../migrations/sqlite/0017_trash_closes.sql"),
    include_str!("../../migrations/sqlite/0018_comments.sql"),
    include_str!("../../migrations/sqlite/0019_contributors_comment.sql"),
    include_str!("../../migrations/sqlite/0020_edition_counts.sql"),
    include_str!("../../migrations/sqlite/0021_contributor_counts.sql"),
    include_str!("../../migrations/sqlite/0022_contributor_links.sql"),
];

/// Busy and damaged files get their own clear errors wherever SQLite reports
/// them; `Store` fills in the path where it knows it. (Here, not in the
/// domain's `error.rs`: the domain knows no engine.)
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match map_error(&PathBuf::new(), e) {
            Error::NotMasthead { .. } => Error::Corrupt {
                path: PathBuf::new(),
                detail: "SQLite cannot read it".into(),
            },
            other => other,
        }
    }
}

/// How many prepared statements a connection keeps.
const STATEMENTS_KEPT: usize = 256;

/// Opens a connection with Masthead's own SQL function, which the
/// indexes of names use (`masthead_fold`, see [`crate::rules::fold`]).
/// Every connection Masthead opens to a file comes from here.
pub(crate) fn connect(
    path: impl AsRef<Path>,
    flags: rusqlite::OpenFlags,
) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open_with_flags(path, flags)?;
    add_functions(&conn)?;
    // The app's screens run a few dozen statements: keep them all prepared
    // (rusqlite keeps 16, so a desk, a board and a piece evicted each other).
    conn.set_prepared_statement_cache_capacity(STATEMENTS_KEPT);
    if std::env::var_os("MASTHEAD_SQL_PROFILE").is_some() {
        profile(&mut conn)?;
    }
    Ok(conn)
}

/// With `MASTHEAD_SQL_PROFILE` set, each statement `conn` finishes is
/// written to standard error with SQLite's measure of its time (rows read
/// included): `SQLPROF <ms> <sql on one line>`. A developer's tool for
/// finding where a screen's time goes.
fn profile(conn: &mut Connection) -> rusqlite::Result<()> {
    use rusqlite::trace::{TraceEvent, TraceEventCodes};
    conn.trace_v2(
        TraceEventCodes::SQLITE_TRACE_PROFILE,
        Some(|event: TraceEvent<'_>| {
            if let TraceEvent::Profile(statement, took) = event {
                let sql = statement.sql();
                let sql: Vec<&str> = sql.split_whitespace().collect();
                eprintln!(
                    "SQLPROF {:.3} {}",
                    took.as_secs_f64() * 1000.0,
                    sql.join(" ")
                );
            }
        }),
    )
}

/// Adds `masthead_fold(text)` to `conn`: NULL stays NULL.
pub(crate) fn add_functions(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "masthead_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let text: Option<String> = ctx.get(0)?;
            Ok(text.map(|t| crate::rules::fold(&t)))
        },
    )
}

/// Whether SQLite answered that another connection holds the lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

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

pub(crate) struct SqliteBackend {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// The file's identity when opened, to notice it being moved or replaced.
    identity: Option<FileIdentity>,
    /// Opened for reading only (its folder or the file may not be written):
    /// every write is refused in words.
    read_only: bool,
    /// How long a write waits for another writer (see [`Self::write`]).
    busy_timeout: Duration,
}

impl Backend for SqliteBackend {
    fn read(&self) -> Result<Tx<'_>> {
        self.clear_dangling();
        // A deferred transaction: a consistent snapshot, no write lock.
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| map_error(&self.path, e))?;
        Ok(SqlTx::new(Box::new(SqliteConn::new(tx, self.path.clone()))))
    }

    fn write(&mut self) -> Result<Tx<'_>> {
        if self.read_only {
            return Err(Error::ReadOnly {
                path: self.path.clone(),
            });
        }
        self.clear_dangling();
        self.check_still_there()?;
        let path = self.path.clone();
        // Another writer holds the file: look again after 1, 2, 4, then
        // every 8 ms, up to the busy timeout. SQLite's own wait backs off to sleeps of
        // 100 ms, so under load the writer who has waited longest looks
        // least often and newcomers go first (fifty writers on one file:
        // p50 18 ms but p95 0.93 s, `tests/it/load.rs`).
        let deadline = std::time::Instant::now() + self.busy_timeout;
        let waits =
            |c: &Connection, d: Duration| c.busy_timeout(d).map_err(|e| map_error(&path, e));
        waits(&self.conn, Duration::ZERO)?;
        let mut pause = 1;
        let begun = loop {
            // (`&mut self` holds the connection: no other transaction is open.)
            match rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate) {
                Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(pause));
                    pause = (pause * 2).min(8);
                }
                // (Every later step waits as the options say.)
                other => break other,
            }
        };
        let tx = match begun {
            Ok(tx) => {
                waits(&tx, self.busy_timeout)?;
                tx
            }
            Err(e) => {
                waits(&self.conn, self.busy_timeout)?;
                return Err(map_error(&path, e));
            }
        };
        Ok(SqlTx::new(Box::new(SqliteConn::new(tx, path))))
    }

    fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(|e| map_error(&self.path, e))
    }

    fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| map_error(&self.path, e))
    }

    fn check_still_there(&self) -> Result<()> {
        let Some(opened) = &self.identity else {
            return Ok(());
        };
        match FileIdentity::of(&self.path) {
            Some(now) if now == *opened => Ok(()),
            _ => Err(Error::Moved {
                path: self.path.clone(),
            }),
        }
    }

    fn location(&self) -> &Path {
        &self.path
    }

    fn backup_to(&self, dest: &Path) -> Result<()> {
        self.copy_to(dest)
    }

    fn beside(&self) -> Result<Box<dyn Backend>> {
        // Through SQLite, which knows of both connections: closing this one
        // never drops the other's locks. The same file, or none.
        self.check_still_there()?;
        let latest = MIGRATIONS.len() as i64;
        let other = if self.read_only {
            // Nobody writes it through us: as it was opened, perhaps immutable.
            Self::open_unchanged(&self.path, &OpenOptions::default(), latest)?
        } else {
            // Others write it: always under SQLite's locks, never immutable.
            let conn = connect(
                &self.path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| map_error(&self.path, e))?;
            Self::finish_read_only(
                self.path.clone(),
                conn,
                &OpenOptions::default(),
                latest,
                true,
            )?
        };
        if other.identity != self.identity {
            return Err(Error::Moved {
                path: self.path.clone(),
            });
        }
        Ok(Box::new(other))
    }

    fn restore_from(&mut self, source: &Path, set_aside: &Path) -> Result<()> {
        self.replace_from(source, set_aside, MIGRATIONS)
    }

    fn engine_checks(&self) -> Result<Vec<String>> {
        self.own_checks()
    }

    #[cfg(test)]
    fn limit_pages(&self, extra: Option<u64>) {
        let pages: i64 = self
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))
            .unwrap();
        let cap = extra.map_or(4_294_967_294, |extra| pages + extra as i64);
        self.conn
            .pragma_update(None, "max_page_count", cap)
            .unwrap();
    }
}

impl SqliteBackend {
    /// A transaction can only be left open by a bug or a failed COMMIT that
    /// SQLite did not roll back; never let the next use case run inside it
    /// (its work would be lost with the dangling transaction).
    fn clear_dangling(&self) {
        if !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    /// Opens (creating if absent) the database at `path` and brings its
    /// schema up to date. See `Store::open`. A database that cannot be
    /// written (a read-only folder or file) is opened for reading, and its
    /// writes are refused in words.
    pub(crate) fn open(
        path: &Path,
        options: &OpenOptions,
        migrations: &[&str],
    ) -> Result<SqliteBackend> {
        match Self::open_to_write(path, options, migrations) {
            Err(Error::ReadOnly { .. } | Error::Io { .. }) if path.is_file() => {
                Self::open_to_read(path, options, migrations.len() as i64, false)
            }
            other => other,
        }
    }

    /// Opens an existing database for reading only, as it is: never
    /// upgraded, never written (`check` and `backup` of a file that may be
    /// an older backup). Another program may be writing it: it is read
    /// under SQLite's locks, or as immutable only where nobody could write.
    pub(crate) fn open_unchanged(
        path: &Path,
        options: &OpenOptions,
        latest: i64,
    ) -> Result<SqliteBackend> {
        check_header(path)?;
        let shared = connect(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .and_then(|conn| Probe::read(&conn).map(|_| conn));
        match shared {
            Ok(conn) => Self::finish_read_only(path.to_path_buf(), conn, options, latest, true),
            Err(_) => Self::open_to_read(path, options, latest, true),
        }
    }

    /// Opens a database that cannot be written, for reading: with its WAL
    /// when one is beside it (SQLite reads it through the existing shared
    /// memory file), else as immutable (nothing can change it here).
    fn open_to_read(
        path: &Path,
        options: &OpenOptions,
        latest: i64,
        allow_older: bool,
    ) -> Result<SqliteBackend> {
        let path = path.to_path_buf();
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        let conn = if Path::new(&wal).exists() {
            connect(
                &path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        } else {
            let uri = format!(
                "file:{}?immutable=1",
                path.display()
                    .to_string()
                    .replace('%', "%25")
                    .replace('?', "%3f")
                    .replace('#', "%23")
            );
            connect(
                uri,
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        }
        .map_err(|e| map_error(&path, e))?;
        Self::finish_read_only(path, conn, options, latest, allow_older)
    }

    /// A connection opened for reading, checked as a Masthead database.
    fn finish_read_only(
        path: PathBuf,
        conn: Connection,
        options: &OpenOptions,
        latest: i64,
        allow_older: bool,
    ) -> Result<SqliteBackend> {
        conn.busy_timeout(options.busy_timeout)
            .map_err(|e| map_error(&path, e))?;
        let probe = Probe::read(&conn).map_err(|e| map_error(&path, e))?;
        if probe.application_id != APPLICATION_ID || !probe.has_tables || probe.user_version < 1 {
            return Err(Error::NotMasthead {
                path,
                reason: "it holds no Masthead data".into(),
            });
        }
        if probe.user_version > latest {
            return Err(Error::DatabaseTooNew {
                path,
                found: probe.user_version,
                supported: latest,
            });
        }
        if probe.user_version < latest && !allow_older {
            // An upgrade writes; a file that cannot be written stays as it is.
            return Err(Error::ReadOnly { path });
        }
        let identity = FileIdentity::of(&path);
        note_open(&path, &identity);
        Ok(SqliteBackend {
            conn,
            path,
            identity,
            read_only: true,
            busy_timeout: options.busy_timeout,
        })
    }

    fn open_to_write(
        path: &Path,
        options: &OpenOptions,
        migrations: &[&str],
    ) -> Result<SqliteBackend> {
        let path = path.to_path_buf();
        let latest = migrations.len() as i64;
        check_header(&path)?;
        let conn = connect(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| map_error(&path, e))?;
        conn.busy_timeout(options.busy_timeout)
            .map_err(|e| map_error(&path, e))?;

        let probe = Probe::read(&conn).map_err(|e| map_error(&path, e))?;
        if probe.has_tables && probe.application_id != APPLICATION_ID {
            return Err(Error::NotMasthead {
                path,
                reason: "it holds another program's tables".into(),
            });
        }
        if probe.user_version < 0 {
            return Err(Error::NotMasthead {
                path,
                reason: format!(
                    "its schema version is {}, which no Masthead writes",
                    probe.user_version
                ),
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
            .map_err(|e| map_error(&path, e))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(|e| map_error(&path, e))?;

        let mut backend = SqliteBackend {
            conn,
            identity: None,
            path,
            read_only: false,
            busy_timeout: options.busy_timeout,
        };
        if probe.user_version < latest {
            if probe.user_version > 0 {
                backend.backup_before_migration(probe.user_version)?;
            }
            backend
                .migrate(migrations)
                .map_err(|e| map_error(&backend.path, e))?;
        }
        backend
            .conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| map_error(&backend.path, e))?;
        backend.identity = FileIdentity::of(&backend.path);
        note_open(&backend.path, &backend.identity);
        Ok(backend)
    }

    /// Applies the migrations the database lacks, all in one IMMEDIATE
    /// transaction, the way SQLite's documentation prescribes for changes
    /// that rebuild a table: foreign keys off OUTSIDE the transaction (it is
    /// a no-op inside one), `foreign_key_check` before COMMIT, and foreign
    /// keys back on afterwards whatever happened.
    fn migrate(&mut self, migrations: &[&str]) -> rusqlite::Result<()> {
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let result = self.migrate_inside(migrations);
        let on = self.conn.pragma_update(None, "foreign_keys", "ON");
        result.and(on)
    }

    fn migrate_inside(&mut self, migrations: &[&str]) -> rusqlite::Result<()> {
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
        let broken: Option<(String, i64, String)> = {
            let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
            let mut rows = stmt.query([])?;
            match rows.next()? {
                Some(row) => Some((row.get(0)?, row.get(1).unwrap_or(0), row.get(2)?)),
                None => None,
            }
        };
        if let Some((table, rowid, parent)) = broken {
            // Dropping `tx` rolls the migration back.
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                Some(format!(
                    "the upgrade would leave a row of {table} (rowid {rowid}) pointing at a missing {parent}"
                )),
            ));
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
        // SQLite's online backup API: a consistent copy, WAL included,
        // checked and renamed into place (see `backup.rs`).
        self.copy_to(&backup)?;
        Ok(backup)
    }
}

impl Drop for SqliteBackend {
    fn drop(&mut self) {
        if let Some(identity) = &self.identity {
            let mut open = open_here();
            if let Some(i) = open.iter().position(|o| &o.identity == identity) {
                open.swap_remove(i);
            }
        }
    }
}

/// Every SQLite failure becomes an error that names the file and says what
/// to do; only what no user can act on stays `internal`.
pub(crate) fn map_error(path: &Path, e: rusqlite::Error) -> Error {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked { path },
        Some(ErrorCode::NotADatabase) => Error::NotMasthead {
            path,
            reason: "SQLite cannot read it".into(),
        },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path,
            detail: e.to_string(),
        },
        Some(ErrorCode::DiskFull) => Error::DiskFull { path },
        Some(ErrorCode::ReadOnly) => Error::ReadOnly { path },
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied | ErrorCode::SystemIoFailure) => {
            Error::Io {
                path,
                source: std::io::Error::other(e.to_string()),
            }
        }
        Some(ErrorCode::ConstraintViolation) => match &e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
            {
                Error::NotUnique
            }
            rusqlite::Error::SqliteFailure(f, detail)
                if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY =>
            {
                Error::ReferenceMissing {
                    detail: detail.clone().unwrap_or_default(),
                }
            }
            _ => Error::Database(e.to_string()),
        },
        _ => Error::Database(e.to_string()),
    }
}

#[cfg(test)]
mod tests;
