//! Pieces, and the board that lists them.

use super::*;

impl SqlTx<'_> {
    pub(crate) fn articles(&mut self, edition: EditionId) -> Result<Vec<Article>> {
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

    pub(crate) fn article(&mut self, id: ArticleId) -> Result<Option<Article>> {
        let sql = format!("{} AND a.id = ?1", self.with_notes(ARTICLE));
        self.one(&sql, p![id], article)
    }

    /// Ids of the live pieces titled `title` (case-insensitive), in any
    /// edition not in the trash.
    pub(crate) fn articles_titled(&mut self, title: &str) -> Result<Vec<ArticleId>> {
        self.all(
            "SELECT a.id FROM articles a JOIN editions e ON e.id = a.edition_id AND e.deleted_at IS NULL
              WHERE a.deleted_at IS NULL AND masthead_fold(trim(a.title)) = masthead_fold(trim(?1))
              ORDER BY a.id",
            p![title],
            |r| r.get(0),
        )
    }

    pub(crate) fn insert_article(&mut self, a: &NewArticle<'_>, at: &str) -> Result<()> {
        let v = a.fields;
        self.exec(
            "INSERT INTO articles (id, edition_id, section_id, status_id, kind_id, title, slug,
                standfirst, word_target, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            p![
                a.id, a.edition, v.section_id, a.status, a.kind, v.title, a.slug, v.standfirst,
                v.word_target, v.notes, at
            ],
        )
        .map(drop)
    }

    pub(crate) fn update_article(
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
                id, version, v.title, slug, v.standfirst, v.section_id, v.kind_id, v.word_target,
                v.notes, at
            ],
        )
        .map(|n| n == 1)
    }

    pub(crate) fn set_article_status(
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

    /// The live pieces of a publication the filter lets through (all but
    /// `overdue_only`, which needs the deadline), in workflow then title order;
    /// with `on_sale_after`, only those of editions not on sale by that day
    /// (or with no on-sale date), so the desk never reads years of history.
    pub(crate) fn board(
        &mut self,
        publication: PublicationId,
        f: &BoardFilter,
        on_sale_after: Option<chrono::NaiveDate>,
    ) -> Result<Vec<BoardRow>> {
        let values = [
            Some(publication.to_string()),
            f.edition_id.map(|x| x.to_string()),
            f.section_id.map(|x| x.to_string()),
            f.kind_id.map(|x| x.to_string()),
            f.contributor_id.map(|x| x.to_string()),
            on_sale_after.map(|d| d.format("%Y-%m-%d").to_string()),
        ];
        self.all_numbered(&board_sql(f, on_sale_after.is_some()), &values, board_row)
    }
}

/// A card with the earliest due date of the piece's active assignments.
/// What a card needs from the assignments (who, the writer's due date,
/// whether a writer is still on it) comes from one grouped pass over the
/// board's own pieces' assignments, not a subquery per card (the server
/// runs that about a fifth faster; the file as before).
const BOARD_COLUMNS: &str = concat!(
    "SELECT a.id, a.edition_id, e.name AS edition, a.title, a.section_id,
        sec.name AS section, a.kind_id, k.label AS kind_label, a.status_id, a.version,
        coalesce(w.credits, '[]') AS credits, w.due,
        (EXISTS (SELECT 1 FROM assignments asg WHERE asg.article_id = a.id
                   AND asg.deleted_at IS NULL AND asg.role = ",
    writer!(),
    "
                   AND asg.state IN ",
    ended_states!(),
    ")
         AND coalesce(w.has_writer, 0) = 0) AS needs_writer, ",
    copy_columns!(),
    "
     FROM articles a
     JOIN editions e ON e.id = a.edition_id
     JOIN workflow_statuses s ON s.id = a.status_id
     JOIN kinds k ON k.id = a.kind_id
     LEFT JOIN sections sec ON sec.id = a.section_id "
);

/// Per piece of the board: who is on it (offered, accepted or declined,
/// writers first: its credits, from which its contributors are the ones
/// still on it), its active writers' earliest due date, and whether it has
/// an active writer.
const BOARD_ASSIGNMENTS: &str = concat!(
    "LEFT JOIN (
        SELECT asg.article_id,
               json_group_array(json_array(asg.state, asg.role, c.name)
                                ORDER BY asg.role <> ", writer!(), ", asg.created_at, asg.id) AS credits,
               min(CASE WHEN asg.role = ", writer!(), " AND asg.state IN ", active_states!(), "
                        THEN asg.due_date END) AS due,
               max(CASE WHEN asg.role = ", writer!(), " AND asg.state IN ", active_states!(), "
                        THEN 1 ELSE 0 END) AS has_writer
          FROM assignments asg JOIN contributors c ON c.id = asg.contributor_id
         WHERE asg.deleted_at IS NULL AND asg.state <> 'withdrawn'
           AND asg.article_id IN (SELECT a2.id FROM articles a2 JOIN editions e2 ON e2.id = a2.edition_id
                                   WHERE a2.deleted_at IS NULL AND e2.publication_id = ?1"
);

/// The board's conditions for the filters that are set, so that each uses
/// an index (an `?2 IS NULL OR …` would scan every piece).
fn board_sql(f: &BoardFilter, to_come: bool) -> String {
    const TO_COME: &str = "on_sale_date IS NULL OR ";
    let mut sql = String::from(BOARD_COLUMNS);
    sql += BOARD_ASSIGNMENTS;
    if f.edition_id.is_some() {
        sql += " AND a2.edition_id = ?2";
    }
    if to_come {
        sql += &format!(" AND (e2.{TO_COME}e2.on_sale_date > ?6)");
    }
    sql += ")
         GROUP BY asg.article_id) w ON w.article_id = a.id ";
    sql += copy_join!();
    sql += "
     WHERE a.deleted_at IS NULL AND e.deleted_at IS NULL AND e.publication_id = ?1";
    if f.edition_id.is_some() {
        sql += " AND a.edition_id = ?2";
    }
    if to_come {
        sql += &format!(" AND (e.{TO_COME}e.on_sale_date > ?6)");
    }
    if f.section_id.is_some() {
        sql += " AND a.section_id = ?3";
    }
    if f.kind_id.is_some() {
        sql += " AND a.kind_id = ?4";
    }
    if f.contributor_id.is_some() {
        sql += concat!(
            " AND a.id IN (SELECT asg.article_id FROM assignments asg
                    WHERE asg.contributor_id = ?5 AND asg.deleted_at IS NULL
                      AND asg.state IN ",
            active_states!(),
            ")"
        );
    }
    sql + " ORDER BY s.position, a.title COLLATE NOCASE"
}

fn board_row(row: &Row<'_>) -> Result<BoardRow> {
    let word_target: Option<u32> = row.get("copy_target")?;
    let credits = super::rows::credits(row)?;
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
            contributors: super::rows::still_on(&credits),
            credits,
            word_target,
            copy: copy(row)?,
            deadline: None,
            needs_writer: row.get("needs_writer")?,
            version: row.get("version")?,
        },
        due: date(row, "due")?,
    })
}
