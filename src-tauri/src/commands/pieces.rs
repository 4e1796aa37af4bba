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

/// Copy contributor link: a new link to the contributor's page (lasting
/// the days set in Settings, under the page's address set there).
#[tauri::command]
pub async fn contributor_link(
    state: State<'_, AppState>,
    contributor: ContributorId,
) -> Reply<NewContributorLink> {
    let settings = state.settings();
    if settings.contributor_page_url.is_none() {
        return Err(page_address_missing());
    }
    state.call(calls::contributor_link(
        contributor, settings.link_days, settings.contributor_page_url,
    ))
}

/// Revoke link: every link of the contributor's stops working at once.
#[tauri::command]
pub async fn revoke_contributor_links(
    state: State<'_, AppState>,
    contributor: ContributorId,
) -> Reply<u32> {
    state.call(calls::revoke_contributor_links(contributor))
}

/// The contributor's links not revoked (when each was made, by whom, until when).
#[tauri::command]
pub async fn contributor_links(
    state: State<'_, AppState>,
    contributor: ContributorId,
) -> Reply<Vec<ContributorLink>> {
    state.call(calls::contributor_links(contributor))
}

/// Email offer…: the offer with a new link, opened in the editor's own mail
/// program (a `mailto:` address; nothing is sent from Masthead).
#[tauri::command]
pub async fn email_offer(
    state: State<'_, AppState>,
    id: AssignmentId,
    version: u32,
) -> Reply<OfferEmail> {
    let settings = state.settings();
    let Some(url) = settings.contributor_page_url else {
        return Err(page_address_missing());
    };
    let email = state.call(calls::offer_email(id, version, settings.link_days, url))?;
    if let Err(detail) = crate::mail::open(&email.mailto) {
        // The link was made: say it, so it is not lost.
        return Err(ErrorPayload::new(
            "mail_program_missing",
            format!(
                "Masthead could not open your mail program ({detail}). Send {} this link to their page yourself: {}",
                email.link.contributor,
                email.link.url.as_deref().unwrap_or(&email.link.path)
            ),
        ));
    }
    Ok(email)
}

fn page_address_missing() -> ErrorPayload {
    ErrorPayload::new(
        "contributor_page_unset",
        "Masthead does not know where contributors reach their page yet. Set the page's address in Settings › Contributors' page (the --public-url masthead-serve runs with), then try again.",
    )
}
