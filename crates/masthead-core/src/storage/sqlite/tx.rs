//! The SQLite implementation of [`Tx`]: every SQL statement of Masthead's
//! use cases, one row-mapping function per type.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::map_error;
use crate::error::{Error, Result};
use crate::history::ChangeSet;
use crate::model::*;
use crate::storage::{KindRow, NewArticle, Tx};

pub(super) struct SqliteTx<'c> {
    pub(super) tx: Transaction<'c>,
    path: PathBuf,
}

impl<'c> SqliteTx<'c> {
    pub(super) fn new(tx: Transaction<'c>, path: PathBuf) -> Self {
        SqliteTx { tx, path }
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        map_error(&self.path, e)
    }

    fn all<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let run = || -> rusqlite::Result<Vec<T>> {
            let mut stmt = self.tx.prepare_cached(sql)?;
            let rows = stmt.query_map(params, map)?;
            rows.collect()
        };
        run().map_err(|e| self.err(e))
    }

    fn one<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        let run = || -> rusqlite::Result<Option<T>> {
            self.tx
                .prepare_cached(sql)?
                .query_row(params, map)
                .optional()
        };
        run().map_err(|e| self.err(e))
    }

    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> Result<usize> {
        let run = || -> rusqlite::Result<usize> { self.tx.prepare_cached(sql)?.execute(params) };
        run().map_err(|e| self.err(e))
    }
}

// ----- row mapping -----

fn conversion(e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
}

fn timestamp(row: &Row<'_>, index: &str) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = row.get(index)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(conversion)
}

fn date(row: &Row<'_>, index: &str) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(index)?;
    text.map(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(conversion))
        .transpose()
}

fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

const PUBLICATION: &str = "SELECT p.id, p.name, p.frequency, p.is_print, p.version,
        (SELECT count(*) FROM editions e WHERE e.publication_id = p.id AND e.deleted_at IS NULL)
            AS edition_count
     FROM publications p WHERE p.deleted_at IS NULL";

fn publication(row: &Row<'_>) -> rusqlite::Result<Publication> {
    Ok(Publication {
        id: row.get("id")?,
        name: row.get("name")?,
        frequency: row.get("frequency")?,
        is_print: row.get("is_print")?,
        edition_count: row.get("edition_count")?,
        version: row.get("version")?,
    })
}

const STATUS: &str = "SELECT s.id, s.key, s.label, s.position, s.colour, s.is_initial,
        s.is_spiked, s.is_final FROM workflow_statuses s";

fn status(row: &Row<'_>) -> rusqlite::Result<Status> {
    Ok(Status {
        id: row.get("id")?,
        key: row.get("key")?,
        label: row.get("label")?,
        position: row.get("position")?,
        colour: row.get("colour")?,
        is_initial: row.get("is_initial")?,
        is_spiked: row.get("is_spiked")?,
        is_final: row.get("is_final")?,
    })
}

const KIND: &str = "SELECT k.id, k.publication_id, k.key, k.label, k.position,
        k.retired_at IS NOT NULL AS retired, k.version FROM kinds k";

fn kind(row: &Row<'_>) -> rusqlite::Result<Kind> {
    Ok(Kind {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        key: row.get("key")?,
        label: row.get("label")?,
        position: row.get("position")?,
        retired: row.get("retired")?,
        version: row.get("version")?,
    })
}

const SECTION: &str = "SELECT id, publication_id, name, position, version FROM sections
     WHERE deleted_at IS NULL";

fn section(row: &Row<'_>) -> rusqlite::Result<Section> {
    Ok(Section {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        name: row.get("name")?,
        position: row.get("position")?,
        version: row.get("version")?,
    })
}

const EDITION: &str = "SELECT e.id, e.publication_id, p.name AS publication, e.name, e.theme,
        e.focus_topics, e.cover_date, e.page_count, e.commissioning_closes, e.copy_deadline,
        e.subbing_deadline, e.press_date, e.on_sale_date, e.notes, e.created_at, e.updated_at,
        e.version,
        (SELECT count(*) FROM articles a WHERE a.edition_id = e.id AND a.deleted_at IS NULL)
            AS article_count
     FROM editions e JOIN publications p ON p.id = e.publication_id
     WHERE e.deleted_at IS NULL";

fn edition(row: &Row<'_>) -> rusqlite::Result<Edition> {
    let topics: String = row.get("focus_topics")?;
    Ok(Edition {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        publication: row.get("publication")?,
        name: row.get("name")?,
        theme: row.get("theme")?,
        focus_topics: serde_json::from_str(&topics).map_err(conversion)?,
        cover_date: date(row, "cover_date")?,
        page_count: row.get("page_count")?,
        commissioning_closes: date(row, "commissioning_closes")?,
        copy_deadline: date(row, "copy_deadline")?,
        subbing_deadline: date(row, "subbing_deadline")?,
        press_date: date(row, "press_date")?,
        on_sale_date: date(row, "on_sale_date")?,
        notes: row.get("notes")?,
        article_count: row.get("article_count")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
        version: row.get("version")?,
    })
}

/// An edition's editable fields in their stored order, bound as `?2`..`?12`
/// by both the INSERT and the UPDATE.
fn edition_fields(v: &EditionInput) -> (String, [Option<String>; 6]) {
    let topics = serde_json::to_string(&v.focus_topics).unwrap_or_else(|_| "[]".into());
    let dates = [
        v.cover_date,
        v.commissioning_closes,
        v.copy_deadline,
        v.subbing_deadline,
        v.press_date,
        v.on_sale_date,
    ]
    .map(date_text);
    (topics, dates)
}

const ARTICLE: &str = "SELECT a.id, a.edition_id, a.title, a.slug, a.standfirst, a.section_id,
        sec.name AS section, a.kind_id, k.key AS kind, k.label AS kind_label, a.word_target,
        a.status_id, s.key AS status, s.label AS status_label, s.colour AS status_colour,
        s.is_spiked AS status_is_spiked, s.is_final AS status_is_final,
        a.notes, a.created_at, a.updated_at, a.version,
        (SELECT json_group_array(c.name) FROM assignments asg
           JOIN contributors c ON c.id = asg.contributor_id
          WHERE asg.article_id = a.id AND asg.deleted_at IS NULL AND asg.state <> 'declined')
            AS contributors
     FROM articles a
     JOIN workflow_statuses s ON s.id = a.status_id
     JOIN kinds k ON k.id = a.kind_id
     LEFT JOIN sections sec ON sec.id = a.section_id
     WHERE a.deleted_at IS NULL";

fn article(row: &Row<'_>) -> rusqlite::Result<Article> {
    let contributors: String = row.get("contributors")?;
    Ok(Article {
        id: row.get("id")?,
        edition_id: row.get("edition_id")?,
        title: row.get("title")?,
        slug: row.get("slug")?,
        standfirst: row.get("standfirst")?,
        section_id: row.get("section_id")?,
        section: row.get("section")?,
        kind_id: row.get("kind_id")?,
        kind: row.get("kind")?,
        kind_label: row.get("kind_label")?,
        word_target: row.get("word_target")?,
        status_id: row.get("status_id")?,
        status: row.get("status")?,
        status_label: row.get("status_label")?,
        status_colour: row.get("status_colour")?,
        status_is_spiked: row.get("status_is_spiked")?,
        status_is_final: row.get("status_is_final")?,
        contributors: serde_json::from_str(&contributors).map_err(conversion)?,
        notes: row.get("notes")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
        version: row.get("version")?,
    })
}

const CONTRIBUTOR: &str = "SELECT id, name, role, organisation, email, kind, version
     FROM contributors WHERE deleted_at IS NULL";

fn contributor(row: &Row<'_>) -> rusqlite::Result<Contributor> {
    let kind: String = row.get("kind")?;
    Ok(Contributor {
        id: row.get("id")?,
        name: row.get("name")?,
        role: row.get("role")?,
        organisation: row.get("organisation")?,
        email: row.get("email")?,
        kind: if kind == "staff" {
            ContributorKind::Staff
        } else {
            ContributorKind::Freelance
        },
        version: row.get("version")?,
    })
}

const HISTORY: &str = "SELECT c.id, c.change_set_id, s.at, s.actor, c.entity, c.entity_id,
        c.version, c.action, c.field, c.old_value, c.new_value, c.old_ref, c.new_ref
     FROM changes c JOIN change_sets s ON s.id = c.change_set_id";

fn history(row: &Row<'_>) -> rusqlite::Result<HistoryEntry> {
    let mut entry = HistoryEntry {
        id: row.get("id")?,
        change_set_id: row.get("change_set_id")?,
        at: timestamp(row, "at")?,
        actor: row.get("actor")?,
        entity: row.get("entity")?,
        entity_id: row.get("entity_id")?,
        version: row.get("version")?,
        action: row.get("action")?,
        field: row.get("field")?,
        old_value: row.get("old_value")?,
        new_value: row.get("new_value")?,
        old_ref: row.get("old_ref")?,
        new_ref: row.get("new_ref")?,
        text: String::new(),
    };
    entry.text = crate::history::describe(&entry);
    Ok(entry)
}

impl Tx for SqliteTx<'_> {
    fn commit(self: Box<Self>) -> Result<()> {
        let SqliteTx { tx, path } = *self;
        // On failure `tx` is dropped inside `commit`, which rolls back what
        // SQLite has not already rolled back; the connection is usable after.
        tx.commit().map_err(|e| map_error(&path, e))
    }

    // ----- publications -----

    fn publications(&mut self) -> Result<Vec<Publication>> {
        self.all(
            &format!("{PUBLICATION} ORDER BY p.name COLLATE NOCASE"),
            [],
            publication,
        )
    }

    fn publication(&mut self, id: PublicationId) -> Result<Option<Publication>> {
        self.one(&format!("{PUBLICATION} AND p.id = ?1"), [id], publication)
    }

    fn insert_publication(
        &mut self,
        id: PublicationId,
        v: &PublicationInput,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO publications (id, name, frequency, is_print, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![id, v.name, v.frequency, v.is_print, at],
        )
        .map(drop)
    }

    fn update_publication(
        &mut self,
        id: PublicationId,
        version: u32,
        v: &PublicationInput,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE publications SET name = ?3, frequency = ?4, is_print = ?5, updated_at = ?6,
                version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            params![id, version, v.name, v.frequency, v.is_print, at],
        )
        .map(|n| n == 1)
    }

    // ----- workflow -----

    fn insert_workflow(&mut self, publication: PublicationId, wf: &Workflow) -> Result<()> {
        for s in &wf.statuses {
            self.exec(
                "INSERT INTO workflow_statuses (id, publication_id, key, label, position, colour,
                    is_initial, is_spiked, is_final)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    s.id,
                    publication,
                    s.key,
                    s.label,
                    s.position,
                    s.colour,
                    s.is_initial,
                    s.is_spiked,
                    s.is_final
                ],
            )?;
        }
        for t in &wf.transitions {
            self.exec(
                "INSERT INTO workflow_transitions (from_status_id, to_status_id) VALUES (?1, ?2)",
                params![t.from, t.to],
            )?;
        }
        Ok(())
    }

    fn statuses(&mut self, publication: PublicationId) -> Result<Vec<Status>> {
        self.all(
            &format!(
                "{STATUS} WHERE s.publication_id = ?1 AND s.retired_at IS NULL ORDER BY s.position"
            ),
            [publication],
            status,
        )
    }

    fn status(&mut self, id: StatusId) -> Result<Option<Status>> {
        self.one(&format!("{STATUS} WHERE s.id = ?1"), [id], status)
    }

    fn transitions(&mut self, publication: PublicationId) -> Result<Vec<Transition>> {
        self.all(
            "SELECT t.from_status_id, t.to_status_id FROM workflow_transitions t
             JOIN workflow_statuses s ON s.id = t.from_status_id
             JOIN workflow_statuses d ON d.id = t.to_status_id
             WHERE s.publication_id = ?1 ORDER BY s.position, d.position",
            [publication],
            |r| {
                Ok(Transition {
                    from: r.get(0)?,
                    to: r.get(1)?,
                })
            },
        )
    }

    fn next_statuses(&mut self, from: StatusId) -> Result<Vec<Status>> {
        self.all(
            &format!(
                "{STATUS} JOIN workflow_transitions t ON t.to_status_id = s.id
                 WHERE t.from_status_id = ?1 AND s.retired_at IS NULL ORDER BY s.position"
            ),
            [from],
            status,
        )
    }

    // ----- kinds -----

    fn kinds(&mut self, publication: PublicationId, with_retired: bool) -> Result<Vec<Kind>> {
        self.all(
            &format!(
                "{KIND} WHERE k.publication_id = ?1 AND (?2 OR k.retired_at IS NULL)
                 ORDER BY k.position, k.label"
            ),
            params![publication, with_retired],
            kind,
        )
    }

    fn kind(&mut self, id: KindId) -> Result<Option<Kind>> {
        self.one(&format!("{KIND} WHERE k.id = ?1"), [id], kind)
    }

    fn insert_kind(&mut self, k: &KindRow<'_>, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO kinds (id, publication_id, key, label, position, retired_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4,
                (SELECT coalesce(max(position) + 1, 0) FROM kinds WHERE publication_id = ?2),
                CASE WHEN ?5 THEN ?6 END, ?6, ?6)",
            params![k.id, k.publication, k.key, k.label, k.retired, at],
        )
        .map(drop)
    }

    fn update_kind(&mut self, k: &KindRow<'_>, version: u32, at: &str) -> Result<bool> {
        self.exec(
            "UPDATE kinds SET label = ?3,
                retired_at = CASE WHEN ?4 THEN coalesce(retired_at, ?5) END,
                updated_at = ?5, version = version + 1
             WHERE id = ?1 AND version = ?2",
            params![k.id, version, k.label, k.retired, at],
        )
        .map(|n| n == 1)
    }

    // ----- sections -----

    fn sections(&mut self, publication: PublicationId) -> Result<Vec<Section>> {
        self.all(
            &format!("{SECTION} AND publication_id = ?1 ORDER BY position, name"),
            [publication],
            section,
        )
    }

    fn section(&mut self, id: SectionId) -> Result<Option<Section>> {
        self.one(&format!("{SECTION} AND id = ?1"), [id], section)
    }

    fn insert_section(
        &mut self,
        id: SectionId,
        publication: PublicationId,
        name: &str,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO sections (id, publication_id, name, position, created_at, updated_at)
             VALUES (?1, ?2, ?3,
                (SELECT coalesce(max(position) + 1, 0) FROM sections WHERE publication_id = ?2),
                ?4, ?4)",
            params![id, publication, name, at],
        )
        .map(drop)
    }

    fn update_section(
        &mut self,
        id: SectionId,
        version: u32,
        name: &str,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE sections SET name = ?3, updated_at = ?4, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            params![id, version, name, at],
        )
        .map(|n| n == 1)
    }

    // ----- editions -----

    fn editions(&mut self, publication: Option<PublicationId>) -> Result<Vec<Edition>> {
        self.all(
            &format!(
                "{EDITION} AND (?1 IS NULL OR e.publication_id = ?1)
                 ORDER BY p.name COLLATE NOCASE, coalesce(e.on_sale_date, e.cover_date, '9999') DESC, e.name"
            ),
            [publication],
            edition,
        )
    }

    fn edition(&mut self, id: EditionId) -> Result<Option<Edition>> {
        self.one(&format!("{EDITION} AND e.id = ?1"), [id], edition)
    }

    fn insert_edition(
        &mut self,
        id: EditionId,
        publication: PublicationId,
        v: &EditionInput,
        at: &str,
    ) -> Result<()> {
        let (topics, [cover, commissioning, copy, subbing, press, on_sale]) = edition_fields(v);
        self.exec(
            "INSERT INTO editions (id, name, theme, focus_topics, cover_date, page_count,
                commissioning_closes, copy_deadline, subbing_deadline, press_date,
                on_sale_date, notes, created_at, updated_at, publication_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
            params![
                id,
                v.name,
                v.theme,
                topics,
                cover,
                v.page_count,
                commissioning,
                copy,
                subbing,
                press,
                on_sale,
                v.notes,
                at,
                publication
            ],
        )
        .map(drop)
    }

    fn update_edition(
        &mut self,
        id: EditionId,
        version: u32,
        v: &EditionInput,
        at: &str,
    ) -> Result<bool> {
        let (topics, [cover, commissioning, copy, subbing, press, on_sale]) = edition_fields(v);
        self.exec(
            "UPDATE editions SET name = ?2, theme = ?3, focus_topics = ?4, cover_date = ?5,
                page_count = ?6, commissioning_closes = ?7, copy_deadline = ?8,
                subbing_deadline = ?9, press_date = ?10, on_sale_date = ?11, notes = ?12,
                updated_at = ?13, version = version + 1
             WHERE id = ?1 AND version = ?14 AND deleted_at IS NULL",
            params![
                id,
                v.name,
                v.theme,
                topics,
                cover,
                v.page_count,
                commissioning,
                copy,
                subbing,
                press,
                on_sale,
                v.notes,
                at,
                version
            ],
        )
        .map(|n| n == 1)
    }

    // ----- pieces -----

    fn articles(&mut self, edition: EditionId) -> Result<Vec<Article>> {
        self.all(
            &format!(
                "{ARTICLE} AND a.edition_id = ?1
                 ORDER BY coalesce(sec.position, 1000000), s.position, a.title COLLATE NOCASE"
            ),
            [edition],
            article,
        )
    }

    fn article(&mut self, id: ArticleId) -> Result<Option<Article>> {
        self.one(&format!("{ARTICLE} AND a.id = ?1"), [id], article)
    }

    fn articles_titled(&mut self, title: &str) -> Result<Vec<ArticleId>> {
        self.all(
            "SELECT id FROM articles WHERE deleted_at IS NULL AND trim(title) = trim(?1) COLLATE NOCASE
             ORDER BY id",
            [title],
            |r| r.get(0),
        )
    }

    fn insert_article(&mut self, a: &NewArticle<'_>, at: &str) -> Result<()> {
        let v = a.fields;
        self.exec(
            "INSERT INTO articles (id, edition_id, section_id, status_id, kind_id, title, slug,
                standfirst, word_target, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                a.id,
                a.edition,
                v.section_id,
                a.status,
                a.kind,
                v.title,
                a.slug,
                v.standfirst,
                v.word_target,
                v.notes,
                at
            ],
        )
        .map(drop)
    }

    fn update_article(
        &mut self,
        id: ArticleId,
        version: u32,
        slug: &str,
        v: &ArticleInput,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE articles SET title = ?3, slug = ?4, standfirst = ?5, section_id = ?6,
                kind_id = ?7, word_target = ?8, notes = ?9, updated_at = ?10, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            params![
                id,
                version,
                v.title,
                slug,
                v.standfirst,
                v.section_id,
                v.kind_id,
                v.word_target,
                v.notes,
                at
            ],
        )
        .map(|n| n == 1)
    }

    fn set_article_status(
        &mut self,
        id: ArticleId,
        version: u32,
        to: StatusId,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE articles SET status_id = ?3, updated_at = ?4, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            params![id, version, to, at],
        )
        .map(|n| n == 1)
    }

    // ----- contributors and assignments -----

    fn contributors(&mut self) -> Result<Vec<Contributor>> {
        self.all(
            &format!("{CONTRIBUTOR} ORDER BY name COLLATE NOCASE"),
            [],
            contributor,
        )
    }

    fn contributor(&mut self, id: ContributorId) -> Result<Option<Contributor>> {
        self.one(&format!("{CONTRIBUTOR} AND id = ?1"), [id], contributor)
    }

    fn insert_contributor(
        &mut self,
        id: ContributorId,
        v: &ContributorInput,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO contributors (id, name, role, organisation, email, kind, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                id,
                v.name,
                v.role,
                v.organisation,
                v.email,
                v.kind.as_str(),
                at
            ],
        )
        .map(drop)
    }

    fn insert_assignment(
        &mut self,
        id: AssignmentId,
        article: ArticleId,
        contributor: ContributorId,
        word_target: Option<u32>,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO assignments (id, article_id, contributor_id, word_target, state, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 'accepted', ?5, ?5)",
            params![id, article, contributor, word_target, at],
        )
        .map(drop)
    }

    // ----- history -----

    fn write_change_set(&mut self, set: &ChangeSet) -> Result<()> {
        if set.changes.is_empty() {
            return Ok(());
        }
        self.exec(
            "INSERT INTO change_sets (id, at, actor, publication_id, edition_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![set.id, set.at, set.actor, set.publication, set.edition],
        )?;
        for (seq, c) in set.changes.iter().enumerate() {
            self.exec(
                "INSERT INTO changes (id, change_set_id, seq, entity, entity_id, version, action,
                    field, old_value, new_value, old_ref, new_ref)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    c.id,
                    set.id,
                    seq as i64,
                    c.entity.key(),
                    c.entity_id,
                    c.version,
                    c.action.key(),
                    c.field,
                    c.old_value,
                    c.new_value,
                    c.old_ref,
                    c.new_ref
                ],
            )?;
        }
        Ok(())
    }

    fn history_of(&mut self, entity_id: &str) -> Result<Vec<HistoryEntry>> {
        self.all(
            &format!("{HISTORY} WHERE c.entity_id = ?1 ORDER BY s.at, c.change_set_id, c.seq"),
            [entity_id],
            history,
        )
    }

    fn changes_since(&mut self, entity_id: &str, version: u32) -> Result<Vec<HistoryEntry>> {
        self.all(
            &format!(
                "{HISTORY} WHERE c.entity_id = ?1 AND c.version > ?2
                 ORDER BY s.at, c.change_set_id, c.seq"
            ),
            params![entity_id, version],
            history,
        )
    }
}
