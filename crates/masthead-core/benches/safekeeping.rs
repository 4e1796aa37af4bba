//! Keeping a large file safe: on the generated database of 60,000 pieces,
//! the times of `backup`, `check`, `export json`, `import json` and
//! `restore`, each against a baseline measured in the same run on the same
//! file: SQLite's own `VACUUM INTO` (a whole copy) for the backup and the
//! restore, `PRAGMA integrity_check` for the check, and reading every row
//! of every table for the export and the import. Also the time of one
//! request through the store process against the same call in process.
//!
//! Run: `cargo bench -p masthead-core --bench safekeeping` (add
//! `-- --keep DIR` to keep the generated database).

use std::time::{Duration, Instant};

use masthead_core::Store;
use masthead_core::service::{OpenMode, StoreProcess, calls};

mod common;

use common::*;

fn time<T>(mut run: impl FnMut() -> T) -> Duration {
    let runs = 3;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(run());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let (path, tmp) = bench_path();
    let g = generate(&path);
    let dir = tmp.path().to_path_buf();
    let mut store = Store::open(&path).expect("the generated database");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let conn = rusqlite::Connection::open(&path).expect("a baseline connection");
    let mut n = 0;
    let mut fresh = |what: &str| {
        n += 1;
        dir.join(format!("{what}-{n}.db"))
    };

    let backup = time(|| store.backup_to(&fresh("backup")).expect("a backup"));
    let vacuum = time(|| {
        conn.execute("VACUUM INTO ?1", [fresh("vacuum").display().to_string()])
            .expect("VACUUM INTO")
    });

    let check = time(|| {
        let report = store.check().expect("the check");
        assert!(report.is_clean(), "{:?}", report.problems.first());
    });
    let integrity = time(|| {
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(ok, "ok");
    });

    let export = dir.join("export.jsonl");
    let exported = time(|| {
        let _ = std::fs::remove_file(&export);
        store.export_json_to(&export).expect("the export")
    });
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let read_all = time(|| {
        let mut cells = 0usize;
        for t in &tables {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{t}\""))
                .expect("a scan");
            let columns = stmt.column_count();
            let mut rows = stmt.query([]).expect("rows");
            while let Some(row) = rows.next().expect("a row") {
                for i in 0..columns {
                    let v: rusqlite::types::Value = row.get(i).expect("a cell");
                    std::hint::black_box(v);
                    cells += 1;
                }
            }
        }
        cells
    });
    let imported = time(|| {
        let mut into = Store::open(fresh("import")).expect("an empty file");
        into.import_json_from(&export).expect("the import")
    });

    let source = fresh("restore-source");
    store.backup_to(&source).expect("a backup to restore");
    let restore = time(|| store.restore_from(&source).expect("the restore"));

    // One small request through the store process against in process.
    let mut process =
        StoreProcess::open(&store_binary(), &path, OpenMode::Existing).expect("the store process");
    let who = masthead_core::Actor::new("Bench").expect("a name");
    let (through, _) = measure(|| {
        std::hint::black_box(
            process
                .call(&who, calls::edition(g.first))
                .expect("an edition"),
        );
    });
    let (direct, _) = measure(|| {
        std::hint::black_box(store.edition(g.first).expect("an edition"));
    });

    let s = |d: Duration| d.as_secs_f64();
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    println!(
        "safekeeping on {} pieces ({} MB file, generated in {:.1} s):",
        EDITIONS * PIECES_PER_EDITION,
        size / 1_000_000,
        s(g.took)
    );
    println!(
        "  backup        {:>7.3} s   VACUUM INTO     {:>7.3} s   ratio {:.2}",
        s(backup),
        s(vacuum),
        ratio(backup, vacuum)
    );
    println!(
        "  restore       {:>7.3} s   VACUUM INTO     {:>7.3} s   ratio {:.2}",
        s(restore),
        s(vacuum),
        ratio(restore, vacuum)
    );
    println!(
        "  check         {:>7.3} s   integrity_check {:>7.3} s   ratio {:.2}",
        s(check),
        s(integrity),
        ratio(check, integrity)
    );
    println!(
        "  export json   {:>7.3} s   read every row  {:>7.3} s   ratio {:.2}",
        s(exported),
        s(read_all),
        ratio(exported, read_all)
    );
    println!(
        "  import json   {:>7.3} s   read every row  {:>7.3} s   ratio {:.2}",
        s(imported),
        s(read_all),
        ratio(imported, read_all)
    );
    println!(
        "  one request   {:>7.3} ms through the store process, {:.3} ms in process (ratio {:.2})",
        through.as_secs_f64() * 1000.0,
        direct.as_secs_f64() * 1000.0,
        ratio(through, direct)
    );
}

/// The `masthead` program beside the bench binary's build folder.
fn store_binary() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("the bench binary");
    let debug_or_release = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("a build folder");
    let binary = debug_or_release.join("masthead");
    assert!(
        binary.exists(),
        "build the store program first: cargo build --release -p masthead-cli ({})",
        binary.display()
    );
    binary
}
