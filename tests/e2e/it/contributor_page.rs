//! A freelancer with only a browser: the editor commissions a piece and
//! makes her link (the CLI), she opens it in Chromium (headless, driven
//! through chromedriver), reads the brief, accepts and sends the seed
//! article as .docx; the editor's app, open on the same file all along,
//! shows her answer and her draft as they arrive, recorded as hers.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use masthead_e2e::{App, app_binary, artifacts_dir, free_port};
use thirtyfour::prelude::*;

const TITLE: &str = "Councils and the cost of living";

/// A child process stopped when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

async fn listening(port: u16, what: &str) -> Result<()> {
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > Duration::from_secs(20) {
            bail!("{what} did not listen on port {port}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

/// A headless Chromium session; `phone` emulates a 375×667 phone.
async fn chromium(port: u16, phone: bool) -> Result<WebDriver> {
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary("/usr/bin/chromium")?;
    for arg in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,800", "--lang=en-GB",
    ] {
        caps.add_arg(arg)?;
    }
    if phone {
        caps.add_experimental_option(
            "mobileEmulation",
            serde_json::json!({
                "deviceMetrics": { "width": 375, "height": 667, "pixelRatio": 2, "touch": true }
            }),
        )?;
    }
    WebDriver::new(format!("http://127.0.0.1:{port}"), caps)
        .await
        .context("opening a Chromium session through chromedriver")
}

async fn wait_text(driver: &WebDriver, css: &str, needle: &str) -> Result<String> {
    let started = Instant::now();
    loop {
        if let Ok(el) = driver.find(By::Css(css)).await {
            let text = el.text().await.unwrap_or_default();
            if text.contains(needle) {
                return Ok(text);
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("{css} says {text:?}, without {needle:?}");
            }
        } else if started.elapsed() > Duration::from_secs(10) {
            bail!("no {css} on the page");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn shot(driver: &WebDriver, name: &str) -> Result<()> {
    let png = driver.screenshot_as_png().await?;
    std::fs::write(artifacts_dir().join(name), png)?;
    Ok(())
}

/// Nothing wider than the page: no sideways scrolling on a phone.
async fn fits(driver: &WebDriver) -> Result<()> {
    let widths = driver
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth];",
            vec![],
        )
        .await?
        .json()
        .clone();
    let w: Vec<i64> = serde_json::from_value(widths)?;
    ensure!(
        w[0] <= w[1],
        "the page is {} px wide in a {} px window",
        w[0],
        w[1]
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_freelancer_answers_and_sends_her_draft_from_a_browser() -> Result<()> {
    // The demo is in the file before the app opens it (the app does not
    // yet notice a publication another program adds while it is open).
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("plan.db").display().to_string();
    crate::cli_on(&db, &["demo"])?;
    let app = App::start_on("Tess Editor", Some(&db)).await?;
    let result = journey(&app, &app.db, "file").await;
    if result.is_err() {
        let _ = app.screenshot("failure-contributor-page-app.png").await;
    }
    app.quit().await?;
    result
}

/// The same on a throwaway team server: the editor's app signed in as an
/// editor, the page through its own login (`team page-login`).
#[tokio::test(flavor = "multi_thread")]
async fn a_freelancer_answers_and_sends_her_draft_on_a_team_server() -> Result<()> {
    // The cluster's client blocks: set it up off the async workers.
    let server =
        tokio::task::spawn_blocking(|| masthead_pgtest::cluster().empty_database()).await?;
    crate::cli_on(&server, &["demo"])?;
    let editor: serde_json::Value = serde_json::from_str(&crate::cli_on(
        &server,
        &[
            "team", "invite", "--name", "Tess Editor", "--email", "tess@pse.example", "--role",
            "editor", "--json",
        ],
    )?)?;
    let editor = crate::signed_url(&editor);
    let page: serde_json::Value =
        serde_json::from_str(&crate::cli_on(&editor, &["team", "page-login", "--json"])?)?;
    let page = crate::signed_url(&page);
    let app = App::start_on("Tess Editor", Some(&editor)).await?;
    let result = journey(&app, &page, "server").await;
    if result.is_err() {
        let _ = app
            .screenshot("failure-contributor-page-server-app.png")
            .await;
    }
    app.quit().await?;
    result
}

/// The editor (app and CLI on `app.db`) commissions Hannah and makes her
/// link; the page runs on `page_db`; `kind` names the screenshots.
async fn journey(app: &App, page_db: &str, kind: &str) -> Result<()> {
    // The editor: a piece, Hannah commissioned, her link.
    app.cli(&[
        "contributor", "add", "--name", "Hannah Price", "--email", "hannah@example.org", "--role",
        "Policy manager", "--org", "NALC", "--notes", "Editors only: slow payer", "--as",
        "Tess Editor",
    ])?;
    app.cli(&[
        "article", "add", "--edition", "Apr/May 21", "--title", TITLE, "--as", "Tess Editor",
    ])?;
    app.cli(&[
        "article", "assign", "--article", TITLE, "--contributor", "Hannah Price",
        "--words", "500", "--due", "2027-01-04", "--fee", "350.00", "--currency", "GBP",
        "--brief", "## Angle\nWhat councils **actually** need from Whitehall.\n\n- two case studies\n- one table",
        "--as", "Tess Editor",
    ])?;
    let port = free_port()?;
    let public = format!("http://127.0.0.1:{port}");
    let made: serde_json::Value = serde_json::from_str(&app.cli(&[
        "contributor", "link", "Hannah Price", "--public-url", &public, "--json", "--as",
        "Tess Editor",
    ])?)?;
    app.cli(&[
        "contributor", "add", "--name", "Omar Other", "--as", "Tess Editor",
    ])?;
    let other: serde_json::Value = serde_json::from_str(&app.cli(&[
        "contributor", "link", "Omar Other", "--public-url", &public, "--json", "--as",
        "Tess Editor",
    ])?)?;
    let other = other["url"].as_str().context("his link")?.to_owned();
    let link = made["url"]
        .as_str()
        .context("the link's address")?
        .to_owned();

    // The editor's app has the piece open in its drawer.
    app.wait_text("h1", "Desk").await?;
    app.wait_content("main", "Changed by others").await?;
    open_piece(app).await?;
    app.wait_content(".drawer", "Hannah Price").await?;
    app.wait_content(".drawer", "Offered").await?;

    // The page and the browser.
    let serve = app_binary()?.with_file_name("masthead-serve");
    let _serve = Running(
        Command::new(&serve)
            .args(["--db", page_db, "--listen", &format!("127.0.0.1:{port}")])
            .args(["--public-url", &public])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .with_context(|| format!("starting {}", serve.display()))?,
    );
    listening(port, "masthead-serve").await?;
    let driver_port = free_port()?;
    let _chromedriver = Running(
        Command::new("chromedriver")
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting chromedriver (Debian's chromium-driver)")?,
    );
    listening(driver_port, "chromedriver").await?;

    let browser = chromium(driver_port, false).await?;
    let result = async {
        browser.goto(&link).await?;
        wait_text(&browser, "h1", "Hello, Hannah Price").await?;
        // The token has left the address bar.
        let at = browser.current_url().await?.to_string();
        ensure!(at == format!("{public}/"), "the page is at {at}");
        let brief = wait_text(&browser, ".brief", "actually need from Whitehall").await?;
        ensure!(brief.contains("two case studies"), "{brief}");
        let page = browser.find(By::Tag("main")).await?.text().await?;
        ensure!(
            page.contains("£350.00") && page.contains("4 Jan 2027"),
            "{page}"
        );
        ensure!(!page.contains("slow payer"), "an editor's note on her page");
        shot(&browser, &format!("contributor-page-offer-1280-{kind}.png")).await?;

        browser
            .find(By::XPath("//button[normalize-space()='Accept']"))
            .await?
            .click()
            .await?;
        wait_text(&browser, "[data-notice]", "You accepted").await?;
        let file = browser.find(By::Css("input[type=file]")).await?;
        file.send_keys(
            App::fixture("drafts/leeds.docx")
                .canonicalize()?
                .display()
                .to_string(),
        )
        .await?;
        browser
            .find(By::XPath("//button[normalize-space()='Send draft']"))
            .await?
            .click()
            .await?;
        wait_text(&browser, "[data-notice]", "Version 1 · 484 / 500 words").await?;
        wait_text(&browser, ".drafts li", "Version 1 · 484 / 500 words").await?;
        shot(&browser, &format!("contributor-page-1280-{kind}.png")).await?;
        // What happened has the focus, so a screen reader says it.
        let focused = browser.active_element().await?;
        ensure!(
            focused.attr("data-notice").await?.is_some(),
            "the focus is on {:?}",
            focused.text().await?
        );
        browser
            .find(By::XPath("//a[normalize-space()='Version 1']"))
            .await?
            .click()
            .await?;
        wait_text(&browser, ".reading", "Leeds").await?;
        shot(&browser, &format!("contributor-draft-1280-{kind}.png")).await?;
        // Another contributor's link opened in her browser asks first;
        // asked, it opens his page (the form posts with a real Origin).
        browser.goto(&other).await?;
        wait_text(&browser, "h1", "This browser shows Hannah Price's page").await?;
        browser
            .find(By::XPath(
                "//button[normalize-space()=\"Open Omar Other's page instead\"]",
            ))
            .await?
            .click()
            .await?;
        wait_text(&browser, "h1", "Hello, Omar Other").await?;
        wait_text(&browser, "main", "Nothing is waiting for you").await?;
        anyhow::Ok(())
    }
    .await;
    if result.is_err() {
        let _ = shot(&browser, &format!("failure-contributor-page-{kind}.png")).await;
    }
    browser.quit().await?;
    result?;

    // On a phone: the same page, nothing wider than the screen.
    let phone = chromium(driver_port, true).await?;
    let result = async {
        phone.goto(&link).await?;
        wait_text(&phone, ".drafts li", "Version 1").await?;
        fits(&phone).await?;
        // Keyboard: the first Tab reaches the skip link.
        phone
            .find(By::Tag("body"))
            .await?
            .send_keys(Key::Tab)
            .await?;
        let focused = phone.active_element().await?.text().await?;
        ensure!(
            focused.contains("Skip to your page"),
            "Tab first reaches {focused:?}"
        );
        shot(&phone, &format!("contributor-page-375-{kind}.png")).await?;
        anyhow::Ok(())
    }
    .await;
    phone.quit().await?;
    result?;

    // The editor's app showed it as it came, recorded as hers.
    app.wait_content(".drawer", "Accepted").await?;
    app.wait_content(".drawer", "484").await?;
    app.screenshot(&format!("contributor-draft-in-app-{kind}.png"))
        .await?;
    let drafts = app.cli(&["draft", "list", "--article", TITLE])?;
    ensure!(
        drafts.contains("Hannah Price") && drafts.contains("484"),
        "{drafts}"
    );
    let history = app.cli(&["article", "history", TITLE])?;
    ensure!(
        history
            .lines()
            .any(|l| l.contains("Hannah Price") && l.contains("accepted")),
        "{history}"
    );

    // The editor's own buttons: Copy contributor link asks for the page's
    // address first, which Settings keeps; Revoke link closes her page.
    app.click_button("Copy contributor link").await?;
    app.wait_text(".toasts", "Contributors' page").await?;
    app.click_button("Settings").await?;
    app.wait_text("h1", "Settings").await?;
    app.type_into("input[name=public_url]", &public).await?;
    app.driver
        .find(By::XPath(
            "//section[@aria-labelledby='page-heading']//button[normalize-space()='Save']",
        ))
        .await?
        .click()
        .await?;
    app.wait_text(".toasts", "New links will open").await?;
    app.screenshot(&format!("settings-contributor-page-{kind}.png"))
        .await?;
    open_piece(app).await?;
    app.wait_content(".drawer", "Hannah Price").await?;
    app.click_button("Copy contributor link").await?;
    // Copied at once, or (WebKitGTK's clipboard refuses a copy after a
    // wait) shown to copy with a click of its own.
    let made = app
        .wait_text(".toasts, dialog[open]", "Hannah Price's page")
        .await?;
    app.screenshot(&format!("contributor-link-buttons-{kind}.png"))
        .await?;
    if !made.contains("Copied a link") {
        let url = app
            .wait("dialog[open] input[readonly]")
            .await?
            .prop("value")
            .await?
            .unwrap_or_default();
        ensure!(
            url.starts_with(&format!("{public}/l/")),
            "the dialog shows {url:?}"
        );
        app.wait("dialog[open] button.primary")
            .await?
            .click()
            .await?;
        app.wait_text("dialog[open] [role=status]", "Copied")
            .await?;
        app.driver
            .find(By::XPath(
                "//dialog[@open]//button[normalize-space()='Close']",
            ))
            .await?
            .click()
            .await?;
        app.wait_gone("dialog[open]").await?;
    }
    ensure!(
        status_of(port, &link)? == 200,
        "her link opens before it is revoked"
    );
    app.click_button("Revoke links").await?;
    app.wait_text(".toasts", "Revoked 2 links").await?;
    ensure!(
        status_of(port, &link)? == 410,
        "her link still opens after Revoke links"
    );
    Ok(())
}

/// Opens the piece in the app's drawer through search (Ctrl+K).
async fn open_piece(app: &App) -> Result<()> {
    app.ctrl("k").await?;
    app.type_into("[role=dialog][aria-label=Search] input", "cost of living")
        .await?;
    app.wait_text("[role=dialog][aria-label=Search] [role=option]", TITLE)
        .await?;
    app.driver
        .find(By::XPath(format!(
            "//*[@role='option'][.//span[starts-with(., '{TITLE}')]]"
        )))
        .await?
        .click()
        .await?;
    Ok(())
}

/// The status of a GET of `url`'s path on the page at `port`.
fn status_of(port: u16, url: &str) -> Result<u16> {
    use std::io::{Read, Write};
    let path = &url[url.find("/l/").context("a link's path")?..];
    let mut c = std::net::TcpStream::connect(("127.0.0.1", port))?;
    write!(c, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")?;
    let mut out = String::new();
    c.read_to_string(&mut out)?;
    out.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("no status in {out:.80}"))
}
