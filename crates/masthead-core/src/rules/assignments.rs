//! What makes an assignment valid: its role, brief, target, due date and
//! fee (exact decimals in a currency's minor units, never floats), and the
//! answers it may take.

use super::{Diff, optional_block, required_text};
use crate::error::{Error, Result};
use crate::history::FieldChange;
use crate::model::{
    Assignment, AssignmentInput, AssignmentState, AssignmentTerms, Edition, Warning,
    currency_decimals, format_fee,
};

fn fee_error(code: &str, message: String) -> Error {
    Error::invalid(code.to_owned(), "fee", message)
}

/// "350", "350.5", "1,250.00" in `currency` → minor units, exactly.
pub(crate) fn parse_fee(text: &str, currency: &str) -> Result<i64> {
    let text = text.trim();
    // A comma only groups thousands ("1,250.00"); "1,50" is not an amount here.
    let (whole_typed, _) = text.split_once('.').unwrap_or((text, ""));
    if whole_typed.contains(',') {
        let groups: Vec<&str> = whole_typed.trim_start_matches('-').split(',').collect();
        let grouped = groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            return Err(fee_error(
                "fee_invalid",
                format!(
                    "\"{text}\" is not an amount. Type a number such as 350 or 1,250.00, with a point before the pence."
                ),
            ));
        }
    }
    let cleaned: String = text.chars().filter(|c| *c != ',').collect();
    if cleaned.starts_with('-') {
        return Err(fee_error(
            "fee_negative",
            format!(
                "A fee cannot be negative (\"{}\"). Type an amount of 0 or more.",
                text.trim()
            ),
        ));
    }
    let places = currency_decimals(currency);
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return Err(fee_error(
            "fee_invalid",
            format!(
                "\"{}\" is not an amount. Type a number such as 350 or 350.00.",
                text.trim()
            ),
        ));
    }
    if fraction.len() as u32 > places {
        return Err(fee_error(
            "fee_too_precise",
            format!(
                "{currency} amounts have {places} decimal places; \"{}\" has {}. Round it.",
                text.trim(),
                fraction.len()
            ),
        ));
    }
    let scale = 10_i64.pow(places);
    let whole: i64 = if whole.is_empty() {
        Ok(0)
    } else {
        whole.parse()
    }
    .ok()
    .filter(|w: &i64| *w <= 1_000_000_000)
    .ok_or_else(|| {
        fee_error(
            "fee_too_large",
            format!(
                "\"{}\" is more than a fee can be. Check the amount.",
                text.trim()
            ),
        )
    })?;
    let mut minor: i64 = 0;
    for (i, c) in fraction.chars().enumerate() {
        minor += i64::from(c.to_digit(10).unwrap_or(0)) * 10_i64.pow(places - 1 - i as u32);
    }
    Ok(whole * scale + minor)
}

fn currency(text: Option<&str>) -> Result<String> {
    let code = text.unwrap_or("").trim().to_uppercase();
    if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(Error::invalid(
            "currency_invalid",
            "currency",
            if code.is_empty() {
                "A fee needs its currency. Choose one, such as GBP.".to_owned()
            } else {
                format!("\"{code}\" is not a currency code. Use three letters, such as GBP or EUR.")
            },
        ))
    }
}

pub(crate) fn validate(input: &AssignmentInput) -> Result<AssignmentTerms> {
    let role = required_text(&input.role, "role", "role", 40)?.to_lowercase();
    let brief = optional_block(&input.brief, "brief", "brief", 20_000)?;
    // Words are the writer's: anyone else (a photographer, an interviewee)
    // needs no target, and 0 for them means none.
    let word_target = match input.word_target {
        Some(0) if role != crate::model::WRITER_ROLE => None,
        other => other,
    };
    if let Some(words) = word_target
        && !(1..=100_000).contains(&words)
    {
        return Err(Error::invalid(
            "word_target_range",
            "word_target",
            format!("A word target of {words} is out of range. Type 1 to 100,000 words."),
        ));
    }
    let fee = match input.fee.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(amount) => {
            let currency = currency(input.currency.as_deref())?;
            Some((parse_fee(amount, &currency)?, currency))
        }
    };
    Ok(AssignmentTerms {
        role,
        brief,
        word_target,
        due_date: input.due_date,
        fee,
    })
}

/// A due date after the edition goes to press cannot be met in print.
pub(crate) fn warnings(a: &AssignmentTerms, edition: &Edition) -> Vec<Warning> {
    match (a.due_date, edition.press_date) {
        (Some(due), Some(press)) if due > press => vec![Warning {
            code: "due_after_press".into(),
            field: Some("due_date".into()),
            message: format!(
                "The due date ({}) is after {} goes to press ({}). Bring it forward, or the piece will miss this edition.",
                due.format("%-d %b %Y"),
                edition.name,
                press.format("%-d %b %Y")
            ),
        }],
        _ => Vec::new(),
    }
}

/// Checks that `to` may follow the assignment's state: an answer is
/// recorded once, on an offer; withdrawing needs an offer or an acceptance.
pub(crate) fn check_state_change(a: &Assignment, to: AssignmentState) -> Result<()> {
    use AssignmentState::*;
    let ok = match to {
        Accepted | Declined => a.state == Offered,
        Withdrawn => a.state.is_active(),
        Offered => false,
    };
    if ok {
        return Ok(());
    }
    let now = a.state.key();
    Err(Error::invalid(
        "assignment_state",
        None,
        match to {
            Accepted | Declined => format!(
                "{}'s assignment on \"{}\" is {now}, so there is no offer to answer. Offer it again to record a new answer.",
                a.contributor, a.article_title
            ),
            _ => format!(
                "{}'s assignment on \"{}\" is already {now}.",
                a.contributor, a.article_title
            ),
        },
    ))
}

/// The fields that differ, for the history.
pub(crate) fn diff(old: &Assignment, new: &AssignmentTerms) -> Vec<FieldChange> {
    let mut d = Diff::default();
    d.value("role", &old.role, &new.role);
    d.value("brief", &old.brief, &new.brief);
    d.option("word_target", &old.word_target, &new.word_target);
    d.option("due_date", &old.due_date, &new.due_date);
    let fee = |f: &Option<(i64, String)>| {
        f.as_ref()
            .map(|(minor, cur)| format!("{cur} {}", format_fee(*minor, cur)))
    };
    let old_fee = old.fee_minor.zip(old.fee_currency.clone());
    d.option("fee", &fee(&old_fee), &fee(&new.fee));
    d.into_changes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_are_exact_minor_units() {
        assert_eq!(parse_fee("350", "GBP").unwrap(), 35_000);
        assert_eq!(parse_fee("350.5", "GBP").unwrap(), 35_050);
        assert_eq!(parse_fee("1,250.05", "EUR").unwrap(), 125_005);
        assert_eq!(parse_fee("0.10", "USD").unwrap(), 10);
        assert_eq!(parse_fee("5000", "JPY").unwrap(), 5000);
        assert_eq!(parse_fee("1.234", "KWD").unwrap(), 1234);
        assert_eq!(format_fee(35_050, "GBP"), "350.50");
        assert_eq!(format_fee(5, "GBP"), "0.05");
        assert_eq!(format_fee(5000, "JPY"), "5000");
    }

    #[test]
    fn bad_fees_say_what_to_type() {
        for (text, code) in [
            ("-5", "fee_negative"),
            ("12.345", "fee_too_precise"),
            ("ten", "fee_invalid"),
            ("1.2.3", "fee_invalid"),
            (".", "fee_invalid"),
            ("99999999999", "fee_too_large"),
            ("1,50", "fee_invalid"),
            ("12,34.00", "fee_invalid"),
        ] {
            let e = parse_fee(text, "GBP").unwrap_err();
            assert_eq!(e.code(), code, "{text}");
            assert_eq!(e.field(), Some("fee"));
        }
        assert_eq!(
            parse_fee("5.5", "JPY").unwrap_err().code(),
            "fee_too_precise"
        );
    }
}
