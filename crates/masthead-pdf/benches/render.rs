//! `cargo bench -p masthead-pdf --bench render`: the plan of the demo's
//! 68-page edition, of a 100-page edition with 300 pieces (issue 21's
//! case), and of a 200-page stress edition with 600 pieces (a
//! quarter page each, over 150 pages), from plan to PDF bytes. The
//! baseline, measured in the same run, is reading the plan from the
//! database (what every export does first). Then each part of the plan
//! alone: where the time goes. (typst-as-lib forgets what typst laid out
//! after each export, so every run lays the whole plan out.)

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use masthead_core::model::{
    ArticleInput, EditionId, EditionInput, EditionPlan, Placement, PublicationInput,
};
use masthead_core::{Actor, Store};
use masthead_pdf::{Paper, PdfOptions, render};

fn p50(runs: usize, mut f: impl FnMut()) -> Duration {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn stress(store: &mut Store, actor: &Actor, name: &str, pieces: u32) -> EditionId {
    let publication = store
        .create_publication(
            actor,
            &PublicationInput {
                name: format!("Stress Weekly {pieces}"),
                frequency: "Weekly".into(),
                is_print: true,
            },
        )
        .unwrap()
        .id;
    let edition = store
        .create_edition(
            actor,
            publication,
            &EditionInput {
                name: name.into(),
                page_count: 4 + pieces / 3,
                copy_deadline: NaiveDate::from_ymd_opt(2021, 3, 1),
                press_date: NaiveDate::from_ymd_opt(2021, 3, 15),
                ..EditionInput::default()
            },
        )
        .unwrap()
        .item
        .id;
    let kind = store.list_kinds(publication, false).unwrap()[0].id;
    let sections = store.list_sections(publication).unwrap();
    for n in 0..pieces {
        let article = store
            .add_article(
                actor,
                edition,
                &ArticleInput {
                    title: format!(
                        "Piece {n}: what councils do next about housing, care and skills"
                    ),
                    standfirst: String::new(),
                    section_id: sections
                        .get(n as usize % sections.len().max(1))
                        .map(|s| s.id),
                    kind_id: kind,
                    word_target: Some(300 + (n % 7) * 50),
                    notes: String::new(),
                },
            )
            .unwrap()
            .id;
        // From page 3 on, four quarters a page.
        let page = 3 + n / 4;
        store
            .place_article(
                actor,
                article,
                &Placement {
                    first_page: page,
                    last_page: page,
                    part_units: 3,
                    part_offset: Some((n % 4) * 3),
                },
            )
            .unwrap();
    }
    edition
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let actor = Actor::new("Bench").unwrap();
    let mut store = Store::open(dir.path().join("bench.db")).unwrap();
    let demo = store.load_demo(&actor).unwrap();
    let mid = stress(&mut store, &actor, "A 300-piece issue", 300);
    let big = stress(&mut store, &actor, "Big issue", 600);
    let today = NaiveDate::from_ymd_opt(2021, 1, 10).unwrap();
    let options = PdfOptions {
        paper: Paper::A4,
        parts: masthead_pdf::PlanPart::ALL.to_vec(),
        generated_at: Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap(),
        colour_by: masthead_pdf::ColourBy::Status,
        locale: &masthead_core::locale::EN_GB,
    };
    for (name, edition, runs) in [
        ("demo, 68 pages, 11 pieces", demo, 15),
        ("300 pieces, 104 pages", mid, 9),
        ("stress, 204 pages, 600 pieces", big, 5),
    ] {
        let plan: EditionPlan = store.edition_plan(edition, today).unwrap();
        let read = p50(runs, || {
            std::hint::black_box(store.edition_plan(edition, today).unwrap());
        });
        let bytes = render(&plan, &options).unwrap().len();
        let first = p50(runs, || {
            std::hint::black_box(render(&plan, &options).unwrap());
        });
        println!(
            "{name}: {} KB of PDF; render p50 {:.0} ms; reading the plan p50 {:.1} ms \
             (render = {:.0}x the read)",
            bytes / 1024,
            first.as_secs_f64() * 1e3,
            read.as_secs_f64() * 1e3,
            first.as_secs_f64() / read.as_secs_f64()
        );
        // Where the time goes: each part of the plan alone.
        for part in masthead_pdf::PlanPart::ALL {
            let alone = PdfOptions {
                parts: vec![part],
                ..options.clone()
            };
            let t = p50(runs, || {
                std::hint::black_box(render(&plan, &alone).unwrap());
            });
            println!("  {part:?} alone: p50 {:.0} ms", t.as_secs_f64() * 1e3);
        }
    }
}
