use masthead_core::{DEMO_EDITION, DEMO_PUBLICATION};

use crate::Fixture;

#[test]
fn the_demo_holds_the_seed_edition_across_the_workflow() {
    let mut f = Fixture::new();
    assert!(f.store.is_empty().unwrap());
    let id = f.store.load_demo(&f.actor).unwrap();
    assert!(f.store.has_demo().unwrap());
    assert!(!f.store.is_empty().unwrap());
    let e = f.store.edition(id).unwrap();
    assert_eq!(
        (e.publication.as_str(), e.name.as_str(), e.page_count),
        (DEMO_PUBLICATION, DEMO_EDITION, 68)
    );
    assert_eq!(e.theme, "The ingredients for levelling up");
    let articles = f.store.list_articles(id, crate::today()).unwrap();
    let titles: Vec<_> = articles.iter().map(|a| a.title.as_str()).collect();
    for seed in [
        "Leeds commits to working with European cities on important issues",
        "Keep communities at the heart of planning",
        "Is the Public Sector safe against a cyber-attack?",
        "Win a £100 Amazon Voucher",
    ] {
        assert!(titles.contains(&seed), "{seed} missing from {titles:?}");
    }
    let feature = articles
        .iter()
        .find(|a| a.title == "Keep communities at the heart of planning")
        .unwrap();
    assert_eq!(feature.contributors, ["Chris Borg"]);
    let mut statuses: Vec<_> = articles.iter().map(|a| a.status.as_str()).collect();
    statuses.sort();
    statuses.dedup();
    assert!(
        statuses.len() >= 7,
        "pieces should be spread across the workflow: {statuses:?}"
    );
    assert!(
        statuses.contains(&"published")
            && statuses.contains(&"idea")
            && statuses.contains(&"in_edit")
    );

    // The demo keeps the rules: every piece that reached Draft received
    // (or went past it) has its draft, and the edition's counts are the
    // pieces in the workflow with the spiked apart.
    let wf = f.store.workflow(e.publication_id).unwrap();
    let received = wf.statuses.iter().find(|s| s.receives_drafts).unwrap();
    for a in &articles {
        let s = wf.statuses.iter().find(|s| s.id == a.status_id).unwrap();
        if !s.is_spiked && s.position >= received.position {
            assert!(a.drafts > 0, "{} is {} with no draft", a.title, s.label);
        }
    }
    let spiked = articles.iter().filter(|a| a.status_is_spiked).count();
    assert_eq!(
        (e.article_count as usize, e.spiked_count as usize),
        (articles.len() - spiked, spiked)
    );
    assert_eq!((e.article_count, e.spiked_count), (10, 1));

    let editions = f.store.list_editions(None).unwrap();
    assert_eq!(editions.len(), 2);
    let later = editions.iter().find(|e| e.id != id).unwrap();
    assert!(later.on_sale_date > e.on_sale_date);
    // The status history of the demo is recorded like any other.
    let history = f.store.history_of(&feature.id.to_string()).unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.action == "status" && h.new_value.as_deref() == Some("Subbed"))
    );

    // The Leeds news piece carries the seed article as Hannah's real draft;
    // its arrival moved the piece to Draft received, in one change set.
    let leeds = articles
        .iter()
        .find(|a| a.title.starts_with("Leeds commits"))
        .unwrap();
    assert_eq!(leeds.drafts, 1);
    assert_eq!(leeds.copy.unwrap().words, 484);
    let drafts = f.store.drafts(leeds.id).unwrap();
    assert_eq!(drafts[0].contributor.as_deref(), Some("Hannah Okafor"));
    assert!(
        f.store
            .draft_text(leeds.id, None)
            .unwrap()
            .text
            .ends_with("partners across Europe.")
    );
    let detail = f.store.article_detail(leeds.id, crate::today()).unwrap();
    let draft_line = detail
        .history
        .iter()
        .find(|h| h.entity == "draft")
        .expect("the draft is in the piece's history");
    let moved = detail
        .history
        .iter()
        .find(|h| h.new_value.as_deref() == Some("Draft received"))
        .unwrap();
    assert_eq!(draft_line.change_set_id, moved.change_set_id);
}

#[test]
fn the_demo_is_refused_a_second_time_without_changes() {
    let mut f = Fixture::new();
    f.store.load_demo(&f.actor).unwrap();
    let before = f.snapshot();
    f.refused("demo_present", |s, a| s.load_demo(a));
    assert_eq!(f.snapshot(), before);
}

#[test]
fn the_demo_joins_an_existing_publication_of_the_same_name() {
    let mut f = Fixture::new();
    let p = f.publication(DEMO_PUBLICATION);
    f.store.load_demo(&f.actor).unwrap();
    assert_eq!(f.store.list_publications().unwrap().len(), 1);
    let sections = f.section_names(p);
    assert!(
        sections.contains(&"Cyber Security".to_string()),
        "{sections:?}"
    );
}
