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
        "No {entity} matches \"{key}\". Check the spelling or use its id (see `{}`).",
        list_verb(entity)
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
    #[error(
        "{} changed \"{}\" ({}) after you opened it. Reload to see their version, or save again to keep yours.",
        who_and_when(&.0.changes), .0.name, fields_changed(&.0.changes)
    )]
    Conflict(Box<crate::model::Conflict>),
    #[error(
        "{} was moved, renamed or deleted while Masthead had it open, so nothing was saved. Open it again from where it is now (File › Open database…).",
        path.display()
    )]
    Moved { path: PathBuf },
    #[error(
        "The disk that holds {} is full, so nothing was saved. Free some space, then try again.",
        name(path)
    )]
    DiskFull { path: PathBuf },
    #[error(
        "{} cannot be written to (the file or its folder is read-only), so nothing was saved. Make it writable, or copy it somewhere you may write and open the copy.",
        name(path)
    )]
    ReadOnly { path: PathBuf },
    /// A UNIQUE constraint: the use case replaces it with its own wording.
    #[error("That name is already taken. Choose another.")]
    NotUnique,
    #[error(
        "Something this change refers to no longer exists (another window or person may have removed it), so nothing was saved. Reload and try again."
    )]
    ReferenceMissing { detail: String },
    #[error(
        "Masthead hit an unexpected database problem ({0}), so nothing was saved. Try again; if it keeps happening, report it with this message."
    )]
    Database(String),
    #[error(
        "Could not reach the team server {server} ({detail}). Check the address, the port and your network, then try again; nothing was changed."
    )]
    ServerUnreachable { server: String, detail: String },
    #[error(
        "The team server {server} lost the connection ({detail}), so this was not saved. Masthead reconnects on the next try; what you typed is still here."
    )]
    ConnectionLost { server: String, detail: String },
    #[error(
        "The team server {server} refused the login of {user} ({detail}). Check the user name and the password (or your ~/.pgpass), or ask an editor for new connection details."
    )]
    LoginRefused {
        server: String,
        user: String,
        detail: String,
    },
    #[error(
        "The team server {server} refused a secure connection ({detail}). Ask whoever runs it to turn TLS on, or check its certificate and PGSSLROOTCERT."
    )]
    TlsRefused { server: String, detail: String },
    #[error(
        "The team server {server} is busy with other people's saves and this one waited too long, so nothing was saved. Try again in a moment."
    )]
    ServerBusy { server: String },
    #[error(
        "Your login on the team server may not do this ({detail}). Ask an editor if you need it done."
    )]
    NotAllowed { detail: String },
    #[error(
        "The team server reported an unexpected problem ({0}), so nothing was saved. Try again; if it keeps happening, report it with this message."
    )]
    Server(String),
    /// Something that should not happen, said as it is.
    #[error(
        "Masthead met something unexpected ({0}), so nothing was saved. Try again; if it keeps happening, report it with this message."
    )]
    Unexpected(String),
    /// A file refused as a draft: it names the file and the reason.
    #[error("{0}")]
    Draft(#[from] masthead_text::ImportError),
}

fn who_and_when(changes: &[crate::model::HistoryEntry]) -> String {
    let mut people: Vec<&str> = Vec::new();
    for c in changes {
        if !people.contains(&c.actor.as_str()) {
            people.push(&c.actor);
        }
    }
    let when = changes
        .last()
        .map(|c| format!(" at {}", c.at.format("%Y-%m-%d %H:%M UTC")))
        .unwrap_or_default();
    if people.is_empty() {
        "Someone else".to_owned()
    } else {
        format!("{}{when}", people.join(" and "))
    }
}

fn fields_changed(changes: &[crate::model::HistoryEntry]) -> String {
    let mut fields: Vec<&str> = Vec::new();
    for c in changes {
        let f = match c.action.as_str() {
            "status" => "status",
            "updated" => crate::history::field_name(c.field.as_deref().unwrap_or("a field")),
            other => other,
        };
        if !fields.contains(&f) {
            fields.push(f);
        }
    }
    if fields.is_empty() {
        "it changed".to_owned()
    } else {
        fields.join(", ")
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
            Error::DiskFull { path } if path.as_os_str().is_empty() => Error::DiskFull {
                path: at.to_path_buf(),
            },
            Error::ReadOnly { path } if path.as_os_str().is_empty() => Error::ReadOnly {
                path: at.to_path_buf(),
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
            Error::Conflict(_) => "conflict",
            Error::Moved { .. } => "database_moved",
            Error::DiskFull { .. } => "disk_full",
            Error::ReadOnly { .. } => "read_only",
            Error::NotUnique => "duplicate",
            Error::ReferenceMissing { .. } => "reference_missing",
            Error::Database(_) => "internal",
            Error::ServerUnreachable { .. } => "server_unreachable",
            Error::ConnectionLost { .. } => "connection_lost",
            Error::LoginRefused { .. } => "login_refused",
            Error::TlsRefused { .. } => "tls_refused",
            Error::NotAllowed { .. } => "not_allowed",
            Error::ServerBusy { .. } => "server_busy",
            Error::Server(_) | Error::Unexpected(_) => "internal",
            Error::Draft(e) => e.code(),
        }
    }

    /// The input field the error is about, when there is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Invalid { field, .. } | Error::Duplicate { field, .. } => *field,
            Error::Draft(_) => Some("file"),
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
                | Error::Conflict(_)
                | Error::NotUnique
                | Error::ReferenceMissing { .. }
                | Error::Draft(_)
                | Error::LoginRefused { .. }
                | Error::NotAllowed { .. }
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

/// The verb that lists what `entity` names, as a user types it.
fn list_verb(entity: &str) -> &'static str {
    match entity {
        "advert" => "masthead advert list --edition EDITION",
        "article" | "piece" => "masthead article list --edition EDITION",
        "assignment" => "masthead assignment list",
        "contributor" => "masthead contributor list",
        "draft" => "masthead draft list --article PIECE",
        "edition" => "masthead edition list",
        "kind" => "masthead kind list",
        "publication" => "masthead publication list",
        "section" => "masthead section list",
        "slot" => "masthead flatplan show EDITION",
        "status" => "masthead workflow list",
        "team member" => "masthead team list",
        _ => "masthead --help",
    }
}

/// How an error crosses to the UI: the UI branches on `code`, shows
/// `message`, and puts it beside `field` when there is one.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
    /// With `code` "conflict": what the user saw and what changed since.
    pub conflict: Option<Box<crate::model::Conflict>>,
}

impl ErrorPayload {
    /// A refusal with its stable `code` and a message the user can act on,
    /// about no one field and with no conflict.
    pub fn new(code: &str, message: impl Into<String>) -> ErrorPayload {
        ErrorPayload {
            code: code.to_owned(),
            message: message.into(),
            field: None,
            conflict: None,
        }
    }
}

impl From<&Error> for ErrorPayload {
    fn from(e: &Error) -> Self {
        ErrorPayload {
            code: e.code().to_owned(),
            message: e.to_string(),
            field: e.field().map(str::to_owned),
            conflict: match e {
                Error::Conflict(c) => Some(c.clone()),
                _ => None,
            },
        }
    }
}
