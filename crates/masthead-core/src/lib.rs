//! Masthead's core: the domain model, its rules, the storage seam with its
//! SQLite implementation, and the use cases that the CLI and the desktop app
//! both call. No UI, no Tauri.

mod actor;
mod base64_bytes;
pub mod config;
pub mod defaults;
/// For Masthead's developers: a made-up publisher's archive to measure with
/// (`masthead dev generate`, the benches, the query-plan test).
pub mod dev {
    pub use crate::storage::sqlite::generate::{
        EDITIONS_TO_COME, GenerateOptions, Generated, PIECES_PER_EDITION, generate, generated_today,
    };
}
mod error;
pub mod export;
pub mod history;
pub mod locale;
pub mod model;
pub mod palette;
mod rules;
pub mod service;
mod storage;
mod store;
mod usecases;

pub use actor::Actor;
pub use error::{Error, ErrorPayload, Result};
pub use masthead_text::{ImportError, MAX_FILE_BYTES, Upload, markdown_html};
pub use rules::drafts::{describe_count, thousands, word_count};
pub use rules::flatplan::{PAGE_FRACTIONS, fraction, part_suffix};
pub use rules::fold;
pub use rules::links;

/// Adds Masthead's own SQL function (`masthead_fold`, which the indexes of
/// names use) to a connection opened outside the store: for tests and
/// tools that read or write a file with rusqlite directly.
#[doc(hidden)]
pub fn add_sqlite_functions(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
    storage::sqlite::add_functions(conn)
}
pub use rules::workflow::{deadline_date, next_deadline};
pub use store::{
    APPLICATION_ID, ChangeListener, OpenOptions, SCHEMA_VERSION, ServerLocation, Store,
};
pub use usecases::{
    AssignmentQuery, DEMO_EDITION, DEMO_PUBLICATION, DailyBackup, DiffInputs, EXPORT_FORMAT,
    EXPORT_VERSION, IcsScope, ImportSummary, PreparedDraft,
};
