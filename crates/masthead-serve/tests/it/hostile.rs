//! The page attacked: each refused with the right status, nothing stored.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use masthead_core::model::AssignmentState;
use masthead_serve::Limits;

use crate::{browser, seed_docx, signed_in, site, upload_form};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guessed_revoked_or_expired_link_opens_nothing() {
    let s = site(Limits::default()).await;
    let b = browser();
    let token = s.link(s.hannah);
    let mut guessed = token.clone().into_bytes();
    guessed[10] = if guessed[10] == b'a' { b'b' } else { b'a' };
    let guessed = String::from_utf8(guessed).unwrap();
    for (path, status) in [
        (format!("/l/{guessed}"), 403),
        ("/l/short".to_owned(), 403),
        ("/l/..%2F..%2Fetc%2Fpasswd".to_owned(), 403),
        ("/".to_owned(), 401),
        ("/draft/x/1".to_owned(), 401),
    ] {
        let r = b.get(format!("{}{path}", s.url)).send().await.unwrap();
        assert_eq!(r.status(), status, "{path}");
        assert!(r.headers().get("set-cookie").is_none(), "{path}");
        let text = r.text().await.unwrap();
        assert!(
            !text.contains("SELECT") && !text.contains("panicked"),
            "{text}"
        );
    }

    // Revoked while her browser holds a session: the next request ends.
    let (b, csrf) = signed_in(&s, &token).await;
    s.store()
        .revoke_contributor_links(&s.editor, s.hannah)
        .unwrap();
    assert_eq!(
        b.get(format!("{}/", s.url)).send().await.unwrap().status(),
        410
    );
    let answer = crate::answer(&b, &s, &csrf, s.hers, "accept").await;
    assert_eq!(answer.status(), 410);
    let upload = b
        .post(format!("{}/draft", s.url))
        .multipart(upload_form(&csrf, s.hers, "leeds.docx", seed_docx()))
        .send()
        .await
        .unwrap();
    assert_eq!(upload.status(), 410);
    assert_eq!(
        browser()
            .get(format!("{}/l/{token}", s.url))
            .send()
            .await
            .unwrap()
            .status(),
        410
    );
    assert_eq!(
        s.store().assignment(s.hers).unwrap().state,
        AssignmentState::Offered
    );
    assert_eq!(s.drafts_of(s.piece), 0);

    // Expired: moved into the past behind the store's back.
    let token = s.link(s.hannah);
    let (b, _) = signed_in(&s, &token).await;
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    conn.execute_batch(
        "DROP TRIGGER contributor_links_kept;
         UPDATE contributor_links SET created_at = '2020-01-01T00:00:00.000Z',
                expires_at = '2020-01-02T00:00:00.000Z';",
    )
    .unwrap();
    drop(conn);
    let r = b.get(format!("{}/", s.url)).send().await.unwrap();
    assert_eq!(r.status(), 410);
    assert!(r.text().await.unwrap().contains("expired"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_from_elsewhere_or_for_someone_elses_commission_store_nothing() {
    let s = site(Limits::default()).await;
    let (b, csrf) = signed_in(&s, &s.link(s.hannah)).await;
    let theirs = s.theirs.to_string();
    let hers = s.hers.to_string();
    type Pairs<'a> = Vec<(&'a str, &'a str)>;
    let cases: [(&str, Pairs, Pairs, u16); 5] = [
        // Another contributor's commission, with a good token.
        (
            "theirs",
            vec![
                ("csrf", &csrf),
                ("assignment", &theirs),
                ("version", "1"),
                ("answer", "accept"),
            ],
            vec![],
            404,
        ),
        // No CSRF token.
        (
            "no csrf",
            vec![
                ("assignment", &hers),
                ("version", "1"),
                ("answer", "accept"),
            ],
            vec![],
            403,
        ),
        // A wrong one.
        (
            "bad csrf",
            vec![
                ("csrf", "x"),
                ("assignment", &hers),
                ("version", "1"),
                ("answer", "accept"),
            ],
            vec![],
            403,
        ),
        // The right token from another site's page.
        (
            "origin",
            vec![
                ("csrf", &csrf),
                ("assignment", &hers),
                ("version", "1"),
                ("answer", "accept"),
            ],
            vec![("origin", "https://evil.example")],
            403,
        ),
        (
            "fetch site",
            vec![
                ("csrf", &csrf),
                ("assignment", &hers),
                ("version", "1"),
                ("answer", "accept"),
            ],
            vec![("sec-fetch-site", "cross-site")],
            403,
        ),
    ];
    for (what, form, headers, status) in cases {
        let mut req = b.post(format!("{}/answer", s.url)).form(&form);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        let r = req.send().await.unwrap();
        assert_eq!(r.status(), status, "{what}");
    }
    let store = s.store();
    assert_eq!(
        store.assignment(s.hers).unwrap().state,
        AssignmentState::Offered
    );
    assert_eq!(
        store.assignment(s.theirs).unwrap().state,
        AssignmentState::Offered
    );

    // A draft for someone else's piece, or without the token: nothing.
    let r = b
        .post(format!("{}/draft", s.url))
        .multipart(upload_form(&csrf, s.theirs, "leeds.docx", seed_docx()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = b
        .post(format!("{}/draft", s.url))
        .multipart(upload_form("forged", s.hers, "leeds.docx", seed_docx()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // A cross-site request carries no SameSite=Strict cookie at all: a
    // fresh client stands for it.
    let r = browser()
        .post(format!("{}/answer", s.url))
        .form(&[
            ("csrf", csrf.as_str()),
            ("assignment", &hers),
            ("version", "1"),
            ("answer", "accept"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(s.drafts_of(s.piece) + s.drafts_of(s.other_piece), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_files_are_refused_and_a_folder_in_a_name_is_only_text() {
    let s = site(Limits::default()).await;
    let store = s.store();
    let mut st = store;
    let hers = st.assignment(s.hers).unwrap();
    st.answer_assignment(&s.editor, s.hers, Some(hers.version), true)
        .unwrap();
    let (b, csrf) = signed_in(&s, &s.link(s.hannah)).await;
    let send = |name: &str, bytes: Vec<u8>| {
        b.post(format!("{}/draft", s.url))
            .multipart(upload_form(&csrf, s.hers, name, bytes))
            .send()
    };
    // Over 25 MB: refused before it is read whole.
    let r = send("big.txt", vec![b'a'; 26 * 1024 * 1024]).await.unwrap();
    assert_eq!(r.status(), 413);
    // A program renamed as a document.
    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.extend(vec![0u8; 4096]);
    let r = send("leeds.docx", elf).await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("leeds.docx"));
    // A kind Masthead does not read.
    let r = send("run.sh", b"#!/bin/sh\nrm -rf /\n".to_vec())
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(s.drafts_of(s.piece), 0);

    // A name with folders is kept as its last part, as text.
    let r = send(
        "../../../../tmp/evil.md",
        b"# Draft\n\nSome words here.".to_vec(),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    let drafts = s.store().drafts(s.piece).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].file_name, "evil.md");
    assert!(!std::path::Path::new("/tmp/evil.md").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_client_is_cut_off() {
    let s = site(Limits {
        header_timeout: Duration::from_millis(800),
        ..Limits::default()
    })
    .await;
    let addr = s.url.trim_start_matches("http://").to_owned();
    let took = tokio::task::spawn_blocking(move || {
        let mut c = std::net::TcpStream::connect(addr).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let start = Instant::now();
        c.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
        // One header byte at a time, never finishing.
        let mut out = Vec::new();
        for _ in 0..40 {
            std::thread::sleep(Duration::from_millis(100));
            if c.write_all(b"X").is_err() {
                break;
            }
        }
        let _ = c.read_to_end(&mut out);
        (start.elapsed(), String::from_utf8_lossy(&out).into_owned())
    })
    .await
    .unwrap();
    // Closed within the header timeout (and well before the 4 s it would
    // take to finish), with a 408 or nothing at all.
    assert!(took.0 < Duration::from_secs(3), "{:?}", took.0);
    assert!(
        took.1.is_empty() || took.1.starts_with("HTTP/1.1 408"),
        "{}",
        took.1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_from_one_address_is_refused_and_stores_nothing_it_refused() {
    // Its fifty connections at once are let in (the cap on connections per
    // address has a test of its own): the rates are what is tested here.
    let s = site(Limits {
        connections_per_address: 64,
        ..Limits::default()
    })
    .await;
    let token = s.link(s.hannah);
    {
        let mut st = s.store();
        let v = st.assignment(s.hers).unwrap().version;
        st.answer_assignment(&s.editor, s.hers, Some(v), true)
            .unwrap();
    }
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let b = crate::browser_in(jar);
    b.get(format!("{}/l/{token}", s.url)).send().await.unwrap();
    let csrf = crate::csrf_of(
        &b.get(format!("{}/", s.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );
    // A thousand requests in about a second, 50 at a time.
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..1000 {
        let (b, url) = (b.clone(), s.url.clone());
        let csrf = csrf.clone();
        let hers = s.hers;
        tasks.push(tokio::spawn(async move {
            // Every tenth sends a draft of its own.
            if i % 10 == 0 {
                let text = format!("# Draft {i}\n\nWords of draft number {i}.");
                let r = b
                    .post(format!("{url}/draft"))
                    .multipart(upload_form(
                        &csrf,
                        hers,
                        &format!("d{i}.md"),
                        text.into_bytes(),
                    ))
                    .send()
                    .await
                    .unwrap();
                (true, r.status().as_u16())
            } else {
                let r = b.get(format!("{url}/")).send().await.unwrap();
                (false, r.status().as_u16())
            }
        }));
        if i % 50 == 49 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    let mut stats = std::collections::BTreeMap::new();
    let mut stored_acknowledged = 0;
    for t in tasks {
        let (upload, status) = t.await.unwrap();
        *stats.entry(status).or_insert(0) += 1;
        // A draft is acknowledged by the redirect to her page.
        if upload && status == 303 {
            stored_acknowledged += 1;
        }
    }
    let elapsed = started.elapsed();
    let refused = stats.get(&429).copied().unwrap_or(0);
    assert!(refused >= 800, "{stats:?} in {elapsed:?}");
    assert_eq!(
        stats
            .keys()
            .copied()
            // 422: more versions than a piece takes in an hour (paced).
            .filter(|k| ![200, 303, 422, 429].contains(k))
            .count(),
        0,
        "{stats:?}"
    );
    // Every draft acknowledged is stored, once; none refused is.
    assert_eq!(s.drafts_of(s.piece), stored_acknowledged, "{stats:?}");
    // Another address is not held up by hers (its own bucket): here the
    // same address waits and gets in again.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        b.get(format!("{}/", s.url)).send().await.unwrap().status(),
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_big_form_is_refused_before_it_is_read_and_the_public_origin_is_the_only_one() {
    let s = crate::site_with(Limits::default(), true).await;
    let big = "a=&".repeat(40_000);
    // No session: refused before a byte of the body is read.
    let r = browser()
        .post(format!("{}/answer", s.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(big.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let (b, csrf) = signed_in(&s, &s.link(s.hannah)).await;
    let r = b
        .post(format!("{}/answer", s.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    // An answer without the version her page showed is no answer.
    let hers = s.hers.to_string();
    let r = b
        .post(format!("{}/answer", s.url))
        .form(&[
            ("csrf", csrf.as_str()),
            ("assignment", &hers),
            ("answer", "accept"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    // The page's public address set: a form from it passes, one from the
    // same host under another name does not.
    let localhost = s.url.replace("127.0.0.1", "localhost");
    let form = [
        ("csrf", csrf.as_str()),
        ("assignment", hers.as_str()),
        ("version", "1"),
        ("answer", "accept"),
    ];
    let r = b
        .post(format!("{}/answer", s.url))
        .header("origin", &localhost)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert_eq!(
        s.store().assignment(s.hers).unwrap().state,
        AssignmentState::Offered
    );
    let r = b
        .post(format!("{}/answer", s.url))
        .header("origin", &s.url)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        s.store().assignment(s.hers).unwrap().state,
        AssignmentState::Accepted
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_cannot_hold_every_connection() {
    let s = site(Limits {
        connections_per_address: 4,
        ..Limits::default()
    })
    .await;
    let addr = s.url.trim_start_matches("http://").to_owned();
    let held = tokio::task::spawn_blocking(move || {
        // Four idle connections are its share…
        let held: Vec<std::net::TcpStream> = (0..4)
            .map(|_| std::net::TcpStream::connect(&addr).unwrap())
            .collect();
        std::thread::sleep(Duration::from_millis(200));
        // …a fifth is closed at once, unanswered.
        let mut fifth = std::net::TcpStream::connect(&addr).unwrap();
        fifth
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let _ = fifth.write_all(b"GET /static/app.css HTTP/1.1\r\nHost: x\r\n\r\n");
        let mut out = Vec::new();
        let _ = fifth.read_to_end(&mut out);
        (held, out)
    })
    .await
    .unwrap();
    assert!(held.1.is_empty(), "{}", String::from_utf8_lossy(&held.1));
    drop(held.0);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let r = browser()
        .get(format!("{}/static/app.css", s.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}
