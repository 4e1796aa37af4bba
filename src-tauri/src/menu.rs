//! The native menu. Each item emits a `menu` event with its id; the UI owns
//! what happens next (dialogs, confirmations), so the keyboard shortcuts in
//! the UI and the menu run the same code.

use tauri::menu::{MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter};

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let item = |id: &str, label: &str, accel: Option<&str>| {
        let builder = MenuItemBuilder::with_id(id, label);
        match accel {
            Some(accel) => builder.accelerator(accel).build(app),
            None => builder.build(app),
        }
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new-edition", "New edition…", None)?)
        .separator()
        .item(&item("new-database", "New database…", None)?)
        .item(&item("open-database", "Open database…", None)?)
        .item(&item("connect-server", "Connect to team server…", None)?)
        .separator()
        .item(&item("backup", "Back up…", None)?)
        .item(&item("restore", "Restore from backup…", None)?)
        .separator()
        .item(&item("load-demo", "Load demo edition", None)?)
        .separator()
        .item(&item("export", "Export plan…", None)?)
        .separator()
        // GTK has no predefined Quit item, so Quit is ours.
        .item(&item("quit", "Quit", Some("CmdOrCtrl+Q"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .undo()
        .redo()
        .separator()
        .cut()
        .copy()
        .paste()
        .select_all()
        .separator()
        .item(&item("search", "Search…", None)?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item("shortcuts", "Keyboard shortcuts", None)?)
        .separator()
        .item(&item("about", "About Masthead", None)?)
        .build()?;
    let menu = MenuBuilder::new(app)
        .items(&[&file, &edit, &help])
        .build()?;
    app.set_menu(menu)?;
    app.on_menu_event(|app, event| {
        if event.id().0 == "quit" {
            // Every write is committed when its use case returns, so
            // quitting here loses nothing.
            app.exit(0);
            return;
        }
        // The UI may not be listening yet; a lost click is harmless.
        let _ = app.emit("menu", event.id().0.as_str());
    });
    Ok(())
}
