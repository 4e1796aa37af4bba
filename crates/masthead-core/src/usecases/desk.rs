//! The editor's desk: the home screen's lines, read in one transaction.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Days, FixedOffset, NaiveDate, Utc};

use super::{Result, Store, board};
use crate::actor::Actor;
use crate::history::timestamp;
use crate::model::{
    ACTIVITY_FIRST_DAYS, ACTIVITY_LIMIT, Activity, ActivityLine, ActivitySet, BoardCard,
    BoardFilter, Dashboard, EditionId, EditionProgress, OFFER_WAIT_DAYS, PublicationId, StatusId,
    WaitingOffer,
};

impl Store {
    /// The desk of `publication` as of `today` (the user's day), for a user
    /// `offset_seconds` east of UTC: the cards of the editions not yet on
    /// sale, sorted into what is overdue, due this week and off its target;
    /// the offers unanswered for more than [`OFFER_WAIT_DAYS`] of the user's
    /// days; those editions with how many pieces are done; and their adverts
    /// still pencilled or without artwork. One read: the board's queries
    /// (which bring the open offers), its editions and adverts.
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
            // Only editions still to come: the board reads no others.
            let board::Loaded {
                board: b,
                editions,
                offers,
            } = board::load(tx, publication, &BoardFilter::default(), today, true)?;
            let ended = board::ended(&b.workflow);
            let week_end = today + Days::new(6);
            // Waiting: offered on a day (the user's) more than the wait before today.
            let asked_by = today - Days::new(OFFER_WAIT_DAYS as u64);
            // The user's midnight that day, as a stored (UTC) time.
            let cutoff = asked_by
                .and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(offset).single())
                .ok_or_else(|| crate::error::Error::Database("the offers' cut-off".into()))?;
            // Of the editions still to come: the board's pieces'.
            let mut waiting: Vec<WaitingOffer> = offers
                .into_iter()
                .filter(|o| o.created_at < cutoff)
                .collect();
            waiting.sort_by_key(|o| (o.created_at, o.id));

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
            // Each card counts towards its edition and goes to the lines it
            // belongs on (copied only when it is on two).
            let mut by_edition: HashMap<EditionId, (u32, u32)> = HashMap::new();
            let (mut overdue, mut this_week, mut off_target) = (Vec::new(), Vec::new(), Vec::new());
            for c in b.cards {
                if done.contains(&c.status_id) {
                    let entry = by_edition.entry(c.edition_id).or_default();
                    entry.0 += 1;
                    entry.1 += c.copy.map_or(0, |w| w.words);
                }
                let off = !ended.contains(&c.status_id) && c.copy.is_some_and(|w| w.off);
                let dated = match &c.deadline {
                    Some(d) if d.overdue => Some(&mut overdue),
                    Some(d) if d.date >= today && d.date <= week_end => Some(&mut this_week),
                    _ => None,
                };
                match (dated, off) {
                    (Some(list), true) => {
                        list.push(c.clone());
                        off_target.push(c);
                    }
                    (Some(list), false) => list.push(c),
                    (None, true) => off_target.push(c),
                    (None, false) => {}
                }
            }
            // By date, then title, so that a day's pieces read in one order.
            let by_date = |c: &BoardCard| {
                (
                    c.deadline.as_ref().map(|d| d.date),
                    crate::rules::fold(&c.title),
                    c.id,
                )
            };
            overdue.sort_by_cached_key(by_date);
            this_week.sort_by_cached_key(by_date);
            board::sort_cards(&b.workflow, &mut off_target);
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

impl Store {
    /// What others changed in `publication` since `who` last marked it
    /// seen (the last [`ACTIVITY_FIRST_DAYS`] days before `now` if never):
    /// their change sets, newest first, at most [`ACTIVITY_LIMIT`], each
    /// line with the piece it is about. One read.
    pub fn activity(
        &self,
        publication: PublicationId,
        who: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Activity> {
        self.read(|tx| {
            let seen = tx.seen_at(who.name(), publication)?;
            let since = match &seen {
                Some(at) => at.clone(),
                None => timestamp(now - chrono::Duration::days(ACTIVITY_FIRST_DAYS)),
            };
            let rows = tx.activity(publication, who.name(), &since, ACTIVITY_LIMIT + 1)?;
            let mentions = super::comments::mentions_since(tx, publication, who, &since)?;
            let mut sets: Vec<ActivitySet> = Vec::new();
            for row in rows {
                let line = ActivityLine {
                    about: row.title.or_else(|| row.entry.subject.clone()),
                    article_id: row.article_id,
                    text: row.entry.text,
                };
                match sets.last_mut() {
                    Some(set) if set.id == row.entry.change_set_id => set.lines.push(line),
                    _ => sets.push(ActivitySet {
                        id: row.entry.change_set_id,
                        at: row.entry.at,
                        actor: row.entry.actor,
                        edition: row.edition,
                        lines: vec![line],
                    }),
                }
            }
            let more = sets.len() > ACTIVITY_LIMIT;
            sets.truncate(ACTIVITY_LIMIT);
            let since = seen
                .map(|at| {
                    DateTime::parse_from_rfc3339(&at)
                        .map(|t| t.to_utc())
                        .map_err(|e| crate::error::Error::Database(e.to_string()))
                })
                .transpose()?;
            Ok(Activity {
                since,
                sets,
                more,
                mentions,
            })
        })
    }

    /// Marks what `who` was shown of `publication` as seen, up to `upto`
    /// (the newest change set shown: one made meanwhile stays new).
    pub fn mark_seen(
        &mut self,
        who: &Actor,
        publication: PublicationId,
        upto: DateTime<Utc>,
    ) -> Result<()> {
        self.write(|tx| tx.mark_seen(who.name(), publication, &timestamp(upto)))
    }
}
