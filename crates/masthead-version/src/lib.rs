//! What a Masthead program says it is: the version and the commit it was
//! built from, the same in the CLI (`masthead --version`), the app's
//! Help › About and the contributors' page server.

/// The release, from the workspace's `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The commit built from: 12 hex digits, "+changes" when the checkout had
/// uncommitted changes, or "unknown" outside a checkout.
pub const COMMIT: &str = env!("MASTHEAD_COMMIT");

/// "0.1.0 (commit 0a40db1c2e3f)": what `--version` prints after the name.
pub const LONG: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("MASTHEAD_COMMIT"),
    ")"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_long_version_names_the_release_and_the_commit() {
        assert_eq!(LONG, format!("{VERSION} (commit {COMMIT})"));
        assert!(VERSION.split('.').count() == 3, "{VERSION}");
        // Built in a checkout (as the tests are), the commit is git's.
        let checkout = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.git");
        if checkout.exists() && std::env::var_os("MASTHEAD_COMMIT").is_none() {
            let hex = COMMIT.trim_end_matches("+changes");
            assert!(
                hex.len() == 12 && hex.chars().all(|c| c.is_ascii_hexdigit()),
                "{COMMIT}"
            );
        }
    }
}
