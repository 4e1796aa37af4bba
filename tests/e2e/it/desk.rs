//! The editor's desk: the window opens on it, and Search (Ctrl+K) finds a
//! piece by the words of its copy and opens it.

use anyhow::{Result, ensure};
use masthead_e2e::App;
use thirtyfour::{By, Key};

const SEARCH: &str = "[role=dialog][aria-label=Search]";

/// The titles of the pieces found, once one starts with `first`.
async fn titles_found(app: &App, first: &str) -> Result<Vec<String>> {
    let started = std::time::Instant::now();
    loop {
        let mut titles = Vec::new();
        for t in app
            .driver
            .find_all(By::Css(format!("{SEARCH} [role=option] .title")))
            .await?
        {
            titles.push(t.prop("textContent").await?.unwrap_or_default());
        }
        if titles.iter().any(|t| t.starts_with(first)) && !titles.is_empty() {
            return Ok(titles);
        }
        ensure!(
            started.elapsed().as_secs() < 10,
            "no piece found starting {first:?}: {titles:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_searches_for_dortmund_and_opens_the_leeds_piece() -> Result<()> {
    App::journey("Erin Editor", "search", async |app| {
        app.load_demo().await?;
        app.ctrl("k").await?;
        app.type_into(&format!("{SEARCH} input"), "Dortmund")
            .await?;
        let found = titles_found(app, "Leeds commits").await?;
        ensure!(found.len() >= 2, "{found:?}");
        app.wait_text(&format!("{SEARCH} [role=group] h3"), "Feb/Mar 21")
            .await?;
        app.wait_text(&format!("{SEARCH} [role=option] mark"), "Dortmund")
            .await?;
        app.screenshot("search-dortmund.png").await?;
        app.driver
            .find(By::XPath(
                "//*[@role='option'][.//span[starts-with(., 'Leeds commits')]]",
            ))
            .await?
            .click()
            .await?;
        app.wait_gone(SEARCH).await?;
        let title = app.wait("#drawer-title").await?.prop("value").await?;
        ensure!(
            title
                .as_deref()
                .is_some_and(|t| t.starts_with("Leeds commits")),
            "the drawer shows {title:?}"
        );

        // Again from the keyboard alone: the words are kept, ↓ and Enter
        // open the next piece found.
        app.ctrl("k").await?;
        let field = app.wait(&format!("{SEARCH} input")).await?;
        ensure!(field.prop("value").await?.as_deref() == Some("Dortmund"));
        app.wait(&format!("{SEARCH} [role=option][aria-selected=true]"))
            .await?;
        let second = titles_found(app, "").await?[1].clone();
        field.send_keys(Key::Down).await?;
        field.send_keys(Key::Enter).await?;
        app.wait_gone(SEARCH).await?;
        app.wait("#drawer-title").await?;
        let started = std::time::Instant::now();
        loop {
            let t = app.wait("#drawer-title").await?.prop("value").await?;
            if t.as_deref() == Some(second.as_str()) {
                break;
            }
            ensure!(
                started.elapsed().as_secs() < 10,
                "the drawer shows {t:?}, not {second:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_deletes_a_piece_and_brings_it_back() -> Result<()> {
    App::journey("Erin Editor", "trash", async |app| {
        app.load_demo().await?;
        let piece = "Keep communities at the heart of planning";
        let delete = ".drawer .head-actions button.danger";
        app.click_button(piece).await?;
        app.wait(delete).await?.click().await?;
        app.wait_text(".toast", "to the trash").await?;
        app.wait_gone(".drawer").await?;
        app.wait_without("main", piece).await?;
        // Undo in the toast: back in the list, and open again.
        app.click_button("Undo").await?;
        app.wait_text("main", piece).await?;
        app.wait(delete).await?;

        // Deleted again, then restored from the Trash screen.
        app.wait(delete).await?.click().await?;
        app.wait_without("main", piece).await?;
        app.click_button("Trash").await?;
        app.wait_text("h1", "Trash").await?;
        let listed = app.wait_text("[aria-label='In the trash']", piece).await?;
        ensure!(
            listed.contains("Feb/Mar 21") && listed.contains("Erin Editor"),
            "{listed}"
        );
        app.screenshot("trash.png").await?;
        app.driver
            .find(By::Css(format!("button[aria-label='Restore {piece}']")))
            .await?
            .click()
            .await?;
        app.wait_text(".toast", "Restored the piece").await?;
        app.wait_text("main", "The trash is empty").await?;
        app.click_button("Editions").await?;
        app.click_button("Feb/Mar 21").await?;
        app.wait_text("main", piece).await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_editor_reschedules_a_due_date_by_dragging_it_on_the_calendar() -> Result<()> {
    App::journey("Erin Editor", "calendar", async |app| {
        app.load_demo().await?;
        // A commission due in three days' time (this month's calendar shows it).
        let today = chrono::Local::now().date_naive();
        let due = today + chrono::Days::new(3);
        let due = if due.format("%m").to_string() == today.format("%m").to_string() {
            due
        } else {
            today
        };
        let to = if (due + chrono::Days::new(1)).format("%m").to_string()
            == due.format("%m").to_string()
        {
            due + chrono::Days::new(1)
        } else {
            due - chrono::Days::new(1)
        };
        let piece = "Net zero: what councils can do this year";
        app.cli(&["contributor", "add", "--name", "Sam Okoro"])?;
        app.cli(&[
            "article",
            "assign",
            "--article",
            piece,
            "--contributor",
            "Sam Okoro",
            "--due",
            &due.to_string(),
        ])?;

        app.click_button("Calendar").await?;
        app.wait_text("h1", "Calendar").await?;
        let chip = "button.event.due[data-uid^='due-']";
        let on_day = |d: chrono::NaiveDate| format!("[data-day='{d}']");
        app.wait_content(&format!("{} {chip}", on_day(due)), "Sam Okoro")
            .await?;
        app.screenshot("calendar-month.png").await?;
        app.drag(&format!("{} {chip}", on_day(due)), &on_day(to))
            .await?;
        app.wait_text(".toast", "Moved “Draft due from Sam Okoro")
            .await?;
        app.wait_content(&format!("{} {chip}", on_day(to)), "Sam Okoro")
            .await?;
        // Saved: the CLI reads the new date.
        let json = app.cli(&[
            "calendar",
            "--from",
            &to.to_string(),
            "--to",
            &to.to_string(),
            "--json",
        ])?;
        ensure!(json.contains("Draft due from Sam Okoro"), "{json}");
        // Undo puts it back.
        app.click_button("Undo").await?;
        app.wait_content(&format!("{} {chip}", on_day(due)), "Sam Okoro")
            .await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desk_shows_what_someone_else_changed_until_it_is_marked_seen() -> Result<()> {
    App::journey("Erin Editor", "activity", async |app| {
        app.load_demo().await?;
        app.click_button("Desk").await?;
        app.wait_text("h1", "Desk").await?;
        let news = "section[aria-label='Changed by others']";
        app.wait_text(news, "Nothing new").await?;
        // Sam, at another desk (the CLI), moves a piece on.
        let piece = "Net zero: what councils can do this year";
        app.cli(&[
            "--as", "Sam Sub", "article", "status", piece, "Commissioned",
        ])?;
        let shown = app.wait_text(news, "Sam Sub").await?;
        ensure!(
            shown.contains(piece) && shown.contains("moved it from Idea to Commissioned"),
            "{shown}"
        );
        app.screenshot("desk-changes.png").await?;
        app.click_button("Mark all seen").await?;
        app.wait_text(news, "Nothing new").await?;
        app.wait_text(news, "Since you last looked").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn comments_with_mentions_reach_the_other_members_desk() -> Result<()> {
    App::journey("Erin Editor", "comments", async |app| {
        app.load_demo().await?;
        let piece = "Keep communities at the heart of planning";
        app.click_button(piece).await?;
        app.type_into(
            "[aria-label='Write a comment']",
            "@Sam Sub can you check the planning figures?",
        )
        .await?;
        app.click_button("Comment").await?;
        let shown = app
            .wait_text(
                "section[aria-label=Comments]", "can you check the planning figures",
            )
            .await?;
        ensure!(shown.contains("Erin Editor"), "{shown}");
        app.screenshot("comments.png").await?;
        // Sam's desk (the CLI as Sam) shows the mention.
        let sams = app.cli(&["--as", "Sam Sub", "dashboard"])?;
        ensure!(
            sams.contains("Mentions of you (1)") && sams.contains("planning figures"),
            "{sams}"
        );
        // Sam answers, mentioning Erin: it arrives on her desk.
        app.cli(&[
            "--as", "Sam Sub", "comment", "add", piece, "--body", "@Erin Editor done, all fine",
        ])?;
        app.click_button("Desk").await?;
        let mentions = app
            .wait_content("section[aria-label='Mentions of you']", "done, all fine")
            .await?;
        ensure!(mentions.contains("Sam Sub"), "{mentions}");
        Ok(())
    })
    .await
}
