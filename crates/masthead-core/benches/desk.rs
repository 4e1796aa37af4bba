//! The editor's desk on the generated 60,000-piece database: the dashboard,
//! a month of the calendar and a two-word search, each against a
//! hand-written SQL baseline measured in the same run that reads the same
//! rows (the cards of the editions still to come with their writers' due
//! dates; the month's due dates, key dates and those cards; the matching
//! pieces' best texts with their excerpts).
//!
//! Every piece is given a standfirst of twelve words from a vocabulary of
//! 400 (through SQL, so the search index's triggers index them as an
//! edit would); "today" leaves four editions (1,200 pieces) still to come:
//! the last three, and the first, which has no dates.
//!
//! Run: `cargo bench -p masthead-core --bench desk` (add `-- --keep DIR` to
//! keep the database). Prints p50/p95 and the ratios.

use std::time::Duration;

use chrono::{Days, NaiveDate};
use masthead_core::Store;

mod common;

use common::*;

const VOCABULARY: usize = 400;

fn word(i: usize) -> String {
    // Syllables make words that read as words and never prefix each other.
    const S: [&str; 20] = [
        "ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "va", "ze", "bo", "de", "fi", "gu", "ha",
        "ju", "ko", "li", "mo", "nu",
    ];
    format!("{}{}{}x", S[i % 20], S[(i / 20) % 20], S[(i * 7) % 20])
}

/// The standfirst of piece `n`: twelve words, deterministic.
fn standfirst(n: usize) -> String {
    (0..12)
        .map(|k| word((n.wrapping_mul(2654435761) >> (k * 2)) % VOCABULARY + k * 13 % 7))
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let (path, _tmp) = bench_path();
    let g = generate(&path);
    {
        let conn = rusqlite::Connection::open(&path).expect("the database");
        masthead_core::add_sqlite_functions(&conn).expect("Masthead's SQL functions");
        conn.create_scalar_function(
            "bench_standfirst",
            1,
            rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| Ok(standfirst(ctx.get::<i64>(0)? as usize)),
        )
        .expect("a function");
        conn.execute_batch(
            "UPDATE articles SET standfirst = bench_standfirst(CAST(substr(title, 7) AS INTEGER));
             ANALYZE;",
        )
        .expect("standfirsts");
    }
    let store = Store::open(&path).expect("the generated database");
    let base = NaiveDate::from_ymd_opt(2021, 1, 1).expect("a date");
    // Edition e goes on sale on day 28 + 30e: three are still to come.
    let today = base + Days::new(30 * (EDITIONS as u64 - 3));
    let (from, to) = (today, today + Days::new(30));
    let conn = rusqlite::Connection::open(&path).expect("a reader");
    masthead_core::add_sqlite_functions(&conn).expect("Masthead's SQL functions");
    let publication = g.publication.to_string();
    let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();

    // The dashboard.
    let desk = store.dashboard(g.publication, today, 0).expect("the desk");
    const TO_COME: usize = 4;
    assert_eq!(desk.editions.len(), TO_COME);
    let desk_t = measure(|| {
        std::hint::black_box(store.dashboard(g.publication, today, 0).expect("the desk"));
    });
    let desk_base = measure(|| {
        let mut stmt = conn
            .prepare_cached(
                "SELECT a.id, a.title, a.status_id, a.edition_id, e.name,
                        (SELECT min(asg.due_date) FROM assignments asg
                          WHERE asg.article_id = a.id AND asg.deleted_at IS NULL
                            AND asg.state IN ('offered', 'accepted')) AS due,
                        (SELECT group_concat(c.name) FROM assignments asg JOIN contributors c ON c.id = asg.contributor_id
                          WHERE asg.article_id = a.id AND asg.deleted_at IS NULL) AS who
                   FROM editions e JOIN articles a ON a.edition_id = e.id AND a.deleted_at IS NULL
                  WHERE e.publication_id = ?1 AND e.deleted_at IS NULL
                    AND (e.on_sale_date IS NULL OR e.on_sale_date > ?2)",
            )
            .expect("the desk's baseline");
        let rows: Vec<String> = stmt
            .query_map(rusqlite::params![publication, day(today)], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(rows.len(), TO_COME * PIECES_PER_EDITION);
        std::hint::black_box(rows);
    });

    // A month of the calendar.
    let month = store
        .calendar(g.publication, from, to, today)
        .expect("the calendar");
    assert!(!month.events.is_empty());
    let cal_t = measure(|| {
        std::hint::black_box(
            store
                .calendar(g.publication, from, to, today)
                .expect("the calendar"),
        );
    });
    let cal_base = measure(|| {
        let mut due = conn
            .prepare_cached(MONTH_DUE_DATES)
            .expect("the month's due dates");
        let n: usize = due
            .query_map(rusqlite::params![day(from), day(to), publication], |r| {
                r.get::<_, String>(0)
            })
            .expect("rows")
            .count();
        let mut keys = conn
            .prepare_cached(
                "SELECT id, name, commissioning_closes, copy_deadline, subbing_deadline, press_date,
                        on_sale_date FROM editions WHERE publication_id = ?1 AND deleted_at IS NULL",
            )
            .expect("the key dates");
        let e: usize = keys
            .query_map([&publication], |r| r.get::<_, String>(0))
            .expect("rows")
            .count();
        let mut cards = conn
            .prepare_cached(
                "SELECT a.id, a.title, a.status_id FROM editions e
                   JOIN articles a ON a.edition_id = e.id AND a.deleted_at IS NULL
                  WHERE e.publication_id = ?1 AND e.deleted_at IS NULL
                    AND (e.on_sale_date IS NULL OR e.on_sale_date > ?2)",
            )
            .expect("the cards");
        let c: usize = cards
            .query_map(rusqlite::params![publication, day(today)], |r| {
                r.get::<_, String>(0)
            })
            .expect("rows")
            .count();
        std::hint::black_box((n, e, c));
    });

    // A two-word search: two words of one piece's standfirst.
    let words: Vec<String> = standfirst(4242)
        .split(' ')
        .take(2)
        .map(str::to_owned)
        .collect();
    let query = words.join(" ");
    let found = store.search(g.publication, &query).expect("a search");
    assert!(found.total > 0, "{query:?} finds nothing");
    let search_t = measure(|| {
        std::hint::black_box(store.search(g.publication, &query).expect("a search"));
    });
    let fts = words
        .iter()
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" ");
    let search_base = measure(|| {
        let mut stmt = conn
            .prepare_cached(
                "SELECT d.article_id, a.title, snippet(search_text, -1, '[', ']', '…', 16)
                   FROM search_text JOIN search_docs d ON d.id = search_text.rowid
                   JOIN articles a ON a.id = d.article_id AND a.deleted_at IS NULL
                  WHERE search_text MATCH ?1 ORDER BY rank LIMIT 51",
            )
            .expect("the search baseline");
        let rows: Vec<String> = stmt
            .query_map([&fts], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        std::hint::black_box(rows);
    });

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "generated {} pieces in {} editions in {:.1} s; {} still to come",
        EDITIONS * PIECES_PER_EDITION,
        EDITIONS,
        g.took.as_secs_f64(),
        TO_COME * PIECES_PER_EDITION
    );
    let line = |what: &str, (p50, p95): (Duration, Duration), (b50, b95): (Duration, Duration)| {
        println!(
            "{what:<34} p50 {:>6.2} ms  p95 {:>6.2} ms | baseline p50 {:>6.2} ms  p95 {:>6.2} ms | ratio p50 {:.1}x  p95 {:.1}x",
            ms(p50),
            ms(p95),
            ms(b50),
            ms(b95),
            ms(p50) / ms(b50),
            ms(p95) / ms(b95)
        );
    };
    line("dashboard", desk_t, desk_base);
    line(
        &format!("calendar, 31 days ({} events)", month.events.len()),
        cal_t,
        cal_base,
    );
    line(
        &format!("search {query:?} ({} pieces)", found.total),
        search_t,
        search_base,
    );
}
