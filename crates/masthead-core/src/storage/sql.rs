//! The SQL both stores speak. Every statement of Masthead's use cases is
//! written once (`storage/tx.rs`) in a portable subset of SQL with numbered
//! parameters (`?1`, `?2`…); each engine runs it through a [`Conn`]: SQLite
//! as written, PostgreSQL after `postgres::dialect` renumbers the
//! parameters. Values go in as [`Param`]s and come out of a [`Row`] as
//! [`FromCell`] types, so the row-mapping functions are shared too.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// A value bound to a statement.
#[derive(Debug, Clone)]
pub(crate) enum Param<'a> {
    Null,
    Int(i64),
    Bool(bool),
    Text(Cow<'a, str>),
    Blob(&'a [u8]),
}

/// A value read whole from any column: what an import copies.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Bool(bool),
    Text(String),
    Blob(Vec<u8>),
}

impl ToParam for Value {
    fn to_param(&self) -> Param<'_> {
        match self {
            Value::Null => Param::Null,
            Value::Int(n) => Param::Int(*n),
            Value::Bool(b) => Param::Bool(*b),
            Value::Text(t) => Param::Text(Cow::Borrowed(t)),
            Value::Blob(b) => Param::Blob(b),
        }
    }
}

impl FromCell for Value {
    fn from_cell(cell: Cell<'_>) -> Result<Self, String> {
        Ok(match cell {
            Cell::Null => Value::Null,
            Cell::Int(n) => Value::Int(n),
            Cell::Bool(b) => Value::Bool(b),
            Cell::Text(t) => Value::Text(t.to_owned()),
            Cell::Blob(b) => Value::Blob(b.to_vec()),
        })
    }
}

/// What can be bound as a [`Param`].
pub(crate) trait ToParam {
    fn to_param(&self) -> Param<'_>;
}

impl ToParam for i64 {
    fn to_param(&self) -> Param<'_> {
        Param::Int(*self)
    }
}

impl ToParam for u32 {
    fn to_param(&self) -> Param<'_> {
        Param::Int(i64::from(*self))
    }
}

impl ToParam for bool {
    fn to_param(&self) -> Param<'_> {
        Param::Bool(*self)
    }
}

impl ToParam for str {
    fn to_param(&self) -> Param<'_> {
        Param::Text(Cow::Borrowed(self))
    }
}

impl ToParam for String {
    fn to_param(&self) -> Param<'_> {
        Param::Text(Cow::Borrowed(self))
    }
}

impl ToParam for [u8] {
    fn to_param(&self) -> Param<'_> {
        Param::Blob(self)
    }
}

impl<T: ToParam + ?Sized> ToParam for &T {
    fn to_param(&self) -> Param<'_> {
        (**self).to_param()
    }
}

impl<T: ToParam> ToParam for Option<T> {
    fn to_param(&self) -> Param<'_> {
        match self {
            Some(value) => value.to_param(),
            None => Param::Null,
        }
    }
}

/// The parameters of one statement: `p![id, name, at]`.
macro_rules! p {
    () => {
        &[] as &[$crate::storage::sql::Param<'_>]
    };
    ($($value:expr),+ $(,)?) => {
        &[$($crate::storage::sql::ToParam::to_param(&$value)),+][..]
    };
}
pub(crate) use p;

/// One value of a result row, borrowed from the engine's row.
#[derive(Debug)]
pub(crate) enum Cell<'a> {
    Null,
    Int(i64),
    Bool(bool),
    Text(&'a str),
    Blob(&'a [u8]),
}

/// An engine's result row.
pub(crate) trait RowAccess {
    fn index_of(&self, name: &str) -> Option<usize>;
    fn cell(&self, index: usize) -> Result<Cell<'_>>;
}

/// A result row, whichever engine it came from.
pub(crate) struct Row<'a> {
    inner: &'a (dyn RowAccess + 'a),
}

impl<'a> Row<'a> {
    pub(crate) fn new(inner: &'a (dyn RowAccess + 'a)) -> Self {
        Row { inner }
    }

    /// The value of a column, by name or by position.
    pub(crate) fn get<T: FromCell>(&self, column: impl Column) -> Result<T> {
        let index = column.index(self.inner)?;
        let cell = self.inner.cell(index)?;
        T::from_cell(cell).map_err(|why| stored_value(&column.describe(), &why))
    }
}

/// A value the database holds that Masthead cannot read: the file (or the
/// server's data) was changed by something other than Masthead.
pub(crate) fn stored_value(column: &str, why: &str) -> Error {
    Error::Corrupt {
        path: std::path::PathBuf::new(),
        detail: format!("column {column} holds {why}"),
    }
}

/// How a column is named: its position or its name.
pub(crate) trait Column {
    fn index(&self, row: &dyn RowAccess) -> Result<usize>;
    fn describe(&self) -> String;
}

impl Column for usize {
    fn index(&self, _row: &dyn RowAccess) -> Result<usize> {
        Ok(*self)
    }
    fn describe(&self) -> String {
        format!("#{self}")
    }
}

impl Column for &str {
    fn index(&self, row: &dyn RowAccess) -> Result<usize> {
        row.index_of(self)
            .ok_or_else(|| stored_value(self, "nothing: the query has no such column"))
    }
    fn describe(&self) -> String {
        (*self).to_owned()
    }
}

/// What a [`Cell`] can be read as. The error says what was found instead.
pub(crate) trait FromCell: Sized {
    fn from_cell(cell: Cell<'_>) -> Result<Self, String>;
}

fn unexpected(cell: &Cell<'_>, wanted: &str) -> String {
    let found = match cell {
        Cell::Null => "NULL",
        Cell::Int(_) => "a number",
        Cell::Bool(_) => "a true/false value",
        Cell::Text(_) => "text",
        Cell::Blob(_) => "binary data",
    };
    format!("{found} where {wanted} belongs")
}

impl FromCell for String {
    fn from_cell(cell: Cell<'_>) -> Result<Self, String> {
        match cell {
            Cell::Text(text) => Ok(text.to_owned()),
            other => Err(unexpected(&other, "text")),
        }
    }
}

impl FromCell for i64 {
    fn from_cell(cell: Cell<'_>) -> Result<Self, String> {
        match cell {
            Cell::Int(n) => Ok(n),
            Cell::Bool(b) => Ok(i64::from(b)),
            other => Err(unexpected(&other, "a number")),
        }
    }
}

impl FromCell for u32 {
    fn from_cell(cell: Cell<'_>) -> Result<Self, String> {
        let n = i64::from_cell(cell)?;
        u32::try_from(n).map_err(|_| format!("{n}, out of range"))
    }
}

impl FromCell for bool {
    fn from_cell(cell: Cell<'_>) -> Result<Self, String> {
        match cell {
            Cell::Bool(b) => Ok(b),
            Cell::Int(n) => Ok(n != 0),
            other => Err(unexpected(&other, "a true/false value")),
        }
    }
}

impl FromCell for Vec<u8> {
    fn from_cell(cell: Cell<'_>) -> Result<Self, String> {
        match cell {
            Cell::Blob(bytes) => Ok(bytes.to_vec()),
            other => Err(unexpected(&other, "binary data")),
        }
    }
}

impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(cell: Cell<'_>) -> Result<Self, String> {
        match cell {
            Cell::Null => Ok(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// Reads an id (or anything parsed from text) from a text column.
pub(crate) fn parse_text<T: std::str::FromStr>(cell: Cell<'_>) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    match cell {
        Cell::Text(text) => text.parse().map_err(|e| format!("{text:?} ({e})")),
        other => Err(unexpected(&other, "an id")),
    }
}

/// Calls back once per result row.
pub(crate) type EachRow<'f> = &'f mut dyn FnMut(&Row<'_>) -> Result<()>;

/// Numbered parameters bound as text: `values[i]` is `?{i+1}`, and `None`
/// one that the query leaves out.
pub(crate) type Numbered<'v> = &'v [Option<String>];

/// One open transaction on an engine: what `storage/tx.rs` runs its
/// statements through. Dropped without `commit`, it rolls back.
pub(crate) trait Conn {
    /// Runs a query and calls `each` for every row.
    fn each(&mut self, sql: &str, params: &[Param<'_>], each: EachRow<'_>) -> Result<()>;
    /// Runs a query whose conditions use numbered parameters only for the
    /// filters that are set: `values[i]` is `?{i+1}`, bound as text, and a
    /// number the query leaves out is skipped.
    fn each_numbered(&mut self, sql: &str, values: Numbered<'_>, each: EachRow<'_>) -> Result<()>;
    /// Runs a statement; the number of rows it changed.
    fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<usize>;
    /// Whether this is a team server (logins and roles exist) or a file.
    fn is_server(&self) -> bool;
    /// Whether a contributor's rules apply (her login on a team server):
    /// she reads no editors' notes, and writes only through the server's
    /// checked functions.
    fn is_contributor(&self) -> bool {
        false
    }
    /// Calls one of those functions, which writes: like `each`, and the
    /// commit then tells the others.
    fn call_writing(&mut self, sql: &str, params: &[Param<'_>], each: EachRow<'_>) -> Result<()> {
        let _ = (sql, params, each);
        Err(crate::error::Error::Server(
            "only a contributor's connection to a team server writes through its functions".into(),
        ))
    }
    /// Saves everything done in this transaction.
    fn commit(self: Box<Self>) -> Result<()>;
}

/// The domain's ids go into and come out of the engines as their text
/// (storage's doing: the model knows nothing of rows and parameters).
macro_rules! id_cells {
    ($($name:ident),* $(,)?) => {$(
        impl ToParam for crate::model::$name {
            fn to_param(&self) -> Param<'_> {
                Param::Text(std::borrow::Cow::Owned(self.to_string()))
            }
        }

        impl FromCell for crate::model::$name {
            fn from_cell(cell: Cell<'_>) -> Result<Self, String> {
                parse_text::<uuid::Uuid>(cell).map(crate::model::$name)
            }
        }
    )*};
}

crate::model::with_every_id!(id_cells);
