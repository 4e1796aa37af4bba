//! The TypeScript bindings, the palette stylesheet and the UI's defaults
//! are generated from the Rust; these tests fail when the committed files are stale.

use crate::repo_root;

fn check_generated(relative: &str, expected: &str) {
    let path = repo_root().join(relative);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{relative} is stale: run `UPDATE_GENERATED=1 cargo test` and commit the result"
    );
}

#[test]
fn typescript_bindings_are_up_to_date() {
    check_generated(
        "ui/src/lib/bindings.ts",
        &masthead_core::bindings::typescript(),
    );
}

#[test]
fn the_status_palette_stylesheet_is_up_to_date() {
    check_generated(
        "ui/src/lib/status-palette.css",
        &masthead_core::palette::css(),
    );
}

#[test]
fn the_ui_defaults_are_up_to_date() {
    check_generated(
        "ui/src/lib/defaults.ts",
        &masthead_core::defaults::typescript(),
    );
}
