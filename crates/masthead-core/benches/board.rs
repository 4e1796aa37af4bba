//! The board's read for one edition of 300 pieces, on a generated database
//! of 200 editions × 300 pieces (60,000 pieces, each with a writer), against
//! a baseline measured in the same run: one hand-written SQL query that
//! reads the same 300 pieces' columns, without contributors or deadlines.
//!
//! Run: `cargo bench -p masthead-core --bench board` (add `-- --keep DIR` to
//! keep the generated database). Prints p50/p95 and the ratio to baseline.

use std::time::Duration;

use chrono::NaiveDate;
use masthead_core::Store;
use masthead_core::model::BoardFilter;

mod common;

use common::*;

fn main() {
    let (path, _tmp) = bench_path();
    let g = generate(&path);

    let store = Store::open(&path).expect("the generated database");
    let filter = BoardFilter {
        edition_id: Some(g.first),
        ..BoardFilter::default()
    };
    let today = NaiveDate::from_ymd_opt(2021, 1, 10).expect("a date");
    let board = store
        .board(g.publication, &filter, today)
        .expect("the board");
    assert_eq!(board.cards.len(), PIECES_PER_EDITION);
    let (board_p50, board_p95) = measure(|| {
        let b = store
            .board(g.publication, &filter, today)
            .expect("the board");
        std::hint::black_box(b);
    });

    let conn = rusqlite::Connection::open(&path).expect("a reader");
    let edition = g.first.to_string();
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
        g.took.as_secs_f64()
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
