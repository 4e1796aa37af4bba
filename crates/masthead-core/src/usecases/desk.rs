//! The editor's desk: the home screen's lines, read in one transaction.

use std::collections::{HashMap, HashSet};

use chrono::{Days, FixedOffset, NaiveDate};

use super::{Result, Store, board};
use crate::model::{
    BoardCard, BoardFilter, Dashboard, EditionId, EditionProgress, OFFER_WAIT_DAYS, PublicationId,
    StatusId,
};

impl Store {
    /// The desk of `publication` as of `today` (the user's day), for a user
    /// `offset_seconds` east of UTC: the cards of the editions not yet on
    /// sale, sorted into what is overdue, due this week and off its target;
    /// the offers unanswered for more than [`OFFER_WAIT_DAYS`] of the user's
    /// days; those editions with how many pieces are done; and their adverts
    /// still pencilled or without artwork. One read: the board's queries,
    /// the publication's open offers, its editions and adverts.
    pub fn dashboard(
        &self,
        publication: PublicationId,
        today: NaiveDate,
        offset_seconds: i32,
    ) -> Result<Dashboard> {
        let offset = FixedOffset::east_opt(offset_seconds).ok_or_else(|| {
            crate::error::Error::invalid(
                "offset_range",
                "offset_seconds",
                format!("{offset_seconds} s is not a time zone's offset from UTC."),
            )
        })?;
        self.read(|tx| {
            let (b, all) = board::load(tx, publication, &BoardFilter::default(), today, true)?;
            let editions: Vec<_> = all
                .into_iter()
                .filter(|e| e.on_sale_date.is_none_or(|d| d > today))
                .collect();
            let live: HashSet<EditionId> = editions.iter().map(|e| e.id).collect();
            let ended: HashSet<StatusId> = b
                .workflow
                .statuses
                .iter()
                .filter(|s| s.is_spiked || s.is_final)
                .map(|s| s.id)
                .collect();
            // Only editions still to come: the board read no others.
            let cards = &b.cards;

            let week_end = today + Days::new(6);
            // By date, then title, so that a day's pieces read in one order.
            let by_date =
                |c: &BoardCard| (c.deadline.as_ref().map(|d| d.date), c.title.to_lowercase());
            let mut overdue: Vec<BoardCard> = cards
                .iter()
                .filter(|c| c.deadline.as_ref().is_some_and(|d| d.overdue))
                .cloned()
                .collect();
            overdue.sort_by_cached_key(by_date);
            let mut this_week: Vec<BoardCard> = cards
                .iter()
                .filter(|c| {
                    c.deadline
                        .as_ref()
                        .is_some_and(|d| !d.overdue && d.date >= today && d.date <= week_end)
                })
                .cloned()
                .collect();
            this_week.sort_by_cached_key(by_date);
            let off_target = cards
                .iter()
                .filter(|c| !ended.contains(&c.status_id) && c.copy.is_some_and(|w| w.off))
                .cloned()
                .collect();

            // Waiting: offered on a day (the user's) more than the wait before today.
            let asked_by = today - Days::new(OFFER_WAIT_DAYS as u64);
            // The user's midnight that day, as a stored (UTC) time.
            let cutoff = asked_by
                .and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(offset).single())
                .map(|t| crate::history::timestamp(t.to_utc()))
                .ok_or_else(|| crate::error::Error::Database("the offers' cut-off".into()))?;
            let waiting: Vec<_> = tx
                .offers_waiting(publication, today, &cutoff)?
                .into_iter()
                .filter(|a| live.contains(&a.edition_id))
                .collect();

            // "Done": at or past Approved when the workflow has it, else final.
            let approved = b
                .workflow
                .statuses
                .iter()
                .find(|s| s.key == "approved" && !s.retired);
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
            for c in cards.iter().filter(|c| done.contains(&c.status_id)) {
                let entry = by_edition.entry(c.edition_id).or_default();
                entry.0 += 1;
                entry.1 += c.copy.map_or(0, |w| w.words);
            }
            let mut editions: Vec<_> = editions
                .into_iter()
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

            let adverts = tx.adverts_to_chase(publication, today)?;

            Ok(Dashboard {
                today,
                adverts,
                overdue,
                this_week,
                waiting,
                off_target,
                editions,
                done_from: approved.map(|s| s.label.clone()),
            })
        })
    }
}
