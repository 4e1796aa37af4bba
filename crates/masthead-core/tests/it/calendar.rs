//! The deadline calendar on the demo: key dates, due dates and the
//! workflow's dates in one month, rescheduling by a drag's use cases, and
//! the iCalendar export read back by a real parser.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use masthead_core::IcsScope;
use masthead_core::model::{EventKind, KeyDate};

use crate::commissioning::{Demo, add_person, demo, offer};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Events of an .ics file, as a real iCalendar parser reads them: (UID,
/// DTSTART, SUMMARY) each.
fn parsed(ics: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for cal in ical::IcalParser::new(ics.as_bytes()) {
        let cal = cal.expect("a valid iCalendar file");
        for ev in cal.events {
            let get = |name: &str| {
                ev.properties
                    .iter()
                    .find(|p| p.name == name)
                    .and_then(|p| p.value.clone())
                    .unwrap_or_else(|| panic!("no {name} in {:?}", ev.properties))
            };
            out.push((get("UID"), get("DTSTART"), get("SUMMARY")));
        }
    }
    out
}

#[test]
fn a_month_holds_the_editions_dates_the_due_dates_and_the_workflows() {
    let Demo {
        mut f,
        publication,
        edition,
        piece,
        ..
    } = demo();
    let sam = add_person(&mut f, "Sam Okoro", None);
    let mut terms = offer(sam);
    terms.due_date = Some(day(2021, 1, 12));
    f.store.commission(&f.actor, piece, &terms).unwrap();

    let today = day(2021, 1, 10);
    let cal = f
        .store
        .calendar(publication, day(2021, 1, 1), day(2021, 1, 31), today)
        .unwrap();
    let e = f.store.edition(edition).unwrap();
    // The edition's dates that fall in January.
    let keys: Vec<(NaiveDate, KeyDate)> = cal
        .events
        .iter()
        .filter(|ev| ev.kind == EventKind::KeyDate && ev.edition_id == edition)
        .map(|ev| (ev.date, ev.key_date.unwrap()))
        .collect();
    for key in KeyDate::ALL {
        if let Some(d) = key
            .of(&e)
            .filter(|d| *d >= day(2021, 1, 1) && *d <= day(2021, 1, 31))
        {
            assert!(keys.contains(&(d, key)), "{key:?} on {d} missing: {keys:?}");
        }
    }
    // Sam's due date, movable, from the assignment's version.
    let due = cal
        .events
        .iter()
        .find(|ev| ev.kind == EventKind::Due && ev.what == "Draft due from Sam Okoro")
        .expect("Sam's due date");
    assert_eq!(due.date, day(2021, 1, 12));
    assert!(due.movable() && due.version.is_some() && !due.overdue);
    // The workflow's dates for pieces still to come, not movable.
    assert!(
        cal.events
            .iter()
            .any(|ev| ev.kind == EventKind::Status && !ev.movable())
    );
    // In date order, every UID once, every date inside the month.
    let dates: Vec<NaiveDate> = cal.events.iter().map(|ev| ev.date).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(dates.iter().all(|d| *d >= cal.from && *d <= cal.to));
    let uids: BTreeSet<&str> = cal.events.iter().map(|ev| ev.uid.as_str()).collect();
    assert_eq!(uids.len(), cal.events.len());

    // Spans the calendar refuses, in words.
    let e = f
        .store
        .calendar(publication, day(2021, 2, 1), day(2021, 1, 1), today)
        .unwrap_err();
    assert_eq!(e.code(), "date_order");
    let e = f
        .store
        .calendar(publication, day(2020, 1, 1), day(2022, 1, 1), today)
        .unwrap_err();
    assert_eq!(e.code(), "date_range");
}

#[test]
fn a_drag_reschedules_a_due_date_or_a_key_date_from_the_version_seen() {
    let Demo {
        mut f,
        publication,
        edition,
        piece,
        ..
    } = demo();
    let sam = add_person(&mut f, "Sam Okoro", None);
    let mut terms = offer(sam);
    terms.due_date = Some(day(2021, 1, 12));
    let a = f.store.commission(&f.actor, piece, &terms).unwrap().item;

    // A stale version is a conflict; nothing moves.
    let e = f
        .store
        .reschedule_due(&f.actor, a.id, Some(a.version + 1), day(2021, 1, 14))
        .unwrap_err();
    assert_eq!(e.code(), "conflict", "{e}");
    let moved = f
        .store
        .reschedule_due(&f.actor, a.id, Some(a.version), day(2021, 1, 14))
        .unwrap()
        .item;
    assert_eq!(moved.due_date, Some(day(2021, 1, 14)));
    assert_eq!(
        (moved.brief.as_str(), moved.fee.as_deref()),
        (a.brief.as_str(), a.fee.as_deref())
    );
    let cal = f
        .store
        .calendar(
            publication,
            day(2021, 1, 1),
            day(2021, 1, 31),
            day(2021, 1, 10),
        )
        .unwrap();
    let due: Vec<NaiveDate> = cal
        .events
        .iter()
        .filter(|ev| ev.assignment_id == Some(a.id))
        .map(|ev| ev.date)
        .collect();
    assert_eq!(due, [day(2021, 1, 14)]);

    // The press date, a day later; a press date after the on-sale date is refused.
    let e0 = f.store.edition(edition).unwrap();
    let press = e0.press_date.unwrap();
    let saved = f
        .store
        .reschedule_key_date(
            &f.actor,
            edition,
            Some(e0.version),
            KeyDate::PressDate,
            press.succ_opt().unwrap(),
        )
        .unwrap()
        .item;
    assert_eq!(saved.press_date, press.succ_opt());
    let late = e0.on_sale_date.unwrap() + chrono::Days::new(3);
    let e = f
        .store
        .reschedule_key_date(
            &f.actor,
            edition,
            Some(saved.version),
            KeyDate::PressDate,
            late,
        )
        .unwrap_err();
    assert_eq!(e.code(), "key_dates_out_of_order", "{e}");
}

#[test]
fn the_ics_export_is_read_back_by_a_parser_and_keeps_its_uids() {
    let Demo {
        mut f,
        publication,
        piece,
        ..
    } = demo();
    let sam = add_person(&mut f, "Sam Okoro, Jr.; the second", None);
    let mut terms = offer(sam);
    terms.due_date = Some(day(2021, 1, 12));
    f.store.commission(&f.actor, piece, &terms).unwrap();
    let today = day(2021, 1, 10);

    let (ics, n) = f
        .store
        .calendar_ics(publication, IcsScope::default(), today)
        .unwrap();
    let events = parsed(&ics);
    assert_eq!(events.len(), n);
    assert!(n > 10, "only {n} events");
    let uids: BTreeSet<&str> = events.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(uids.len(), n, "every UID once");
    // Sam's due date, with the comma and semicolon of his name intact.
    let sams = events
        .iter()
        .find(|e| e.2.contains("Sam Okoro"))
        .unwrap_or_else(|| panic!("Sam's due date in {events:?}"));
    assert_eq!(sams.1, "20210112");
    assert!(
        sams.2
            .starts_with("Draft due from Sam Okoro\\, Jr.\\; the second:"),
        "{}",
        sams.2
    );

    // Exported again after a change: the same UIDs, Sam's on its new day.
    let a = f
        .store
        .list_assignments(masthead_core::AssignmentQuery {
            article: Some(piece),
            contributor: None,
            edition: None,
        })
        .unwrap()
        .into_iter()
        .find(|a| a.contributor_id == sam)
        .unwrap();
    f.store
        .reschedule_due(&f.actor, a.id, None, day(2021, 1, 15))
        .unwrap();
    let (again, _) = f
        .store
        .calendar_ics(publication, IcsScope::default(), today)
        .unwrap();
    let again = parsed(&again);
    let uids_again: BTreeSet<&str> = again.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(uids_again, uids);
    let moved = again.iter().find(|e| e.0 == sams.0).unwrap();
    assert_eq!(moved.1, "20210115");

    // A contributor's own: only her due dates.
    let (own, n) = f
        .store
        .calendar_ics(
            publication,
            IcsScope {
                edition: None,
                contributor: Some(sam),
            },
            today,
        )
        .unwrap();
    let own = parsed(&own);
    assert_eq!((n, own.len()), (1, 1));
    assert_eq!(own[0].0, sams.0);
}

/// A due date gone by is overdue until a draft answers the commission.
#[test]
fn a_due_date_gone_by_is_overdue_until_the_draft_comes() {
    let Demo {
        mut f,
        publication,
        piece,
        ..
    } = demo();
    let sam = add_person(&mut f, "Sam Okoro", None);
    let mut terms = offer(sam);
    terms.due_date = Some(day(2021, 1, 6));
    let a = f.store.commission(&f.actor, piece, &terms).unwrap().item;
    f.store
        .answer_assignment(&f.actor, a.id, None, true)
        .unwrap();
    let due_overdue = |f: &crate::Fixture| {
        let cal = f
            .store
            .calendar(
                publication,
                day(2021, 1, 1),
                day(2021, 1, 31),
                day(2021, 1, 10),
            )
            .unwrap();
        let due = cal
            .events
            .iter()
            .find(|ev| ev.assignment_id == Some(a.id))
            .expect("Sam's due date");
        (due.date, due.overdue)
    };
    assert_eq!(due_overdue(&f), (day(2021, 1, 6), true));
    let draft = masthead_core::Upload {
        name: "sam.md".into(),
        bytes: "The draft, late but in.".as_bytes().to_vec(),
    };
    f.store
        .submit_draft(&f.actor, piece, &draft, Some(sam))
        .unwrap();
    assert_eq!(due_overdue(&f), (day(2021, 1, 6), false), "the draft is in");
}
