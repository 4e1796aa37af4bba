//! Backups and restores of a file, through SQLite's online backup API only:
//! never a file copy, which would read the database behind SQLite's back
//! (dropping this process's locks on it) and could catch it half-written.
//! A backup is a consistent snapshot even while the app and the CLI write;
//! a restore writes the backup's pages into the open database under
//! SQLite's own locks, so every other connection sees the restored plan
//! at its next transaction.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use super::{
    APPLICATION_ID, FileIdentity, Probe, SqliteBackend, check_header, map_error, refuse_held,
};
use crate::error::{Error, Result};

/// The refusal of a file chosen as a backup, saying to choose another.
fn not_a_backup(source: &Path, reason: &str) -> Error {
    Error::invalid(
        "not_a_backup",
        "backup",
        format!(
            "{} cannot be restored ({reason}). Choose another backup; nothing was changed.",
            source.display()
        ),
    )
}

/// Opens a file chosen as a backup and checks it is a whole Masthead
/// database this version reads.
fn open_backup(source: &Path, latest: i64) -> Result<(Connection, Probe)> {
    check_header(source)?;
    // Read-write without create: a backup still in WAL mode needs its
    // shared-memory file, which a read-only connection cannot make.
    let from = super::connect(
        source,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| map_error(source, e))?;
    let probe = Probe::read(&from).map_err(|e| map_error(source, e))?;
    if probe.application_id != APPLICATION_ID || !probe.has_tables || probe.user_version < 1 {
        return Err(Error::NotMasthead {
            path: source.to_path_buf(),
            reason: "it is not a Masthead backup".into(),
        });
    }
    if probe.user_version > latest {
        return Err(Error::DatabaseTooNew {
            path: source.to_path_buf(),
            found: probe.user_version,
            supported: latest,
        });
    }
    quick_check(&from, source)?;
    Ok((from, probe))
}

/// A schema object as SQLite lists it: its kind, name, and (for triggers
/// and views, whose bodies run) its SQL with white space folded.
type SchemaObject = (String, String, Option<String>);

fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM sqlite_schema
          WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(0)?;
        let sql: Option<String> = r.get(2)?;
        let body = match kind.as_str() {
            "trigger" | "view" => sql.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")),
            _ => None,
        };
        Ok((kind, r.get(1)?, body))
    })?;
    rows.collect()
}

/// The schema `migrations` make, worked out once per process on an empty
/// database in memory.
fn reference_schema(migrations: &[&str]) -> rusqlite::Result<Vec<SchemaObject>> {
    static REFERENCE: std::sync::OnceLock<Vec<SchemaObject>> = std::sync::OnceLock::new();
    if let Some(schema) = REFERENCE.get() {
        return Ok(schema.clone());
    }
    let conn = Connection::open_in_memory()?;
    super::add_functions(&conn)?;
    for sql in migrations {
        conn.execute_batch(sql)?;
    }
    let schema = schema_of(&conn)?;
    Ok(REFERENCE.get_or_init(|| schema).clone())
}

/// How the schema of `conn` differs from the one Masthead makes: tables,
/// indexes, triggers or views added, missing, or (triggers and views)
/// rewritten. A file made elsewhere could carry a trigger that changes
/// every title at the next save, or lack the one that keeps drafts.
pub(crate) fn schema_differences(
    conn: &Connection,
    migrations: &[&str],
) -> rusqlite::Result<Vec<String>> {
    let want = reference_schema(migrations)?;
    let have = schema_of(conn)?;
    let mut differences = Vec::new();
    for (kind, name, body) in &have {
        match want.iter().find(|(k, n, _)| k == kind && n == name) {
            None => differences.push(format!("it has a {kind} \"{name}\" Masthead does not make")),
            Some((_, _, want_body)) if want_body != body => differences.push(format!(
                "its {kind} \"{name}\" is not the one Masthead makes"
            )),
            Some(_) => {}
        }
    }
    for (kind, name, _) in &want {
        if !have.iter().any(|(k, n, _)| k == kind && n == name) {
            differences.push(format!("its {kind} \"{name}\" is missing"));
        }
    }
    Ok(differences)
}

/// SQLite's `quick_check` of the database at `path`: damage is an error.
fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| map_error(path, e))?;
    if check == "ok" {
        Ok(())
    } else {
        Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: check,
        })
    }
}

/// Copies every page in one step (one read snapshot of the source, which in
/// WAL mode never blocks a writer), waiting out a busy or locked database
/// as SQLite's backup API asks.
fn copy_all(backup: &Backup<'_, '_>) -> rusqlite::Result<()> {
    use rusqlite::backup::StepResult;
    let started = std::time::Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            StepResult::Busy | StepResult::Locked => {
                if started.elapsed() > Duration::from_secs(30) {
                    return Err(rusqlite::Error::SqliteFailure(
                        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                        None,
                    ));
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// A scratch copy beside the database: removed, with its `-wal`, `-shm`
/// and anything its upgrade saved beside it, when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let (Some(dir), Some(name)) = (self.0.parent(), self.0.file_name()) else {
            return;
        };
        let name = name.to_string_lossy().into_owned();
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with(&name) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
}

/// A name beside `dest` to write to before renaming into place.
fn partial(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "backup.db".into());
    dest.with_file_name(format!(".{name}.{}.part", std::process::id()))
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Whether `path` has a `-wal`, `-shm` or `-journal` beside it: a database
/// some program may have open, which must never be replaced under it, or
/// files left behind that SQLite would read into whatever is put there.
fn looks_in_use(path: &Path) -> bool {
    !super::side_files_beside(path).is_empty()
}

impl SqliteBackend {
    /// Writes a consistent copy of the database to `dest` (a single file,
    /// no WAL), checked before it is renamed into place: a failed backup
    /// leaves nothing half-written, and never replaces the open database
    /// or one that looks in use.
    pub(crate) fn copy_to(&self, dest: &Path) -> Result<()> {
        let same = FileIdentity::of(dest).is_some() && FileIdentity::of(dest) == self.identity;
        if same || dest == self.path {
            return Err(Error::invalid(
                "backup_over_itself",
                "out",
                format!(
                    "{} is the open database itself. Choose another name for the backup.",
                    dest.display()
                ),
            ));
        }
        refuse_held(dest, "out", "written over")?;
        if dest.is_dir() {
            return Err(Error::invalid(
                "backup_is_folder",
                "out",
                format!(
                    "{} is a folder. Name a file in it for the backup, such as {}.",
                    dest.display(),
                    dest.join("masthead-backup.db").display()
                ),
            ));
        }
        if let Some(base) = super::side_file_of(dest) {
            return Err(Error::invalid(
                "file_in_use",
                "out",
                format!(
                    "{} belongs to the database {}, so it cannot be written over. Choose another name.",
                    dest.display(),
                    base.display()
                ),
            ));
        }
        if looks_in_use(dest) {
            return Err(Error::invalid(
                "backup_target_in_use",
                "out",
                format!(
                    "{} has -wal, -shm or -journal files beside it (a database open somewhere, or files left behind, which SQLite would read into the backup), so nothing was written. Choose another name, or move those files away.",
                    dest.display()
                ),
            ));
        }
        let part = partial(dest);
        let _ = std::fs::remove_file(&part);
        let written = self.write_copy(&part);
        if let Err(e) = written {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
        std::fs::rename(&part, dest).map_err(|e| {
            let _ = std::fs::remove_file(&part);
            io(dest, e)
        })?;
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty())
            && let Ok(dir) = std::fs::File::open(dir)
        {
            let _ = dir.sync_all();
        }
        Ok(())
    }

    fn write_copy(&self, part: &Path) -> Result<()> {
        let mut out = super::connect(part, OpenFlags::default()).map_err(|e| map_error(part, e))?;
        {
            let backup = Backup::new(&self.conn, &mut out).map_err(|e| map_error(part, e))?;
            copy_all(&backup).map_err(|e| map_error(&self.path, e))?;
        }
        out.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| map_error(part, e))?;
        quick_check(&out, part)?;
        out.close().map_err(|(_, e)| map_error(part, e))
    }

    /// Replaces the database's contents with the backup at `source`, after
    /// a backup of the current contents at `set_aside`. The backup must be a
    /// Masthead database this version reads; an older one is brought up to
    /// date on a scratch copy first, never in place.
    pub(crate) fn replace_from(
        &mut self,
        source: &Path,
        set_aside: &Path,
        migrations: &[&str],
    ) -> Result<()> {
        let same = FileIdentity::of(source).is_some() && FileIdentity::of(source) == self.identity;
        if same || source == self.path {
            return Err(Error::invalid(
                "restore_from_itself",
                "backup",
                format!(
                    "{} is the open database itself. Choose a backup file.",
                    source.display()
                ),
            ));
        }
        let latest = migrations.len() as i64;
        if self.read_only {
            return Err(Error::ReadOnly {
                path: self.path.clone(),
            });
        }
        refuse_held(source, "backup", "restored from")?;
        let (from, probe) = open_backup(source, latest).map_err(|e| match e {
            Error::NotMasthead { reason, .. } => not_a_backup(source, &reason),
            Error::Corrupt { detail, .. } => {
                not_a_backup(source, &format!("it is damaged: {detail}"))
            }
            Error::Io { source: io, .. } => not_a_backup(source, &io.to_string()),
            other => other,
        })?;
        // An older backup: copied and upgraded beside the set-aside file;
        // the copy (and all its upgrade leaves) goes however this ends.
        let mut _scratch = None;
        let from = if probe.user_version < latest {
            let copy = partial(&set_aside.with_extension("upgrading.db"));
            let _ = std::fs::remove_file(&copy);
            _scratch = Some(Scratch(copy.clone()));
            {
                let mut out =
                    super::connect(&copy, OpenFlags::default()).map_err(|e| map_error(&copy, e))?;
                let backup = Backup::new(&from, &mut out).map_err(|e| map_error(&copy, e))?;
                copy_all(&backup).map_err(|e| map_error(source, e))?;
            }
            let upgraded = SqliteBackend::open(&copy, &super::OpenOptions::default(), migrations)?;
            drop(upgraded);
            super::connect(&copy, OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(|e| map_error(&copy, e))?
        } else {
            from
        };
        // Only Masthead's own schema comes in: no trigger, view or index of
        // anyone else's, none of Masthead's missing.
        if let Some(first) = schema_differences(&from, migrations)
            .map_err(|e| map_error(source, e))?
            .into_iter()
            .next()
        {
            return Err(not_a_backup(source, &first));
        }
        // SQLite copies pages: into a WAL database only at its page size.
        let page_size = |conn: &Connection, path: &Path| -> Result<i64> {
            conn.pragma_query_value(None, "page_size", |r| r.get(0))
                .map_err(|e| map_error(path, e))
        };
        let (theirs, ours) = (
            page_size(&from, source)?,
            page_size(&self.conn, &self.path)?,
        );
        if theirs != ours {
            return Err(not_a_backup(
                source,
                &format!(
                    "its pages are {theirs} bytes and this database's {ours}; open it on its own and export it (`masthead export json`) to move its contents"
                ),
            ));
        }
        // Set the current contents aside; if someone saved meanwhile, again,
        // so that nothing committed before the restore is only in neither.
        let mut settled = false;
        for _ in 0..3 {
            let before = self.data_version_now()?;
            self.copy_to(set_aside)?;
            if self.data_version_now()? == before {
                settled = true;
                break;
            }
        }
        if !settled {
            let _ = std::fs::remove_file(set_aside);
            return Err(Error::invalid(
                "restore_busy",
                "backup",
                "The database kept changing while Masthead set its contents aside, so nothing was restored. Try again when nobody else is saving.",
            ));
        }
        let restored = Backup::new(&from, &mut self.conn)
            .and_then(|backup| copy_all(&backup))
            .map_err(|e| map_error(&self.path, e));
        if restored.is_err() {
            // Nothing was replaced (the backup API's copy is one
            // transaction): the copy set aside is not needed.
            let _ = std::fs::remove_file(set_aside);
        }
        restored
    }

    fn data_version_now(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(|e| map_error(&self.path, e))
    }

    /// SQLite's own checks: `integrity_check`, then `foreign_key_check`,
    /// each problem in a line.
    pub(crate) fn own_checks(&self) -> Result<Vec<String>> {
        let mut problems: Vec<String> = schema_differences(&self.conn, super::MIGRATIONS)
            .map_err(|e| map_error(&self.path, e))?
            .into_iter()
            .map(|d| format!("the database's schema is not Masthead's: {d}"))
            .collect();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| map_error(&self.path, e))?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| map_error(&self.path, e))?;
        for line in lines {
            let line = line.map_err(|e| map_error(&self.path, e))?;
            if line != "ok" {
                problems.push(format!("SQLite's integrity check: {line}"));
            }
        }
        let mut stmt = self
            .conn
            .prepare("PRAGMA foreign_key_check")
            .map_err(|e| map_error(&self.path, e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(|e| map_error(&self.path, e))?;
        for row in rows {
            let (table, rowid, parent) = row.map_err(|e| map_error(&self.path, e))?;
            problems.push(format!(
                "a row of {table} (rowid {}) refers to a missing row of {parent}",
                rowid.map_or_else(|| "?".into(), |r| r.to_string())
            ));
        }
        Ok(problems)
    }
}
