//! `export`: the edition plan as PDF, CSV or JSON.

use super::prelude::*;

pub(crate) fn export(cmd: &ExportCmd, path: &PathBuf, out: &Out) -> Outcome {
    let today_or = |t: &Option<NaiveDate>| -> Result<NaiveDate, Failure> {
        match t {
            Some(day) => Ok(*day),
            None => masthead_pdf::default_today().map_err(|e| Failure::Usage(e.to_string())),
        }
    };
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
            edition,
            publication,
            out: to,
            paper,
            only,
            colour,
            today,
        } => {
            let colour_by = masthead_pdf::ColourBy::parse(colour).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{colour}\" is not a colouring; use status or section"
                ))
            })?;
            let paper = masthead_pdf::Paper::parse(paper).ok_or_else(|| {
                Failure::Usage(format!("\"{paper}\" is not a paper size; use a4 or letter"))
            })?;
            let parts = match only {
                Some(list) => masthead_pdf::PdfOptions::parse_parts(list)
                    .map_err(|e| Failure::Usage(e.to_string()))?,
                None => masthead_pdf::PARTS.to_vec(),
            };
            let store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let plan = store.edition_plan(id, today_or(today)?)?;
            let options = masthead_pdf::PdfOptions {
                paper,
                parts,
                generated_at: masthead_pdf::generated_at()
                    .map_err(|e| Failure::Usage(e.to_string()))?,
                colour_by,
            };
            let pdf = masthead_pdf::render(&plan, &options)
                .map_err(|e| Failure::Other(anyhow::anyhow!("{e}")))?;
            write_new(to, &pdf)?;
            out.line(&format!(
                "Wrote the plan of {} to {} ({} KB).",
                plan.edition.name,
                to.display(),
                pdf.len().div_ceil(1024)
            ));
            Ok(())
        }
        ExportCmd::Csv {
            edition,
            publication,
            out: to,
            today,
        } => {
            let store = open(path, false)?;
            let id = find_edition(&store, publication.as_deref(), edition)?;
            let plan = store.edition_plan(id, today_or(today)?)?;
            let csv = masthead_core::export::run_sheet_csv(&plan);
            write_new(to, &csv)?;
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
