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
    let request = masthead_pdf::PlanExport {
        format,
        paper,
        parts: match format {
            ExportFormat::Pdf => {
                PlanPart::in_order(parts).map_err(|m| ErrorPayload::new("invalid_export", m))?
            }
            ExportFormat::Csv => Vec::new(),
        },
        colour_by: colour,
    };
    let named = state.call(calls::edition(edition))?;
    let name = masthead_core::export::plan_file_name(&named, format);
    let filter = match format {
        ExportFormat::Pdf => "PDF",
        ExportFormat::Csv => "CSV (comma-separated)",
    };
    let title = format!("Export the {}", format.what());
    let Some(path) = choose_file_to_save(&app, &title, &name, filter, &[format.extension()])?
    else {
        return Ok(None);
    };
    // Read now, as the plan stands when the file is chosen.
    let today = masthead_pdf::default_today()
        .map_err(|e| ErrorPayload::new("invalid_export", e.to_string()))?;
    let plan = state.call(calls::edition_plan(edition, today))?;
    // Laid out on a blocking thread, after the store's lock is let go.
    let bytes = tauri::async_runtime::spawn_blocking(move || masthead_pdf::export(&plan, &request))
        .await
        .map_err(|e| {
            ErrorPayload::new(
                "export_failed",
                format!("Making the export stopped unexpectedly ({e}). Try again."),
            )
        })?
        .map_err(|e| {
            ErrorPayload::new(
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
        return Err(ErrorPayload::new(
            "not_exported",
            "Masthead opens only the files it exported in this session.",
        ));
    }
    open_with_system(&path).map_err(|e| {
        ErrorPayload::new(
            "open_failed",
            format!(
                "Could not open {} ({e}). Open it from its folder.",
                path.display()
            ),
        )
    })
}
