use super::{
    Changes, Entity, Result, Store, date_text, fetch_one, optional_text, or_duplicate, parse_date,
    parse_timestamp, required_text,
};
use crate::actor::Actor;
use crate::error::Error;
use crate::model::{Edition, EditionId, EditionInput, PublicationId, Saved, Warning};
use chrono::NaiveDate;

pub const MAX_PAGES: u32 = 1000;
const MAX_TOPICS: usize = 20;

const SELECT: &str = "SELECT e.id, e.publication_id, p.name AS publication, e.name, e.theme,
        e.focus_topics, e.cover_date, e.page_count, e.commissioning_closes, e.copy_deadline,
        e.subbing_deadline, e.press_date, e.on_sale_date, e.notes, e.created_at, e.updated_at,
        e.version,
        (SELECT count(*) FROM articles a WHERE a.edition_id = e.id AND a.deleted_at IS NULL)
            AS article_count
     FROM editions e JOIN publications p ON p.id = e.publication_id
     WHERE e.deleted_at IS NULL";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Edition> {
    let topics: String = row.get("focus_topics")?;
    Ok(Edition {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        publication: row.get("publication")?,
        name: row.get("name")?,
        theme: row.get("theme")?,
        focus_topics: serde_json::from_str(&topics).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })?,
        cover_date: parse_date(row, "cover_date")?,
        page_count: row.get("page_count")?,
        commissioning_closes: parse_date(row, "commissioning_closes")?,
        copy_deadline: parse_date(row, "copy_deadline")?,
        subbing_deadline: parse_date(row, "subbing_deadline")?,
        press_date: parse_date(row, "press_date")?,
        on_sale_date: parse_date(row, "on_sale_date")?,
        notes: row.get("notes")?,
        article_count: row.get("article_count")?,
        created_at: parse_timestamp(row, "created_at")?,
        updated_at: parse_timestamp(row, "updated_at")?,
        version: row.get("version")?,
    })
}

/// The key dates in the order they must fall, with the words users know them by.
fn key_dates(input: &EditionInput) -> [(&'static str, &'static str, Option<NaiveDate>); 5] {
    [
        (
            "commissioning_closes",
            "commissioning close",
            input.commissioning_closes,
        ),
        ("copy_deadline", "copy deadline", input.copy_deadline),
        (
            "subbing_deadline",
            "subbing deadline",
            input.subbing_deadline,
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
    clean.notes = optional_text(&input.notes, "notes", "notes", 10_000)?;
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

fn duplicate(name: &str) -> Error {
    Error::Duplicate {
        field: Some("name"),
        message: format!(
            "This publication already has an edition called \"{name}\". Choose another name."
        ),
    }
}

/// An edition's editable fields in their stored form, bound as `?1` (id),
/// `?2`..`?12` (the fields in column order) and `?13` (the time of the change)
/// by both the INSERT and the UPDATE.
struct Stored {
    topics: String,
    dates: [Option<String>; 6],
}

impl Stored {
    fn new(v: &EditionInput) -> Stored {
        Stored {
            topics: serde_json::to_string(&v.focus_topics).unwrap_or_else(|_| "[]".into()),
            dates: [
                v.cover_date,
                v.commissioning_closes,
                v.copy_deadline,
                v.subbing_deadline,
                v.press_date,
                v.on_sale_date,
            ]
            .map(date_text),
        }
    }

    fn params<'a>(
        &'a self,
        id: &'a EditionId,
        v: &'a EditionInput,
        at: &'a dyn rusqlite::ToSql,
    ) -> Vec<&'a dyn rusqlite::ToSql> {
        let [cover, commissioning, copy, subbing, press, on_sale] = &self.dates;
        vec![
            id,
            &v.name,
            &v.theme,
            &self.topics,
            cover,
            &v.page_count,
            commissioning,
            copy,
            subbing,
            press,
            on_sale,
            &v.notes,
            at,
        ]
    }
}

impl Store {
    /// Editions of one publication (or all), latest on-sale date first.
    pub fn list_editions(&self, publication: Option<PublicationId>) -> Result<Vec<Edition>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} AND (?1 IS NULL OR e.publication_id = ?1)
             ORDER BY p.name COLLATE NOCASE, coalesce(e.on_sale_date, e.cover_date, '9999') DESC, e.name"
        ))?;
        let rows = stmt.query_map([publication], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn edition(&self, id: EditionId) -> Result<Edition> {
        fetch_one(
            &self.conn,
            &format!("{SELECT} AND e.id = ?1"),
            id,
            "edition",
            from_row,
        )
    }

    pub fn create_edition(
        &mut self,
        actor: &Actor,
        publication: PublicationId,
        input: &EditionInput,
    ) -> Result<Saved<Edition>> {
        let is_print = self.publication(publication)?.is_print;
        let (valid, warnings) = validate(input, is_print)?;
        let id = EditionId::new();
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Edition, id);
            let stored = Stored::new(&valid);
            let at = changes.at();
            let mut params = stored.params(&id, &valid, &at);
            params.push(&publication);
            tx.execute(
                "INSERT INTO editions (id, name, theme, focus_topics, cover_date, page_count,
                    commissioning_closes, copy_deadline, subbing_deadline, press_date,
                    on_sale_date, notes, created_at, updated_at, publication_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
                params.as_slice(),
            )
            .map_err(|e| or_duplicate(e, || duplicate(&valid.name)))?;
            changes.created(&valid.name);
            changes.write(tx)
        })?;
        Ok(Saved {
            item: self.edition(id)?,
            warnings,
        })
    }

    /// Replaces an edition's editable fields, recording each changed field.
    pub fn update_edition(
        &mut self,
        actor: &Actor,
        id: EditionId,
        input: &EditionInput,
    ) -> Result<Saved<Edition>> {
        let old = self.edition(id)?;
        let is_print = self.publication(old.publication_id)?.is_print;
        let (valid, warnings) = validate(input, is_print)?;
        let before = EditionInput::from(&old);
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Edition, id);
            changes.value("name", &before.name, &valid.name);
            changes.value("theme", &before.theme, &valid.theme);
            changes.value(
                "focus_topics",
                &before.focus_topics.join("; "),
                &valid.focus_topics.join("; "),
            );
            changes.field("cover_date", &before.cover_date, &valid.cover_date);
            changes.value("page_count", &before.page_count, &valid.page_count);
            for ((field, _, old), (_, _, new)) in key_dates(&before).iter().zip(key_dates(&valid)) {
                changes.field(field, old, &new);
            }
            changes.value("notes", &before.notes, &valid.notes);
            if changes.is_empty() {
                return Ok(());
            }
            let stored = Stored::new(&valid);
            let at = changes.at();
            tx.execute(
                "UPDATE editions SET name = ?2, theme = ?3, focus_topics = ?4, cover_date = ?5,
                    page_count = ?6, commissioning_closes = ?7, copy_deadline = ?8,
                    subbing_deadline = ?9, press_date = ?10, on_sale_date = ?11, notes = ?12,
                    updated_at = ?13, version = version + 1
                 WHERE id = ?1",
                stored.params(&id, &valid, &at).as_slice(),
            )
            .map_err(|e| or_duplicate(e, || duplicate(&valid.name)))?;
            changes.write(tx)
        })?;
        Ok(Saved {
            item: self.edition(id)?,
            warnings,
        })
    }
}
