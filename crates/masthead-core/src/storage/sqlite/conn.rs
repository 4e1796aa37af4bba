//! [`Conn`] on SQLite: the shared statements run as written, each prepared
//! once per connection (`prepare_cached`).

use std::path::PathBuf;

use rusqlite::Transaction;
use rusqlite::types::{ToSqlOutput, ValueRef};

use super::map_error;
use crate::error::{Error, Result};
use crate::storage::sql::{Cell, Conn, EachRow, Numbered, Param, Row, RowAccess, stored_value};

pub(crate) struct SqliteConn<'c> {
    tx: Transaction<'c>,
    path: PathBuf,
}

impl<'c> SqliteConn<'c> {
    pub(crate) fn new(tx: Transaction<'c>, path: PathBuf) -> Self {
        SqliteConn { tx, path }
    }

    fn err(&self, e: rusqlite::Error) -> Error {
        map_error(&self.path, e)
    }

    fn rows(&self, mut rows: rusqlite::Rows<'_>, each: EachRow<'_>) -> Result<()> {
        // The columns' names once per statement, not once per cell read by
        // name (rusqlite asks SQLite for every name on every lookup).
        let names: Vec<String> = rows
            .as_ref()
            .map(|stmt| stmt.column_names().map(str::to_owned).collect())
            .unwrap_or_default();
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            each(&Row::new(&Named {
                row,
                names: &names,
                next: std::cell::Cell::new(0),
            }))?;
        }
        Ok(())
    }
}

/// A row with its statement's column names at hand.
struct Named<'r, 's> {
    row: &'r rusqlite::Row<'s>,
    names: &'r [String],
    /// The column after the last one read: mappings mostly read a row's
    /// cells in the order the query names them, so that one is tried first.
    next: std::cell::Cell<usize>,
}

impl RowAccess for Named<'_, '_> {
    fn index_of(&self, name: &str) -> Option<usize> {
        let next = self.next.get();
        let found = if self.names.get(next).is_some_and(|n| n == name) {
            Some(next)
        } else {
            self.names
                .iter()
                .position(|n| n == name)
                .or_else(|| self.names.iter().position(|n| n.eq_ignore_ascii_case(name)))
        };
        if let Some(i) = found {
            self.next.set(i + 1);
        }
        found
    }

    fn cell(&self, index: usize) -> Result<Cell<'_>> {
        self.row.cell(index)
    }
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Param::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Param::Int(n) => ToSqlOutput::from(*n),
            Param::Bool(b) => ToSqlOutput::from(i64::from(*b)),
            Param::Text(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
            Param::Blob(bytes) => ToSqlOutput::Borrowed(ValueRef::Blob(bytes)),
        })
    }
}

impl RowAccess for rusqlite::Row<'_> {
    fn index_of(&self, name: &str) -> Option<usize> {
        self.as_ref().column_index(name).ok()
    }

    fn cell(&self, index: usize) -> Result<Cell<'_>> {
        let value = self
            .get_ref(index)
            .map_err(|e| stored_value(&format!("#{index}"), &e.to_string()))?;
        Ok(match value {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(n) => Cell::Int(n),
            ValueRef::Text(bytes) => Cell::Text(
                std::str::from_utf8(bytes)
                    .map_err(|_| stored_value(&format!("#{index}"), "text that is not UTF-8"))?,
            ),
            ValueRef::Blob(bytes) => Cell::Blob(bytes),
            ValueRef::Real(_) => {
                return Err(stored_value(
                    &format!("#{index}"),
                    "a decimal number where Masthead stores none",
                ));
            }
        })
    }
}

impl Conn for SqliteConn<'_> {
    fn each(&mut self, sql: &str, params: &[Param<'_>], each: EachRow<'_>) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.err(e))?;
        self.rows(rows, each)
    }

    fn each_numbered(&mut self, sql: &str, values: Numbered<'_>, each: EachRow<'_>) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(sql).map_err(|e| self.err(e))?;
        // SQLite counts parameters up to the highest used: bind up to there.
        for (i, value) in values.iter().enumerate() {
            if i < stmt.parameter_count() {
                stmt.raw_bind_parameter(i + 1, value)
                    .map_err(|e| self.err(e))?;
            }
        }
        let rows = stmt.raw_query();
        self.rows(rows, each)
    }

    fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<usize> {
        let run = || -> rusqlite::Result<usize> {
            self.tx
                .prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(params))
        };
        run().map_err(|e| self.err(e))
    }

    fn is_server(&self) -> bool {
        false
    }

    fn commit(self: Box<Self>) -> Result<()> {
        let SqliteConn { tx, path } = *self;
        // On failure `tx` is dropped inside `commit`, which rolls back what
        // SQLite has not already rolled back; the connection is usable after.
        tx.commit().map_err(|e| map_error(&path, e))
    }
}
