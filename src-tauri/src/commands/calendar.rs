//! The deadline calendar: a span's deadlines, moving one by a drag, and
//! exporting them all as an iCalendar file.

use super::*;

#[tauri::command]
pub async fn calendar(
    state: State<'_, AppState>,
    publication: PublicationId,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Reply<Calendar> {
    state.call(calls::calendar(publication, from, to, today()))
}

#[tauri::command]
pub async fn reschedule_due(
    state: State<'_, AppState>,
    id: AssignmentId,
    version: u32,
    date: chrono::NaiveDate,
) -> Reply<Saved<Assignment>> {
    state.call(calls::reschedule_due(id, version, date))
}

#[tauri::command]
pub async fn reschedule_key_date(
    state: State<'_, AppState>,
    id: EditionId,
    version: u32,
    key: KeyDate,
    date: chrono::NaiveDate,
) -> Reply<Saved<Edition>> {
    state.call(calls::reschedule_key_date(id, version, key, date))
}

/// Calendar › Export…: the save dialog (over the main window) suggests
/// `PSE-deadlines.ics`; the deadlines are read once a file is chosen.
/// Where the file went and how many events it holds, or nothing when the
/// dialog was cancelled.
#[tauri::command]
pub async fn export_calendar(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    publication: PublicationId,
) -> Reply<Option<CalendarExported>> {
    let named = state.call(calls::list_publications())?;
    let name = named
        .iter()
        .find(|p| p.id == publication)
        .map(|p| masthead_core::export::calendar_file_name(&p.name))
        .unwrap_or_else(|| "deadlines.ics".to_owned());
    let Some(path) =
        super::choose_file_to_save(&app, "Export the deadlines", &name, "iCalendar", &["ics"])?
    else {
        return Ok(None);
    };
    let file = state.call(calls::calendar_ics(publication, today()))?;
    super::write_whole(&path, file.text.as_bytes())?;
    state.remember_export(&path);
    Ok(Some(CalendarExported {
        path,
        events: file.events,
    }))
}
