//! Every screen at 1280×800 and at 1920×1080, with the drawer open and
//! closed: nothing's text is clipped and nothing spills out of its box.
//! Each screen is saved as `layout-<size>-<screen>.png` in the artifacts.

use super::*;

/// Finds what is clipped or spills out of its box, in the page as it is:
/// an element whose content is wider than it (`scrollWidth > clientWidth`)
/// unless it is meant to scroll (overflow auto or scroll) or cuts its text
/// with an ellipsis while its title holds the whole; a box that hides what
/// is below its bottom edge; a `<select>` too narrow for its chosen option.
const OVERFLOWS: &str = r#"
const found = [];
const name = (el) => {
  const id = el.id ? `#${el.id}` : "";
  const cls = [...el.classList].filter((c) => !c.startsWith("svelte-")).map((c) => `.${c}`).join("");
  const text = (el.innerText || el.value || "").trim().replace(/\s+/g, " ").slice(0, 50);
  return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
};
const canvas = document.createElement("canvas").getContext("2d");
for (const el of document.querySelectorAll("body *")) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  const cs = getComputedStyle(el);
  // Unseen: hidden, inert, or a control laid over its own label (opacity 0).
  if (cs.visibility === "hidden" || cs.opacity === "0" || el.closest("[inert], .visually-hidden")) continue;
  if (el.tagName === "SELECT") {
    const option = el.options[el.selectedIndex];
    canvas.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 26;
    if (option && canvas.measureText(option.text).width > room + 1) {
      found.push(`${name(el)}: its choice "${option.text}" is cut off`);
    }
    continue;
  }
  const scrolls = (o) => o === "auto" || o === "scroll";
  if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !scrolls(cs.overflowX)) {
    // Cut with "…" is fine when a title nearby holds the whole text.
    const whole = el.closest("[title]")?.getAttribute("title") ?? "";
    const ellipsis = cs.textOverflow === "ellipsis" && whole.includes((el.textContent ?? "").trim());
    if (!ellipsis) found.push(`${name(el)}: ${el.scrollWidth}px of content in ${el.clientWidth}px`);
  }
  if ((cs.overflowY === "hidden" || cs.overflowY === "clip") && el.clientHeight > 0
      && el.scrollHeight > el.clientHeight + 1 && cs.webkitLineClamp === "none") {
    const below = [...el.querySelectorAll("*")].filter((c) => c.getBoundingClientRect().bottom > r.bottom + 1
      && c.getBoundingClientRect().height > 0 && !c.closest("[inert]"))
      .filter((c) => { let p = c.parentElement; while (p && p !== el) { const o = getComputedStyle(p).overflowY;
        if (o !== "visible") return false; p = p.parentElement; } return true; });
    if (below.length > 0) {
      found.push(`${name(el)}: ${el.scrollHeight}px tall in ${el.clientHeight}px, hiding ${name(below[0])}`);
    }
  }
}
return found;
"#;

/// What overflows on the screen now, and its screenshot saved as `name`.
async fn check(app: &App, size: &str, name: &str, problems: &mut Vec<String>) -> Result<()> {
    // Let layout settle (fonts, a drawer's slide) before measuring.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let found: Vec<String> = app.driver.execute(OVERFLOWS, vec![]).await?.convert()?;
    problems.extend(found.into_iter().map(|f| format!("{size} {name}: {f}")));
    app.screenshot(&format!("layout-{size}-{name}.png")).await?;
    Ok(())
}

async fn close_drawer(app: &App) -> Result<()> {
    app.wait(".drawer button[aria-label^='Close detail']")
        .await?
        .click()
        .await?;
    app.wait_gone(".drawer").await
}

async fn every_screen(app: &App, size: &str, visited: &mut Vec<String>) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut at = async |name: &str, problems: &mut Vec<String>| -> Result<()> {
        visited.push(format!("{size} {name}"));
        check(app, size, name, problems).await
    };
    let piece = "Keep communities at the heart of planning";

    // The desk: its lines open their piece. (The demo went on sale in 2021,
    // so an edition still to come holds the overdue piece.)
    app.click_button("Desk").await?;
    app.wait_text("h1", "Desk").await?;
    app.wait_text(
        "section[aria-label=Overdue]", "Heat pumps for council homes",
    )
    .await?;
    app.wait_text("section[aria-label='Editions to come']", "Jun/Jul 37")
        .await?;
    at("desk", &mut problems).await?;
    app.wait("section[aria-label=Overdue] button.line")
        .await?
        .click()
        .await?;
    app.wait(".drawer").await?;
    at("desk-drawer", &mut problems).await?;
    close_drawer(app).await?;
    // Search (Ctrl+K), with results from several editions.
    app.ctrl("k").await?;
    app.type_into("[role=dialog][aria-label=Search] input", "council")
        .await?;
    app.wait("[role=dialog][aria-label=Search] [role=option]")
        .await?;
    at("search", &mut problems).await?;
    app.wait("[role=dialog][aria-label=Search] button.close")
        .await?
        .click()
        .await?;
    app.wait_gone("[role=dialog][aria-label=Search]").await?;
    app.click_button("Trash").await?;
    app.wait_text("h1", "Trash").await?;
    at("trash", &mut problems).await?;
    app.click_button("Calendar").await?;
    app.wait_text("h1", "Calendar").await?;
    app.wait("[data-day]").await?;
    at("calendar", &mut problems).await?;

    app.click_button("Editions").await?;
    app.wait_text("h1", "Editions").await?;
    at("editions", &mut problems).await?;

    app.click_button("Feb/Mar 21").await?;
    app.wait_text("h1", "Feb/Mar 21").await?;
    at("edition", &mut problems).await?;
    app.click_button("New piece").await?;
    app.wait("#article-form").await?;
    at("new-piece-dialog", &mut problems).await?;
    app.click_button("Cancel").await?;
    app.wait_gone("#article-form").await?;
    app.click_button(piece).await?;
    app.wait(".drawer").await?;
    at("edition-drawer", &mut problems).await?;
    close_drawer(app).await?;

    app.click_button("Board").await?;
    app.wait_text("h1", "Board").await?;
    at("board", &mut problems).await?;
    app.click_button(piece).await?;
    app.wait(".drawer").await?;
    at("board-drawer", &mut problems).await?;
    app.click_button("Commission…").await?;
    app.wait("#commission-form").await?;
    at("commission-dialog", &mut problems).await?;
    app.click_button("Cancel").await?;
    app.wait_gone("#commission-form").await?;
    close_drawer(app).await?;
    app.click_button("List").await?;
    app.wait("table.list").await?;
    at("board-list", &mut problems).await?;
    app.click_button("Columns").await?;

    app.click_button("Flatplan").await?;
    app.wait_text("h1", "Flatplan").await?;
    at("flatplan", &mut problems).await?;
    // Zoomed to two spreads a row, then six, then back to fit the width.
    for (per_row, name) in [("2", "flatplan-2-per-row"), ("6", "flatplan-6-per-row")] {
        app.choose(".zoom select", per_row).await?;
        at(name, &mut problems).await?;
    }
    app.choose(".zoom select", "Fit the width").await?;
    app.wait(&format!(".slot-button[aria-label^='{piece}']"))
        .await?
        .click()
        .await?;
    app.wait(".drawer").await?;
    at("flatplan-drawer", &mut problems).await?;
    close_drawer(app).await?;

    app.click_button("Contributors").await?;
    app.wait_text("h1", "Contributors").await?;
    at("contributors", &mut problems).await?;
    app.click_button("Chris Borg").await?;
    app.wait_text("h1", "Chris Borg").await?;
    at("contributor", &mut problems).await?;

    app.wait("button[title^=Settings]").await?.click().await?;
    app.wait_text("h1", "Settings").await?;
    at("settings", &mut problems).await?;
    Ok(problems)
}

/// The issue's guard: every screen at both sizes, drawer open and closed.
#[tokio::test(flavor = "multi_thread")]
async fn every_screen_fits_at_1280x800_and_1920x1080() -> Result<()> {
    App::journey("Erin Editor", "layout", async |app| {
        app.load_demo().await?;
        app.cli(&[
            "edition", "add", "--name", "Jun/Jul 37", "--pages", "68", "--commissioning-closes",
            "2026-01-02", "--press-date", "2037-05-22", "--on-sale", "2037-06-01",
        ])?;
        app.cli(&[
            "article", "add", "--edition", "Jun/Jul 37", "--title", "Heat pumps for council homes",
            "--kind", "feature", "--words", "1500",
        ])?;
        // Toasts keep to the bottom right-hand corner, off the pages.
        app.wait_text(".toasts", "Loaded the demo").await?;
        let corner: Vec<f64> = app
            .driver
            .execute(
                "const r = document.querySelector('.toasts').getBoundingClientRect();
                 return [innerWidth - r.right, innerHeight - r.bottom, r.left];",
                vec![],
            )
            .await?
            .convert()?;
        assert!(
            corner[0] < 48.0 && corner[1] < 48.0 && corner[2] > 600.0,
            "the toasts are not in the corner: {corner:?}"
        );
        let mut visited = Vec::new();
        let mut problems = Vec::new();
        for (w, h) in [(1280, 800), (1920, 1080)] {
            app.resize(w, h).await?;
            problems.extend(every_screen(app, &format!("{w}x{h}"), &mut visited).await?);
        }
        println!("Screens visited: {}", visited.join(", "));
        assert!(visited.len() >= 40, "{visited:?}");
        anyhow::ensure!(
            problems.is_empty(),
            "clipped or overflowing, of the screens {visited:?}:\n{}",
            problems.join("\n")
        );
        Ok(())
    })
    .await
}

/// Years of work: a long list draws only the rows near the screen, keeps
/// the room of the others (the page scrolls as far as if all were drawn),
/// and draws the rest as they scroll into view: the editions grid and the
/// contributors, on an archive of 20 editions and 50 contributors made by
/// `masthead dev generate`, in a small window.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_list_draws_what_is_near_the_screen_and_the_rest_as_it_scrolls() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("years.db");
    let cli = masthead_e2e::app_binary()?.with_file_name("masthead");
    let made = std::process::Command::new(&cli)
        .arg("--db")
        .arg(&db)
        .args(["dev", "generate", "--pieces", "6000"])
        .output()?;
    anyhow::ensure!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let app = App::start_on("Erin Editor", Some(&db.display().to_string())).await?;
    let result = long_lists(&app).await;
    if result.is_err() {
        let _ = app.screenshot("failure-long-lists.png").await;
    }
    app.quit().await?;
    result
}

async fn long_lists(app: &App) -> Result<()> {
    app.resize(900, 600).await?;
    let count =
        async |css: &str| -> Result<usize> { Ok(app.driver.find_all(By::Css(css)).await?.len()) };
    let to_bottom = async || -> Result<()> {
        app.driver
            .execute(
                "const m = document.querySelector('main'); m.scrollTop = m.scrollHeight;",
                vec![],
            )
            .await?;
        Ok(())
    };

    app.click_button("Editions").await?;
    app.wait_text("[data-edition-id]", "Edition 19").await?;
    let drawn = count("[data-edition-id]").await?;
    anyhow::ensure!(
        (2..20).contains(&drawn),
        "{drawn} of 20 edition cards drawn in a 900×600 window"
    );
    // The newest first; the oldest comes into the page as it is scrolled to.
    anyhow::ensure!(
        !app.driver
            .source()
            .await?
            .contains("Edition 0 (2026-11-01)")
    );
    to_bottom().await?;
    app.wait_text(".cards li:last-child [data-edition-id]", "Edition 0")
        .await?;
    let first = app
        .driver
        .find(By::Css("[data-edition-id]"))
        .await?
        .text()
        .await?;
    anyhow::ensure!(
        !first.contains("Edition 19"),
        "the newest card is still drawn at the end: {first}"
    );
    anyhow::ensure!(
        count("[data-edition-id]").await? < 20,
        "scrolled to the end, every card is drawn"
    );
    app.screenshot("long-list-editions.png").await?;

    app.click_button("Contributors").await?;
    app.wait_text("tbody tr[data-row]", "Bokabox Delolix 10")
        .await?;
    let drawn = count("tbody tr[data-row]").await?;
    anyhow::ensure!(
        (5..50).contains(&drawn),
        "{drawn} of 50 contributors' rows drawn"
    );
    to_bottom().await?;
    app.wait_text("tbody tr[data-row]:last-of-type", "Zeminex Vatokox 49")
        .await?;
    let top = app
        .driver
        .find(By::Css("tbody tr[data-row]"))
        .await?
        .text()
        .await?;
    anyhow::ensure!(
        !top.contains("Bokabox Delolix 10"),
        "the first row is still drawn at the bottom: {top}"
    );

    // A piece opened at the foot of a long edition's list: its drawer
    // narrows the list and every row grows taller, but the open piece's
    // row stays in sight.
    app.click_button("Editions").await?;
    app.driver
        .find(By::Css("[data-edition-id]"))
        .await?
        .click()
        .await?;
    app.wait(".pieces [data-article-id]").await?;
    app.driver
        .execute("document.querySelector('main').scrollTop += 900;", vec![])
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    // The lowest row wholly on screen, brought to the window's foot.
    let low: String = app
        .driver
        .execute(
            "const m = document.querySelector('main');
             const foot = m.getBoundingClientRect().bottom;
             const rows = [...document.querySelectorAll('.pieces [data-article-id]')]
               .filter((r) => r.getBoundingClientRect().bottom <= foot);
             const r = rows[rows.length - 1];
             m.scrollTop += r.getBoundingClientRect().bottom - foot + 4;
             return r.dataset.articleId;",
            vec![],
        )
        .await?
        .convert()?;
    app.driver
        .find(By::Css(format!(".pieces [data-article-id='{low}']")))
        .await?
        .click()
        .await?;
    app.wait(".drawer").await?;
    // Two frames and a little: the list is measured again at its new width.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let place: Vec<f64> = app
        .driver
        .execute(
            "const m = document.querySelector('main').getBoundingClientRect();
             const b = document.querySelector('.pieces button.selected').getBoundingClientRect();
             return [b.top - m.top, m.bottom - b.bottom, b.height];",
            vec![],
        )
        .await?
        .convert()?;
    app.screenshot("long-list-open-piece.png").await?;
    anyhow::ensure!(
        place[0] >= -1.0 && place[1] >= -1.0,
        "the open piece's row left the screen as its drawer opened: {place:?} \
         (from the top, from the bottom, its height)"
    );
    Ok(())
}
