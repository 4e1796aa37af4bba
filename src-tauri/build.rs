fn main() {
    // Every app command gets allow-/deny- permissions; the main window's
    // capability grants exactly the set in permissions/app.toml.
    const COMMANDS: &[&str] = &[
        "database_info",
        "new_database",
        "open_database",
        "load_demo",
        "get_settings",
        "save_user_name",
        "save_single_key_shortcuts",
        "list_publications",
        "create_publication",
        "list_sections",
        "add_section",
        "rename_section",
        "workflow",
        "list_editions",
        "get_edition",
        "create_edition",
        "update_edition",
        "edition_history",
        "list_articles",
        "article_detail",
        "add_article",
        "update_article",
        "change_status",
        "list_contributors",
        "add_contributor",
        "list_kinds",
        "add_kind",
        "rename_kind",
        "set_kind_retired",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
