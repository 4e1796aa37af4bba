//! Every screen's read, every lookup by name and the day's writes, on a
//! generated archive (`masthead dev generate`), each read beside a
//! hand-written query for the same rows measured in the same run.
//!
//! Run: `cargo bench -p masthead-core --bench screens -- --pieces 60000`
//! (default 60,000; `--keep DIR` keeps the archive in DIR and uses it again
//! next time, which 600,000 pieces want). Prints p50/p95 in ms, the
//! baseline's and the ratio; docs/PERFORMANCE.md holds the results.

use std::path::PathBuf;
use std::time::Duration;

use chrono::Days;
use masthead_core::model::{AssignmentInput, BoardFilter};
use masthead_core::{Actor, Store, Upload};

mod common;

use common::*;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// Runs the statement `sql` (its parameters `params`) to the last row.
fn rows(conn: &rusqlite::Connection, sql: &str, params: &[&str]) -> usize {
    let mut stmt = conn.prepare_cached(sql).expect("a baseline");
    let mut rows = stmt
        .query(rusqlite::params_from_iter(params))
        .expect("its rows");
    let mut n = 0;
    while let Some(row) = rows.next().expect("a row") {
        // Read every cell, as the store's mapping does.
        for i in 0..row.as_ref().column_count() {
            std::hint::black_box(row.get_ref(i).expect("a cell"));
        }
        n += 1;
    }
    n
}

struct Line {
    what: String,
    took: (Duration, Duration),
    base: Option<(Duration, Duration)>,
}

fn main() {
    let pieces: usize = arg("--pieces")
        .map(|p| p.parse().expect("--pieces N"))
        .unwrap_or(60_000);
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let dir = arg("--keep")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the archive's folder");
    let path = dir.join(format!("archive-{pieces}.db"));
    if !path.exists() {
        let made = masthead_core::dev::generate(
            &path,
            masthead_core::dev::GenerateOptions { pieces, seed: 1 },
        )
        .expect("the archive");
        println!(
            "generated {} pieces, {} editions, {} drafts, {} change sets in {:.1} s",
            made.pieces,
            made.editions,
            made.drafts,
            made.change_sets,
            made.took.as_secs_f64()
        );
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    // Measured on a copy (SQLite's backup), so the writes below leave the
    // kept archive as generated.
    let work = tmp.path().join("work.db");
    Store::open(&path)
        .expect("the archive")
        .backup_to(&work)
        .expect("a working copy");
    let path = work;
    let mut store = Store::open(&path).expect("the working copy");
    let actor = Actor::new("Bench").expect("an actor");
    let conn = rusqlite::Connection::open(&path).expect("a reader");
    masthead_core::add_sqlite_functions(&conn).expect("Masthead's SQL functions");

    let publication = store.find_publication(None).expect("the publication");
    let p = publication.to_string();
    let today = masthead_core::dev::generated_today();
    let editions = store.list_editions(Some(publication)).expect("editions");
    // The edition being made: the first still to come.
    let edition = editions
        .iter()
        .filter(|e| e.on_sale_date.is_some_and(|d| d > today))
        .min_by_key(|e| e.on_sale_date)
        .expect("an edition to come")
        .clone();
    let e = edition.id.to_string();
    let list = store.list_articles(edition.id, today).expect("its pieces");
    let piece = list[list.len() / 2].clone();
    let a = piece.id.to_string();
    let people = store.list_contributors(None).expect("contributors");
    let person = people[people.len() / 2].clone();
    let c = person.id.to_string();
    let mut out: Vec<Line> = Vec::new();
    let mut line = |what: &str, took, base| {
        out.push(Line {
            what: what.to_owned(),
            took,
            base,
        })
    };

    // The desk.
    let t = measure(|| {
        std::hint::black_box(store.dashboard(publication, today, 0).expect("the desk"));
    });
    let b = measure(|| {
        rows(
            &conn,
            // The cards' copy too: the approved draft, else the latest.
            "SELECT a.id, a.title, a.status_id, a.edition_id, e.name, a.version, a.word_target,
                    cd.words, cd.number, asg.state, asg.role, c.name, asg.due_date, asg.created_at
               FROM editions e JOIN articles a ON a.edition_id = e.id AND a.deleted_at IS NULL
               LEFT JOIN drafts cd ON cd.article_id = a.id
                AND cd.number = coalesce((SELECT d.number FROM drafts d WHERE d.id = a.approved_draft_id),
                                         (SELECT max(d.number) FROM drafts d WHERE d.article_id = a.id))
               LEFT JOIN assignments asg ON asg.article_id = a.id AND asg.deleted_at IS NULL
               LEFT JOIN contributors c ON c.id = asg.contributor_id
              WHERE e.publication_id = ?1 AND e.deleted_at IS NULL
                AND (e.on_sale_date IS NULL OR e.on_sale_date > ?2)",
            &[&p, &today.to_string()],
        );
    });
    line("desk", t, Some(b));

    // The editions grid.
    let t = measure(|| {
        std::hint::black_box(store.list_editions(Some(publication)).expect("editions"));
    });
    let b = measure(|| {
        rows(
            &conn,
            "SELECT e.*, (SELECT sum(c.pieces) FROM edition_status_counts c
                           WHERE c.edition_id = e.id) AS pieces
               FROM editions e WHERE e.publication_id = ?1 AND e.deleted_at IS NULL
              ORDER BY e.on_sale_date DESC",
            &[&p],
        );
    });
    line(&format!("editions ({})", editions.len()), t, Some(b));

    // An edition's board, and its list of pieces.
    let filter = BoardFilter {
        edition_id: Some(edition.id),
        ..BoardFilter::default()
    };
    let pieces_sql = "SELECT a.*, s.label, k.label, sec.name, asg.state, asg.role, c.name,
                             asg.due_date, cd.words, cd.number
                        FROM articles a JOIN workflow_statuses s ON s.id = a.status_id
                        JOIN kinds k ON k.id = a.kind_id
                        LEFT JOIN sections sec ON sec.id = a.section_id
                        LEFT JOIN drafts cd ON cd.article_id = a.id AND cd.number =
                             (SELECT max(d.number) FROM drafts d WHERE d.article_id = a.id)
                        LEFT JOIN assignments asg ON asg.article_id = a.id AND asg.deleted_at IS NULL
                        LEFT JOIN contributors c ON c.id = asg.contributor_id
                       WHERE a.edition_id = ?1 AND a.deleted_at IS NULL";
    let t = measure(|| {
        std::hint::black_box(store.board(publication, &filter, today).expect("the board"));
    });
    let b = measure(|| {
        rows(&conn, pieces_sql, &[&e]);
    });
    line(&format!("board, one edition ({})", list.len()), t, Some(b));
    let t = measure(|| {
        std::hint::black_box(store.list_articles(edition.id, today).expect("the list"));
    });
    line("piece list, one edition", t, Some(b));

    // The flatplan.
    let t = measure(|| {
        std::hint::black_box(store.flatplan(edition.id).expect("the flatplan"));
    });
    let b = measure(|| {
        rows(&conn, "SELECT * FROM slots WHERE edition_id = ?1", &[&e]);
        rows(&conn, pieces_sql, &[&e]);
        rows(&conn, "SELECT * FROM adverts WHERE edition_id = ?1", &[&e]);
    });
    line("flatplan", t, Some(b));

    // A piece with its history and drafts.
    let t = measure(|| {
        std::hint::black_box(store.article_detail(piece.id, today).expect("the piece"));
    });
    let b = measure(|| {
        rows(
            &conn,
            "SELECT a.*, s.label FROM articles a JOIN workflow_statuses s ON s.id = a.status_id
              WHERE a.id = ?1",
            &[&a],
        );
        rows(
            &conn,
            "SELECT asg.*, c.name FROM assignments asg JOIN contributors c ON c.id = asg.contributor_id
              WHERE asg.article_id = ?1 AND asg.deleted_at IS NULL",
            &[&a],
        );
        rows(
            &conn,
            "SELECT id, number, file_name, words, submitted_at FROM drafts WHERE article_id = ?1",
            &[&a],
        );
        rows(
            &conn,
            "SELECT c.*, s.at, s.actor FROM changes c JOIN change_sets s ON s.id = c.change_set_id
              WHERE c.entity_id = ?1",
            &[&a],
        );
        rows(&conn, "SELECT * FROM comments WHERE article_id = ?1", &[&a]);
    });
    line("piece, with history and drafts", t, Some(b));

    // The contributors and one of them.
    let t = measure(|| {
        std::hint::black_box(store.list_contributors(None).expect("contributors"));
    });
    let b = measure(|| {
        rows(
            &conn,
            "SELECT c.*, (SELECT k.open FROM contributor_open_counts k
                           WHERE k.contributor_id = c.id)
               FROM contributors c WHERE c.deleted_at IS NULL ORDER BY c.name",
            &[],
        );
    });
    line(&format!("contributors ({})", people.len()), t, Some(b));
    let t = measure(|| {
        std::hint::black_box(store.contributor_detail(person.id).expect("a contributor"));
    });
    let b = measure(|| {
        rows(&conn, "SELECT * FROM contributors WHERE id = ?1", &[&c]);
        rows(
            &conn,
            "SELECT asg.*, a.title, e.name FROM assignments asg
               JOIN articles a ON a.id = asg.article_id JOIN editions e ON e.id = a.edition_id
              WHERE asg.contributor_id = ?1 AND asg.deleted_at IS NULL",
            &[&c],
        );
    });
    line("contributor page", t, Some(b));

    // A month of the calendar, and a search.
    let (from, to) = (today, today + Days::new(30));
    let t = measure(|| {
        std::hint::black_box(
            store
                .calendar(publication, from, to, today)
                .expect("the calendar"),
        );
    });
    let b = measure(|| {
        rows(
            &conn,
            MONTH_DUE_DATES,
            &[&from.to_string(), &to.to_string(), &p],
        );
        rows(
            &conn,
            // The pieces still to come, with their writers' earliest due
            // date (their workflow deadlines are worked out from it).
            "SELECT a.id, a.title, a.status_id, e.name,
                    (SELECT min(asg.due_date) FROM assignments asg
                      WHERE asg.article_id = a.id AND asg.deleted_at IS NULL
                        AND asg.role = 'writer' AND asg.state IN ('offered', 'accepted'))
               FROM editions e
               JOIN articles a ON a.edition_id = e.id AND a.deleted_at IS NULL
              WHERE e.publication_id = ?1 AND e.deleted_at IS NULL
                AND (e.on_sale_date IS NULL OR e.on_sale_date > ?2)",
            &[&p, &today.to_string()],
        );
    });
    line("calendar, a month", t, Some(b));
    let words: Vec<String> = piece
        .standfirst
        .split_whitespace()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let query = words.join(" ");
    let t = measure(|| {
        std::hint::black_box(store.search(publication, &query).expect("a search"));
    });
    let fts = words
        .iter()
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" ");
    let b = measure(|| {
        rows(
            &conn,
            "SELECT d.article_id, a.title, snippet(search_text, -1, '[', ']', '…', 16)
               FROM search_text JOIN search_docs d ON d.id = search_text.rowid
               JOIN articles a ON a.id = d.article_id AND a.deleted_at IS NULL
              WHERE search_text MATCH ?1 ORDER BY rank LIMIT 51",
            &[&fts],
        );
    });
    line(&format!("search {query:?}"), t, Some(b));

    // Named by name, and by id.
    let by_id = measure(|| {
        std::hint::black_box(store.find_article(None, &a).expect("by id"));
    });
    let t = measure(|| {
        std::hint::black_box(store.find_article(None, &piece.title).expect("by title"));
    });
    line("a piece by title (baseline: by id)", t, Some(by_id));
    let by_id = measure(|| {
        std::hint::black_box(store.find_edition(Some(publication), &e).expect("by id"));
    });
    let t = measure(|| {
        std::hint::black_box(
            store
                .find_edition(Some(publication), &edition.name)
                .expect("by name"),
        );
    });
    line("an edition by name (baseline: by id)", t, Some(by_id));
    let by_id = measure(|| {
        std::hint::black_box(store.find_contributor(&c).expect("by id"));
    });
    let t = measure(|| {
        std::hint::black_box(store.find_contributor(&person.name).expect("by name"));
    });
    line("a contributor by name (baseline: by id)", t, Some(by_id));

    // The day's writes, each with its history and search index.
    // Each run moves the next piece of the edition one status on (to
    // one neither final nor spiked).
    let workflow = store.workflow(publication).expect("the workflow");
    let ends: Vec<_> = workflow
        .statuses
        .iter()
        .filter(|s| s.is_final || s.is_spiked)
        .map(|s| s.id)
        .collect();
    let mut now: Vec<(masthead_core::model::ArticleId, _, u32)> = list
        .iter()
        .map(|a| (a.id, a.status_id, a.version))
        .collect();
    let mut turn = 0usize;
    let t = measure(|| {
        for _ in 0..now.len() {
            turn += 1;
            let i = turn % now.len();
            let (id, status, version) = now[i];
            let Some(to) = workflow
                .transitions
                .iter()
                .find(|t| t.from == status && !ends.contains(&t.to))
                .map(|t| t.to)
            else {
                continue;
            };
            let moved = store
                .change_status(&actor, id, Some(version), to)
                .expect("a move");
            now[i] = (id, moved.status_id, moved.version);
            return;
        }
        panic!("no piece can move on");
    });
    line("write: a status move", t, None);
    let mut n = 0u32;
    let t = measure(|| {
        n += 1;
        let input = AssignmentInput {
            contributor_id: people[(n as usize) % people.len()].id,
            role: format!("illustrator {n}"),
            brief: "Four drawings of the high street.".into(),
            word_target: None,
            due_date: Some(today + Days::new(10)),
            fee: None,
            currency: None,
        };
        std::hint::black_box(
            store
                .commission(&actor, piece.id, &input)
                .expect("a commission"),
        );
    });
    line("write: a commission", t, None);
    let t = measure(|| {
        std::hint::black_box(
            store
                .add_comment(&actor, piece.id, "@Sam Sub can you look at the intro?")
                .expect("a comment"),
        );
    });
    line("write: a comment", t, None);
    // A piece with one writer on it: the drafts are hers.
    let other = list
        .iter()
        .find(|a| {
            a.credits
                .iter()
                .filter(|c| c.role == "writer" && c.is_on())
                .count()
                == 1
        })
        .expect("a piece with a writer")
        .id;
    let mut k = 0u32;
    let t = measure(|| {
        k += 1;
        let upload = Upload {
            name: format!("version-{k}.md"),
            bytes: format!("# Version {k}\n\nThe high street, again, in draft {k}.").into_bytes(),
        };
        std::hint::black_box(
            store
                .submit_draft(&actor, other, &upload, None)
                .expect("a draft"),
        );
    });
    line("write: a draft submitted", t, None);

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{} pieces, {} editions, {} contributors; the file {:.0} MB",
        pieces,
        editions.len(),
        people.len(),
        size as f64 / 1e6
    );
    println!(
        "{:<40} {:>8} {:>8} | {:>8} {:>8} | {:>6}",
        "", "p50 ms", "p95 ms", "base p50", "base p95", "p95 ×"
    );
    for l in out {
        match l.base {
            Some((b50, b95)) => println!(
                "{:<40} {:>8.2} {:>8.2} | {:>8.2} {:>8.2} | {:>6.1}",
                l.what,
                ms(l.took.0),
                ms(l.took.1),
                ms(b50),
                ms(b95),
                ms(l.took.1) / ms(b95)
            ),
            None => println!(
                "{:<40} {:>8.2} {:>8.2} |",
                l.what,
                ms(l.took.0),
                ms(l.took.1)
            ),
        }
    }
}
