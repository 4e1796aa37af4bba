//! What a contributor does on her page, and what the editor then sees.

use masthead_core::model::AssignmentState;
use masthead_serve::Limits;

use crate::{seed_docx, signed_in, site, upload_form};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn she_reads_her_brief_accepts_and_sends_her_draft_recorded_as_hers() {
    let s = site(Limits::default()).await;
    let token = s.link(s.hannah);
    let b = crate::browser();

    // The link sets an HttpOnly, SameSite=Strict cookie and moves on to a
    // page whose address holds no token.
    let entered = b.get(format!("{}/l/{token}", s.url)).send().await.unwrap();
    assert_eq!(entered.status(), 200);
    let cookie = entered
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(!cookie.contains(&token));
    let csp = entered.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    // The link's own page sends no referrer and loads nothing: its address
    // (the token) reaches no later request and no proxy's log.
    assert_eq!(entered.headers()["referrer-policy"], "no-referrer");
    let entry = entered.text().await.unwrap();
    assert!(entry.contains("content=\"0;url=/\""), "{entry}");
    assert!(!entry.contains("/static/"), "{entry}");

    let page = b.get(format!("{}/", s.url)).send().await.unwrap();
    assert_eq!(page.headers()["referrer-policy"], "same-origin");
    let html = page.text().await.unwrap();
    assert!(html.contains("Hello, Hannah Price"), "{html}");
    // Her brief, rendered; its HTML shown as text, never run.
    assert!(html.contains("<strong>actually</strong>"), "{html}");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("£350.00") && html.contains("4 Jan 2027"),
        "{html}"
    );
    // Only hers: not Omar's commission, nor any editor's note.
    assert!(!html.contains(&s.theirs.to_string()));
    assert!(!html.contains("Editors' note"));
    assert!(html.contains(">Accept</button>"));
    let csrf = crate::csrf_of(&html);

    let accepted = b
        .post(format!("{}/answer", s.url))
        .header("origin", &s.url)
        .form(&[
            ("csrf", csrf.as_str()),
            ("assignment", &s.hers.to_string()),
            ("version", "1"),
            ("answer", "accept"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 200);
    let html = accepted.text().await.unwrap();
    assert!(html.contains("You accepted"), "{html}");
    assert!(html.contains("Send your draft"), "{html}");
    assert_eq!(
        s.store().assignment(s.hers).unwrap().state,
        AssignmentState::Accepted
    );

    let sent = b
        .post(format!("{}/draft", s.url))
        .multipart(upload_form(&csrf, s.hers, "leeds.docx", seed_docx()))
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 200);
    let html = sent.text().await.unwrap();
    assert!(html.contains("Version 1 · 484 / 500 words"), "{html}");

    // The editor sees it, recorded as hers.
    let store = s.store();
    let drafts = store.drafts(s.piece).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].contributor.as_deref(), Some("Hannah Price"));
    assert_eq!(drafts[0].recorded_by, "Hannah Price");
    assert_eq!(drafts[0].words, 484);
    let history = store
        .article_detail(s.piece, chrono::Utc::now().date_naive())
        .unwrap()
        .history;
    assert!(
        history
            .iter()
            .any(|h| h.actor == "Hannah Price" && h.text.contains("accepted")),
        "{history:?}"
    );

    // She reads what she sent.
    let read = b
        .get(format!("{}/draft/{}/1", s.url, s.hers))
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), 200);
    let html = read.text().await.unwrap();
    assert!(
        html.contains("Version 1 · <span class=\"num\">484 words"),
        "{html}"
    );
    assert!(html.contains("Leeds"), "{html}");

    // Sending the same file again stores nothing and says why.
    let again = b
        .post(format!("{}/draft", s.url))
        .multipart(upload_form(&csrf, s.hers, "leeds-again.docx", seed_docx()))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 409);
    assert_eq!(s.drafts_of(s.piece), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn declined_the_offer_leaves_her_page_and_sign_out_ends_the_session() {
    let s = site(Limits::default()).await;
    let (b, csrf) = signed_in(&s, &s.link(s.hannah)).await;
    let declined = crate::answer(&b, &s, &csrf, s.hers, "decline").await;
    let html = declined.text().await.unwrap();
    assert!(html.contains("You declined"), "{html}");
    assert!(html.contains("Nothing is waiting for you"), "{html}");
    assert_eq!(
        s.store().assignment(s.hers).unwrap().state,
        AssignmentState::Declined
    );

    let out = b
        .post(format!("{}/signout", s.url))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 200);
    assert_eq!(
        b.get(format!("{}/", s.url)).send().await.unwrap().status(),
        401
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_serves_https_itself_with_the_certificate_given() {
    // The test cluster's certificate for 127.0.0.1, signed by its test CA.
    let cluster = tokio::task::spawn_blocking(masthead_pgtest::cluster)
        .await
        .unwrap();
    let tls = masthead_serve::tls_acceptor(
        &cluster.dir.join("server.crt"),
        &cluster.dir.join("server.key"),
    )
    .unwrap();
    let s = crate::site(Limits::default()).await;
    let app = masthead_serve::App::new(
        s.store(),
        masthead_serve::Config {
            public_url: None,
            secure_cookies: true,
            behind_proxy: false,
            limits: Limits::default(),
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(masthead_serve::serve(listener, app, Some(tls)));

    let ca = reqwest::Certificate::from_pem(&std::fs::read(&cluster.root_cert).unwrap()).unwrap();
    let b = reqwest::Client::builder()
        .add_root_certificate(ca)
        .cookie_store(true)
        .build()
        .unwrap();
    let token = s.link(s.hannah);
    let r = b
        .get(format!("https://127.0.0.1:{port}/l/{token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert!(r.headers().contains_key("strict-transport-security"));
    let page = b
        .get(format!("https://127.0.0.1:{port}/"))
        .send()
        .await
        .unwrap();
    assert!(page.text().await.unwrap().contains("Hello, Hannah Price"));
    // Plain HTTP to it gets no page.
    let plain = crate::browser()
        .get(format!("http://127.0.0.1:{port}/"))
        .send()
        .await;
    assert!(plain.is_err() || !plain.unwrap().status().is_success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_link_opened_over_her_page_asks_before_it_swaps_whose_page_it_is() {
    let s = site(Limits::default()).await;
    let (b, csrf) = signed_in(&s, &s.link(s.hannah)).await;
    let omar = s.link(s.omar);
    // A site sends her browser to Omar's link: her page stays hers.
    let asked = b.get(format!("{}/l/{omar}", s.url)).send().await.unwrap();
    assert_eq!(asked.status(), 200);
    assert!(asked.headers().get("set-cookie").is_none());
    // Its form must post with a real Origin: not "no-referrer".
    assert_eq!(asked.headers()["referrer-policy"], "same-origin");
    let html = asked.text().await.unwrap();
    assert!(
        html.contains("This browser shows Hannah Price's page"),
        "{html}"
    );
    assert!(html.contains("Open Omar Other's page instead"), "{html}");
    let home = b.get(format!("{}/", s.url)).send().await.unwrap();
    assert!(home.text().await.unwrap().contains("Hello, Hannah Price"));
    // Without her page's token, the swap is refused.
    let forged = b
        .post(format!("{}/l/{omar}", s.url))
        .form(&[("csrf", "forged")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
    // She asks for it: Omar's page.
    let swapped = b
        .post(format!("{}/l/{omar}", s.url))
        .header("origin", &s.url)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(swapped.status(), 200);
    let home = b.get(format!("{}/", s.url)).send().await.unwrap();
    assert!(home.text().await.unwrap().contains("Hello, Omar Other"));
}
