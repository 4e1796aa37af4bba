//! The editor's desk on the demo: what is overdue, due this week, waiting
//! for an answer, off its target, and the editions to come.

use chrono::{Days, NaiveDate};
use masthead_core::model::AssignmentInput;

use crate::Fixture;

fn titles(cards: &[masthead_core::model::BoardCard]) -> Vec<&str> {
    cards.iter().map(|c| c.title.as_str()).collect()
}

#[test]
fn the_desk_sorts_the_demo_into_what_needs_doing() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let publication = f.store.edition(edition).unwrap().publication_id;
    let today = NaiveDate::from_ymd_opt(2021, 1, 10).unwrap();
    let desk = f.store.dashboard(publication, today, 0).unwrap();
    assert_eq!(desk.today, today);

    // Overdue, the most overdue first: commissioning closed on 11 Dec.
    let overdue = titles(&desk.overdue);
    assert!(
        overdue.contains(&"Housing at the heart of levelling up"),
        "{overdue:?}"
    );
    assert!(
        overdue.contains(&"Training tomorrow's public sector leaders"),
        "{overdue:?}"
    );
    let dates: Vec<_> = desk
        .overdue
        .iter()
        .map(|c| c.deadline.as_ref().unwrap().date)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert_eq!(dates[0], NaiveDate::from_ymd_opt(2020, 12, 11).unwrap());
    assert!(
        desk.overdue
            .iter()
            .all(|c| c.deadline.as_ref().unwrap().overdue)
    );

    // Due from today to six days on: the subbing deadline, 15 Jan.
    let week = titles(&desk.this_week);
    assert_eq!(
        week,
        [
            "Building back better in health and social care",
            "Digital services after the pandemic"
        ]
    );

    // Copy more than 10% off its target; Leeds (484 of 500) is not.
    let off = titles(&desk.off_target);
    assert!(
        off.contains(&"Keep communities at the heart of planning"),
        "{off:?}"
    );
    assert!(
        !off.iter().any(|t| t.starts_with("Leeds commits")),
        "{off:?}"
    );
    assert!(desk.off_target.iter().all(|c| c.copy.unwrap().off));

    // Both editions are still to come on 10 Jan, the sooner to press first;
    // Feb/Mar's done pieces are those at or past Approved.
    let names: Vec<_> = desk
        .editions
        .iter()
        .map(|p| p.edition.name.as_str())
        .collect();
    assert_eq!(names, ["Feb/Mar 21", "Apr/May 21"]);
    let feb = &desk.editions[0];
    assert_eq!((feb.done, feb.done_words), (4, 224 + 111 + 484 + 80));
    assert_eq!(desk.editions[1].done, 0);
    // Adverts to chase: pencilled, or booked with no artwork yet.
    let chase: Vec<_> = desk.adverts.iter().map(|a| a.advertiser.as_str()).collect();
    assert!(chase.contains(&"Council Insurance Partners"), "{chase:?}");
    assert!(chase.contains(&"NHS Digital Academy"), "{chase:?}");
    assert!(
        !chase.contains(&"Northgate Homes"),
        "artwork is in: {chase:?}"
    );
    assert!(
        desk.adverts
            .iter()
            .all(|a| a.state != masthead_core::model::AdvertState::Artwork)
    );
    // On its on-sale day Feb/Mar is off the desk, and its pieces with it.
    let later = f
        .store
        .dashboard(publication, NaiveDate::from_ymd_opt(2021, 2, 1).unwrap(), 0)
        .unwrap();
    let names: Vec<_> = later
        .editions
        .iter()
        .map(|p| p.edition.name.as_str())
        .collect();
    assert_eq!(names, ["Apr/May 21"]);
    assert!(later.overdue.iter().all(|c| c.edition == "Apr/May 21"));
    assert!(
        later.off_target.is_empty(),
        "{:?}",
        titles(&later.off_target)
    );
    let feb = desk.editions[0].edition.id;
    assert!(later.adverts.iter().all(|a| a.edition_id != feb));
    assert_eq!(desk.done_from.as_deref(), Some("Approved"));
}

#[test]
fn this_week_runs_from_today_to_six_days_on() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let publication = f.store.edition(edition).unwrap().publication_id;
    let on = |d: u32| {
        let desk = f
            .store
            .dashboard(publication, NaiveDate::from_ymd_opt(2021, 1, d).unwrap(), 0)
            .unwrap();
        desk.this_week
            .iter()
            .map(|c| c.title.clone())
            .collect::<Vec<_>>()
    };
    let subbing = "Digital services after the pandemic".to_owned();
    // Subbing is due on 15 Jan: listed from the 9th (six days before) to
    // the day itself, not on the 8th, and overdue (not this week) after.
    assert!(!on(8).contains(&subbing));
    assert!(on(9).contains(&subbing));
    assert!(on(15).contains(&subbing));
    assert!(!on(16).contains(&subbing));
    // Draft received by 8 Jan is due on the 8th itself.
    assert!(on(8).contains(&"Housing at the heart of levelling up".to_owned()));
}

#[test]
fn an_offer_unanswered_for_more_than_three_days_waits_on_the_desk() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let publication = f.store.edition(edition).unwrap().publication_id;
    // An edition still to come (the demo's went on sale in 2021).
    let next = f
        .store
        .create_edition(&f.actor, publication, &crate::edition_input("Jun/Jul 27"))
        .unwrap()
        .item
        .id;
    let feature = f.store.find_kind(publication, "feature").unwrap();
    let training = f
        .store
        .add_article(
            &f.actor,
            next,
            &masthead_core::model::ArticleInput {
                title: "Training tomorrow's public sector leaders".into(),
                standfirst: String::new(),
                section_id: None,
                kind_id: feature,
                word_target: Some(1500),
                notes: String::new(),
            },
        )
        .unwrap();
    let priya = f.store.find_contributor("Priya Shah").unwrap();
    f.store
        .commission(
            &f.actor,
            training.id,
            &AssignmentInput {
                contributor_id: priya,
                role: "writer".into(),
                brief: String::new(),
                word_target: Some(1500),
                due_date: None,
                fee: None,
                currency: None,
            },
        )
        .unwrap();
    // The offer was made now: days are counted from the real day.
    let now = chrono::Utc::now().date_naive();
    let on = |f: &Fixture, days: u64| {
        f.store
            .dashboard(publication, now + Days::new(days), 0)
            .unwrap()
            .waiting
    };
    assert!(on(&f, 3).is_empty(), "three days is not yet waiting");
    let waiting = on(&f, 4);
    assert_eq!(waiting.len(), 1);
    assert_eq!(
        (
            waiting[0].article_title.as_str(),
            waiting[0].contributor.as_str(),
            waiting[0].contributor_id,
            waiting[0].edition_id,
        ),
        (
            "Training tomorrow's public sector leaders",
            "Priya Shah",
            priya,
            next
        )
    );

    // Any role waits, oldest first; an offer on a piece in the trash, or
    // on a piece of an edition already on sale, does not.
    let offer = |contributor, role: &str| AssignmentInput {
        contributor_id: contributor,
        role: role.into(),
        brief: String::new(),
        word_target: None,
        due_date: None,
        fee: None,
        currency: None,
    };
    let chris = f.store.find_contributor("Chris Borg").unwrap();
    f.store
        .commission(&f.actor, training.id, &offer(chris, "photographer"))
        .unwrap();
    let binned = f
        .store
        .add_article(
            &f.actor,
            next,
            &masthead_core::model::ArticleInput {
                title: "A piece thrown away".into(),
                standfirst: String::new(),
                section_id: None,
                kind_id: feature,
                word_target: None,
                notes: String::new(),
            },
        )
        .unwrap();
    f.store
        .commission(&f.actor, binned.id, &offer(priya, "writer"))
        .unwrap();
    f.store.delete_article(&f.actor, binned.id, None).unwrap();
    let published = f
        .store
        .list_articles(edition, crate::today())
        .unwrap()
        .into_iter()
        .find(|a| a.credits.is_empty())
        .unwrap();
    f.store
        .commission(&f.actor, published.id, &offer(priya, "writer"))
        .unwrap();
    let waiting: Vec<(String, String)> = on(&f, 4)
        .into_iter()
        .map(|o| (o.contributor, o.role))
        .collect();
    assert_eq!(
        waiting,
        [
            ("Priya Shah".to_owned(), "writer".to_owned()),
            ("Chris Borg".to_owned(), "photographer".to_owned())
        ]
    );
}

#[test]
fn the_desk_lists_what_others_changed_since_you_last_looked() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let publication = f.store.edition(edition).unwrap().publication_id;
    let now = || chrono::Utc::now();
    // Her own changes are not news to her.
    let mine = f.store.activity(publication, &f.actor, now()).unwrap();
    assert!(mine.sets.is_empty() && mine.since.is_none(), "{mine:?}");

    // Sam moves a piece on: Tess sees who, what, when and which piece.
    let sam = masthead_core::Actor::new("Sam Sub").unwrap();
    let piece = f
        .store
        .list_articles(edition, crate::today())
        .unwrap()
        .into_iter()
        .find(|a| a.status_label == "Idea")
        .unwrap();
    let next = f.store.find_status_for(piece.id, "Commissioned").unwrap();
    f.store
        .change_status(&sam, piece.id, None, next.id)
        .unwrap();
    let news = f.store.activity(publication, &f.actor, now()).unwrap();
    assert_eq!(news.sets.len(), 1, "{news:?}");
    let set = &news.sets[0];
    assert_eq!(
        (set.actor.as_str(), set.edition.as_deref()),
        ("Sam Sub", Some("Feb/Mar 21"))
    );
    assert_eq!(set.lines[0].about.as_deref(), Some(piece.title.as_str()));
    assert_eq!(set.lines[0].article_id, Some(piece.id));
    assert_eq!(set.lines[0].text, "moved it from Idea to Commissioned");
    // Sam does not see his own.
    assert!(
        f.store
            .activity(publication, &sam, now())
            .unwrap()
            .sets
            .iter()
            .all(|s| s.actor != "Sam Sub")
    );

    // Marked seen: nothing new, until Sam changes something else.
    f.store.mark_seen(&f.actor, publication, set.at).unwrap();
    let after = f.store.activity(publication, &f.actor, now()).unwrap();
    assert!(after.sets.is_empty(), "{after:?}");
    assert_eq!(after.since, Some(set.at));
    // A mark never goes back.
    f.store
        .mark_seen(&f.actor, publication, set.at - chrono::Duration::days(1))
        .unwrap();
    assert_eq!(
        f.store
            .activity(publication, &f.actor, now())
            .unwrap()
            .since,
        Some(set.at)
    );
    let back = f.store.find_status_for(piece.id, "Idea").unwrap();
    f.store
        .change_status(&sam, piece.id, None, back.id)
        .unwrap();
    let again = f.store.activity(publication, &f.actor, now()).unwrap();
    assert_eq!(again.sets.len(), 1);
    assert_eq!(
        again.sets[0].lines[0].text,
        "moved it from Commissioned to Idea"
    );
}
