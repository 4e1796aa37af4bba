//! The one error type of the core. Every variant has a stable `code` that the
//! UI and the CLI branch on, and a message that tells the user what to do.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule: an empty name, a page count of zero, dates out
    /// of order. `code` is stable (e.g. `name_required`), `field` names the
    /// input field so the UI can show the message beside it.
    #[error("{message}")]
    Invalid {
        code: String,
        field: Option<&'static str>,
        message: String,
    },
    #[error(
        "No {entity} matches \"{key}\". Check the spelling or use its id (see `{entity} list`)."
    )]
    NotFound { entity: &'static str, key: String },
    #[error("\"{key}\" matches {count} {entity}s. Use the id instead: {ids}.")]
    Ambiguous {
        entity: &'static str,
        key: String,
        count: usize,
        ids: String,
    },
    #[error("{message}")]
    Duplicate {
        field: Option<&'static str>,
        message: String,
    },
    #[error(
        "A piece cannot move from \"{from}\" to \"{to}\". From \"{from}\" it can go to: {allowed}."
    )]
    TransitionNotAllowed {
        from: String,
        to: String,
        allowed: String,
    },
    #[error(
        "The demo edition is already in this database. Open it from Editions, or create a new database to load the demo again."
    )]
    DemoPresent,
    #[error(
        "{path} was made by a newer Masthead (schema version {found}; this app knows up to {supported}). Update Masthead to open it; the file was not changed."
    )]
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "{path} is not a Masthead database ({reason}). Choose a Masthead .db file or create a new database; the file was not changed."
    )]
    NotMasthead { path: PathBuf, reason: String },
    #[error("{path} already exists. Choose a new file name, or use Open database… to open it.")]
    FileExists { path: PathBuf },
    #[error(
        "{} is in use by another program and stayed locked. Close the other program (or other Masthead window) and try again.",
        name(path)
    )]
    Locked { path: PathBuf },
    #[error(
        "{} is damaged ({detail}). Nothing was deleted: restore it from a backup, or create a new database.",
        name(path)
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "Could not use {path}: {source}. Check that the folder exists and that you may write to it."
    )]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("Unexpected database error: {0}. Nothing was saved; please report this.")]
    Sqlite(rusqlite::Error),
}

/// Busy and damaged files get their own clear errors wherever SQLite reports
/// them; `Store` fills in the path where it knows it.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Error::Locked {
                    path: PathBuf::new(),
                }
            }
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                Error::Corrupt {
                    path: PathBuf::new(),
                    detail: e.to_string(),
                }
            }
            _ => Error::Sqlite(e),
        }
    }
}

/// How messages name a database file; "The database" when the path is unknown.
fn name(path: &std::path::Path) -> String {
    if path.as_os_str().is_empty() {
        "The database".to_owned()
    } else {
        path.display().to_string()
    }
}

impl Error {
    /// Fills in the database's path on errors that name it.
    pub(crate) fn at_path(self, at: &std::path::Path) -> Self {
        match self {
            Error::Locked { path } if path.as_os_str().is_empty() => Error::Locked {
                path: at.to_path_buf(),
            },
            Error::Corrupt { path, detail } if path.as_os_str().is_empty() => Error::Corrupt {
                path: at.to_path_buf(),
                detail,
            },
            other => other,
        }
    }

    /// A stable, machine-readable identifier for the kind of failure.
    pub fn code(&self) -> &str {
        match self {
            Error::Invalid { code, .. } => code,
            Error::NotFound { .. } => "not_found",
            Error::Ambiguous { .. } => "ambiguous",
            Error::Duplicate { .. } => "duplicate",
            Error::TransitionNotAllowed { .. } => "transition_not_allowed",
            Error::DemoPresent => "demo_present",
            Error::DatabaseTooNew { .. } => "database_too_new",
            Error::NotMasthead { .. } => "not_a_masthead_database",
            Error::FileExists { .. } => "file_exists",
            Error::Locked { .. } => "database_locked",
            Error::Corrupt { .. } => "database_corrupt",
            Error::Io { .. } => "io",
            Error::Sqlite(_) => "internal",
        }
    }

    /// The input field the error is about, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } | Error::Duplicate { field, .. } => *field,
            _ => None,
        }
    }

    /// True when the user can fix the problem by changing what they typed or
    /// chose (the CLI exits 2 for these), false for environmental failures.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            Error::Invalid { .. }
                | Error::NotFound { .. }
                | Error::Ambiguous { .. }
                | Error::Duplicate { .. }
                | Error::TransitionNotAllowed { .. }
                | Error::DemoPresent
                | Error::DatabaseTooNew { .. }
                | Error::NotMasthead { .. }
                | Error::FileExists { .. }
        )
    }

    pub(crate) fn invalid(
        code: impl Into<String>,
        field: impl Into<Option<&'static str>>,
        message: impl Into<String>,
    ) -> Self {
        Error::Invalid {
            code: code.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

/// How an error crosses to the UI: the UI branches on `code`, shows
/// `message`, and puts it beside `field` when there is one.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.code().to_owned(),
            message: e.to_string(),
            field: e.field().map(str::to_owned),
        }
    }
}
