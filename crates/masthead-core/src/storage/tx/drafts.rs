//! Drafts (inserted, never updated or deleted), and a contributor's writes through the server's functions.

use super::*;

impl SqlTx<'_> {
    /// A piece's drafts, newest first: the facts, not the text or file.
    pub(crate) fn drafts(&mut self, article: ArticleId) -> Result<Vec<Draft>> {
        self.all(
            &format!("{DRAFT} WHERE d.article_id = ?1 ORDER BY d.number DESC"),
            p![article],
            draft,
        )
    }

    /// The drafts `contributor` sent for her commissions still open, newest
    /// first (by her commissions' index, then each one's drafts').
    pub(crate) fn drafts_of_open_commissions(
        &mut self,
        contributor: ContributorId,
    ) -> Result<Vec<Draft>> {
        self.all(
            &format!(
                "{DRAFT} JOIN assignments asg ON asg.id = d.assignment_id
                 WHERE asg.contributor_id = ?1 AND asg.deleted_at IS NULL
                   AND asg.state IN ('offered', 'accepted') AND d.contributor_id = ?1
                 ORDER BY d.submitted_at DESC, d.number DESC"
            ),
            p![contributor],
            draft,
        )
    }

    /// How many drafts `contributor` sent for `article` since `since`, and
    /// their bytes (by the piece's drafts' index).
    pub(crate) fn drafts_sent_since(
        &mut self,
        article: ArticleId,
        contributor: ContributorId,
        since: &str,
    ) -> Result<(u32, u64)> {
        self.one(
            "SELECT count(*) AS n, CAST(coalesce(sum(d.size), 0) AS BIGINT) AS bytes FROM drafts d
              WHERE d.article_id = ?1 AND d.contributor_id = ?2 AND d.submitted_at > ?3",
            p![article, contributor, since],
            |row| {
                let (n, bytes): (i64, i64) = (row.get("n")?, row.get("bytes")?);
                Ok((u32::try_from(n).unwrap_or(u32::MAX), bytes.max(0) as u64))
            },
        )
        .map(Option::unwrap_or_default)
    }

    /// A draft's plain text and Markdown.
    pub(crate) fn draft_text(&mut self, id: DraftId) -> Result<Option<(String, String)>> {
        self.one(
            "SELECT text, markdown FROM draft_contents WHERE draft_id = ?1",
            p![id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
    }

    /// The file as it was submitted.
    pub(crate) fn draft_original(&mut self, id: DraftId) -> Result<Option<Vec<u8>>> {
        self.one(
            "SELECT original FROM draft_contents WHERE draft_id = ?1",
            p![id],
            |row| row.get(0),
        )
    }

    pub(crate) fn insert_draft(&mut self, d: &DraftRow<'_>, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number, file_name,
                media_type, size, sha256, words, submitted_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            p![
                d.id, d.article, d.assignment, d.contributor, d.version, d.file_name, d.media_type,
                d.size as i64, d.sha256, d.words, at, d.recorded_by
            ],
        )?;
        self.exec(
            "INSERT INTO draft_contents (draft_id, original, text, markdown)
             VALUES (?1, ?2, ?3, ?4)",
            p![d.id, d.original, d.text, d.markdown],
        )
        .map(drop)
    }

    /// Marks `draft` (or none) as the piece's approved copy, from `version`.
    pub(crate) fn set_approved_draft(
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

    /// Whether this connection's writes go through those functions.
    pub(crate) fn writes_through_functions(&self) -> bool {
        self.conn.is_contributor()
    }

    /// Her answer to her open offer, from `version`: false when the
    /// assignment is no longer at `version` (a conflict, nothing saved).
    pub(crate) fn answer_own_offer(
        &mut self,
        id: AssignmentId,
        version: u32,
        accept: bool,
    ) -> Result<bool> {
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

    /// Her draft of her piece: the server numbers, counts, stores and
    /// records it, and moves a first draft's piece.
    pub(crate) fn submit_own_draft(
        &mut self,
        article: ArticleId,
        d: &OwnDraft<'_>,
    ) -> Result<OwnDraftSaved> {
        let mut saved = None;
        self.conn.call_writing(
            "SELECT draft_id, number, moved_from, moved_to
               FROM masthead_submit_draft(?1, ?2, ?3, ?4, ?5, ?6)",
            p![
                article, d.file_name, d.media_type, d.original, d.text, d.markdown
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
