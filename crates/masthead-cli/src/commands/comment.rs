//! `comment`: comments on a piece.

use masthead_core::model::CommentId;

use super::prelude::*;

fn comment_id(id: &str) -> Result<CommentId, Failure> {
    CommentId::parse(id).ok_or_else(|| {
        Failure::Usage(format!(
            "\"{id}\" is not a comment's id: `masthead comment list PIECE` shows them."
        ))
    })
}

pub(crate) fn comment(cmd: &CommentCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        CommentCmd::Add {
            article,
            body,
            edition,
        } => {
            let mut store = open(path, false)?;
            let id = find_article(&store, edition.as_deref(), article)?;
            let c = store.add_comment(who, id, body)?;
            out.line(&format!("Commented on it ({}).", c.id));
            Ok(())
        }
        CommentCmd::List {
            article,
            edition,
            json,
        } => {
            let store = open(path, false)?;
            let id = find_article(&store, edition.as_deref(), article)?;
            let list = store.comments(id)?;
            if *json {
                return out.json(&list);
            }
            if list.is_empty() {
                out.line("No comments yet.");
            }
            for c in &list {
                let edited = if c.edited_at.is_some() {
                    " (edited)"
                } else {
                    ""
                };
                out.line(&format!(
                    "{} · {}{edited} · {}",
                    c.author,
                    c.created_at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M"),
                    c.id
                ));
                for line in c.body.lines() {
                    out.line(&format!("  {line}"));
                }
            }
            Ok(())
        }
        CommentCmd::Edit {
            id,
            body,
            expect_version,
        } => {
            let id = comment_id(id)?;
            let mut store = open(path, false)?;
            store.edit_comment(who, id, *expect_version, body)?;
            out.line("Edited your comment.");
            Ok(())
        }
        CommentCmd::Delete { id, expect_version } => {
            let id = comment_id(id)?;
            let mut store = open(path, false)?;
            let saved = store.delete_comment(who, id, *expect_version)?;
            super::trash::deleted(out, &saved.item);
            Ok(())
        }
    }
}
