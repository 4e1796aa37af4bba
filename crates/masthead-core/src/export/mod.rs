//! The run sheet as CSV (RFC 4180, written by the `csv` crate):
//! comma-separated, fields quoted when they must be (quotes doubled), CRLF
//! line ends, UTF-8 with a byte order mark so Excel reads accents and £
//! right (LibreOffice reads it either way).
//!
//! A text cell that a spreadsheet would run as a formula (one starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a
//! leading apostrophe, so a title cannot execute anything when opened.
//!
//! What an export asks for (format, paper, parts, colouring) is in
//! [`choice`]; the PDF itself is `masthead-pdf`'s.

mod choice;
pub mod ics;

pub use choice::{ColourBy, ExportFormat, Paper, PlanPart};

use crate::model::{Credit, Edition, EditionPlan};

const HEADER: [&str; 11] = [
    "Pages", "First page", "Section", "Title", "Kind", "Contributors", "Words", "Word target",
    "Status", "Next deadline", "Due status",
];

/// The run sheet of `plan` as CSV bytes.
pub fn run_sheet_csv(plan: &EditionPlan) -> Vec<u8> {
    let mut out = csv_writer(b"\xEF\xBB\xBF".to_vec());
    let rows = plan.run_sheet.iter().map(|r| {
        let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        [
            text(r.pages.as_deref().unwrap_or("not placed")),
            number(r.first_page),
            text(r.section.as_deref().unwrap_or("")),
            text(&r.title),
            text(&r.kind),
            text(
                &r.credits
                    .iter()
                    .map(Credit::label)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            number(r.words),
            number(r.word_target),
            text(&r.status),
            r.deadline
                .as_ref()
                .map(|d| d.date.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            r.deadline
                .as_ref()
                .map(|d| {
                    let due = text(&d.status_label);
                    if d.overdue {
                        format!("{due} (overdue)")
                    } else {
                        due
                    }
                })
                .unwrap_or_default(),
        ]
    });
    // Writing to memory cannot fail.
    let _ = out.write_record(HEADER);
    for row in rows {
        let _ = out.write_record(&row);
    }
    out.into_inner().unwrap_or_default()
}

/// RFC 4180 as spreadsheets read it: quoted only when a field must be,
/// CRLF line ends, after whatever `start` already holds.
fn csv_writer(start: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(start)
}

/// A text cell, defused if a spreadsheet would read it as a formula.
fn text(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

/// A file name for an edition's export: the publication's short name (the
/// part before " — "), the edition, and what it is, e.g.
/// `PSE-Feb-Mar-21-plan.pdf` or `PSE-Feb-Mar-21-run-sheet.csv`.
pub fn plan_file_name(edition: &Edition, format: ExportFormat) -> String {
    let (what, extension) = (format.what(), format.extension());
    file_name(
        &format!(
            "{} {} {what}",
            short_name(&edition.publication),
            edition.name
        ),
        extension,
    )
}

/// The name suggested for a publication's deadlines: `PSE-deadlines.ics`.
pub fn calendar_file_name(publication: &str) -> String {
    file_name(&format!("{} deadlines", short_name(publication)), "ics")
}

/// "PSE" of "PSE — Public Sector Executive".
fn short_name(publication: &str) -> &str {
    publication.split(" — ").next().unwrap_or(publication)
}

/// The words of `words` joined by hyphens (nothing but letters and digits
/// reaches a file name), with `extension`.
fn file_name(words: &str, extension: &str) -> String {
    let mut name = String::new();
    for word in words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(word);
    }
    format!("{name}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be_and_formulas_defused() {
        let mut w = csv_writer(Vec::new());
        w.write_record(
            ["plain", "a, b", "say \"hi\"", "two\nlines", "=1+1"]
                .iter()
                .map(|f| text(f)),
        )
        .unwrap();
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(
            out,
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+1\r\n"
        );
    }
}
