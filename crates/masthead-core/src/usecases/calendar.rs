//! The deadline calendar and its iCalendar export: one read each, and the
//! two reschedules a drag makes (a due date, an edition's key date), each
//! one change set from the version the user saw.

use chrono::{Days, NaiveDate};

use super::{Result, Store, board, workflow};
use crate::actor::Actor;
use crate::error::Error;
use crate::model::{
    Assignment, AssignmentId, AssignmentInput, Calendar, CalendarEvent, ContributorId, Edition,
    EditionId, EditionInput, EventKind, KeyDate, NextDeadline, PublicationId, Saved, UndatedPiece,
    WRITER_ROLE,
};
use crate::storage::{DueCommission, PieceToCome, Tx};

/// The longest span a calendar read covers: a year and a day.
const MAX_DAYS: u64 = 366;
/// How far back an .ics export reaches.
const ICS_DAYS_BACK: u64 = 90;

/// What an iCalendar export covers.
#[derive(Debug, Clone, Copy, Default)]
pub struct IcsScope {
    /// One edition's deadlines only.
    pub edition: Option<EditionId>,
    /// One contributor's own due dates only.
    pub contributor: Option<ContributorId>,
}

fn key_events(e: &Edition, from: NaiveDate, to: NaiveDate, out: &mut Vec<CalendarEvent>) {
    for key in KeyDate::ALL {
        let Some(date) = key.of(e) else { continue };
        if date < from || date > to {
            continue;
        }
        let label = key.label();
        let mut what = label[..1].to_uppercase();
        what += &label[1..];
        out.push(CalendarEvent {
            uid: format!("key-{}-{}", e.id, key.key()),
            date,
            kind: EventKind::KeyDate,
            title: e.name.clone(),
            what,
            edition_id: e.id,
            edition: e.name.clone(),
            article_id: None,
            assignment_id: None,
            contributor_id: None,
            key_date: Some(key),
            version: Some(e.version),
            overdue: false,
        });
    }
}

fn due_event(a: &DueCommission, today: NaiveDate) -> CalendarEvent {
    let date = a.due_date;
    CalendarEvent {
        uid: format!("due-{}", a.id),
        date,
        kind: EventKind::Due,
        title: a.article_title.clone(),
        what: if a.role == WRITER_ROLE {
            format!("Draft due from {}", a.contributor)
        } else {
            format!("Due from {} ({})", a.contributor, a.role)
        },
        edition_id: a.edition_id,
        edition: a.edition.clone(),
        article_id: Some(a.article_id),
        assignment_id: Some(a.id),
        contributor_id: Some(a.contributor_id),
        key_date: None,
        version: Some(a.version),
        overdue: date < today && !a.has_draft,
    }
}

fn status_event(p: &PieceToCome, d: &NextDeadline) -> CalendarEvent {
    CalendarEvent {
        uid: format!("status-{}", p.id),
        date: d.date,
        kind: EventKind::Status,
        title: p.title.clone(),
        what: format!("To reach {}", d.status_label),
        edition_id: p.edition_id,
        edition: p.edition.clone(),
        article_id: Some(p.id),
        assignment_id: None,
        contributor_id: None,
        key_date: None,
        // Not a version to move it from (the workflow sets it), but the
        // piece's, so a calendar app takes a changed date as an update.
        version: Some(p.version),
        overdue: d.overdue,
    }
}

/// By date; on a day the edition's dates first, then due dates, then the
/// workflow's, each by title.
fn sort(events: &mut [CalendarEvent]) {
    events.sort_by_cached_key(|e| (e.date, e.kind, e.title.to_lowercase(), e.uid.clone()));
}

/// Every deadline of `publication` from `from` to `to` and the undated
/// pieces: the editions dated then, the pieces of those still to come
/// (for the workflow's dates) and the open commissions due then.
fn read(
    tx: &mut Tx<'_>,
    publication: PublicationId,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    scope: IcsScope,
) -> Result<(Vec<CalendarEvent>, Vec<UndatedPiece>)> {
    let mut events = Vec::new();
    if scope.contributor.is_some() {
        for a in tx.due_between(publication, from, to, scope.contributor)? {
            if scope.edition.is_none_or(|e| e == a.edition_id) {
                events.push(due_event(&a, today));
            }
        }
        sort(&mut events);
        return Ok((events, Vec::new()));
    }
    let workflow = workflow::load(tx, publication)?;
    let editions = match scope.edition {
        Some(e) => vec![board::edition_of(tx, publication, e)?],
        None => tx.editions_to_come(publication, today)?,
    };
    let pieces = tx.pieces_to_come(publication, scope.edition, today)?;
    for e in tx.editions_dated(publication, from, to)? {
        if scope.edition.is_none_or(|id| id == e.id) {
            key_events(&e, from, to, &mut events);
        }
    }
    for a in tx.due_between(publication, from, to, None)? {
        if scope.edition.is_none_or(|e| e == a.edition_id) {
            events.push(due_event(&a, today));
        }
    }
    // Published and spiked pieces need no date: only the others wait in the tray.
    let ended = board::ended(&workflow);
    let deadlines = board::Deadlines::new(&workflow, &editions, today);
    let mut undated = Vec::new();
    for p in pieces {
        match deadlines.of(p.edition_id, p.status_id, p.due) {
            Some(d) if d.from_assignment => {}
            Some(d) if d.date >= from && d.date <= to => events.push(status_event(&p, &d)),
            Some(_) => {}
            None if !ended.contains(&p.status_id) => undated.push(UndatedPiece {
                id: p.id,
                title: p.title,
                edition_id: p.edition_id,
                edition: p.edition,
            }),
            None => {}
        }
    }
    sort(&mut events);
    undated.sort_by_cached_key(|c| (c.edition.clone(), crate::rules::fold(&c.title), c.id));
    Ok((events, undated))
}

impl Store {
    /// The deadlines of `publication` from `from` to `to` (at most a year):
    /// its editions' key dates, its open commissions' due dates and the
    /// dates the workflow sets its pieces still to come; with those pieces
    /// that have no date at all. One read.
    pub fn calendar(
        &self,
        publication: PublicationId,
        from: NaiveDate,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<Calendar> {
        if to < from {
            return Err(Error::invalid(
                "date_order",
                "to",
                format!("The calendar ends ({to}) before it starts ({from}). Swap the dates."),
            ));
        }
        if from
            .checked_add_days(Days::new(MAX_DAYS))
            .is_some_and(|end| end < to)
        {
            return Err(Error::invalid(
                "date_range",
                "to",
                "A calendar covers at most a year at a time. Choose a shorter span.",
            ));
        }
        let (events, undated) =
            self.read(|tx| read(tx, publication, from, to, today, IcsScope::default()))?;
        Ok(Calendar {
            from,
            to,
            today,
            events,
            undated,
        })
    }

    /// Every deadline of `publication` from 90 days before `today` on (or
    /// of one edition, or one contributor's own due dates) as an iCalendar file that Outlook,
    /// Google Calendar and Apple Calendar import; each event's UID is
    /// stable, so importing again updates rather than duplicates. The file's
    /// text and how many events it holds.
    pub fn calendar_ics(
        &self,
        publication: PublicationId,
        scope: IcsScope,
        today: NaiveDate,
    ) -> Result<(String, usize)> {
        let (name, events) = self.read(|tx| {
            let p = super::need(tx.publication(publication)?, "publication", publication)?;
            // From three months back (ten years of commissions left
            // "accepted" are not news to a calendar) to any date ahead.
            let first = today - Days::new(ICS_DAYS_BACK);
            let Some(last) = NaiveDate::from_ymd_opt(9999, 12, 31) else {
                return Err(Error::Database("the calendar's bounds".into()));
            };
            let (events, _) = read(tx, publication, first, last, today, scope)?;
            let mut name = format!("{} deadlines", p.name);
            if let Some(e) = scope.edition {
                let e = super::need(tx.edition(e)?, "edition", e)?;
                name = format!("{} {} deadlines", p.name, e.name);
            }
            if let Some(c) = scope.contributor {
                let c = super::need(tx.contributor(c)?, "contributor", c)?;
                name = format!("{}: {}", name, c.name);
            }
            Ok((name, events))
        })?;
        let text = crate::export::ics::calendar(&name, &events, chrono::Utc::now());
        Ok((text, events.len()))
    }

    /// Moves a commission's due date (a drag on the calendar), from the
    /// version the user saw: the same save, checks and history as editing
    /// its terms.
    pub fn reschedule_due(
        &mut self,
        actor: &Actor,
        id: AssignmentId,
        seen: Option<u32>,
        date: NaiveDate,
    ) -> Result<Saved<Assignment>> {
        let current = self.assignment(id)?;
        let mut input = AssignmentInput::from(&current);
        input.due_date = Some(date);
        self.update_assignment(actor, id, Some(seen.unwrap_or(current.version)), &input)
    }

    /// Moves one of an edition's key dates (a drag on the calendar), from
    /// the version the user saw, with the same checks as editing the edition.
    pub fn reschedule_key_date(
        &mut self,
        actor: &Actor,
        id: EditionId,
        seen: Option<u32>,
        key: KeyDate,
        date: NaiveDate,
    ) -> Result<Saved<Edition>> {
        let current = self.edition(id)?;
        let mut input = EditionInput::from(&current);
        match key {
            KeyDate::CommissioningCloses => input.commissioning_closes = Some(date),
            KeyDate::CopyDeadline => input.copy_deadline = Some(date),
            KeyDate::SubbingDeadline => input.subbing_deadline = Some(date),
            KeyDate::PressDate => input.press_date = Some(date),
            KeyDate::OnSaleDate => input.on_sale_date = Some(date),
        }
        self.update_edition(actor, id, Some(seen.unwrap_or(current.version)), &input)
    }
}
