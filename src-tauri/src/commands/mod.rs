//! One command per user action; each is a call to one use case.
//! They are `async` so Tauri runs them off the main thread: a database
//! another program holds busy (up to the busy timeout) never freezes the window.

use std::path::PathBuf;

use masthead_core::config::Settings;
use masthead_core::model::*;
use masthead_core::service::calls;
use masthead_core::{ErrorPayload, PreparedDraft};
use tauri::State;

use crate::AppState;

pub(crate) type Reply<T> = Result<T, ErrorPayload>;

pub mod calendar;
pub mod database;
pub mod drafts;
pub mod exports;
pub mod flatplan;
pub mod pieces;
pub mod plan;
pub mod trash;

/// The user's calendar day: deadlines and "overdue" are worked out against it.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// A file chosen in the native save dialog, shown from here over the main
/// window (the page never names a path to write); `None` when cancelled.
pub(crate) fn choose_file_to_save(
    app: &tauri::AppHandle,
    title: &str,
    name: &str,
    filter: &str,
    extensions: &[&str],
) -> Reply<Option<PathBuf>> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(name)
        .add_filter(filter, extensions);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let Some(chosen) = dialog.blocking_save_file() else {
        return Ok(None);
    };
    chosen.into_path().map(Some).map_err(|e| {
        ErrorPayload::new(
            "io",
            format!("That place cannot be written to ({e}). Choose a folder on this computer."),
        )
    })
}

/// A file chosen in the native open dialog (in `folder` when given), shown
/// from here over the main window; `None` when cancelled.
pub(crate) fn choose_file_to_open(
    app: &tauri::AppHandle,
    title: &str,
    filter: &str,
    extensions: &[&str],
    folder: Option<&std::path::Path>,
) -> Reply<Option<PathBuf>> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let mut dialog = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter(filter, extensions);
    if let Some(folder) = folder.filter(|f| f.is_dir()) {
        dialog = dialog.set_directory(folder);
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let Some(chosen) = dialog.blocking_pick_file() else {
        return Ok(None);
    };
    chosen.into_path().map(Some).map_err(|e| {
        ErrorPayload::new(
            "io",
            format!("That file cannot be read ({e}). Choose a file on this computer."),
        )
    })
}

/// The open database's file name without its extension, for a suggested
/// name ("masthead" on a team server).
pub(crate) fn database_stem(info: &DatabaseInfo) -> String {
    std::path::Path::new(&info.path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !info.server && !s.is_empty())
        .unwrap_or_else(|| "masthead".into())
}

/// Hands `path` to the desktop's opener. No shell reads the path: on
/// Windows Explorer takes it as one argument (a name with `&` in it is
/// a name, not a command).
pub(crate) fn open_with_system(path: &std::path::Path) -> std::io::Result<()> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}

pub(crate) fn io_error(path: &std::path::Path, e: &std::io::Error) -> ErrorPayload {
    ErrorPayload::new(
        "io",
        format!(
            "Could not write {}: {e}. Choose another folder and try again.",
            path.display()
        ),
    )
}

/// Writes `bytes` to `path` (the save dialog has asked before replacing a
/// file) without ever leaving half a file: under a temporary name beside
/// it, then renamed into place.
pub(crate) fn write_whole(path: &std::path::Path, bytes: &[u8]) -> Reply<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let part = path.with_file_name(format!(".{name}.{}.part", std::process::id()));
    std::fs::write(&part, bytes)
        .and_then(|()| std::fs::rename(&part, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&part);
            io_error(path, &e)
        })
}
