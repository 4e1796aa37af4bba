//! The real app window, driven like a user would: type, click, read.

use anyhow::Result;
use masthead_e2e::App;
use thirtyfour::By;

mod contributor_page;
mod desk;
mod launch;
mod layout;
mod safekeeping;
mod team;
mod work;

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_plans_an_edition_commissions_a_piece_and_reads_its_history() -> Result<()> {
    App::journey("Erin Editor", "plan-an-edition", async |app| {
        plan_an_edition(app).await
    })
    .await
}

async fn plan_an_edition(app: &App) -> Result<()> {
    // First run on an empty database: the welcome screen.
    app.wait_text("h1", "Welcome to Masthead").await?;
    app.type_into("input[name=publication_name]", "Public Sector Executive")
        .await?;
    app.click_button("Create publication").await?;

    // No editions yet: the empty state offers to plan one.
    app.click_button("Plan the first edition").await?;
    app.type_into("#edition-form input[name=name]", "Jun/Jul 21")
        .await?;
    app.type_into("#edition-form input[name=theme]", "Net zero in practice")
        .await?;
    app.type_into("#edition-form input[name=page_count]", "66")
        .await?;
    // Dates are typed in the user's order (CI's C locale: day first) ...
    app.type_into("#edition-form input[name=press_date]", "9/7/21")
        .await?;
    // ... or picked from a calendar that opens on the edition's own dates.
    app.wait("#edition-form input[name=on_sale_date] ~ button.pick")
        .await?
        .click()
        .await?;
    app.wait_text(".calendar .month", "Jul 2021").await?;
    app.screenshot("date-calendar.png").await?;
    app.wait(".calendar button[aria-label='19 Jul 2021']")
        .await?
        .click()
        .await?;
    let on_sale = app
        .wait("#edition-form input[name=on_sale_date]")
        .await?
        .prop("value")
        .await?;
    assert_eq!(on_sale.as_deref(), Some("19 Jul 2021"));
    app.click_button("Create edition").await?;
    // 66 pages saves, with a warning that a printed magazine needs multiples of 4.
    app.wait_text(".toasts", "not a multiple of 4").await?;
    app.wait_text("h1", "Jun/Jul 21").await?;
    app.wait_text(".edition", "9 Jul 2021").await?;

    // Add a piece. The warning stays usable above the dialog (everything
    // outside a modal dialog is inert): dismissed from inside it.
    app.click_button("New piece").await?;
    app.wait(".modal .toasts [aria-label=Dismiss]")
        .await?
        .click()
        .await?;
    app.wait_gone(".toast").await?;
    app.type_into(
        "#article-form input[name=title]", "Heat pumps for council homes",
    )
    .await?;
    app.type_into("#article-form input[name=word_target]", "1500")
        .await?;
    app.click_button("Add piece").await?;
    app.wait_text(".pieces", "Heat pumps for council homes")
        .await?;
    app.wait_text(".drawer .status", "Idea").await?;

    // Move it along the workflow from the drawer.
    app.click_button("Commissioned").await?;
    app.wait_text(".drawer .history", "moved it from Idea to Commissioned")
        .await?;
    let history = app.wait_text(".drawer .history", "Erin Editor").await?;
    assert!(history.contains("created it"), "{history}");
    app.wait_text(".pieces", "Commissioned").await?;

    // A move the workflow does not allow is not offered.
    let moves = app.wait(".drawer .moves").await?.text().await?;
    assert!(
        !moves.contains("Published"),
        "Published must not be offered from Commissioned: {moves}"
    );

    // The CLI, on the same database while the app has it open, sees the same.
    let listed = app.cli(&["article", "list", "--edition", "Jun/Jul 21", "--json"])?;
    let pieces: serde_json::Value = serde_json::from_str(&listed)?;
    assert_eq!(
        pieces[0]["title"], "Heat pumps for council homes",
        "{listed}"
    );
    assert_eq!(pieces[0]["status"], "commissioned", "{listed}");

    // Edit the title in place, save, and undo the save from the toast.
    app.type_into("#drawer-title", "Heat pumps in council homes")
        .await?;
    app.click_button("Save changes").await?;
    app.wait_text(".pieces", "Heat pumps in council homes")
        .await?;
    app.click_button("Undo").await?;
    app.wait_text(".pieces", "Heat pumps for council homes")
        .await?;
    let history = app
        .wait_text(
            ".drawer .history",
            "changed the title from “Heat pumps in council homes”",
        )
        .await?;
    assert!(
        history.contains("to “Heat pumps for council homes”"),
        "{history}"
    );

    // A bad edit is refused at the field, and Esc leaves the form unsaved.
    app.click_button("Edit edition").await?;
    app.type_into("#edition-form input[name=page_count]", "0")
        .await?;
    app.click_button("Save edition").await?;
    app.wait_text("#edition-form .field-error", "at least 1")
        .await?;
    app.wait("#edition-form input[name=page_count]")
        .await?
        .send_keys(thirtyfour::Key::Escape)
        .await?;
    app.wait_text("dl.dates", "66").await?;

    // The edition's own history: created, and nothing saved by the refused edit.
    app.click_button("History").await?;
    let history = app
        .wait_text(".edition-history", "Erin Editor created it")
        .await?;
    assert!(!history.contains("page count"), "{history}");

    let shot = app.screenshot("plan-an-edition.png").await?;
    assert!(
        std::fs::metadata(&shot)?.len() > 10_000,
        "the screenshot is empty"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_edition_opens_on_first_run() -> Result<()> {
    App::journey("Erin Editor", "demo", async |app| {
        app.load_demo().await?;
        app.wait_text(".pieces", "Keep communities at the heart of planning")
            .await?;
        app.wait_text(".pieces", "Leeds commits to working with European cities")
            .await?;
        app.wait_text("main", "The ingredients for levelling up")
            .await?;
        app.screenshot("demo-edition.png").await?;
        Ok(())
    })
    .await
}

/// Two hands on one piece: the app has it open, the CLI changes it, the
/// app's save is refused with the conflict dialog, and Reload shows theirs.
#[tokio::test(flavor = "multi_thread")]
async fn a_save_over_a_change_made_elsewhere_shows_the_conflict_dialog() -> Result<()> {
    App::journey("Erin Editor", "conflict", async |app| {
        app.load_demo().await?;
        app.click_button("Keep communities at the heart of planning")
            .await?;
        app.wait_text(".drawer .status", "Subbed").await?;
        let before = serde_json::from_str::<serde_json::Value>(&app.cli(&[
            "article",
            "show",
            "Keep communities at the heart of planning",
            "--json",
        ])?)?["version"]
            .as_u64()
            .unwrap_or(0);
        app.type_into("#drawer-title", "Planning with communities, not for them")
            .await?;

        // Meanwhile, in a terminal, a sub-editor retitles the same piece.
        app.cli(&[
            "--as",
            "Sam Sub",
            "article",
            "update",
            "Keep communities at the heart of planning",
            "--title",
            "Put communities at the heart of planning",
        ])?;
        // The app notices within about a second and keeps what Erin typed.
        app.wait_text(".drawer", "Someone else has just changed this piece")
            .await?;
        let typed = app.wait("#drawer-title").await?.prop("value").await?;
        assert_eq!(
            typed.as_deref(),
            Some("Planning with communities, not for them")
        );

        app.click_button("Save changes").await?;
        let dialog = app
            .wait_text("[data-testid=conflict-dialog]", "Sam Sub")
            .await?;
        assert!(
            dialog.contains("Put communities at the heart of planning"),
            "{dialog}"
        );
        assert!(
            dialog.contains("Planning with communities, not for them"),
            "{dialog}"
        );
        app.screenshot("conflict-dialog.png").await?;

        app.click_button("Reload theirs").await?;
        let started = std::time::Instant::now();
        loop {
            let title = app.wait("#drawer-title").await?.prop("value").await?;
            if title.as_deref() == Some("Put communities at the heart of planning") {
                break;
            }
            anyhow::ensure!(
                started.elapsed() < std::time::Duration::from_secs(10),
                "Reload never showed their title: {title:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        // Nothing of Erin's was saved: the CLI's save is the last one.
        let shown: serde_json::Value = serde_json::from_str(&app.cli(&[
            "article",
            "show",
            "Put communities at the heart of planning",
            "--json",
        ])?)?;
        assert_eq!(shown["version"], before + 1, "{shown}");
        let drawer = app.wait(".drawer").await?.text().await?;
        assert!(!drawer.contains("Save changes"), "{drawer}");
        assert!(!drawer.contains("Someone else"), "{drawer}");

        // Her own save, then a move, meet no conflict.
        app.type_into("#drawer-title", "Put communities first in planning")
            .await?;
        app.click_button("Save changes").await?;
        app.wait_text(".pieces", "Put communities first in planning")
            .await?;
        app.wait(".drawer .moves button[title='Move to Approved']")
            .await?
            .click()
            .await?;
        app.wait_text(".drawer .history", "moved it from Subbed to Approved")
            .await?;
        let drawer = app.wait(".drawer").await?.text().await?;
        assert!(!drawer.contains("Someone else"), "{drawer}");
        Ok(())
    })
    .await
}

/// Runs the CLI (beside the app binary) on `db`; its stdout.
pub(crate) fn cli_on(db: &str, args: &[&str]) -> Result<String> {
    let cli = masthead_e2e::app_binary()?.with_file_name("masthead");
    let out = std::process::Command::new(&cli)
        .arg("--db")
        .arg(db)
        .args(args)
        .env("MASTHEAD_USER", "Ops")
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "masthead {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8(out.stdout)?)
}

/// An invitation's address with its password, as the member types it in.
pub(crate) fn signed_url(invitation: &serde_json::Value) -> String {
    let login = invitation["login"].as_str().unwrap_or_default();
    invitation["url"].as_str().unwrap_or_default().replacen(
        &format!("://{login}@"),
        &format!(
            "://{login}:{}@",
            invitation["password"].as_str().unwrap_or_default()
        ),
        1,
    )
}
