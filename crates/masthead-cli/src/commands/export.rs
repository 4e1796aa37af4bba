//! `export`: the edition plan as PDF, CSV or JSON.

use super::prelude::*;
use crate::args::PlanFile;
use masthead_core::export::{ExportFormat, PlanPart};
use masthead_core::model::EditionPlan;

pub(crate) fn export(cmd: &ExportCmd, path: &PathBuf, out: &Out) -> Outcome {
    match cmd {
        ExportCmd::Json { out: to } => {
            refuse_taken_out(to)?;
            let store = open(path, false)?;
            let made = store.export_json_to(to)?;
            out.line(&format!(
                "Wrote {} rows of {} to {} ({} KB).",
                made.rows,
                store.path().display(),
                made.path,
                made.bytes.div_ceil(1024)
            ));
            Ok(())
        }
        ExportCmd::Pdf {
            plan:
                PlanFile {
                    edition,
                    publication,
                    out: to,
                },
            paper,
            only,
            colour,
            today,
        } => {
            let request = masthead_pdf::PlanExport {
                format: ExportFormat::Pdf,
                paper: paper.parse().map_err(Failure::Usage)?,
                parts: match only {
                    Some(list) => PlanPart::parse_list(list).map_err(Failure::Usage)?,
                    None => PlanPart::ALL.to_vec(),
                },
                colour_by: colour.parse().map_err(Failure::Usage)?,
            };
            let (plan, bytes) = export_plan(path, edition, publication, today, &request)?;
            write_new(to, &bytes)?;
            out.line(&format!(
                "Wrote the plan of {} to {} ({} KB).",
                plan.edition.name,
                to.display(),
                bytes.len().div_ceil(1024)
            ));
            Ok(())
        }
        ExportCmd::Ics {
            edition,
            contributor,
            publication,
            out: to,
            today,
        } => {
            refuse_taken_out(to)?;
            let (store, publication) = open_publication(path, publication)?;
            let scope = masthead_core::IcsScope {
                edition: edition
                    .as_deref()
                    .map(|e| store.find_edition(Some(publication), e))
                    .transpose()?,
                contributor: contributor
                    .as_deref()
                    .map(|c| store.find_contributor(c))
                    .transpose()?,
            };
            let today = today.unwrap_or_else(local_today);
            let (text, n) = store.calendar_ics(publication, scope, today)?;
            write_new(to, text.as_bytes())?;
            out.line(&format!(
                "Wrote {n} {} to {}.",
                if n == 1 { "deadline" } else { "deadlines" },
                to.display()
            ));
            Ok(())
        }
        ExportCmd::Csv {
            plan:
                PlanFile {
                    edition,
                    publication,
                    out: to,
                },
            today,
        } => {
            let request = masthead_pdf::PlanExport {
                format: ExportFormat::Csv,
                paper: Default::default(),
                parts: Vec::new(),
                colour_by: Default::default(),
            };
            let (plan, bytes) = export_plan(path, edition, publication, today, &request)?;
            write_new(to, &bytes)?;
            out.line(&format!(
                "Wrote the run sheet of {} to {} ({} pieces).",
                plan.edition.name,
                to.display(),
                plan.run_sheet.len()
            ));
            Ok(())
        }
    }
}

/// The edition's plan as of `today` (default: today, or `SOURCE_DATE_EPOCH`'s
/// day), and its export as `request` asks.
fn export_plan(
    path: &PathBuf,
    edition: &str,
    publication: &Option<String>,
    today: &Option<NaiveDate>,
    request: &masthead_pdf::PlanExport,
) -> Result<(EditionPlan, Vec<u8>), Failure> {
    let today = match today {
        Some(day) => *day,
        None => masthead_pdf::default_today().map_err(|e| Failure::Usage(e.to_string()))?,
    };
    let store = open(path, false)?;
    let id = find_edition(&store, publication.as_deref(), edition)?;
    let plan = store.edition_plan(id, today)?;
    let bytes = masthead_pdf::export(&plan, request).map_err(|e| match e {
        masthead_pdf::PdfError::SourceDateEpoch(_) | masthead_pdf::PdfError::Parts(_) => {
            Failure::Usage(e.to_string())
        }
        _ => Failure::Other(anyhow::anyhow!("{e}")),
    })?;
    Ok((plan, bytes))
}
