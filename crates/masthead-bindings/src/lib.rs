//! What the UI shares with the Rust, generated from it: the TypeScript
//! types and constants (`ui/src/lib/bindings.ts`), the defaults every face
//! offers (`ui/src/lib/defaults.ts`) and the status palette's stylesheet
//! (`ui/src/lib/status-palette.css`), and a typed call for every command of
//! the app (`ui/src/lib/commands.ts`, from `src-tauri/commands.list` and the
//! commands' Rust signatures). The files are committed; this crate's
//! test fails when one is stale, and `UPDATE_EXPECT=1 cargo test -p
//! masthead-bindings` rewrites them. The domain crate only defines the
//! types and values; it writes no TypeScript or CSS.

mod commands;
mod typescript;

pub use typescript::typescript;

/// `ui/src/lib/commands.ts`, from the app's `src-tauri` folder.
pub fn commands_typescript(src_tauri: &std::path::Path) -> Result<String, String> {
    commands::typescript(src_tauri)
}

/// The header of every generated file.
const GENERATED: &str = "Generated from the Rust by masthead-bindings (`UPDATE_EXPECT=1 cargo test -p masthead-bindings`). Do not edit: change the Rust and regenerate.";

/// The defaults as TypeScript, for the UI (with the page fractions' signs).
pub fn defaults_typescript() -> String {
    use masthead_core::defaults::{CURRENCY, KIND_KEY, PAGE_COUNT};
    use masthead_core::model::{OFFER_WAIT_DAYS, WRITER_ROLE};
    let fractions: Vec<String> = masthead_core::PAGE_FRACTIONS
        .iter()
        .map(|(twelfths, sign)| format!("{twelfths}: \"{sign}\""))
        .collect();
    format!(
        "// {GENERATED}\n\
         export const DEFAULT_PAGE_COUNT = {PAGE_COUNT};\n\
         export const DEFAULT_KIND_KEY = \"{KIND_KEY}\";\n\
         export const DEFAULT_CURRENCY = \"{CURRENCY}\";\n\
         /** The role that writes the piece: its words and draft are the writer's. */\n\
         export const WRITER_ROLE = \"{WRITER_ROLE}\";\n\
         /** Days an offer waits for an answer before the desk lists it. */\n\
         export const OFFER_WAIT_DAYS = {OFFER_WAIT_DAYS};\n\
         /** A part of a page, in twelfths, by its sign: 6 is ½. */\n\
         export const PAGE_FRACTIONS: Record<number, string> = {{ {} }};\n",
        fractions.join(", ")
    )
}

/// The locales' rules as TypeScript, for the UI's formatter (`format.ts`),
/// which writes as the core's `masthead_core::locale` does.
pub fn locales_typescript() -> String {
    use masthead_core::locale::{CURRENCY_SIGNS, LOCALES};
    format!(
        "// {GENERATED}\n\
         export interface LocaleRules {{\n  tag: string;\n  date: string;\n  months: string[];\n  twelve_hour: boolean;\n  weekdays: string[];\n  sunday_first: boolean;\n  group: string;\n  decimal: string;\n  money: string;\n}}\n\
         /** How each locale writes dates, numbers and money; the first is the fallback. */\n\
         export const LOCALES: LocaleRules[] = {};\n\
         /** Currencies written by their sign; any other by its code. */\n\
         export const CURRENCY_SIGNS: Record<string, string> = {};\n",
        serde_json::to_string(&LOCALES).expect("plain data serialises"),
        serde_json::to_string(
            &CURRENCY_SIGNS
                .iter()
                .copied()
                .collect::<std::collections::BTreeMap<_, _>>()
        )
        .expect("plain data serialises"),
    )
}

/// The cases the UI's formatter must answer as the core does.
pub fn locale_cases_json() -> String {
    let mut out = serde_json::to_string_pretty(&masthead_core::locale::shared_cases())
        .expect("strings serialise");
    out.push('\n');
    out
}

/// How a credit is worded after its name, for each role and answer: the
/// cases the UI's `creditNote` must answer as `Credit::note` does.
pub fn credit_cases_json() -> String {
    use masthead_core::model::{AssignmentState, Credit};
    let mut cases = Vec::new();
    for role in ["writer", "photographer", "illustrator"] {
        for state in AssignmentState::ALL {
            let c = Credit {
                name: "Priya Shah".into(),
                role: role.into(),
                state,
            };
            cases.push([role.to_owned(), state.key().to_owned(), c.note()]);
        }
    }
    let mut out = serde_json::to_string_pretty(&cases).expect("strings serialise");
    out.push('\n');
    out
}

/// The status palette as CSS custom properties (`--status-<token>-fill` …),
/// for the light and the dark theme.
pub fn palette_css() -> String {
    let mut light = String::new();
    let mut dark = String::new();
    for c in masthead_core::palette::STATUS_COLOURS {
        let t = c.token;
        for (out, indent, fill, edge, text) in [
            (&mut light, "  ", c.fill, c.edge, c.text),
            (&mut dark, "    ", c.dark_fill, c.dark_edge, c.dark_text),
        ] {
            out.push_str(&format!(
                "{indent}--status-{t}-fill: {fill};\n{indent}--status-{t}-edge: {edge};\n{indent}--status-{t}-text: {text};\n"
            ));
        }
    }
    format!(
        "/* {GENERATED} */\n:root {{\n{light}}}\n@media (prefers-color-scheme: dark) {{\n  :root {{\n{dark}  }}\n}}\n"
    )
}
