//! Full-text search: the one place the engines' SQL differs by design. A
//! file searches its FTS5 index (migration 13's triggers keep it); a
//! server its generated `tsvector` columns, through the rows the login may
//! read (a contributor's policies and grants apply: she has no notes).
//! Each finds every matching text, keeps each piece's best, ranks the
//! pieces and marks the words in the best text of the first `limit`.

use super::*;

/// A piece a search found, as stored.
pub(crate) struct SearchRow {
    pub article_id: ArticleId,
    pub title: String,
    pub status: String,
    pub edition_id: EditionId,
    pub edition: String,
    pub source: String,
    pub version: Option<u32>,
    /// The excerpt, its matching words between `\u{2}` and `\u{3}`.
    pub excerpt: String,
}

/// The FTS5 index of a file (server-only SQL never runs here): the best
/// `?4` matching texts by rank (FTS5 ranks them all in its own pass), each
/// piece's best among them, and that text itself for its excerpt (made by
/// `rules::search::excerpt`: an FTS5 snippet ran the query again for each
/// result). A search that found fewer pieces than it wanted, when more
/// texts matched than it ranked, asks for more ([`FILE_MATCHES`]).
const FILE_SEARCH: &str = "-- search on a file (FTS5)
WITH hits AS MATERIALIZED (
    SELECT rowid AS doc, rank FROM search_text WHERE search_text MATCH ?1
     ORDER BY rank LIMIT ?4),
best AS MATERIALIZED (
    SELECT d.article_id, d.source, d.source_id, h.doc, min(h.rank) AS score
      FROM hits h
      JOIN search_docs d ON d.id = h.doc
      JOIN articles a ON a.id = d.article_id AND a.deleted_at IS NULL
      JOIN editions e ON e.id = a.edition_id AND e.deleted_at IS NULL AND e.publication_id = ?2
      LEFT JOIN assignments g ON d.source = 'brief' AND g.id = d.source_id
      LEFT JOIN comments k ON d.source = 'comment' AND k.id = d.source_id
     WHERE (d.source <> 'brief' OR g.deleted_at IS NULL)
       AND (d.source <> 'comment' OR k.deleted_at IS NULL)
     GROUP BY d.article_id
     ORDER BY score LIMIT ?3)
SELECT b.article_id, a.title, s.label AS status, a.edition_id, e.name AS edition, b.source,
       dr.number AS version, t.heading, t.body
  FROM best b
  JOIN articles a ON a.id = b.article_id
  JOIN editions e ON e.id = a.edition_id
  JOIN workflow_statuses s ON s.id = a.status_id
  JOIN search_text t ON t.rowid = b.doc
  LEFT JOIN drafts dr ON b.source = 'draft' AND dr.id = b.source_id
 ORDER BY b.score, b.article_id";

/// How many texts a file's search ranks first; eight times more each time
/// that was too few to find the pieces it wants.
const FIRST_HITS: i64 = 400;

/// Whether more than `?2` texts match (counted without ranking them).
const FILE_MATCHES: &str = "-- search on a file (FTS5)
SELECT count(*) FROM (SELECT 1 FROM search_text WHERE search_text MATCH ?1 LIMIT ?2)";

/// A server's search: `$editors_hits` adds the texts only editors read
/// (notes, comments), `$editors_text` reads them for the excerpt through
/// `$editors_join`.
macro_rules! server_search {
    ($editors_hits:literal, $editors_text:literal, $editors_join:literal) => {
        concat!(
            "-- search on a server (tsvector)
WITH q AS MATERIALIZED (SELECT to_tsquery('simple'::regconfig, ?1) AS q),
hits AS (
    SELECT a.id AS article_id, 'piece' AS source, a.id AS source_id, ts_rank(a.search, q.q) AS score
      FROM articles a, q WHERE a.search @@ q.q AND a.deleted_at IS NULL",
            $editors_hits,
            "
    UNION ALL
    SELECT g.article_id, 'brief', g.id, ts_rank(g.search, q.q)
      FROM assignments g, q WHERE g.search @@ q.q AND g.deleted_at IS NULL
    UNION ALL
    SELECT d.article_id, 'draft', d.id, ts_rank(c.search, q.q)
      FROM draft_contents c JOIN drafts d ON d.id = c.draft_id, q WHERE c.search @@ q.q),
best AS MATERIALIZED (
    SELECT * FROM (
        SELECT DISTINCT ON (h.article_id) h.article_id, h.source, h.source_id, h.score
          FROM hits h
          JOIN articles a ON a.id = h.article_id AND a.deleted_at IS NULL
          JOIN editions e ON e.id = a.edition_id AND e.deleted_at IS NULL
                         AND e.publication_id = ?2
         ORDER BY h.article_id, h.score DESC) x
     ORDER BY score DESC LIMIT ?3)
SELECT b.article_id, a.title, s.label AS status, a.edition_id, e.name AS edition, b.source,
       dr.number AS version,
       ts_headline('simple'::regconfig,
           CASE b.source WHEN 'piece' THEN a.title || ' — ' || a.standfirst",
            $editors_text,
            "
                         WHEN 'brief' THEN g.brief ELSE left(c.text, 100000) END,
           q.q, ?4) AS excerpt
  FROM best b CROSS JOIN q
  JOIN articles a ON a.id = b.article_id
  JOIN editions e ON e.id = a.edition_id
  JOIN workflow_statuses s ON s.id = a.status_id
  LEFT JOIN assignments g ON b.source = 'brief' AND g.id = b.source_id
  LEFT JOIN drafts dr ON b.source = 'draft' AND dr.id = b.source_id
  LEFT JOIN draft_contents c ON b.source = 'draft' AND c.draft_id = b.source_id",
            $editors_join,
            "
 ORDER BY b.score DESC, b.article_id"
        )
    };
}

const SERVER_SEARCH: Notes = Notes {
    shown: server_search!(
        "
    UNION ALL
    SELECT a.id, 'notes', a.id, ts_rank(a.notes_search, q.q)
      FROM articles a, q WHERE a.notes_search @@ q.q AND a.deleted_at IS NULL
    UNION ALL
    SELECT k.article_id, 'comment', k.id, ts_rank(k.search, q.q)
      FROM comments k, q WHERE k.search @@ q.q AND k.deleted_at IS NULL",
        "
                         WHEN 'notes' THEN a.notes WHEN 'comment' THEN k.body",
        "
  LEFT JOIN comments k ON b.source = 'comment' AND k.id = b.source_id"
    ),
    hidden: server_search!("", "", ""),
};

/// How a server marks the words in an excerpt: as a file's FTS5 does.
const HEADLINE: &str = "StartSel=\u{2}, StopSel=\u{3}, MaxWords=24, MinWords=12, ShortWord=2, \
                        MaxFragments=1, FragmentDelimiter=\" … \"";

impl SqlTx<'_> {
    /// The pieces of `publication` whose texts hold every one of `words`
    /// (each as a word's start), best first, at most `limit`.
    pub(crate) fn search(
        &mut self,
        publication: PublicationId,
        words: &[String],
        limit: u32,
    ) -> Result<Vec<SearchRow>> {
        // A found piece's row, its excerpt made by the engine or by Rust.
        fn found(row: &Row<'_>, excerpt: String) -> Result<SearchRow> {
            Ok(SearchRow {
                article_id: row.get("article_id")?,
                title: row.get("title")?,
                status: row.get("status")?,
                edition_id: row.get("edition_id")?,
                edition: row.get("edition")?,
                source: row.get("source")?,
                version: row.get("version")?,
                excerpt,
            })
        }
        let map = |row: &Row<'_>| {
            let excerpt = row.get::<Option<String>>("excerpt")?.unwrap_or_default();
            found(row, excerpt)
        };
        if self.conn.is_server() {
            let query = crate::rules::search::tsquery(words);
            let sql = self.with_notes(SERVER_SEARCH);
            self.all(sql, p![query, publication, i64::from(limit), HEADLINE], map)
        } else {
            let query = crate::rules::search::fts5_query(words);
            let mut cap = FIRST_HITS;
            loop {
                let rows = self.all(
                    FILE_SEARCH,
                    p![query, publication, i64::from(limit), cap],
                    |row| {
                        let heading: Option<String> = row.get("heading")?;
                        let body: Option<String> = row.get("body")?;
                        // The body's words, else the heading's.
                        let excerpt = [body, heading]
                            .into_iter()
                            .flatten()
                            .find_map(|text| crate::rules::search::excerpt(&text, words))
                            .unwrap_or_default();
                        found(row, excerpt)
                    },
                )?;
                if rows.len() >= limit as usize {
                    return Ok(rows);
                }
                // Fewer pieces than wanted: from every text that matches,
                // or only from the first `cap` (the rest may be further down)?
                let more = self
                    .one(FILE_MATCHES, p![query, cap + 1], |r| r.get::<i64>(0))?
                    .unwrap_or(0)
                    > cap;
                if !more {
                    return Ok(rows);
                }
                cap *= 8;
            }
        }
    }
}
