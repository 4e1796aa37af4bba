//! `Store`: an open Masthead database. Every use case is a method on it and
//! runs inside one transaction from [`Store::read`] or [`Store::write`].

use std::path::Path;

use crate::error::{Error, Result};
use crate::storage::postgres::PgBackend;
use crate::storage::sqlite::{MIGRATIONS, SqliteBackend};
use crate::storage::{Backend, Tx};

pub use crate::storage::postgres::{ChangeListener, ServerLocation};

pub use crate::storage::sqlite::{APPLICATION_ID, OpenOptions};

/// The schema version this build of Masthead writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An open Masthead database. All use cases are methods on it.
pub struct Store {
    backend: Box<dyn Backend>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.backend.location())
            .finish()
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
        let backend = SqliteBackend::open(path.as_ref(), options, MIGRATIONS)?;
        Ok(Store {
            backend: Box::new(backend),
        })
    }

    /// Opens a database file that must already be one: a missing file is
    /// refused, and so is an empty (0-byte) one, which only `init`, `demo`
    /// or New database… turn into a database.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        crate::storage::sqlite::refuse_side_file(path)?;
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "there is no file there (was it moved or deleted?)",
                ),
            }),
            Ok(meta) if meta.is_file() && meta.len() == 0 => Err(Error::NotMasthead {
                path: path.to_path_buf(),
                reason:
                    "it is empty (0 bytes); `masthead --db FILE init` makes a new database there"
                        .into(),
            }),
            _ => Self::open(path),
        }
    }

    /// Opens an existing database file to read only, as it is: never
    /// upgraded, never written (`check` and `backup` of a file that may be
    /// an older backup). Refuses what `open_existing` refuses.
    pub fn open_unchanged(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if let Ok(meta) = std::fs::metadata(path)
            && meta.is_file()
            && meta.len() == 0
        {
            return Self::open_existing(path);
        }
        if !path.exists() {
            return Self::open_existing(path);
        }
        let backend = SqliteBackend::open_unchanged(path, &OpenOptions::default(), SCHEMA_VERSION)?;
        Ok(Store {
            backend: Box::new(backend),
        })
    }

    /// Opens a database given as the user typed it: a `postgres://` URL
    /// names a team server, anything else a file.
    pub fn open_location(location: &str) -> Result<Store> {
        if ServerLocation::is_server(location) {
            Self::open_server(&ServerLocation::parse(location)?)
        } else {
            Self::open(location)
        }
    }

    /// Connects to a team server, creating Masthead's schema on an empty
    /// database and bringing an older one up to date (under an advisory
    /// lock, so two clients starting at once never migrate twice). Refuses,
    /// untouched, a database with another program's tables or from a newer
    /// Masthead.
    pub fn open_server(location: &ServerLocation) -> Result<Store> {
        let backend = PgBackend::open(location)?;
        Ok(Store {
            backend: Box::new(backend),
        })
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
        let (is_empty, has_demo) = self.read(|tx| {
            let publications = tx.publications()?;
            let has_demo = match publications
                .iter()
                .find(|p| p.name == crate::usecases::DEMO_PUBLICATION)
            {
                Some(p) => tx
                    .editions(Some(p.id))?
                    .iter()
                    .any(|e| e.name == crate::usecases::DEMO_EDITION),
                None => false,
            };
            Ok((publications.is_empty(), has_demo))
        })?;
        Ok(crate::model::DatabaseInfo {
            // A server by the address to connect to again (its TLS mode
            // included), never with the password.
            path: match self.server() {
                Some(server) => server.url_for(server.user()),
                None => self.path().display().to_string(),
            },
            schema_version: self.schema_version()? as u32,
            is_empty,
            has_demo,
            server: self.server().is_some(),
            member: self.signed_in()?,
        })
    }

    /// The team server this store is connected to (with the login used),
    /// or `None` for a file.
    pub fn server(&self) -> Option<&ServerLocation> {
        self.backend.server()
    }

    /// On a team server, the server process of this store's connection.
    pub fn connection_pid(&self) -> Option<i32> {
        self.backend.connection_pid()
    }

    pub fn path(&self) -> &Path {
        self.backend.location()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.backend.schema_version()
    }

    /// Changes whenever another connection (another window, the CLI) commits
    /// to this database; the app polls it to refresh what it shows.
    pub fn data_version(&self) -> Result<i64> {
        self.backend.data_version()
    }

    pub(crate) fn backend(&self) -> &dyn Backend {
        &*self.backend
    }

    pub(crate) fn backend_mut(&mut self) -> &mut dyn Backend {
        &mut *self.backend
    }

    /// Runs `f` on a consistent snapshot of the database.
    pub(crate) fn read<T>(&self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let path = self.path().to_path_buf();
        let mut tx = self.backend.read().map_err(|e| e.at_path(&path))?;
        // Nothing to save: dropping the transaction ends it.
        f(&mut tx).map_err(|e| e.at_path(&path))
    }

    /// Runs `f` inside one write transaction: all of it is saved, or none.
    /// The transaction is a guard: an error, a failed COMMIT or a panic in
    /// `f` rolls it back, and the store stays usable for the next call.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let path = self.path().to_path_buf();
        let mut tx = self.backend.write().map_err(|e| e.at_path(&path))?;
        let value = f(&mut tx).map_err(|e| e.at_path(&path))?;
        tx.commit().map_err(|e| e.at_path(&path))?;
        Ok(value)
    }

    #[cfg(test)]
    pub(crate) fn limit_pages_for_test(&self, extra: Option<u64>) {
        self.backend.limit_pages(extra);
    }
}
