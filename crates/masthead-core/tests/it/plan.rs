//! The edition plan the PDF and the CSV are made from.

use chrono::NaiveDate;

use crate::Fixture;

#[test]
fn the_demo_plan_runs_in_page_order_and_lists_only_live_dates() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let today = NaiveDate::from_ymd_opt(2021, 1, 10).unwrap();
    let plan = f.store.edition_plan(edition, today).unwrap();
    assert_eq!(plan.edition.name, "Feb/Mar 21");
    assert_eq!(plan.run_sheet.len(), 11);
    // Placed first, by page then place on the page; then the rest; spiked last.
    let places: Vec<Option<u32>> = plan.run_sheet.iter().map(|r| r.first_page).collect();
    let placed: Vec<u32> = places.iter().flatten().copied().collect();
    let mut sorted = placed.clone();
    sorted.sort();
    assert_eq!(placed, sorted);
    let first_unplaced = places.iter().position(Option::is_none).unwrap();
    assert!(places[first_unplaced..].iter().all(Option::is_none));
    assert!(plan.run_sheet.last().unwrap().spiked);
    assert_eq!(plan.run_sheet[0].pages.as_deref(), Some("p 6"));
    // The seed article's draft counts; the totals leave the spiked piece out.
    let leeds = &plan.run_sheet[0];
    assert_eq!((leeds.words, leeds.word_target), (Some(484), Some(500)));
    // Words in: every live piece's latest draft (seven in the demo).
    let written: u32 = plan
        .run_sheet
        .iter()
        .filter(|r| !r.spiked)
        .filter_map(|r| r.words)
        .sum();
    assert_eq!(
        plan.run_sheet.iter().filter(|r| r.words.is_some()).count(),
        7
    );
    assert_eq!(plan.words_in, written);
    assert_eq!(plan.words_in, 1652, "the seven drafts' words");
    let targets: u32 = plan
        .run_sheet
        .iter()
        .filter(|r| !r.spiked)
        .filter_map(|r| r.word_target)
        .sum();
    assert_eq!(plan.words_commissioned, targets);
    // Dates: no published, final or spiked piece; soonest first; overdue as of today.
    assert!(!plan.deadlines.is_empty());
    for d in &plan.deadlines {
        let row = plan.run_sheet.iter().find(|r| r.title == d.title).unwrap();
        assert!(!row.spiked && row.status != "Published", "{d:?}");
    }
    assert!(plan.deadlines.windows(2).all(|w| w[0].date <= w[1].date));
    let housing = plan
        .deadlines
        .iter()
        .find(|d| d.title == "Housing at the heart of levelling up")
        .unwrap();
    assert_eq!(
        (housing.what.as_str(), housing.overdue),
        ("Draft received", true)
    );
    // Statuses carry their palette colours and counts.
    let published = plan
        .statuses
        .iter()
        .find(|s| s.label == "Published")
        .unwrap();
    assert_eq!((published.pieces, published.edge.as_str()), (2, "#14532d"));
}

#[test]
fn the_run_sheet_csv_quotes_what_it_must() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let plan = f
        .store
        .edition_plan(edition, NaiveDate::from_ymd_opt(2021, 1, 10).unwrap())
        .unwrap();
    let csv = String::from_utf8(masthead_core::export::run_sheet_csv(&plan)).unwrap();
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}Pages,First page,Section,Title,Kind,Contributors,Words,Word target,Status,Next deadline,Due status"
    );
    assert_eq!(
        lines.next().unwrap(),
        "p 6,6,News,Leeds commits to working with European cities on important issues,News,Hannah Okafor,484,500,Published,,"
    );
    assert_eq!(
        masthead_core::export::plan_file_name(
            &plan.edition,
            masthead_core::export::ExportFormat::Pdf
        ),
        "PSE-Feb-Mar-21-plan.pdf"
    );
    assert_eq!(
        masthead_core::export::plan_file_name(
            &plan.edition,
            masthead_core::export::ExportFormat::Csv
        ),
        "PSE-Feb-Mar-21-run-sheet.csv"
    );
}

#[test]
fn an_offer_to_a_photographer_reads_apart_and_keeps_its_own_date() {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let pieces = f.store.list_articles(edition, crate::today()).unwrap();
    let housing = pieces
        .iter()
        .find(|a| a.title == "Housing at the heart of levelling up")
        .unwrap();
    let priya = f.store.find_contributor("Priya Shah").unwrap();
    // A photographer needs no word target: 0 means none for her.
    let due = NaiveDate::from_ymd_opt(2021, 1, 2);
    let saved = f
        .store
        .commission(
            &f.actor,
            housing.id,
            &masthead_core::model::AssignmentInput {
                contributor_id: priya,
                role: "Photographer".into(),
                brief: String::new(),
                word_target: Some(0),
                due_date: due,
                fee: None,
                currency: None,
            },
        )
        .unwrap();
    assert_eq!(saved.item.word_target, None);
    // Rachel's colleague turned the illustrations down: he reads struck
    // through, after those still on the piece.
    let alan = f.store.find_contributor("Dr Alan McKay").unwrap();
    let offer = f
        .store
        .commission(
            &f.actor,
            housing.id,
            &masthead_core::model::AssignmentInput {
                contributor_id: alan,
                role: "illustrator".into(),
                brief: String::new(),
                word_target: None,
                due_date: None,
                fee: None,
                currency: None,
            },
        )
        .unwrap()
        .item;
    f.store
        .answer_assignment(&f.actor, offer.id, Some(offer.version), false)
        .unwrap();

    let today = NaiveDate::from_ymd_opt(2021, 1, 10).unwrap();
    let plan = f.store.edition_plan(edition, today).unwrap();
    let row = plan
        .run_sheet
        .iter()
        .find(|r| r.title == housing.title)
        .unwrap();
    let labels: Vec<String> = row.credits.iter().map(|c| c.label()).collect();
    assert_eq!(
        labels,
        [
            "Rachel Dunn", "Priya Shah (photographer, offered)",
            "Dr Alan McKay (illustrator, declined)"
        ]
    );
    // Those still on it are its contributors; the refusal is not one.
    let piece = f.store.article(housing.id).unwrap();
    assert_eq!(piece.contributors, ["Rachel Dunn", "Priya Shah"]);
    let hers = plan
        .deadlines
        .iter()
        .find(|d| d.contributor == "Priya Shah" && d.title == housing.title)
        .unwrap();
    assert_eq!(
        (
            hers.date,
            hers.what.as_str(),
            hers.role.as_str(),
            hers.overdue
        ),
        (due.unwrap(), "Due", "photographer", true)
    );
    // The writer's date is still the piece's (no due date of her own).
    let rachel = plan
        .deadlines
        .iter()
        .find(|d| d.contributor == "Rachel Dunn")
        .unwrap();
    assert_eq!(rachel.what, "Draft received");
    // The card on the board says the same, the refusal included.
    let board = f
        .store
        .board(
            plan.edition.publication_id,
            &Default::default(),
            crate::today(),
        )
        .unwrap();
    let card = board.cards.iter().find(|c| c.id == housing.id).unwrap();
    assert_eq!(card.credits, row.credits);
    // The CSV names her the same way.
    let csv = String::from_utf8(masthead_core::export::run_sheet_csv(&plan)).unwrap();
    assert!(
        csv.contains(
            "Rachel Dunn; Priya Shah (photographer, offered); Dr Alan McKay (illustrator, declined)"
        ),
        "{csv}"
    );
}
