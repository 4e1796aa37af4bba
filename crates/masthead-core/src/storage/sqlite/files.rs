//! Which files a database is: its identity, what this process holds open
//! (no code here opens and closes a database's files behind SQLite's back),
//! its side files, and the header checked before SQLite reads a byte.

use super::*;

/// Which file a path names: it changes when the file is moved away,
/// deleted or replaced while open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FileIdentity {
    pub(super) dev: u64,
    pub(super) ino: u64,
}

impl FileIdentity {
    #[cfg(unix)]
    pub(super) fn of(path: &Path) -> Option<FileIdentity> {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| FileIdentity {
            dev: m.dev(),
            ino: m.ino(),
        })
    }

    #[cfg(not(unix))]
    pub(super) fn of(path: &Path) -> Option<FileIdentity> {
        // Windows refuses to move a file another program holds open.
        std::fs::metadata(path)
            .ok()
            .map(|_| FileIdentity { dev: 0, ino: 0 })
    }
}

pub(super) struct Probe {
    pub(super) application_id: i32,
    pub(super) user_version: i64,
    pub(super) has_tables: bool,
}

impl Probe {
    pub(super) fn read(conn: &Connection) -> rusqlite::Result<Probe> {
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

/// A database file this process has open through SQLite.
pub(super) struct OpenHere {
    pub(super) identity: FileIdentity,
    /// Its full path, to know its `-wal`, `-shm` and `-journal` by name.
    pub(super) path: PathBuf,
}

/// The database files this process has open through SQLite: nothing of
/// Masthead's opens one of them, or their side files, behind SQLite's back
/// (closing that second descriptor would drop every lock SQLite holds).
pub(super) static OPEN_HERE: std::sync::Mutex<Vec<OpenHere>> = std::sync::Mutex::new(Vec::new());

pub(super) fn open_here() -> std::sync::MutexGuard<'static, Vec<OpenHere>> {
    OPEN_HERE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Notes that this process now has `path` open (Unix only: Windows locks
/// per handle, and has no identities to compare).
pub(super) fn note_open(path: &Path, identity: &Option<FileIdentity>) {
    if cfg!(unix)
        && let Some(identity) = identity
    {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        open_here().push(OpenHere {
            identity: identity.clone(),
            path,
        });
    }
}

/// How a path relates to a database this process has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Held {
    /// The database file itself.
    Database,
    /// Its `-wal`, `-shm` or `-journal` file (by name, or the same file).
    SideFile,
}

pub(super) const SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// The database `path` is the `-wal`, `-shm` or `-journal` of, when its
/// name says so and that database's file is there.
pub(crate) fn side_file_of(path: &Path) -> Option<PathBuf> {
    let text = path.to_str()?;
    SIDE_FILES.iter().find_map(|suffix| {
        let base = Path::new(text.strip_suffix(suffix)?);
        base.is_file().then(|| base.to_path_buf())
    })
}

/// Refuses another database's `-wal`, `-shm` or `-journal` given as a
/// database (open in any process, or left behind): SQLite would take it for
/// that database's own, and write into it.
pub(crate) fn refuse_side_file(path: &Path) -> Result<()> {
    match side_file_of(path) {
        Some(base) => Err(Error::NotMasthead {
            path: path.to_path_buf(),
            reason: format!(
                "it is the {} file of the database {}; open that instead",
                &path.to_string_lossy()[base.to_string_lossy().len()..],
                base.display()
            ),
        }),
        None => Ok(()),
    }
}

/// The `-wal`, `-shm` and `-journal` files beside `path` now.
pub(crate) fn side_files_beside(path: &Path) -> Vec<PathBuf> {
    SIDE_FILES
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .filter(|p| p.exists())
        .collect()
}

/// Whether `path` is a database this process has open through SQLite, or
/// one of its side files: a path nothing else of Masthead's may open.
pub(crate) fn held_here(path: &Path) -> Option<Held> {
    if !cfg!(unix) {
        return None;
    }
    let open = open_here();
    if open.is_empty() {
        return None;
    }
    let identity = FileIdentity::of(path);
    if identity.is_some() && open.iter().any(|o| Some(&o.identity) == identity.as_ref()) {
        return Some(Held::Database);
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = std::fs::canonicalize(parent).ok();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    for o in open.iter() {
        for suffix in SIDE_FILES {
            let mut side = o.path.as_os_str().to_owned();
            side.push(suffix);
            let side = PathBuf::from(side);
            let same_name = folder.as_deref() == side.parent()
                && name.as_deref() == side.file_name().and_then(|n| n.to_str());
            let same_file = identity.is_some() && FileIdentity::of(&side) == identity;
            if same_name || same_file {
                return Some(Held::SideFile);
            }
        }
    }
    None
}

/// Refuses `path` when it is a database this process has open, or one of
/// its side files: `what` says what it was wanted as.
pub(crate) fn refuse_held(path: &Path, field: &'static str, what: &str) -> Result<()> {
    match held_here(path) {
        None => Ok(()),
        Some(Held::Database) => Err(Error::invalid(
            "file_in_use",
            field,
            format!(
                "{} is the open database itself, so it cannot be {what}. Choose another file.",
                path.display()
            ),
        )),
        Some(Held::SideFile) => Err(Error::invalid(
            "file_in_use",
            field,
            format!(
                "{} belongs to the open database (SQLite keeps its recent saves there), so it cannot be {what}. Choose another file.",
                path.display()
            ),
        )),
    }
}

/// A non-empty file must start with SQLite's magic bytes; anything else is
/// refused before SQLite is allowed to touch it. What is not a plain file
/// (a folder, a named pipe, a device, a socket) is refused from its
/// metadata alone, without opening it (a pipe would wait forever). A file
/// this process already has open is not opened again.
pub(super) fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let refuse = |reason: &str| {
        Err(Error::NotMasthead {
            path: path.to_path_buf(),
            reason: reason.into(),
        })
    };
    refuse_side_file(path)?;
    // A new or empty file with a -wal or -shm beside it from something
    // else: SQLite would read that into it as its saves.
    if std::fs::metadata(path).map_or(true, |m| m.len() == 0)
        && let Some(leftover) = side_files_beside(path).first()
    {
        return refuse(&format!(
            "{} is beside it, left by another database; move it away or choose another name",
            leftover.display()
        ));
    }
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
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
    if meta.is_dir() {
        return refuse("it is a folder");
    }
    if !meta.is_file() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let kind = meta.file_type();
            if kind.is_fifo() {
                return refuse("it is a named pipe (FIFO), not a file");
            }
            if kind.is_char_device() || kind.is_block_device() {
                return refuse("it is a device, not a file");
            }
            if kind.is_socket() {
                return refuse("it is a socket, not a file");
            }
        }
        return refuse("it is not a plain file");
    }
    match held_here(path) {
        Some(Held::Database) => return Ok(()),
        Some(Held::SideFile) => {
            return refuse("it is the -wal, -shm or -journal file of a database Masthead has open");
        }
        None => {}
    }
    let mut file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
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
        refuse("it is not an SQLite file")
    }
}
