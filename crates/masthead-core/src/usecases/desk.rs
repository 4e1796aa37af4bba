//! The editor's desk: the home screen's lines, read in one transaction.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use super::{Result, Store, board};
use crate::model::{
    AssignmentState, BoardFilter, Dashboard, EditionId, EditionProgress, OFFER_WAIT_DAYS,
    PublicationId, StatusId,
};
use crate::storage::AssignmentFilter;

impl Store {
    /// The desk of `publication` as of `today`: the board's cards sorted
    /// into what is overdue, due this week and off its target; the offers
    /// unanswered for more than [`OFFER_WAIT_DAYS`]; and each edition not
    /// yet on sale with how many pieces are done. One read: the board's
    /// queries, the publication's open offers and its editions.
    pub fn dashboard(&self, publication: PublicationId, today: NaiveDate) -> Result<Dashboard> {
        self.read(|tx| {
            let b = board::load(tx, publication, &BoardFilter::default(), today)?;
            let week_end = today + Days::new(6);
            // By date, then title, so that a day's pieces read in one order.
            let deadline = |c: &crate::model::BoardCard| {
                (c.deadline.as_ref().map(|d| d.date), c.title.to_lowercase())
            };
            let mut overdue: Vec<_> = b
                .cards
                .iter()
                .filter(|c| c.deadline.as_ref().is_some_and(|d| d.overdue))
                .cloned()
                .collect();
            overdue.sort_by_cached_key(deadline);
            let mut this_week: Vec<_> = b
                .cards
                .iter()
                .filter(|c| {
                    c.deadline
                        .as_ref()
                        .is_some_and(|d| !d.overdue && d.date >= today && d.date <= week_end)
                })
                .cloned()
                .collect();
            this_week.sort_by_cached_key(deadline);
            let off_target = b
                .cards
                .iter()
                .filter(|c| c.copy.is_some_and(|w| w.off))
                .cloned()
                .collect();

            let asked_by = today - Days::new(OFFER_WAIT_DAYS as u64);
            let mut waiting: Vec<_> = tx
                .assignments(AssignmentFilter {
                    publication: Some(publication),
                    state: Some(AssignmentState::Offered),
                    ..Default::default()
                })?
                .into_iter()
                .filter(|a| a.created_at.date_naive() < asked_by)
                .collect();
            waiting.sort_by_key(|a| a.created_at);

            // "Done": at or past Approved when the workflow has it, else final.
            let approved = b.workflow.statuses.iter().find(|s| s.key == "approved");
            let done: HashSet<StatusId> = b
                .workflow
                .statuses
                .iter()
                .filter(|s| !s.is_spiked)
                .filter(|s| match approved {
                    Some(a) => s.position >= a.position,
                    None => s.is_final,
                })
                .map(|s| s.id)
                .collect();
            let mut by_edition: HashMap<EditionId, (u32, u32)> = HashMap::new();
            for c in b.cards.iter().filter(|c| done.contains(&c.status_id)) {
                let entry = by_edition.entry(c.edition_id).or_default();
                entry.0 += 1;
                entry.1 += c.copy.map_or(0, |w| w.words);
            }
            let mut editions: Vec<_> = tx
                .editions(Some(publication))?
                .into_iter()
                .filter(|e| e.on_sale_date.is_none_or(|d| d >= today))
                .map(|edition| {
                    let (done, done_words) =
                        by_edition.get(&edition.id).copied().unwrap_or_default();
                    EditionProgress {
                        edition,
                        done,
                        done_words,
                    }
                })
                .collect();
            editions.sort_by_key(|p| (p.edition.press_date.is_none(), p.edition.press_date));

            Ok(Dashboard {
                today,
                overdue,
                this_week,
                waiting,
                off_target,
                editions,
            })
        })
    }
}
