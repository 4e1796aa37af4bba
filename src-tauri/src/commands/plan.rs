//! Publications, sections, kinds, the workflow and editions.

use super::*;

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
