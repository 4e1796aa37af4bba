//! The defaults every face offers, defined once: the CLI reads them here,
//! the UI from `ui/src/lib/defaults.ts`, generated from this file (a test
//! fails when it is stale).

/// A new edition's page count when none is given.
pub const PAGE_COUNT: u32 = 64;

/// The kind a new piece starts as (the publication's first kind when it
/// has none of this key).
pub const KIND_KEY: &str = "feature";

/// A fee's currency when none is chosen.
pub const CURRENCY: &str = "GBP";

/// The defaults as TypeScript, for the UI.
pub fn typescript() -> String {
    format!(
        "// Generated from crates/masthead-core/src/defaults.rs: edit that, not this.\n\
         export const DEFAULT_PAGE_COUNT = {PAGE_COUNT};\n\
         export const DEFAULT_KIND_KEY = \"{KIND_KEY}\";\n\
         export const DEFAULT_CURRENCY = \"{CURRENCY}\";\n"
    )
}
