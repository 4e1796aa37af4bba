//! History as change sets: each user action writes one [`ChangeSet`] (who,
//! when, which publication and edition) holding one [`Change`] per created
//! record, changed field or status move. [`describe`] is the one place that
//! turns a change into words; the CLI and the app both show its sentence.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::actor::Actor;
use crate::model::{ChangeSetId, EditionId, HistoryEntry, HistoryId, PublicationId};

/// What a history line is about. The keys are rows of
/// `history_entity_types`; a new kind of record adds a row there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entity {
    Publication,
    Section,
    Edition,
    Article,
    Contributor,
    Assignment,
    Kind,
    Workflow,
    Advert,
    Flatplan,
    Draft,
    Person,
    Comment,
}

impl Entity {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Entity::Publication => "publication",
            Entity::Section => "section",
            Entity::Edition => "edition",
            Entity::Article => "article",
            Entity::Contributor => "contributor",
            Entity::Assignment => "assignment",
            Entity::Kind => "kind",
            Entity::Workflow => "workflow",
            Entity::Advert => "advert",
            Entity::Flatplan => "flatplan",
            Entity::Draft => "draft",
            Entity::Person => "person",
            Entity::Comment => "comment",
        }
    }
}

/// What happened; rows of `history_actions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Created,
    Updated,
    Status,
    Retired,
    Restored,
    Deleted,
    /// Emptied from the trash: no longer restorable (its rows are kept).
    Emptied,
}

impl Action {
    pub(crate) fn key(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Updated => "updated",
            Action::Status => "status",
            Action::Retired => "retired",
            Action::Restored => "restored",
            Action::Deleted => "deleted",
            Action::Emptied => "emptied",
        }
    }
}

/// One changed field, as the rules work it out: the words shown and, where
/// the value names another record, that record's stable id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldChange {
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
    pub old_ref: Option<String>,
    pub new_ref: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub id: HistoryId,
    pub entity: Entity,
    pub entity_id: String,
    /// The record's version after this change.
    pub version: Option<u32>,
    pub action: Action,
    pub field: Option<&'static str>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub old_ref: Option<String>,
    pub new_ref: Option<String>,
    /// What the line is about when not the record itself: the contributor
    /// of an assignment, the status of a workflow change.
    pub subject: Option<String>,
}

/// Everything one user action changed, written in that action's transaction.
#[derive(Debug, Clone)]
pub(crate) struct ChangeSet {
    pub id: ChangeSetId,
    pub at: String,
    pub actor: String,
    pub publication: Option<PublicationId>,
    pub edition: Option<EditionId>,
    pub changes: Vec<Change>,
}

impl ChangeSet {
    pub(crate) fn new(
        actor: &Actor,
        publication: Option<PublicationId>,
        edition: Option<EditionId>,
    ) -> ChangeSet {
        ChangeSet {
            id: ChangeSetId::new(),
            at: timestamp(Utc::now()),
            actor: actor.name().to_owned(),
            publication,
            edition,
            changes: Vec::new(),
        }
    }

    pub(crate) fn at(&self) -> &str {
        &self.at
    }

    /// How many changes are recorded so far (for [`ChangeSet::about`]).
    pub(crate) fn len(&self) -> usize {
        self.changes.len()
    }

    /// Says what the changes recorded since `from` are about.
    pub(crate) fn about(&mut self, from: usize, subject: &str) {
        for c in &mut self.changes[from..] {
            c.subject = Some(subject.to_owned());
        }
    }

    pub(crate) fn created(&mut self, entity: Entity, id: impl ToString, summary: &str) {
        self.push(
            entity,
            id,
            Some(1),
            Action::Created,
            FieldChange {
                field: "",
                old: None,
                new: Some(summary.to_owned()),
                old_ref: None,
                new_ref: None,
            },
        );
    }

    /// Records field changes that took the record to `version`.
    pub(crate) fn updated(
        &mut self,
        entity: Entity,
        id: impl ToString,
        version: u32,
        fields: Vec<FieldChange>,
    ) {
        let id = id.to_string();
        for f in fields {
            self.push(entity, &id, Some(version), Action::Updated, f);
        }
    }

    pub(crate) fn action(
        &mut self,
        entity: Entity,
        id: impl ToString,
        version: u32,
        action: Action,
        change: FieldChange,
    ) {
        self.push(entity, id, Some(version), action, change);
    }

    /// Records an action on a record whose version it does not change
    /// (emptied from the trash).
    pub(crate) fn unversioned(
        &mut self,
        entity: Entity,
        id: impl ToString,
        action: Action,
        change: FieldChange,
    ) {
        self.push(entity, id, None, action, change);
    }

    fn push(
        &mut self,
        entity: Entity,
        id: impl ToString,
        version: Option<u32>,
        action: Action,
        f: FieldChange,
    ) {
        self.changes.push(Change {
            id: HistoryId::new(),
            entity,
            entity_id: id.to_string(),
            version,
            action,
            field: (!f.field.is_empty()).then_some(f.field),
            old_value: f.old,
            new_value: f.new,
            old_ref: f.old_ref,
            new_ref: f.new_ref,
            subject: None,
        });
    }
}

/// History times: UTC, RFC 3339, milliseconds (they sort as text).
/// A time as Masthead stores it: RFC 3339 in UTC with milliseconds, so
/// stored times sort as text.
pub(crate) fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// The words a user knows a field by.
pub fn field_name(field: &str) -> &str {
    match field {
        "word_target" => "word target",
        "focus_topics" => "focus topics",
        "cover_date" => "cover date",
        "page_count" => "page count",
        "commissioning_closes" => "commissioning close",
        "copy_deadline" => "copy deadline",
        "subbing_deadline" => "subbing deadline",
        "press_date" => "press date",
        "on_sale_date" => "on-sale date",
        "is_print" => "print edition",
        "due_date" => "due date",
        "words_per_page" => "words to a page",
        "approved_copy" => "approved copy",
        "is_final" => "final flag",
        "is_spiked" => "spiked flag",
        "receives_drafts" => "drafts-arrive-here flag",
        other => other,
    }
}

/// One history line in words, without who or when (shown beside it):
/// "changed the title from “A” to “B”", "moved it from Idea to Commissioned".
pub fn describe(h: &HistoryEntry) -> String {
    let show = |v: &Option<String>| match v.as_deref() {
        None | Some("") => "nothing".to_owned(),
        Some(v) => format!("“{v}”"),
    };
    let subject = h.subject.as_deref().unwrap_or("someone");
    if h.entity == "workflow" {
        return describe_workflow(h, subject);
    }
    if h.entity == "flatplan" {
        let old = h.old_value.as_deref().unwrap_or("?");
        let new = h.new_value.as_deref().unwrap_or("?");
        return match h.action.as_str() {
            "created" => format!("placed it on {new}"),
            "deleted" => format!("took it off the flatplan ({old})"),
            _ => format!("moved it on the flatplan from {old} to {new}"),
        };
    }
    match h.action.as_str() {
        "created" if h.entity == "draft" => format!(
            "recorded {subject}'s draft, {}",
            h.new_value.as_deref().unwrap_or("a new version")
        ),
        "updated" if h.field.as_deref() == Some("approved_copy") => match &h.new_value {
            Some(v) => format!("approved {v} as the copy"),
            None => "withdrew the approval of the copy".to_owned(),
        },
        "created" if h.entity == "person" => format!(
            "invited {} to the team",
            h.new_value.as_deref().unwrap_or("someone")
        ),
        "updated" if h.entity == "person" => format!(
            "made {subject} {} instead of {}",
            article(h.new_value.as_deref().unwrap_or("?")),
            article(h.old_value.as_deref().unwrap_or("?"))
        ),
        "deleted" if h.entity == "person" => format!("took {subject} off the team"),
        "created" if h.entity == "comment" => {
            format!("commented: “{}”", h.new_value.as_deref().unwrap_or(""))
        }
        "updated" if h.entity == "comment" => "edited their comment".to_owned(),
        "deleted" if h.entity == "comment" => "deleted their comment".to_owned(),
        "restored" if h.entity == "comment" => "brought back their comment".to_owned(),
        "created" if h.entity == "assignment" => format!(
            "assigned it to {}",
            h.new_value.as_deref().unwrap_or("someone")
        ),
        "updated" if h.entity == "assignment" && h.field.as_deref() == Some("state") => {
            match h.new_value.as_deref() {
                Some("accepted") => format!("recorded that {subject} accepted"),
                Some("declined") => format!("recorded that {subject} declined"),
                Some("withdrawn") => format!("withdrew the assignment from {subject}"),
                other => format!("set {subject}'s assignment to {}", other.unwrap_or("?")),
            }
        }
        "updated" if h.entity == "assignment" => {
            let field = field_name(h.field.as_deref().unwrap_or("a field"));
            match h.field.as_deref() {
                Some("brief") => format!("edited {subject}'s brief"),
                _ => format!(
                    "changed {subject}'s {field} from {} to {}",
                    show(&h.old_value),
                    show(&h.new_value)
                ),
            }
        }
        "created" => "created it".to_owned(),
        "status" => format!(
            "moved it from {} to {}",
            h.old_value.as_deref().unwrap_or("?"),
            h.new_value.as_deref().unwrap_or("?")
        ),
        "updated" => {
            let field = field_name(h.field.as_deref().unwrap_or("a field"));
            match h.field.as_deref() {
                Some("standfirst" | "notes") => format!("edited the {field}"),
                _ => format!(
                    "changed the {field} from {} to {}",
                    show(&h.old_value),
                    show(&h.new_value)
                ),
            }
        }
        "retired" => "retired it".to_owned(),
        "restored" => "brought it back".to_owned(),
        "deleted" => "moved it to the trash".to_owned(),
        "emptied" => "emptied it from the trash".to_owned(),
        other => other.to_owned(),
    }
}

/// Workflow lines: `subject` is the status the change is about.
fn describe_workflow(h: &HistoryEntry, subject: &str) -> String {
    let old = h.old_value.as_deref().unwrap_or("nothing");
    let new = h.new_value.as_deref().unwrap_or("nothing");
    match (h.action.as_str(), h.field.as_deref()) {
        ("created", _) => format!("added the status “{subject}”"),
        ("deleted", _) => format!("deleted the status “{subject}”"),
        ("retired", _) => format!("retired the status “{subject}”"),
        ("restored", _) => format!("brought back the status “{subject}”"),
        ("updated", Some("label")) => format!("renamed the status “{old}” to “{new}”"),
        ("updated", Some("move")) => match (&h.old_value, &h.new_value) {
            (None, Some(to)) => format!("allowed moves from {subject} to {to}"),
            (Some(to), None) => format!("stopped moves from {subject} to {to}"),
            _ => format!("changed the moves from {subject}"),
        },
        ("updated", Some("position")) => {
            format!("moved the status “{subject}” from place {old} to {new}")
        }
        ("updated", Some("initial")) => {
            format!("made “{new}” where new pieces start, instead of “{old}”")
        }
        ("updated", Some(field)) => format!(
            "changed the {} of “{subject}” from {old} to {new}",
            field_name(field)
        ),
        (other, _) => format!("{other} the workflow"),
    }
}

/// "an editor", "a contributor".
fn article(role: &str) -> String {
    match role.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {role}"),
        _ => format!("a {role}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(
        action: &str,
        field: Option<&str>,
        old: Option<&str>,
        new: Option<&str>,
    ) -> HistoryEntry {
        HistoryEntry {
            id: HistoryId::new(),
            change_set_id: ChangeSetId::new(),
            at: Utc::now(),
            actor: "Tess".into(),
            entity: "article".into(),
            entity_id: "x".into(),
            version: Some(2),
            action: action.into(),
            field: field.map(Into::into),
            old_value: old.map(Into::into),
            new_value: new.map(Into::into),
            old_ref: None,
            new_ref: None,
            subject: None,
            text: String::new(),
        }
    }

    #[test]
    fn history_reads_as_sentences() {
        let cases = [
            (entry("created", None, None, Some("T")), "created it"),
            (
                entry("status", Some("status"), Some("Idea"), Some("Commissioned")),
                "moved it from Idea to Commissioned",
            ),
            (
                entry("updated", Some("word_target"), None, Some("900")),
                "changed the word target from nothing to “900”",
            ),
            (
                entry("updated", Some("standfirst"), Some("a"), Some("b")),
                "edited the standfirst",
            ),
            (entry("retired", None, None, None), "retired it"),
        ];
        for (h, expected) in cases {
            assert_eq!(describe(&h), expected);
        }
    }
}
