//! The day's work: the board and the workflow, the flatplan, drafts, the PDF.

use super::*;

/// The "done when": an editor commissions the focus features from
/// the app alone (adding a contributor on the way), records an answer,
/// moves pieces across the board (a refused drop snaps back and says why),
/// sees what is overdue, and adds a "Legal read" status with a deadline.
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_commissions_moves_pieces_on_the_board_and_reshapes_the_workflow() -> Result<()> {
    App::journey("Erin Editor", "commissioning", async |app| {
        commission_and_board(app).await
    })
    .await
}

async fn commission_and_board(app: &App) -> Result<()> {
    let training = "Training tomorrow's public sector leaders";
    let housing = "Housing at the heart of levelling up";
    app.load_demo().await?;

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
        "#commission-form input[name=new-email]", "sam@okoro.example",
    )
    .await?;
    app.type_into(
        "#commission-form textarea[name=brief]",
        "## Angle\nWhat the next **leaders** need.",
    )
    .await?;
    // The preview is the core's rendering: a brief's ## is the form's h4.
    app.wait_text(".preview h4", "Angle").await?;
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
    // Drag it on to Draft received, from where the board now shows it.
    let column = |label: &str| format!("section.column[aria-label^=\"{label},\"]");
    app.wait_text(&column("Commissioned"), training).await?;
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
    // Published starts folded to a strip with its count (the day's work is
    // elsewhere); opened, it shows its cards.
    let folded = app
        .wait(&format!("{} button.fold", column("Published")))
        .await?;
    assert_eq!(
        folded.attr("aria-expanded").await?.as_deref(),
        Some("false")
    );
    folded.click().await?;
    // A key move with nowhere to go says so, and where the piece could go.
    app.wait("button.open[aria-label^=\"Leeds commits to working\"]")
        .await?
        .send_keys(thirtyfour::Key::Shift + thirtyfour::Key::Right)
        .await?;
    app.wait_text(".toasts", "No moves are allowed from Published")
        .await?;

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
    App::journey("Erin Editor", "flatplan", async |app| {
        app.load_demo().await?;
        app.click_button("Flatplan").await?;
        app.wait_text("h1", "Flatplan").await?;
        app.wait_text(".budget", "68 pages").await?;
        app.wait_present("section.page[data-page='13'] .slot[aria-label^=\"Keep communities\"]")
            .await?;
        app.wait_present("section.page[data-page='68'] .slot[aria-label^=\"CivicTech Solutions\"]")
            .await?;
        app.screenshot("flatplan.png").await?;

        // Place "View all videos" from the form: it opens on the first
        // free inner page (4: 1 is the cover, 2 and 3 carry adverts).
        app.wait_text(".tray", "View all videos").await?;
        app.click_button("Place…").await?;
        let first = app
            .wait("#place-form input[name=first]")
            .await?
            .prop("value")
            .await?;
        assert_eq!(first.as_deref(), Some("4"));
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
            "section.page[data-page='8'] .slot", "section.page[data-page='13']",
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
            "section.page[data-page='9'] .grip", "section.page[data-page='10']",
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
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_writers_draft_is_submitted_through_the_native_dialog_read_compared_and_approved()
-> Result<()> {
    App::journey("Dana Desk", "drafts", async |app| drafts(app).await).await
}

async fn drafts(app: &App) -> Result<()> {
    let piece = "Leeds to sign memoranda with Lille and Brno";
    app.load_demo().await?;
    app.click_button("Board").await?;
    app.wait_text(".columns", piece).await?;
    app.click_button(piece).await?;
    app.wait_text(".drafts", "No drafts yet").await?;
    app.wait_text(".drafts", "Commission a writer first")
        .await?;
    // Hannah is commissioned from the CLI; the open drawer follows.
    app.cli(&[
        "article", "assign", "--article", piece, "--contributor", "Hannah Okafor",
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
    // Reading a version shows the core's HTML of its text.
    app.click_button("Read").await?;
    app.wait_text(".reader .text", "Dortmund").await?;
    app.wait_text(".reader .text p", "Leeds commits").await?;
    app.wait(".reader")
        .await?
        .send_keys(thirtyfour::Key::Escape)
        .await?;
    app.wait_gone(".reader").await?;

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
    App::journey("Erin Editor", "export", async |app| {
        app.load_demo().await?;
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
    })
    .await
}

/// A piece whose writer declined still says it needs a writer on its card,
/// though a photographer is on it (the banner counted it; the card hid it).
#[tokio::test(flavor = "multi_thread")]
async fn a_card_with_only_a_photographer_left_still_needs_a_writer() -> Result<()> {
    App::journey("Erin Editor", "needs-writer", async |app| {
        app.load_demo().await?;
        let piece = "Net zero: what councils can do this year";
        app.cli(&[
            "article", "assign", "--article", piece, "--contributor", "Hannah Okafor",
        ])?;
        app.cli(&[
            "assignment", "decline", "--article", piece, "--contributor", "Hannah Okafor",
        ])?;
        app.cli(&[
            "article", "assign", "--article", piece, "--contributor", "Chris Borg", "--role",
            "photographer",
        ])?;
        app.click_button("Board").await?;
        app.wait_text("h1", "Board").await?;
        app.choose(".filters select", "Apr/May 21").await?;
        app.wait_text(".columns", piece).await?;
        let card = format!(".card:has(button[aria-label^=\"{piece}\"])");
        let text = app.wait_text(&card, "Chris Borg").await?;
        anyhow::ensure!(text.contains("Needs a writer"), "{text}");
        app.screenshot("needs-writer.png").await?;
        Ok(())
    })
    .await
}

/// A piece offered to someone else from its drawer, opened from the
/// edition's list, where the contributors were never loaded: Re-assign's
/// list of people is filled when it opens (it was empty unless another
/// screen had loaded them).
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_offers_a_piece_to_someone_else_from_its_drawer() -> Result<()> {
    App::journey("Erin Editor", "reassign", async |app| {
        app.load_demo().await?;
        let housing = "Housing at the heart of levelling up";
        app.click_button(housing).await?;
        app.wait_text(".drawer", "Rachel Dunn").await?;
        app.click_button("Re-assign").await?;
        app.wait_content(".drawer form.reassign select", "Priya Shah")
            .await?;
        app.choose(".drawer form.reassign select", "Priya Shah")
            .await?;
        app.driver
            .find(By::Css(".drawer form.reassign button[type=submit]"))
            .await?
            .click()
            .await?;
        app.wait_text(".toast", "Offered the piece to Priya Shah instead")
            .await?;
        app.wait_text(".drawer .by", "Priya Shah").await?;
        app.screenshot("reassign.png").await?;
        Ok(())
    })
    .await
}

/// The board's contributor filter: its people are asked for as it is
/// reached (the board no longer loads them up front), then it filters.
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_filters_the_board_by_a_contributor() -> Result<()> {
    App::journey("Erin Editor", "board-by-contributor", async |app| {
        app.load_demo().await?;
        app.click_button("Board").await?;
        app.wait_text("h1", "Board").await?;
        let housing = "Housing at the heart of levelling up";
        let cyber = "Is the Public Sector safe against a cyber-attack?";
        app.wait_text(".columns", housing).await?;
        let people = ".filters select[name=contributor]";
        app.driver
            .execute(
                &format!("document.querySelector('{people}').focus()"),
                vec![],
            )
            .await?;
        app.wait_content(people, "Priya Shah").await?;
        app.choose(people, "Priya Shah").await?;
        app.wait_without(".columns", housing).await?;
        app.wait_text(".columns", cyber).await?;
        Ok(())
    })
    .await
}
