//! Search across a publication: one read, the engine's own index.

use super::{Result, Store};
use crate::model::{PublicationId, SEARCH_LIMIT, SearchGroup, SearchHit, SearchResults};
use crate::rules::search;

impl Store {
    /// The pieces of `publication` whose title, standfirst, tags, notes,
    /// briefs or drafts hold every word of `query` (each as a word's
    /// start), best first, grouped by edition: the edition of the best
    /// piece first, each edition's pieces best first. At most
    /// [`SEARCH_LIMIT`] pieces; `more` says when there were others. On a
    /// team server a contributor finds only what she may read.
    pub fn search(&self, publication: PublicationId, query: &str) -> Result<SearchResults> {
        let words = search::words(query);
        if words.is_empty() {
            return Ok(SearchResults {
                words,
                groups: Vec::new(),
                total: 0,
                more: false,
            });
        }
        let rows = self.read(|tx| tx.search(publication, &words, SEARCH_LIMIT + 1))?;
        let more = rows.len() > SEARCH_LIMIT as usize;
        let mut groups: Vec<SearchGroup> = Vec::new();
        for row in rows.into_iter().take(SEARCH_LIMIT as usize) {
            let hit = SearchHit {
                article_id: row.article_id,
                title: row.title,
                status: row.status,
                found_in: search::found_in(&row.source),
                version: row.version,
                excerpt: search::fragments(&row.excerpt),
            };
            match groups.iter_mut().find(|g| g.edition_id == row.edition_id) {
                Some(group) => group.hits.push(hit),
                None => groups.push(SearchGroup {
                    edition_id: row.edition_id,
                    edition: row.edition,
                    hits: vec![hit],
                }),
            }
        }
        let total = groups.iter().map(|g| g.hits.len() as u32).sum();
        Ok(SearchResults {
            words,
            groups,
            total,
            more,
        })
    }
}
