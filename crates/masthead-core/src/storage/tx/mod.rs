//! Every SQL statement of Masthead's use cases, written once for both
//! stores (see `sql.rs` for the portable subset), and one row-mapping
//! function per type. `SqlTx` runs them over an engine's [`Conn`]; its
//! statements live one file per aggregate below.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::history::ChangeSet;
use crate::model::*;
use crate::rules::drafts::word_count;
use crate::storage::sql::{Conn, Row, Value, p, stored_value};
use crate::storage::{
    AssignmentFilter, AssignmentRow, BoardRow, DraftRow, DueCommission, KindRow, NewArticle,
    OpenOffer, OwnDraft, OwnDraftSaved, PieceToCome, SlotRow, SlotToCheck,
};

pub(crate) struct SqlTx<'c> {
    conn: Box<dyn Conn + 'c>,
}

impl<'c> SqlTx<'c> {
    pub(crate) fn new(conn: Box<dyn Conn + 'c>) -> Self {
        SqlTx {
            conn: crate::storage::statements::logged(conn),
        }
    }

    fn all<T>(
        &mut self,
        sql: &str,
        params: &[crate::storage::sql::Param<'_>],
        mut map: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.conn.each(sql, params, &mut |row| {
            out.push(map(row)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn one<T>(
        &mut self,
        sql: &str,
        params: &[crate::storage::sql::Param<'_>],
        map: impl FnOnce(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut map = Some(map);
        let mut out = None;
        self.conn.each(sql, params, &mut |row| {
            if let Some(map) = map.take() {
                out = Some(map(row)?);
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Runs `sql`, whose conditions use numbered parameters (`?1`, `?2`…)
    /// only for the filters that are set: they keep their place when one is
    /// left out (see [`Conn::each_numbered`]).
    fn all_numbered<T>(
        &mut self,
        sql: &str,
        values: &[Option<String>],
        mut map: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.conn.each_numbered(sql, values, &mut |row| {
            out.push(map(row)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn exec(&mut self, sql: &str, params: &[crate::storage::sql::Param<'_>]) -> Result<usize> {
        self.conn.execute(sql, params)
    }

    /// The statement as this connection may read it (see [`Notes`]).
    fn with_notes(&self, statement: Notes) -> &'static str {
        if self.conn.is_contributor() {
            statement.hidden
        } else {
            statement.shown
        }
    }
}

#[macro_use]
mod rows;
use rows::*;

mod checks;
mod comments;
mod commissioning;
mod drafts;
mod editions;
mod flatplan;
mod history;
mod links;
mod pieces;
mod publications;
mod search;
mod tables;
mod team;
mod trash;
mod workflow;
pub(crate) use trash::{TrashEntry, TrashRow};
