//! What the benches share: a generated database of 200 editions × 300
//! pieces (60,000 pieces, each with a writer), and timing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use masthead_core::model::{EditionId, EditionInput, PublicationId, PublicationInput};
use masthead_core::{Actor, Store};
use rusqlite::params;

pub const EDITIONS: usize = 200;
pub const PIECES_PER_EDITION: usize = 300;
pub const CONTRIBUTORS: usize = 500;
pub const RUNS: usize = 300;

pub fn id() -> String {
    uuid::Uuid::now_v7().to_string()
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

pub fn measure(mut run: impl FnMut()) -> (Duration, Duration) {
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

/// Where the database goes: `--keep DIR`, else a temporary folder (kept
/// alive by the returned guard).
pub fn bench_path() -> (PathBuf, tempfile::TempDir) {
    let args: Vec<String> = std::env::args().collect();
    let keep = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let dir = keep.unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the database directory");
    let path = dir.join("bench.db");
    let _ = std::fs::remove_file(&path);
    (path, tmp)
}

/// A monthly print publication, "PSE", for the benches to fill.
pub fn publication(store: &mut Store, actor: &Actor) -> PublicationId {
    store
        .create_publication(
            actor,
            &PublicationInput {
                name: "PSE".into(),
                frequency: "Monthly".into(),
                is_print: true,
            },
        )
        .expect("a publication")
        .id
}

/// The generated database: its publication, the first edition (the one
/// measured) and how long generating took.
pub struct Generated {
    pub publication: PublicationId,
    pub first: EditionId,
    pub took: Duration,
}

/// Generates the database at `path`: the use cases make the publication and
/// the first edition, bulk SQL the rest (the use cases would write history
/// for each row).
pub fn generate(path: &Path) -> Generated {
    let path = path.to_path_buf();
    let started = Instant::now();
    let actor = Actor::new("Bench").expect("an actor");
    let mut store = Store::open(&path).expect("a new database");
    let publication = publication(&mut store, &actor);
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

    {
        let mut conn = rusqlite::Connection::open(&path).expect("the database");
        masthead_core::add_sqlite_functions(&conn).expect("Masthead's SQL function");
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
    Generated {
        publication,
        first,
        took: generated,
    }
}

/// The calendar's baseline: a month's due dates of live commissions in a
/// publication (`?1`..`?2`, publication `?3`), with what each line shows.
pub const MONTH_DUE_DATES: &str =
    "SELECT asg.id, asg.due_date, a.title, c.name, e.name FROM assignments asg
   JOIN articles a ON a.id = asg.article_id AND a.deleted_at IS NULL
   JOIN editions e ON e.id = a.edition_id AND e.deleted_at IS NULL
   JOIN contributors c ON c.id = asg.contributor_id
  WHERE asg.due_date BETWEEN ?1 AND ?2 AND asg.deleted_at IS NULL
    AND asg.state IN ('offered', 'accepted') AND e.publication_id || '' = ?3";
