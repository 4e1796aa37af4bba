//! Fifty clients at once, each with its own connection, moving, editing and
//! submitting drafts on one edition: no acknowledged change may be lost
//! (every one is in the final state and the history), a stale save is
//! reported as a conflict, and no deadlock, serialization failure or busy
//! database reaches a user. Run on the team server and, as the baseline, on
//! a file. `MASTHEAD_LOAD_SECONDS` sets each run's length (default 5; the
//! closing note's figures come from 30, in release:
//! `MASTHEAD_LOAD_SECONDS=30 cargo test --release -p masthead-core --test it load -- --nocapture`).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use masthead_core::model::{ArticleId, ArticleInput};
use masthead_core::{Actor, Store, Upload};

use crate::today;

const CLIENTS: usize = 50;

#[derive(Default)]
struct Tally {
    /// (piece, version) each acknowledged move or edit left the piece at.
    versions: Vec<(ArticleId, u32)>,
    /// Version bumps acknowledged per piece (moves, edits, a first draft's move).
    bumps: HashMap<ArticleId, u32>,
    /// The notes each acknowledged edit wrote.
    notes: Vec<(ArticleId, String)>,
    drafts: Vec<(ArticleId, u32)>,
    conflicts: u32,
    refusals: u32,
    /// A file's writers waited past the busy timeout ("locked").
    busy: u32,
    failures: Vec<String>,
    latencies: Vec<Duration>,
}

/// A small deterministic generator, one per client.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn client(n: usize, mut store: Store, pieces: &[ArticleId], until: Instant, tally: &Mutex<Tally>) {
    let actor = Actor::new(&format!("Client {n}")).unwrap();
    let mut rng = Lcg(n as u64 + 1);
    let mut k = 0;
    while Instant::now() < until {
        k += 1;
        let id = pieces[rng.below(pieces.len())];
        let detail = match store.article_detail(id, today()) {
            Ok(d) => d,
            Err(e) => {
                tally.lock().unwrap().failures.push(format!("read: {e}"));
                continue;
            }
        };
        let v = detail.article.version;
        let started = Instant::now();
        let roll = rng.below(100);
        let has_writer = detail.assignments.iter().any(|a| {
            a.role == "writer"
                && matches!(
                    a.state,
                    masthead_core::model::AssignmentState::Offered
                        | masthead_core::model::AssignmentState::Accepted
                )
        });
        let outcome: Result<(), masthead_core::Error> = if roll < 20 && has_writer {
            let upload = Upload {
                name: format!("client-{n}-{k}.txt"),
                bytes: format!("Draft {k} from client {n}: words enough to count here.\n")
                    .into_bytes(),
            };
            store.submit_draft(&actor, id, &upload, None).map(|saved| {
                let mut t = tally.lock().unwrap();
                t.drafts.push((id, saved.item.draft.version));
                if saved.item.moved_to.is_some() {
                    *t.bumps.entry(id).or_default() += 1;
                }
            })
        } else if roll < 60 && !detail.next_statuses.is_empty() {
            let to = detail.next_statuses[rng.below(detail.next_statuses.len())].id;
            store.change_status(&actor, id, Some(v), to).map(|a| {
                let mut t = tally.lock().unwrap();
                t.versions.push((id, a.version));
                *t.bumps.entry(id).or_default() += 1;
            })
        } else {
            let mut input = ArticleInput::from(&detail.article);
            let token = format!("client {n} edit {k}");
            input.notes = token.clone();
            store.update_article(&actor, id, Some(v), &input).map(|a| {
                let mut t = tally.lock().unwrap();
                t.versions.push((id, a.version));
                t.notes.push((id, token));
                *t.bumps.entry(id).or_default() += 1;
            })
        };
        let took = started.elapsed();
        let mut t = tally.lock().unwrap();
        t.latencies.push(took);
        match outcome {
            Ok(()) => {}
            Err(e) if e.code() == "conflict" => t.conflicts += 1,
            Err(e) if e.code() == "database_locked" => t.busy += 1,
            // The workflow's own refusals (a spiked piece's draft, say).
            Err(e) if e.is_user_error() => t.refusals += 1,
            Err(e) => t.failures.push(format!("{}: {e}", e.code())),
        }
    }
}

/// Runs the load on stores `open` makes, then checks the final state.
/// `may_be_busy`: a file may answer "locked" when fifty writers queue past
/// its busy timeout (counted and reported); a server never may.
fn run(engine: &str, may_be_busy: bool, open: impl Fn() -> Store + Sync) -> (f64, Duration) {
    let seconds: u64 = std::env::var("MASTHEAD_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let mut setup = open();
    let actor = Actor::new("Tess Editor").unwrap();
    let edition = setup.load_demo(&actor).unwrap();
    let start: Vec<_> = setup.list_articles(edition, today()).unwrap();
    let pieces: Vec<ArticleId> = start.iter().map(|a| a.id).collect();
    let initial: HashMap<ArticleId, u32> = start.iter().map(|a| (a.id, a.version)).collect();
    let drafts_before: usize = pieces.iter().map(|p| setup.drafts(*p).unwrap().len()).sum();

    let tally = Arc::new(Mutex::new(Tally::default()));
    let stores: Vec<Store> = (0..CLIENTS).map(|_| open()).collect();
    let began = Instant::now();
    let until = began + Duration::from_secs(seconds);
    std::thread::scope(|scope| {
        for (n, store) in stores.into_iter().enumerate() {
            let (tally, pieces) = (&tally, &pieces);
            scope.spawn(move || client(n, store, pieces, until, tally));
        }
    });
    let elapsed = began.elapsed();
    let t = tally.lock().unwrap();

    assert!(
        may_be_busy || t.busy == 0,
        "{engine}: {} saves found the database locked",
        t.busy
    );
    assert!(
        t.failures.is_empty(),
        "{engine}: {} failures reached a user: {:?}",
        t.failures.len(),
        &t.failures[..t.failures.len().min(5)]
    );
    // No version was acknowledged twice: no two clients both won it.
    let mut seen = HashSet::new();
    for pv in &t.versions {
        assert!(
            seen.insert(*pv),
            "{engine}: version {} of {} acknowledged twice",
            pv.1,
            pv.0
        );
    }
    for id in &pieces {
        let detail = setup.article_detail(*id, today()).unwrap();
        let bumps = t.bumps.get(id).copied().unwrap_or(0);
        assert_eq!(
            detail.article.version,
            initial[id] + bumps,
            "{engine}: the piece's version is not its acknowledged changes"
        );
        // Every acknowledged edit is in the history.
        let history: HashSet<&str> = detail
            .history
            .iter()
            .filter(|h| h.field.as_deref() == Some("notes"))
            .filter_map(|h| h.new_value.as_deref())
            .collect();
        for (_, token) in t.notes.iter().filter(|(p, _)| p == id) {
            assert!(
                history.contains(token.as_str()),
                "{engine}: lost edit {token}"
            );
        }
        let versions: HashSet<u32> = detail.drafts.iter().map(|d| d.version).collect();
        for (_, v) in t.drafts.iter().filter(|(p, _)| p == id) {
            assert!(versions.contains(v), "{engine}: lost draft version {v}");
        }
    }
    let drafts_after: usize = pieces.iter().map(|p| setup.drafts(*p).unwrap().len()).sum();
    assert_eq!(
        drafts_after - drafts_before,
        t.drafts.len(),
        "{engine}: drafts"
    );

    let acked = t.versions.len() + t.drafts.len();
    assert!(
        acked > 0 && t.conflicts > 0,
        "{engine}: the load did too little ({acked} saves, {} conflicts)",
        t.conflicts
    );
    let mut latencies = t.latencies.clone();
    latencies.sort();
    let p = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let throughput = acked as f64 / elapsed.as_secs_f64();
    println!(
        "{engine}: {CLIENTS} clients, {:.1} s: {acked} saves acknowledged ({throughput:.0}/s), {} conflicts, {} refusals, {} locked, 0 failures; latency p50 {:?}, p95 {:?}",
        elapsed.as_secs_f64(),
        t.conflicts,
        t.refusals,
        t.busy,
        p(0.50),
        p(0.95)
    );
    (throughput, p(0.95))
}

#[test]
fn fifty_clients_lose_no_update_on_a_server_or_a_file() {
    let url = masthead_pgtest::cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let (server, server_p95) = run("team server", false, || Store::open_location(&url).unwrap());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("load.db");
    let (local, local_p95) = run("file", true, || Store::open(&file).unwrap());
    println!(
        "server/file: throughput {:.2}×, p95 {:.2}×",
        server / local,
        server_p95.as_secs_f64() / local_p95.as_secs_f64()
    );
}
