//! Notices changes another process (the CLI, another window) commits to the
//! open database, through SQLite's `PRAGMA data_version`, and tells the UI
//! with a `db-changed` event so it refreshes what it shows.

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};

use crate::AppState;

/// Often enough that a change shows within about a second; a poll is one
/// pragma on an idle connection.
const EVERY: Duration = Duration::from_millis(700);

pub fn start(app: AppHandle) {
    std::thread::Builder::new()
        .name("masthead-watch".into())
        .spawn(move || {
            loop {
                std::thread::sleep(EVERY);
                let state = app.state::<AppState>();
                // A busy store (a long write) is skipped, never waited for;
                // what changed meanwhile is seen at the next free look.
                if state.changed_elsewhere() == Some(true) {
                    let _ = app.emit("db-changed", ());
                }
            }
        })
        .expect("Masthead could not start its change watcher");
}
