//! A team's database as a whole: moving everything from a file onto a team
//! server, or from a server back into a file.

use crate::error::{Error, Result};
use crate::storage::TABLES;

use super::Store;

/// What an import copied: rows per table, in the order they were copied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    pub from: String,
    pub to: String,
    pub tables: Vec<(String, u64)>,
}

impl ImportSummary {
    pub fn rows(&self, table: &str) -> u64 {
        self.tables
            .iter()
            .find(|(t, _)| t == table)
            .map_or(0, |(_, n)| *n)
    }
}

impl Store {
    /// Copies everything `source` holds into this database, which must hold
    /// nothing yet: every id, date, history line, draft file and version,
    /// exactly as stored. One snapshot of the source, one transaction here:
    /// all of it arrives, or none.
    pub fn import_everything_from(&mut self, source: &Store) -> Result<ImportSummary> {
        if source.path() == self.path() {
            return Err(Error::invalid(
                "import_into_itself",
                "source",
                "A database cannot be imported into itself. Name the file or server to copy from.",
            ));
        }
        let from = source.path().display().to_string();
        let to = self.path().display().to_string();
        let tables = source.read(|src| {
            self.write(|dst| {
                if !dst.holds_nothing()? {
                    return Err(Error::invalid(
                        "import_target_not_empty",
                        "db",
                        format!(
                            "{to} already holds publications, contributors or history, so nothing was imported (an import never merges). Import into a new file or an empty server database."
                        ),
                    ));
                }
                let mut counts = Vec::with_capacity(TABLES.len());
                for (table, columns) in TABLES {
                    let mut rows = 0u64;
                    src.dump_table(table, columns, &mut |row| {
                        rows += 1;
                        dst.load_row(table, columns, &row)
                    })?;
                    counts.push(((*table).to_owned(), rows));
                }
                for (article, draft) in src.approved_drafts()? {
                    dst.set_approved_draft_raw(&article, &draft)?;
                }
                Ok(counts)
            })
        })?;
        Ok(ImportSummary { from, to, tables })
    }
}
