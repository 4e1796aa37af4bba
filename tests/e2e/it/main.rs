//! The real app window, driven like a user would: type, click, read.

use anyhow::Result;
use masthead_e2e::App;
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_plans_an_edition_commissions_a_piece_and_reads_its_history() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = plan_an_edition(&app).await;
    if result.is_err() {
        let _ = app.screenshot("failure-plan-an-edition.png").await;
    }
    app.quit().await?;
    result
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
    app.click_button("Create edition").await?;
    // 66 pages saves, with a warning that a printed magazine needs multiples of 4.
    app.wait_text(".toasts", "not a multiple of 4").await?;
    app.wait_text("h1", "Jun/Jul 21").await?;

    // Add a piece.
    app.click_button("New piece").await?;
    app.type_into(
        "#article-form input[name=title]",
        "Heat pumps for council homes",
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
    let app = App::start("Erin Editor").await?;
    let result = async {
        app.click_button("Load the demo edition").await?;
        app.wait_text("h1", "Feb/Mar 21").await?;
        app.wait_text(".pieces", "Keep communities at the heart of planning")
            .await?;
        app.wait_text(".pieces", "Leeds commits to working with European cities")
            .await?;
        app.wait_text("main", "The ingredients for levelling up")
            .await?;
        app.screenshot("demo-edition.png").await?;
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = app.screenshot("failure-demo.png").await;
    }
    app.quit().await?;
    result
}

/// Two hands on one piece: the app has it open, the CLI changes it, the
/// app's save is refused with the conflict dialog, and Reload shows theirs.
#[tokio::test(flavor = "multi_thread")]
async fn a_save_over_a_change_made_elsewhere_shows_the_conflict_dialog() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = async {
        app.click_button("Load the demo edition").await?;
        app.wait_text("h1", "Feb/Mar 21").await?;
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
    }
    .await;
    if result.is_err() {
        let _ = app.screenshot("failure-conflict.png").await;
    }
    app.quit().await?;
    result
}

/// The "done when": an editor commissions the focus features from
/// the app alone (adding a contributor on the way), records an answer,
/// moves pieces across the board (a refused drop snaps back and says why),
/// sees what is overdue, and adds a "Legal read" status with a deadline.
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_commissions_moves_pieces_on_the_board_and_reshapes_the_workflow() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = commission_and_board(&app).await;
    if result.is_err() {
        let _ = app.screenshot("failure-commissioning.png").await;
    }
    app.quit().await?;
    result
}

async fn commission_and_board(app: &App) -> Result<()> {
    let training = "Training tomorrow's public sector leaders";
    let housing = "Housing at the heart of levelling up";
    app.click_button("Load the demo edition").await?;
    app.wait_text("h1", "Feb/Mar 21").await?;

    // The board, on the open edition.
    app.click_button("Board").await?;
    app.wait_text("h1", "Board").await?;
    app.wait_text(".columns", training).await?;
    app.wait_text(".needs, .columns", "No writer yet").await?;

    // Commission the training feature from its drawer, adding Sam on the way.
    app.click_button(training).await?;
    app.wait_text(".drawer", "Nobody has been asked yet")
        .await?;
    app.click_button("Commission…").await?;
    app.choose(
        "#commission-form select[name=contributor]",
        "New contributor…",
    )
    .await?;
    app.type_into("#commission-form input[name=new-name]", "Sam Okoro")
        .await?;
    app.type_into(
        "#commission-form input[name=new-email]",
        "sam@okoro.example",
    )
    .await?;
    app.type_into(
        "#commission-form textarea[name=brief]",
        "## Angle\nWhat the next **leaders** need.",
    )
    .await?;
    app.wait_text(".preview", "Angle").await?;
    app.type_into("#commission-form input[name=fee]", "350")
        .await?;
    app.screenshot("commission-form.png").await?;
    app.click_button("Offer the piece").await?;
    app.wait_text(".toasts", "Offered the piece to Sam Okoro")
        .await?;
    app.wait_text(".drawer .assignments", "Offered").await?;
    app.click_button("Accepted").await?;
    app.wait_text(".drawer .history", "recorded that Sam Okoro accepted")
        .await?;

    // The housing feature gets a photographer beside its writer.
    app.click_button(housing).await?;
    app.wait_text(".drawer .assignments", "Rachel Dunn").await?;
    app.click_button("Commission…").await?;
    app.choose("#commission-form select[name=contributor]", "Hannah Okafor")
        .await?;
    app.type_into("#commission-form input[name=role]", "photographer")
        .await?;
    app.click_button("Offer the piece").await?;
    app.wait_text(".drawer .assignments", "photographer")
        .await?;
    app.wait_text(".columns", "Rachel Dunn, Hannah Okafor")
        .await?;

    // Move the training piece on by keyboard: Shift+→ goes to Commissioned.
    let card = format!("button.open[aria-label^=\"{training}\"]");
    app.wait(&card)
        .await?
        .send_keys(thirtyfour::Key::Shift + thirtyfour::Key::Right)
        .await?;
    app.wait_text(".toasts", &format!("Moved “{training}” to Commissioned"))
        .await?;
    // Drag it on to Draft received.
    let column = |label: &str| format!("section.column[aria-label^=\"{label},\"]");
    app.drag(&card, &column("Draft received")).await?;
    app.wait_text(&column("Draft received"), training).await?;
    // A drop the workflow does not allow snaps back and says why.
    app.drag(&card, &column("Published")).await?;
    app.wait_text(
        ".toasts",
        "cannot move from \"Draft received\" to \"Published\"",
    )
    .await?;
    app.wait_text(&column("Draft received"), training).await?;
    let shown: serde_json::Value =
        serde_json::from_str(&app.cli(&["article", "show", training, "--json"])?)?;
    assert_eq!(shown["status"], "draft_received", "{shown}");

    // What is overdue (the demo's dates are in 2021).
    // Published pieces have no deadline, so "overdue only" hides them.
    app.wait_text(".columns", "View all videos").await?;
    app.wait(".filters .check input").await?.click().await?;
    let overdue = app.wait_without(".columns", "View all videos").await?;
    assert!(overdue.contains("Overdue"), "{overdue}");
    app.screenshot("board.png").await?;

    // The contributor page lists Sam's assignment and its outcome.
    app.click_button("Contributors").await?;
    app.type_into("input[type=search]", "okoro").await?;
    app.click_button("Sam Okoro").await?;
    app.wait_text("main", "Accepted").await?;
    app.wait_text("main", training).await?;
    app.screenshot("contributor-page.png").await?;

    // Settings: a "Legal read" status between Subbed and Approved, due
    // three days before press.
    app.click_button("Settings").await?;
    app.type_into("#new-status", "Legal read").await?;
    app.choose("#new-status-after", "Subbed").await?;
    app.click_button("Add status").await?;
    app.wait("tr[data-status='Legal read']").await?;
    app.choose(
        "select[aria-label=\"Key date for Legal read's deadline\"]",
        "press date",
    )
    .await?;
    let days = app
        .wait("input[aria-label='Days before, for Legal read']:enabled")
        .await?;
    // Select and overtype (a WebDriver `clear` fires `change`, which saves).
    days.send_keys(thirtyfour::Key::Control + "a").await?;
    days.send_keys("3").await?;
    days.send_keys(thirtyfour::Key::Tab).await?;
    let started = std::time::Instant::now();
    loop {
        let wf: serde_json::Value =
            serde_json::from_str(&app.cli(&["workflow", "list", "--json"])?)?;
        let labels: Vec<&str> = wf["statuses"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s["label"].as_str()).collect())
            .unwrap_or_default();
        let legal = wf["statuses"]
            .as_array()
            .and_then(|a| a.iter().find(|s| s["label"] == "Legal read"))
            .cloned()
            .unwrap_or_default();
        if legal["deadline"]["days_before"] == 3 {
            let at = |l: &str| labels.iter().position(|x| *x == l);
            assert_eq!(at("Legal read"), at("Subbed").map(|i| i + 1), "{labels:?}");
            assert_eq!(legal["deadline"]["key_date"], "press_date");
            break;
        }
        anyhow::ensure!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the deadline was never saved: {legal}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    app.screenshot("workflow-settings.png").await?;
    Ok(())
}

/// The flatplan: the demo's pages, a piece placed from the form and by
/// drag, moved by keyboard, and the move undone.
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_places_moves_and_undoes_on_the_flatplan() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = async {
        app.click_button("Load the demo edition").await?;
        app.wait_text("h1", "Feb/Mar 21").await?;
        app.click_button("Flatplan").await?;
        app.wait_text("h1", "Flatplan").await?;
        app.wait_text(".budget", "68 pages").await?;
        app.wait_present("section.page[data-page='13'] .slot[aria-label^=\"Keep communities\"]")
            .await?;
        app.wait_present("section.page[data-page='68'] .slot[aria-label^=\"CivicTech Solutions\"]")
            .await?;
        app.screenshot("flatplan.png").await?;

        // Place "View all videos" from the form on page 4.
        app.wait_text(".tray", "View all videos").await?;
        app.click_button("Place…").await?;
        app.type_into("#place-form input[name=first]", "4").await?;
        app.type_into("#place-form input[name=last]", "4").await?;
        app.click_button("Place").await?;
        app.wait_present("section.page[data-page='4'] .slot[aria-label^=\"View all videos\"]")
            .await?;
        app.wait_text(".tray", "Everything is on the flatplan")
            .await?;

        // Move it a page on with the keyboard, then undo the move.
        let slot = "section.page[data-page='4'] .slot-button";
        // (Keys go to the focused slot; WebDriver will not type into a box it judges hidden.)
        app.wait(slot)
            .await?
            .send_keys(thirtyfour::Key::Right)
            .await?;
        app.wait_present("section.page[data-page='5'] .slot[aria-label^=\"View all videos\"]")
            .await?;
        let shown: serde_json::Value =
            serde_json::from_str(&app.cli(&["flatplan", "show", "Feb/Mar 21", "--json"])?)?;
        assert_eq!(
            shown["pages"][4]["slots"][0]["label"], "View all videos",
            "{}",
            shown["pages"][4]
        );
        app.click_button("Undo").await?;
        app.wait_present("section.page[data-page='4'] .slot[aria-label^=\"View all videos\"]")
            .await?;
        app.wait_gone("section.page[data-page='5'] .slot[aria-label^=\"View all videos\"]")
            .await?;

        // Take it off with Delete, then drag it back from the tray onto page 8.
        app.wait(slot)
            .await?
            .send_keys(thirtyfour::Key::Delete)
            .await?;
        app.wait_text(".tray", "View all videos").await?;
        app.drag(".tray li", "section.page[data-page='8']").await?;
        app.wait_present("section.page[data-page='8'] .slot[aria-label^=\"View all videos\"]")
            .await?;
        // A drop onto a full page is refused, saying what is there.
        app.drag(
            "section.page[data-page='8'] .slot",
            "section.page[data-page='13']",
        )
        .await?;
        app.wait_text(".toasts", "Page 13 has no room").await?;
        app.wait_present("section.page[data-page='8'] .slot[aria-label^=\"View all videos\"]")
            .await?;
        // Stretch it over page 9 from the keyboard, then over 10 by its corner.
        app.wait_present("section.page[data-page='8'] .slot-button")
            .await?
            .send_keys(thirtyfour::Key::Shift + thirtyfour::Key::Right)
            .await?;
        app.wait_present("section.page[data-page='9'] .slot[aria-label^=\"View all videos\"]")
            .await?;
        app.drag(
            "section.page[data-page='9'] .grip",
            "section.page[data-page='10']",
        )
        .await?;
        app.wait_present("section.page[data-page='10'] .slot[aria-label^=\"View all videos\"]")
            .await?;
        let shown: serde_json::Value =
            serde_json::from_str(&app.cli(&["flatplan", "show", "Feb/Mar 21", "--json"])?)?;
        let slot = &shown["pages"][7]["slots"][0];
        assert_eq!(
            (slot["first_page"].as_u64(), slot["last_page"].as_u64()),
            (Some(8), Some(10)),
            "{slot}"
        );
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = app.screenshot("failure-flatplan.png").await;
    }
    app.quit().await?;
    result
}

#[tokio::test(flavor = "multi_thread")]
async fn a_writers_draft_is_submitted_through_the_native_dialog_read_compared_and_approved()
-> Result<()> {
    let app = App::start("Dana Desk").await?;
    let result = drafts(&app).await;
    if result.is_err() {
        let _ = app.screenshot("failure-drafts.png").await;
    }
    app.quit().await?;
    result
}

async fn drafts(app: &App) -> Result<()> {
    let piece = "Leeds to sign memoranda with Lille and Brno";
    app.click_button("Load the demo edition").await?;
    app.wait_text("h1", "Feb/Mar 21").await?;
    app.click_button("Board").await?;
    app.wait_text(".columns", piece).await?;
    app.click_button(piece).await?;
    app.wait_text(".drafts", "No drafts yet").await?;
    app.wait_text(".drafts", "Commission a writer first")
        .await?;
    // Hannah is commissioned from the CLI; the open drawer follows.
    app.cli(&[
        "article",
        "assign",
        "--article",
        piece,
        "--contributor",
        "Hannah Okafor",
    ])?;
    app.wait_text(".drafts", "or drop it here").await?;

    // The seed article as Word, through the real GTK file chooser.
    app.click_button("Submit draft…").await?;
    app.choose_in_file_dialog("Submit a draft", &App::fixture("drafts/leeds.docx"))
        .await?;
    app.wait_text(".drafts .version", "Version 1").await?;
    app.wait_text("[data-testid=copy-count]", "484 / 350 words (+38%)")
        .await?;
    app.wait_text(".drafts", "More than 10% off the target")
        .await?;
    app.wait_text(".drawer .current", "Draft received").await?;
    app.wait_text(".toasts", "Recorded version 1").await?;
    let listed: serde_json::Value =
        serde_json::from_str(&app.cli(&["draft", "list", "--article", piece, "--json"])?)?;
    assert_eq!(listed[0]["words"], 484, "{listed}");
    assert_eq!(listed[0]["recorded_by"], "Dana Desk", "{listed}");
    assert_eq!(listed[0]["contributor"], "Hannah Okafor", "{listed}");

    // A protected file is refused in words, and nothing is added.
    app.click_button("Submit draft…").await?;
    app.choose_in_file_dialog(
        "Submit a draft",
        &App::fixture("drafts/leeds-protected.docx"),
    )
    .await?;
    app.wait_text(".toasts", "protected by a password").await?;

    // A second version arrives from elsewhere (the CLI); compare the two.
    let dir = tempfile::tempdir()?;
    let v2 = dir.path().join("Leeds v2.txt");
    std::fs::write(
        &v2,
        std::fs::read_to_string(App::fixture("drafts/leeds.txt"))?
            .replace("partners for 52 years", "close partners for 53 years"),
    )?;
    app.cli(&["draft", "submit", "--article", piece, v2.to_str().unwrap()])?;
    app.wait_text(".drafts .version", "Version 2").await?;
    let versions = app.driver.find_all(By::Css(".drafts .version")).await?;
    assert_eq!(versions.len(), 2, "two versions, no more");
    app.click_button("Compare").await?;
    app.wait_text(".reader", "2 words added").await?;
    app.wait_text(".reader ins", "close").await?;
    app.wait_text(".reader del", "52").await?;
    app.screenshot("draft-compare.png").await?;
    app.wait(".reader")
        .await?
        .send_keys(thirtyfour::Key::Escape)
        .await?;
    app.wait_gone(".reader").await?;
    // Esc closed the reading view, not the piece.
    app.wait_text(".drawer", "Version 2").await?;

    // Approve version 2: it is the copy the piece counts.
    app.click_button("Approve").await?;
    app.wait_text(".drafts .badge", "Approved").await?;
    app.wait_text("[data-testid=copy-count]", "version 2, approved")
        .await?;
    app.screenshot("drafts.png").await?;
    let shown: serde_json::Value =
        serde_json::from_str(&app.cli(&["article", "show", piece, "--json"])?)?;
    assert_eq!(shown["copy"]["version"], 2, "{shown}");
    assert_eq!(shown["copy"]["approved"], true, "{shown}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_exports_the_plan_as_a_pdf_through_the_save_dialog() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = async {
        app.click_button("Load the demo edition").await?;
        app.wait_text("h1", "Feb/Mar 21").await?;
        app.click_button("Export…").await?;
        app.wait_text(".modal, [role=dialog]", "The plan as a PDF")
            .await?;
        app.screenshot("export-dialog.png").await?;
        app.wait("button[form=export-form]").await?.click().await?;
        let dir = tempfile::tempdir()?;
        let out = dir.path().join("plan-e2e.pdf");
        app.save_in_file_dialog("Export the plan", &out).await?;
        app.wait_text(".toasts", "Saved plan-e2e.pdf").await?;
        let bytes = std::fs::read(&out)?;
        assert!(bytes.starts_with(b"%PDF-"), "a PDF was written");
        let text = std::process::Command::new("pdftotext")
            .arg(&out)
            .arg("-")
            .output()?;
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(
            text.contains("Feb/Mar 21") && text.contains("Run sheet"),
            "{text}"
        );
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = app.screenshot("failure-export.png").await;
    }
    app.quit().await?;
    result
}

/// Issue 16's defect in the real window: the export's save dialog lists
/// the database's folder (reading its files in the window's process) and
/// is cancelled, the CLI reads the file, the app saves an edit and quits:
/// the CLI sees the edit. The store process never holds a deleted file.
#[tokio::test(flavor = "multi_thread")]
async fn a_save_after_a_file_dialog_in_the_database_folder_is_kept() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = async {
        app.click_button("Load the demo edition").await?;
        app.wait_text("h1", "Feb/Mar 21").await?;
        app.click_button("Export…").await?;
        app.wait_text(".modal, [role=dialog]", "The plan as a PDF")
            .await?;
        app.wait("button[form=export-form]").await?.click().await?;
        app.browse_and_cancel_save_dialog("Export the plan", app.dir.path())
            .await?;
        app.click_button("Cancel").await?;
        app.cli(&["edition", "list"])?;
        let store = app.store_pid()?;
        let deleted = App::deleted_files_held_by(store)?;
        anyhow::ensure!(
            deleted.is_empty(),
            "the store holds deleted files: {deleted:?}"
        );

        app.click_button("Keep communities at the heart of planning")
            .await?;
        app.wait_text(".drawer .status", "Subbed").await?;
        app.type_into("#drawer-title", "Communities first, after the dialog")
            .await?;
        app.click_button("Save changes").await?;
        app.wait_text(".pieces", "Communities first, after the dialog")
            .await?;
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = app.screenshot("failure-dialog-lock.png").await;
    }
    let db = app.db.clone();
    let _kept = app.quit_keeping_files().await?;
    result?;
    let shown = cli_on(
        &db,
        &[
            "article",
            "show",
            "Communities first, after the dialog",
            "--json",
        ],
    )?;
    anyhow::ensure!(shown.contains("after the dialog"), "{shown}");
    Ok(())
}

/// The store process is killed under the window: the window says it was
/// started again, keeps what was being typed, and the next save is kept.
#[tokio::test(flavor = "multi_thread")]
async fn the_window_carries_on_when_its_store_process_dies() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = async {
        app.click_button("Load the demo edition").await?;
        app.wait_text("h1", "Feb/Mar 21").await?;
        app.click_button("Keep communities at the heart of planning")
            .await?;
        app.wait_text(".drawer .status", "Subbed").await?;
        app.type_into("#drawer-title", "Typed while the store died")
            .await?;
        let first = app.store_pid()?;
        let killed = std::process::Command::new("kill")
            .args(["-KILL", &first.to_string()])
            .status()?;
        anyhow::ensure!(killed.success());
        app.wait_text(".toasts", "started again").await?;
        app.screenshot("store-restarted.png").await?;
        let typed = app.wait("#drawer-title").await?.prop("value").await?;
        assert_eq!(typed.as_deref(), Some("Typed while the store died"));
        anyhow::ensure!(app.store_pid()? != first, "the same store process");
        app.click_button("Save changes").await?;
        app.wait_text(".pieces", "Typed while the store died")
            .await?;
        let shown = app.cli(&["article", "show", "Typed while the store died", "--json"])?;
        anyhow::ensure!(shown.contains("Typed while the store died"), "{shown}");
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = app.screenshot("failure-store-restart.png").await;
    }
    app.quit().await?;
    result
}

/// File › Back up… and Restore from backup…, from Settings: the backup goes
/// where the save dialog says; a change made after it is undone by the
/// restore, which keeps what the file held beside it; the window shows the
/// restored plan, and the CLI agrees.
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_backs_up_and_restores_the_database() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = async {
        app.click_button("Load the demo edition").await?;
        app.wait_text("h1", "Feb/Mar 21").await?;
        app.click_button("Settings").await?;
        app.wait_text("main", "Daily backups kept").await?;
        app.click_button("Back up…").await?;
        let backup = app.dir.path().join("before-the-retitle.db");
        app.save_in_file_dialog("Back up the database", &backup)
            .await?;
        app.wait_text(".toasts", "Backed up to").await?;
        anyhow::ensure!(backup.exists(), "no backup at {}", backup.display());

        app.cli(&[
            "--as",
            "Sam Sub",
            "article",
            "update",
            "Keep communities at the heart of planning",
            "--title",
            "Retitled after the backup",
        ])?;
        app.click_button("Restore from backup…").await?;
        app.wait_text("[role=dialog]", "is replaced by the backup")
            .await?;
        app.screenshot("restore-dialog.png").await?;
        app.click_button("Choose a backup…").await?;
        app.choose_in_file_dialog("Restore from a backup", &backup)
            .await?;
        app.wait_text(".toasts", "Restored from").await?;
        app.screenshot("restored.png").await?;
        let shown = app.cli(&["article", "list", "--edition", "Feb/Mar 21"])?;
        anyhow::ensure!(
            shown.contains("Keep communities at the heart of planning")
                && !shown.contains("Retitled after the backup"),
            "{shown}"
        );
        let aside: Vec<_> = std::fs::read_dir(app.dir.path())?
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".before-restore-"))
            .collect();
        anyhow::ensure!(aside.len() == 1, "the file's contents set aside once");
        let kept = cli_on(
            &aside[0].path().display().to_string(),
            &["article", "list", "--edition", "Feb/Mar 21"],
        )?;
        anyhow::ensure!(kept.contains("Retitled after the backup"), "{kept}");
        // The window shows the restored plan.
        app.click_button("Editions").await?;
        app.click_button("Feb/Mar 21").await.ok();
        app.wait_text(".pieces", "Keep communities at the heart of planning")
            .await?;
        // Undo puts back what the restore replaced, and the window shows it.
        app.click_button("Undo").await?;
        app.wait_text(".toasts", "Put back what the database held")
            .await?;
        app.wait_text(".pieces", "Retitled after the backup")
            .await?;
        let shown = app.cli(&["article", "list", "--edition", "Feb/Mar 21"])?;
        anyhow::ensure!(shown.contains("Retitled after the backup"), "{shown}");
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = app.screenshot("failure-backup-restore.png").await;
    }
    app.quit().await?;
    result
}

/// Settings › Check the database, Export everything… and, in a second
/// window on a new empty database, Import an export…: the demo arrives
/// whole, and the check says all is well.
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_checks_exports_and_imports_everything() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let out = tempfile::tempdir()?;
    let export = out.path().join("pse-everything.jsonl");
    let result = async {
        app.click_button("Load the demo edition").await?;
        app.wait_text("h1", "Feb/Mar 21").await?;
        app.click_button("Settings").await?;
        app.click_button("Check the database").await?;
        app.wait_text("[data-testid=check-report]", "All is well.")
            .await?;
        app.screenshot("check-report.png").await?;
        app.click_button("Close").await?;
        app.click_button("Export everything…").await?;
        app.save_in_file_dialog("Export everything", &export)
            .await?;
        app.wait_text(".toasts", "Exported").await?;
        anyhow::ensure!(export.exists(), "no export at {}", export.display());
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = app.screenshot("failure-check-export.png").await;
    }
    app.quit().await?;
    result?;

    let fresh = App::start("Erin Editor").await?;
    let result = async {
        // The welcome of a new database offers it.
        fresh.click_button("import an export").await?;
        fresh
            .choose_in_file_dialog("Import an export", &export)
            .await?;
        fresh.wait_text(".toasts", "Imported").await?;
        let listed = fresh.cli(&["edition", "list"])?;
        anyhow::ensure!(listed.contains("Feb/Mar 21"), "{listed}");
        fresh.click_button("Editions").await?;
        fresh.wait_text("main", "Feb/Mar 21").await?;
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = fresh.screenshot("failure-import.png").await;
    }
    fresh.quit().await?;
    result
}

/// Runs the CLI (beside the app binary) on `db`; its stdout.
fn cli_on(db: &str, args: &[&str]) -> Result<String> {
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
fn signed_url(invitation: &serde_json::Value) -> String {
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

/// The team-server issue's "done when": two windows of the real app on one
/// throwaway server, an editor and a contributor. The editor commissions a
/// piece from the contributor; the contributor's window shows it (within a
/// second, measured); the contributor accepts and submits a draft; the
/// editor's window shows the new version; the contributor can open no
/// other piece.
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_and_a_contributor_work_on_one_team_server_in_two_windows() -> Result<()> {
    // The cluster's client blocks: set it up off the async workers.
    let server =
        tokio::task::spawn_blocking(|| masthead_pgtest::cluster().empty_database()).await?;
    cli_on(&server, &["demo"])?;
    let invite = |name: &str, email: &str, role: &str| -> Result<serde_json::Value> {
        let out = cli_on(
            &server,
            &[
                "team", "invite", "--name", name, "--email", email, "--role", role, "--json",
            ],
        )?;
        Ok(serde_json::from_str(&out)?)
    };
    let editor = signed_url(&invite("Erin Editor", "erin@pse.example", "editor")?);
    let hannah = signed_url(&invite(
        "Hannah Okafor",
        "hannah.okafor@pse.example",
        "contributor",
    )?);

    let desk = App::start_on("Erin at the desk", Some(&editor)).await?;
    let home = match App::start_on("Typed Name", Some(&hannah)).await {
        Ok(app) => app,
        Err(e) => {
            desk.quit().await?;
            return Err(e);
        }
    };
    let result = two_windows(&desk, &home).await;
    if result.is_err() {
        let _ = desk.screenshot("failure-team-editor.png").await;
        let _ = home.screenshot("failure-team-contributor.png").await;
    }
    desk.quit().await?;
    home.quit().await?;
    result
}

async fn two_windows(desk: &App, home: &App) -> Result<()> {
    let training = "Training tomorrow's public sector leaders";
    // The contributor sees their own assignments, and nothing else.
    home.wait_text("h1", "My assignments").await?;
    home.wait_text(".mine", "Signed in as Hannah Okafor (contributor)")
        .await?;
    let mine = home
        .wait_text(".cards", "Digital services after the pandemic")
        .await?;
    assert!(!mine.contains(training), "{mine}");
    assert!(!mine.contains("Ten lessons from lockdown"), "{mine}");

    // The editor invites a colleague from the Team screen: the password is
    // shown once, with the address to send.
    desk.wait_text(".sidebar", "Team").await?;
    desk.click_button("Team").await?;
    desk.wait_text(".team table", "Hannah Okafor").await?;
    desk.click_button("Invite someone").await?;
    desk.type_into(
        "form[aria-label='Invite someone'] input:not([type=email])",
        "Priya Shah",
    )
    .await?;
    desk.type_into(
        "form[aria-label='Invite someone'] input[type=email]",
        "priya.shah@pse.example",
    )
    .await?;
    desk.click_button("Invite").await?;
    let sent = desk
        .wait_text(".invitation", "Send these to Priya Shah")
        .await?;
    let password = desk.wait(".invitation .password").await?.text().await?;
    assert_eq!(password.trim().len(), 24, "{sent}");
    assert!(sent.contains("mh_priya_shah"), "{sent}");
    desk.screenshot("team-invitation.png").await?;
    desk.click_button("Done").await?;
    let team: serde_json::Value = serde_json::from_str(&desk.cli(&["team", "list", "--json"])?)?;
    assert!(
        team.as_array().is_some_and(|all| all
            .iter()
            .any(|p| p["name"] == "Priya Shah" && p["role"] == "contributor")),
        "{team}"
    );
    desk.click_button("Editions").await?;

    // The editor commissions the training feature from Hannah.
    desk.click_button("Feb/Mar 21").await?;
    desk.wait_text("h1", "Feb/Mar 21").await?;
    desk.click_button("Board").await?;
    desk.click_button(training).await?;
    desk.wait_text(".drawer", "Nobody has been asked yet")
        .await?;
    desk.click_button("Commission…").await?;
    desk.choose("#commission-form select[name=contributor]", "Hannah Okafor")
        .await?;
    desk.type_into(
        "#commission-form textarea[name=brief]",
        "What the next **leaders** need.",
    )
    .await?;
    desk.click_button("Offer the piece").await?;
    let offered = std::time::Instant::now();
    desk.wait_text(".toasts", "Offered the piece to Hannah Okafor")
        .await?;

    // The contributor's window shows it by itself.
    home.wait_text(".cards", training).await?;
    let shown_after = offered.elapsed();
    println!("the offer showed in the contributor's window after {shown_after:?}");
    assert!(
        shown_after < std::time::Duration::from_secs(5),
        "the offer took {shown_after:?} to show"
    );
    home.screenshot("team-my-assignments.png").await?;

    // She accepts and submits her draft through the native dialog.
    let listed: serde_json::Value =
        serde_json::from_str(&home.cli(&["assignment", "list", "--json"])?)?;
    let id = listed
        .as_array()
        .and_then(|all| all.iter().find(|a| a["article_title"] == training))
        .and_then(|a| a["id"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| anyhow::anyhow!("no assignment for {training}: {listed}"))?;
    let card = format!("li[data-assignment-id=\"{id}\"]");
    home.click_button("Accept").await?;
    home.wait_text(&card, "Accepted").await?;
    home.wait(&format!("{card} button.primary"))
        .await?
        .click()
        .await?;
    home.choose_in_file_dialog("Submit a draft", &App::fixture("drafts/leeds.md"))
        .await?;
    home.wait_text(&card, "1 version · 484 words of").await?;

    // The editor's open drawer shows the new version, recorded by her.
    desk.wait_text(".drafts .version", "Version 1").await?;
    desk.wait_text(".drawer .history", "Hannah Okafor").await?;
    let history = desk.wait_text(".drawer .history", "recorded").await?;
    assert!(!history.contains("Typed Name"), "{history}");
    desk.screenshot("team-editor-sees-draft.png").await?;

    // No other piece opens for her: the server refuses, whatever the face.
    let other = home.cli(&["article", "show", "Ten lessons from lockdown"]);
    assert!(
        other
            .as_ref()
            .is_err_and(|e| e.to_string().contains("No article matches")),
        "{other:?}"
    );
    let plan = home.cli(&["flatplan", "show", "Feb/Mar 21"]);
    assert!(
        plan.as_ref()
            .is_err_and(|e| e.to_string().contains("may not do this")),
        "{plan:?}"
    );
    Ok(())
}
