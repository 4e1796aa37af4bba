//! Notices changes another process (the CLI, another window, another
//! desktop on the team server) commits to the open database and tells the UI
//! with a `db-changed` event so it refreshes what it shows. A file is
//! polled (`PRAGMA data_version`); a team server is heard (`LISTEN`: a
//! commit wakes the watcher at once), with the same check after each wake.
//! When the server cannot be reached the UI is told (`db-connection` with
//! the reason) and told again when it is back (`db-connection` with null).

use std::time::Duration;

use masthead_core::ChangeListener;
use tauri::{AppHandle, Emitter, Manager};

use crate::AppState;

/// Often enough that a change shows within about a second; a poll is one
/// cheap query on an idle connection.
const EVERY: Duration = Duration::from_millis(700);

/// Errors that mean the server is out of reach (not a refusal).
fn out_of_reach(code: &str) -> bool {
    matches!(code, "connection_lost" | "server_unreachable")
}

pub fn start(app: AppHandle) {
    std::thread::Builder::new()
        .name("masthead-watch".into())
        .spawn(move || {
            let mut listener: Option<ChangeListener> = None;
            let mut offline = false;
            loop {
                match listener.as_mut().map(|l| l.wait(EVERY)) {
                    Some(Ok(_)) => {}
                    Some(Err(_)) => {
                        listener = None;
                        std::thread::sleep(EVERY);
                    }
                    None => std::thread::sleep(EVERY),
                }
                let state = app.state::<AppState>();
                // A busy store (a long write) is skipped, never waited for;
                // what changed meanwhile is seen at the next free look.
                match state.changed_elsewhere() {
                    Some(Ok(changed)) => {
                        if offline {
                            offline = false;
                            let _ = app.emit("db-connection", None::<String>);
                        }
                        if changed {
                            let _ = app.emit("db-changed", ());
                        }
                    }
                    Some(Err(e)) if out_of_reach(&e.code) => {
                        if !offline {
                            offline = true;
                            let server = state
                                .server()
                                .flatten()
                                .map(|s| format!(" {s}"))
                                .unwrap_or_default();
                            let _ = app.emit(
                                "db-connection",
                                Some(format!("the team server{server} cannot be reached.")),
                            );
                        }
                        listener = None;
                    }
                    _ => {}
                }
                // Listen to the server that is open now (another may have
                // been opened since), or to none for a file.
                if let Some(server) = state.server() {
                    let now = server.as_ref().map(|s| s.to_string());
                    let listening = listener.as_ref().map(|l| l.server().to_string());
                    if now != listening {
                        listener = server.as_ref().and_then(AppState::listener);
                    }
                }
            }
        })
        .expect("Masthead could not start its change watcher");
}
