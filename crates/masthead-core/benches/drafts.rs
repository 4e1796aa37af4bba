//! Drafts must not slow the other screens: on the generated database of
//! 60,000 pieces, the piece list, the board and a piece's detail are timed
//! before and after 21,000 drafts are stored (each with its original file
//! and text, about 9 KB; the measured edition's 300 pieces have 3 versions
//! each), in the same run. Lists read draft facts (count, the copy's words),
//! never the text or files, so the ratios after/before should stay near 1.
//!
//! Run: `cargo bench -p masthead-core --bench drafts` (add `-- --keep DIR`
//! to keep the generated database).

use std::time::Duration;

use chrono::NaiveDate;
use masthead_core::Store;
use masthead_core::model::{ArticleId, BoardFilter, EditionId, PublicationId};
use rusqlite::params;

mod common;

use common::*;

/// Pieces outside the measured edition that get one draft each.
const OTHER_DRAFTS: usize = 20_100;
const VERSIONS_IN_MEASURED: usize = 3;

struct Times {
    list: (Duration, Duration),
    board: (Duration, Duration),
    detail: (Duration, Duration),
}

fn time_screens(
    store: &Store,
    publication: PublicationId,
    edition: EditionId,
    piece: ArticleId,
) -> Times {
    let today = NaiveDate::from_ymd_opt(2021, 1, 10).expect("a date");
    let filter = BoardFilter {
        edition_id: Some(edition),
        ..BoardFilter::default()
    };
    Times {
        list: measure(|| {
            let list = store.list_articles(edition, today).expect("the piece list");
            assert_eq!(list.len(), PIECES_PER_EDITION);
            std::hint::black_box(list);
        }),
        board: measure(|| {
            std::hint::black_box(store.board(publication, &filter, today).expect("the board"));
        }),
        detail: measure(|| {
            std::hint::black_box(store.article_detail(piece, today).expect("the detail"));
        }),
    }
}

fn main() {
    let (path, _tmp) = bench_path();
    let g = generate(&path);
    let store = Store::open(&path).expect("the generated database");
    let today = NaiveDate::from_ymd_opt(2021, 1, 10).expect("a date");
    let pieces = store
        .list_articles(g.first, today)
        .expect("the edition's pieces");
    let piece = pieces[0].id;
    let before = time_screens(&store, g.publication, g.first, piece);
    drop(store);

    // Drafts through SQL, as in the generator: realistic sizes, distinct bytes.
    let started = std::time::Instant::now();
    let paragraph = "The two cities have been partners for 52 years and with the UK now out of the EU, the cities wanted to reaffirm their ongoing partnership. ";
    let text: String = paragraph.repeat(14); // about 2 KB, 350 words
    let original: Vec<u8> = text.repeat(2).into_bytes();
    let mut stored = 0usize;
    {
        let mut conn = rusqlite::Connection::open(&path).expect("the database");
        masthead_core::add_sqlite_functions(&conn).expect("Masthead's SQL function");
        let tx = conn.transaction().expect("a transaction");
        let measured: std::collections::HashSet<String> =
            pieces.iter().map(|a| a.id.to_string()).collect();
        let targets: Vec<(String, String)> = {
            let mut stmt = tx
                .prepare(
                    "SELECT a.id, (SELECT asg.id FROM assignments asg
                                    WHERE asg.article_id = a.id AND asg.deleted_at IS NULL)
                     FROM articles a ORDER BY a.id",
                )
                .expect("the pieces");
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("rows")
        };
        let mut others = 0;
        for (article, assignment) in &targets {
            let versions = if measured.contains(article) {
                VERSIONS_IN_MEASURED
            } else if others < OTHER_DRAFTS {
                others += 1;
                1
            } else {
                continue;
            };
            for v in 1..=versions {
                let draft = id();
                let mut bytes = original.clone();
                bytes.extend(format!("{article} {v}").as_bytes());
                tx.execute(
                    "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number,
                        file_name, media_type, size, sha256, words, submitted_at, recorded_by)
                     VALUES (?1, ?2, ?3, (SELECT contributor_id FROM assignments WHERE id = ?3),
                        ?4, 'draft.txt', 'text/plain', ?5, ?6, ?7, '2026-11-28T10:00:00.000Z', 'Bench')",
                    params![
                        draft,
                        article,
                        assignment,
                        v as i64,
                        bytes.len() as i64,
                        format!("{:064x}", stored),
                        (300 + v * 20) as i64
                    ],
                )
                .expect("a draft");
                tx.execute(
                    "INSERT INTO draft_contents (draft_id, original, text, markdown) VALUES (?1, ?2, ?3, ?3)",
                    params![draft, bytes, text],
                )
                .expect("its contents");
                stored += 1;
            }
        }
        tx.commit().expect("the drafts");
        conn.execute_batch("ANALYZE").expect("statistics");
    }
    let drafted = started.elapsed();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);

    let store = Store::open(&path).expect("the database with drafts");
    let check = store.list_articles(g.first, today).expect("the piece list");
    assert!(
        check
            .iter()
            .all(|a| a.drafts == VERSIONS_IN_MEASURED as u32 && a.copy.is_some())
    );
    let after = time_screens(&store, g.publication, g.first, piece);

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "generated {} pieces in {:.1} s; then {stored} drafts in {:.1} s (database {:.0} MB)",
        EDITIONS * PIECES_PER_EDITION,
        g.took.as_secs_f64(),
        drafted.as_secs_f64(),
        size as f64 / 1e6
    );
    println!("{RUNS} runs each, one edition of {PIECES_PER_EDITION} pieces:");
    for (name, b, a) in [
        ("piece list", before.list, after.list),
        ("board", before.board, after.board),
        ("piece detail", before.detail, after.detail),
    ] {
        println!(
            "  {name:<13} before p50 {:.2} ms p95 {:.2} ms | with drafts p50 {:.2} ms p95 {:.2} ms | ratio p50 {:.2}x",
            ms(b.0),
            ms(b.1),
            ms(a.0),
            ms(a.1),
            ms(a.0) / ms(b.0)
        );
    }
}
