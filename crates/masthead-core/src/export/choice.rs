//! What an export of an edition's plan asks for (its format, paper, parts
//! and colouring), parsed once at each face's edge into these enums so the
//! CLI and the app take the same words and refuse the same mistakes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The plan as a PDF, or its run sheet as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    #[default]
    Pdf,
    Csv,
}

impl ExportFormat {
    /// The file's extension: `pdf`, `csv`.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Csv => "csv",
        }
    }

    /// What the file holds, as a file name and a title say it.
    pub fn what(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "plan",
            ExportFormat::Csv => "run sheet",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(ExportFormat::Pdf),
            "csv" => Ok(ExportFormat::Csv),
            _ => Err(format!("\"{text}\" is not an export; use pdf or csv")),
        }
    }
}

/// The paper the plan is set on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl std::str::FromStr for Paper {
    type Err = String;

    /// `a4` or `letter` (also `us-letter`).
    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" | "usletter" => Ok(Paper::Letter),
            _ => Err(format!("\"{text}\" is not a paper size; use a4 or letter")),
        }
    }
}

/// What the flatplan's slots are coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ColourBy {
    #[default]
    Status,
    Section,
}

impl std::str::FromStr for ColourBy {
    type Err = String;

    /// `status` or `section`.
    fn from_str(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "status" => Ok(ColourBy::Status),
            "section" => Ok(ColourBy::Section),
            _ => Err(format!(
                "\"{text}\" is not a colouring; use status or section"
            )),
        }
    }
}

/// A part of the printed plan; they print in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum PlanPart {
    Cover,
    Runsheet,
    Flatplan,
    Deadlines,
}

impl PlanPart {
    /// Every part, in the order they print.
    pub const ALL: [PlanPart; 4] = [
        PlanPart::Cover,
        PlanPart::Runsheet,
        PlanPart::Flatplan,
        PlanPart::Deadlines,
    ];

    /// Parts from a list such as `cover,runsheet` (`run-sheet` too), in
    /// print order; refuses an unknown part and an empty list.
    pub fn parse_list(list: &str) -> Result<Vec<PlanPart>, String> {
        let parts = list
            .split(',')
            .map(str::trim)
            .filter(|word| !word.is_empty())
            .map(|word| match word.to_ascii_lowercase().as_str() {
                "cover" => Ok(PlanPart::Cover),
                "runsheet" | "run-sheet" => Ok(PlanPart::Runsheet),
                "flatplan" => Ok(PlanPart::Flatplan),
                "deadlines" => Ok(PlanPart::Deadlines),
                _ => Err(format!(
                    "\"{}\" is not a part of the plan; use cover, runsheet, flatplan or deadlines",
                    word.to_ascii_lowercase()
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        PlanPart::in_order(parts)
    }

    /// The parts once each, in print order, whatever order they were asked
    /// in; refuses none at all.
    pub fn in_order(mut parts: Vec<PlanPart>) -> Result<Vec<PlanPart>, String> {
        parts.sort();
        parts.dedup();
        if parts.is_empty() {
            return Err(
                "choose at least one part of the plan: cover, runsheet, flatplan or deadlines"
                    .into(),
            );
        }
        Ok(parts)
    }
}
