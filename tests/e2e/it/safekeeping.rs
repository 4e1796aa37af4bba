//! Saves kept whatever happens: file dialogs, a store process that dies,
//! backups and restores, check, export and import.

use super::*;

/// Issue 16's defect in the real window: the export's save dialog lists
/// the database's folder (reading its files in the window's process) and
/// is cancelled, the CLI reads the file, the app saves an edit and quits:
/// the CLI sees the edit. The store process never holds a deleted file.
#[tokio::test(flavor = "multi_thread")]
async fn a_save_after_a_file_dialog_in_the_database_folder_is_kept() -> Result<()> {
    let app = App::start("Erin Editor").await?;
    let result = async {
        app.load_demo().await?;
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
            "article", "show", "Communities first, after the dialog", "--json",
        ],
    )?;
    anyhow::ensure!(shown.contains("after the dialog"), "{shown}");
    Ok(())
}

/// The store process is killed under the window: the window says it was
/// started again, keeps what was being typed, and the next save is kept.
#[tokio::test(flavor = "multi_thread")]
async fn the_window_carries_on_when_its_store_process_dies() -> Result<()> {
    App::journey("Erin Editor", "store-restart", async |app| {
        app.load_demo().await?;
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
    })
    .await
}

/// File › Back up… and Restore from backup…, from Settings: the backup goes
/// where the save dialog says; a change made after it is undone by the
/// restore, which keeps what the file held beside it; the window shows the
/// restored plan, and the CLI agrees.
#[tokio::test(flavor = "multi_thread")]
async fn an_editor_backs_up_and_restores_the_database() -> Result<()> {
    App::journey("Erin Editor", "backup-restore", async |app| {
        app.load_demo().await?;
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
    })
    .await
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
        app.load_demo().await?;
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
