//! Launching as the desktop does: `masthead-app FILE` opens FILE; a second
//! launch (a double-click on another Masthead file) hands its file to the
//! running window over D-Bus and exits; Help › About names the version,
//! the commit and the open database.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use masthead_e2e::{App, app_binary};

/// A D-Bus session bus of the test's own (the single-instance hand-over
/// needs one; CI's Xvfb has none), stopped when dropped.
struct SessionBus {
    address: String,
    pid: u32,
}

impl SessionBus {
    fn start() -> Result<SessionBus> {
        let out = Command::new("dbus-daemon")
            .args(["--session", "--fork", "--print-address=1", "--print-pid=1"])
            .output()
            .context("running dbus-daemon (Debian's dbus package)")?;
        let text = String::from_utf8(out.stdout)?;
        let mut lines = text.lines();
        let (Some(address), Some(pid)) = (lines.next(), lines.next()) else {
            bail!("dbus-daemon printed {text:?}");
        };
        Ok(SessionBus {
            address: address.trim().to_owned(),
            pid: pid.trim().parse()?,
        })
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(self.pid.to_string()).status();
    }
}

fn cli(db: &Path, args: &[&str]) -> Result<String> {
    let out = Command::new(app_binary()?.with_file_name("masthead"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("MASTHEAD_USER", "Erin Editor")
        .output()?;
    if !out.status.success() {
        bail!(
            "masthead {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8(out.stdout)?)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_launch_opens_its_file_and_a_second_launch_hands_its_file_to_the_running_window()
-> Result<()> {
    let files = tempfile::tempdir()?;
    let first = files.path().join("first.masthead");
    let second = files.path().join("second.masthead");
    cli(&first, &["demo"])?;
    // Both hold a publication, so each opens on its Desk (an empty one on
    // the welcome screen, which has no Settings).
    cli(&second, &["demo"])?;
    let bus = SessionBus::start()?;
    let first_arg = first.display().to_string();
    let app = App::start_with(
        "Erin Editor",
        &[&first_arg],
        &[("DBUS_SESSION_BUS_ADDRESS", &bus.address)],
    )
    .await?;
    let result = launches(&app, &bus, &first, &second).await;
    if result.is_err() {
        let _ = app.screenshot("failure-launch.png").await;
    }
    app.quit().await?;
    result
}

async fn launches(app: &App, bus: &SessionBus, first: &Path, second: &Path) -> Result<()> {
    // The file named at launch is open (not $MASTHEAD_DB, which the test
    // harness also sets): its demo is on the Desk.
    app.wait_text("h1", "Desk").await?;
    app.screenshot("launch-first-file.png").await?;

    // About, from Settings (the menu's Help › About opens the same dialog;
    // WebDriver cannot reach the native menu): the version and
    // commit `masthead --version` prints, the file, its schema version.
    app.click_button("Settings").await?;
    app.click_button("About Masthead").await?;
    let version = cli(first, &["--version"])?;
    let version = version.trim().trim_start_matches("masthead ");
    app.wait_text("[data-testid=about-version]", version)
        .await?;
    app.wait_text("[data-testid=about-database]", &first.display().to_string())
        .await?;
    // "Opened Masthead database … (schema version 22)."
    let opened = cli(first, &["init"])?;
    let schema = opened
        .split("schema version ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .with_context(|| format!("init said {opened:?}"))?;
    app.wait_text("[data-testid=about-schema]", schema).await?;
    app.screenshot("about.png").await?;
    app.click_button("✕").await?;

    // A second launch, as a double-click on another file: it hands the file
    // over and exits at once; the running window opens it.
    let started = Instant::now();
    let mut second_launch = Command::new(app_binary()?)
        .arg(second)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .env("MASTHEAD_SETTINGS", app.settings_path())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()?;
    let status = loop {
        if let Some(status) = second_launch.try_wait()? {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = second_launch.kill();
            bail!("the second launch kept running instead of handing its file over");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "the second launch exited with {status}");
    app.wait_text(".toasts", &format!("Opened {}", second.display()))
        .await?;
    app.click_button("Settings").await?;
    app.click_button("About Masthead").await?;
    app.wait_text(
        "[data-testid=about-database]",
        &second.display().to_string(),
    )
    .await?;
    Ok(())
}
