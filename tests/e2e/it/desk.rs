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
