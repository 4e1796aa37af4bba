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
    /// Opens `$MASTHEAD_DB`, else the last database, else the default one.
    pub fn start() -> AppState {
        let settings_path = std::env::var_os("MASTHEAD_SETTINGS")
            .map(PathBuf::from)
            .unwrap_or_else(config::settings_path);
        let settings = Settings::load(&settings_path);
        // The last database must still be one (a file emptied since is not
        // made into a new database); $MASTHEAD_DB and the default are made
        // when missing.
        let (location, mode) = match std::env::var("MASTHEAD_DB").ok() {
            Some(named) => (named, OpenMode::Any),
            None => match settings
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
        if !ServerLocation::is_server(&location)
            && let Some(dir) = Path::new(&location).parent()
        {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = state.open_as(&location, mode);
        state
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
                // Once a day, when a file opens. A failed backup must not
                // stop the work; it is said where the app's messages go.
                let today = chrono::Local::now().date_naive();
                if let Err(e) = store.call(
                    &anyone,
                    calls::daily_backup(self.backups.clone(), kept, today),
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
            None => Err(inner.open_error.clone().unwrap_or_else(|| ErrorPayload {
                code: "no_database".into(),
                message: "No database is open. Use File › Open database… or File › New database…"
                    .into(),
                field: None,
                conflict: None,
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
mod tests {
    use super::*;
    use masthead_core::model::PublicationInput;
    use std::process::Command;

    fn state_on(dir: &Path) -> AppState {
        let binary = store_binary();
        assert!(
            binary.exists(),
            "the store program {} is not built: run `cargo build` (or `cargo test` for the whole workspace) first",
            binary.display()
        );
        let state = AppState::empty(
            dir.join("settings.json"),
            Settings::default(),
            dir.join("backups"),
        );
        state
            .open(&dir.join("m.db").display().to_string(), true)
            .expect("a new database");
        state
    }

    fn publication(name: &str) -> PublicationInput {
        PublicationInput {
            name: name.into(),
            frequency: "Monthly".into(),
            is_print: true,
        }
    }

    /// `masthead --db DB ARGS…`, as another program on the same desktop.
    fn cli(db: &Path, args: &[&str]) -> String {
        let out = Command::new(store_binary())
            .arg("--db")
            .arg(db)
            .args(args)
            .env("MASTHEAD_USER", "CLI")
            .output()
            .expect("the CLI runs");
        assert!(
            out.status.success(),
            "masthead {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// What a GTK file chooser listing the database's folder does: opens
    /// and closes each of the database's files, in this process.
    fn open_and_close_behind_sqlites_back(db: &Path) {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            if let Ok(mut file) = std::fs::File::open(&name) {
                let mut byte = [0u8; 1];
                let _ = std::io::Read::read(&mut file, &mut byte);
            }
        }
    }

    /// Kills `pid` and waits until it has exited (a zombie, or gone).
    /// Another program on the desktop reads the database, then saves to it.
    fn the_cli_reads_and_writes(db: &Path) {
        cli(db, &["publication", "list"]);
        cli(
            db,
            &[
                "publication",
                "add",
                "--name",
                "From the CLI",
                "--frequency",
                "Monthly",
            ],
        );
    }

    fn kill(pid: u32) {
        let status = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        for _ in 0..500 {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            // The state follows the name in parentheses: Z once it has exited.
            let state = stat.rsplit(')').next().unwrap_or("").trim_start();
            if stat.is_empty() || state.starts_with('Z') || state.starts_with('X') {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("{pid} did not die");
    }

    /// Issue 16's defect, without a window. In the app's process the
    /// database's files are opened and closed by other code (as the GTK
    /// file chooser does); the CLI then reads and writes, and the app saves
    /// again. Every save must be there afterwards, even when the app's
    /// store ends without closing.
    #[cfg(unix)]
    #[test]
    fn a_file_dialog_in_the_app_loses_no_save() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_on(dir.path());
        let db = dir.path().join("m.db");
        state
            .call(calls::create_publication(publication("Before the dialog")))
            .expect("the first save");
        open_and_close_behind_sqlites_back(&db);
        the_cli_reads_and_writes(&db);
        state
            .call(calls::create_publication(publication("After the dialog")))
            .expect("the second save");
        // The app ends without closing its store.
        kill(state.store_pid().expect("a store process"));
        let listed = cli(&db, &["publication", "list", "--json"]);
        for name in ["Before the dialog", "From the CLI", "After the dialog"] {
            assert!(listed.contains(name), "{name} is lost: {listed}");
        }
    }

    /// The same steps with the connection in the process that opens and
    /// closes the files (the app before issue 16) lose the second save:
    /// proof that the test above can fail, and why the store has a
    /// process of its own.
    #[cfg(unix)]
    #[test]
    fn the_same_steps_lose_a_save_beside_a_connection_in_the_same_process() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("m.db");
        let mut store = Store::create(&db).unwrap();
        let who = Actor::new("App").unwrap();
        store
            .create_publication(&who, &publication("Before the dialog"))
            .unwrap();
        open_and_close_behind_sqlites_back(&db);
        the_cli_reads_and_writes(&db);
        store
            .create_publication(&who, &publication("After the dialog"))
            .expect("SQLite confirms the save");
        let listed = cli(&db, &["publication", "list", "--json"]);
        assert!(
            !listed.contains("After the dialog"),
            "the hazard did not reproduce: {listed}"
        );
        // Never closed, as when the app quits: its WAL was deleted anyway.
        std::mem::forget(store);
    }

    /// A store process that dies is started again: a read goes through, a
    /// write that never reached it is sent to the new one, and the
    /// watcher's look says it restarted. (A write it died on is reported,
    /// never repeated: `crates/masthead-core/tests/it/store_process.rs`.)
    #[cfg(unix)]
    #[test]
    fn a_store_that_dies_is_started_again() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_on(dir.path());
        state
            .call(calls::create_publication(publication("Before")))
            .unwrap();
        assert_eq!(
            state.look(),
            Some(Ok(FileLook {
                changed: false,
                restarted: false
            }))
        );
        let first = state.store_pid().unwrap();
        kill(first);
        let listed = state
            .call(calls::list_publications())
            .expect("a read after a crash");
        assert_eq!(listed.len(), 1);
        let second = state.store_pid().unwrap();
        assert_ne!(first, second);
        kill(second);
        // It died idle: the write never reached it, so it is sent again to
        // the store started in its place, and saved once.
        state
            .call(calls::create_publication(publication("While it was down")))
            .expect("a write sent again to a new store");
        let look = state.look().unwrap().unwrap();
        assert!(look.restarted && look.changed);
        let names: Vec<String> = state
            .call(calls::list_publications())
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Before", "While it was down"]);
        state
            .call(calls::create_publication(publication("After")))
            .expect("a write after the restart");
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
        assert!(matches!(state.server(), Some(Some(_))));
        let file = dir.path().join("after.db").display().to_string();
        state.open(&file, true).expect("a file after the server");
        assert!(matches!(state.server(), Some(None)));
        assert!(state.store_pid().is_some());
        state.open(&url, false).expect("the server again");
        assert!(state.store_pid().is_none());
        drop(tokio::task::spawn_blocking(move || drop(state)).await);
    }

    /// A commit by another process right after the app opened the database,
    /// before the watcher's first look, still counts as a change (it once
    /// went unseen, and the window kept showing the old data).
    #[test]
    fn a_change_before_the_first_look_is_seen_once() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_on(dir.path());
        let mut other = Store::open(dir.path().join("m.db")).expect("a second connection");
        other
            .create_publication(&Actor::new("CLI").unwrap(), &publication("PSE"))
            .unwrap();
        assert_eq!(state.changed_elsewhere(), Some(Ok(true)));
        assert_eq!(state.changed_elsewhere(), Some(Ok(false)));
        // The app's own writes are not "elsewhere".
        state
            .call(calls::create_publication(publication("Other")))
            .unwrap();
        assert_eq!(state.changed_elsewhere(), Some(Ok(false)));
    }
}
