//! `draft`: contributors' drafts, every version kept.

use super::prelude::*;

pub(crate) fn draft_piece(
    store: &Store,
    p: &DraftPiece,
) -> Result<masthead_core::model::ArticleId, Failure> {
    find_article(store, p.edition.as_deref(), &p.article)
}

pub(crate) fn draft(cmd: &DraftCmd, path: &PathBuf, who: &Actor, out: &Out) -> Outcome {
    match cmd {
        DraftCmd::Submit {
            piece,
            file,
            by,
            json,
        } => {
            let mut store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let by = by
                .as_deref()
                .map(|c| store.find_contributor(c))
                .transpose()?;
            let title = store.article(id)?.title;
            let saved = store.submit_draft_file(who, id, file, by)?;
            out.warnings(&saved.warnings);
            let s = &saved.item;
            if *json {
                return out.json(&s.draft);
            }
            out.line(&format!(
                "Recorded version {} of \"{title}\": {}, {}, by {}.",
                s.draft.version,
                s.draft.file_name,
                masthead_core::describe_count(&s.count),
                s.draft.contributor.as_deref().unwrap_or("?")
            ));
            if let (Some(from), Some(to)) = (&s.moved_from, &s.moved_to) {
                out.line(&format!("Moved it from {from} to {to}."));
            }
            Ok(())
        }
        DraftCmd::List { piece, json } => {
            let store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let list = store.drafts(id)?;
            if *json {
                return out.json(&list);
            }
            out.table(
                &[
                    "VERSION", "WORDS", "BY", "RECORDED BY", "WHEN", "FILE", "APPROVED",
                ],
                list.iter().map(|d| {
                    vec![
                        d.version.to_string(),
                        masthead_core::thousands(d.words),
                        d.contributor.clone().unwrap_or_default(),
                        d.recorded_by.clone(),
                        d.submitted_at.format("%Y-%m-%d %H:%M").to_string(),
                        d.file_name.clone(),
                        if d.approved { "yes" } else { "" }.to_owned(),
                    ]
                }),
                "No drafts yet. Record one with `masthead draft submit --article TITLE FILE`.",
            );
            Ok(())
        }
        DraftCmd::Text {
            piece,
            version,
            markdown,
        } => {
            let store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let t = store.draft_text(id, *version)?;
            out.line(if *markdown {
                t.markdown.trim_end()
            } else {
                &t.text
            });
            Ok(())
        }
        DraftCmd::Diff {
            piece,
            from,
            to,
            json,
        } => {
            let store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let diff = store.draft_diff(id, *from, *to)?;
            if *json {
                return out.json(&diff);
            }
            let mut text = String::new();
            for p in &diff.parts {
                match p.tag {
                    DiffTag::Same => text.push_str(&p.text),
                    DiffTag::Added => text.push_str(&format!("{{+{}+}}", p.text)),
                    DiffTag::Removed => text.push_str(&format!("[-{}-]", p.text)),
                }
            }
            out.line(&text);
            out.line("");
            out.line(&format!(
                "Version {} → {}: {} words added, {} removed ({} → {} words).",
                diff.from.version,
                diff.to.version,
                masthead_core::thousands(diff.words_added),
                masthead_core::thousands(diff.words_removed),
                masthead_core::thousands(diff.from.words),
                masthead_core::thousands(diff.to.words)
            ));
            Ok(())
        }
        DraftCmd::Approve {
            piece,
            version,
            none: _,
            expect_version,
        } => {
            let mut store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let seen = match expect_version {
                Some(v) => *v,
                None => store.article(id)?.version,
            };
            let a = store.approve_draft(who, id, Some(seen), *version)?;
            match version {
                Some(n) => out.line(&format!(
                    "Approved version {n} as the copy of \"{}\".",
                    a.title
                )),
                None => out.line(&format!("\"{}\" has no approved copy now.", a.title)),
            }
            Ok(())
        }
        DraftCmd::Export {
            piece,
            version,
            format,
            out: to,
        } => {
            let store = open(path, false)?;
            let id = draft_piece(&store, piece)?;
            let format = DraftFormat::parse(format).ok_or_else(|| {
                Failure::Usage(format!(
                    "\"{format}\" is not an export format; use original, txt or md"
                ))
            })?;
            let bytes = store.export_draft(id, *version, format)?.bytes;
            write_new(to, &bytes)?;
            out.line(&format!("Wrote {} ({} bytes).", to.display(), bytes.len()));
            Ok(())
        }
    }
}
