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

type Reply<T> = Result<T, ErrorPayload>;

/// The user's calendar day: deadlines and "overdue" are worked out against it.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

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

#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Reply<Settings> {
    Ok(state.settings())
}

#[tauri::command]
pub async fn save_user_name(state: State<'_, AppState>, name: String) -> Reply<Settings> {
    state.save_user_name(&name)
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
        return Err(ErrorPayload {
            code: "not_on_a_server".into(),
            message: "A team server is backed up by whoever runs it, with PostgreSQL's tools (see the README). Back up a database file here.".into(),
            field: None,
            conflict: None,
        });
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
        return Err(ErrorPayload {
            code: "not_on_a_server".into(),
            message: "A team server is restored by whoever runs it, with PostgreSQL's tools (see the README). Restore a database file here.".into(),
            field: None,
            conflict: None,
        });
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
        return Err(ErrorPayload {
            code: "nothing_to_undo".into(),
            message: "There is no restore to undo in this window.".into(),
            field: None,
            conflict: None,
        });
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

#[tauri::command]
pub async fn list_publications(state: State<'_, AppState>) -> Reply<Vec<Publication>> {
    state.call(calls::list_publications())
}

#[tauri::command]
pub async fn create_publication(
    state: State<'_, AppState>,
    input: PublicationInput,
) -> Reply<Publication> {
    state.call(calls::create_publication(input))
}

#[tauri::command]
pub async fn list_sections(
    state: State<'_, AppState>,
    publication: PublicationId,
) -> Reply<Vec<Section>> {
    state.call(calls::list_sections(publication))
}

#[tauri::command]
pub async fn add_section(
    state: State<'_, AppState>,
    publication: PublicationId,
    name: String,
) -> Reply<Section> {
    state.call(calls::add_section(publication, name))
}

#[tauri::command]
pub async fn rename_section(
    state: State<'_, AppState>,
    id: SectionId,
    version: u32,
    name: String,
) -> Reply<Section> {
    state.call(calls::rename_section(id, version, name))
}

#[tauri::command]
pub async fn list_kinds(
    state: State<'_, AppState>,
    publication: PublicationId,
    with_retired: bool,
) -> Reply<Vec<Kind>> {
    state.call(calls::list_kinds(publication, with_retired))
}

#[tauri::command]
pub async fn add_kind(
    state: State<'_, AppState>,
    publication: PublicationId,
    name: String,
) -> Reply<Kind> {
    state.call(calls::add_kind(publication, name))
}

#[tauri::command]
pub async fn rename_kind(
    state: State<'_, AppState>,
    id: KindId,
    version: u32,
    name: String,
) -> Reply<Kind> {
    state.call(calls::rename_kind(id, version, name))
}

#[tauri::command]
pub async fn set_kind_retired(
    state: State<'_, AppState>,
    id: KindId,
    version: u32,
    retired: bool,
) -> Reply<Kind> {
    state.call(calls::set_kind_retired(id, version, retired))
}

#[tauri::command]
pub async fn workflow(state: State<'_, AppState>, publication: PublicationId) -> Reply<Workflow> {
    state.call(calls::workflow(publication))
}

#[tauri::command]
pub async fn list_editions(
    state: State<'_, AppState>,
    publication: Option<PublicationId>,
) -> Reply<Vec<Edition>> {
    state.call(calls::list_editions(publication))
}

#[tauri::command]
pub async fn get_edition(state: State<'_, AppState>, id: EditionId) -> Reply<Edition> {
    state.call(calls::edition(id))
}

#[tauri::command]
pub async fn create_edition(
    state: State<'_, AppState>,
    publication: PublicationId,
    input: EditionInput,
) -> Reply<Saved<Edition>> {
    state.call(calls::create_edition(publication, input))
}

#[tauri::command]
pub async fn update_edition(
    state: State<'_, AppState>,
    id: EditionId,
    version: u32,
    input: EditionInput,
) -> Reply<Saved<Edition>> {
    state.call(calls::update_edition(id, version, input))
}

#[tauri::command]
pub async fn edition_history(
    state: State<'_, AppState>,
    id: EditionId,
) -> Reply<Vec<HistoryEntry>> {
    state.call(calls::edition_history(id))
}

#[tauri::command]
pub async fn list_articles(state: State<'_, AppState>, edition: EditionId) -> Reply<Vec<Article>> {
    state.call(calls::list_articles(edition, today()))
}

#[tauri::command]
pub async fn article_detail(state: State<'_, AppState>, id: ArticleId) -> Reply<ArticleDetail> {
    state.call(calls::article_detail(id, today()))
}

#[tauri::command]
pub async fn add_article(
    state: State<'_, AppState>,
    edition: EditionId,
    input: ArticleInput,
) -> Reply<Article> {
    state.call(calls::add_article(edition, input))
}

#[tauri::command]
pub async fn update_article(
    state: State<'_, AppState>,
    id: ArticleId,
    version: u32,
    input: ArticleInput,
) -> Reply<Article> {
    state.call(calls::update_article(id, version, input))
}

/// Moves a piece from the version the user saw. The saved move is the
/// reply's success; the detail read after it is a separate call, so a failed
/// refresh is never mistaken for a failed move.
#[tauri::command]
pub async fn change_status(
    state: State<'_, AppState>,
    id: ArticleId,
    version: u32,
    to: StatusId,
) -> Reply<Article> {
    state.call(calls::change_status(id, version, to))
}

#[tauri::command]
pub async fn list_contributors(
    state: State<'_, AppState>,
    search: Option<String>,
) -> Reply<Vec<Contributor>> {
    state.call(calls::list_contributors(search))
}

#[tauri::command]
pub async fn add_contributor(
    state: State<'_, AppState>,
    input: ContributorInput,
) -> Reply<Contributor> {
    state.call(calls::add_contributor(input))
}

#[tauri::command]
pub async fn contributor_detail(
    state: State<'_, AppState>,
    id: ContributorId,
) -> Reply<ContributorDetail> {
    state.call(calls::contributor_detail(id))
}

#[tauri::command]
pub async fn update_contributor(
    state: State<'_, AppState>,
    id: ContributorId,
    version: u32,
    input: ContributorInput,
) -> Reply<Contributor> {
    state.call(calls::update_contributor(id, version, input))
}

#[tauri::command]
pub async fn commission(
    state: State<'_, AppState>,
    article: ArticleId,
    input: AssignmentInput,
) -> Reply<Saved<Assignment>> {
    state.call(calls::commission(article, input))
}

#[tauri::command]
pub async fn update_assignment(
    state: State<'_, AppState>,
    id: AssignmentId,
    version: u32,
    input: AssignmentInput,
) -> Reply<Saved<Assignment>> {
    state.call(calls::update_assignment(id, version, input))
}

#[tauri::command]
pub async fn answer_assignment(
    state: State<'_, AppState>,
    id: AssignmentId,
    version: u32,
    accepted: bool,
) -> Reply<Assignment> {
    state.call(calls::answer_assignment(id, version, accepted))
}

#[tauri::command]
pub async fn withdraw_assignment(
    state: State<'_, AppState>,
    id: AssignmentId,
    version: u32,
) -> Reply<Assignment> {
    state.call(calls::withdraw_assignment(id, version))
}

#[tauri::command]
pub async fn reassign(
    state: State<'_, AppState>,
    id: AssignmentId,
    version: u32,
    to: ContributorId,
) -> Reply<Saved<Assignment>> {
    state.call(calls::reassign(id, version, to))
}

#[tauri::command]
pub async fn board(
    state: State<'_, AppState>,
    publication: PublicationId,
    filter: BoardFilter,
) -> Reply<Board> {
    state.call(calls::board(publication, filter, today()))
}

#[tauri::command]
pub async fn add_status(
    state: State<'_, AppState>,
    publication: PublicationId,
    version: u32,
    after: StatusId,
    input: StatusInput,
) -> Reply<Workflow> {
    state.call(calls::add_status(publication, version, after, input))
}

#[tauri::command]
pub async fn update_status(
    state: State<'_, AppState>,
    id: StatusId,
    version: u32,
    input: StatusInput,
) -> Reply<Workflow> {
    state.call(calls::update_status(id, version, input))
}

#[tauri::command]
pub async fn reorder_status(
    state: State<'_, AppState>,
    id: StatusId,
    version: u32,
    position: u32,
) -> Reply<Workflow> {
    state.call(calls::reorder_status(id, version, position))
}

#[tauri::command]
pub async fn set_status_retired(
    state: State<'_, AppState>,
    id: StatusId,
    version: u32,
    retired: bool,
) -> Reply<Workflow> {
    state.call(calls::set_status_retired(id, version, retired))
}

#[tauri::command]
pub async fn delete_status(
    state: State<'_, AppState>,
    id: StatusId,
    version: u32,
) -> Reply<Workflow> {
    state.call(calls::delete_status(id, version))
}

#[tauri::command]
pub async fn set_move(
    state: State<'_, AppState>,
    from: StatusId,
    to: StatusId,
    version: u32,
    allowed: bool,
) -> Reply<Workflow> {
    state.call(calls::set_move(from, to, version, allowed))
}

#[tauri::command]
pub async fn set_initial_status(
    state: State<'_, AppState>,
    id: StatusId,
    version: u32,
) -> Reply<Workflow> {
    state.call(calls::set_initial_status(id, version))
}

#[tauri::command]
pub async fn commission_new_contributor(
    state: State<'_, AppState>,
    article: ArticleId,
    person: ContributorInput,
    input: AssignmentInput,
) -> Reply<Saved<Assignment>> {
    state.call(calls::commission_new_contributor(article, person, input))
}

#[tauri::command]
pub async fn flatplan(state: State<'_, AppState>, edition: EditionId) -> Reply<Flatplan> {
    state.call(calls::flatplan(edition))
}

#[tauri::command]
pub async fn place_article(
    state: State<'_, AppState>,
    article: ArticleId,
    place: Placement,
) -> Reply<Flatplan> {
    state.call(calls::place_article(article, place))
}

#[tauri::command]
pub async fn place_advert(
    state: State<'_, AppState>,
    advert: AdvertId,
    place: Placement,
) -> Reply<Flatplan> {
    state.call(calls::place_advert(advert, place))
}

#[tauri::command]
pub async fn move_slot(
    state: State<'_, AppState>,
    id: SlotId,
    version: u32,
    place: Placement,
) -> Reply<Flatplan> {
    state.call(calls::move_slot(id, version, place))
}

#[tauri::command]
pub async fn remove_slot(state: State<'_, AppState>, id: SlotId, version: u32) -> Reply<Flatplan> {
    state.call(calls::remove_slot(id, version))
}

#[tauri::command]
pub async fn add_advert(
    state: State<'_, AppState>,
    edition: EditionId,
    input: AdvertInput,
) -> Reply<Advert> {
    state.call(calls::add_advert(edition, input))
}

#[tauri::command]
pub async fn set_kind_words(
    state: State<'_, AppState>,
    id: KindId,
    version: u32,
    words: Option<u32>,
) -> Reply<Kind> {
    state.call(calls::set_kind_words(id, version, words))
}

#[tauri::command]
pub async fn create_edition_from(
    state: State<'_, AppState>,
    from: EditionId,
    input: EditionInput,
) -> Reply<Saved<Edition>> {
    state.call(calls::create_edition_from(from, input))
}

#[tauri::command]
pub async fn update_advert(
    state: State<'_, AppState>,
    id: AdvertId,
    version: u32,
    input: AdvertInput,
) -> Reply<Advert> {
    state.call(calls::update_advert(id, version, input))
}

#[tauri::command]
pub async fn list_adverts(state: State<'_, AppState>, edition: EditionId) -> Reply<Vec<Advert>> {
    state.call(calls::list_adverts(edition))
}

/// Records the file at `path` (chosen in the open dialog, or dropped on the
/// piece) as its next draft, written by `by` (default: its writer). The
/// file is read and turned into text before the store is taken, so other
/// commands (and other windows' refreshes) do not wait on a large file.
#[tauri::command]
pub async fn submit_draft(
    state: State<'_, AppState>,
    article: ArticleId,
    path: PathBuf,
    by: Option<ContributorId>,
) -> Reply<Saved<SubmittedDraft>> {
    let prepared = PreparedDraft::read(&path).map_err(|e| ErrorPayload::from(&e))?;
    state.call(calls::submit_prepared(article, prepared, by))
}

#[tauri::command]
pub async fn draft_text(
    state: State<'_, AppState>,
    article: ArticleId,
    version: Option<u32>,
) -> Reply<DraftText> {
    state.call(calls::draft_text(article, version))
}

/// Two versions compared word by word; the texts are read under the store's
/// lock, the comparison runs after it is let go.
#[tauri::command]
pub async fn draft_diff(
    state: State<'_, AppState>,
    article: ArticleId,
    from: u32,
    to: u32,
) -> Reply<DraftDiff> {
    let inputs = state.call(calls::draft_diff_inputs(article, from, to))?;
    Ok(inputs.compare())
}

/// Marks `draft` (a version number, or none) as the approved copy, from
/// `version`, the piece's version the user saw.
#[tauri::command]
pub async fn approve_draft(
    state: State<'_, AppState>,
    article: ArticleId,
    version: u32,
    draft: Option<u32>,
) -> Reply<Article> {
    state.call(calls::approve_draft(article, version, draft))
}

/// Saves a version where the user chooses in the native save dialog, shown
/// from here (the page never names a path to write): the file as sent, or
/// its text. Returns where it went, or nothing when the dialog was cancelled.
#[tauri::command]
pub async fn export_draft(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    article: ArticleId,
    draft: u32,
    format: DraftFormat,
) -> Reply<Option<PathBuf>> {
    use tauri_plugin_dialog::DialogExt;
    let file = state.call(calls::export_draft(article, draft, format))?;
    let extension = std::path::Path::new(&file.file_name)
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Save the draft")
        .set_file_name(&file.file_name);
    if !extension.is_empty() {
        dialog = dialog.add_filter(format!(".{extension} file"), &[extension.as_str()]);
    }
    let Some(chosen) = dialog.blocking_save_file() else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|e| ErrorPayload {
        code: "io".into(),
        message: format!(
            "That place cannot be written to ({e}). Choose a folder on this computer."
        ),
        field: None,
        conflict: None,
    })?;
    write_whole(&path, &file.bytes)?;
    Ok(Some(path))
}

/// Opens the file a version was submitted as in the program the system
/// uses for its type (Word, LibreOffice, a text editor), from a copy in
/// the user's own cache folder, new each time: the stored draft itself is
/// never touched, and no earlier copy is overwritten.
#[tauri::command]
pub async fn open_draft_original(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    article: ArticleId,
    draft: u32,
) -> Reply<PathBuf> {
    use tauri::Manager;
    let file = state.call(calls::draft_file(article, draft))?;
    let cache = app.path().app_cache_dir().map_err(|e| ErrorPayload {
        code: "io".into(),
        message: format!("Masthead has no cache folder to open the file from ({e})."),
        field: None,
        conflict: None,
    })?;
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S%3f");
    let dir = cache
        .join("originals")
        .join(format!("{article}-v{draft}-{stamp}"));
    let path = dir.join(&file.file_name);
    std::fs::create_dir_all(&dir)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
        })
        .and_then(|mut f| std::io::Write::write_all(&mut f, &file.bytes))
        .map_err(|e| io_error(&path, &e))?;
    open_with_system(&path).map_err(|e| ErrorPayload {
        code: "open_failed".into(),
        message: format!(
            "Masthead saved a copy of {} at {} but could not open it ({e}). Open it from there.",
            file.file_name,
            path.display()
        ),
        field: None,
        conflict: None,
    })?;
    Ok(path)
}

/// A file chosen in the native save dialog, shown from here over the main
/// window (the page never names a path to write); `None` when cancelled.
fn choose_file_to_save(
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
    chosen.into_path().map(Some).map_err(|e| ErrorPayload {
        code: "io".into(),
        message: format!(
            "That place cannot be written to ({e}). Choose a folder on this computer."
        ),
        field: None,
        conflict: None,
    })
}

/// A file chosen in the native open dialog (in `folder` when given), shown
/// from here over the main window; `None` when cancelled.
fn choose_file_to_open(
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
    chosen.into_path().map(Some).map_err(|e| ErrorPayload {
        code: "io".into(),
        message: format!("That file cannot be read ({e}). Choose a file on this computer."),
        field: None,
        conflict: None,
    })
}

/// The open database's file name without its extension, for a suggested
/// name ("masthead" on a team server).
fn database_stem(info: &DatabaseInfo) -> String {
    std::path::Path::new(&info.path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !info.server && !s.is_empty())
        .unwrap_or_else(|| "masthead".into())
}

/// Hands `path` to the desktop's opener. No shell reads the path: on
/// Windows Explorer takes it as one argument (a name with `&` in it is
/// a name, not a command).
fn open_with_system(path: &std::path::Path) -> std::io::Result<()> {
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

fn io_error(path: &std::path::Path, e: &std::io::Error) -> ErrorPayload {
    ErrorPayload {
        code: "io".into(),
        message: format!(
            "Could not write {}: {e}. Choose another folder and try again.",
            path.display()
        ),
        field: None,
        conflict: None,
    }
}

/// Exports an edition's plan: the PDF (`pdf`, on `paper` with `parts`) or
/// the run sheet as CSV (`csv`). The save dialog, shown from here over the
/// main window, suggests a name such as `PSE-Feb-Mar-21-plan.pdf`; once a
/// file is chosen the plan is read (under the store's lock) and laid out on
/// a blocking thread after the lock is let go. Returns where the file went,
/// or nothing when the dialog was cancelled.
#[tauri::command]
pub async fn export_plan(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    edition: EditionId,
    format: String,
    paper: String,
    parts: Vec<String>,
    colour: String,
) -> Reply<Option<PathBuf>> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let usage = |message: String| ErrorPayload {
        code: "invalid_export".into(),
        message,
        field: None,
        conflict: None,
    };
    let pdf = match format.as_str() {
        "pdf" => true,
        "csv" => false,
        other => {
            return Err(usage(format!(
                "\"{other}\" is not an export; use pdf or csv"
            )));
        }
    };
    let (paper, parts) = if pdf {
        (
            masthead_pdf::Paper::parse(&paper).ok_or_else(|| {
                usage(format!("\"{paper}\" is not a paper size; use a4 or letter"))
            })?,
            masthead_pdf::PdfOptions::parse_parts(&parts.join(","))
                .map_err(|e| usage(e.to_string()))?,
        )
    } else {
        (masthead_pdf::Paper::A4, Vec::new())
    };
    let named = state.call(calls::edition(edition))?;
    let (what, extension, filter) = if pdf {
        ("plan", "pdf", "PDF")
    } else {
        ("run sheet", "csv", "CSV (comma-separated)")
    };
    let name = masthead_core::export::plan_file_name(&named, what, extension);
    let mut dialog = app
        .dialog()
        .file()
        .set_title(if pdf {
            "Export the plan"
        } else {
            "Export the run sheet"
        })
        .set_file_name(&name)
        .add_filter(filter, &[extension]);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let Some(chosen) = dialog.blocking_save_file() else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|e| {
        usage(format!(
            "That place cannot be written to ({e}). Choose a folder on this computer."
        ))
    })?;
    // Read now, as the plan stands when the file is chosen.
    let today = masthead_pdf::default_today().map_err(|e| usage(e.to_string()))?;
    let plan = state.call(calls::edition_plan(edition, today))?;
    let bytes = if pdf {
        let options = masthead_pdf::PdfOptions {
            paper,
            parts,
            generated_at: masthead_pdf::generated_at().map_err(|e| usage(e.to_string()))?,
            colour_by: masthead_pdf::ColourBy::parse(&colour).ok_or_else(|| {
                usage(format!(
                    "\"{colour}\" is not a colouring; use status or section"
                ))
            })?,
        };
        tauri::async_runtime::spawn_blocking(move || masthead_pdf::render(&plan, &options))
            .await
            .map_err(|e| ErrorPayload {
                code: "export_failed".into(),
                message: format!("Making the PDF stopped unexpectedly ({e}). Try again."),
                field: None,
                conflict: None,
            })?
            .map_err(|e| ErrorPayload {
                code: "export_failed".into(),
                message: format!("The plan could not be made into a PDF: {e}"),
                field: None,
                conflict: None,
            })?
    } else {
        masthead_core::export::run_sheet_csv(&plan)
    };
    write_whole(&path, &bytes)?;
    state.remember_export(&path);
    Ok(Some(path))
}

/// Opens a file this window exported (and only such a file) in the
/// desktop's program for it.
#[tauri::command]
pub async fn open_export(state: State<'_, AppState>, path: PathBuf) -> Reply<()> {
    if !state.exported(&path) {
        return Err(ErrorPayload {
            code: "not_exported".into(),
            message: "Masthead opens only the files it exported in this session.".into(),
            field: None,
            conflict: None,
        });
    }
    open_with_system(&path).map_err(|e| ErrorPayload {
        code: "open_failed".into(),
        message: format!(
            "Could not open {} ({e}). Open it from its folder.",
            path.display()
        ),
        field: None,
        conflict: None,
    })
}

/// Writes `bytes` to `path` (the save dialog has asked before replacing a
/// file) without ever leaving half a file: under a temporary name beside
/// it, then renamed into place.
fn write_whole(path: &std::path::Path, bytes: &[u8]) -> Reply<()> {
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
