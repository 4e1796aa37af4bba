//! The rules, apart from storage: validation, allowed moves, and the field
//! diffs that become history. Plain functions over domain values, tested
//! without a database; the use cases call them inside their transaction.

pub(crate) mod articles;
pub(crate) mod assignments;
pub(crate) mod contributors;
pub(crate) mod drafts;
pub(crate) mod editions;
pub(crate) mod flatplan;
pub(crate) mod kinds;
pub(crate) mod team;
pub(crate) mod workflow;

use crate::error::{Error, Result};
use crate::history::FieldChange;

/// Trims `text` and checks it is present and not longer than `max` characters.
pub(crate) fn required_text(
    text: &str,
    field: &'static str,
    what: &str,
    max: usize,
) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(
            format!("{field}_required"),
            field,
            format!("The {what} is empty. Type a {what}."),
        ));
    }
    optional_text(text, field, what, max)
}

/// Trims `text` and checks it is not longer than `max` characters.
pub(crate) fn optional_text(
    text: &str,
    field: &'static str,
    what: &str,
    max: usize,
) -> Result<String> {
    let text = text.trim();
    let len = text.chars().count();
    if len > max {
        return Err(Error::invalid(
            format!("{field}_too_long"),
            field,
            format!("The {what} is {len} characters long; the most is {max}. Shorten it."),
        ));
    }
    Ok(text.to_owned())
}

/// How people type a name they mean: "case study", "Case-Study" and
/// "case_study" are the same kind; "In edit" and "in_edit" the same status.
pub(crate) fn normalise(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Collects the fields that differ between what was stored and what is saved.
#[derive(Default)]
pub(crate) struct Diff(Vec<FieldChange>);

impl Diff {
    pub(crate) fn value<T: PartialEq + ToString>(&mut self, field: &'static str, old: &T, new: &T) {
        if old != new {
            self.push(
                field,
                Some(old.to_string()),
                Some(new.to_string()),
                None,
                None,
            );
        }
    }

    pub(crate) fn option<T: PartialEq + ToString>(
        &mut self,
        field: &'static str,
        old: &Option<T>,
        new: &Option<T>,
    ) {
        if old != new {
            self.push(
                field,
                old.as_ref().map(ToString::to_string),
                new.as_ref().map(ToString::to_string),
                None,
                None,
            );
        }
    }

    /// A field that names another record: the labels are shown, the ids kept.
    pub(crate) fn reference<Id: PartialEq + ToString>(
        &mut self,
        field: &'static str,
        old: (Option<Id>, Option<String>),
        new: (Option<Id>, Option<String>),
    ) {
        if old.0 != new.0 {
            self.push(
                field,
                old.1,
                new.1,
                old.0.map(|id| id.to_string()),
                new.0.map(|id| id.to_string()),
            );
        }
    }

    fn push(
        &mut self,
        field: &'static str,
        old: Option<String>,
        new: Option<String>,
        old_ref: Option<String>,
        new_ref: Option<String>,
    ) {
        self.0.push(FieldChange {
            field,
            old,
            new,
            old_ref,
            new_ref,
        });
    }

    pub(crate) fn into_changes(self) -> Vec<FieldChange> {
        self.0
    }
}
