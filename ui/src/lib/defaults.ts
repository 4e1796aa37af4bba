// Generated from the Rust by masthead-bindings (`UPDATE_EXPECT=1 cargo test -p masthead-bindings`). Do not edit: change the Rust and regenerate.
export const DEFAULT_PAGE_COUNT = 64;
export const DEFAULT_KIND_KEY = "feature";
export const DEFAULT_CURRENCY = "GBP";
/** The role that writes the piece: its words and draft are the writer's. */
export const WRITER_ROLE = "writer";
/** Days an offer waits for an answer before the desk lists it. */
export const OFFER_WAIT_DAYS = 3;
/** A part of a page, in twelfths, by its sign: 6 is ½. */
export const PAGE_FRACTIONS: Record<number, string> = { 3: "¼", 4: "⅓", 6: "½", 8: "⅔", 9: "¾" };
