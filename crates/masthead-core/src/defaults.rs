//! The defaults every face offers, defined once: the CLI reads them here,
//! the UI from `ui/src/lib/defaults.ts`, which the masthead-bindings crate
//! generates from this file (its test fails when it is stale).

/// A new edition's page count when none is given.
pub const PAGE_COUNT: u32 = 64;

/// The kind a new piece starts as (the publication's first kind when it
/// has none of this key).
pub const KIND_KEY: &str = "feature";

/// A fee's currency when none is chosen.
pub const CURRENCY: &str = "GBP";
