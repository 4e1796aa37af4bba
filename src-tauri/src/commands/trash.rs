//! Comments and the trash: writing, editing and deleting a comment (to the
//! trash); deleting to the trash, what is in it, restoring and emptying.

use super::*;

#[tauri::command]
pub async fn delete_article(
    state: State<'_, AppState>,
    id: ArticleId,
    version: u32,
) -> Reply<Saved<TrashItem>> {
    state.call(calls::delete_article(id, version))
}

#[tauri::command]
pub async fn delete_edition(
    state: State<'_, AppState>,
    id: EditionId,
    version: u32,
) -> Reply<Saved<TrashItem>> {
    state.call(calls::delete_edition(id, version))
}

#[tauri::command]
pub async fn delete_contributor(
    state: State<'_, AppState>,
    id: ContributorId,
    version: u32,
) -> Reply<Saved<TrashItem>> {
    state.call(calls::delete_contributor(id, version))
}

#[tauri::command]
pub async fn delete_advert(
    state: State<'_, AppState>,
    id: AdvertId,
    version: u32,
) -> Reply<Saved<TrashItem>> {
    state.call(calls::delete_advert(id, version))
}

#[tauri::command]
pub async fn trash(
    state: State<'_, AppState>,
    publication: PublicationId,
) -> Reply<Vec<TrashItem>> {
    state.call(calls::trash(publication))
}

#[tauri::command]
pub async fn restore_from_trash(
    state: State<'_, AppState>,
    id: TrashId,
) -> Reply<Saved<TrashItem>> {
    state.call(calls::restore_from_trash(id))
}

/// Empties the entries the user was shown (`seen`) and agreed to empty.
#[tauri::command]
pub async fn empty_trash(
    state: State<'_, AppState>,
    publication: PublicationId,
    seen: Vec<TrashId>,
) -> Reply<u32> {
    state.call(calls::empty_trash(publication, seen))
}

/// Comments on the piece, as the user.
#[tauri::command]
pub async fn add_comment(
    state: State<'_, AppState>,
    article: ArticleId,
    body: String,
) -> Reply<Comment> {
    state.call(calls::add_comment(article, body))
}

/// The user changes their own comment, from the version shown.
#[tauri::command]
pub async fn edit_comment(
    state: State<'_, AppState>,
    id: CommentId,
    version: u32,
    body: String,
) -> Reply<Comment> {
    state.call(calls::edit_comment(id, version, body))
}

/// The user moves their own comment to the trash.
#[tauri::command]
pub async fn delete_comment(
    state: State<'_, AppState>,
    id: CommentId,
    version: u32,
) -> Reply<Saved<TrashItem>> {
    state.call(calls::delete_comment(id, version))
}

/// A piece's comments, oldest first (a contributor's: those of her pieces).
#[tauri::command]
pub async fn comments(state: State<'_, AppState>, article: ArticleId) -> Reply<Vec<Comment>> {
    state.call(calls::comments(article))
}
