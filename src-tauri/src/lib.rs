//! The desktop shell: Tauri commands of a few lines over `masthead-core`.
//! Each command takes the state, calls one use case and maps its error to
//! `{ code, message, field }` for the UI.

mod commands;
mod mail;
mod menu;
mod state;
mod watch;

use tauri::{Emitter, Manager};

pub use state::{AppState, LaunchQueue};

pub fn run() {
    let cwd = std::env::current_dir().unwrap_or_default();
    // Lossily, as the single-instance plugin forwards them: a path that is
    // not UTF-8 then fails to open by name instead of stopping the app.
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let requested = masthead_core::config::requested_location(&args, &cwd);
    tauri::Builder::default()
        // Before the plugin, whose callback may run before setup does.
        .manage(LaunchQueue::default())
        // First: a second launch hands its file to this window and exits
        // before it opens anything.
        .plugin(single_instance())
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            let (state, refused_server) = AppState::start(requested);
            if let Some(server) = refused_server {
                app.state::<LaunchQueue>().push(server);
            }
            app.manage(state);
            menu::install(app.handle())?;
            watch::start(app.handle().clone());
            Ok(())
        })
        // The commands the UI may call: commands.list, made into a handler by
        // build.rs (and a permission for each, which capabilities/main.json
        // grants to the main window).
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
        .run(tauri::generate_context!())
        .expect("Masthead could not start its window");
}

/// One window per user: a second `masthead-app FILE` (a double-click on
/// a Masthead file) asks the running app over D-Bus to open FILE, raises
/// its window and exits; the running app's UI opens it as File › Open
/// would. A separate settings file (`$MASTHEAD_SETTINGS`, as tests and a
/// second profile use) is a separate instance. Without a session bus each
/// launch opens its own window, as before.
fn single_instance() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let mut id = masthead_core::config::APP_IDENTIFIER.to_owned();
    if let Some(settings) = std::env::var_os("MASTHEAD_SETTINGS") {
        // FNV-1a: the same name from one build to the next (the standard
        // library's hasher may change between Rust releases).
        let digest = settings
            .as_encoded_bytes()
            .iter()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
        id.push_str(&format!(".profile{digest:016x}"));
    }
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(id)
        .callback(|app, args, cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
            let requested =
                masthead_core::config::requested_location(&args, std::path::Path::new(&cwd));
            if let Some(location) = requested {
                // Queued, then the UI told: it takes the queue once it has
                // started (an event sent before it listens is lost) and
                // opens the newest, or asks for the server's password.
                app.state::<LaunchQueue>().push(location);
                let _ = app.emit("open-location", ());
            }
        })
        .build()
}

#[cfg(test)]
mod packaging;

#[cfg(test)]
mod tests {
    /// One list of commands (commands.list): build.rs makes the handler and
    /// the permissions from it; the functions, the permission set the
    /// capability grants and the UI's calls must all be the same list.
    #[test]
    fn every_command_is_listed_once_and_everywhere() {
        let sorted = |mut names: Vec<String>| {
            names.sort();
            names
        };
        let paths = sorted(
            include_str!("../commands.list")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect(),
        );
        assert!(paths.len() > 50, "{paths:?}");
        let mut unique = paths.clone();
        unique.dedup();
        assert_eq!(unique, paths, "a command listed twice");
        let listed = sorted(
            paths
                .iter()
                .map(|p| p.rsplit("::").next().unwrap_or(p).to_owned())
                .collect(),
        );

        // Every #[tauri::command] function, as `file::name` under src/commands/.
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
        let mut functions = Vec::new();
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let module = path.file_stem().unwrap().to_string_lossy().into_owned();
            let source = std::fs::read_to_string(&path).unwrap();
            for rest in source.split("#[tauri::command]").skip(1) {
                let at = rest.find("fn ").unwrap() + 3;
                let name: String = rest[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                functions.push(format!("{module}::{name}"));
            }
        }
        assert_eq!(
            sorted(functions),
            paths,
            "src/commands/ differs from commands.list"
        );

        // The set the capability grants (generated by build.rs).
        let permissions = include_str!("../permissions/app.toml");
        let granted = sorted(
            permissions
                .split('"')
                .filter_map(|w| w.strip_prefix("allow-"))
                .map(|w| w.replace('-', "_"))
                .collect(),
        );
        assert_eq!(
            granted, listed,
            "permissions/app.toml differs from commands.list"
        );

        // What the UI calls: the generated typed calls (masthead-bindings
        // checks they are the list's), and no command named by hand.
        let typed = include_str!("../../ui/src/lib/commands.ts");
        for name in &listed {
            assert!(
                typed.contains(&format!("call(\"{name}\"")),
                "ui/src/lib/commands.ts has no call of {name}: run UPDATE_EXPECT=1 cargo test -p masthead-bindings"
            );
        }
        let backend = include_str!("../../ui/src/lib/backend.ts");
        // `call<T>(` is the one definition, `invoke<T>(` its one use.
        let by_name = backend.matches("call<").count() + backend.matches("invoke<").count();
        assert!(
            !backend.contains("call(\"") && by_name == 2,
            "backend.ts calls a command by its name (only `call` itself may invoke): use the generated commands"
        );

        // And no other module of the UI calls Tauri's invoke itself.
        fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "ts" || e == "svelte") {
                    out.push(path);
                }
            }
        }
        let mut files = Vec::new();
        let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src");
        sources(&ui, &mut files);
        assert!(
            files.len() > 50,
            "{} files under {}",
            files.len(),
            ui.display()
        );
        for file in files.iter().filter(|f| !f.ends_with("lib/backend.ts")) {
            let text = std::fs::read_to_string(file).unwrap();
            assert!(
                !text.contains("@tauri-apps/api/core") && !text.contains("invoke("),
                "{} calls Tauri itself: go through lib/backend.ts",
                file.display()
            );
        }

        let capability = include_str!("../capabilities/main.json");
        assert!(capability.contains("\"app-commands\""));
        assert!(!capability.contains("shell:"), "no shell access");
        assert!(
            !capability.contains("fs:"),
            "no file system access from the page"
        );
    }
}
