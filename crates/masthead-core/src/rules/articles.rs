//! What makes a piece valid, the moves its workflow allows, and what changed.

use super::{Diff, optional_block, required_text};
use crate::error::{Error, Result};
use crate::history::FieldChange;
use crate::model::{Article, ArticleInput, Kind, Section, Status, StatusId};

pub const MAX_WORD_TARGET: u32 = 100_000;

/// A URL- and file-safe form of a title: "Keep communities at the heart…" ->
/// "keep-communities-at-the-heart".
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    slug.chars()
        .take(80)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

pub(crate) fn validate(input: &ArticleInput) -> Result<ArticleInput> {
    let mut clean = input.clone();
    clean.title = required_text(&input.title, "title", "title", 200)?;
    clean.standfirst = optional_block(&input.standfirst, "standfirst", "standfirst", 1000)?;
    clean.notes = optional_block(&input.notes, "notes", "notes", 10_000)?;
    match input.word_target {
        Some(0) => {
            return Err(Error::invalid(
                "word_target_not_positive",
                "word_target",
                "The word target must be at least 1 word, or left empty.",
            ));
        }
        Some(n) if n > MAX_WORD_TARGET => {
            return Err(Error::invalid(
                "word_target_too_large",
                "word_target",
                format!(
                    "{n} words is more than Masthead allows ({MAX_WORD_TARGET}). Check the number."
                ),
            ));
        }
        _ => {}
    }
    Ok(clean)
}

/// "Keep mine" after a conflict: their saved piece, with the fields this
/// user changed (where `mine` differs from the `base` she started from)
/// put on top; what they changed elsewhere stays.
pub fn keep_mine(theirs: &ArticleInput, base: &ArticleInput, mine: &ArticleInput) -> ArticleInput {
    fn pick<T: PartialEq + Clone>(theirs: &T, base: &T, mine: &T) -> T {
        if mine == base { theirs } else { mine }.clone()
    }
    ArticleInput {
        title: pick(&theirs.title, &base.title, &mine.title),
        standfirst: pick(&theirs.standfirst, &base.standfirst, &mine.standfirst),
        section_id: pick(&theirs.section_id, &base.section_id, &mine.section_id),
        kind_id: pick(&theirs.kind_id, &base.kind_id, &mine.kind_id),
        word_target: pick(&theirs.word_target, &base.word_target, &mine.word_target),
        notes: pick(&theirs.notes, &base.notes, &mine.notes),
    }
}

/// The fields that differ between the stored piece and the one being saved;
/// the section and kind are shown by name and kept by id.
pub(crate) fn diff(
    old: &Article,
    new: &ArticleInput,
    new_section: Option<&Section>,
    new_kind: &Kind,
) -> Vec<FieldChange> {
    let mut d = Diff::default();
    d.value("title", &old.title, &new.title);
    d.value("standfirst", &old.standfirst, &new.standfirst);
    d.reference(
        "section",
        (old.section_id, old.section.clone()),
        (
            new_section.map(|s| s.id),
            new_section.map(|s| s.name.clone()),
        ),
    );
    d.reference(
        "kind",
        (Some(old.kind_id), Some(old.kind_label.clone())),
        (Some(new_kind.id), Some(new_kind.label.clone())),
    );
    d.option("word_target", &old.word_target, &new.word_target);
    d.value("notes", &old.notes, &new.notes);
    d.into_changes()
}

/// Checks a status move against the moves the workflow allows from where
/// the piece is; returns the target status.
pub(crate) fn check_move<'a>(
    current: &Status,
    allowed: &'a [Status],
    to: StatusId,
    to_label: &str,
) -> Result<&'a Status> {
    if let Some(target) = allowed.iter().find(|s| s.id == to) {
        return Ok(target);
    }
    Err(if to == current.id {
        Error::invalid(
            "status_unchanged",
            Some("status"),
            format!("The piece is already \"{to_label}\"."),
        )
    } else {
        Error::TransitionNotAllowed {
            from: current.label.clone(),
            to: to_label.to_owned(),
            allowed: describe(allowed),
        }
    })
}

fn describe(statuses: &[Status]) -> String {
    if statuses.is_empty() {
        "nowhere (it is final)".into()
    } else {
        statuses
            .iter()
            .map(|s| format!("\"{}\"", s.label))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{KindId, SectionId};

    fn status(label: &str, position: u32) -> Status {
        Status {
            id: StatusId::new(),
            key: label.to_lowercase(),
            label: label.into(),
            position,
            colour: "slate".into(),
            is_initial: position == 0,
            is_spiked: false,
            is_final: false,
            receives_drafts: false,
            deadline: None,
            retired: false,
        }
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(
            slugify("Keep communities at the heart of planning!"),
            "keep-communities-at-the-heart-of-planning"
        );
        assert_eq!(slugify("  £100 -- Amazon  voucher "), "100-amazon-voucher");
    }

    #[test]
    fn a_move_is_checked_against_the_allowed_ones() {
        let idea = status("Idea", 0);
        let commissioned = status("Commissioned", 1);
        let published = status("Published", 7);
        let allowed = vec![commissioned.clone()];
        assert_eq!(
            check_move(&idea, &allowed, commissioned.id, "Commissioned")
                .unwrap()
                .id,
            commissioned.id
        );
        let e = check_move(&idea, &allowed, published.id, "Published").unwrap_err();
        assert_eq!(e.code(), "transition_not_allowed");
        assert!(e.to_string().contains("\"Commissioned\""), "{e}");
        let e = check_move(&idea, &allowed, idea.id, "Idea").unwrap_err();
        assert_eq!(e.code(), "status_unchanged");
        let e = check_move(&published, &[], idea.id, "Idea").unwrap_err();
        assert!(e.to_string().contains("nowhere (it is final)"), "{e}");
    }

    #[test]
    fn word_targets_must_be_positive_and_sane() {
        let mut input = ArticleInput {
            title: " A title ".into(),
            standfirst: String::new(),
            section_id: None,
            kind_id: KindId::new(),
            word_target: Some(0),
            notes: String::new(),
        };
        assert_eq!(
            validate(&input).unwrap_err().code(),
            "word_target_not_positive"
        );
        input.word_target = Some(MAX_WORD_TARGET + 1);
        assert_eq!(
            validate(&input).unwrap_err().code(),
            "word_target_too_large"
        );
        input.word_target = Some(900);
        assert_eq!(validate(&input).unwrap().title, "A title");
        let _ = SectionId::new();
    }
}
