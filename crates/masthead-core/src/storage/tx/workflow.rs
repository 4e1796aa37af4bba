//! The workflow (statuses, moves) and kinds of piece.

use super::*;

impl SqlTx<'_> {
    pub(crate) fn insert_workflow(
        &mut self,
        publication: PublicationId,
        wf: &Workflow,
    ) -> Result<()> {
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        for s in &wf.statuses {
            self.insert_status(publication, s, &at)?;
        }
        for t in &wf.transitions {
            self.exec(
                "INSERT INTO workflow_transitions (from_status_id, to_status_id) VALUES (?1, ?2)",
                p![t.from, t.to],
            )?;
        }
        Ok(())
    }

    /// The publication's statuses in order, retired ones left out.
    pub(crate) fn statuses(&mut self, publication: PublicationId) -> Result<Vec<Status>> {
        self.all(
            &format!(
                "{STATUS} WHERE s.publication_id = ?1 AND s.retired_at IS NULL ORDER BY s.position"
            ),
            p![publication],
            status,
        )
    }

    /// One status, retired or not.
    pub(crate) fn status(&mut self, id: StatusId) -> Result<Option<Status>> {
        self.one(&format!("{STATUS} WHERE s.id = ?1"), p![id], status)
    }

    pub(crate) fn transitions(&mut self, publication: PublicationId) -> Result<Vec<Transition>> {
        self.all(
            "SELECT t.from_status_id, t.to_status_id FROM workflow_transitions t
             JOIN workflow_statuses s ON s.id = t.from_status_id
             JOIN workflow_statuses d ON d.id = t.to_status_id
             WHERE s.publication_id = ?1 ORDER BY s.position, d.position",
            p![publication],
            |r| {
                Ok(Transition {
                    from: r.get(0)?,
                    to: r.get(1)?,
                })
            },
        )
    }

    /// The statuses a piece in `from` may move to, in workflow order.
    pub(crate) fn next_statuses(&mut self, from: StatusId) -> Result<Vec<Status>> {
        self.all(
            &format!(
                "{STATUS} JOIN workflow_transitions t ON t.to_status_id = s.id
                 WHERE t.from_status_id = ?1 AND s.retired_at IS NULL ORDER BY s.position"
            ),
            p![from],
            status,
        )
    }

    pub(crate) fn status_publication(&mut self, id: StatusId) -> Result<Option<PublicationId>> {
        self.one(
            "SELECT publication_id FROM workflow_statuses WHERE id = ?1",
            p![id],
            |r| r.get(0),
        )
    }

    /// Every status in order, retired ones included.
    pub(crate) fn all_statuses(&mut self, publication: PublicationId) -> Result<Vec<Status>> {
        self.all(
            &format!("{STATUS} WHERE s.publication_id = ?1 ORDER BY s.position"),
            p![publication],
            status,
        )
    }

    /// The version of the publication's workflow as a whole.
    pub(crate) fn workflow_version(&mut self, publication: PublicationId) -> Result<Option<u32>> {
        self.one(
            "SELECT workflow_version FROM publications WHERE id = ?1 AND deleted_at IS NULL",
            p![publication],
            |r| r.get(0),
        )
    }

    /// Moves the workflow on from `version`; `false` if it already had.
    pub(crate) fn bump_workflow(
        &mut self,
        publication: PublicationId,
        version: u32,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE publications SET workflow_version = workflow_version + 1, updated_at = ?3
             WHERE id = ?1 AND workflow_version = ?2 AND deleted_at IS NULL",
            p![publication, version, at],
        )
        .map(|n| n == 1)
    }

    pub(crate) fn insert_status(
        &mut self,
        publication: PublicationId,
        s: &Status,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO workflow_statuses (id, publication_id, key, label, position, colour,
                is_initial, is_spiked, is_final, receives_drafts, deadline_anchor,
                deadline_offset_days, retired_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            p![
                s.id,
                publication,
                s.key,
                s.label,
                s.position,
                s.colour,
                s.is_initial,
                s.is_spiked,
                s.is_final,
                s.receives_drafts,
                s.deadline.map(|d| d.key_date.key()),
                s.deadline.map(|d| d.days_before),
                s.retired.then_some(at)
            ],
        )
        .map(drop)
    }

    /// Writes every field of the status (position and retired included).
    pub(crate) fn update_status(&mut self, s: &Status, at: &str) -> Result<()> {
        self.exec(
            "UPDATE workflow_statuses SET label = ?2, position = ?3, colour = ?4, is_initial = ?5,
                is_spiked = ?6, is_final = ?7, receives_drafts = ?8, deadline_anchor = ?9,
                deadline_offset_days = ?10,
                retired_at = CASE WHEN ?11 THEN coalesce(retired_at, ?12) END
             WHERE id = ?1",
            p![
                s.id,
                s.label,
                s.position,
                s.colour,
                s.is_initial,
                s.is_spiked,
                s.is_final,
                s.receives_drafts,
                s.deadline.map(|d| d.key_date.key()),
                s.deadline.map(|d| d.days_before),
                s.retired,
                at
            ],
        )
        .map(drop)
    }

    pub(crate) fn delete_status(&mut self, id: StatusId) -> Result<()> {
        self.exec(
            "DELETE FROM workflow_transitions WHERE from_status_id = ?1 OR to_status_id = ?1",
            p![id],
        )?;
        self.exec("DELETE FROM workflow_statuses WHERE id = ?1", p![id])
            .map(drop)
    }

    /// Whether a piece (live or deleted) is in this status or its history
    /// names it (1), or not (0).
    pub(crate) fn status_uses(&mut self, id: StatusId) -> Result<u32> {
        self.one(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE status_id = ?1)
                 OR EXISTS (SELECT 1 FROM changes WHERE old_ref = ?1)
                 OR EXISTS (SELECT 1 FROM changes WHERE new_ref = ?1)",
            p![id],
            |r| r.get(0),
        )
        .map(Option::unwrap_or_default)
    }

    pub(crate) fn insert_transition(&mut self, from: StatusId, to: StatusId) -> Result<()> {
        self.exec(
            "INSERT INTO workflow_transitions (from_status_id, to_status_id) VALUES (?1, ?2)
             ON CONFLICT DO NOTHING",
            p![from, to],
        )
        .map(drop)
    }

    pub(crate) fn delete_transition(&mut self, from: StatusId, to: StatusId) -> Result<()> {
        self.exec(
            "DELETE FROM workflow_transitions WHERE from_status_id = ?1 AND to_status_id = ?2",
            p![from, to],
        )
        .map(drop)
    }

    pub(crate) fn kinds(
        &mut self,
        publication: PublicationId,
        with_retired: bool,
    ) -> Result<Vec<Kind>> {
        self.all(
            &format!(
                "{KIND} WHERE k.publication_id = ?1 AND (?2 OR k.retired_at IS NULL)
                 ORDER BY k.position, k.label"
            ),
            p![publication, with_retired],
            kind,
        )
    }

    pub(crate) fn kind(&mut self, id: KindId) -> Result<Option<Kind>> {
        self.one(&format!("{KIND} WHERE k.id = ?1"), p![id], kind)
    }

    pub(crate) fn insert_kind(&mut self, k: &KindRow<'_>, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO kinds (id, publication_id, key, label, position, retired_at, created_at,
                updated_at, words_per_page)
             VALUES (?1, ?2, ?3, ?4,
                (SELECT coalesce(max(position) + 1, 0) FROM kinds WHERE publication_id = ?2),
                CASE WHEN ?5 THEN ?6 END, ?6, ?6, ?7)",
            p![
                k.id, k.publication, k.key, k.label, k.retired, at, k.words_per_page
            ],
        )
        .map(drop)
    }

    pub(crate) fn update_kind(&mut self, k: &KindRow<'_>, version: u32, at: &str) -> Result<bool> {
        self.exec(
            "UPDATE kinds SET label = ?3,
                retired_at = CASE WHEN ?4 THEN coalesce(retired_at, ?5) END,
                words_per_page = ?6, updated_at = ?5, version = version + 1
             WHERE id = ?1 AND version = ?2",
            p![k.id, version, k.label, k.retired, at, k.words_per_page],
        )
        .map(|n| n == 1)
    }
}
