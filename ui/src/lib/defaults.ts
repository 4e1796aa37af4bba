// Generated from crates/masthead-core/src/defaults.rs: edit that, not this.
export const DEFAULT_PAGE_COUNT = 64;
export const DEFAULT_KIND_KEY = "feature";
export const DEFAULT_CURRENCY = "GBP";
