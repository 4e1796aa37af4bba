//! The desktop shell: Tauri commands of a few lines over `masthead-core`.
//! Each command takes the state, calls one use case and maps its error to
//! `{ code, message, field }` for the UI.

mod commands;
mod menu;
mod state;

use tauri::Manager;

pub use state::AppState;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let state = AppState::start();
            app.manage(state);
            menu::install(app.handle())?;
            Ok(())
        })
        // The commands the UI may call; build.rs generates a permission for each,
        // and capabilities/main.json grants exactly these to the main window.
        .invoke_handler(tauri::generate_handler![
            commands::database_info,
            commands::new_database,
            commands::open_database,
            commands::load_demo,
            commands::get_settings,
            commands::save_user_name,
            commands::list_publications,
            commands::create_publication,
            commands::list_sections,
            commands::add_section,
            commands::rename_section,
            commands::workflow,
            commands::list_editions,
            commands::get_edition,
            commands::create_edition,
            commands::update_edition,
            commands::list_articles,
            commands::article_detail,
            commands::add_article,
            commands::update_article,
            commands::change_status,
            commands::list_contributors,
            commands::add_contributor,
        ])
        .run(tauri::generate_context!())
        .expect("Masthead could not start its window");
}
