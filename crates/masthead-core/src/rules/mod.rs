//! The rules, apart from storage: validation, allowed moves, and the field
//! diffs that become history. Plain functions over domain values, tested
//! without a database; the use cases call them inside their transaction.

pub(crate) mod articles;
pub(crate) mod assignments;
pub(crate) mod comments;
pub(crate) mod contributors;
pub(crate) mod drafts;
pub(crate) mod editions;
pub(crate) mod flatplan;
pub(crate) mod kinds;
pub mod links;
pub(crate) mod search;
pub(crate) mod team;
pub(crate) mod workflow;

use crate::error::{Error, Result};
use crate::history::FieldChange;

/// The one rule for telling names apart, on a file and on a server alike:
/// Unicode's full case folding (CaseFolding.txt, its C and F mappings), so
/// "Café" is "CAFÉ" and "Straße" is "STRASSE". Unique names and lookups by
/// name compare `fold`s: both stores index `masthead_fold(name)`, which a
/// file's connections run as this function and a server as migration 11's
/// copy of its table (a test checks every character against this).
pub fn fold(text: &str) -> String {
    // ASCII folds to its lower case: no need for the tables (sorting a
    // board's titles by the fold showed the tables' cost in the profile).
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    caseless::default_case_fold_str(text)
}

/// Whether two names are one by [`fold`] (each trimmed, and composed as
/// Masthead stores text: see [`composed`]).
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    fold(&composed(a.trim())) == fold(&composed(b.trim()))
}

/// Text as Masthead stores a one-line field: Unicode's composed form
/// (NFC), so "Café" typed as C-a-f-e-◌́ is the same name as "Café".
pub(crate) fn composed(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

/// Whether a field's name is a plural ("notes"), for the verb that follows.
fn plural(what: &str) -> bool {
    what.ends_with("notes")
}

/// Characters that show nothing: white space, control characters and the
/// invisible format characters (zero-width space and joiners, the byte
/// order mark, the soft hyphen, word joiners). A name made only of these
/// is empty.
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// The characters that reverse the direction of the text around them
/// (embeddings, overrides, isolates): in a one-line name they can make it
/// read as another.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// One rule for every piece of text a user saves, on both stores: NUL is
/// refused everywhere; a one-line field (a title, a name, a file name)
/// takes no control character and no direction override; a block of text
/// (notes, a brief, a standfirst) keeps tabs and line breaks (Windows' and
/// old Macs' made `\n`) and refuses other control characters.
pub(crate) fn check_characters(
    text: &str,
    field: &'static str,
    what: &str,
    block: bool,
) -> Result<()> {
    let refuse = |c: char, why: &str| {
        Err(Error::invalid(
            format!("{field}_invalid_character"),
            field,
            format!(
                "The {what} {} {why} (U+{:04X}). Remove it; nothing was saved.",
                if plural(what) { "contain" } else { "contains" },
                c as u32
            ),
        ))
    };
    for c in text.chars() {
        if c == '\0' {
            return refuse(c, "a NUL character, which Masthead cannot store");
        }
        if c.is_control() && !(block && (c == '\n' || c == '\t')) {
            return refuse(
                c,
                if block {
                    "a control character (only tabs and line breaks are kept)"
                } else {
                    "a control character (it is one line of plain text)"
                },
            );
        }
        if !block && matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') {
            return refuse(
                c,
                "a line break or an invisible mark (it is one line of plain text)",
            );
        }
        if !block && is_bidi_control(c) {
            return refuse(
                c,
                "a character that reverses the direction of the text around it, which can make it read as something else",
            );
        }
    }
    Ok(())
}

/// Trims a one-line `text` and checks it is present (not only invisible
/// characters), of allowed characters and not longer than `max` characters.
pub(crate) fn required_text(
    text: &str,
    field: &'static str,
    what: &str,
    max: usize,
) -> Result<String> {
    let text = text.trim();
    if text.chars().all(is_invisible) {
        return Err(Error::invalid(
            format!("{field}_required"),
            field,
            format!("The {what} is empty. Type a {what}."),
        ));
    }
    optional_text(text, field, what, max)
}

/// Trims a one-line `text` and checks its characters and that it is not
/// longer than `max` characters.
pub(crate) fn optional_text(
    text: &str,
    field: &'static str,
    what: &str,
    max: usize,
) -> Result<String> {
    let text = composed(text.trim());
    check_characters(&text, field, what, false)?;
    limit(&text, field, what, max)
}

/// A block of text (notes, a brief, a standfirst): line breaks made `\n`,
/// trimmed, its characters checked, not longer than `max` characters.
pub(crate) fn optional_block(
    text: &str,
    field: &'static str,
    what: &str,
    max: usize,
) -> Result<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    check_characters(text, field, what, true)?;
    limit(text, field, what, max)
}

fn limit(text: &str, field: &'static str, what: &str, max: usize) -> Result<String> {
    let len = text.chars().count();
    if len > max {
        return Err(Error::invalid(
            format!("{field}_too_long"),
            field,
            format!(
                "The {what} {} {len} characters long; the most is {max}. Shorten {}.",
                if plural(what) { "are" } else { "is" },
                if plural(what) { "them" } else { "it" }
            ),
        ));
    }
    Ok(text.to_owned())
}

/// How people type a name they mean: "case study", "Case-Study" and
/// "case_study" are the same kind; "In edit" and "in_edit" the same status.
pub(crate) fn normalise(text: &str) -> String {
    fold(text.trim())
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
