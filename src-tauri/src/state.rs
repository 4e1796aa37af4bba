//! What the app holds between commands: the open store (if any), the
//! settings file, and why the last open failed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use masthead_core::config::{self, Settings};
use masthead_core::{Actor, ChangeListener, Error, ErrorPayload, ServerLocation, Store};

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

pub struct AppState {
    inner: Mutex<Inner>,
    settings_path: PathBuf,
    /// The open database's path and the `data_version` last seen, from the
    /// moment it was opened: a change another process commits before the
    /// watcher's first look is still a change (see `watch.rs`).
    seen: Mutex<Option<(String, i64)>>,
    /// Files exported in this session: the only ones `open_export` opens.
    exports: Mutex<Vec<PathBuf>>,
}

struct Inner {
    store: Option<Store>,
    /// On a team server, the signed-in member's name: the history's "who".
    member: Option<String>,
    settings: Settings,
    /// The failure of the last attempt to open a database, shown by the UI.
    open_error: Option<ErrorPayload>,
}

impl AppState {
    /// Opens `$MASTHEAD_DB`, else the last database, else the default one.
    pub fn start() -> AppState {
        let settings_path = std::env::var_os("MASTHEAD_SETTINGS")
            .map(PathBuf::from)
            .unwrap_or_else(config::settings_path);
        let settings = Settings::load(&settings_path);
        let location = std::env::var("MASTHEAD_DB")
            .ok()
            .or_else(|| {
                settings
                    .last_database
                    .clone()
                    .filter(|p| ServerLocation::is_server(p) || Path::new(p).exists())
            })
            .unwrap_or_else(|| config::default_database().display().to_string());
        let state = AppState {
            inner: Mutex::new(Inner {
                store: None,
                member: None,
                settings,
                open_error: None,
            }),
            settings_path,
            seen: Mutex::new(None),
            exports: Mutex::new(Vec::new()),
        };
        if !ServerLocation::is_server(&location)
            && let Some(dir) = Path::new(&location).parent()
        {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = state.open(&location, false);
        state
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Opens (or with `create`, creates) a database file, or connects to a
    /// team server (a `postgres://` URL), and makes it current; on failure
    /// the current database stays open.
    pub fn open(&self, location: &str, create: bool) -> Result<(), ErrorPayload> {
        // All of it blocking: opening, and dropping the store it replaces
        // (a server's client blocks as it closes).
        blocking(|| {
            let opened = if ServerLocation::is_server(location) {
                Store::open_location(location)
            } else if create {
                Store::create(location)
            } else {
                Store::open(location)
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
            self.make_current(opened)
        })
    }

    /// Makes `opened` the current store. Call inside [`blocking`]: the store
    /// it replaces is dropped here.
    fn make_current(&self, opened: masthead_core::Result<Store>) -> Result<(), ErrorPayload> {
        let opened = opened.and_then(|store| {
            let member = store.signed_in()?.map(|p| p.name);
            Ok((store, member))
        });
        let mut inner = self.lock();
        match opened {
            Ok((store, member)) => {
                let version = store.data_version().ok();
                *self.seen.lock().unwrap_or_else(|e| e.into_inner()) =
                    version.map(|v| (store.path().display().to_string(), v));
                // A server is remembered by its address and login, never its password.
                let remembered = match store.server() {
                    Some(server) => server.url_for(server.user()),
                    None => store.path().display().to_string(),
                };
                inner.store = Some(store);
                inner.member = member;
                inner.open_error = None;
                inner.settings.last_database = Some(remembered);
                // Remembering the last database is a convenience; failing to
                // save it must not fail the open.
                let _ = inner.settings.save(&self.settings_path);
                Ok(())
            }
            Err(e) => {
                let payload = ErrorPayload::from(&e);
                inner.open_error = Some(payload.clone());
                Err(payload)
            }
        }
    }

    /// Runs a read or a use case against the open store, as the current user.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store, &Actor) -> masthead_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let mut inner = self.lock();
        // On a team server the history records the signed-in member (the
        // server sets it too); on a file, the name the user set.
        let actor = match &inner.member {
            Some(name) => Actor::new(name).unwrap_or_else(|_| inner.settings.actor()),
            None => inner.settings.actor(),
        };
        match inner.store.as_mut() {
            Some(store) => blocking(|| f(store, &actor)).map_err(|e| ErrorPayload::from(&e)),
            None => Err(inner.open_error.clone().unwrap_or_else(|| ErrorPayload {
                code: "no_database".into(),
                message: "No database is open. Use File › Open database… or File › New database…"
                    .into(),
                field: None,
                conflict: None,
            })),
        }
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

    /// Whether another process committed since the last call (or since the
    /// database was opened): compares the `data_version` now with the one
    /// last seen. `None` while a command holds the store (never waited for)
    /// or with none open; the error when the team server cannot be reached.
    pub fn changed_elsewhere(&self) -> Option<Result<bool, ErrorPayload>> {
        let now = match self.data_version()? {
            Ok(now) => now,
            Err(e) => return Some(Err(e)),
        };
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let changed = matches!(&*seen, Some((path, v)) if *path == now.0 && *v != now.1);
        *seen = Some(now);
        Some(Ok(changed))
    }

    /// The open database's path and `data_version`, when the store is free
    /// (`None` while a command holds it, or with no database open).
    pub fn data_version(&self) -> Option<Result<(String, i64), ErrorPayload>> {
        let inner = match self.inner.try_lock() {
            Ok(inner) => inner,
            Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return None,
        };
        let store = inner.store.as_ref()?;
        Some(
            store
                .data_version()
                .map(|v| (store.path().display().to_string(), v))
                .map_err(|e| ErrorPayload::from(&e)),
        )
    }

    /// The open team server's address (with the login), or `Some(None)` for
    /// a file or nothing open; `None` while a command holds the store.
    pub fn server(&self) -> Option<Option<ServerLocation>> {
        let inner = match self.inner.try_lock() {
            Ok(inner) => inner,
            Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return None,
        };
        Some(inner.store.as_ref().and_then(|s| s.server().cloned()))
    }

    /// A listener for `server`'s commits (made without holding the store).
    pub fn listener(server: &ServerLocation) -> Result<ChangeListener, ErrorPayload> {
        ChangeListener::connect(server).map_err(|e| ErrorPayload::from(&e))
    }

    /// The server process of the open store's connection; `None` while a
    /// command holds the store, or for a file.
    pub fn connection_pid(&self) -> Option<i32> {
        let inner = self.inner.try_lock().ok()?;
        inner.store.as_ref()?.connection_pid()
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
mod tests {
    use super::*;

    fn state_on(dir: &Path) -> AppState {
        let state = AppState {
            inner: Mutex::new(Inner {
                store: None,
                member: None,
                settings: Settings::default(),
                open_error: None,
            }),
            settings_path: dir.join("settings.json"),
            seen: Mutex::new(None),
            exports: Mutex::new(Vec::new()),
        };
        state
            .open(&dir.join("m.db").display().to_string(), true)
            .expect("a new database");
        state
    }

    /// Switching from a team server to a file from a command (on an async
    /// worker) closes the server's connection without panicking: its client
    /// blocks as it closes.
    #[tokio::test(flavor = "multi_thread")]
    async fn a_server_gives_way_to_a_file_from_a_command() {
        let url = tokio::task::spawn_blocking(|| {
            let url = masthead_pgtest::cluster().empty_database();
            blocking(|| Store::open_location(&url).map(drop)).expect("the schema");
            url
        })
        .await
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let state = state_on(dir.path());
        state.open(&url, false).expect("the server");
        assert!(state.with(|s, _| Ok(s.server().is_some())).unwrap());
        let file = dir.path().join("after.db").display().to_string();
        state.open(&file, true).expect("a file after the server");
        assert!(state.with(|s, _| Ok(s.server().is_none())).unwrap());
        state.open(&url, false).expect("the server again");
        drop(tokio::task::spawn_blocking(move || drop(state)).await);
    }

    /// A commit by another process right after the app opened the database,
    /// before the watcher's first look, still counts as a change (it once
    /// went unseen, and the window kept showing the old data).
    #[test]
    fn a_change_before_the_first_look_is_seen_once() {
        let dir = std::env::temp_dir().join(format!("masthead-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let state = state_on(&dir);
        let mut other = Store::open(dir.join("m.db")).expect("a second connection");
        other
            .create_publication(
                &Actor::new("CLI").unwrap(),
                &masthead_core::model::PublicationInput {
                    name: "PSE".into(),
                    frequency: "Monthly".into(),
                    is_print: true,
                },
            )
            .unwrap();
        assert_eq!(state.changed_elsewhere(), Some(Ok(true)));
        assert_eq!(state.changed_elsewhere(), Some(Ok(false)));
        // The app's own writes are not "elsewhere".
        state
            .with(|s, who| {
                s.create_publication(
                    who,
                    &masthead_core::model::PublicationInput {
                        name: "Other".into(),
                        frequency: "Monthly".into(),
                        is_print: true,
                    },
                )
            })
            .unwrap();
        assert_eq!(state.changed_elsewhere(), Some(Ok(false)));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
