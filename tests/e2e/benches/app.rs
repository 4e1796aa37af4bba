//! The app as a user meets it on years of work: the time from starting it
//! to its first screen drawn, a click to the board, the flatplan and a
//! piece drawn, and the memory of the app's processes once loaded.
//!
//! ```text
//! masthead --db /tmp/archive.db dev generate --pieces 600000
//! cargo build --release -p masthead-app
//! DISPLAY=:97 MASTHEAD_APP_BINARY=target/release/masthead-app \
//!     cargo bench -p masthead-e2e --bench app -- /tmp/archive.db [--clicks 21] [--size 1280x800]
//! ```
//!
//! The app opens the archive itself (it only reads it; its daily backup
//! goes to a temporary folder). A click is timed inside the webview with
//! `performance.now()`: from the click to the frame in which the new
//! screen's rows are laid out (a `requestAnimationFrame` after they appear,
//! with the layout forced), so a slow query, a slow render or a slow
//! layout all count.

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use masthead_e2e::App;
use serde_json::{Value, json};
use thirtyfour::By;

/// Clicks the first element matching `click` (or, with `text`, the first
/// whose text starts with it) and resolves with the milliseconds until an
/// element matching `target` is in the page (`in_page`) and laid out in a
/// frame (`ms`), and the app's commands called meanwhile: `[command, ms
/// after the click it was called, ms it took]`. The commands are timed as
/// Tauri makes them, fetches of `ipc://localhost/<command>`; each one's
/// last arguments are kept for [`IPC_ALONE`].
const CLICK_TO_DRAWN: &str = r#"
const [click, text, target, done] = arguments;
const found = [...document.querySelectorAll(click)]
  .find((e) => text === null || e.textContent.trim().startsWith(text));
if (!found) { done({ error: "nothing to click: " + click + " " + text }); return; }
const bench = (window.__bench ??= { calls: [], args: {}, t0: 0 });
if (!bench.timed) {
  const fetch = window.fetch.bind(window);
  window.fetch = (url, init) => {
    const began = performance.now();
    const cmd = decodeURIComponent(String(url).split("/").pop());
    if (init && typeof init.body === "string") bench.args[cmd] = init.body;
    const settle = () => bench.calls.push([cmd, Math.round(began - bench.t0), Math.round(performance.now() - began)]);
    return fetch(url, init).then((v) => { settle(); return v; }, (e) => { settle(); throw e; });
  };
  bench.timed = true;
}
bench.calls = [];
const t0 = performance.now();
bench.t0 = t0;
const drawn = () => {
  const inPage = performance.now() - t0;
  requestAnimationFrame(() => {
    document.querySelector(target).getBoundingClientRect();
    done({ ms: performance.now() - t0, in_page: inPage, calls: bench.calls.slice() });
  });
};
if (document.querySelector(target)) { done({ error: "already there: " + target }); return; }
const watch = new MutationObserver(() => {
  if (document.querySelector(target)) { watch.disconnect(); drawn(); }
});
watch.observe(document.body, { childList: true, subtree: true });
found.click();
"#;

/// Calls the command `cmd` again `runs` times with its last arguments,
/// drawing nothing: the milliseconds each took (the app's command, the
/// store's read and the way there and back, without the screen).
const IPC_ALONE: &str = r#"
const [cmd, runs, done] = arguments;
const args = window.__bench?.args[cmd];
if (args === undefined) { done({ error: "no call of " + cmd + " to repeat" }); return; }
(async () => {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await window.__TAURI_INTERNALS__.invoke(cmd, JSON.parse(args));
    ms.push(performance.now() - t);
  }
  done({ ms });
})().catch((e) => done({ error: String(e) }));
"#;

/// Resolves with `performance.now()` (milliseconds since the page began
/// loading) once `target` is in the page and laid out.
const LOADED_AT: &str = r#"
const [target, done] = arguments;
const drawn = () => requestAnimationFrame(() => {
  document.querySelector(target).getBoundingClientRect();
  done(performance.now());
});
if (document.querySelector(target)) { drawn(); return; }
const watch = new MutationObserver(() => {
  if (document.querySelector(target)) { watch.disconnect(); drawn(); }
});
watch.observe(document.body, { childList: true, subtree: true });
"#;

const DESK: &str = ".desk [data-article-id]";
const GRID: &str = "[data-edition-id]";
const SIDEBAR: &str = "nav.sidebar button";
const BOARD: &str = "[data-card-id]";
const FLATPLAN: &str = ".flatplan [data-page]";
const PIECE: &str = "aside.drawer #drawer-title";

/// One click, timed in the webview.
struct Click {
    /// To the new rows laid out in a frame.
    drawn: f64,
    /// To the new rows in the page (the data arrived and rendered).
    in_page: f64,
    /// The slowest command the click waited for.
    slowest_call: f64,
}

async fn click_to_drawn(app: &App, click: &str, text: Option<&str>, target: &str) -> Result<Click> {
    let ret = app
        .driver
        .execute_async(
            CLICK_TO_DRAWN,
            vec![json!(click), json!(text), json!(target)],
        )
        .await?;
    let v = ret.json();
    if std::env::var_os("MASTHEAD_BENCH_CALLS").is_some() {
        eprintln!("{click} {text:?}: {v}");
    }
    let (Some(drawn), Some(in_page)) = (
        v.get("ms").and_then(Value::as_f64),
        v.get("in_page").and_then(Value::as_f64),
    ) else {
        bail!("{click} {text:?} → {target}: {v}");
    };
    // Only the calls made after the click (not a refresh already on its way).
    let slowest_call = v["calls"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| c[1].as_f64().is_some_and(|at| at >= 0.0))
        .filter_map(|c| c[2].as_f64())
        .fold(0.0, f64::max);
    Ok(Click {
        drawn,
        in_page,
        slowest_call,
    })
}

/// `cmd` called `runs` times with its last arguments, drawing nothing.
async fn ipc_alone(app: &App, cmd: &str, runs: usize) -> Result<Vec<f64>> {
    let ret = app
        .driver
        .execute_async(IPC_ALONE, vec![json!(cmd), json!(runs)])
        .await?;
    let v = ret.json();
    match v.get("ms").and_then(Value::as_array) {
        Some(ms) => Ok(ms.iter().filter_map(Value::as_f64).collect()),
        None => bail!("{cmd} alone: {v}"),
    }
}

/// Resident memory (kB) of each of this machine's processes named `name`.
fn resident_kb(name: &str) -> Vec<u64> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let dir = entry.path();
        let comm = std::fs::read_to_string(dir.join("comm")).unwrap_or_default();
        if comm.trim_end() != name {
            continue;
        }
        let status = std::fs::read_to_string(dir.join("status")).unwrap_or_default();
        if let Some(kb) = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        {
            found.push(kb);
        }
    }
    found
}

/// Whether a finished backup (`NAME-DATE.db`, not a hidden partial copy)
/// is in `dir` or the folder for the database inside it.
fn backup_taken(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                backup_taken(&path)
            } else {
                name.ends_with(".db") && !name.starts_with('.')
            }
        })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

fn report(label: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    println!(
        "| {label} | {:.1} | {:.1} | {} |",
        percentile(&ms, 0.5),
        percentile(&ms, 0.95),
        ms.len()
    );
}

struct Start {
    /// From asking for the window to the desk's rows drawn, wall clock.
    wall_ms: f64,
    /// The same, from the webview's own start (`performance.now()`).
    page_ms: f64,
}

async fn start(db: &str, backups: tempfile::TempDir) -> Result<(App, Start)> {
    let asked = Instant::now();
    let app = App::start_keeping_backups("Bench Editor", Some(db), backups).await?;
    let page_ms = app
        .driver
        .execute_async(LOADED_AT, vec![json!(DESK)])
        .await?
        .json()
        .as_f64()
        .context("the desk's time")?;
    let wall_ms = asked.elapsed().as_secs_f64() * 1000.0;
    Ok((app, Start { wall_ms, page_ms }))
}

#[tokio::main]
async fn main() -> Result<()> {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut db = None;
    let mut clicks = 21usize;
    let mut window: Option<(u32, u32)> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--clicks" => clicks = args.next().context("--clicks N")?.parse()?,
            "--size" => {
                let size = args.next().context("--size WIDTHxHEIGHT")?;
                let (w, h) = size.split_once('x').context("--size WIDTHxHEIGHT")?;
                window = Some((w.parse()?, h.parse()?));
            }
            _ => db = Some(a),
        }
    }
    let db = db.context(
        "usage: cargo bench -p masthead-e2e --bench app -- ARCHIVE.db [--clicks N] [--size WxH]",
    )?;
    if !std::path::Path::new(&db).exists() {
        bail!(
            "{db} does not exist: make one with `masthead --db {db} dev generate --pieces 60000`"
        );
    }
    println!("app: {}", masthead_e2e::app_binary()?.display());

    // The day's first open starts the daily backup (beside the work);
    // later opens find it taken. The first app is left open until the
    // copy is done, so the later opens are measured without it.
    let began = Instant::now();
    let (app, first) = start(&db, tempfile::tempdir()?).await?;
    let backup_s = loop {
        if backup_taken(app.backups.path()) {
            break began.elapsed().as_secs_f64();
        }
        if began.elapsed() > Duration::from_secs(1800) {
            bail!("the day's backup was not taken within 30 minutes");
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    let mut backups = app.quit_keeping_backups().await?;
    let mut later = Vec::new();
    let app = loop {
        let (app, again) = start(&db, backups).await?;
        later.push(again);
        if later.len() == 3 {
            break app;
        }
        backups = app.quit_keeping_backups().await?;
    };
    println!();
    println!("| start to the desk drawn | wall clock ms | in the webview ms |");
    println!("|---|---|---|");
    println!(
        "| the day's first open (with its backup) | {:.0} | {:.0} |",
        first.wall_ms, first.page_ms
    );
    for s in &later {
        println!("| a later open | {:.0} | {:.0} |", s.wall_ms, s.page_ms);
    }
    println!();
    println!("the day's backup, taken beside the work: done {backup_s:.1} s after the start");

    if let Some((w, h)) = window {
        app.resize(w, h).await?;
    }
    // The editions grid, then an edition (the first in the grid, the
    // newest), then its board, a piece and its flatplan, over and over.
    let grid = click_to_drawn(&app, SIDEBAR, Some("Editions"), GRID).await?;
    let rendered = app.driver.find_all(By::Css(GRID)).await?.len();
    let memory = (resident_kb("masthead-app"), resident_kb("WebKitWebProces"));
    let edition = click_to_drawn(&app, GRID, None, ".edition [data-article-id]").await?;

    let (mut boards, mut flatplans, mut pieces) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..clicks {
        boards.push(click_to_drawn(&app, SIDEBAR, Some("Board"), BOARD).await?);
        pieces.push(click_to_drawn(&app, BOARD, None, PIECE).await?);
        app.driver
            .execute(
                "document.querySelector('aside.drawer button[aria-label^=Close]')?.click()",
                vec![],
            )
            .await?;
        let closed = Instant::now();
        while !app.driver.find_all(By::Css(PIECE)).await?.is_empty() {
            if closed.elapsed() > Duration::from_secs(5) {
                bail!("the piece's drawer did not close");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        flatplans.push(click_to_drawn(&app, SIDEBAR, Some("Flatplan"), FLATPLAN).await?);
    }
    println!();
    println!("| click to drawn | p50 ms | p95 ms | clicks |");
    println!("|---|---|---|---|");
    let lines = [
        ("the editions grid", vec![grid]),
        ("an edition's pieces", vec![edition]),
        ("the edition's board", boards),
        ("a piece (its drawer)", pieces),
        ("the edition's flatplan", flatplans),
    ];
    for (label, clicks) in &lines {
        report(label, clicks.iter().map(|c| c.drawn).collect());
    }
    println!();
    println!(
        "| where a click's time goes (p50 ms) | the slowest command it waited for | to its rows in the page | to them drawn |"
    );
    println!("|---|---|---|---|");
    for (label, clicks) in &lines {
        let p50 = |f: fn(&Click) -> f64| {
            let mut v: Vec<f64> = clicks.iter().map(f).collect();
            v.sort_by(f64::total_cmp);
            percentile(&v, 0.5)
        };
        println!(
            "| {label} | {:.0} | {:.0} | {:.0} |",
            p50(|c| c.slowest_call),
            p50(|c| c.in_page),
            p50(|c| c.drawn)
        );
    }
    println!();
    println!("| the same commands alone, drawing nothing | p50 ms | p95 ms | calls |");
    println!("|---|---|---|---|");
    for cmd in [
        "list_editions", "list_articles", "board", "article_detail", "flatplan",
    ] {
        report(cmd, ipc_alone(&app, cmd, clicks).await?);
    }
    // The floor under every click: how often the webview draws a frame
    // when nothing changes (a click is drawn at the earliest in the next).
    let frames = app
        .driver
        .execute_async(
            "const done = arguments[0]; let n = 0; const t = performance.now();
             const tick = () => { n++; if (performance.now() - t < 1000) requestAnimationFrame(tick); else done(n); };
             requestAnimationFrame(tick);",
            vec![],
        )
        .await?;
    println!();
    println!(
        "frames the idle webview draws in a second: {}",
        frames.json()
    );
    println!("editions grid: {rendered} cards in the page");
    println!(
        "memory once loaded (VmRSS): masthead-app {:?} kB, WebKitWebProcess {:?} kB",
        memory.0, memory.1
    );
    app.quit().await?;
    Ok(())
}
