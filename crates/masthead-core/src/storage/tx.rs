//! Every SQL statement of Masthead's use cases, written once for both
//! stores (see `sql.rs` for the portable subset), and one row-mapping
//! function per type. `SqlTx` implements [`Tx`] over an engine's [`Conn`].

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::history::ChangeSet;
use crate::model::*;
use crate::rules::drafts::word_count;
use crate::storage::sql::{Conn, Row, Value, p, stored_value};
use crate::storage::{
    AssignmentFilter, AssignmentRow, BoardRow, DraftRow, KindRow, NewArticle, OwnDraft,
    OwnDraftSaved, SlotRow, SlotToCheck, Tx,
};

pub(crate) struct SqlTx<'c> {
    conn: Box<dyn Conn + 'c>,
}

impl<'c> SqlTx<'c> {
    pub(crate) fn new(conn: Box<dyn Conn + 'c>) -> Self {
        SqlTx {
            conn: crate::storage::statements::logged(conn),
        }
    }

    fn all<T>(
        &mut self,
        sql: &str,
        params: &[crate::storage::sql::Param<'_>],
        mut map: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.conn.each(sql, params, &mut |row| {
            out.push(map(row)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn one<T>(
        &mut self,
        sql: &str,
        params: &[crate::storage::sql::Param<'_>],
        map: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut map = Some(map);
        let mut out = None;
        self.conn.each(sql, params, &mut |row| {
            if let Some(map) = map.take() {
                out = Some(map(row)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Runs `sql`, whose conditions use numbered parameters (`?1`, `?2`…)
    /// only for the filters that are set: they keep their place when one is
    /// left out (see [`Conn::each_numbered`]).
    fn all_numbered<T>(
        &mut self,
        sql: &str,
        values: &[Option<String>],
        mut map: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.conn.each_numbered(sql, values, &mut |row| {
            out.push(map(row)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn exec(&mut self, sql: &str, params: &[crate::storage::sql::Param<'_>]) -> Result<usize> {
        self.conn.execute(sql, params)
    }

    /// The statement as this connection may read it (see [`Notes`]).
    fn with_notes(&self, statement: Notes) -> &'static str {
        if self.conn.is_contributor() {
            statement.hidden
        } else {
            statement.shown
        }
    }
}

// ----- row mapping -----

/// A stored value outside the set the schema allows.
#[derive(Debug)]
struct UnknownValue(String);

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown value {:?}", self.0)
    }
}

impl std::error::Error for UnknownValue {}

fn conversion(e: impl std::fmt::Display) -> Error {
    stored_value("value", &e.to_string())
}

fn timestamp(row: &Row<'_>, index: &str) -> Result<DateTime<Utc>> {
    let text: String = row.get(index)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(conversion)
}

fn date(row: &Row<'_>, index: &str) -> Result<Option<NaiveDate>> {
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

fn publication(row: &Row<'_>) -> Result<Publication> {
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
        s.is_spiked, s.is_final, s.receives_drafts, s.deadline_anchor, s.deadline_offset_days,
        s.retired_at IS NOT NULL AS retired
     FROM workflow_statuses s";

fn status(row: &Row<'_>) -> Result<Status> {
    let anchor: Option<String> = row.get("deadline_anchor")?;
    let days: Option<u32> = row.get("deadline_offset_days")?;
    let deadline = anchor
        .map(|a| {
            KeyDate::parse(&a)
                .map(|key_date| StatusDeadline {
                    key_date,
                    days_before: days.unwrap_or(0),
                })
                .ok_or_else(|| conversion(UnknownValue(a)))
        })
        .transpose()?;
    Ok(Status {
        receives_drafts: row.get("receives_drafts")?,
        deadline,
        retired: row.get("retired")?,
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
        k.retired_at IS NOT NULL AS retired, k.words_per_page, k.version FROM kinds k";

fn kind(row: &Row<'_>) -> Result<Kind> {
    Ok(Kind {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        key: row.get("key")?,
        label: row.get("label")?,
        position: row.get("position")?,
        retired: row.get("retired")?,
        words_per_page: row.get("words_per_page")?,
        version: row.get("version")?,
    })
}

const SECTION: &str = "SELECT id, publication_id, name, position, version FROM sections
     WHERE deleted_at IS NULL";

fn section(row: &Row<'_>) -> Result<Section> {
    Ok(Section {
        id: row.get("id")?,
        publication_id: row.get("publication_id")?,
        name: row.get("name")?,
        position: row.get("position")?,
        version: row.get("version")?,
    })
}

/// A statement that reads editors' notes, written twice: as editors read
/// it, and with the notes as empty text for a contributor's connection (the
/// server grants her every column but those). [`SqlTx::with_notes`] picks.
#[derive(Clone, Copy)]
struct Notes {
    shown: &'static str,
    hidden: &'static str,
}

/// An edition's columns with `$notes` for its notes (see [`Notes`]).
macro_rules! edition_select {
    ($notes:literal) => {
        concat!(
            "SELECT e.id, e.publication_id, p.name AS publication, e.name, e.theme,
        e.focus_topics, e.cover_date, e.page_count, e.commissioning_closes, e.copy_deadline,
        e.subbing_deadline, e.press_date, e.on_sale_date, ",
            $notes,
            ", e.created_at, e.updated_at,
        e.version,
        (SELECT count(*) FROM articles a WHERE a.edition_id = e.id AND a.deleted_at IS NULL)
            AS article_count
     FROM editions e JOIN publications p ON p.id = e.publication_id
     WHERE e.deleted_at IS NULL"
        )
    };
}
const EDITION: Notes = Notes {
    shown: edition_select!("e.notes"),
    hidden: edition_select!("'' AS notes"),
};

fn edition(row: &Row<'_>) -> Result<Edition> {
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

/// The draft whose words count for a piece `a`: its approved version, or
/// else its latest. Per piece: the highest number from the (article,
/// number) index alone, then that one row.
macro_rules! copy_join {
    () => {
        "LEFT JOIN drafts cd ON cd.article_id = a.id AND cd.number = CASE
            WHEN a.approved_draft_id IS NULL
            THEN (SELECT max(d.number) FROM drafts d WHERE d.article_id = a.id)
            ELSE (SELECT d.number FROM drafts d WHERE d.id = a.approved_draft_id) END"
    };
}

/// A piece `a`'s word target: its own, else its active writer's
/// commission's (the newest). Pieces, cards and slots all count against it.
macro_rules! copy_target {
    () => {
        "coalesce(a.word_target, (SELECT asg.word_target FROM assignments asg
            WHERE asg.article_id = a.id AND asg.deleted_at IS NULL AND asg.role = 'writer'
              AND asg.state IN ('offered', 'accepted')
            ORDER BY asg.created_at DESC LIMIT 1))"
    };
}

/// The columns [`copy`] reads.
macro_rules! copy_columns {
    () => {
        concat!(
            "cd.words AS copy_words, cd.number AS copy_version,
             cd.id IS NOT DISTINCT FROM a.approved_draft_id AS copy_approved, ",
            copy_target!(),
            " AS copy_target"
        )
    };
}

/// The copy's count, made by the one rule (`rules::drafts::word_count`)
/// from the facts the row holds; a second store maps its rows the same way.
fn copy(row: &Row<'_>) -> Result<Option<WordCount>> {
    let target: Option<u32> = row.get("copy_target")?;
    let words: Option<u32> = row.get("copy_words")?;
    let version: Option<u32> = row.get("copy_version")?;
    let approved: Option<bool> = row.get("copy_approved")?;
    Ok(words
        .zip(version)
        .map(|(w, v)| word_count(w, target, v, approved.unwrap_or(false))))
}

/// A piece's columns with `$notes` for the editors' notes.
macro_rules! article_select {
    ($notes:literal) => {
        concat!(
            "SELECT a.id, a.edition_id, a.title, a.slug, a.standfirst, a.section_id,
        sec.name AS section, a.kind_id, k.key AS kind, k.label AS kind_label, a.word_target,
        a.status_id, s.key AS status, s.label AS status_label, s.colour AS status_colour,
        s.is_spiked AS status_is_spiked, s.is_final AS status_is_final,
        ",
            $notes,
            ", a.created_at, a.updated_at, a.version,
        (SELECT json_group_array(name) FROM (
            SELECT c.name FROM assignments asg JOIN contributors c ON c.id = asg.contributor_id
             WHERE asg.article_id = a.id AND asg.deleted_at IS NULL
               AND asg.state IN ('offered', 'accepted')
             ORDER BY asg.created_at, asg.id) AS w) AS contributors,
        (SELECT min(asg.due_date) FROM assignments asg
          WHERE asg.article_id = a.id AND asg.deleted_at IS NULL AND asg.role = 'writer'
            AND asg.state IN ('offered', 'accepted')) AS writer_due,
        (SELECT count(*) FROM drafts d WHERE d.article_id = a.id) AS draft_count, ",
            copy_columns!(),
            "
     FROM articles a
     JOIN workflow_statuses s ON s.id = a.status_id
     JOIN kinds k ON k.id = a.kind_id
     LEFT JOIN sections sec ON sec.id = a.section_id ",
            copy_join!(),
            "
     WHERE a.deleted_at IS NULL"
        )
    };
}
const ARTICLE: Notes = Notes {
    shown: article_select!("a.notes"),
    hidden: article_select!("'' AS notes"),
};

fn article(row: &Row<'_>) -> Result<Article> {
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
        writer_due: date(row, "writer_due")?,
        deadline: None,
        copy: copy(row)?,
        drafts: row.get("draft_count")?,
        notes: row.get("notes")?,
        created_at: timestamp(row, "created_at")?,
        updated_at: timestamp(row, "updated_at")?,
        version: row.get("version")?,
    })
}

/// A contributor's columns with `$notes` for the editors' notes.
macro_rules! contributor_select {
    ($notes:literal) => {
        concat!(
            "SELECT c.id, c.name, c.role, c.organisation, c.email, c.phone,
        c.kind, ",
            $notes,
            ", c.version,
        (SELECT count(*) FROM assignments asg WHERE asg.contributor_id = c.id
            AND asg.deleted_at IS NULL AND asg.state IN ('offered', 'accepted')) AS active
     FROM contributors c WHERE c.deleted_at IS NULL"
        )
    };
}
const CONTRIBUTOR: Notes = Notes {
    shown: contributor_select!("c.notes"),
    hidden: contributor_select!("'' AS notes"),
};

fn contributor(row: &Row<'_>) -> Result<Contributor> {
    let kind: String = row.get("kind")?;
    Ok(Contributor {
        id: row.get("id")?,
        name: row.get("name")?,
        role: row.get("role")?,
        organisation: row.get("organisation")?,
        email: row.get("email")?,
        phone: row.get("phone")?,
        notes: row.get("notes")?,
        active_assignments: row.get("active")?,
        kind: if kind == "staff" {
            ContributorKind::Staff
        } else {
            ContributorKind::Freelance
        },
        version: row.get("version")?,
    })
}

const ASSIGNMENT: &str = "SELECT asg.id, asg.article_id, a.title AS article_title,
        a.edition_id, e.name AS edition, asg.contributor_id, c.name AS contributor, asg.role,
        asg.brief, asg.word_target, asg.due_date, asg.fee_minor, asg.fee_currency, asg.state,
        asg.answered_at, asg.created_at, asg.version,
        (SELECT count(*) FROM drafts d
          WHERE d.article_id = asg.article_id AND d.assignment_id = asg.id) AS draft_count,
        (SELECT d.words FROM drafts d
          WHERE d.article_id = asg.article_id AND d.assignment_id = asg.id
          ORDER BY d.number DESC LIMIT 1) AS latest_words
     FROM assignments asg
     JOIN articles a ON a.id = asg.article_id
     JOIN editions e ON e.id = a.edition_id
     JOIN contributors c ON c.id = asg.contributor_id
     WHERE asg.deleted_at IS NULL";

fn assignment(row: &Row<'_>) -> Result<Assignment> {
    let state: String = row.get("state")?;
    let fee_minor: Option<i64> = row.get("fee_minor")?;
    let fee_currency: Option<String> = row.get("fee_currency")?;
    let answered: Option<String> = row.get("answered_at")?;
    Ok(Assignment {
        id: row.get("id")?,
        article_id: row.get("article_id")?,
        article_title: row.get("article_title")?,
        edition_id: row.get("edition_id")?,
        edition: row.get("edition")?,
        contributor_id: row.get("contributor_id")?,
        contributor: row.get("contributor")?,
        role: row.get("role")?,
        brief: row.get("brief")?,
        word_target: row.get("word_target")?,
        due_date: date(row, "due_date")?,
        fee: fee_minor
            .zip(fee_currency.as_deref())
            .map(|(m, c)| format_fee(m, c)),
        fee_minor,
        fee_currency,
        state: AssignmentState::parse(&state).ok_or_else(|| conversion(UnknownValue(state)))?,
        answered_at: answered
            .map(|t| DateTime::parse_from_rfc3339(&t).map(|t| t.with_timezone(&Utc)))
            .transpose()
            .map_err(conversion)?,
        created_at: timestamp(row, "created_at")?,
        drafts: row.get("draft_count")?,
        latest_words: row.get("latest_words")?,
        version: row.get("version")?,
    })
}

/// A card with the earliest due date of the piece's active assignments.
/// What a card needs from the assignments (who, the writer's due date,
/// whether a writer is still on it) comes from one grouped pass over the
/// board's own pieces' assignments, not a subquery per card (the server
/// runs that about a fifth faster; the file as before).
const BOARD_COLUMNS: &str = concat!(
    "SELECT a.id, a.edition_id, e.name AS edition, a.title, a.section_id,
        sec.name AS section, a.kind_id, k.label AS kind_label, a.status_id, a.version,
        coalesce(w.contributors, '[]') AS contributors, w.due,
        (EXISTS (SELECT 1 FROM assignments asg WHERE asg.article_id = a.id
                   AND asg.deleted_at IS NULL AND asg.role = 'writer'
                   AND asg.state IN ('declined', 'withdrawn'))
         AND coalesce(w.has_writer, 0) = 0) AS needs_writer, ",
    copy_columns!(),
    "
     FROM articles a
     JOIN editions e ON e.id = a.edition_id
     JOIN workflow_statuses s ON s.id = a.status_id
     JOIN kinds k ON k.id = a.kind_id
     LEFT JOIN sections sec ON sec.id = a.section_id "
);

/// Per piece of the board: its active contributors in order (writers
/// first), its writers' earliest due date, and whether it has a writer.
const BOARD_ASSIGNMENTS: &str = "LEFT JOIN (
        SELECT asg.article_id,
               json_group_array(c.name ORDER BY asg.role <> 'writer', asg.created_at) AS contributors,
               min(CASE WHEN asg.role = 'writer' THEN asg.due_date END) AS due,
               max(CASE WHEN asg.role = 'writer' THEN 1 ELSE 0 END) AS has_writer
          FROM assignments asg JOIN contributors c ON c.id = asg.contributor_id
         WHERE asg.deleted_at IS NULL AND asg.state IN ('offered', 'accepted')
           AND asg.article_id IN (SELECT a2.id FROM articles a2 JOIN editions e2 ON e2.id = a2.edition_id
                                   WHERE a2.deleted_at IS NULL AND e2.publication_id = ?1";

/// The board's conditions for the filters that are set, so that each uses
/// an index (an `?2 IS NULL OR …` would scan every piece).
fn board_sql(f: &BoardFilter) -> String {
    let mut sql = String::from(BOARD_COLUMNS);
    sql += BOARD_ASSIGNMENTS;
    if f.edition_id.is_some() {
        sql += " AND a2.edition_id = ?2";
    }
    sql += ")
         GROUP BY asg.article_id) w ON w.article_id = a.id ";
    sql += copy_join!();
    sql += "
     WHERE a.deleted_at IS NULL AND e.deleted_at IS NULL AND e.publication_id = ?1";
    if f.edition_id.is_some() {
        sql += " AND a.edition_id = ?2";
    }
    if f.section_id.is_some() {
        sql += " AND a.section_id = ?3";
    }
    if f.kind_id.is_some() {
        sql += " AND a.kind_id = ?4";
    }
    if f.contributor_id.is_some() {
        sql += " AND a.id IN (SELECT asg.article_id FROM assignments asg
                    WHERE asg.contributor_id = ?5 AND asg.deleted_at IS NULL
                      AND asg.state IN ('offered', 'accepted'))";
    }
    sql + " ORDER BY s.position, a.title COLLATE NOCASE"
}

fn board_row(row: &Row<'_>) -> Result<BoardRow> {
    let contributors: String = row.get("contributors")?;
    let word_target: Option<u32> = row.get("copy_target")?;
    Ok(BoardRow {
        card: BoardCard {
            id: row.get("id")?,
            edition_id: row.get("edition_id")?,
            edition: row.get("edition")?,
            title: row.get("title")?,
            section_id: row.get("section_id")?,
            section: row.get("section")?,
            kind_id: row.get("kind_id")?,
            kind_label: row.get("kind_label")?,
            status_id: row.get("status_id")?,
            contributors: serde_json::from_str(&contributors).map_err(conversion)?,
            word_target,
            copy: copy(row)?,
            deadline: None,
            needs_writer: row.get("needs_writer")?,
            version: row.get("version")?,
        },
        due: date(row, "due")?,
    })
}

const ADVERT: &str = "SELECT ad.id, ad.edition_id, ad.advertiser, ad.size, ad.state, ad.position,
        ad.notes, ad.version,
        EXISTS (SELECT 1 FROM slots sl WHERE sl.advert_id = ad.id) AS placed
     FROM adverts ad WHERE ad.deleted_at IS NULL";

fn advert(row: &Row<'_>) -> Result<Advert> {
    let size: String = row.get("size")?;
    let state: String = row.get("state")?;
    Ok(Advert {
        id: row.get("id")?,
        edition_id: row.get("edition_id")?,
        advertiser: row.get("advertiser")?,
        size: AdvertSize::parse(&size).ok_or_else(|| conversion(UnknownValue(size)))?,
        state: AdvertState::parse(&state).ok_or_else(|| conversion(UnknownValue(state)))?,
        position: row.get("position")?,
        notes: row.get("notes")?,
        placed: row.get("placed")?,
        version: row.get("version")?,
    })
}

const SLOT: &str = concat!(
    "SELECT sl.id, sl.edition_id, sl.article_id, sl.advert_id, sl.first_page,
        sl.last_page, sl.part_offset, sl.part_units, sl.version,
        coalesce(a.title, ad.advertiser) AS label, sec.name AS section, a.status_id,
        s.label AS status_label, s.colour AS status_colour, k.words_per_page, ",
    copy_columns!(),
    "
     FROM slots sl
     LEFT JOIN articles a ON a.id = sl.article_id
     LEFT JOIN kinds k ON k.id = a.kind_id
     LEFT JOIN workflow_statuses s ON s.id = a.status_id
     LEFT JOIN sections sec ON sec.id = a.section_id
     LEFT JOIN adverts ad ON ad.id = sl.advert_id ",
    copy_join!()
);

fn slot(row: &Row<'_>) -> Result<Slot> {
    Ok(Slot {
        id: row.get("id")?,
        edition_id: row.get("edition_id")?,
        article_id: row.get("article_id")?,
        advert_id: row.get("advert_id")?,
        first_page: row.get("first_page")?,
        last_page: row.get("last_page")?,
        part_offset: row.get("part_offset")?,
        part_units: row.get("part_units")?,
        label: row.get("label")?,
        section: row.get("section")?,
        status_id: row.get("status_id")?,
        status_label: row.get("status_label")?,
        status_colour: row.get("status_colour")?,
        words_per_page: row.get("words_per_page")?,
        word_target: row.get("copy_target")?,
        fits_words: None,
        copy: copy(row)?,
        copyfit_off: false,
        version: row.get("version")?,
    })
}

const DRAFT: &str = "SELECT d.id, d.article_id, d.number, d.assignment_id, d.contributor_id,
        c.name AS contributor, d.recorded_by, d.submitted_at, d.file_name, d.media_type, d.size,
        d.sha256, d.words, d.id IS NOT DISTINCT FROM a.approved_draft_id AS approved
     FROM drafts d
     JOIN articles a ON a.id = d.article_id
     LEFT JOIN contributors c ON c.id = d.contributor_id";

fn draft(row: &Row<'_>) -> Result<Draft> {
    Ok(Draft {
        id: row.get("id")?,
        article_id: row.get("article_id")?,
        version: row.get("number")?,
        assignment_id: row.get("assignment_id")?,
        contributor_id: row.get("contributor_id")?,
        contributor: row.get("contributor")?,
        recorded_by: row.get("recorded_by")?,
        submitted_at: timestamp(row, "submitted_at")?,
        file_name: row.get("file_name")?,
        media_type: row.get("media_type")?,
        size: row.get::<i64>("size")?.max(0) as u64,
        sha256: row.get("sha256")?,
        words: row.get("words")?,
        approved: row.get("approved")?,
    })
}

const PERSON: &str = "SELECT id, name, email, role, login, contributor_id, created_at, version
     FROM people WHERE deleted_at IS NULL";

fn person(row: &Row<'_>) -> Result<Person> {
    let role: String = row.get("role")?;
    Ok(Person {
        id: row.get("id")?,
        name: row.get("name")?,
        email: row.get("email")?,
        role: TeamRole::parse(&role).ok_or_else(|| conversion(UnknownValue(role)))?,
        login: row.get("login")?,
        contributor_id: row.get("contributor_id")?,
        created_at: timestamp(row, "created_at")?,
        version: row.get("version")?,
    })
}

/// A login must be plain: letters, digits and underscores (the rules make
/// it so, and the server's function checks it again).
fn plain_login(login: &str) -> Result<()> {
    if !login.is_empty() && login.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(Error::invalid(
            "bad_login",
            None,
            "A server login may hold only letters, digits and underscores.",
        ))
    }
}

fn needs_server() -> Error {
    Error::invalid(
        "team_needs_server",
        None,
        "Team members sign in to a team server, and this is a file. Connect to a team server (File › Connect to team server…), or move this file onto one with `masthead --db postgres://… team import FILE`.",
    )
}

const HISTORY: &str = "SELECT c.id, c.change_set_id, s.at, s.actor, c.entity, c.entity_id,
        c.version, c.action, c.field, c.old_value, c.new_value, c.old_ref, c.new_ref, c.subject
     FROM changes c JOIN change_sets s ON s.id = c.change_set_id";

fn history(row: &Row<'_>) -> Result<HistoryEntry> {
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
        subject: row.get("subject")?,
        text: String::new(),
    };
    entry.text = crate::history::describe(&entry);
    Ok(entry)
}

impl Tx for SqlTx<'_> {
    fn broken_invariants(&mut self) -> Result<Vec<(String, String)>> {
        // Each arm finds one kind of broken row and says it in words; the
        // history arm names a change whose record is gone (slots and
        // workflow statuses are deleted for real, so theirs are left out).
        self.all(
            "SELECT 'status_of_another_publication',
                    'the piece \"' || a.title || '\" in ' || e.name || ' is in the status \"'
                    || s.label || '\", which belongs to another publication''s workflow'
             FROM articles a
             JOIN editions e ON e.id = a.edition_id
             JOIN workflow_statuses s ON s.id = a.status_id
             WHERE s.publication_id <> e.publication_id
             UNION ALL
             SELECT 'draft_without_contents',
                    'version ' || CAST(d.number AS TEXT) || ' of \"' || a.title
                    || '\" has no file or text stored'
             FROM drafts d
             JOIN articles a ON a.id = d.article_id
             WHERE NOT EXISTS (SELECT 1 FROM draft_contents c WHERE c.draft_id = d.id)
             UNION ALL
             SELECT 'history_of_nothing',
                    'the history has a ' || c.entity || ' change (' || c.entity_id
                    || ') whose ' || c.entity || ' does not exist'
             FROM changes c
             WHERE (c.entity = 'article'
                    AND NOT EXISTS (SELECT 1 FROM articles x WHERE x.id = c.entity_id))
                OR (c.entity = 'edition'
                    AND NOT EXISTS (SELECT 1 FROM editions x WHERE x.id = c.entity_id))
                OR (c.entity = 'contributor'
                    AND NOT EXISTS (SELECT 1 FROM contributors x WHERE x.id = c.entity_id))
                OR (c.entity = 'assignment'
                    AND NOT EXISTS (SELECT 1 FROM assignments x WHERE x.id = c.entity_id))
                OR (c.entity = 'publication'
                    AND NOT EXISTS (SELECT 1 FROM publications x WHERE x.id = c.entity_id))
                OR (c.entity = 'section'
                    AND NOT EXISTS (SELECT 1 FROM sections x WHERE x.id = c.entity_id))
                OR (c.entity = 'kind'
                    AND NOT EXISTS (SELECT 1 FROM kinds x WHERE x.id = c.entity_id))
                OR (c.entity = 'advert'
                    AND NOT EXISTS (SELECT 1 FROM adverts x WHERE x.id = c.entity_id))
                OR (c.entity = 'draft'
                    AND NOT EXISTS (SELECT 1 FROM drafts x WHERE x.id = c.entity_id))
             UNION ALL
             SELECT 'change_set_of_nothing',
                    'a change set (' || cs.id || ') names an edition or publication that does not exist'
             FROM change_sets cs
             WHERE (cs.edition_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM editions x WHERE x.id = cs.edition_id))
                OR (cs.publication_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM publications x WHERE x.id = cs.publication_id))",
            p![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    fn slots_to_check(&mut self) -> Result<Vec<SlotToCheck>> {
        self.all(
            "SELECT e.name, e.page_count, COALESCE(a.title, ad.advertiser, ''),
                    s.first_page, s.last_page, s.part_offset, s.part_units, s.edition_id
             FROM slots s
             JOIN editions e ON e.id = s.edition_id
             LEFT JOIN articles a ON a.id = s.article_id
             LEFT JOIN adverts ad ON ad.id = s.advert_id
             ORDER BY s.edition_id, s.first_page, s.part_offset",
            p![],
            |r| {
                Ok(SlotToCheck {
                    edition_id: r.get(7)?,
                    edition: r.get(0)?,
                    page_count: r.get(1)?,
                    label: r.get(2)?,
                    first_page: r.get(3)?,
                    last_page: r.get(4)?,
                    part_offset: r.get(5)?,
                    part_units: r.get(6)?,
                })
            },
        )
    }

    fn commit(self: Box<Self>) -> Result<()> {
        self.conn.commit()
    }

    // ----- publications -----

    fn publications(&mut self) -> Result<Vec<Publication>> {
        self.all(
            &format!("{PUBLICATION} ORDER BY p.name COLLATE NOCASE"),
            p![],
            publication,
        )
    }

    fn publication(&mut self, id: PublicationId) -> Result<Option<Publication>> {
        self.one(&format!("{PUBLICATION} AND p.id = ?1"), p![id], publication)
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
            p![id, v.name, v.frequency, v.is_print, at],
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
            p![id, version, v.name, v.frequency, v.is_print, at],
        )
        .map(|n| n == 1)
    }

    // ----- workflow -----

    fn insert_workflow(&mut self, publication: PublicationId, wf: &Workflow) -> Result<()> {
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        for s in &wf.statuses {
            self.insert_status(publication, s, &at)?;
        }
        for t in &wf.transitions {
            self.exec(
                "INSERT INTO workflow_transitions (from_status_id, to_status_id) VALUES (?1, ?2)",
                p![t.from, t.to],
            )?;
        }
        Ok(())
    }

    fn statuses(&mut self, publication: PublicationId) -> Result<Vec<Status>> {
        self.all(
            &format!(
                "{STATUS} WHERE s.publication_id = ?1 AND s.retired_at IS NULL ORDER BY s.position"
            ),
            p![publication],
            status,
        )
    }

    fn status(&mut self, id: StatusId) -> Result<Option<Status>> {
        self.one(&format!("{STATUS} WHERE s.id = ?1"), p![id], status)
    }

    fn transitions(&mut self, publication: PublicationId) -> Result<Vec<Transition>> {
        self.all(
            "SELECT t.from_status_id, t.to_status_id FROM workflow_transitions t
             JOIN workflow_statuses s ON s.id = t.from_status_id
             JOIN workflow_statuses d ON d.id = t.to_status_id
             WHERE s.publication_id = ?1 ORDER BY s.position, d.position",
            p![publication],
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
            p![from],
            status,
        )
    }

    fn status_publication(&mut self, id: StatusId) -> Result<Option<PublicationId>> {
        self.one(
            "SELECT publication_id FROM workflow_statuses WHERE id = ?1",
            p![id],
            |r| r.get(0),
        )
    }

    fn all_statuses(&mut self, publication: PublicationId) -> Result<Vec<Status>> {
        self.all(
            &format!("{STATUS} WHERE s.publication_id = ?1 ORDER BY s.position"),
            p![publication],
            status,
        )
    }

    fn workflow_version(&mut self, publication: PublicationId) -> Result<Option<u32>> {
        self.one(
            "SELECT workflow_version FROM publications WHERE id = ?1 AND deleted_at IS NULL",
            p![publication],
            |r| r.get(0),
        )
    }

    fn bump_workflow(
        &mut self,
        publication: PublicationId,
        version: u32,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE publications SET workflow_version = workflow_version + 1, updated_at = ?3
             WHERE id = ?1 AND workflow_version = ?2 AND deleted_at IS NULL",
            p![publication, version, at],
        )
        .map(|n| n == 1)
    }

    fn insert_status(&mut self, publication: PublicationId, s: &Status, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO workflow_statuses (id, publication_id, key, label, position, colour,
                is_initial, is_spiked, is_final, receives_drafts, deadline_anchor,
                deadline_offset_days, retired_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            p![
                s.id,
                publication,
                s.key,
                s.label,
                s.position,
                s.colour,
                s.is_initial,
                s.is_spiked,
                s.is_final,
                s.receives_drafts,
                s.deadline.map(|d| d.key_date.key()),
                s.deadline.map(|d| d.days_before),
                s.retired.then_some(at)
            ],
        )
        .map(drop)
    }

    fn update_status(&mut self, s: &Status, at: &str) -> Result<()> {
        self.exec(
            "UPDATE workflow_statuses SET label = ?2, position = ?3, colour = ?4, is_initial = ?5,
                is_spiked = ?6, is_final = ?7, receives_drafts = ?8, deadline_anchor = ?9,
                deadline_offset_days = ?10,
                retired_at = CASE WHEN ?11 THEN coalesce(retired_at, ?12) END
             WHERE id = ?1",
            p![
                s.id,
                s.label,
                s.position,
                s.colour,
                s.is_initial,
                s.is_spiked,
                s.is_final,
                s.receives_drafts,
                s.deadline.map(|d| d.key_date.key()),
                s.deadline.map(|d| d.days_before),
                s.retired,
                at
            ],
        )
        .map(drop)
    }

    fn delete_status(&mut self, id: StatusId) -> Result<()> {
        self.exec(
            "DELETE FROM workflow_transitions WHERE from_status_id = ?1 OR to_status_id = ?1",
            p![id],
        )?;
        self.exec("DELETE FROM workflow_statuses WHERE id = ?1", p![id])
            .map(drop)
    }

    fn status_uses(&mut self, id: StatusId) -> Result<u32> {
        self.one(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE status_id = ?1)
                 OR EXISTS (SELECT 1 FROM changes WHERE old_ref = ?1)
                 OR EXISTS (SELECT 1 FROM changes WHERE new_ref = ?1)",
            p![id],
            |r| r.get(0),
        )
        .map(Option::unwrap_or_default)
    }

    fn insert_transition(&mut self, from: StatusId, to: StatusId) -> Result<()> {
        self.exec(
            "INSERT INTO workflow_transitions (from_status_id, to_status_id) VALUES (?1, ?2)
             ON CONFLICT DO NOTHING",
            p![from, to],
        )
        .map(drop)
    }

    fn delete_transition(&mut self, from: StatusId, to: StatusId) -> Result<()> {
        self.exec(
            "DELETE FROM workflow_transitions WHERE from_status_id = ?1 AND to_status_id = ?2",
            p![from, to],
        )
        .map(drop)
    }

    // ----- kinds -----

    fn kinds(&mut self, publication: PublicationId, with_retired: bool) -> Result<Vec<Kind>> {
        self.all(
            &format!(
                "{KIND} WHERE k.publication_id = ?1 AND (?2 OR k.retired_at IS NULL)
                 ORDER BY k.position, k.label"
            ),
            p![publication, with_retired],
            kind,
        )
    }

    fn kind(&mut self, id: KindId) -> Result<Option<Kind>> {
        self.one(&format!("{KIND} WHERE k.id = ?1"), p![id], kind)
    }

    fn insert_kind(&mut self, k: &KindRow<'_>, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO kinds (id, publication_id, key, label, position, retired_at, created_at,
                updated_at, words_per_page)
             VALUES (?1, ?2, ?3, ?4,
                (SELECT coalesce(max(position) + 1, 0) FROM kinds WHERE publication_id = ?2),
                CASE WHEN ?5 THEN ?6 END, ?6, ?6, ?7)",
            p![
                k.id,
                k.publication,
                k.key,
                k.label,
                k.retired,
                at,
                k.words_per_page
            ],
        )
        .map(drop)
    }

    fn update_kind(&mut self, k: &KindRow<'_>, version: u32, at: &str) -> Result<bool> {
        self.exec(
            "UPDATE kinds SET label = ?3,
                retired_at = CASE WHEN ?4 THEN coalesce(retired_at, ?5) END,
                words_per_page = ?6, updated_at = ?5, version = version + 1
             WHERE id = ?1 AND version = ?2",
            p![k.id, version, k.label, k.retired, at, k.words_per_page],
        )
        .map(|n| n == 1)
    }

    // ----- sections -----

    fn sections(&mut self, publication: PublicationId) -> Result<Vec<Section>> {
        self.all(
            &format!("{SECTION} AND publication_id = ?1 ORDER BY position, name"),
            p![publication],
            section,
        )
    }

    fn section(&mut self, id: SectionId) -> Result<Option<Section>> {
        self.one(&format!("{SECTION} AND id = ?1"), p![id], section)
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
            p![id, publication, name, at],
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
            p![id, version, name, at],
        )
        .map(|n| n == 1)
    }

    // ----- editions -----

    fn editions(&mut self, publication: Option<PublicationId>) -> Result<Vec<Edition>> {
        self.all(
            &format!(
                "{} AND (CAST(?1 AS TEXT) IS NULL OR e.publication_id = ?1)
                 ORDER BY p.name COLLATE NOCASE, coalesce(e.on_sale_date, e.cover_date, '9999') DESC, e.name",
                self.with_notes(EDITION)
            ),
            p![publication],
            edition,
        )
    }

    fn edition(&mut self, id: EditionId) -> Result<Option<Edition>> {
        let sql = format!("{} AND e.id = ?1", self.with_notes(EDITION));
        self.one(&sql, p![id], edition)
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
            p![
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
            p![
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
                "{} AND a.edition_id = ?1
                 ORDER BY coalesce(sec.position, 1000000), s.position, a.title COLLATE NOCASE",
                self.with_notes(ARTICLE)
            ),
            p![edition],
            article,
        )
    }

    fn article(&mut self, id: ArticleId) -> Result<Option<Article>> {
        let sql = format!("{} AND a.id = ?1", self.with_notes(ARTICLE));
        self.one(&sql, p![id], article)
    }

    fn articles_titled(&mut self, title: &str) -> Result<Vec<ArticleId>> {
        self.all(
            "SELECT id FROM articles WHERE deleted_at IS NULL AND masthead_fold(trim(title)) = masthead_fold(trim(?1))
             ORDER BY id",
            p![title],
            |r| r.get(0),
        )
    }

    fn insert_article(&mut self, a: &NewArticle<'_>, at: &str) -> Result<()> {
        let v = a.fields;
        self.exec(
            "INSERT INTO articles (id, edition_id, section_id, status_id, kind_id, title, slug,
                standfirst, word_target, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            p![
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
            p![
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
            p![id, version, to, at],
        )
        .map(|n| n == 1)
    }

    // ----- drafts -----

    fn drafts(&mut self, article: ArticleId) -> Result<Vec<Draft>> {
        self.all(
            &format!("{DRAFT} WHERE d.article_id = ?1 ORDER BY d.number DESC"),
            p![article],
            draft,
        )
    }

    fn draft_text(&mut self, id: DraftId) -> Result<Option<(String, String)>> {
        self.one(
            "SELECT text, markdown FROM draft_contents WHERE draft_id = ?1",
            p![id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
    }

    fn draft_original(&mut self, id: DraftId) -> Result<Option<Vec<u8>>> {
        self.one(
            "SELECT original FROM draft_contents WHERE draft_id = ?1",
            p![id],
            |row| row.get(0),
        )
    }

    fn insert_draft(&mut self, d: &DraftRow<'_>, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number, file_name,
                media_type, size, sha256, words, submitted_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            p![
                d.id,
                d.article,
                d.assignment,
                d.contributor,
                d.version,
                d.file_name,
                d.media_type,
                d.size as i64,
                d.sha256,
                d.words,
                at,
                d.recorded_by
            ],
        )?;
        self.exec(
            "INSERT INTO draft_contents (draft_id, original, text, markdown)
             VALUES (?1, ?2, ?3, ?4)",
            p![d.id, d.original, d.text, d.markdown],
        )
        .map(drop)
    }

    fn set_approved_draft(
        &mut self,
        article: ArticleId,
        version: u32,
        draft: Option<DraftId>,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE articles SET approved_draft_id = ?3, updated_at = ?4, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![article, version, draft, at],
        )
        .map(|n| n == 1)
    }

    // ----- a contributor's writes, through the server's functions -----

    fn writes_through_functions(&self) -> bool {
        self.conn.is_contributor()
    }

    fn answer_own_offer(&mut self, id: AssignmentId, version: u32, accept: bool) -> Result<bool> {
        let mut saved = 0i64;
        self.conn.call_writing(
            "SELECT masthead_answer_offer(?1, ?2, ?3)::bigint",
            p![id, version, accept],
            &mut |r| {
                saved = r.get(0)?;
                Ok(())
            },
        )?;
        Ok(saved > 0)
    }

    fn submit_own_draft(&mut self, article: ArticleId, d: &OwnDraft<'_>) -> Result<OwnDraftSaved> {
        let mut saved = None;
        self.conn.call_writing(
            "SELECT draft_id, number, moved_from, moved_to
               FROM masthead_submit_draft(?1, ?2, ?3, ?4, ?5, ?6)",
            p![
                article,
                d.file_name,
                d.media_type,
                d.original,
                d.text,
                d.markdown
            ],
            &mut |r| {
                let (from, to): (Option<String>, Option<String>) = (r.get(2)?, r.get(3)?);
                saved = Some(OwnDraftSaved {
                    id: r.get(0)?,
                    version: r.get(1)?,
                    moved: from.zip(to),
                });
                Ok(())
            },
        )?;
        saved.ok_or_else(|| Error::Server("the server stored no draft".into()))
    }

    // ----- contributors and assignments -----

    fn contributors(&mut self) -> Result<Vec<Contributor>> {
        self.all(
            &format!(
                "{} ORDER BY c.name COLLATE NOCASE",
                self.with_notes(CONTRIBUTOR)
            ),
            p![],
            contributor,
        )
    }

    fn contributor(&mut self, id: ContributorId) -> Result<Option<Contributor>> {
        let sql = format!("{} AND c.id = ?1", self.with_notes(CONTRIBUTOR));
        self.one(&sql, p![id], contributor)
    }

    fn contributor_by_email(&mut self, email: &str) -> Result<Option<Contributor>> {
        self.one(
            &format!(
                "{} AND c.email IS NOT NULL AND masthead_fold(c.email) = masthead_fold(?1)",
                self.with_notes(CONTRIBUTOR)
            ),
            p![email],
            contributor,
        )
    }

    fn update_contributor(
        &mut self,
        id: ContributorId,
        version: u32,
        v: &ContributorInput,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE contributors SET name = ?3, role = ?4, organisation = ?5, email = ?6,
                phone = ?7, kind = ?8, notes = ?9, updated_at = ?10, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![
                id,
                version,
                v.name,
                v.role,
                v.organisation,
                v.email,
                v.phone,
                v.kind.as_str(),
                v.notes,
                at
            ],
        )
        .map(|n| n == 1)
    }

    fn insert_contributor(
        &mut self,
        id: ContributorId,
        v: &ContributorInput,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO contributors (id, name, role, organisation, email, phone, kind, notes,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            p![
                id,
                v.name,
                v.role,
                v.organisation,
                v.email,
                v.phone,
                v.kind.as_str(),
                v.notes,
                at
            ],
        )
        .map(drop)
    }

    fn insert_assignment(&mut self, a: &AssignmentRow<'_>, at: &str) -> Result<()> {
        let v = a.fields;
        self.exec(
            "INSERT INTO assignments (id, article_id, contributor_id, role, brief, word_target,
                due_date, fee_minor, fee_currency, state, answered_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                CASE WHEN ?10 = 'offered' THEN NULL ELSE ?11 END, ?11, ?11)",
            p![
                a.id,
                a.article,
                a.contributor,
                v.role,
                v.brief,
                v.word_target,
                date_text(v.due_date),
                v.fee.as_ref().map(|f| f.0),
                v.fee.as_ref().map(|f| f.1.as_str()),
                a.state.key(),
                at
            ],
        )
        .map(drop)
    }

    fn assignment(&mut self, id: AssignmentId) -> Result<Option<Assignment>> {
        self.one(&format!("{ASSIGNMENT} AND asg.id = ?1"), p![id], assignment)
    }

    fn assignments(&mut self, f: AssignmentFilter) -> Result<Vec<Assignment>> {
        // Conditions only for the filters that are set, so that SQLite uses
        // the index of each (an `?1 IS NULL OR …` would scan every assignment).
        let mut sql = format!("{ASSIGNMENT} AND a.deleted_at IS NULL");
        if f.article.is_some() {
            sql += " AND asg.article_id = ?1";
        }
        if f.contributor.is_some() {
            sql += " AND asg.contributor_id = ?2";
        }
        if f.edition.is_some() {
            sql += " AND a.edition_id = ?3";
        }
        sql += " ORDER BY asg.created_at DESC, asg.id DESC";
        let values = [
            f.article.map(|x| x.to_string()),
            f.contributor.map(|x| x.to_string()),
            f.edition.map(|x| x.to_string()),
        ];
        self.all_numbered(&sql, &values, assignment)
    }

    fn update_assignment(
        &mut self,
        id: AssignmentId,
        version: u32,
        v: &AssignmentTerms,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE assignments SET role = ?3, brief = ?4, word_target = ?5, due_date = ?6,
                fee_minor = ?7, fee_currency = ?8, updated_at = ?9, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![
                id,
                version,
                v.role,
                v.brief,
                v.word_target,
                date_text(v.due_date),
                v.fee.as_ref().map(|f| f.0),
                v.fee.as_ref().map(|f| f.1.as_str()),
                at
            ],
        )
        .map(|n| n == 1)
    }

    fn set_assignment_state(
        &mut self,
        id: AssignmentId,
        version: u32,
        state: AssignmentState,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE assignments SET state = ?3, answered_at = ?4, updated_at = ?4,
                version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, state.key(), at],
        )
        .map(|n| n == 1)
    }

    // ----- adverts and the flatplan -----

    fn adverts(&mut self, edition: EditionId) -> Result<Vec<Advert>> {
        self.all(
            &format!(
                "{ADVERT} AND ad.edition_id = ?1 ORDER BY ad.advertiser COLLATE NOCASE, ad.id"
            ),
            p![edition],
            advert,
        )
    }

    fn advert(&mut self, id: AdvertId) -> Result<Option<Advert>> {
        self.one(&format!("{ADVERT} AND ad.id = ?1"), p![id], advert)
    }

    fn insert_advert(
        &mut self,
        id: AdvertId,
        edition: EditionId,
        v: &AdvertInput,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO adverts (id, edition_id, advertiser, size, state, position, notes,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            p![
                id,
                edition,
                v.advertiser,
                v.size.key(),
                v.state.key(),
                v.position,
                v.notes,
                at
            ],
        )
        .map(drop)
    }

    fn update_advert(
        &mut self,
        id: AdvertId,
        version: u32,
        v: &AdvertInput,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE adverts SET advertiser = ?3, size = ?4, state = ?5, position = ?6, notes = ?7,
                updated_at = ?8, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![
                id,
                version,
                v.advertiser,
                v.size.key(),
                v.state.key(),
                v.position,
                v.notes,
                at
            ],
        )
        .map(|n| n == 1)
    }

    fn slots(&mut self, edition: EditionId) -> Result<Vec<Slot>> {
        self.all(
            &format!("{SLOT} WHERE sl.edition_id = ?1 ORDER BY sl.first_page, sl.part_offset"),
            p![edition],
            slot,
        )
    }

    fn slot(&mut self, id: SlotId) -> Result<Option<Slot>> {
        self.one(&format!("{SLOT} WHERE sl.id = ?1"), p![id], slot)
    }

    fn insert_slot(&mut self, sl: &SlotRow, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO slots (id, edition_id, article_id, advert_id, first_page, last_page,
                part_offset, part_units, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            p![
                sl.id,
                sl.edition,
                sl.article,
                sl.advert,
                sl.first_page,
                sl.last_page,
                sl.part_offset,
                sl.part_units,
                at
            ],
        )
        .map(drop)
    }

    fn update_slot(&mut self, sl: &SlotRow, version: u32, at: &str) -> Result<bool> {
        self.exec(
            "UPDATE slots SET first_page = ?3, last_page = ?4, part_offset = ?5, part_units = ?6,
                updated_at = ?7, version = version + 1
             WHERE id = ?1 AND version = ?2",
            p![
                sl.id,
                version,
                sl.first_page,
                sl.last_page,
                sl.part_offset,
                sl.part_units,
                at
            ],
        )
        .map(|n| n == 1)
    }

    fn delete_slot(&mut self, id: SlotId) -> Result<()> {
        self.exec("DELETE FROM slots WHERE id = ?1", p![id])
            .map(drop)
    }

    fn flatplan_version(&mut self, edition: EditionId) -> Result<Option<u32>> {
        self.one(
            "SELECT flatplan_version FROM editions WHERE id = ?1 AND deleted_at IS NULL",
            p![edition],
            |r| r.get(0),
        )
    }

    fn bump_flatplan(&mut self, edition: EditionId, at: &str) -> Result<()> {
        self.exec(
            "UPDATE editions SET flatplan_version = flatplan_version + 1, updated_at = ?2 WHERE id = ?1",
            p![edition, at],
        )
        .map(drop)
    }

    // ----- the board -----

    fn board(&mut self, publication: PublicationId, f: &BoardFilter) -> Result<Vec<BoardRow>> {
        let values = [
            Some(publication.to_string()),
            f.edition_id.map(|x| x.to_string()),
            f.section_id.map(|x| x.to_string()),
            f.kind_id.map(|x| x.to_string()),
            f.contributor_id.map(|x| x.to_string()),
        ];
        self.all_numbered(&board_sql(f), &values, board_row)
    }

    // ----- the team -----

    fn people(&mut self) -> Result<Vec<Person>> {
        self.all(
            &format!("{PERSON} ORDER BY name COLLATE NOCASE"),
            p![],
            person,
        )
    }

    fn person(&mut self, id: PersonId) -> Result<Option<Person>> {
        self.one(&format!("{PERSON} AND id = ?1"), p![id], person)
    }

    fn person_by_login(&mut self, login: &str) -> Result<Option<Person>> {
        self.one(&format!("{PERSON} AND login = ?1"), p![login], person)
    }

    fn person_by_email(&mut self, email: &str) -> Result<Option<Person>> {
        self.one(
            &format!("{PERSON} AND email IS NOT NULL AND masthead_fold(email) = masthead_fold(?1)"),
            p![email],
            person,
        )
    }

    fn insert_person(&mut self, x: &Person, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO people (id, name, email, role, login, contributor_id, created_at,
                updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            p![
                x.id,
                x.name,
                x.email,
                x.role.key(),
                x.login,
                x.contributor_id,
                at
            ],
        )
        .map(drop)
    }

    fn set_person_role(
        &mut self,
        id: PersonId,
        version: u32,
        role: TeamRole,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE people SET role = ?3, updated_at = ?4, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, role.key(), at],
        )
        .map(|n| n == 1)
    }

    fn retire_person(&mut self, id: PersonId, version: u32, at: &str) -> Result<bool> {
        self.exec(
            "UPDATE people SET deleted_at = ?3, updated_at = ?3, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, at],
        )
        .map(|n| n == 1)
    }

    fn create_login(&mut self, login: &str, password: &str, role: TeamRole) -> Result<bool> {
        if !self.conn.is_server() {
            return Err(needs_server());
        }
        plain_login(login)?;
        // The server gets a SCRAM verifier, never the password itself, so
        // it cannot land in the server's logs.
        let secret = postgres_protocol::password::scram_sha_256(password.as_bytes());
        self.one(
            "SELECT masthead_create_login(?1, ?2, ?3)",
            p![login, secret, role.key()],
            |r| r.get(0),
        )
        .map(Option::unwrap_or_default)
    }

    fn set_login_role(&mut self, login: &str, role: TeamRole) -> Result<()> {
        if !self.conn.is_server() {
            return Err(needs_server());
        }
        self.exec(
            "SELECT masthead_set_login_role(?1, ?2)",
            p![login, role.key()],
        )
        .map(drop)
    }

    fn close_login(&mut self, login: &str) -> Result<()> {
        if !self.conn.is_server() {
            return Err(needs_server());
        }
        self.exec("SELECT masthead_close_login(?1)", p![login])
            .map(drop)
    }

    // ----- whole tables -----

    fn holds_nothing(&mut self) -> Result<bool> {
        self.one(
            "SELECT NOT EXISTS (SELECT 1 FROM publications)
                AND NOT EXISTS (SELECT 1 FROM contributors)
                AND NOT EXISTS (SELECT 1 FROM people)
                AND NOT EXISTS (SELECT 1 FROM change_sets)",
            p![],
            |r| r.get(0),
        )
        .map(|empty| empty.unwrap_or(false))
    }

    fn dump_table(
        &mut self,
        table: &str,
        columns: &[&str],
        each: &mut dyn FnMut(Vec<Value>) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {} FROM {table} ORDER BY {}",
            columns.join(", "),
            columns[0]
        );
        let count = columns.len();
        self.conn.each(&sql, p![], &mut |row| {
            let values = (0..count)
                .map(|i| row.get::<Value>(i))
                .collect::<Result<Vec<_>>>()?;
            each(values)
        })
    }

    fn load_row(&mut self, table: &str, columns: &[&str], row: &[Value]) -> Result<()> {
        let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            columns.join(", "),
            marks.join(", ")
        );
        let params: Vec<crate::storage::sql::Param<'_>> = row
            .iter()
            .map(crate::storage::sql::ToParam::to_param)
            .collect();
        self.exec(&sql, &params).map(drop)
    }

    fn approved_drafts(&mut self) -> Result<Vec<(String, String)>> {
        self.all(
            "SELECT id, approved_draft_id FROM articles WHERE approved_draft_id IS NOT NULL
             ORDER BY id",
            p![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    fn set_approved_draft_raw(&mut self, article: &str, draft: &str) -> Result<()> {
        self.exec(
            "UPDATE articles SET approved_draft_id = ?2 WHERE id = ?1",
            p![article, draft],
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
            p![set.id, set.at, set.actor, set.publication, set.edition],
        )?;
        for (seq, c) in set.changes.iter().enumerate() {
            self.exec(
                "INSERT INTO changes (id, change_set_id, seq, entity, entity_id, version, action,
                    field, old_value, new_value, old_ref, new_ref, subject)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                p![
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
                    c.new_ref,
                    c.subject
                ],
            )?;
        }
        Ok(())
    }

    fn history_of(&mut self, entity_id: &str) -> Result<Vec<HistoryEntry>> {
        self.all(
            &format!("{HISTORY} WHERE c.entity_id = ?1 ORDER BY s.at, c.change_set_id, c.seq"),
            p![entity_id],
            history,
        )
    }

    fn history_of_article(&mut self, id: ArticleId) -> Result<Vec<HistoryEntry>> {
        self.all(
            &format!(
                "{HISTORY} WHERE c.entity_id IN
                    (SELECT CAST(?1 AS TEXT) UNION ALL
                     SELECT id FROM assignments WHERE article_id = ?1 AND deleted_at IS NULL
                     UNION ALL SELECT id FROM drafts WHERE article_id = ?1)
                 ORDER BY s.at, c.change_set_id, c.seq"
            ),
            p![id],
            history,
        )
    }

    fn changes_since(
        &mut self,
        entity: &str,
        entity_id: &str,
        version: u32,
    ) -> Result<Vec<HistoryEntry>> {
        self.all(
            &format!(
                "{HISTORY} WHERE c.entity_id = ?1 AND c.entity = ?3 AND c.version > ?2
                 ORDER BY s.at, c.change_set_id, c.seq"
            ),
            p![entity_id, version, entity],
            history,
        )
    }
}
