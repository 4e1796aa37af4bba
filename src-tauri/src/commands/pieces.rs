//! Pieces, contributors, assignments and the board.

use super::*;

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

/// "Keep mine" after a conflict: the piece as saved now with the fields
/// this user changed from `base` set to hers (`mine`), in one save.
#[tauri::command]
pub async fn keep_mine_article(
    state: State<'_, AppState>,
    id: ArticleId,
    base: ArticleInput,
    mine: ArticleInput,
) -> Reply<Article> {
    state.call(calls::keep_mine_article(id, base, mine))
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

/// The editor's desk of a publication, as of today where the user is.
#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, publication: PublicationId) -> Reply<Dashboard> {
    let offset = chrono::Local::now().offset().local_minus_utc();
    state.call(calls::dashboard(publication, today(), offset))
}

/// What others changed in a publication since the user last looked.
#[tauri::command]
pub async fn activity(state: State<'_, AppState>, publication: PublicationId) -> Reply<Activity> {
    state.call(calls::activity(publication))
}

/// Marks what the user was shown as seen, up to the newest change set shown.
#[tauri::command]
pub async fn mark_seen(
    state: State<'_, AppState>,
    publication: PublicationId,
    upto: chrono::DateTime<chrono::Utc>,
) -> Reply<()> {
    state.call(calls::mark_seen(publication, upto))
}

/// The pieces of a publication that hold every word of `query`, best first,
/// grouped by edition.
#[tauri::command]
pub async fn search(
    state: State<'_, AppState>,
    publication: PublicationId,
    query: String,
) -> Reply<SearchResults> {
    state.call(calls::search(publication, query))
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
