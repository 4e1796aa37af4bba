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

/// At most one refresh a second, whatever arrives: a burst of commits (or
/// a login sending notifications in a loop) makes one refresh now and one
/// when the second is up, never a storm.
const AT_MOST_EVERY: Duration = Duration::from_secs(1);

/// Coalesces change notices: `notice` says whether to tell the window now;
/// one held back is told by `due` once the second is up.
#[derive(Debug, Default)]
struct Coalescer {
    last: Option<std::time::Instant>,
    held: bool,
}

impl Coalescer {
    fn notice(&mut self, now: std::time::Instant) -> bool {
        match self.last {
            Some(last) if now.duration_since(last) < AT_MOST_EVERY => {
                self.held = true;
                false
            }
            _ => {
                self.last = Some(now);
                self.held = false;
                true
            }
        }
    }

    fn due(&mut self, now: std::time::Instant) -> bool {
        self.held && self.notice(now)
    }
}

struct Watcher {
    coalescer: Coalescer,
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

    fn changed(&mut self) {
        if self.coalescer.notice(std::time::Instant::now()) {
            let _ = self.app.emit("db-changed", ());
        }
    }

    /// Tells the window of a change held back, once its second is up.
    fn catch_up(&mut self) {
        if self.coalescer.due(std::time::Instant::now()) {
            let _ = self.app.emit("db-changed", ());
        }
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
                coalescer: Coalescer::default(),
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
                watcher.catch_up();
            }
        })
        .expect("Masthead could not start its change watcher");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// A storm of notices makes one refresh at once and one more when the
    /// second is up; a quiet second makes none; a notice after a quiet
    /// second goes through at once.
    #[test]
    fn notices_become_at_most_one_refresh_a_second() {
        let mut c = Coalescer::default();
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        assert!(c.notice(at(0)), "the first goes through");
        let storm = (1..500).filter(|i| c.notice(at(*i))).count();
        assert_eq!(storm, 0, "the rest of the second is held");
        assert!(!c.due(at(900)), "not before the second is up");
        assert!(c.due(at(1000)), "the held one, when it is");
        assert!(!c.due(at(1500)), "nothing more is held");
        assert!(!c.due(at(3000)));
        assert!(c.notice(at(3000)), "after a quiet spell, at once");
    }
}
