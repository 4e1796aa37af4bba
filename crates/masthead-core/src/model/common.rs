//! What many screens share: history lines, conflicts, warnings, saves; fees.

use super::*;

/// One line of the audit trail: what changed, who changed it, when. Lines
/// of one user action share their `change_set_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HistoryEntry {
    pub id: HistoryId,
    pub change_set_id: ChangeSetId,
    pub at: DateTime<Utc>,
    pub actor: String,
    /// `publication`, `section`, `edition`, `article`, `contributor`,
    /// `assignment` or `kind`.
    pub entity: String,
    pub entity_id: String,
    /// The record's version after this change.
    pub version: Option<u32>,
    /// `created`, `updated`, `status`, `retired`, `restored` or `deleted`.
    pub action: String,
    pub field: Option<String>,
    /// The words shown for the old and new values.
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// The stable ids behind those words, where the value names a record
    /// (a status, a section, a kind).
    pub old_ref: Option<String>,
    pub new_ref: Option<String>,
    /// Who or what the line is about when it is not the record itself
    /// (the contributor of an assignment).
    pub subject: Option<String>,
    /// The change in words ("moved it from Idea to Commissioned"), the same
    /// sentence in the app and the CLI.
    pub text: String,
}

/// A save refused because someone else saved the record first: what the
/// user saw, what is there now, and the changes in between.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Conflict {
    /// `edition`, `article`, `section`, `kind`, `publication`.
    pub entity: String,
    pub entity_id: String,
    /// How the user knows the record: its name or title.
    pub name: String,
    pub seen_version: u32,
    pub current_version: u32,
    pub changes: Vec<HistoryEntry>,
}

/// Something worth telling the user that does not stop the save.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Warning {
    pub code: String,
    pub field: Option<String>,
    pub message: String,
}

/// The result of a save: the record as stored, and any warnings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Saved<T> {
    pub item: T,
    pub warnings: Vec<Warning>,
}

/// What the app shows about the open database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DatabaseInfo {
    /// A file's path, or a team server's address (without the password).
    pub path: String,
    pub schema_version: u32,
    pub is_empty: bool,
    pub has_demo: bool,
    /// A team server rather than a file.
    pub server: bool,
    /// On a team server, the team member signed in (none for its owner).
    pub member: Option<Person>,
}

/// An assignment's terms after the rules: what storage records. The fee is
/// in the currency's minor units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AssignmentTerms {
    pub role: String,
    pub brief: String,
    pub word_target: Option<u32>,
    pub due_date: Option<NaiveDate>,
    pub fee: Option<(i64, String)>,
}

/// Decimal places of a currency's minor unit (ISO 4217): 2 for most, 0 for
/// the yen, 3 for the dinars.
pub fn currency_decimals(currency: &str) -> u32 {
    match currency {
        "JPY" | "KRW" | "ISK" | "CLP" | "VND" | "XAF" | "XOF" | "UGX" | "PYG" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "LYD" | "IQD" => 3,
        _ => 2,
    }
}

/// Minor units as a person writes them: 35000 GBP → "350.00".
pub fn format_fee(minor: i64, currency: &str) -> String {
    let places = currency_decimals(currency);
    if places == 0 {
        return minor.to_string();
    }
    let scale = 10_i64.pow(places);
    format!(
        "{}.{:0width$}",
        minor / scale,
        minor % scale,
        width = places as usize
    )
}
