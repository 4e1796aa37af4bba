//! [`Conn`] on PostgreSQL: the shared statements with their parameters
//! renumbered (`?1` → `$1`), each prepared once per connection.

use std::cell::{Cell as Counter, RefMut};

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};

use super::{Inner, map_error};
use crate::error::Result;
use crate::storage::sql::{Cell, Conn, EachRow, Numbered, Param, Row, RowAccess, stored_value};

/// One transaction on the backend's connection. Dropped without `commit`,
/// it rolls back.
pub(crate) struct PgConn<'c> {
    pub(super) inner: RefMut<'c, Inner>,
    /// The backend's count of its own commits, moved on by a write's commit.
    pub(super) own_commits: Option<&'c Counter<i64>>,
    pub(super) open: bool,
    /// Whether a statement changed anything: only then does COMMIT move
    /// the clock on and notify the others.
    pub(super) wrote: bool,
}

impl PgConn<'_> {
    fn statement(&mut self, sql: &str, text_params: Option<usize>) -> Result<postgres::Statement> {
        let key = match text_params {
            Some(n) => format!("{n}#{sql}"),
            None => sql.to_owned(),
        };
        if let Some(stmt) = self.inner.statements.get(&key) {
            return Ok(stmt.clone());
        }
        let translated = dialect(sql);
        let inner = &mut *self.inner;
        let prepared = match text_params {
            Some(n) => inner
                .client
                .prepare_typed(&translated, &vec![Type::TEXT; n]),
            None => inner.client.prepare(&translated),
        }
        .map_err(|e| map_error(&inner.server, e))?;
        inner.statements.insert(key, prepared.clone());
        Ok(prepared)
    }

    /// Streams the rows to `each` as they arrive (an import's drafts are
    /// never all in memory at once).
    fn rows(
        &mut self,
        stmt: &postgres::Statement,
        params: &[&(dyn ToSql + Sync)],
        each: EachRow<'_>,
    ) -> Result<()> {
        use postgres::fallible_iterator::FallibleIterator;
        let inner = &mut *self.inner;
        let server = inner.server.clone();
        let mut rows = inner
            .client
            .query_raw(stmt, params.iter().copied())
            .map_err(|e| map_error(&server, e))?;
        while let Some(row) = rows.next().map_err(|e| map_error(&server, e))? {
            each(&Row::new(&row))?;
        }
        Ok(())
    }
}

impl Drop for PgConn<'_> {
    fn drop(&mut self) {
        if self.open {
            // A failed ROLLBACK means the connection is gone, and the server
            // rolls back a transaction whose connection closed.
            let _ = self.inner.client.batch_execute("ROLLBACK");
        }
    }
}

/// The shared SQL in PostgreSQL's words: `?N` parameters become `$N`
/// (outside quoted text), and SQLite's `json_group_array(x)` becomes
/// PostgreSQL's built-in `array_to_json(array_agg(x))` as text (`'[]'` for
/// none), which runs about a millisecond faster on a 300-card board than an
/// aggregate of our own; `json_array(a, b)` becomes `json_build_array(a, b)`.
/// Everything else is written in the subset both
/// engines read the same way (see `storage/sql.rs`); what a contributor may
/// not read is left out by the statements themselves (`tx.rs`, `Notes`).
pub(crate) fn dialect(sql: &str) -> String {
    renumber(&json_array_calls(&json_arrays(sql)))
}

/// `json_array(` as a whole word (not the tail of another name) becomes
/// `json_build_array(`. It runs over the shared SQL text only, which holds
/// no values (they are bound parameters).
fn json_array_calls(sql: &str) -> String {
    const CALL: &str = "json_array(";
    let mut out = String::with_capacity(sql.len() + 16);
    let mut rest = sql;
    while let Some(at) = rest.find(CALL) {
        let whole = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
        out.push_str(&rest[..at]);
        out.push_str(if whole { "json_build_array(" } else { CALL });
        rest = &rest[at + CALL.len()..];
    }
    out.push_str(rest);
    out
}

fn json_arrays(sql: &str) -> String {
    const CALL: &str = "json_group_array(";
    let mut out = String::with_capacity(sql.len() + 64);
    let mut rest = sql;
    while let Some(at) = rest.find(CALL) {
        out.push_str(&rest[..at]);
        let inner_start = at + CALL.len();
        let mut depth = 1;
        let mut end = None;
        for (i, c) in rest[inner_start..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(inner_start + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else {
            out.push_str(&rest[at..]);
            return out;
        };
        out.push_str("coalesce(array_to_json(array_agg(");
        out.push_str(&rest[inner_start..end]);
        out.push_str("))::text, '[]')");
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn renumber(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

fn params<'p>(params: &'p [Param<'p>]) -> Vec<&'p (dyn ToSql + Sync)> {
    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
}

impl ToSql for Param<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        let int = |n: i64, out: &mut bytes::BytesMut| match *ty {
            Type::INT8 => n.to_sql(ty, out),
            Type::INT4 => i32::try_from(n)?.to_sql(ty, out),
            Type::INT2 => i16::try_from(n)?.to_sql(ty, out),
            Type::BOOL => (n != 0).to_sql(ty, out),
            Type::TEXT | Type::VARCHAR | Type::UNKNOWN => n.to_string().as_str().to_sql(ty, out),
            _ => Err(format!("a number cannot go where {ty} belongs").into()),
        };
        match self {
            Param::Null => Ok(IsNull::Yes),
            Param::Int(n) => int(*n, out),
            Param::Bool(b) if *ty == Type::BOOL => b.to_sql(ty, out),
            Param::Bool(b) => int(i64::from(*b), out),
            Param::Text(text) => match *ty {
                Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN => {
                    text.as_ref().to_sql(ty, out)
                }
                _ => Err(format!("text cannot go where {ty} belongs").into()),
            },
            Param::Blob(bytes) if *ty == Type::BYTEA => bytes.to_sql(ty, out),
            Param::Blob(_) => Err(format!("binary data cannot go where {ty} belongs").into()),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

impl RowAccess for postgres::Row {
    fn index_of(&self, name: &str) -> Option<usize> {
        self.columns().iter().position(|c| c.name() == name)
    }

    fn cell(&self, index: usize) -> Result<Cell<'_>> {
        let column = || format!("#{index}");
        let bad = |e: postgres::Error| stored_value(&column(), &e.to_string());
        let Some(col) = self.columns().get(index) else {
            return Err(stored_value(
                &column(),
                "nothing: the query has no such column",
            ));
        };
        let ty = col.type_().clone();
        Ok(match ty {
            Type::BOOL => self
                .try_get::<_, Option<bool>>(index)
                .map_err(bad)?
                .map_or(Cell::Null, Cell::Bool),
            Type::INT8 => self
                .try_get::<_, Option<i64>>(index)
                .map_err(bad)?
                .map_or(Cell::Null, Cell::Int),
            Type::INT4 => self
                .try_get::<_, Option<i32>>(index)
                .map_err(bad)?
                .map_or(Cell::Null, |n| Cell::Int(n.into())),
            Type::INT2 => self
                .try_get::<_, Option<i16>>(index)
                .map_err(bad)?
                .map_or(Cell::Null, |n| Cell::Int(n.into())),
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME => self
                .try_get::<_, Option<&str>>(index)
                .map_err(bad)?
                .map_or(Cell::Null, Cell::Text),
            Type::BYTEA => self
                .try_get::<_, Option<&[u8]>>(index)
                .map_err(bad)?
                .map_or(Cell::Null, Cell::Blob),
            other => {
                return Err(stored_value(
                    &format!("{} ({index})", col.name()),
                    &format!("a value of type {other}, which Masthead does not read"),
                ));
            }
        })
    }
}

impl Conn for PgConn<'_> {
    fn each(&mut self, sql: &str, params_: &[Param<'_>], each: EachRow<'_>) -> Result<()> {
        let stmt = self.statement(sql, None)?;
        self.rows(&stmt, &params(params_), each)
    }

    fn each_numbered(&mut self, sql: &str, values: Numbered<'_>, each: EachRow<'_>) -> Result<()> {
        // Typed up front: PostgreSQL cannot guess the type of a number the
        // query leaves out.
        let stmt = self.statement(sql, Some(values.len()))?;
        let bound: Vec<&(dyn ToSql + Sync)> =
            values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        self.rows(&stmt, &bound, each)
    }

    fn execute(&mut self, sql: &str, params_: &[Param<'_>]) -> Result<usize> {
        let stmt = self.statement(sql, None)?;
        let inner = &mut *self.inner;
        let changed = inner
            .client
            .execute(&stmt, &params(params_))
            .map(|n| n as usize)
            .map_err(|e| map_error(&inner.server, e))?;
        self.wrote |= changed > 0;
        Ok(changed)
    }

    fn is_server(&self) -> bool {
        true
    }

    fn is_contributor(&self) -> bool {
        self.inner.masked
    }

    fn call_writing(&mut self, sql: &str, params: &[Param<'_>], each: EachRow<'_>) -> Result<()> {
        self.each(sql, params, each)?;
        self.wrote = true;
        Ok(())
    }

    fn commit(mut self: Box<Self>) -> Result<()> {
        self.open = false;
        let wrote = self.wrote && self.own_commits.is_some();
        let inner = &mut *self.inner;
        // A contributor's functions move her own clock; she may not move
        // the team's.
        let sql = if wrote && !inner.masked {
            "SELECT masthead_tick(); COMMIT"
        } else {
            "COMMIT"
        };
        if let Err(e) = inner.client.batch_execute(sql) {
            // A failed statement before COMMIT leaves the transaction open.
            let _ = inner.client.batch_execute("ROLLBACK");
            return Err(map_error(&inner.server, e));
        }
        // The others hear of it after the commit, in a statement of its
        // own: a notification queue someone filled must not fail a save
        // (and readers also compare `data_version`).
        if wrote {
            let _ = inner.client.batch_execute("NOTIFY masthead_changed");
        }
        if let (true, Some(own)) = (wrote, self.own_commits) {
            own.set(own.get() + 1);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sqlites_json_arrays_become_postgresqls() {
        assert_eq!(
            super::dialect(
                "SELECT (SELECT json_group_array(lower(c.name)) FROM c) AS n WHERE x = ?1"
            ),
            "SELECT (SELECT coalesce(array_to_json(array_agg(lower(c.name)))::text, '[]') FROM c) AS n WHERE x = $1"
        );
    }

    #[test]
    fn sqlites_json_array_of_arrays_becomes_postgresqls() {
        assert_eq!(
            super::dialect("SELECT json_group_array(json_array(a.x, a.y)) FROM a"),
            "SELECT coalesce(array_to_json(array_agg(json_build_array(a.x, a.y)))::text, '[]') FROM a"
        );
        // Only the call by that name: not a longer name ending in it.
        assert_eq!(
            super::dialect("SELECT my_json_array(x), json_array(y)"),
            "SELECT my_json_array(x), json_build_array(y)"
        );
    }

    #[test]
    fn parameters_are_renumbered_outside_quoted_text_only() {
        assert_eq!(
            super::dialect("SELECT '?1', x FROM t WHERE a = ?1 AND b = ?12 AND c = 'it''s ?2'"),
            "SELECT '?1', x FROM t WHERE a = $1 AND b = $12 AND c = 'it''s ?2'"
        );
    }
}
