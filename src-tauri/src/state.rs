//! What the app holds between commands: the open store (if any), the
//! settings file, and why the last open failed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use masthead_core::config::{self, Settings};
use masthead_core::service::{Call, OpenMode, StoreProcess, calls, decode, store_binary};
use masthead_core::{Actor, ChangeListener, Error, ErrorPayload, ServerLocation, Store};
use serde::de::DeserializeOwned;

/// Runs blocking database work from a command. Commands run on the async
/// runtime's workers, and the team server's client (`postgres`) blocks on a
/// runtime of its own, which tokio refuses inside a worker unless the
/// worker is told it is blocking (`block_in_place`); elsewhere (the watcher
/// thread, tests, start-up) it runs as it is.
pub fn blocking<T>(f: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(h) if h.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(f)
        }
        _ => f(),
    }
}

/// The open database, as the app holds it.
enum Open {
    /// A file, served by a `masthead serve-store` process of its own: this
    /// process, where GTK, WebKit and the dialogs run, never holds a SQLite
    /// connection, so nothing they open and close can drop its locks.
    File(StoreProcess),
    /// A team server, connected from this process (no file locks to lose;
    /// the watcher's listener needs its connection's server process).
    Server(Store),
}

impl Open {
    fn call<T: DeserializeOwned>(
        &mut self,
        actor: &Actor,
        call: Call<T>,
    ) -> Result<T, ErrorPayload> {
        match self {
            Open::File(process) => process.call(actor, call),
            Open::Server(store) => {
                let name = call.request.name();
                let value = call
                    .request
                    .run(store, actor)
                    .map_err(|e| ErrorPayload::from(&e))?;
                decode(name, value)
            }
        }
    }

    /// The file's path, or the server's address without a password.
    fn location(&self) -> String {
        match self {
            Open::File(process) => process.path().display().to_string(),
            Open::Server(store) => store.path().display().to_string(),
        }
    }
}

pub struct AppState {
    inner: Mutex<Inner>,
    settings_path: PathBuf,
    /// The open database's path and the `data_version` last seen, from the
    /// moment it was opened: a change another process commits before the
    /// watcher's first look is still a change (see `watch.rs`).
    seen: Mutex<Option<(String, i64)>>,
    /// Files exported in this session: the only ones `open_export` opens.
    exports: Mutex<Vec<PathBuf>>,
    /// The store process's restarts the watcher has seen.
    restarts: Mutex<u32>,
    /// Where the daily backups go (a folder per database inside).
    backups: PathBuf,
    /// What the last restore in this window set aside: Undo restores it.
    set_aside: Mutex<Option<PathBuf>>,
}

/// Databases launches named that the UI has still to open: a second
/// launch's file (a double-click while Masthead runs), or a server named at
/// start that wants a password. Managed before anything else, since a
/// second launch can arrive while the app is still opening its database.
#[derive(Default)]
pub struct LaunchQueue(Mutex<Vec<String>>);

impl LaunchQueue {
    pub fn push(&self, location: String) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(location);
    }

    /// What is queued, oldest first, emptying the queue.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

struct Inner {
    store: Option<Open>,
    /// On a team server, the signed-in member's name: the history's "who".
    member: Option<String>,
    settings: Settings,
    /// The failure of the last attempt to open a database, shown by the UI.
    open_error: Option<ErrorPayload>,
}

/// What the watcher learns from one look at an open file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLook {
    /// Another process committed since the last look.
    pub changed: bool,
    /// The store process was started again since the last look.
    pub restarted: bool,
}

impl AppState {
    /// Opens the database the launch named (`masthead-app FILE|URL`: it
    /// must exist), else `$MASTHEAD_DB`, else the last database, else the
    /// default one. Also hands back a server the launch named that did not
    /// open (a password, most often), for the UI to ask about by its address.
    pub fn start(requested: Option<String>) -> (AppState, Option<String>) {
        let settings_path = std::env::var_os("MASTHEAD_SETTINGS")
            .map(PathBuf::from)
            .unwrap_or_else(config::settings_path);
        let settings = Settings::load(&settings_path);
        // The last database must still be one (a file emptied since is not
        // made into a new database); $MASTHEAD_DB and the default are made
        // when missing.
        let named = std::env::var("MASTHEAD_DB").ok();
        let launched = requested.is_some();
        let (location, mode) = match (requested, named) {
            (Some(requested), _) => (requested, OpenMode::Existing),
            (None, Some(named)) => (named, OpenMode::Any),
            (None, None) => match settings
                .last_database
                .clone()
                .filter(|p| ServerLocation::is_server(p) || Path::new(p).exists())
            {
                Some(last) => (last, OpenMode::Existing),
                None => (
                    config::default_database().display().to_string(),
                    OpenMode::Any,
                ),
            },
        };
        let state = AppState::empty(settings_path, settings, config::backups_dir());
        if mode == OpenMode::Any
            && !ServerLocation::is_server(&location)
            && let Some(dir) = Path::new(&location).parent()
        {
            let _ = std::fs::create_dir_all(dir);
        }
        let opened = state.open_as(&location, mode);
        let refused_server = (opened.is_err() && launched && ServerLocation::is_server(&location))
            .then_some(location);
        (state, refused_server)
    }

    fn empty(settings_path: PathBuf, settings: Settings, backups: PathBuf) -> AppState {
        AppState {
            inner: Mutex::new(Inner {
                store: None,
                member: None,
                settings,
                open_error: None,
            }),
            settings_path,
            seen: Mutex::new(None),
            exports: Mutex::new(Vec::new()),
            restarts: Mutex::new(0),
            backups,
            set_aside: Mutex::new(None),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Opens (or with `create`, creates) a database file, or connects to a
    /// team server (a `postgres://` URL), and makes it current; on failure
    /// the current database stays open.
    pub fn open(&self, location: &str, create: bool) -> Result<(), ErrorPayload> {
        let mode = if create {
            OpenMode::New
        } else {
            OpenMode::Existing
        };
        self.open_as(location, mode)
    }

    fn open_as(&self, location: &str, mode: OpenMode) -> Result<(), ErrorPayload> {
        // All of it blocking: opening, and dropping the store it replaces
        // (a server's client blocks as it closes; a store process is waited for).
        blocking(|| {
            let opened = if ServerLocation::is_server(location) {
                Store::open_location(location)
                    .map(Open::Server)
                    .map_err(|e| ErrorPayload::from(&e))
            } else {
                StoreProcess::open(&store_binary(), Path::new(location), mode).map(Open::File)
            };
            self.make_current(opened)
        })
    }

    /// Connects to a team server with `password` (else the password file's),
    /// first keeping the password in ~/.pgpass when asked to `remember` it.
    pub fn connect(
        &self,
        url: &str,
        password: Option<&str>,
        remember: bool,
    ) -> Result<(), ErrorPayload> {
        let fail = |e: Error| ErrorPayload::from(&e);
        let location = ServerLocation::parse(url).map_err(fail)?;
        let location = match password {
            Some(p) => location.with_password(p),
            None => location,
        };
        blocking(|| {
            let opened = Store::open_server(&location);
            if let (Ok(_), Some(p), true) = (&opened, password, remember) {
                location.remember_password(p).map_err(fail)?;
            }
            self.make_current(opened.map(Open::Server).map_err(fail))
        })
    }

    /// Makes `opened` the current store. Call inside [`blocking`]: the store
    /// it replaces is dropped here.
    fn make_current(&self, opened: Result<Open, ErrorPayload>) -> Result<(), ErrorPayload> {
        let anyone = Actor::from_os();
        let kept = self.lock().settings.backups_kept;
        let opened = opened.and_then(|mut store| {
            let member = store.call(&anyone, calls::signed_in())?.map(|p| p.name);
            if let Open::File(_) = store {
                // Once a day, when a file opens, on the store's own thread:
                // the window does not wait for it. A failed backup must not
                // stop the work; it is said where the app's messages go.
                let today = chrono::Local::now().date_naive();
                if let Err(e) = store.call(
                    &anyone,
                    calls::start_daily_backup(self.backups.clone(), kept, today),
                ) {
                    eprintln!("masthead: today's backup was not taken: {}", e.message);
                }
            }
            let version = store.call(&anyone, calls::data_version()).ok();
            Ok((store, member, version))
        });
        let mut inner = self.lock();
        match opened {
            Ok((store, member, version)) => {
                let location = store.location();
                *self.seen.lock().unwrap_or_else(|e| e.into_inner()) =
                    version.map(|v| (location.clone(), v));
                // A server is remembered by its address and login, never its password.
                let remembered = match &store {
                    Open::Server(store) => store
                        .server()
                        .map(|server| server.url_for(server.user()))
                        .unwrap_or(location),
                    Open::File(_) => location,
                };
                *self.restarts.lock().unwrap_or_else(|e| e.into_inner()) = 0;
                inner.store = Some(store);
                inner.member = member;
                inner.open_error = None;
                inner.settings.last_database = Some(remembered);
                // Remembering the last database is a convenience; failing to
                // save it must not fail the open.
                let _ = inner.settings.save(&self.settings_path);
                Ok(())
            }
            Err(payload) => {
                inner.open_error = Some(payload.clone());
                Err(payload)
            }
        }
    }

    fn actor(inner: &Inner) -> Actor {
        // On a team server the history records the signed-in member (the
        // server sets it too); on a file, the name the user set.
        match &inner.member {
            Some(name) => Actor::new(name).unwrap_or_else(|_| inner.settings.actor()),
            None => inner.settings.actor(),
        }
    }

    /// Runs one call of the store's (a read or a use case) as the current user.
    pub fn call<T: DeserializeOwned>(&self, call: Call<T>) -> Result<T, ErrorPayload> {
        let mut inner = self.lock();
        let actor = Self::actor(&inner);
        match inner.store.as_mut() {
            Some(store) => blocking(|| store.call(&actor, call)),
            None => Err(inner.open_error.clone().unwrap_or_else(|| {
                ErrorPayload::new(
                    "no_database",
                    "No database is open. Use File › Open database… or File › New database…",
                )
            })),
        }
    }

    /// Remembers what a restore set aside (or forgets it: `None`).
    pub fn remember_set_aside(&self, path: Option<PathBuf>) {
        *self.set_aside.lock().unwrap_or_else(|e| e.into_inner()) = path;
    }

    /// What the last restore in this window set aside, if any.
    pub fn set_aside(&self) -> Option<PathBuf> {
        self.set_aside
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub fn remember_export(&self, path: &Path) {
        self.exports
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(path.to_path_buf());
    }

    pub fn exported(&self, path: &Path) -> bool {
        self.exports
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .any(|p| p == path)
    }

    /// One look at the open file: whether another process committed since
    /// the last look (or since the database was opened), comparing the
    /// `data_version` now with the one last seen, and whether the store
    /// process had to be started again. `None` while a command holds the
    /// store (never waited for) or with none open; the error when the store
    /// cannot be started again.
    pub fn look(&self) -> Option<Result<FileLook, ErrorPayload>> {
        let mut inner = match self.inner.try_lock() {
            Ok(inner) => inner,
            Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return None,
        };
        let actor = Self::actor(&inner);
        let store = inner.store.as_mut()?;
        let location = store.location();
        let version = blocking(|| store.call(&actor, calls::data_version()));
        let restarts = match store {
            Open::File(process) => process.restarts(),
            Open::Server(_) => 0,
        };
        drop(inner);
        let mut seen_restarts = self.restarts.lock().unwrap_or_else(|e| e.into_inner());
        let restarted = restarts != *seen_restarts;
        *seen_restarts = restarts;
        let now = match version {
            Ok(v) => (location, v),
            Err(e) => return Some(Err(e)),
        };
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let changed =
            restarted || matches!(&*seen, Some((path, v)) if *path == now.0 && *v != now.1);
        *seen = Some(now);
        Some(Ok(FileLook { changed, restarted }))
    }

    /// Whether another process committed since the last look; see [`look`].
    pub fn changed_elsewhere(&self) -> Option<Result<bool, ErrorPayload>> {
        self.look().map(|look| look.map(|l| l.changed))
    }

    /// The open team server's address (with the login), or `Some(None)` for
    /// a file or nothing open; `None` while a command holds the store.
    pub fn server(&self) -> Option<Option<ServerLocation>> {
        let inner = match self.inner.try_lock() {
            Ok(inner) => inner,
            Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return None,
        };
        Some(match inner.store.as_ref() {
            Some(Open::Server(store)) => store.server().cloned(),
            _ => None,
        })
    }

    /// A listener for `server`'s commits (made without holding the store).
    pub fn listener(server: &ServerLocation) -> Result<ChangeListener, ErrorPayload> {
        ChangeListener::connect(server).map_err(|e| ErrorPayload::from(&e))
    }

    /// The server process of the open store's connection; `None` while a
    /// command holds the store, or for a file.
    pub fn connection_pid(&self) -> Option<i32> {
        let inner = self.inner.try_lock().ok()?;
        match inner.store.as_ref()? {
            Open::Server(store) => store.connection_pid(),
            Open::File(_) => None,
        }
    }

    /// The store process serving the open file, while it runs.
    pub fn store_pid(&self) -> Option<u32> {
        match self.lock().store.as_ref()? {
            Open::File(process) => process.pid(),
            Open::Server(_) => None,
        }
    }

    pub fn settings(&self) -> Settings {
        let inner = self.lock();
        let mut settings = inner.settings.clone();
        if settings.user_name.trim().is_empty() {
            settings.user_name = Actor::from_os().name().to_owned();
        }
        settings
    }

    pub fn save_single_key_shortcuts(&self, enabled: bool) -> Result<Settings, ErrorPayload> {
        let mut inner = self.lock();
        inner.settings.single_key_shortcuts = enabled;
        inner
            .settings
            .save(&self.settings_path)
            .map_err(|e: Error| ErrorPayload::from(&e))?;
        Ok(inner.settings.clone())
    }

    /// Settings › Contributors' page: where contributors reach it (empty:
    /// not known) and how many days a new link lasts; both checked first.
    pub fn save_contributor_page(&self, url: &str, days: u32) -> Result<Settings, ErrorPayload> {
        let mut inner = self.lock();
        let mut settings = inner.settings.clone();
        settings
            .set_contributor_page_url(url)
            .and_then(|()| settings.set_link_days(days))
            .map_err(|e| ErrorPayload::from(&e))?;
        settings
            .save(&self.settings_path)
            .map_err(|e: Error| ErrorPayload::from(&e))?;
        inner.settings = settings;
        Ok(inner.settings.clone())
    }

    pub fn save_backups_kept(&self, kept: u32) -> Result<Settings, ErrorPayload> {
        let mut inner = self.lock();
        inner
            .settings
            .set_backups_kept(kept)
            .map_err(|e| ErrorPayload::from(&e))?;
        inner
            .settings
            .save(&self.settings_path)
            .map_err(|e: Error| ErrorPayload::from(&e))?;
        Ok(inner.settings.clone())
    }

    pub fn save_user_name(&self, name: &str) -> Result<Settings, ErrorPayload> {
        let actor = Actor::new(name).map_err(|e| ErrorPayload::from(&e))?;
        let mut inner = self.lock();
        inner.settings.user_name = actor.name().to_owned();
        inner
            .settings
            .save(&self.settings_path)
            .map_err(|e: Error| ErrorPayload::from(&e))?;
        Ok(inner.settings.clone())
    }
}

#[cfg(test)]
mod tests;
