//! Comments on pieces, and the names they mention.

use super::*;

const COMMENT: &str = "SELECT cm.id, cm.article_id, cm.author, cm.body, cm.created_at,
        cm.edited_at, cm.version
     FROM comments cm";

fn comment(row: &Row<'_>) -> Result<Comment> {
    let edited: Option<String> = row.get("edited_at")?;
    Ok(Comment {
        id: row.get("id")?,
        article_id: row.get("article_id")?,
        author: row.get("author")?,
        body: row.get("body")?,
        created_at: timestamp(row, "created_at")?,
        edited_at: match edited {
            Some(_) => Some(timestamp(row, "edited_at")?),
            None => None,
        },
        version: row.get("version")?,
    })
}

impl SqlTx<'_> {
    /// A piece's comments, oldest first (on a contributor's login, those
    /// of her pieces: her policy).
    pub(crate) fn comments(&mut self, article: ArticleId) -> Result<Vec<Comment>> {
        self.all(
            &format!(
                "{COMMENT} WHERE cm.article_id = ?1 AND cm.deleted_at IS NULL
                 ORDER BY cm.created_at, cm.id"
            ),
            p![article],
            comment,
        )
    }

    /// A comment not in the trash.
    pub(crate) fn comment(&mut self, id: CommentId) -> Result<Option<Comment>> {
        self.one(
            &format!("{COMMENT} WHERE cm.id = ?1 AND cm.deleted_at IS NULL"),
            p![id],
            comment,
        )
    }

    /// The piece a comment is on and its author, in the trash or not.
    pub(crate) fn comment_piece(&mut self, id: &str) -> Result<Option<(ArticleId, String)>> {
        self.one(
            "SELECT article_id, author FROM comments WHERE id = ?1",
            p![id],
            |row| Ok((row.get("article_id")?, row.get("author")?)),
        )
    }

    /// Her comment on her piece, through the server's checked function:
    /// its id.
    pub(crate) fn add_own_comment(
        &mut self,
        article: ArticleId,
        body: &str,
        mentioned: &[String],
    ) -> Result<CommentId> {
        let names = serde_json::to_string(mentioned).map_err(|e| Error::Server(e.to_string()))?;
        let mut id = None;
        self.conn.call_writing(
            "SELECT masthead_add_comment(?1, ?2, ?3)",
            p![article, body, names],
            &mut |r| {
                id = Some(r.get(0)?);
                Ok(())
            },
        )?;
        id.ok_or_else(|| Error::Server("the server stored no comment".into()))
    }

    pub(crate) fn insert_comment(
        &mut self,
        id: CommentId,
        article: ArticleId,
        author: &str,
        body: &str,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO comments (id, article_id, author, body, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            p![id, article, author, body, at],
        )
        .map(drop)
    }

    /// Saves a comment's new text from `version`; false when that version
    /// is no longer current.
    pub(crate) fn update_comment(
        &mut self,
        id: CommentId,
        version: u32,
        body: &str,
        at: &str,
    ) -> Result<bool> {
        Ok(self.exec(
            "UPDATE comments SET body = ?3, updated_at = ?4, edited_at = ?4, version = version + 1
              WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, body, at],
        )? == 1)
    }

    /// The names a comment mentions, replacing those it mentioned before.
    pub(crate) fn set_mentions(&mut self, id: CommentId, names: &[String]) -> Result<()> {
        self.exec("DELETE FROM comment_mentions WHERE comment_id = ?1", p![id])?;
        for name in names {
            self.exec(
                "INSERT INTO comment_mentions (name, comment_id) VALUES (?1, ?2)",
                p![name, id],
            )?;
        }
        Ok(())
    }

    /// Comments of `publication` mentioning `name` (folded), by others
    /// than `author`, made after `since`, newest first.
    pub(crate) fn mentions_of(
        &mut self,
        publication: PublicationId,
        name: &str,
        author: &str,
        since: &str,
        limit: usize,
    ) -> Result<Vec<Mention>> {
        self.all(
            "SELECT cm.id, cm.article_id, cm.author, cm.body, cm.created_at, cm.edited_at,
                    cm.version, a.title AS article_title, e.name AS edition
               FROM comment_mentions m
               JOIN comments cm ON cm.id = m.comment_id AND cm.deleted_at IS NULL
               JOIN articles a ON a.id = cm.article_id AND a.deleted_at IS NULL
               JOIN editions e ON e.id = a.edition_id AND e.deleted_at IS NULL
              WHERE m.name = ?1 AND e.publication_id = ?2 AND cm.author <> ?3
                AND coalesce(cm.edited_at, cm.created_at) > ?4
              ORDER BY cm.created_at DESC, cm.id
              LIMIT ?5",
            p![name, publication, author, since, limit as i64],
            |row| {
                Ok(Mention {
                    comment: comment(row)?,
                    article_title: row.get("article_title")?,
                    edition: row.get("edition")?,
                })
            },
        )
    }
}
