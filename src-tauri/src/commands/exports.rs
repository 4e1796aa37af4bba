//! An edition's plan as PDF or CSV.

use super::*;

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
