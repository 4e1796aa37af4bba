//! Drafts: recording a contributor's file as the next version of a piece,
//! reading, comparing, approving and saving versions. The file is read into
//! text first ([`PreparedDraft`], by `masthead_text`, which refuses hostile
//! files) — outside any transaction, and outside the app's lock on the
//! store; the transaction then checks whose draft it is, that it is new,
//! stores it, and moves a piece's first draft into the workflow's
//! drafts-arrive status.
//!
//! On a team server a contributor submits their own draft through the same
//! `submit_prepared`: `by` is then their own contributor entry.

use std::path::Path;

use masthead_text::{DiffTag as TextTag, Extracted, Upload, count_words, diff_words, extract};

use super::{Result, Store, check_version, ensure_saved, need};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{Action, ChangeSet, Entity, FieldChange};
use crate::model::{
    Article, ArticleId, ContributorId, DiffPart, DiffTag, Draft, DraftDiff, DraftFile, DraftFormat,
    DraftId, DraftText, ExportedDraft, Saved, SubmittedDraft, Warning,
};
use crate::rules::drafts::{
    author, check_new_file, describe_count, desktop_file_name, first_draft_status,
    format_of_media_type, thousands, word_count,
};
use crate::storage::{AssignmentFilter, DraftRow, OwnDraft, Tx};

mod prepared;

pub use prepared::{DiffInputs, PreparedDraft};

/// The longest file name a draft keeps.
const MAX_FILE_NAME: usize = 255;

/// Which version: a number, or the newest when `None`.
pub(super) fn version_of(
    tx: &mut Tx<'_>,
    article: &Article,
    version: Option<u32>,
) -> Result<Draft> {
    pick(tx.drafts(article.id)?, article, version)
}

/// Version `version` (the newest when `None`) among `drafts`, newest first.
fn pick(drafts: Vec<Draft>, article: &Article, version: Option<u32>) -> Result<Draft> {
    if drafts.is_empty() {
        return Err(Error::invalid(
            "no_drafts",
            "version",
            format!("\"{}\" has no drafts yet. Submit one first.", article.title),
        ));
    }
    match version {
        None => Ok(drafts.into_iter().next().expect("not empty")),
        Some(n) => {
            let newest = drafts[0].version;
            drafts.into_iter().find(|d| d.version == n).ok_or_else(|| {
                Error::invalid(
                    "no_such_version",
                    "version",
                    format!(
                        "\"{}\" has no version {n}: its drafts are versions 1 to {newest}.",
                        article.title
                    ),
                )
            })
        }
    }
}

pub(super) fn text_of(tx: &mut Tx<'_>, d: &Draft) -> Result<(String, String)> {
    need(tx.draft_text(d.id)?, "draft", d.id)
}

/// The name a draft's file is recorded under (shown as text only): its
/// last part, one line, of a length Masthead keeps.
fn file_name_of(upload: &Upload) -> Result<String> {
    // Its last part, whichever way the sender's system wrote its folders.
    let file_name = upload
        .name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .to_owned();
    if matches!(file_name.trim(), "" | "." | "..") {
        return Err(Error::invalid(
            "file_name_missing",
            "file",
            "The file has no name Masthead can keep. Give it one (like draft.docx) and submit it again.",
        ));
    }
    crate::rules::check_characters(&file_name, "file", "file's name", false)?;
    let length = file_name.chars().count();
    if length > MAX_FILE_NAME {
        return Err(Error::invalid(
            "file_name_too_long",
            "file",
            format!(
                "The file's name is {length} characters long; Masthead keeps names of up to {MAX_FILE_NAME}. Rename the file and submit it again."
            ),
        ));
    }
    Ok(file_name)
}

/// A contributor's draft on a team server, through the server's function:
/// the same checks first, for the same words when one fails; then the
/// server checks it is her piece, works out the size, hash and words from
/// what it stores, numbers it, moves a first draft's piece and writes the
/// history. She is always its writer (`by` is an editor's choice).
fn record_through_server(
    tx: &mut Tx<'_>,
    piece: &Article,
    upload: &Upload,
    extracted: &Extracted,
) -> Result<Recorded> {
    let file_name = file_name_of(upload)?;
    check_new_file(&tx.drafts(piece.id)?, &extracted.sha256, &piece.title)?;
    let saved = tx.submit_own_draft(
        piece.id,
        &OwnDraft {
            file_name: &file_name,
            media_type: extracted.format.media_type(),
            original: &upload.bytes,
            text: &extracted.text,
            markdown: &extracted.markdown,
        },
    )?;
    Ok(Recorded {
        id: saved.id,
        version: saved.version,
        moved: saved.moved,
    })
}

/// A draft as `record` stored it.
pub(crate) struct Recorded {
    pub id: DraftId,
    pub version: u32,
    /// The statuses a first draft moved the piece from and to.
    pub moved: Option<(String, String)>,
}

/// Stores `upload` (read into `extracted`) as the next version of `piece`
/// inside `cs`: whose it is, that it is new, the version, and the move of a
/// first draft to the drafts-arrive status. The caller writes `cs`.
pub(crate) fn record(
    tx: &mut Tx<'_>,
    cs: &mut ChangeSet,
    actor: &Actor,
    piece: &Article,
    upload: &Upload,
    extracted: &Extracted,
    by: Option<ContributorId>,
) -> Result<Recorded> {
    let article = piece.id;
    let file_name = file_name_of(upload)?;
    let edition = need(tx.edition(piece.edition_id)?, "edition", piece.edition_id)?;
    let assignments = tx.assignments(AssignmentFilter {
        article: Some(article),
        ..Default::default()
    })?;
    let by_name = match by {
        Some(id) => Some(need(tx.contributor(id)?, "contributor", id)?.name),
        None => None,
    };
    let from = author(&assignments, by, by_name.as_deref(), &piece.title)?.clone();
    let existing = tx.drafts(article)?;
    check_new_file(&existing, &extracted.sha256, &piece.title)?;
    let version = existing.first().map_or(1, |d| d.version + 1);

    let id = DraftId::new();
    tx.insert_draft(
        &DraftRow {
            id,
            article,
            assignment: Some(from.id),
            contributor: Some(from.contributor_id),
            version,
            file_name: &file_name,
            media_type: extracted.format.media_type(),
            size: extracted.size,
            sha256: &extracted.sha256,
            words: extracted.words,
            recorded_by: actor.name(),
            original: &upload.bytes,
            text: &extracted.text,
            markdown: &extracted.markdown,
        },
        cs.at(),
    )?;
    let at = cs.len();
    cs.created(
        Entity::Draft,
        id,
        &format!(
            "version {version} ({file_name}, {} words)",
            thousands(extracted.words)
        ),
    );
    cs.about(at, &from.contributor);

    let mut moved = None;
    if version == 1 {
        let statuses = tx.statuses(edition.publication_id)?;
        let current = need(tx.status(piece.status_id)?, "status", piece.status_id)?;
        if let Some(to) = first_draft_status(&statuses, &current) {
            let saved = tx.set_article_status(article, piece.version, to.id, cs.at())?;
            ensure_saved(
                tx,
                saved,
                Entity::Article,
                article,
                &piece.title,
                piece.version,
            )?;
            cs.action(
                Entity::Article,
                article,
                piece.version + 1,
                Action::Status,
                FieldChange {
                    field: "status",
                    old: Some(current.label.clone()),
                    new: Some(to.label.clone()),
                    old_ref: Some(current.id.to_string()),
                    new_ref: Some(to.id.to_string()),
                },
            );
            moved = Some((current.label.clone(), to.label.clone()));
        }
    }
    Ok(Recorded { id, version, moved })
}

/// [`Store::submit_prepared`] inside a write transaction already begun.
pub(super) fn submit_in(
    tx: &mut Tx<'_>,
    actor: &Actor,
    article: ArticleId,
    prepared: &PreparedDraft,
    by: Option<ContributorId>,
) -> Result<Saved<SubmittedDraft>> {
    let (upload, extracted) = (&prepared.upload, &prepared.extracted);
    let piece = need(tx.article(article)?, "article", article)?;
    let edition = need(tx.edition(piece.edition_id)?, "edition", piece.edition_id)?;
    let recorded = if tx.writes_through_functions() {
        record_through_server(tx, &piece, upload, extracted)?
    } else {
        let mut cs = ChangeSet::new(actor, Some(edition.publication_id), Some(edition.id));
        let recorded = record(tx, &mut cs, actor, &piece, upload, extracted, by)?;
        tx.write_change_set(&cs)?;
        recorded
    };

    let draft = tx
        .drafts(article)?
        .into_iter()
        .find(|d| d.id == recorded.id)
        .ok_or_else(|| Error::NotFound {
            entity: "draft",
            key: recorded.id.to_string(),
        })?;
    // The target the piece counts against everywhere (its own, else
    // its writer's commission), as the store now reads it.
    let target = tx
        .article(article)?
        .and_then(|a| a.copy)
        .and_then(|c| c.target);
    // The words as stored (a server counts them itself).
    let count = word_count(draft.words, target, recorded.version, false);
    let warnings = if count.off {
        vec![Warning {
            code: "words_off_target".into(),
            field: Some("words".into()),
            message: format!(
                "Version {} of \"{}\" is {}: more than 10% off the target.",
                recorded.version,
                piece.title,
                describe_count(&count)
            ),
        }]
    } else {
        Vec::new()
    };
    let (moved_from, moved_to) = recorded.moved.unzip();
    Ok(Saved {
        item: SubmittedDraft {
            draft,
            count,
            moved_from,
            moved_to,
        },
        warnings,
    })
}

impl Store {
    /// Reads the file at `path` and submits it (see [`Store::submit_prepared`]).
    pub fn submit_draft_file(
        &mut self,
        actor: &Actor,
        article: ArticleId,
        path: &Path,
        by: Option<ContributorId>,
    ) -> Result<Saved<SubmittedDraft>> {
        // This process has a database open: never read its files as a draft.
        crate::storage::sqlite::refuse_held(path, "file", "submitted as a draft")?;
        let prepared = PreparedDraft::read(path)?;
        self.submit_prepared(actor, article, &prepared, by)
    }

    /// Submits a file already in memory (see [`Store::submit_prepared`]).
    pub fn submit_draft(
        &mut self,
        actor: &Actor,
        article: ArticleId,
        upload: &Upload,
        by: Option<ContributorId>,
    ) -> Result<Saved<SubmittedDraft>> {
        let prepared = PreparedDraft::new(upload.clone())?;
        self.submit_prepared(actor, article, &prepared, by)
    }

    /// Records a prepared file as the next version of the piece's copy,
    /// written by `by` (or the piece's one active writer) and recorded by
    /// `actor`. The piece's first draft moves it to the workflow's
    /// drafts-arrive status. A file already stored for the piece is refused;
    /// nothing is stored then. Warns when the words are more than 10% off
    /// the piece's target.
    pub fn submit_prepared(
        &mut self,
        actor: &Actor,
        article: ArticleId,
        prepared: &PreparedDraft,
        by: Option<ContributorId>,
    ) -> Result<Saved<SubmittedDraft>> {
        self.write(|tx| submit_in(tx, actor, article, prepared, by))
    }

    /// A piece's drafts, newest first (no text: see [`Store::draft_text`]).
    pub fn drafts(&self, article: ArticleId) -> Result<Vec<Draft>> {
        self.read(|tx| {
            need(tx.article(article)?, "article", article)?;
            tx.drafts(article)
        })
    }

    /// A version's text, the newest when `version` is `None`.
    pub fn draft_text(&self, article: ArticleId, version: Option<u32>) -> Result<DraftText> {
        self.read(|tx| {
            let piece = need(tx.article(article)?, "article", article)?;
            let draft = version_of(tx, &piece, version)?;
            let (text, markdown) = text_of(tx, &draft)?;
            Ok(DraftText {
                draft,
                text,
                markdown,
            })
        })
    }

    /// Two versions compared word by word.
    pub fn draft_diff(&self, article: ArticleId, from: u32, to: u32) -> Result<DraftDiff> {
        Ok(self.draft_diff_inputs(article, from, to)?.compare())
    }

    /// The two versions' texts to compare, read in one snapshot; the app
    /// compares them after it has let go of the store.
    pub fn draft_diff_inputs(&self, article: ArticleId, from: u32, to: u32) -> Result<DiffInputs> {
        self.read(|tx| {
            let piece = need(tx.article(article)?, "article", article)?;
            let from = version_of(tx, &piece, Some(from))?;
            let to = version_of(tx, &piece, Some(to))?;
            let (old, _) = text_of(tx, &from)?;
            let (new, _) = text_of(tx, &to)?;
            Ok(DiffInputs { from, to, old, new })
        })
    }

    /// The file a version was submitted as, byte for byte.
    /// A version's original file, to open on the desktop: named by
    /// Masthead (`<slug>-v<N>.<ext>`, the extension from the allow-list for
    /// its media type) and checked to be the kind of file it says it is, so
    /// nothing a contributor stored chooses a path or a program.
    pub fn draft_file(&self, article: ArticleId, version: Option<u32>) -> Result<DraftFile> {
        let (piece, draft, bytes) = self.read(|tx| {
            let piece = need(tx.article(article)?, "article", article)?;
            let draft = version_of(tx, &piece, version)?;
            let bytes = need(tx.draft_original(draft.id)?, "draft", draft.id)?;
            Ok((piece, draft, bytes))
        })?;
        let refused = |what: String| {
            Error::invalid(
                "draft_not_openable",
                "version",
                format!(
                    "Version {} of \"{}\" ({}) {what}, so Masthead will not open it. Save its text instead (Save as… › text).",
                    draft.version, piece.title, draft.file_name
                ),
            )
        };
        let format = format_of_media_type(&draft.media_type).ok_or_else(|| {
            refused(format!(
                "is stored as {}, not a kind of file Masthead reads",
                draft.media_type
            ))
        })?;
        let file_name = desktop_file_name(&piece.slug, draft.version, format.extension());
        // Its bytes must be what its kind says (read as that kind, after
        // the transaction: a large file never holds the store).
        extract(&Upload {
            name: file_name.clone(),
            bytes: bytes.clone(),
        })
        .map_err(|_| refused(format!("is not the {} it says it is", format.label())))?;
        Ok(DraftFile {
            bytes,
            file_name,
            media_type: format.media_type().to_owned(),
        })
    }

    /// A version to save: the file as sent, or its text, named
    /// `<slug>-v<N>.<ext>` (`.txt`/`.md` for the text; the original's kind
    /// otherwise).
    pub fn export_draft(
        &self,
        article: ArticleId,
        version: Option<u32>,
        format: DraftFormat,
    ) -> Result<ExportedDraft> {
        self.read(|tx| {
            let piece = need(tx.article(article)?, "article", article)?;
            let draft = version_of(tx, &piece, version)?;
            let named = |ext: &str| format!("{}-v{}.{ext}", piece.slug, draft.version);
            Ok(match format {
                // Named by Masthead, with the extension of its kind (a
                // stored name is the contributor's: never a path or a type).
                DraftFormat::Original => ExportedDraft {
                    bytes: need(tx.draft_original(draft.id)?, "draft", draft.id)?,
                    file_name: named(
                        format_of_media_type(&draft.media_type).map_or("bin", |f| f.extension()),
                    ),
                },
                DraftFormat::Text => ExportedDraft {
                    bytes: (text_of(tx, &draft)?.0 + "\n").into_bytes(),
                    file_name: named("txt"),
                },
                DraftFormat::Markdown => ExportedDraft {
                    bytes: text_of(tx, &draft)?.1.into_bytes(),
                    file_name: named("md"),
                },
            })
        })
    }

    /// Marks a version as the piece's approved copy (`None`: no version is
    /// approved any more). `seen` is the piece's version the user saw.
    pub fn approve_draft(
        &mut self,
        actor: &Actor,
        article: ArticleId,
        seen: Option<u32>,
        version: Option<u32>,
    ) -> Result<Article> {
        self.write(|tx| {
            let piece = need(tx.article(article)?, "article", article)?;
            let current = check_version(
                tx,
                Entity::Article,
                article,
                &piece.title,
                seen,
                piece.version,
            )?;
            let drafts = tx.drafts(article)?;
            let was = drafts.iter().find(|d| d.approved).map(|d| d.version);
            let to = match version {
                Some(n) => Some(pick(drafts.clone(), &piece, Some(n))?),
                None => None,
            };
            if was == to.as_ref().map(|d| d.version) {
                return Ok(piece);
            }
            let edition = need(tx.edition(piece.edition_id)?, "edition", piece.edition_id)?;
            let mut cs = ChangeSet::new(actor, Some(edition.publication_id), Some(edition.id));
            let saved =
                tx.set_approved_draft(article, current, to.as_ref().map(|d| d.id), cs.at())?;
            ensure_saved(tx, saved, Entity::Article, article, &piece.title, current)?;
            let id_of = |n: Option<u32>| {
                n.and_then(|n| drafts.iter().find(|d| d.version == n))
                    .map(|d| d.id.to_string())
            };
            cs.updated(
                Entity::Article,
                article,
                current + 1,
                vec![FieldChange {
                    field: "approved_copy",
                    old: was.map(|n| format!("version {n}")),
                    new: to.as_ref().map(|d| format!("version {}", d.version)),
                    old_ref: id_of(was),
                    new_ref: to.as_ref().map(|d| d.id.to_string()),
                }],
            );
            tx.write_change_set(&cs)?;
            need(tx.article(article)?, "article", article)
        })
    }
}
