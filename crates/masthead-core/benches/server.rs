//! The screens' reads on a team server against the same reads on a file,
//! measured in the same run on the same data: the generated database of
//! 200 editions × 300 pieces (60,000 pieces, each with a writer) is moved
//! onto a throwaway PostgreSQL cluster with `team import`'s use case, then
//! the board, an edition's piece list and a piece's detail are timed on
//! both. The server is on loopback, so the ratio is the price of the
//! protocol and the planner, not of a network.
//!
//! Run: `cargo bench -p masthead-core --bench server`.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use masthead_core::Store;
use masthead_core::model::BoardFilter;

mod common;

use common::*;

fn main() {
    let (path, _tmp) = bench_path();
    let g = generate(&path);
    let file = Store::open(&path).expect("the generated database");

    let cluster = masthead_pgtest::cluster();
    let url = cluster.empty_database();
    let mut server = Store::open_location(&url).expect("the server database");
    let started = Instant::now();
    let summary = server
        .import_everything_from(&file)
        .expect("the import onto the server");
    let imported = started.elapsed();
    let database = url
        .rsplit('/')
        .next()
        .and_then(|d| d.split('?').next())
        .unwrap_or_default();
    cluster
        .admin(database)
        .batch_execute("VACUUM ANALYZE")
        .expect("statistics for the planner");

    let today = NaiveDate::from_ymd_opt(2021, 1, 10).expect("a date");
    let filter = BoardFilter {
        edition_id: Some(g.first),
        ..BoardFilter::default()
    };
    let piece = file
        .list_articles(g.first, today)
        .expect("the pieces")
        .into_iter()
        .nth(150)
        .expect("a piece")
        .id;

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "generated {} pieces in {:.1} s; moved onto the server in {:.1} s ({} history lines)",
        summary.rows("articles"),
        g.took.as_secs_f64(),
        imported.as_secs_f64(),
        summary.rows("changes"),
    );
    type Read<'a> = &'a dyn Fn(&Store);
    let screens: [(&str, Read<'_>); 3] = [
        ("board (one edition, 300 cards)", &|s: &Store| {
            let b = s.board(g.publication, &filter, today).expect("the board");
            assert_eq!(b.cards.len(), PIECES_PER_EDITION);
            std::hint::black_box(b);
        }),
        ("piece list (one edition)", &|s: &Store| {
            let list = s.list_articles(g.first, today).expect("the pieces");
            assert_eq!(list.len(), PIECES_PER_EDITION);
            std::hint::black_box(list);
        }),
        ("a piece's detail", &|s: &Store| {
            std::hint::black_box(s.article_detail(piece, today).expect("the detail"));
        }),
    ];
    for (name, read) in screens {
        let (file_p50, file_p95) = measure(|| read(&file));
        let (server_p50, server_p95) = measure(|| read(&server));
        println!(
            "{name}: file p50 {:.2} ms p95 {:.2} ms; server p50 {:.2} ms p95 {:.2} ms; server/file {:.2}× (p50)",
            ms(file_p50),
            ms(file_p95),
            ms(server_p50),
            ms(server_p95),
            server_p50.as_secs_f64() / file_p50.as_secs_f64()
        );
    }
}
