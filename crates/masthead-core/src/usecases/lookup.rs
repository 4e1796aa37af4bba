//! Naming records the way people do: by id, or by a unique name or title.

use super::{Result, Store, need};
use crate::error::Error;
use crate::model::{
    AdvertId, ArticleId, AssignmentId, ContributorId, EditionId, Kind, KindId, Publication,
    PublicationId, Section, SectionId, StatusId,
};
use crate::rules::{composed, normalise, same_name};
use crate::storage::AssignmentFilter;

fn pick<T, Id: Copy + std::fmt::Display>(
    entity: &'static str,
    key: &str,
    items: Vec<T>,
    id_of: impl Fn(&T) -> Id,
    name_of: impl Fn(&T) -> &str,
) -> Result<Id> {
    let wanted = key.trim();
    let matches: Vec<Id> = items
        .iter()
        .filter(|item| same_name(name_of(item), wanted))
        .map(&id_of)
        .collect();
    choose(entity, key, matches)
}

/// The one match, or `not_found` / `ambiguous` naming the key.
fn choose<Id: Copy + std::fmt::Display>(
    entity: &'static str,
    key: &str,
    matches: Vec<Id>,
) -> Result<Id> {
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::NotFound {
            entity,
            key: key.to_owned(),
        }),
        many => Err(Error::Ambiguous {
            entity,
            key: key.to_owned(),
            count: many.len(),
            ids: many
                .iter()
                .map(|id| id.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

impl Store {
    /// A publication by id or name; with no key, the only publication there is.
    pub fn find_publication(&self, key: Option<&str>) -> Result<PublicationId> {
        let all = self.list_publications()?;
        match key {
            Some(key) => {
                if let Some(id) = PublicationId::parse(key) {
                    return self.publication(id).map(|p| p.id);
                }
                pick("publication", key, all, |p: &Publication| p.id, |p| &p.name)
            }
            None => match all.as_slice() {
                [only] => Ok(only.id),
                [] => Err(Error::invalid(
                    "no_publication",
                    "publication",
                    "There is no publication yet. Add one first (or load the demo).",
                )),
                _ => Err(Error::invalid(
                    "publication_required",
                    "publication",
                    format!(
                        "There are {} publications; say which one with --publication.",
                        all.len()
                    ),
                )),
            },
        }
    }

    /// An edition by id or name (within `publication` when given).
    pub fn find_edition(&self, publication: Option<PublicationId>, key: &str) -> Result<EditionId> {
        if let Some(id) = EditionId::parse(key) {
            return self.edition(id).map(|e| e.id);
        }
        let ids = self.read(|tx| tx.editions_named(&composed(key.trim()), publication))?;
        choose("edition", key, ids)
    }

    /// An article by id or title (within `edition` when given).
    pub fn find_article(&self, edition: Option<EditionId>, key: &str) -> Result<ArticleId> {
        if let Some(id) = ArticleId::parse(key) {
            return self.article(id).map(|a| a.id);
        }
        let ids = self.read(|tx| {
            if let Some(edition) = edition {
                need(tx.edition(edition)?, "edition", edition)?;
            }
            tx.articles_titled(&composed(key.trim()), edition)
        })?;
        choose("article", key, ids)
    }

    /// A kind of piece of `publication` by id, key or name ("case study",
    /// "Case-study", "case_study"). Retired kinds are found too, so that a
    /// piece can keep its own; the use case refuses them for new pieces.
    pub fn find_kind(&self, publication: PublicationId, key: &str) -> Result<KindId> {
        if let Some(id) = KindId::parse(key) {
            return self.read(|tx| need(tx.kind(id)?, "kind", id)).map(|k| k.id);
        }
        let kinds = self.list_kinds(publication, true)?;
        let wanted = normalise(key);
        let matches: Vec<Kind> = kinds
            .into_iter()
            .filter(|k| normalise(&k.label) == wanted || normalise(&k.key) == wanted)
            .collect();
        choose("kind", key, matches.iter().map(|k| k.id).collect())
    }

    /// A section of `publication` by id or name.
    pub fn find_section(&self, publication: PublicationId, key: &str) -> Result<SectionId> {
        if let Some(id) = SectionId::parse(key) {
            return self.section(id).map(|s| s.id);
        }
        let sections = self.list_sections(publication)?;
        pick("section", key, sections, |s: &Section| s.id, |s| &s.name)
    }

    /// A contributor by id, email or name.
    pub fn find_contributor(&self, key: &str) -> Result<ContributorId> {
        if let Some(id) = ContributorId::parse(key) {
            return self.contributor(id).map(|c| c.id);
        }
        let ids = self.read(|tx| tx.contributors_named(&composed(key.trim())))?;
        choose("contributor", key, ids)
    }

    /// A status of `publication`'s workflow by id, key or name ("In edit",
    /// "in_edit"), retired ones included.
    pub fn find_status(&self, publication: PublicationId, key: &str) -> Result<StatusId> {
        let wf = self.workflow(publication)?;
        if let Some(id) = StatusId::parse(key) {
            return need(wf.statuses.iter().find(|s| s.id == id), "status", key).map(|s| s.id);
        }
        let wanted = normalise(key);
        let ids = wf
            .statuses
            .iter()
            .filter(|s| normalise(&s.label) == wanted || normalise(&s.key) == wanted)
            .map(|s| s.id)
            .collect();
        choose("status", key, ids)
    }

    /// An assignment by id, or the active one (else the latest) of
    /// `contributor` on `article`.
    pub fn find_assignment(
        &self,
        article: ArticleId,
        contributor: ContributorId,
    ) -> Result<AssignmentId> {
        let all = self.read(|tx| {
            tx.assignments(AssignmentFilter {
                article: Some(article),
                contributor: Some(contributor),
                ..Default::default()
            })
        })?;
        let found = all
            .iter()
            .find(|a| a.state.is_active())
            .or(all.first())
            .map(|a| a.id);
        need(found, "assignment", format!("{contributor} on {article}"))
    }

    /// An advert of `edition` by id or advertiser.
    pub fn find_advert(&self, edition: EditionId, key: &str) -> Result<AdvertId> {
        if let Some(id) = AdvertId::parse(key) {
            return self.advert(id).map(|a| a.id);
        }
        let adverts = self.list_adverts(edition)?;
        pick(
            "advert",
            key,
            adverts,
            |a: &crate::model::Advert| a.id,
            |a| &a.advertiser,
        )
    }
}
