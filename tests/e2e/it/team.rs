//! The team server: an editor and a contributor in two windows.

use super::*;
use anyhow::ensure;

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
        "Hannah Okafor", "hannah.okafor@pse.example", "contributor",
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
        "#commission-form textarea[name=brief]", "What the next **leaders** need.",
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
    // She can read again what she sent.
    home.click_button("Read what you sent").await?;
    home.wait_text(".reader .text", "Dortmund").await?;
    home.screenshot("contributor-rereads-her-draft.png").await?;
    home.wait(".reader button.close").await?.click().await?;
    home.wait_gone(".reader").await?;

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

/// The desk issue's "done when": two editors in two windows on one team
/// server. Erin comments on a piece mentioning Ed; Ed's desk, in the other
/// window, shows the mention arrive, signed by the server as Erin's.
#[tokio::test(flavor = "multi_thread")]
async fn a_comment_mentioning_a_teammate_arrives_on_their_desk_in_another_window() -> Result<()> {
    let server =
        tokio::task::spawn_blocking(|| masthead_pgtest::cluster().empty_database()).await?;
    cli_on(&server, &["demo"])?;
    let invite = |name: &str, email: &str| -> Result<String> {
        let out = cli_on(
            &server,
            &[
                "team", "invite", "--name", name, "--email", email, "--role", "editor", "--json",
            ],
        )?;
        Ok(signed_url(&serde_json::from_str(&out)?))
    };
    let erin = invite("Erin Editor", "erin@pse.example")?;
    let ed = invite("Ed Itor", "ed@pse.example")?;
    let left = App::start_on("Erin at her desk", Some(&erin)).await?;
    let right = match App::start_on("Ed at his", Some(&ed)).await {
        Ok(app) => app,
        Err(e) => {
            left.quit().await?;
            return Err(e);
        }
    };
    let result = mention_arrives(&left, &right).await;
    if result.is_err() {
        let _ = left.screenshot("failure-mention-erin.png").await;
        let _ = right.screenshot("failure-mention-ed.png").await;
    }
    left.quit().await?;
    right.quit().await?;
    result
}

async fn mention_arrives(erin: &App, ed: &App) -> Result<()> {
    ed.wait_text("h1", "Desk").await?;
    erin.wait_text("h1", "Desk").await?;
    erin.click_button("Editions").await?;
    erin.click_button("Feb/Mar 21").await?;
    let piece = "Keep communities at the heart of planning";
    erin.click_button(piece).await?;
    erin.type_into(
        "[aria-label='Write a comment']",
        "@Ed Itor could you read this before press?",
    )
    .await?;
    erin.click_button("Comment").await?;
    erin.wait_text("section[aria-label=Comments]", "before press")
        .await?;
    // In the other window, without a click: the server tells it.
    let shown = ed
        .wait_content("section[aria-label='Mentions of you']", "before press")
        .await?;
    ensure!(
        shown.contains("Erin Editor") && shown.contains(piece),
        "{shown}"
    );
    ed.screenshot("mention-second-window.png").await?;
    Ok(())
}

/// A contributor, in her own window, writes to the editors on her piece;
/// the editor's desk, in the other window, shows her mention.
#[tokio::test(flavor = "multi_thread")]
async fn a_contributor_comments_on_her_piece_and_the_editor_is_told() -> Result<()> {
    let server =
        tokio::task::spawn_blocking(|| masthead_pgtest::cluster().empty_database()).await?;
    cli_on(&server, &["demo"])?;
    let invite = |name: &str, email: &str, role: &str| -> Result<String> {
        let out = cli_on(
            &server,
            &[
                "team", "invite", "--name", name, "--email", email, "--role", role, "--json",
            ],
        )?;
        Ok(signed_url(&serde_json::from_str(&out)?))
    };
    let erin = invite("Erin Editor", "erin@pse.example", "editor")?;
    let hannah = invite("Hannah Okafor", "hannah.okafor@pse.example", "contributor")?;
    let desk = App::start_on("Erin", Some(&erin)).await?;
    let home = match App::start_on("Hannah", Some(&hannah)).await {
        Ok(app) => app,
        Err(e) => {
            desk.quit().await?;
            return Err(e);
        }
    };
    let result = async {
        home.wait_text("h1", "My assignments").await?;
        let card = "[data-assignment-id]";
        home.wait(&format!("{card} details.talk summary"))
            .await?
            .click()
            .await?;
        home.type_into(
            &format!("{card} [aria-label='Write a comment']"),
            "@Erin Editor my draft comes on Friday",
        )
        .await?;
        home.click_button("Comment").await?;
        home.wait_text(
            &format!("{card} section[aria-label=Comments]"),
            "comes on Friday",
        )
        .await?;
        home.screenshot("contributor-comment.png").await?;
        let told = desk
            .wait_content("section[aria-label='Mentions of you']", "comes on Friday")
            .await?;
        ensure!(told.contains("Hannah Okafor"), "{told}");
        Ok(())
    }
    .await;
    if result.is_err() {
        let _ = desk.screenshot("failure-comment-editor.png").await;
        let _ = home.screenshot("failure-comment-contributor.png").await;
    }
    desk.quit().await?;
    home.quit().await?;
    result
}
