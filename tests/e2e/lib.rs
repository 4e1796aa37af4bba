//! Drives the real Masthead app: starts `tauri-driver` (which starts
//! WebKitWebDriver and the app) on free ports, with the app pointed at a
//! temporary database and settings file, and opens a WebDriver session.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use thirtyfour::prelude::*;

pub struct App {
    pub driver: WebDriver,
    tauri_driver: Child,
    pub dir: tempfile::TempDir,
    /// The daily backups' folder, apart from `dir` (which holds only the
    /// database and the settings, as a user's folder would).
    pub backups: tempfile::TempDir,
    /// The database: a file in `dir`, or a team server's URL.
    pub db: String,
}

pub fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The app binary: `$MASTHEAD_APP_BINARY`, else the workspace's debug build.
pub fn app_binary() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("MASTHEAD_APP_BINARY") {
        return Ok(PathBuf::from(path));
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let path = target.join("debug/masthead-app");
    if !path.exists() {
        bail!(
            "{} is missing: build the app first (scripts/test does)",
            path.display()
        );
    }
    Ok(path)
}

/// Where screenshots go: `tests/e2e/artifacts/` (ignored by git).
/// Runs xdotool with `args`.
fn xdo(args: &[&str]) -> Result<()> {
    let status = Command::new("xdotool").args(args).status()?;
    if !status.success() {
        bail!("xdotool {args:?} failed");
    }
    Ok(())
}

pub fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

impl App {
    /// Starts the app on a new, empty database, as the user `user_name`.
    pub async fn start(user_name: &str) -> Result<App> {
        Self::start_on(user_name, None).await
    }

    /// Starts the app on `db` (a team server's URL, with the password), or
    /// with `None` on a new, empty file, as the user `user_name`.
    pub async fn start_on(user_name: &str, db: Option<&str>) -> Result<App> {
        Self::start_keeping_backups(user_name, db, tempfile::tempdir()?).await
    }

    /// As [`App::start_on`], with the daily backups kept in `backups` (the
    /// app benchmark opens one archive twice: the day's first open, which
    /// takes the backup, and a later one).
    pub async fn start_keeping_backups(
        user_name: &str,
        db: Option<&str>,
        backups: tempfile::TempDir,
    ) -> Result<App> {
        Self::launch(user_name, db, backups, &[], &[]).await
    }

    /// Starts the app as `masthead-app ARGS…` (a file or a server to open),
    /// with `env` added to what the app sees (a D-Bus session, for one),
    /// on a new, empty file otherwise.
    pub async fn start_with(user_name: &str, args: &[&str], env: &[(&str, &str)]) -> Result<App> {
        Self::launch(user_name, None, tempfile::tempdir()?, args, env).await
    }

    async fn launch(
        user_name: &str,
        db: Option<&str>,
        backups: tempfile::TempDir,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Result<App> {
        if std::env::var_os("DISPLAY").is_none() {
            bail!("no DISPLAY: run the end-to-end test through scripts/test, which starts Xvfb");
        }
        let dir = tempfile::tempdir()?;
        let settings = dir.path().join("settings.json");
        std::fs::write(
            &settings,
            serde_json::json!({ "user_name": user_name }).to_string(),
        )?;
        let db = match db {
            Some(url) => url.to_owned(),
            None => dir.path().join("e2e.db").display().to_string(),
        };
        let (port, native_port) = (free_port()?, free_port()?);
        let mut tauri_driver = Command::new("tauri-driver");
        tauri_driver.envs(env.iter().copied());
        let tauri_driver = tauri_driver
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            // The journeys type and read dates in one locale, whatever the
            // machine's: C, whose unambiguous forms are "9 Jul 2021".
            .env("LC_ALL", "C.UTF-8")
            .env("MASTHEAD_DB", &db)
            .env("MASTHEAD_SETTINGS", &settings)
            .env("MASTHEAD_BACKUPS_DIR", backups.path())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .context("could not start tauri-driver: install it with `cargo install tauri-driver --locked`")?;
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(20) {
                bail!("tauri-driver did not listen on port {port}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let mut caps = Capabilities::new();
        caps.set("browserName", "wry")?;
        caps.set(
            "tauri:options",
            serde_json::json!({ "application": app_binary()?, "args": args }),
        )?;
        let driver = WebDriver::new(url, caps)
            .await
            .context("opening a WebDriver session on the app")?;
        Ok(App {
            driver,
            tauri_driver,
            dir,
            backups,
            db,
        })
    }

    /// Waits up to 10 s for an element matching `css`.
    pub async fn wait(&self, css: &str) -> Result<WebElement> {
        let started = Instant::now();
        loop {
            if let Ok(el) = self.driver.find(By::Css(css)).await
                && el.is_displayed().await.unwrap_or(false)
            {
                return Ok(el);
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("no visible element matches {css}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits up to 10 s for the text of `css` to contain `needle`; returns it.
    pub async fn wait_text(&self, css: &str, needle: &str) -> Result<String> {
        let started = Instant::now();
        let mut last = String::new();
        loop {
            if let Ok(el) = self.driver.find(By::Css(css)).await {
                last = el.text().await.unwrap_or_default();
                if last.contains(needle) {
                    return Ok(last);
                }
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("{css} never showed {needle:?}; last text: {last:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits up to 10 s until the whole text of `css` (its `textContent`,
    /// words cut off by an ellipsis included) contains `needle`.
    pub async fn wait_content(&self, css: &str, needle: &str) -> Result<String> {
        let started = Instant::now();
        let mut last = String::new();
        loop {
            if let Ok(el) = self.driver.find(By::Css(css)).await {
                last = el.prop("textContent").await?.unwrap_or_default();
                if last.contains(needle) {
                    return Ok(last);
                }
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("{css} never held {needle:?}; last text: {last:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits up to 10 s until the text of `css` no longer contains `needle`.
    pub async fn wait_without(&self, css: &str, needle: &str) -> Result<String> {
        let started = Instant::now();
        loop {
            let text = self.wait(css).await?.text().await.unwrap_or_default();
            if !text.contains(needle) {
                return Ok(text);
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("{css} still shows {needle:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits up to 10 s for an element matching `css` to be in the page,
    /// whether or not WebDriver judges it visible (it misjudges absolutely
    /// placed boxes inside a clipped one, such as the flatplan's slots).
    pub async fn wait_present(&self, css: &str) -> Result<WebElement> {
        let started = Instant::now();
        loop {
            match self.driver.find_all(By::Css(css)).await {
                Ok(found) => {
                    if let Some(el) = found.into_iter().next() {
                        return Ok(el);
                    }
                }
                // The page changed while WebKit read it: read it again.
                Err(e) if e.to_string().contains("stale") => {}
                Err(e) => return Err(e.into()),
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("nothing matches {css}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits up to 10 s until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) -> Result<()> {
        let started = Instant::now();
        loop {
            match self.driver.find_all(By::Css(css)).await {
                Ok(found) if found.is_empty() => return Ok(()),
                Ok(_) => {}
                // The page changed while WebKit read it (what was there went
                // meanwhile: a toast leaving): read it again.
                Err(e) if e.to_string().contains("stale") => {}
                Err(e) => return Err(e.into()),
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("{css} is still there");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the first visible button whose text contains `label`.
    pub async fn click_button(&self, label: &str) -> Result<()> {
        let started = Instant::now();
        loop {
            for b in self.driver.find_all(By::Css("button")).await? {
                if b.text().await.unwrap_or_default().contains(label)
                    && b.is_displayed().await.unwrap_or(false)
                    && b.is_enabled().await.unwrap_or(false)
                {
                    b.click().await?;
                    return Ok(());
                }
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("no enabled button labelled {label:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Chooses the option of the `<select>` at `css` whose text contains
    /// `option`, as a user picking it would (a `change` event follows).
    pub async fn choose(&self, css: &str, option: &str) -> Result<()> {
        let select = self.wait(css).await?;
        // A user reaches for the list first (a long one draws its options
        // only then).
        self.driver
            .execute("arguments[0].focus();", vec![select.to_json()?])
            .await?;
        let picked = self
            .driver
            .execute(
                "const [s, want] = arguments;
                 const o = [...s.options].find((o) => o.text.includes(want));
                 if (!o) return false;
                 s.value = o.value;
                 s.dispatchEvent(new Event('change', { bubbles: true }));
                 return true;",
                vec![select.to_json()?, serde_json::json!(option)],
            )
            .await?;
        if picked.json() != &serde_json::json!(true) {
            bail!("{css} has no option {option:?}");
        }
        Ok(())
    }

    /// Drags the element at `from` onto the element at `to` with the HTML
    /// drag-and-drop events a mouse drag fires (WebDriver cannot start a
    /// native drag in WebKitGTK).
    pub async fn drag(&self, from: &str, to: &str) -> Result<()> {
        // Both must be shown first; then they are looked up again in the
        // page at the moment of the drag, so a list that re-rendered in
        // between (a refresh after the last move) cannot leave a stale one.
        self.wait(from).await?;
        self.wait(to).await?;
        let dropped = self
            .driver
            .execute(
                "const [from, to] = arguments;
                 const card = document.querySelector(from);
                 const target = document.querySelector(to);
                 if (!card || !target) return false;
                 const dataTransfer = new DataTransfer();
                 const fire = (el, type) => el.dispatchEvent(
                   new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
                 fire(card, 'dragstart');
                 fire(target, 'dragover');
                 fire(target, 'drop');
                 fire(card, 'dragend');
                 return true;",
                vec![serde_json::json!(from), serde_json::json!(to)],
            )
            .await?;
        if dropped.json() != &serde_json::json!(true) {
            bail!("{from} or {to} went away before the drag");
        }
        Ok(())
    }

    /// Picks `path` in the native GTK open dialog titled `title`, which
    /// WebDriver cannot reach: finds its window with `xdotool`, gives it the
    /// keyboard (there is no window manager under Xvfb to do it), types the
    /// path after Ctrl+L and presses Enter.
    pub async fn choose_in_file_dialog(&self, title: &str, path: &Path) -> Result<()> {
        self.type_in_file_dialog(title, path, "ctrl+l").await
    }

    /// Saves to `path` in the native GTK save dialog titled `title`: the
    /// suggested name is selected, and the typed path replaces it.
    pub async fn save_in_file_dialog(&self, title: &str, path: &Path) -> Result<()> {
        self.type_in_file_dialog(title, path, "ctrl+a").await
    }

    /// Shows `folder` in the native GTK save dialog titled `title` (the
    /// dialog lists it, reading its files as it does), then cancels.
    pub async fn browse_and_cancel_save_dialog(&self, title: &str, folder: &Path) -> Result<()> {
        let window = self.file_dialog(title).await?;
        xdo(&["windowfocus", "--sync", &window])?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdo(&["key", "--clearmodifiers", "ctrl+a"])?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        // A folder typed as the name and Enter: the dialog goes there.
        xdo(&["type", "--delay", "15", &format!("{}/", folder.display())])?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdo(&["key", "Return"])?;
        // Long enough for it to list the folder and look into its files.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let shot = artifacts_dir().join("save-dialog-in-the-database-folder.png");
        let _ = Command::new("import")
            .args(["-window", "root"])
            .arg(&shot)
            .status();
        // Escape closes an autocompletion popup first, if GTK opened one
        // over the name; press it until the dialog itself has gone.
        for _ in 0..5 {
            xdo(&["key", "Escape"])?;
            tokio::time::sleep(Duration::from_millis(500)).await;
            let open = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", title])
                .output()?;
            if open.stdout.is_empty() {
                return Ok(());
            }
            let _ = xdo(&["windowfocus", "--sync", &window]);
        }
        self.file_dialog_closed(title).await
    }

    /// The window id of the visible file dialog titled `title` (waits up to 10 s).
    async fn file_dialog(&self, title: &str) -> Result<String> {
        let started = Instant::now();
        loop {
            let found = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", title])
                .output()
                .context("running xdotool (apt install xdotool)")?;
            let ids = String::from_utf8_lossy(&found.stdout);
            if let Some(id) = ids.split_whitespace().next() {
                return Ok(id.to_owned());
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("no file dialog titled {title:?} opened");
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Waits up to 10 s for the file dialog titled `title` to close.
    async fn file_dialog_closed(&self, title: &str) -> Result<()> {
        let started = Instant::now();
        loop {
            let open = Command::new("xdotool")
                .args(["search", "--onlyvisible", "--name", title])
                .output()?;
            if open.stdout.is_empty() {
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("the file dialog {title:?} did not close");
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// The process serving the app's database file (`masthead serve-store`).
    pub fn store_pid(&self) -> Result<u32> {
        for entry in std::fs::read_dir("/proc")? {
            let entry = entry?;
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
                continue;
            };
            let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
            if args.contains(&b"serve-store".as_slice()) && args.contains(&self.db.as_bytes()) {
                return Ok(pid);
            }
        }
        bail!("no store process serves {}", self.db)
    }

    /// The files a process has open that were deleted under it.
    pub fn deleted_files_held_by(pid: u32) -> Result<Vec<String>> {
        let mut deleted = Vec::new();
        for fd in std::fs::read_dir(format!("/proc/{pid}/fd"))? {
            if let Ok(target) = std::fs::read_link(fd?.path()) {
                let target = target.display().to_string();
                if target.ends_with("(deleted)") {
                    deleted.push(target);
                }
            }
        }
        Ok(deleted)
    }

    async fn type_in_file_dialog(&self, title: &str, path: &Path, first: &str) -> Result<()> {
        let window = self.file_dialog(title).await?;
        xdo(&["windowfocus", "--sync", &window])?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdo(&["key", "--clearmodifiers", first])?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdo(&["type", "--delay", "15", &path.display().to_string()])?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdo(&["key", "Return"])?;
        // The dialog closes once it has taken the path.
        self.file_dialog_closed(title).await
    }

    /// A file of the repository's test fixtures.
    pub fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fixtures")
            .join(name)
    }

    /// Presses Ctrl with `key` wherever focus is, as a shortcut is pressed.
    pub async fn ctrl(&self, key: &str) -> Result<()> {
        self.driver
            .action_chain()
            .key_down(thirtyfour::Key::Control)
            .send_keys(key)
            .key_up(thirtyfour::Key::Control)
            .perform()
            .await?;
        Ok(())
    }

    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let field = self.wait(css).await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// The settings file this app was started with (`$MASTHEAD_SETTINGS`).
    pub fn settings_path(&self) -> PathBuf {
        self.dir.path().join("settings.json")
    }

    /// Runs the `masthead` CLI (built beside the app) on the app's database
    /// and returns what it printed.
    pub fn cli(&self, args: &[&str]) -> Result<String> {
        let cli = app_binary()?.with_file_name("masthead");
        let out = Command::new(&cli)
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .output()
            .with_context(|| format!("running {}", cli.display()))?;
        if !out.status.success() {
            bail!(
                "masthead {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8(out.stdout)?)
    }

    /// Makes the window `width`×`height` (the page's own size, as a user
    /// sets it by dragging the corner) and waits until the page has it.
    pub async fn resize(&self, width: u32, height: u32) -> Result<()> {
        let _ = self.driver.set_window_rect(0, 0, width, height).await;
        let started = Instant::now();
        loop {
            let size: Vec<u32> = self
                .driver
                .execute("return [window.outerWidth, window.outerHeight];", vec![])
                .await?
                .convert()?;
            if size == [width, height] {
                return Ok(());
            }
            if started.elapsed() > Duration::from_secs(3) {
                // Some drivers cannot size the window: the X server can.
                let ids = Command::new("xdotool")
                    .args(["search", "--onlyvisible", "--name", "Masthead"])
                    .output()
                    .context("running xdotool (apt install xdotool)")?;
                for id in String::from_utf8_lossy(&ids.stdout).split_whitespace() {
                    xdo(&["windowsize", id, &width.to_string(), &height.to_string()])?;
                }
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!(
                    "the window stayed {size:?}, not {width}×{height} (is the screen big enough?)"
                );
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let path = artifacts_dir().join(name);
        let png = self.driver.screenshot_as_png().await?;
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// Quits the app and hands back its folder (the database file and the
    /// settings), to look at what was left behind.
    pub async fn quit_keeping_files(mut self) -> Result<tempfile::TempDir> {
        let dir = std::mem::replace(&mut self.dir, tempfile::tempdir()?);
        self.quit().await?;
        Ok(dir)
    }

    /// Quits the app and hands back its daily backups' folder, for the
    /// next start to find today's backup taken.
    pub async fn quit_keeping_backups(mut self) -> Result<tempfile::TempDir> {
        let backups = std::mem::replace(&mut self.backups, tempfile::tempdir()?);
        self.quit().await?;
        Ok(backups)
    }

    /// Loads the demo from the welcome screen and waits for its edition.
    pub async fn load_demo(&self) -> Result<()> {
        self.click_button("Load the demo edition").await?;
        self.wait_text("h1", "Feb/Mar 21").await?;
        Ok(())
    }

    /// Runs a journey in a fresh window as `user`: when it fails, the
    /// window is kept as `failure-<name>.png`; it is closed either way.
    pub async fn journey(
        user: &str,
        name: &str,
        steps: impl AsyncFnOnce(&App) -> Result<()>,
    ) -> Result<()> {
        let app = App::start(user).await?;
        let result = steps(&app).await;
        if result.is_err() {
            let _ = app.screenshot(&format!("failure-{name}.png")).await;
        }
        app.quit().await?;
        result
    }

    /// Ends the session and stops tauri-driver with SIGTERM (SIGKILL would
    /// leave WebKitWebDriver holding its port).
    pub async fn quit(mut self) -> Result<()> {
        let quit = self.driver.clone().quit().await;
        let _ = Command::new("kill")
            .args(["-TERM", &self.tauri_driver.id().to_string()])
            .status();
        let _ = self.tauri_driver.wait();
        quit?;
        Ok(())
    }
}
