//! One command per user action; each is a call to one use case.
//! They are `async` so Tauri runs them off the main thread: a database
//! another program holds busy (up to the busy timeout) never freezes the window.

use std::path::PathBuf;

use masthead_core::ErrorPayload;
use masthead_core::config::Settings;
use masthead_core::model::*;
use tauri::State;

use crate::AppState;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn database_info(state: State<'_, AppState>) -> Reply<DatabaseInfo> {
    state.with(|s, _| s.info())
}

#[tauri::command]
pub async fn new_database(state: State<'_, AppState>, path: PathBuf) -> Reply<DatabaseInfo> {
    state.open(&path, true)?;
    state.with(|s, _| s.info())
}

#[tauri::command]
pub async fn open_database(state: State<'_, AppState>, path: PathBuf) -> Reply<DatabaseInfo> {
    state.open(&path, false)?;
    state.with(|s, _| s.info())
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Reply<EditionId> {
    state.with(|s, who| s.load_demo(who))
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
pub async fn save_single_key_shortcuts(
    state: State<'_, AppState>,
    enabled: bool,
) -> Reply<Settings> {
    state.save_single_key_shortcuts(enabled)
}

#[tauri::command]
pub async fn list_publications(state: State<'_, AppState>) -> Reply<Vec<Publication>> {
    state.with(|s, _| s.list_publications())
}

#[tauri::command]
pub async fn create_publication(
    state: State<'_, AppState>,
    input: PublicationInput,
) -> Reply<Publication> {
    state.with(|s, who| s.create_publication(who, &input))
}

#[tauri::command]
pub async fn list_sections(
    state: State<'_, AppState>,
    publication: PublicationId,
) -> Reply<Vec<Section>> {
    state.with(|s, _| s.list_sections(publication))
}

#[tauri::command]
pub async fn add_section(
    state: State<'_, AppState>,
    publication: PublicationId,
    name: String,
) -> Reply<Section> {
    state.with(|s, who| s.add_section(who, publication, &name))
}

#[tauri::command]
pub async fn rename_section(
    state: State<'_, AppState>,
    id: SectionId,
    version: u32,
    name: String,
) -> Reply<Section> {
    state.with(|s, who| s.rename_section(who, id, Some(version), &name))
}

#[tauri::command]
pub async fn list_kinds(
    state: State<'_, AppState>,
    publication: PublicationId,
    with_retired: bool,
) -> Reply<Vec<Kind>> {
    state.with(|s, _| s.list_kinds(publication, with_retired))
}

#[tauri::command]
pub async fn add_kind(
    state: State<'_, AppState>,
    publication: PublicationId,
    name: String,
) -> Reply<Kind> {
    state.with(|s, who| s.add_kind(who, publication, &name))
}

#[tauri::command]
pub async fn rename_kind(
    state: State<'_, AppState>,
    id: KindId,
    version: u32,
    name: String,
) -> Reply<Kind> {
    state.with(|s, who| s.rename_kind(who, id, Some(version), &name))
}

#[tauri::command]
pub async fn set_kind_retired(
    state: State<'_, AppState>,
    id: KindId,
    version: u32,
    retired: bool,
) -> Reply<Kind> {
    state.with(|s, who| s.set_kind_retired(who, id, Some(version), retired))
}

#[tauri::command]
pub async fn workflow(state: State<'_, AppState>, publication: PublicationId) -> Reply<Workflow> {
    state.with(|s, _| s.workflow(publication))
}

#[tauri::command]
pub async fn list_editions(
    state: State<'_, AppState>,
    publication: Option<PublicationId>,
) -> Reply<Vec<Edition>> {
    state.with(|s, _| s.list_editions(publication))
}

#[tauri::command]
pub async fn get_edition(state: State<'_, AppState>, id: EditionId) -> Reply<Edition> {
    state.with(|s, _| s.edition(id))
}

#[tauri::command]
pub async fn create_edition(
    state: State<'_, AppState>,
    publication: PublicationId,
    input: EditionInput,
) -> Reply<Saved<Edition>> {
    state.with(|s, who| s.create_edition(who, publication, &input))
}

#[tauri::command]
pub async fn update_edition(
    state: State<'_, AppState>,
    id: EditionId,
    version: u32,
    input: EditionInput,
) -> Reply<Saved<Edition>> {
    state.with(|s, who| s.update_edition(who, id, Some(version), &input))
}

#[tauri::command]
pub async fn edition_history(
    state: State<'_, AppState>,
    id: EditionId,
) -> Reply<Vec<HistoryEntry>> {
    state.with(|s, _| s.edition_history(id))
}

#[tauri::command]
pub async fn list_articles(state: State<'_, AppState>, edition: EditionId) -> Reply<Vec<Article>> {
    state.with(|s, _| s.list_articles(edition))
}

#[tauri::command]
pub async fn article_detail(state: State<'_, AppState>, id: ArticleId) -> Reply<ArticleDetail> {
    state.with(|s, _| s.article_detail(id))
}

#[tauri::command]
pub async fn add_article(
    state: State<'_, AppState>,
    edition: EditionId,
    input: ArticleInput,
) -> Reply<Article> {
    state.with(|s, who| s.add_article(who, edition, &input))
}

#[tauri::command]
pub async fn update_article(
    state: State<'_, AppState>,
    id: ArticleId,
    version: u32,
    input: ArticleInput,
) -> Reply<Article> {
    state.with(|s, who| s.update_article(who, id, Some(version), &input))
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
    state.with(|s, who| s.change_status(who, id, Some(version), to))
}

#[tauri::command]
pub async fn list_contributors(state: State<'_, AppState>) -> Reply<Vec<Contributor>> {
    state.with(|s, _| s.list_contributors())
}

#[tauri::command]
pub async fn add_contributor(
    state: State<'_, AppState>,
    input: ContributorInput,
) -> Reply<Contributor> {
    state.with(|s, who| s.add_contributor(who, &input))
}
