//! The committed files the UI reads are what the Rust generates now: each
//! fails when stale, with a diff; `UPDATE_EXPECT=1 cargo test -p
//! masthead-bindings` rewrites them.

use expect_test::expect_file;

#[test]
fn the_typescript_bindings_are_up_to_date() {
    expect_file!["../../../ui/src/lib/bindings.ts"].assert_eq(&masthead_bindings::typescript());
}

#[test]
fn the_ui_defaults_are_up_to_date() {
    expect_file!["../../../ui/src/lib/defaults.ts"]
        .assert_eq(&masthead_bindings::defaults_typescript());
}

#[test]
fn the_status_palette_stylesheet_is_up_to_date() {
    expect_file!["../../../ui/src/lib/status-palette.css"]
        .assert_eq(&masthead_bindings::palette_css());
}

#[test]
fn the_typed_commands_are_up_to_date() {
    let src_tauri = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri");
    expect_file!["../../../ui/src/lib/commands.ts"]
        .assert_eq(&masthead_bindings::commands_typescript(&src_tauri).unwrap());
}

#[test]
fn the_ui_locales_and_their_cases_are_up_to_date() {
    expect_file!["../../../ui/src/lib/locales.ts"]
        .assert_eq(&masthead_bindings::locales_typescript());
    expect_file!["../../../ui/src/lib/locale-cases.json"]
        .assert_eq(&masthead_bindings::locale_cases_json());
}

#[test]
fn the_ui_credit_cases_are_up_to_date() {
    expect_file!["../../../ui/src/lib/credit-cases.json"]
        .assert_eq(&masthead_bindings::credit_cases_json());
}
