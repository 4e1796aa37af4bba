//! Comments on a piece: written by editors, each its author's to edit (it
//! shows as edited) or to delete (to the trash); the names it mentions
//! reach those people's desks. Each write is one transaction with its
//! history, from the version the author saw.

use super::{Result, Store, check_version, ensure_saved, need};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{ChangeSet, Entity, FieldChange};
use crate::model::{ArticleId, Comment, CommentId, Saved, TrashItem};
use crate::rules::comments;

/// A comment's first words, for history and the trash.
pub(crate) fn gist(body: &str) -> String {
    const WORDS: usize = 80;
    let one_line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= WORDS {
        one_line
    } else {
        let cut: String = one_line.chars().take(WORDS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Refuses a change to a comment by anyone but its author.
fn authored(c: &Comment, actor: &Actor, doing: &str) -> Result<()> {
    if c.author == actor.name() {
        Ok(())
    } else {
        Err(Error::invalid(
            "not_your_comment",
            None,
            format!("Only {} can {doing} their comment.", c.author),
        ))
    }
}

impl Store {
    /// A piece's comments, oldest first.
    pub fn comments(&self, article: ArticleId) -> Result<Vec<Comment>> {
        self.read(|tx| {
            need(tx.article(article)?, "article", article)?;
            tx.comments(article)
        })
    }

    /// Comments on a piece not in the trash, as `actor`.
    pub fn add_comment(
        &mut self,
        actor: &Actor,
        article: ArticleId,
        body: &str,
    ) -> Result<Comment> {
        let body = comments::body(body)?;
        self.write(|tx| {
            if tx.writes_through_functions() {
                // Her comment on her piece: the server checks and writes it.
                let id = tx.add_own_comment(article, &body, &comments::mentions(&body))?;
                return need(tx.comment(id)?, "comment", id);
            }
            let a = need(tx.article(article)?, "article", article)?;
            let e = need(tx.edition(a.edition_id)?, "edition", a.edition_id)?;
            let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
            let id = CommentId::new();
            tx.insert_comment(id, article, actor.name(), &body, cs.at())?;
            tx.set_mentions(id, &comments::mentions(&body))?;
            let from = cs.len();
            cs.created(Entity::Comment, id, &gist(&body));
            cs.about(from, &a.title);
            tx.write_change_set(&cs)?;
            need(tx.comment(id)?, "comment", id)
        })
    }

    /// Its author changes a comment, from the version they saw.
    pub fn edit_comment(
        &mut self,
        actor: &Actor,
        id: CommentId,
        seen: Option<u32>,
        body: &str,
    ) -> Result<Comment> {
        let body = comments::body(body)?;
        self.write(|tx| {
            let c = need(tx.comment(id)?, "comment", id)?;
            authored(&c, actor, "edit")?;
            let version = check_version(tx, Entity::Comment, id, &gist(&c.body), seen, c.version)?;
            if c.body == body {
                return Ok(c);
            }
            let a = need(tx.article(c.article_id)?, "article", c.article_id)?;
            let e = need(tx.edition(a.edition_id)?, "edition", a.edition_id)?;
            let mut cs = ChangeSet::new(actor, Some(e.publication_id), Some(e.id));
            let saved = tx.update_comment(id, version, &body, cs.at())?;
            ensure_saved(tx, saved, Entity::Comment, id, &gist(&c.body), version)?;
            tx.set_mentions(id, &comments::mentions(&body))?;
            let from = cs.len();
            cs.updated(
                Entity::Comment,
                id,
                version + 1,
                vec![FieldChange {
                    field: "comment",
                    old: Some(gist(&c.body)),
                    new: Some(gist(&body)),
                    old_ref: None,
                    new_ref: None,
                }],
            );
            cs.about(from, &a.title);
            tx.write_change_set(&cs)?;
            need(tx.comment(id)?, "comment", id)
        })
    }

    /// Its author moves a comment to the trash, from the version they saw.
    pub fn delete_comment(
        &mut self,
        actor: &Actor,
        id: CommentId,
        seen: Option<u32>,
    ) -> Result<Saved<TrashItem>> {
        self.write(|tx| {
            let c = need(tx.comment(id)?, "comment", id)?;
            authored(&c, actor, "delete")?;
            let label = gist(&c.body);
            let version = check_version(tx, Entity::Comment, id, &label, seen, c.version)?;
            let a = need(tx.article(c.article_id)?, "article", c.article_id)?;
            let e = need(tx.edition(a.edition_id)?, "edition", a.edition_id)?;
            super::trash::file_comment(tx, actor, &e, id, &label, &a.title, version)
        })
    }
}

/// How many mentions the desk lists at most.
const MENTIONS_LISTED: usize = 20;

/// Comments by others in `publication` that mention `who` by name, made
/// after `since` (a stored time), newest first.
pub(super) fn mentions_since(
    tx: &mut crate::storage::Tx<'_>,
    publication: crate::model::PublicationId,
    who: &Actor,
    since: &str,
) -> Result<Vec<crate::model::Mention>> {
    let name = comments::mention_key(who.name());
    tx.mentions_of(publication, &name, who.name(), since, MENTIONS_LISTED)
}
