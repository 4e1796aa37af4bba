//! The board's read for one edition of 300 pieces, on a generated database
//! of 200 editions × 300 pieces (60,000 pieces, each with a writer), against
//! a baseline measured in the same run: one hand-written SQL query that
//! reads the same 300 pieces' columns, without contributors or deadlines.
//!
//! Run: `cargo bench -p masthead-core --bench board` (add `-- --keep DIR` to
//! keep the generated database). Prints p50/p95 and the ratio to baseline.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use masthead_core::model::{BoardFilter, EditionInput, PublicationInput};
use masthead_core::{Actor, Store};
use rusqlite::params;

const EDITIONS: usize = 200;
const PIECES_PER_EDITION: usize = 300;
const CONTRIBUTORS: usize = 500;
const RUNS: usize = 300;

fn id() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn measure(mut run: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..20 {
        run(); // warm the page cache and prepared statements
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            run();
            t.elapsed()
        })
        .collect();
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(std::path::PathBuf::from);
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let dir = keep.unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the database directory");
    let path = dir.join("bench.db");
    let _ = std::fs::remove_file(&path);

    let started = Instant::now();
    let actor = Actor::new("Bench").expect("an actor");
    let mut store = Store::open(&path).expect("a new database");
    let publication = store
        .create_publication(
            &actor,
            &PublicationInput {
                name: "PSE".into(),
                frequency: "Monthly".into(),
                is_print: true,
            },
        )
        .expect("a publication")
        .id;
    let first = store
        .create_edition(
            &actor,
            publication,
            &EditionInput {
                name: "Edition 0".into(),
                page_count: 68,
                ..EditionInput::default()
            },
        )
        .expect("an edition")
        .item
        .id;
    let statuses: Vec<String> = store
        .workflow(publication)
        .expect("the workflow")
        .statuses
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    let kinds: Vec<String> = store
        .list_kinds(publication, false)
        .expect("kinds")
        .iter()
        .map(|k| k.id.to_string())
        .collect();
    let sections: Vec<String> = store
        .list_sections(publication)
        .expect("sections")
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    drop(store);

    // Bulk rows through SQL: the use cases would write history for each.
    {
        let mut conn = rusqlite::Connection::open(&path).expect("the database");
        let tx = conn.transaction().expect("a transaction");
        let at = "2026-11-28T10:00:00.000Z";
        let contributors: Vec<String> = (0..CONTRIBUTORS).map(|_| id()).collect();
        for (i, c) in contributors.iter().enumerate() {
            tx.execute(
                "INSERT INTO contributors (id, name, email, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![c, format!("Writer {i}"), format!("w{i}@example.org"), at],
            )
            .expect("a contributor");
        }
        let base = NaiveDate::from_ymd_opt(2021, 1, 1).expect("a date");
        for e in 0..EDITIONS {
            let edition = if e == 0 { first.to_string() } else { id() };
            let day = |n: u64| (base + chrono::Days::new(n + e as u64 * 30)).to_string();
            if e > 0 {
                tx.execute(
                    "INSERT INTO editions (id, publication_id, name, page_count, commissioning_closes,
                        copy_deadline, subbing_deadline, press_date, on_sale_date, created_at, updated_at)
                     VALUES (?1, ?2, ?3, 68, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                    params![edition, publication.to_string(), format!("Edition {e}"), day(0), day(7), day(14), day(21), day(28), at],
                )
                .expect("an edition");
            }
            for p in 0..PIECES_PER_EDITION {
                let article = id();
                let n = e * PIECES_PER_EDITION + p;
                tx.execute(
                    "INSERT INTO articles (id, edition_id, section_id, status_id, kind_id, title, slug,
                        word_target, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?8)",
                    params![
                        article,
                        edition,
                        sections[n % sections.len()],
                        statuses[n % statuses.len()],
                        kinds[n % kinds.len()],
                        format!("Piece {n}"),
                        (800 + (n % 10) * 100) as i64,
                        at
                    ],
                )
                .expect("a piece");
                tx.execute(
                    "INSERT INTO assignments (id, article_id, contributor_id, role, due_date, state,
                        created_at, updated_at)
                     VALUES (?1, ?2, ?3, 'writer', ?4, ?5, ?6, ?6)",
                    params![
                        id(),
                        article,
                        contributors[n % CONTRIBUTORS],
                        day((p % 20) as u64),
                        ["offered", "accepted", "declined"][n % 3],
                        at
                    ],
                )
                .expect("an assignment");
            }
        }
        tx.commit().expect("the generated rows");
        conn.execute_batch("ANALYZE").expect("statistics");
    }
    let generated = started.elapsed();

    let store = Store::open(&path).expect("the generated database");
    let filter = BoardFilter {
        edition_id: Some(first),
        ..BoardFilter::default()
    };
    let today = NaiveDate::from_ymd_opt(2021, 1, 10).expect("a date");
    let board = store.board(publication, &filter, today).expect("the board");
    assert_eq!(board.cards.len(), PIECES_PER_EDITION);
    let (board_p50, board_p95) = measure(|| {
        let b = store.board(publication, &filter, today).expect("the board");
        std::hint::black_box(b);
    });

    let conn = rusqlite::Connection::open(&path).expect("a reader");
    let edition = first.to_string();
    let (base_p50, base_p95) = measure(|| {
        let mut stmt = conn
            .prepare_cached(
                "SELECT a.id, a.title, a.status_id, a.section_id, a.kind_id, a.word_target, a.version
                 FROM articles a WHERE a.edition_id = ?1 AND a.deleted_at IS NULL ORDER BY a.title",
            )
            .expect("the baseline query");
        let rows: Vec<(String, String)> = stmt
            .query_map([&edition], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(rows.len(), PIECES_PER_EDITION);
        std::hint::black_box(rows);
    });

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "generated {} pieces in {} editions ({} contributors, {} assignments) in {:.1} s",
        EDITIONS * PIECES_PER_EDITION,
        EDITIONS,
        CONTRIBUTORS,
        EDITIONS * PIECES_PER_EDITION,
        generated.as_secs_f64()
    );
    println!(
        "board, one edition of {PIECES_PER_EDITION} pieces ({RUNS} runs): p50 {:.2} ms, p95 {:.2} ms",
        ms(board_p50),
        ms(board_p95)
    );
    println!(
        "baseline, the same 300 rows by hand-written SQL:        p50 {:.2} ms, p95 {:.2} ms",
        ms(base_p50),
        ms(base_p95)
    );
    println!(
        "ratio board/baseline: p50 {:.1}x, p95 {:.1}x",
        ms(board_p50) / ms(base_p50),
        ms(board_p95) / ms(base_p95)
    );
}
