//! Drafts: whose draft a file is, where the first one moves the piece, a
//! file sent twice, and the words of the copy against the target.

use crate::error::{Error, Result};
use crate::model::{Assignment, ContributorId, Draft, Status, WordCount};

/// How far off the target a count may be before it is flagged, in percent.
pub const WORDS_TOLERANCE_PERCENT: u32 = 10;

/// The kind of file a stored media type names, from the allow-list of
/// the kinds Masthead reads (.docx, .odt, .md, .txt); `None` for anything
/// else (a `.desktop`, a script…), which is never written out to be opened.
pub(crate) fn format_of_media_type(media_type: &str) -> Option<masthead_text::Format> {
    use masthead_text::Format;
    [Format::Docx, Format::Odt, Format::Markdown, Format::Text]
        .into_iter()
        .find(|f| f.media_type() == media_type)
}

/// The name Masthead gives a version's file on the desktop: the piece's
/// slug (letters, digits and hyphens only, whatever is stored), the version
/// and the extension of its kind. Never a stored file name: that came from
/// the contributor, and could hold a folder or an executable type.
pub(crate) fn desktop_file_name(slug: &str, version: u32, extension: &str) -> String {
    let clean: String = slug
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .take(80)
        .collect();
    let stem = clean.trim_matches('-');
    let stem = if stem.is_empty() { "draft" } else { stem };
    format!("{stem}-v{version}.{extension}")
}

/// The words of a version against the piece's target.
pub fn word_count(words: u32, target: Option<u32>, version: u32, approved: bool) -> WordCount {
    let percent = target.filter(|t| *t > 0).map(|t| {
        let diff = f64::from(words) - f64::from(t);
        (diff * 100.0 / f64::from(t)).round() as i32
    });
    let off = target.filter(|t| *t > 0).is_some_and(|t| {
        u64::from(words.abs_diff(t)) * 100 > u64::from(t) * u64::from(WORDS_TOLERANCE_PERCENT)
    });
    WordCount {
        words,
        target,
        percent,
        off,
        version,
        approved,
    }
}

/// "1,046 / 1,000 words (+5%)", "484 words" without a target.
pub fn describe_count(c: &WordCount) -> String {
    match (c.target, c.percent) {
        (Some(t), Some(p)) => {
            let sign = match p.signum() {
                1 => "+",
                -1 => "−",
                _ => "±",
            };
            format!(
                "{} / {} words ({sign}{}%)",
                thousands(c.words),
                thousands(t),
                p.unsigned_abs()
            )
        }
        _ => format!("{} words", thousands(c.words)),
    }
}

pub fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The assignment a draft answers: the one of `by` when given, else the
/// piece's one active writer. `title` names the piece in refusals.
pub(crate) fn author<'a>(
    assignments: &'a [Assignment],
    by: Option<ContributorId>,
    by_name: Option<&str>,
    title: &str,
) -> Result<&'a Assignment> {
    let active = || assignments.iter().filter(|a| a.state.is_active());
    match by {
        Some(who) => active()
            .filter(|a| a.contributor_id == who)
            .min_by_key(|a| a.role != crate::model::WRITER_ROLE)
            .ok_or_else(|| {
                Error::invalid(
                    "not_commissioned",
                    "contributor_id",
                    format!(
                        "{} is not commissioned on \"{title}\". Commission them first, or choose who wrote it among: {}.",
                        by_name.unwrap_or("That contributor"),
                        names(active())
                    ),
                )
            }),
        None => {
            let writers: Vec<&Assignment> = active()
                .filter(|a| a.role == crate::model::WRITER_ROLE)
                .collect();
            match writers.as_slice() {
                [one] => Ok(one),
                [] => Err(Error::invalid(
                    "no_writer",
                    "contributor_id",
                    format!(
                        "Nobody is commissioned to write \"{title}\", so Masthead cannot say whose draft this is. Commission the writer first (Commission… in the piece, or `masthead article assign`), then submit the draft."
                    ),
                )),
                many => Err(Error::invalid(
                    "writer_ambiguous",
                    "contributor_id",
                    format!(
                        "\"{title}\" has {} writers ({}). Say which one wrote this draft.",
                        many.len(),
                        names(many.iter().copied())
                    ),
                )),
            }
        }
    }
}

fn names<'a>(list: impl Iterator<Item = &'a Assignment>) -> String {
    let names: Vec<String> = list.map(|a| a.contributor.clone()).collect();
    if names.is_empty() {
        "nobody yet".to_owned()
    } else {
        names.join(", ")
    }
}

/// Refuses a file already stored as a version of the piece.
pub(crate) fn check_new_file(existing: &[Draft], sha256: &str, title: &str) -> Result<()> {
    match existing.iter().find(|d| d.sha256 == sha256) {
        Some(d) => Err(Error::Duplicate {
            field: Some("file"),
            message: format!(
                "This file is already version {} of \"{title}\" ({}, recorded {} by {}). Nothing was added; submit the changed file instead.",
                d.version,
                d.file_name,
                d.submitted_at.format("%-d %b %Y"),
                d.recorded_by
            ),
        }),
        None => Ok(()),
    }
}

/// Where a piece's first draft takes it: the workflow's drafts-arrive
/// status, when the piece has not reached it yet (and is not spiked or
/// final). `statuses` are the live ones, in workflow order.
pub(crate) fn first_draft_status<'a>(
    statuses: &'a [Status],
    current: &Status,
) -> Option<&'a Status> {
    let target = statuses.iter().find(|s| s.receives_drafts)?;
    let before = current.position < target.position;
    (before && !current.is_spiked && !current.is_final && current.id != target.id).then_some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_flagged_past_ten_percent_either_way() {
        let c = word_count(1046, Some(1000), 1, false);
        assert_eq!(c.percent, Some(5));
        assert!(!c.off);
        assert_eq!(describe_count(&c), "1,046 / 1,000 words (+5%)");
        assert!(!word_count(1100, Some(1000), 1, false).off);
        assert!(word_count(1101, Some(1000), 1, false).off);
        assert!(!word_count(900, Some(1000), 1, false).off);
        let under = word_count(484, Some(1000), 2, true);
        assert!(under.off);
        assert_eq!(describe_count(&under), "484 / 1,000 words (−52%)");
        let none = word_count(1234567, None, 1, false);
        assert_eq!((none.percent, none.off), (None, false));
        assert_eq!(describe_count(&none), "1,234,567 words");
        assert_eq!(
            describe_count(&word_count(500, Some(500), 1, false)),
            "500 / 500 words (±0%)"
        );
    }
}
