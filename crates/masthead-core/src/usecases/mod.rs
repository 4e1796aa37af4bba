//! One public function per user action. Each runs in ONE transaction that
//! also writes the history of what it changed; validation happens here, so
//! the CLI and the app refuse the same things with the same words.
//!
//! SQL lives only in these modules and in `store`.

mod articles;
mod contributors;
mod demo;
mod editions;
mod history;
mod lookup;
mod publications;
mod sections;
mod workflow;

pub use demo::{DEMO_EDITION, DEMO_PUBLICATION};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::Row;

pub(crate) use crate::store::Store;

use crate::actor::Actor;
use crate::error::{Error, Result};
use crate::model::HistoryId;

/// The user-visible name of what a history line is about.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Entity {
    Publication,
    Section,
    Edition,
    Article,
    Contributor,
    Assignment,
}

impl Entity {
    fn as_str(self) -> &'static str {
        match self {
            Entity::Publication => "publication",
            Entity::Section => "section",
            Entity::Edition => "edition",
            Entity::Article => "article",
            Entity::Contributor => "contributor",
            Entity::Assignment => "assignment",
        }
    }
}

/// Collects one history line per changed field, then writes them together.
pub(crate) struct Changes<'a> {
    actor: &'a Actor,
    entity: Entity,
    entity_id: String,
    at: String,
    rows: Vec<(&'static str, &'static str, Option<String>, Option<String>)>,
}

impl<'a> Changes<'a> {
    pub(crate) fn new(actor: &'a Actor, entity: Entity, entity_id: impl ToString) -> Self {
        Changes {
            actor,
            entity,
            entity_id: entity_id.to_string(),
            at: timestamp(Utc::now()),
            rows: Vec::new(),
        }
    }

    pub(crate) fn created(&mut self, summary: &str) {
        self.rows
            .push(("created", "", None, Some(summary.to_owned())));
    }

    pub(crate) fn field<T: PartialEq + ToString>(
        &mut self,
        field: &'static str,
        old: &Option<T>,
        new: &Option<T>,
    ) {
        if old != new {
            self.rows.push((
                "updated",
                field,
                old.as_ref().map(ToString::to_string),
                new.as_ref().map(ToString::to_string),
            ));
        }
    }

    pub(crate) fn value<T: PartialEq + ToString>(&mut self, field: &'static str, old: &T, new: &T) {
        if old != new {
            self.rows.push((
                "updated",
                field,
                Some(old.to_string()),
                Some(new.to_string()),
            ));
        }
    }

    pub(crate) fn status(&mut self, old: &str, new: &str) {
        self.rows.push((
            "status",
            "status",
            Some(old.to_owned()),
            Some(new.to_owned()),
        ));
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub(crate) fn at(&self) -> &str {
        &self.at
    }

    pub(crate) fn write(self, tx: &rusqlite::Connection) -> Result<()> {
        let mut stmt = tx.prepare_cached(
            "INSERT INTO history (id, at, actor, entity, entity_id, action, field, old_value, new_value)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (action, field, old, new) in self.rows {
            stmt.execute(rusqlite::params![
                HistoryId::new(),
                self.at,
                self.actor.name(),
                self.entity.as_str(),
                self.entity_id,
                action,
                (!field.is_empty()).then_some(field),
                old,
                new,
            ])?;
        }
        Ok(())
    }
}

/// Runs `sql` (which selects by `?1`) and maps the one row, or reports the
/// `entity` as not found.
pub(crate) fn fetch_one<T, Id: rusqlite::ToSql + ToString>(
    conn: &rusqlite::Connection,
    sql: &str,
    id: Id,
    entity: &'static str,
    map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<T> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached(sql)?
        .query_row([&id], map)
        .optional()?
        .ok_or_else(|| Error::NotFound {
            entity,
            key: id.to_string(),
        })
}

pub(crate) fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(row: &Row<'_>, index: &str) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = row.get(index)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

pub(crate) fn parse_date(row: &Row<'_>, index: &str) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

pub(crate) fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

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

/// Turns a UNIQUE constraint failure into the user's `duplicate` error;
/// any other error passes through.
pub(crate) fn or_duplicate(e: rusqlite::Error, duplicate: impl FnOnce() -> Error) -> Error {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            duplicate()
        }
        _ => Error::from(e),
    }
}
