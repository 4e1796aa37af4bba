//! Opening and editing the flatplan of a 200-page edition with 150 slots
//! (120 pieces and 30 adverts), against a baseline measured in the same
//! run: one hand-written SQL query reading the same slots' own columns.
//!
//! Run: `cargo bench -p masthead-core --bench flatplan`. Prints p50/p95.

use std::time::{Duration, Instant};

use masthead_core::model::{
    AdvertInput, AdvertSize, AdvertState, ArticleInput, EditionInput, Placement,
};
use masthead_core::{Actor, Store};

const PAGES: u32 = 200;
const PIECES: u32 = 120;
const ADVERTS: u32 = 30;

mod common;

use common::{RUNS, measure, percentile};

fn page(first: u32, last: u32) -> Placement {
    Placement {
        first_page: first,
        last_page: last,
        part_units: 12,
        part_offset: None,
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("flatplan.db");
    let actor = Actor::new("Bench").expect("an actor");
    let mut store = Store::open(&path).expect("a new database");
    let publication = common::publication(&mut store, &actor);
    let edition = store
        .create_edition(
            &actor,
            publication,
            &EditionInput {
                name: "Big".into(),
                page_count: PAGES,
                ..EditionInput::default()
            },
        )
        .expect("an edition")
        .item
        .id;
    let kind = store.find_kind(publication, "feature").expect("a kind");
    // 120 pieces on one page each from page 3, 30 full-page adverts after them.
    for n in 0..PIECES {
        let a = store
            .add_article(
                &actor,
                edition,
                &ArticleInput {
                    title: format!("Piece {n}"),
                    standfirst: String::new(),
                    section_id: None,
                    kind_id: kind,
                    word_target: Some(900),
                    notes: String::new(),
                },
            )
            .expect("a piece");
        store
            .place_article(&actor, a.id, &page(3 + n, 3 + n))
            .expect("placed");
    }
    for n in 0..ADVERTS {
        let ad = store
            .add_advert(
                &actor,
                edition,
                &AdvertInput {
                    advertiser: format!("Advertiser {n}"),
                    size: AdvertSize::Full,
                    state: AdvertState::Booked,
                    position: String::new(),
                    notes: String::new(),
                },
            )
            .expect("an advert");
        let p = 3 + PIECES + n;
        store
            .place_advert(&actor, ad.id, &page(p, p))
            .expect("placed");
    }
    let plan = store.flatplan(edition).expect("the flatplan");
    assert_eq!(plan.slots.len(), (PIECES + ADVERTS) as usize);

    let (open_p50, open_p95) = measure(|| {
        std::hint::black_box(store.flatplan(edition).expect("the flatplan"));
    });

    // Edit: move one slot back and forth between two free pages.
    let slot = plan.slots[0].id;
    let mut to = 190;
    let mut moves = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let version = store
            .flatplan(edition)
            .expect("plan")
            .slots
            .iter()
            .find(|s| s.id == slot)
            .expect("slot")
            .version;
        let t = Instant::now();
        store
            .move_slot(&actor, slot, Some(version), &page(to, to))
            .expect("moved");
        moves.push(t.elapsed());
        to = if to == 190 { 191 } else { 190 };
    }
    moves.sort();

    let conn = rusqlite::Connection::open(&path).expect("a reader");
    let id = edition.to_string();
    let (base_p50, base_p95) = measure(|| {
        let mut stmt = conn
            .prepare_cached(
                "SELECT id, article_id, advert_id, first_page, last_page, part_offset, part_units
                 FROM slots WHERE edition_id = ?1 ORDER BY first_page",
            )
            .expect("the baseline query");
        let rows: Vec<String> = stmt
            .query_map([&id], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        std::hint::black_box(rows);
    });

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "edition of {PAGES} pages, {} slots ({PIECES} pieces, {ADVERTS} adverts)",
        PIECES + ADVERTS
    );
    println!(
        "open (flatplan read, {RUNS} runs): p50 {:.2} ms, p95 {:.2} ms",
        ms(open_p50),
        ms(open_p95)
    );
    println!(
        "edit (move a slot, one transaction with history, {RUNS} runs): p50 {:.2} ms, p95 {:.2} ms",
        ms(percentile(&moves, 0.5)),
        ms(percentile(&moves, 0.95))
    );
    println!(
        "baseline (the slots by hand-written SQL): p50 {:.2} ms, p95 {:.2} ms",
        ms(base_p50),
        ms(base_p95)
    );
    println!(
        "ratio open/baseline: p50 {:.1}x",
        ms(open_p50) / ms(base_p50)
    );
}
