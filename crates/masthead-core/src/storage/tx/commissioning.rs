//! Contributors and their assignments.

use super::*;

impl SqlTx<'_> {
    /// Contributors by name: the directory lists every one (the app's list
    /// is virtualised), so this is a whole table's read by design.
    pub(crate) fn contributors(&mut self) -> Result<Vec<Contributor>> {
        self.all(
            &format!(
                "-- every row: the directory lists them all\n{} ORDER BY c.name COLLATE NOCASE",
                self.with_notes(CONTRIBUTOR)
            ),
            p![],
            contributor,
        )
    }

    /// Ids of the live contributors whose name or email is `key` (as names
    /// are compared), through the names' and the emails' indexes.
    pub(crate) fn contributors_named(&mut self, key: &str) -> Result<Vec<ContributorId>> {
        self.all(
            "SELECT c.id FROM contributors c
              WHERE c.deleted_at IS NULL AND masthead_fold(c.name) = masthead_fold(trim(?1))
             UNION
             SELECT c.id FROM contributors c
              WHERE c.deleted_at IS NULL AND c.email IS NOT NULL
                AND masthead_fold(c.email) = masthead_fold(trim(?1))
             ORDER BY 1",
            p![key],
            |r| r.get(0),
        )
    }

    pub(crate) fn contributor(&mut self, id: ContributorId) -> Result<Option<Contributor>> {
        let sql = format!("{} AND c.id = ?1", self.with_notes(CONTRIBUTOR));
        self.one(&sql, p![id], contributor)
    }

    pub(crate) fn contributor_by_email(&mut self, email: &str) -> Result<Option<Contributor>> {
        self.one(
            &format!(
                "{} AND c.email IS NOT NULL AND masthead_fold(c.email) = masthead_fold(?1)",
                self.with_notes(CONTRIBUTOR)
            ),
            p![email],
            contributor,
        )
    }

    pub(crate) fn update_contributor(
        &mut self,
        id: ContributorId,
        version: u32,
        v: &ContributorInput,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE contributors SET name = ?3, role = ?4, organisation = ?5, email = ?6,
                phone = ?7, kind = ?8, notes = ?9, updated_at = ?10, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![
                id,
                version,
                v.name,
                v.role,
                v.organisation,
                v.email,
                v.phone,
                v.kind.as_str(),
                v.notes,
                at
            ],
        )
        .map(|n| n == 1)
    }

    pub(crate) fn insert_contributor(
        &mut self,
        id: ContributorId,
        v: &ContributorInput,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO contributors (id, name, role, organisation, email, phone, kind, notes,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            p![
                id,
                v.name,
                v.role,
                v.organisation,
                v.email,
                v.phone,
                v.kind.as_str(),
                v.notes,
                at
            ],
        )
        .map(drop)
    }

    pub(crate) fn insert_assignment(&mut self, a: &AssignmentRow<'_>, at: &str) -> Result<()> {
        let v = a.fields;
        self.exec(
            "INSERT INTO assignments (id, article_id, contributor_id, role, brief, word_target,
                due_date, fee_minor, fee_currency, state, answered_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
                CASE WHEN ?10 = 'offered' THEN NULL ELSE ?11 END, ?11, ?11)",
            p![
                a.id,
                a.article,
                a.contributor,
                v.role,
                v.brief,
                v.word_target,
                date_text(v.due_date),
                v.fee.as_ref().map(|f| f.0),
                v.fee.as_ref().map(|f| f.1.as_str()),
                a.state.key(),
                at
            ],
        )
        .map(drop)
    }

    pub(crate) fn assignment(&mut self, id: AssignmentId) -> Result<Option<Assignment>> {
        self.one(&format!("{ASSIGNMENT} AND asg.id = ?1"), p![id], assignment)
    }

    /// Newest first.
    pub(crate) fn assignments(&mut self, f: AssignmentFilter) -> Result<Vec<Assignment>> {
        // Conditions only for the filters that are set, so that SQLite uses
        // the index of each (an `?1 IS NULL OR …` would scan every assignment).
        let mut sql = ASSIGNMENT.to_owned();
        if f.article.is_some() {
            sql += " AND asg.article_id = ?1";
        }
        if f.contributor.is_some() {
            sql += " AND asg.contributor_id = ?2";
        }
        if f.edition.is_some() {
            sql += " AND a.edition_id = ?3";
        }
        if f.publication.is_some() {
            sql += " AND e.publication_id = ?4";
        }
        if f.state.is_some() {
            sql += " AND asg.state = ?5";
        }
        sql += " ORDER BY asg.created_at DESC, asg.id DESC";
        let values = [
            f.article.map(|x| x.to_string()),
            f.contributor.map(|x| x.to_string()),
            f.edition.map(|x| x.to_string()),
            f.publication.map(|x| x.to_string()),
            f.state.map(|s| s.key().to_owned()),
        ];
        self.all_numbered(&sql, &values, assignment)
    }

    /// The commissions still open (offered or accepted) of `publication`
    /// due from `from` to `to`, by date; only `contributor`'s when given.
    /// What the calendar shows of each, and whether a draft answered it.
    pub(crate) fn due_between(
        &mut self,
        publication: PublicationId,
        from: NaiveDate,
        to: NaiveDate,
        contributor: Option<ContributorId>,
    ) -> Result<Vec<DueCommission>> {
        // Found by date (assignments_due, EXPLAIN QUERY PLAN: SEARCH asg
        // USING INDEX assignments_due): the `|| ''` keep SQLite from starting
        // at the state (ten years of commissions are still "accepted") or at
        // the publication's editions (every piece it has had).
        let mut sql = format!(
            "SELECT asg.id, asg.article_id, a.title AS article_title, a.edition_id,
                    e.name AS edition, asg.contributor_id, c.name AS contributor, asg.role,
                    asg.due_date, asg.version,
                    EXISTS (SELECT 1 FROM drafts d WHERE d.assignment_id = asg.id) AS has_draft
               FROM assignments asg
               JOIN articles a ON a.id = asg.article_id
               JOIN editions e ON e.id = a.edition_id
               JOIN contributors c ON c.id = asg.contributor_id
              WHERE asg.deleted_at IS NULL AND a.deleted_at IS NULL AND e.deleted_at IS NULL
                AND asg.due_date BETWEEN ?1 AND ?2 AND e.publication_id || '' = ?3
                AND asg.state || '' IN {}",
            active_states!()
        );
        if contributor.is_some() {
            sql += " AND asg.contributor_id = ?4";
        }
        sql += " ORDER BY asg.due_date, asg.id";
        let values = [
            Some(from.format("%Y-%m-%d").to_string()),
            Some(to.format("%Y-%m-%d").to_string()),
            Some(publication.to_string()),
            contributor.map(|c| c.to_string()),
        ];
        self.all_numbered(&sql, &values, |row| {
            Ok(DueCommission {
                id: row.get("id")?,
                article_id: row.get("article_id")?,
                article_title: row.get("article_title")?,
                edition_id: row.get("edition_id")?,
                edition: row.get("edition")?,
                contributor_id: row.get("contributor_id")?,
                contributor: row.get("contributor")?,
                role: row.get("role")?,
                due_date: date(row, "due_date")?
                    .ok_or_else(|| stored_value("due_date", "none, between two dates"))?,
                version: row.get("version")?,
                has_draft: row.get("has_draft")?,
            })
        })
    }

    pub(crate) fn update_assignment(
        &mut self,
        id: AssignmentId,
        version: u32,
        v: &AssignmentTerms,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE assignments SET role = ?3, brief = ?4, word_target = ?5, due_date = ?6,
                fee_minor = ?7, fee_currency = ?8, updated_at = ?9, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![
                id,
                version,
                v.role,
                v.brief,
                v.word_target,
                date_text(v.due_date),
                v.fee.as_ref().map(|f| f.0),
                v.fee.as_ref().map(|f| f.1.as_str()),
                at
            ],
        )
        .map(|n| n == 1)
    }

    pub(crate) fn set_assignment_state(
        &mut self,
        id: AssignmentId,
        version: u32,
        state: AssignmentState,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE assignments SET state = ?3, answered_at = ?4, updated_at = ?4,
                version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, state.key(), at],
        )
        .map(|n| n == 1)
    }
}
