//! Fifty contributors sending their drafts at once through the page, on a
//! throwaway PostgreSQL server through the page's own login: every draft
//! acknowledged is stored exactly once, recorded as its writer's. Prints
//! each upload's p50 and p95, all at once against one at a time in the same
//! run (`cargo test -p masthead-serve --test it load -- --nocapture`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use masthead_core::model::{ArticleInput, AssignmentInput, ContributorInput, ContributorKind};
use masthead_core::{Actor, Store};
use masthead_serve::{App, Config, Limits};

use crate::{browser_in, csrf_of, seed_docx, upload_form};

const WRITERS: usize = 50;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_contributors_send_drafts_at_once_and_each_is_stored_once() {
    let url = tokio::task::spawn_blocking(|| {
        masthead_pgtest::cluster().database(|t| {
            Store::open_location(t).unwrap();
        })
    })
    .await
    .unwrap();
    let actor = Actor::new("Tess Editor").unwrap();
    let (page, writers) = tokio::task::spawn_blocking({
        let url = url.clone();
        move || {
            let mut admin = Store::open_location(&url).unwrap();
            let edition = admin.load_demo(&actor).unwrap();
            let today = chrono::Utc::now().date_naive();
            let kind = admin.list_articles(edition, today).unwrap()[0].kind_id;
            let mut writers = Vec::new();
            for n in 0..WRITERS {
                let name = format!("Writer {n:02}");
                let piece = admin
                    .add_article(
                        &actor,
                        edition,
                        &ArticleInput {
                            title: format!("Piece {n:02}"),
                            standfirst: String::new(),
                            section_id: None,
                            kind_id: kind,
                            word_target: None,
                            notes: String::new(),
                        },
                    )
                    .unwrap();
                let who = admin
                    .add_contributor(
                        &actor,
                        &ContributorInput {
                            name: name.clone(),
                            role: String::new(),
                            organisation: String::new(),
                            email: Some(format!("writer{n}@example.org")),
                            phone: String::new(),
                            kind: ContributorKind::Freelance,
                            notes: String::new(),
                        },
                    )
                    .unwrap();
                let offer = admin
                    .commission(
                        &actor,
                        piece.id,
                        &AssignmentInput {
                            contributor_id: who.id,
                            role: "writer".into(),
                            brief: "Four hundred and eighty words.".into(),
                            word_target: Some(500),
                            due_date: None,
                            fee: None,
                            currency: None,
                        },
                    )
                    .unwrap()
                    .item;
                admin
                    .answer_assignment(&actor, offer.id, Some(offer.version), true)
                    .unwrap();
                let token = admin
                    .contributor_link(&actor, who.id, 30, None)
                    .unwrap()
                    .token;
                writers.push((name, piece.id, offer.id, token));
            }
            (admin.page_login().unwrap(), writers)
        }
    })
    .await
    .unwrap();

    let signed = page.url.replacen(
        &format!("://{}@", page.login),
        &format!("://{}:{}@", page.login, page.password),
        1,
    );
    let stores = tokio::task::spawn_blocking(move || masthead_serve::open_store(&signed, 8))
        .await
        .unwrap()
        .unwrap();
    let app = App::with_stores(
        stores,
        Config {
            public_url: None,
            secure_cookies: false,
            behind_proxy: false,
            // Every writer comes from 127.0.0.1 here: the limit per address
            // would stand for fifty people behind one office's router.
            limits: Limits {
                per_address_rate: 1000.0,
                per_address_burst: 1000.0,
                link_tries_rate: 1000.0,
                link_tries_burst: 1000.0,
                connections_per_address: 200,
                ..Limits::default()
            },
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(masthead_serve::serve(listener, app, None));

    // Each writer opens her page; then, as the baseline, each sends the
    // seed article as .odt in turn, alone; then all send it as .docx at once.
    let mut browsers = Vec::new();
    for (_, _, assignment, token) in &writers {
        let b = browser_in(Arc::new(reqwest::cookie::Jar::default()));
        b.get(format!("{base}/l/{token}")).send().await.unwrap();
        let page = b.get(format!("{base}/")).send().await.unwrap();
        let csrf = csrf_of(&page.text().await.unwrap());
        browsers.push((b, csrf, *assignment));
    }
    let odt = std::fs::read(crate::repo_root().join("tests/fixtures/drafts/leeds.odt")).unwrap();
    let mut alone = Vec::new();
    for (b, csrf, assignment) in &browsers {
        let sent = Instant::now();
        let r = b
            .post(format!("{base}/draft"))
            .multipart(upload_form(csrf, *assignment, "leeds.odt", odt.clone()))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        alone.push(sent.elapsed());
    }
    let start = Arc::new(tokio::sync::Barrier::new(WRITERS));
    let docx = Arc::new(seed_docx());
    let mut tasks = Vec::new();
    for (b, csrf, assignment) in browsers {
        let (base, start, docx) = (base.clone(), start.clone(), docx.clone());
        tasks.push(tokio::spawn(async move {
            start.wait().await;
            let sent = Instant::now();
            let r = b
                .post(format!("{base}/draft"))
                .multipart(upload_form(&csrf, assignment, "leeds.docx", docx.to_vec()))
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), sent.elapsed())
        }));
    }
    let mut together = Vec::new();
    let mut statuses = std::collections::BTreeMap::new();
    for t in tasks {
        let (status, elapsed) = t.await.unwrap();
        *statuses.entry(status).or_insert(0) += 1;
        together.push(elapsed);
    }
    let (a50, a95) = quantiles(&mut alone);
    let (t50, t95) = quantiles(&mut together);
    eprintln!(
        "LOAD {WRITERS} uploads through the page on a team server: one at a time p50 {a50:?} p95 {a95:?}; \
         all at once p50 {t50:?} p95 {t95:?} ({:.1}x, {:.1}x); statuses {statuses:?}",
        t50.as_secs_f64() / a50.as_secs_f64(),
        t95.as_secs_f64() / a95.as_secs_f64(),
    );
    assert_eq!(statuses.get(&303), Some(&WRITERS), "{statuses:?}");

    // Every one stored once, as its writer's.
    let check = tokio::task::spawn_blocking(move || {
        let admin = Store::open_location(&url).unwrap();
        for (name, piece, _, _) in writers {
            let drafts = admin.drafts(piece).unwrap();
            let files: Vec<&str> = drafts.iter().map(|d| d.file_name.as_str()).collect();
            assert_eq!(files, ["leeds.docx", "leeds.odt"], "{name}");
            for d in &drafts {
                assert_eq!(d.recorded_by, name);
                assert_eq!(d.contributor.as_deref(), Some(name.as_str()));
                assert_eq!(d.words, 484);
            }
        }
    });
    check.await.unwrap();
}

/// The median and the 95th percentile.
fn quantiles(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    (at(0.5), at(0.95))
}
