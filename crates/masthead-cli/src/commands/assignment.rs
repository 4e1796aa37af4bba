//! `assignment`: offers, answers, withdrawals and reassignments.

use super::prelude::*;

pub(crate) fn find_assignment(
    store: &Store,
    key: &AssignmentKey,
) -> Result<masthead_core::model::AssignmentId, Failure> {
    if let Some(id) = &key.id {
        return masthead_core::model::AssignmentId::parse(id)
            .ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{id}\" is not an assignment id; give the id from `assignment list`, or --article and --contributor"
                ))
            })
            .and_then(|id| Ok(store.assignment(id)?.id));
    }
    let (Some(article), Some(contributor)) = (&key.article, &key.contributor) else {
        return Err(Failure::Usage(
            "say which assignment: its id, or --article and --contributor".into(),
        ));
    };
    let article = find_article(store, key.edition.as_deref(), article)?;
    let contributor = store.find_contributor(contributor)?;
    Ok(store.find_assignment(article, contributor)?)
}

pub(crate) fn assignment(cmd: &AssignmentCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        AssignmentCmd::List {
            contributor,
            edition,
            json,
        } => {
            let store = open(path, false)?;
            let query = AssignmentQuery {
                article: None,
                contributor: contributor
                    .as_deref()
                    .map(|c| store.find_contributor(c))
                    .transpose()?,
                edition: edition
                    .as_deref()
                    .map(|e| store.find_edition(None, e))
                    .transpose()?,
            };
            let list = store.list_assignments(query)?;
            if *json {
                return out.json(&list);
            }
            output::print_assignments(out, &list);
            Ok(())
        }
        AssignmentCmd::Accept { key } | AssignmentCmd::Decline { key } => {
            let mut store = open(path, false)?;
            let id = find_assignment(&store, key)?;
            let accepted = matches!(cmd, AssignmentCmd::Accept { .. });
            let a = store.answer_assignment(who, id, key.expect_version, accepted)?;
            out.line(&format!(
                "{} {} \"{}\".",
                a.contributor,
                if accepted { "accepted" } else { "declined" },
                a.article_title
            ));
            Ok(())
        }
        AssignmentCmd::Withdraw { key } => {
            let mut store = open(path, false)?;
            let id = find_assignment(&store, key)?;
            let a = store.withdraw_assignment(who, id, key.expect_version)?;
            out.line(&format!(
                "Withdrew \"{}\" from {}.",
                a.article_title, a.contributor
            ));
            Ok(())
        }
        AssignmentCmd::Reassign { key, to } => {
            let mut store = open(path, false)?;
            let id = find_assignment(&store, key)?;
            let to = store.find_contributor(to)?;
            let saved = store.reassign(who, id, key.expect_version, to)?;
            out.warnings(&saved.warnings);
            out.line(&format!(
                "Offered \"{}\" to {} instead.",
                saved.item.article_title, saved.item.contributor
            ));
            Ok(())
        }
    }
}
