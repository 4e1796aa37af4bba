//! Notices changes another process (the CLI, another window, another
//! desktop on the team server) commits to the open database and tells the UI
//! with a `db-changed` event so it refreshes what it shows.
//!
//! A file is polled (`PRAGMA data_version`, asked of its store process,
//! which is started again here if it died). A team server is heard: a
//! `ChangeListener` on its own connection wakes at once when anyone
//! commits, and tells this app's own commits (by their server process) from
//! others'. Nothing about the server is asked while holding the app's store,
//! so a slow or vanished server never freezes a command. When the server
//! cannot be reached the UI is told (`db-connection` with the reason), and
//! told again when it is back (`db-connection` with null, then a refresh
//! for what changed meanwhile).

use std::time::Duration;

use masthead_core::ChangeListener;
use tauri::{AppHandle, Emitter, Manager};

use crate::AppState;

/// Often enough that a change on a file shows within about a second; a poll
/// is one pragma on an idle connection. Also how long a listener waits
/// before looking again at which database is open.
const EVERY: Duration = Duration::from_millis(700);

/// Errors that mean the server is out of reach (not a refusal).
fn out_of_reach(code: &str) -> bool {
    matches!(code, "connection_lost" | "server_unreachable")
}

struct Watcher {
    app: AppHandle,
    listener: Option<ChangeListener>,
    offline: bool,
    /// The app's own connection's server process, last known.
    own: Option<i32>,
}

impl Watcher {
    fn set_offline(&mut self, why: Option<String>) {
        match (why, self.offline) {
            (Some(why), false) => {
                self.offline = true;
                let _ = self.app.emit("db-connection", Some(why));
            }
            (None, true) => {
                self.offline = false;
                let _ = self.app.emit("db-connection", None::<String>);
            }
            _ => {}
        }
    }

    fn changed(&self) {
        let _ = self.app.emit("db-changed", ());
    }

    /// One look at a team server.
    fn server(&mut self, server: &masthead_core::ServerLocation) {
        let name = server.to_string();
        if self.listener.as_ref().map(|l| l.server().to_string()) != Some(name.clone()) {
            match AppState::listener(server) {
                Ok(listener) => {
                    self.listener = Some(listener);
                    self.set_offline(None);
                    // What was committed before it listened is shown too.
                    self.changed();
                }
                Err(e) => {
                    self.listener = None;
                    if out_of_reach(&e.code) {
                        self.set_offline(Some(format!(
                            "the team server {name} cannot be reached."
                        )));
                    }
                    std::thread::sleep(EVERY);
                    return;
                }
            }
        }
        if let Some(pid) = self.app.state::<AppState>().connection_pid() {
            self.own = Some(pid);
        }
        let own = self.own;
        if let Some(listener) = self.listener.as_mut() {
            match listener.wait(EVERY, own) {
                Ok(true) => self.changed(),
                Ok(false) => {}
                // Made again at the next look; said offline if it cannot be.
                Err(_) => self.listener = None,
            }
        }
    }

    /// One look at a file. The look asks the store process, and starts it
    /// again if it died: the window is then told (`db-restarted`) and
    /// refreshes; while it cannot be started, the window says why.
    fn file(&mut self) {
        self.listener = None;
        std::thread::sleep(EVERY);
        // A busy store (a long write) is skipped, never waited for; what
        // changed meanwhile is seen at the next free look.
        match self.app.state::<AppState>().look() {
            Some(Ok(look)) => {
                self.set_offline(None);
                if look.restarted {
                    let _ = self.app.emit("db-restarted", ());
                }
                if look.changed {
                    self.changed();
                }
            }
            Some(Err(e)) => self.set_offline(Some(format!(
                "Masthead's store stopped and cannot be started again ({})",
                e.message
            ))),
            None => {}
        }
    }
}

pub fn start(app: AppHandle) {
    std::thread::Builder::new()
        .name("masthead-watch".into())
        .spawn(move || {
            let mut watcher = Watcher {
                app,
                listener: None,
                offline: false,
                own: None,
            };
            loop {
                let open = watcher.app.state::<AppState>().server();
                match open {
                    Some(Some(server)) => watcher.server(&server),
                    Some(None) => watcher.file(),
                    // A command holds the store: look again shortly.
                    None => std::thread::sleep(Duration::from_millis(100)),
                }
            }
        })
        .expect("Masthead could not start its change watcher");
}
