use super::{Result, Store, check_version, ensure_saved, need};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{Action, ChangeSet, Entity, FieldChange};
use crate::model::{
    Article, ArticleDetail, ArticleId, ArticleInput, EditionId, Kind, KindId, PublicationId,
    Section, SectionId, Status, StatusId,
};
use crate::rules::articles::{check_move, diff, keep_mine, slugify, validate};
use crate::rules::workflow::next_deadline;
use crate::storage::{AssignmentFilter, NewArticle, Tx};
use chrono::NaiveDate;

/// Saves a valid piece's fields from the version `seen`, recording what
/// changed; nothing changed is no save.
fn save_article(
    tx: &mut Tx<'_>,
    actor: &Actor,
    id: ArticleId,
    seen: Option<u32>,
    valid: &ArticleInput,
) -> Result<Article> {
    let old = need(tx.article(id)?, "article", id)?;
    let version = check_version(tx, Entity::Article, id, &old.title, seen, old.version)?;
    let edition = need(tx.edition(old.edition_id)?, "edition", old.edition_id)?;
    let section = check_section(tx, edition.publication_id, valid.section_id)?;
    let kind = check_kind(tx, edition.publication_id, valid.kind_id, Some(old.kind_id))?;
    let fields = diff(&old, valid, section.as_ref(), &kind);
    if fields.is_empty() {
        return Ok(old);
    }
    let mut cs = ChangeSet::new(actor, Some(edition.publication_id), Some(edition.id));
    let saved = tx.update_article(id, version, &slugify(&valid.title), valid, cs.at())?;
    ensure_saved(tx, saved, Entity::Article, id, &old.title, version)?;
    cs.updated(Entity::Article, id, version + 1, fields);
    tx.write_change_set(&cs)?;
    need(tx.article(id)?, "article", id)
}

/// The section, checked to be one of the publication's.
fn check_section(
    tx: &mut Tx<'_>,
    publication: PublicationId,
    section: Option<SectionId>,
) -> Result<Option<Section>> {
    let Some(section) = section else {
        return Ok(None);
    };
    let found = tx.section(section)?.ok_or_else(|| {
        Error::invalid(
            "section_unknown",
            "section_id",
            "That section no longer exists. Choose another section.",
        )
    })?;
    if found.publication_id != publication {
        return Err(Error::invalid(
            "section_other_publication",
            "section_id",
            format!(
                "The section \"{}\" belongs to another publication. Choose one of this publication's sections.",
                found.name
            ),
        ));
    }
    Ok(Some(found))
}

/// The kind, checked to be one of the publication's and in use (a piece
/// may keep the retired kind it already has).
fn check_kind(
    tx: &mut Tx<'_>,
    publication: PublicationId,
    kind: KindId,
    current: Option<KindId>,
) -> Result<Kind> {
    let found = tx.kind(kind)?.ok_or_else(|| {
        Error::invalid(
            "kind_unknown",
            "kind_id",
            "That kind of piece no longer exists. Choose another kind.",
        )
    })?;
    if found.publication_id != publication {
        return Err(Error::invalid(
            "kind_other_publication",
            "kind_id",
            format!(
                "The kind \"{}\" belongs to another publication. Choose one of this publication's kinds.",
                found.label
            ),
        ));
    }
    if found.retired && current != Some(found.id) {
        return Err(Error::invalid(
            "kind_retired",
            "kind_id",
            format!(
                "The kind \"{}\" is retired. Choose another kind, or restore it in Settings.",
                found.label
            ),
        ));
    }
    Ok(found)
}

pub(crate) fn add_article(
    tx: &mut Tx<'_>,
    actor: &Actor,
    edition: EditionId,
    input: &ArticleInput,
) -> Result<Article> {
    let valid = validate(input)?;
    let publication = need(tx.edition(edition)?, "edition", edition)?.publication_id;
    check_section(tx, publication, valid.section_id)?;
    check_kind(tx, publication, valid.kind_id, None)?;
    let initial = tx
        .statuses(publication)?
        .into_iter()
        .find(|s| s.is_initial)
        .ok_or_else(|| {
            Error::invalid(
                "workflow_missing",
                None,
                "This publication's workflow has no status for a new piece to start in. Mark one as the first status in the workflow settings.",
            )
        })?;
    let id = ArticleId::new();
    let mut cs = ChangeSet::new(actor, Some(publication), Some(edition));
    let slug = slugify(&valid.title);
    tx.insert_article(
        &NewArticle {
            id,
            edition,
            status: initial.id,
            kind: valid.kind_id,
            slug: &slug,
            fields: &valid,
        },
        cs.at(),
    )?;
    cs.created(Entity::Article, id, &valid.title);
    tx.write_change_set(&cs)?;
    need(tx.article(id)?, "article", id)
}

pub(crate) fn change_status(
    tx: &mut Tx<'_>,
    actor: &Actor,
    id: ArticleId,
    seen: Option<u32>,
    to: StatusId,
) -> Result<Article> {
    let article = need(tx.article(id)?, "article", id)?;
    let version = check_version(
        tx,
        Entity::Article,
        id,
        &article.title,
        seen,
        article.version,
    )?;
    let current = need(tx.status(article.status_id)?, "status", article.status_id)?;
    let allowed = tx.next_statuses(article.status_id)?;
    let to_label = need(tx.status(to)?, "status", to)?.label;
    let target = check_move(&current, &allowed, to, &to_label)?.clone();
    let edition = need(
        tx.edition(article.edition_id)?,
        "edition",
        article.edition_id,
    )?;
    let mut cs = ChangeSet::new(actor, Some(edition.publication_id), Some(edition.id));
    let saved = tx.set_article_status(id, version, target.id, cs.at())?;
    ensure_saved(tx, saved, Entity::Article, id, &article.title, version)?;
    cs.action(
        Entity::Article,
        id,
        version + 1,
        Action::Status,
        FieldChange {
            field: "status",
            old: Some(current.label.clone()),
            new: Some(target.label.clone()),
            old_ref: Some(current.id.to_string()),
            new_ref: Some(target.id.to_string()),
        },
    );
    if target.is_spiked
        && let Some(slot) = tx
            .slots(edition.id)?
            .into_iter()
            .find(|s| s.article_id == Some(id))
    {
        // A spiked piece leaves the flatplan; its record stays.
        super::flatplan::remove(tx, &mut cs, &slot, slot.version)?;
    }
    tx.write_change_set(&cs)?;
    need(tx.article(id)?, "article", id)
}

impl Store {
    /// The pieces of an edition, in section order then title, each with its
    /// next deadline as of `today`.
    pub fn list_articles(&self, edition: EditionId, today: NaiveDate) -> Result<Vec<Article>> {
        self.read(|tx| {
            let e = need(tx.edition(edition)?, "edition", edition)?;
            let statuses = tx.all_statuses(e.publication_id)?;
            let mut articles = tx.articles(edition)?;
            for a in &mut articles {
                a.deadline = deadline_of(a, &statuses, &e, today);
            }
            Ok(articles)
        })
    }

    pub fn article(&self, id: ArticleId) -> Result<Article> {
        self.read(|tx| need(tx.article(id)?, "article", id))
    }

    /// The article, the statuses it may move to, its assignments, its next
    /// deadline (relative to `today`) and its history, from one snapshot.
    pub fn article_detail(&self, id: ArticleId, today: NaiveDate) -> Result<ArticleDetail> {
        self.read(|tx| {
            let article = need(tx.article(id)?, "article", id)?;
            let edition = need(
                tx.edition(article.edition_id)?,
                "edition",
                article.edition_id,
            )?;
            let statuses = tx.all_statuses(edition.publication_id)?;
            let assignments = tx.assignments(AssignmentFilter {
                article: Some(id),
                ..Default::default()
            })?;
            let mut article = article;
            let deadline = deadline_of(&article, &statuses, &edition, today);
            article.deadline = deadline.clone();
            Ok(ArticleDetail {
                next_statuses: tx.next_statuses(article.status_id)?,
                drafts: tx.drafts(id)?,
                history: tx.history_of_article(id)?,
                comments: tx.comments(id)?,
                assignments,
                deadline,
                article,
            })
        })
    }

    pub fn add_article(
        &mut self,
        actor: &Actor,
        edition: EditionId,
        input: &ArticleInput,
    ) -> Result<Article> {
        self.write(|tx| add_article(tx, actor, edition, input))
    }

    /// Saves a piece's editable fields. `seen` is the version the user saw;
    /// a newer one is a conflict naming who changed what.
    pub fn update_article(
        &mut self,
        actor: &Actor,
        id: ArticleId,
        seen: Option<u32>,
        input: &ArticleInput,
    ) -> Result<Article> {
        let valid = validate(input)?;
        self.write(|tx| save_article(tx, actor, id, seen, &valid))
    }

    /// "Keep mine" after a conflict: the piece as saved now, with the
    /// fields this user changed from `base` (the piece as she saw it) set to
    /// hers, in one transaction so no third save slips in between.
    pub fn keep_mine_article(
        &mut self,
        actor: &Actor,
        id: ArticleId,
        base: &ArticleInput,
        mine: &ArticleInput,
    ) -> Result<Article> {
        self.write(|tx| {
            let theirs = need(tx.article(id)?, "article", id)?;
            let merged = keep_mine(&ArticleInput::from(&theirs), base, mine);
            save_article(tx, actor, id, Some(theirs.version), &validate(&merged)?)
        })
    }

    /// Moves a piece to another status, if the publication's workflow allows
    /// the move from where the piece is now, and records who moved it.
    pub fn change_status(
        &mut self,
        actor: &Actor,
        id: ArticleId,
        seen: Option<u32>,
        to: StatusId,
    ) -> Result<Article> {
        self.write(|tx| change_status(tx, actor, id, seen, to))
    }

    /// A status of the article's publication by key or label
    /// ("in_edit", "In edit", "in-edit").
    pub fn find_status_for(&self, article: ArticleId, name: &str) -> Result<Status> {
        self.read(|tx| find_status(tx, article, name))
    }
}

/// A piece's next deadline from its status, the workflow, its edition's
/// dates and its writer's due date.
fn deadline_of(
    a: &Article,
    statuses: &[Status],
    edition: &crate::model::Edition,
    today: NaiveDate,
) -> Option<crate::model::NextDeadline> {
    let current = statuses.iter().find(|s| s.id == a.status_id)?;
    next_deadline(current, statuses, edition, a.writer_due, today)
}

pub(crate) fn find_status(tx: &mut Tx<'_>, article: ArticleId, name: &str) -> Result<Status> {
    let article = need(tx.article(article)?, "article", article)?;
    let publication = need(
        tx.edition(article.edition_id)?,
        "edition",
        article.edition_id,
    )?
    .publication_id;
    let wanted = crate::rules::normalise(name);
    tx.statuses(publication)?
        .into_iter()
        .find(|s| {
            crate::rules::normalise(&s.key) == wanted || crate::rules::normalise(&s.label) == wanted
        })
        .ok_or_else(|| Error::NotFound {
            entity: "status",
            key: name.to_owned(),
        })
}
