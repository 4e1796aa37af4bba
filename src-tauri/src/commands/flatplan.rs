//! The flatplan and adverts.

use super::*;

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
