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

/// The defaults as TypeScript, for the UI (with the page fractions'
/// signs, [`crate::rules::flatplan::PAGE_FRACTIONS`]).
pub fn typescript() -> String {
    let fractions: Vec<String> = crate::rules::flatplan::PAGE_FRACTIONS
        .iter()
        .map(|(twelfths, sign)| format!("{twelfths}: \"{sign}\""))
        .collect();
    format!(
        "// Generated from crates/masthead-core/src/defaults.rs: edit that, not this.\n\
         export const DEFAULT_PAGE_COUNT = {PAGE_COUNT};\n\
         export const DEFAULT_KIND_KEY = \"{KIND_KEY}\";\n\
         export const DEFAULT_CURRENCY = \"{CURRENCY}\";\n\
         /** A part of a page, in twelfths, by its sign: 6 is ½. */\n\
         export const PAGE_FRACTIONS: Record<number, string> = {{ {} }};\n",
        fractions.join(", ")
    )
}
