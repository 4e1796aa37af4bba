//! Drafts: submitting, reading, comparing, approving, saving and opening the original.

use super::*;

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
    let path = chosen.into_path().map_err(|e| {
        ErrorPayload::new(
            "io",
            format!("That place cannot be written to ({e}). Choose a folder on this computer."),
        )
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
    let cache = app.path().app_cache_dir().map_err(|e| {
        ErrorPayload::new(
            "io",
            format!("Masthead has no cache folder to open the file from ({e})."),
        )
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
    open_with_system(&path).map_err(|e| ErrorPayload::new("open_failed", format!(
            "Masthead saved a copy of {} at {} but could not open it ({e}). Open it from there.",
            file.file_name,
            path.display()
        )))?;
    Ok(path)
}

/// Markdown (a brief as it is typed, a draft's text) as the HTML the app
/// shows, rendered by the core (`masthead_text::markdown_html`: none of the
/// text's own HTML, links written out and never followed), on a worker
/// thread and away from the store. Views never build HTML themselves.
#[tauri::command]
pub async fn render_markdown(text: String) -> Reply<String> {
    // A draft's text is at most what 25 MB of file unpacks to; this keeps a
    // page from handing the app more than a long draft to lay out.
    if text.len() > 4_000_000 {
        return Err(ErrorPayload::new(
            "too_long",
            "That text is too long to show here; export it and open it instead.",
        ));
    }
    tauri::async_runtime::spawn_blocking(move || masthead_core::markdown_html(&text))
        .await
        .map_err(|e| {
            ErrorPayload::new(
                "internal",
                format!("The text could not be shown ({e}). Try again."),
            )
        })
}
