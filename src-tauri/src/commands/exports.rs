//! An edition's plan as PDF or CSV.

use super::*;
use masthead_core::export::{ColourBy, ExportFormat, Paper, PlanPart};

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
    format: ExportFormat,
    paper: Paper,
    parts: Vec<PlanPart>,
    colour: ColourBy,
) -> Reply<Option<PathBuf>> {
    use tauri::Manager;
    use tauri_plugin_dialog::DialogExt;
    let failed = |code: &str, message: String| ErrorPayload {
        code: code.into(),
        message,
        field: None,
        conflict: None,
    };
    let request = masthead_pdf::PlanExport {
        format,
        paper,
        parts: match format {
            ExportFormat::Pdf => {
                PlanPart::in_order(parts).map_err(|m| failed("invalid_export", m))?
            }
            ExportFormat::Csv => Vec::new(),
        },
        colour_by: colour,
    };
    let named = state.call(calls::edition(edition))?;
    let name = masthead_core::export::plan_file_name(&named, format);
    let (extension, filter) = match format {
        ExportFormat::Pdf => ("pdf", "PDF"),
        ExportFormat::Csv => ("csv", "CSV (comma-separated)"),
    };
    let mut dialog = app
        .dialog()
        .file()
        .set_title(format!("Export the {}", format.what()))
        .set_file_name(&name)
        .add_filter(filter, &[extension]);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let Some(chosen) = dialog.blocking_save_file() else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|e| {
        failed(
            "invalid_export",
            format!("That place cannot be written to ({e}). Choose a folder on this computer."),
        )
    })?;
    // Read now, as the plan stands when the file is chosen.
    let today =
        masthead_pdf::default_today().map_err(|e| failed("invalid_export", e.to_string()))?;
    let plan = state.call(calls::edition_plan(edition, today))?;
    // Laid out on a blocking thread, after the store's lock is let go.
    let bytes = tauri::async_runtime::spawn_blocking(move || masthead_pdf::export(&plan, &request))
        .await
        .map_err(|e| {
            failed(
                "export_failed",
                format!("Making the export stopped unexpectedly ({e}). Try again."),
            )
        })?
        .map_err(|e| {
            failed(
                "export_failed",
                format!("The plan could not be exported: {e}"),
            )
        })?;
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
