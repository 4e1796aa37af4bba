//! What makes an edition valid, and what changed between two versions of it.

use chrono::NaiveDate;

use super::{Diff, optional_block, optional_text, required_text};
use crate::error::{Error, Result};
use crate::history::FieldChange;
use crate::model::{EditionInput, Warning};

pub const MAX_PAGES: u32 = 1000;
const MAX_TOPICS: usize = 20;

/// The key dates in the order they must fall, with the words users know them by.
fn key_dates(input: &EditionInput) -> [(&'static str, &'static str, Option<NaiveDate>); 5] {
    [
        (
            "commissioning_closes", "commissioning close", input.commissioning_closes,
        ),
        ("copy_deadline", "copy deadline", input.copy_deadline),
        (
            "subbing_deadline", "subbing deadline", input.subbing_deadline,
        ),
        ("press_date", "press date", input.press_date),
        ("on_sale_date", "on-sale date", input.on_sale_date),
    ]
}

fn human(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

/// Checks an edition's fields; returns the cleaned input and any warnings.
pub(crate) fn validate(
    input: &EditionInput,
    is_print: bool,
) -> Result<(EditionInput, Vec<Warning>)> {
    let mut clean = input.clone();
    clean.name = required_text(&input.name, "name", "edition name", 80)?;
    clean.theme = optional_text(&input.theme, "theme", "theme", 200)?;
    clean.notes = optional_block(&input.notes, "notes", "notes", 10_000)?;
    clean.focus_topics = Vec::new();
    for topic in &input.focus_topics {
        let topic = optional_text(topic, "focus_topics", "focus topic", 80)?;
        if !topic.is_empty()
            && !clean
                .focus_topics
                .iter()
                .any(|t| t.eq_ignore_ascii_case(&topic))
        {
            clean.focus_topics.push(topic);
        }
    }
    if clean.focus_topics.len() > MAX_TOPICS {
        return Err(Error::invalid(
            "focus_topics_too_many",
            "focus_topics",
            format!("An edition can have at most {MAX_TOPICS} focus topics. Merge or remove some."),
        ));
    }
    if input.page_count == 0 {
        return Err(Error::invalid(
            "page_count_not_positive",
            "page_count",
            "The page count must be a whole number of at least 1.",
        ));
    }
    if input.page_count > MAX_PAGES {
        return Err(Error::invalid(
            "page_count_too_large",
            "page_count",
            format!(
                "{} pages is more than Masthead plans ({MAX_PAGES} at most). Check the number.",
                input.page_count
            ),
        ));
    }
    let dates = key_dates(input);
    for (i, (_, early_name, early)) in dates.iter().enumerate() {
        for (late_field, late_name, late) in &dates[i + 1..] {
            if let (Some(early), Some(late)) = (early, late)
                && early > late
            {
                return Err(Error::invalid(
                    "key_dates_out_of_order",
                    Some(*late_field),
                    format!(
                        "The {early_name} ({}) is after the {late_name} ({}). Key dates must run in order: commissioning close, copy deadline, subbing deadline, press date, on-sale date.",
                        human(*early),
                        human(*late)
                    ),
                ));
            }
        }
    }
    let mut warnings = Vec::new();
    if is_print && !input.page_count.is_multiple_of(4) {
        let below = input.page_count - input.page_count % 4;
        warnings.push(Warning {
            code: "page_count_not_multiple_of_4".into(),
            field: Some("page_count".into()),
            message: format!(
                "{} pages is not a multiple of 4, which a printed magazine needs; {} or {} would bind.",
                input.page_count,
                below.max(4),
                below + 4
            ),
        });
    }
    Ok((clean, warnings))
}

/// The fields that differ between the stored edition and the one being saved.
pub(crate) fn diff(before: &EditionInput, after: &EditionInput) -> Vec<FieldChange> {
    let mut d = Diff::default();
    d.value("name", &before.name, &after.name);
    d.value("theme", &before.theme, &after.theme);
    d.value(
        "focus_topics",
        &before.focus_topics.join("; "),
        &after.focus_topics.join("; "),
    );
    d.option("cover_date", &before.cover_date, &after.cover_date);
    d.value("page_count", &before.page_count, &after.page_count);
    for ((field, _, old), (_, _, new)) in key_dates(before).iter().zip(key_dates(after)) {
        d.option(field, old, &new);
    }
    d.value("notes", &before.notes, &after.notes);
    d.into_changes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> EditionInput {
        EditionInput {
            name: "Feb/Mar 21".into(),
            page_count: 68,
            ..EditionInput::default()
        }
    }

    #[test]
    fn key_dates_out_of_order_name_the_later_field() {
        let mut i = input();
        i.press_date = NaiveDate::from_ymd_opt(2021, 2, 2);
        i.on_sale_date = NaiveDate::from_ymd_opt(2021, 2, 1);
        let e = validate(&i, true).unwrap_err();
        assert_eq!(
            (e.code(), e.field()),
            ("key_dates_out_of_order", Some("on_sale_date"))
        );
    }

    #[test]
    fn a_print_page_count_off_a_multiple_of_four_warns() {
        let mut i = input();
        i.page_count = 66;
        let (_, warnings) = validate(&i, true).unwrap();
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].message.contains("64 or 68"),
            "{}",
            warnings[0].message
        );
        assert!(validate(&i, false).unwrap().1.is_empty());
    }

    #[test]
    fn the_diff_lists_only_changed_fields_with_dates_as_iso_text() {
        let before = input();
        let mut after = input();
        after.theme = "Levelling up".into();
        after.copy_deadline = NaiveDate::from_ymd_opt(2021, 1, 8);
        let changes = diff(&before, &after);
        let got: Vec<_> = changes
            .iter()
            .map(|c| (c.field, c.old.clone(), c.new.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("theme", Some(String::new()), Some("Levelling up".into())),
                ("copy_deadline", None, Some("2021-01-08".into())),
            ]
        );
        assert!(diff(&before, &before).is_empty());
    }
}
