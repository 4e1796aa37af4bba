use rusqlite::OptionalExtension;

use super::workflow::{INITIAL_STATUS, next_statuses};
use super::{
    Changes, Entity, Result, Store, fetch_one, optional_text, parse_timestamp, required_text,
};
use crate::actor::Actor;
use crate::error::Error;
use crate::model::{
    Article, ArticleDetail, ArticleId, ArticleInput, EditionId, SectionId, Status, StatusId,
};

pub const MAX_WORD_TARGET: u32 = 100_000;

const SELECT: &str = "SELECT a.id, a.edition_id, a.title, a.slug, a.standfirst, a.section_id,
        sec.name AS section, a.kind, a.word_target, a.status_id, s.key AS status,
        s.label AS status_label, s.colour AS status_colour, a.notes, a.created_at, a.updated_at,
        a.version,
        (SELECT json_group_array(c.name) FROM assignments asg
           JOIN contributors c ON c.id = asg.contributor_id
          WHERE asg.article_id = a.id AND asg.deleted_at IS NULL AND asg.state <> 'declined')
            AS contributors
     FROM articles a
     JOIN workflow_statuses s ON s.id = a.status_id
     LEFT JOIN sections sec ON sec.id = a.section_id
     WHERE a.deleted_at IS NULL";

fn json_err(e: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
    let kind: String = row.get("kind")?;
    let contributors: String = row.get("contributors")?;
    Ok(Article {
        id: row.get("id")?,
        edition_id: row.get("edition_id")?,
        title: row.get("title")?,
        slug: row.get("slug")?,
        standfirst: row.get("standfirst")?,
        section_id: row.get("section_id")?,
        section: row.get("section")?,
        kind: serde_json::from_value(serde_json::Value::String(kind)).map_err(json_err)?,
        word_target: row.get("word_target")?,
        status_id: row.get("status_id")?,
        status: row.get("status")?,
        status_label: row.get("status_label")?,
        status_colour: row.get("status_colour")?,
        contributors: serde_json::from_str(&contributors).map_err(json_err)?,
        notes: row.get("notes")?,
        created_at: parse_timestamp(row, "created_at")?,
        updated_at: parse_timestamp(row, "updated_at")?,
        version: row.get("version")?,
    })
}

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

fn validate(input: &ArticleInput) -> Result<ArticleInput> {
    let mut clean = input.clone();
    clean.title = required_text(&input.title, "title", "title", 200)?;
    clean.standfirst = optional_text(&input.standfirst, "standfirst", "standfirst", 1000)?;
    clean.notes = optional_text(&input.notes, "notes", "notes", 10_000)?;
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

impl Store {
    /// The pieces of an edition, in section order then title.
    pub fn list_articles(&self, edition: EditionId) -> Result<Vec<Article>> {
        self.edition(edition)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} AND a.edition_id = ?1
             ORDER BY coalesce(sec.position, 1000000), s.position, a.title COLLATE NOCASE"
        ))?;
        let rows = stmt.query_map([edition], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn article(&self, id: ArticleId) -> Result<Article> {
        fetch_one(
            &self.conn,
            &format!("{SELECT} AND a.id = ?1"),
            id,
            "article",
            from_row,
        )
    }

    /// The article, the statuses it may move to, and its history.
    pub fn article_detail(&self, id: ArticleId) -> Result<ArticleDetail> {
        let article = self.article(id)?;
        Ok(ArticleDetail {
            next_statuses: next_statuses(&self.conn, article.status_id)?,
            history: self.history_of(&id.to_string())?,
            article,
        })
    }

    pub fn add_article(
        &mut self,
        actor: &Actor,
        edition: EditionId,
        input: &ArticleInput,
    ) -> Result<Article> {
        let valid = validate(input)?;
        let publication = self.edition(edition)?.publication_id;
        self.check_section(publication, valid.section_id)?;
        let id = ArticleId::new();
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Article, id);
            let inserted = tx.execute(
                "INSERT INTO articles (id, edition_id, section_id, status_id, title, slug,
                    standfirst, kind, word_target, notes, created_at, updated_at)
                 SELECT ?1, ?2, ?3, s.id, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10
                   FROM workflow_statuses s WHERE s.publication_id = ?11 AND s.key = ?12",
                rusqlite::params![
                    id,
                    edition,
                    valid.section_id,
                    valid.title,
                    slugify(&valid.title),
                    valid.standfirst,
                    valid.kind.as_str(),
                    valid.word_target,
                    valid.notes,
                    changes.at(),
                    publication,
                    INITIAL_STATUS,
                ],
            )?;
            if inserted != 1 {
                return Err(Error::invalid(
                    "workflow_missing",
                    None,
                    format!("This publication's workflow has no \"{INITIAL_STATUS}\" status to start a piece in. Restore it in the workflow settings."),
                ));
            }
            changes.created(&valid.title);
            changes.write(tx)
        })?;
        self.article(id)
    }

    pub fn update_article(
        &mut self,
        actor: &Actor,
        id: ArticleId,
        input: &ArticleInput,
    ) -> Result<Article> {
        let valid = validate(input)?;
        let old = self.article(id)?;
        let publication = self.edition(old.edition_id)?.publication_id;
        self.check_section(publication, valid.section_id)?;
        let new_section = match valid.section_id {
            Some(s) => Some(self.section(s)?.name),
            None => None,
        };
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Article, id);
            changes.value("title", &old.title, &valid.title);
            changes.value("standfirst", &old.standfirst, &valid.standfirst);
            changes.field("section", &old.section, &new_section);
            changes.value("kind", &old.kind.label(), &valid.kind.label());
            changes.field("word_target", &old.word_target, &valid.word_target);
            changes.value("notes", &old.notes, &valid.notes);
            if changes.is_empty() {
                return Ok(());
            }
            tx.execute(
                "UPDATE articles SET title = ?2, slug = ?3, standfirst = ?4, section_id = ?5,
                    kind = ?6, word_target = ?7, notes = ?8, updated_at = ?9, version = version + 1
                 WHERE id = ?1",
                rusqlite::params![
                    id,
                    valid.title,
                    slugify(&valid.title),
                    valid.standfirst,
                    valid.section_id,
                    valid.kind.as_str(),
                    valid.word_target,
                    valid.notes,
                    changes.at(),
                ],
            )?;
            changes.write(tx)
        })?;
        self.article(id)
    }

    /// Moves a piece to another status, if the publication's workflow allows
    /// the move, and records who moved it and when.
    pub fn change_status(&mut self, actor: &Actor, id: ArticleId, to: StatusId) -> Result<Article> {
        let article = self.article(id)?;
        let allowed = next_statuses(&self.conn, article.status_id)?;
        let Some(target) = allowed.iter().find(|s| s.id == to) else {
            let to_label = self.status_label(to)?.ok_or_else(|| Error::NotFound {
                entity: "status",
                key: to.to_string(),
            })?;
            return Err(if to == article.status_id {
                Error::invalid(
                    "status_unchanged",
                    Some("status"),
                    format!("The piece is already \"{to_label}\"."),
                )
            } else {
                Error::TransitionNotAllowed {
                    from: article.status_label.clone(),
                    to: to_label,
                    allowed: describe(&allowed),
                }
            });
        };
        self.write(|tx| {
            let mut changes = Changes::new(actor, Entity::Article, id);
            changes.status(&article.status_label, &target.label);
            tx.execute(
                "UPDATE articles SET status_id = ?2, updated_at = ?3, version = version + 1 WHERE id = ?1",
                rusqlite::params![id, target.id, changes.at()],
            )?;
            changes.write(tx)
        })?;
        self.article(id)
    }

    /// Finds a status of the article's publication by key or label
    /// ("in_edit", "In edit", "in-edit").
    pub fn find_status_for(&self, article: ArticleId, name: &str) -> Result<Status> {
        let article = self.article(article)?;
        let publication = self.edition(article.edition_id)?.publication_id;
        let wanted = normalise_status(name);
        super::workflow::statuses(&self.conn, publication)?
            .into_iter()
            .find(|s| normalise_status(&s.key) == wanted || normalise_status(&s.label) == wanted)
            .ok_or_else(|| Error::NotFound {
                entity: "status",
                key: name.to_owned(),
            })
    }

    fn status_label(&self, id: StatusId) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT label FROM workflow_statuses WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    fn check_section(
        &self,
        publication: crate::model::PublicationId,
        section: Option<SectionId>,
    ) -> Result<()> {
        if let Some(section) = section {
            let found = self.section(section).map_err(|_| {
                Error::invalid(
                    "section_unknown",
                    "section_id",
                    "That section no longer exists. Choose another section.",
                )
            })?;
            if found.publication_id != publication {
                return Err(Error::invalid(
                    "section_other_publication",
                    "section_id",
                    format!(
                        "The section \"{}\" belongs to another publication. Choose one of this publication's sections.",
                        found.name
                    ),
                ));
            }
        }
        Ok(())
    }
}

fn normalise_status(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
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
