//! The edition plan as a print-quality PDF, through typst as a library.
//!
//! Input: a plan (`masthead_core::model::EditionPlan`) and [`PdfOptions`];
//! output: the PDF's bytes. No database, no files, nothing from the
//! network or the system's fonts: the template (`template/plan.typ`) and
//! the Inter fonts (`fonts/`, SIL Open Font License) are compiled in, and
//! the plan reaches the template as JSON. The same plan and options give
//! the same bytes ([`generated_at`] honours `SOURCE_DATE_EPOCH`).

use std::sync::OnceLock;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use masthead_core::locale::Locale;
use masthead_core::model::EditionPlan;
use typst::foundations::{Dict, IntoValue, Smart};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};

const TEMPLATE: &str = include_str!("../template/plan.typ");
const FONTS: [&[u8]; 5] = [
    include_bytes!("../fonts/Inter-Regular.otf"),
    include_bytes!("../fonts/Inter-Italic.otf"),
    include_bytes!("../fonts/Inter-Medium.otf"),
    include_bytes!("../fonts/Inter-SemiBold.otf"),
    include_bytes!("../fonts/Inter-Bold.otf"),
];

pub use masthead_core::export::{ColourBy, ExportFormat, Paper, PlanPart};

fn typst_paper(paper: Paper) -> &'static str {
    match paper {
        Paper::A4 => "a4",
        Paper::Letter => "us-letter",
    }
}

/// What to print and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfOptions {
    pub paper: Paper,
    /// Which parts to print (at least one), in print order.
    pub parts: Vec<PlanPart>,
    /// The time printed in the footer and the PDF's metadata.
    pub generated_at: DateTime<Utc>,
    pub colour_by: ColourBy,
    /// How dates and numbers are written: the app's rule, from the same
    /// environment (`Locale::from_env`), so the PDF reads like the app.
    pub locale: &'static Locale,
}

/// An export as either face asks for it: the CLI from its flags, the app
/// from its Export dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanExport {
    pub format: ExportFormat,
    pub paper: Paper,
    /// Which parts of the PDF (ignored for CSV).
    pub parts: Vec<PlanPart>,
    pub colour_by: ColourBy,
}

/// The export's bytes: the run sheet as CSV, or the plan laid out as a
/// PDF dated now (or at `SOURCE_DATE_EPOCH`).
pub fn export(plan: &EditionPlan, request: &PlanExport) -> Result<Vec<u8>, PdfError> {
    match request.format {
        ExportFormat::Csv => Ok(masthead_core::export::run_sheet_csv(plan)),
        ExportFormat::Pdf => {
            let options = PdfOptions {
                paper: request.paper,
                parts: PlanPart::in_order(request.parts.clone()).map_err(PdfError::Parts)?,
                generated_at: generated_at()?,
                colour_by: request.colour_by,
                locale: Locale::from_env(),
            };
            render(plan, &options)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("{0}")]
    Parts(String),
    #[error("the plan could not be laid out: {0}")]
    Layout(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
    #[error(
        "SOURCE_DATE_EPOCH is {0:?}, not a time in whole seconds since 1970; set it to such a number or unset it"
    )]
    SourceDateEpoch(String),
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970, for reproducible output) when
/// set; refused when it is not a whole number of seconds.
pub fn source_date_epoch() -> Result<Option<DateTime<Utc>>, PdfError> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(None),
        Ok(text) => text
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .map(Some)
            .ok_or(PdfError::SourceDateEpoch(text)),
    }
}

/// The time a plan is generated: `SOURCE_DATE_EPOCH` when set, else now,
/// to the second.
pub fn generated_at() -> Result<DateTime<Utc>, PdfError> {
    Ok(source_date_epoch()?.unwrap_or_else(|| {
        let now = Utc::now();
        DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
    }))
}

/// The day deadlines are judged against when none is given: the day of
/// `SOURCE_DATE_EPOCH` when set (so the same plan gives the same bytes on
/// any day, in any time zone), else the user's calendar day.
pub fn default_today() -> Result<chrono::NaiveDate, PdfError> {
    Ok(match source_date_epoch()? {
        Some(at) => at.date_naive(),
        None => chrono::Local::now().date_naive(),
    })
}

fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            .fonts(FONTS)
            .build()
    })
}

/// Each ISO date ("2021-01-08") anywhere in `value`, written by `locale`.
fn dates_in(
    value: &serde_json::Value,
    locale: &Locale,
) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) if s.len() == 10 => {
                if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                    out.insert(s.clone(), locale.date(d));
                }
            }
            serde_json::Value::Array(items) => stack.extend(items),
            serde_json::Value::Object(fields) => stack.extend(fields.values()),
            _ => {}
        }
    }
    out
}

/// Lays out the plan and writes it as PDF.
pub fn render(plan: &EditionPlan, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let parts = PlanPart::in_order(options.parts.clone()).map_err(PdfError::Parts)?;
    let mut plan_value = serde_json::to_value(plan).map_err(|e| PdfError::Layout(e.to_string()))?;
    // Each credit's note ("photographer, offered"), as the core words it.
    if let Some(rows) = plan_value["run_sheet"].as_array_mut() {
        for (row, sheet) in rows.iter_mut().zip(&plan.run_sheet) {
            if let Some(credits) = row["credits"].as_array_mut() {
                for (value, credit) in credits.iter_mut().zip(&sheet.credits) {
                    value["note"] = credit.note().into();
                    value["on"] = credit.is_on().into();
                }
            }
        }
    }
    let plan_json = plan_value.to_string();
    let at = options.generated_at;
    // Sections take the palette's colours in turn, as the app's flatplan does.
    let palette: Vec<_> = masthead_core::palette::STATUS_COLOURS
        .iter()
        .map(|c| serde_json::json!({ "edge": c.edge, "text": c.text }))
        .collect();
    let options_json = serde_json::json!({
        "paper": typst_paper(options.paper),
        "parts": parts,
        "generated": format!("{} UTC", options.locale.date_time(at.naive_utc())),
        // Every date the plan holds, as the locale writes it (the template
        // looks them up), and its thousands separator.
        "dates": dates_in(&plan_value, options.locale),
        "group": options.locale.group,
        "colour_by": options.colour_by,
        "palette": palette,
        // The signs of a page's parts, by twelfths: the core's, as everywhere.
        "fractions": masthead_core::PAGE_FRACTIONS
            .iter()
            .map(|(twelfths, sign)| (twelfths.to_string(), *sign))
            .collect::<std::collections::BTreeMap<_, _>>(),
    })
    .to_string();
    let mut inputs = Dict::new();
    inputs.insert("plan".into(), plan_json.into_value());
    inputs.insert("options".into(), options_json.into_value());

    let document = engine()
        .compile_with_input(inputs)
        .output
        .map_err(|e| PdfError::Layout(format!("{e:?}")))?;
    let timestamp = typst::foundations::Datetime::from_ymd_hms(
        at.year(),
        at.month() as u8,
        at.day() as u8,
        at.hour() as u8,
        at.minute() as u8,
        at.second() as u8,
    )
    .map(typst_pdf::Timestamp::new_utc);
    let pdf_options = typst_pdf::PdfOptions {
        ident: Smart::Custom(format!("masthead-plan-{}", plan.edition.id)),
        timestamp,
        ..Default::default()
    };
    typst_pdf::pdf(&document, &pdf_options).map_err(|e| PdfError::Pdf(format!("{e:?}")))
}
