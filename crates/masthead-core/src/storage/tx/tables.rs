//! Whole tables, for an export and an import.

use super::*;

impl SqlTx<'_> {
    /// Whether the database holds no publication, contributor, team member
    /// or history.
    pub(crate) fn holds_nothing(&mut self) -> Result<bool> {
        self.one(
            "SELECT NOT EXISTS (SELECT 1 FROM publications)
                AND NOT EXISTS (SELECT 1 FROM contributors)
                AND NOT EXISTS (SELECT 1 FROM people)
                AND NOT EXISTS (SELECT 1 FROM change_sets)",
            p![],
            |r| r.get(0),
        )
        .map(|empty| empty.unwrap_or(false))
    }

    /// Every row of one of [`TABLES`], its columns in that order.
    pub(crate) fn dump_table(
        &mut self,
        table: &str,
        columns: &[&str],
        each: &mut dyn FnMut(Vec<Value>) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {} FROM {table} ORDER BY {}",
            columns.join(", "),
            columns[0]
        );
        let count = columns.len();
        self.conn.each(&sql, p![], &mut |row| {
            let values = (0..count)
                .map(|i| row.get::<Value>(i))
                .collect::<Result<Vec<_>>>()?;
            each(values)
        })
    }

    pub(crate) fn load_row(&mut self, table: &str, columns: &[&str], row: &[Value]) -> Result<()> {
        let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            columns.join(", "),
            marks.join(", ")
        );
        let params: Vec<crate::storage::sql::Param<'_>> = row
            .iter()
            .map(crate::storage::sql::ToParam::to_param)
            .collect();
        self.exec(&sql, &params).map(drop)
    }

    /// Every piece's approved draft, as (piece, draft) ids.
    pub(crate) fn approved_drafts(&mut self) -> Result<Vec<(String, String)>> {
        self.all(
            "SELECT id, approved_draft_id FROM articles WHERE approved_draft_id IS NOT NULL
             ORDER BY id",
            p![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Sets a piece's approved draft as it was, touching nothing else.
    pub(crate) fn set_approved_draft_raw(&mut self, article: &str, draft: &str) -> Result<()> {
        self.exec(
            "UPDATE articles SET approved_draft_id = ?2 WHERE id = ?1",
            p![article, draft],
        )
        .map(drop)
    }
}
