//! The database itself: opening, connecting, the team, settings, backups, checks, exports of everything.

use super::*;

#[tauri::command]
pub async fn database_info(state: State<'_, AppState>) -> Reply<DatabaseInfo> {
    state.call(calls::info())
}

#[tauri::command]
pub async fn new_database(state: State<'_, AppState>, path: PathBuf) -> Reply<DatabaseInfo> {
    state.open(&path.display().to_string(), true)?;
    state.call(calls::info())
}

#[tauri::command]
pub async fn open_database(state: State<'_, AppState>, path: PathBuf) -> Reply<DatabaseInfo> {
    state.open(&path.display().to_string(), false)?;
    state.call(calls::info())
}

/// Connects to a team server; `remember` keeps the password in ~/.pgpass.
#[tauri::command]
pub async fn connect_server(
    state: State<'_, AppState>,
    url: String,
    password: Option<String>,
    remember: bool,
) -> Reply<DatabaseInfo> {
    state.connect(&url, password.as_deref(), remember)?;
    state.call(calls::info())
}

#[tauri::command]
pub async fn team_list(state: State<'_, AppState>) -> Reply<Vec<Person>> {
    state.call(calls::team())
}

#[tauri::command]
pub async fn team_invite(state: State<'_, AppState>, input: InviteInput) -> Reply<Invitation> {
    state.call(calls::invite(input))
}

#[tauri::command]
pub async fn team_set_role(
    state: State<'_, AppState>,
    id: PersonId,
    version: u32,
    role: TeamRole,
) -> Reply<Person> {
    state.call(calls::set_team_role(id, version, role))
}

#[tauri::command]
pub async fn team_remove(state: State<'_, AppState>, id: PersonId, version: u32) -> Reply<Person> {
    state.call(calls::remove_from_team(id, version))
}

/// The signed-in member's own assignments (on a server a contributor can
/// read no others anyway).
#[tauri::command]
pub async fn my_assignments(state: State<'_, AppState>) -> Reply<Vec<Assignment>> {
    state.call(calls::my_assignments())
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Reply<EditionId> {
    state.call(calls::load_demo())
}

/// The locale the window writes dates, numbers and money in, as a tag
/// (`en-GB`): the one the PDF follows, from the same environment (C and
/// POSIX give the unambiguous fallback).
#[tauri::command]
pub async fn app_locale() -> Reply<String> {
    Ok(masthead_core::locale::Locale::from_env().tag.to_owned())
}

/// The databases launches named that the window has still to open (a
/// double-click on a file while Masthead runs; a server named at start that
/// wants a password), oldest first; each is handed out once.
#[tauri::command]
pub async fn take_open_locations(queue: State<'_, crate::LaunchQueue>) -> Reply<Vec<String>> {
    Ok(queue.take())
}

/// Help › About: "0.1.0 (commit 0a40db12ad45)", what `masthead --version` says.
#[tauri::command]
pub async fn app_version() -> Reply<String> {
    Ok(masthead_version::LONG.to_owned())
}

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    Ok(state.settings())
}

#[tauri::command]
pub async fn save_user_name(state: State<'_, AppState>, name: String) -> Reply<Settings> {
    state.save_user_name(&name)
}

/// Settings › Contributors' page: its address and how long links last.
#[tauri::command]
pub async fn save_contributor_page(
    state: State<'_, AppState>,
    url: String,
    days: u32,
) -> Reply<Settings> {
    state.save_contributor_page(&url, days)
}

#[tauri::command]
pub async fn save_backups_kept(state: State<'_, AppState>, kept: u32) -> Reply<Settings> {
    state.save_backups_kept(kept)
}

/// File › Back up…: a backup of the open file where the user chooses in
/// the native save dialog (shown from here, so the page never names a path
/// to write), taken by the store process with SQLite's backup API. Nothing
/// when the dialog was cancelled.
#[tauri::command]
pub async fn backup_database(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<BackupMade>> {
    let info = state.call(calls::info())?;
    if info.server {
        return Err(ErrorPayload::new(
            "not_on_a_server",
            "A team server is backed up by whoever runs it, with PostgreSQL's tools (see the README). Back up a database file here.",
        ));
    }
    let name = format!("{}-backup-{}.db", database_stem(&info), today());
    let Some(path) = choose_file_to_save(
        &app,
        "Back up the database",
        &name,
        "Masthead database",
        &["db"],
    )?
    else {
        return Ok(None);
    };
    state.call(calls::backup_to(path)).map(Some)
}

/// File › Restore from backup…: the backup chosen in the native open
/// dialog (in the daily backups' folder) replaces the open file's
/// contents; what it held is set aside beside it first. Nothing when the
/// dialog was cancelled.
#[tauri::command]
pub async fn restore_database(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<Restored>> {
    if state.call(calls::info())?.server {
        return Err(ErrorPayload::new(
            "not_on_a_server",
            "A team server is restored by whoever runs it, with PostgreSQL's tools (see the README). Restore a database file here.",
        ));
    }
    let backups = masthead_core::config::backups_dir();
    let Some(path) = choose_file_to_open(
        &app,
        "Restore from a backup",
        "Masthead database",
        &["db"],
        Some(&backups),
    )?
    else {
        return Ok(None);
    };
    let restored = state.call(calls::restore_from(path))?;
    state.remember_set_aside(Some(PathBuf::from(&restored.set_aside)));
    Ok(Some(restored))
}

/// Undo of the last restore in this window: what it set aside is restored
/// (and what the restore brought is set aside in its turn, never deleted).
#[tauri::command]
pub async fn undo_restore(state: State<'_, AppState>) -> Reply<Restored> {
    let Some(set_aside) = state.set_aside() else {
        return Err(ErrorPayload::new(
            "nothing_to_undo",
            "There is no restore to undo in this window.",
        ));
    };
    let restored = state.call(calls::restore_from(set_aside))?;
    state.remember_set_aside(None);
    Ok(restored)
}

/// Settings › Check the database: SQLite's checks and Masthead's rules.
#[tauri::command]
pub async fn check_database(state: State<'_, AppState>) -> Reply<CheckReport> {
    state.call(calls::check())
}

/// Settings › Export everything…: the whole database as JSON Lines where
/// the user chooses in the native save dialog. Nothing when cancelled.
#[tauri::command]
pub async fn export_everything(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<ExportMade>> {
    let info = state.call(calls::info())?;
    let name = format!("{}-{}.jsonl", database_stem(&info), today());
    let Some(path) = choose_file_to_save(
        &app,
        "Export everything",
        &name,
        "Masthead export (JSON Lines)",
        &["jsonl"],
    )?
    else {
        return Ok(None);
    };
    state.call(calls::export_json_to(path)).map(Some)
}

/// Settings › Import an export…: an export chosen in the native open dialog,
/// read into the open database, which must be empty. Nothing when cancelled.
#[tauri::command]
pub async fn import_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Reply<Option<masthead_core::ImportSummary>> {
    let Some(path) = choose_file_to_open(
        &app,
        "Import an export",
        "Masthead export (JSON Lines)",
        &["jsonl", "json"],
        None,
    )?
    else {
        return Ok(None);
    };
    state.call(calls::import_json_from(path)).map(Some)
}

#[tauri::command]
pub async fn save_single_key_shortcuts(
    state: State<'_, AppState>,
    enabled: bool,
) -> Reply<Settings> {
    state.save_single_key_shortcuts(enabled)
}
