//! Masthead's own invariants for `check`, and the commit.

use super::*;

impl SqlTx<'_> {
    /// Counts every edition's pieces by status again, from the pieces
    /// (migration 20's triggers keep them; this mends what changed them
    /// behind the store's back).
    pub(crate) fn recount_editions(&mut self) -> Result<()> {
        if self.conn.is_server() {
            // No piece moves (a contributor's draft does) while counting.
            // SHARE ROW EXCLUSIVE: excludes the pieces' changes and a second
            // recount at once (SHARE would let two recounts both insert).
            self.exec(
                "-- on a server\nLOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE",
                p![],
            )?;
        }
        self.exec("DELETE FROM edition_status_counts WHERE pieces >= 0", p![])?;
        self.exec(
            "INSERT INTO edition_status_counts (edition_id, status_id, pieces)
             SELECT edition_id, status_id, count(*) FROM articles
              WHERE deleted_at IS NULL GROUP BY edition_id, status_id",
            p![],
        )?;
        Ok(())
    }

    /// Counts each contributor's open commissions again, from the commissions.
    pub(crate) fn recount_contributors(&mut self) -> Result<()> {
        if self.conn.is_server() {
            // No offer is answered (a contributor's login does) while counting.
            // (as for the pieces' counts, above)
            self.exec(
                "-- on a server\nLOCK TABLE assignments IN SHARE ROW EXCLUSIVE MODE",
                p![],
            )?;
        }
        self.exec("DELETE FROM contributor_open_counts WHERE open >= 0", p![])?;
        self.exec(
            concat!(
                "INSERT INTO contributor_open_counts (contributor_id, open)
                 SELECT contributor_id, count(*) FROM assignments
                  WHERE deleted_at IS NULL AND state IN ",
                active_states!(),
                " GROUP BY contributor_id"
            ),
            p![],
        )?;
        Ok(())
    }

    /// Each broken invariant SQL can find, as (code, what is wrong).
    pub(crate) fn broken_invariants(&mut self) -> Result<Vec<(String, String)>> {
        // Each arm finds one kind of broken row and says it in words; the
        // history arm names a change whose record is gone (slots and
        // workflow statuses are deleted for real, so theirs are left out).
        self.all(
            concat!(
                "SELECT 'status_of_another_publication',
                    'the piece \"' || a.title || '\" in ' || e.name || ' is in the status \"'
                    || s.label || '\", which belongs to another publication''s workflow'
             FROM articles a
             JOIN editions e ON e.id = a.edition_id
             JOIN workflow_statuses s ON s.id = a.status_id
             WHERE s.publication_id <> e.publication_id
             UNION ALL
             SELECT 'draft_without_contents',
                    'version ' || CAST(d.number AS TEXT) || ' of \"' || a.title
                    || '\" has no file or text stored'
             FROM drafts d
             JOIN articles a ON a.id = d.article_id
             WHERE NOT EXISTS (SELECT 1 FROM draft_contents c WHERE c.draft_id = d.id)
             UNION ALL
             SELECT 'history_of_nothing',
                    'the history has a ' || c.entity || ' change (' || c.entity_id
                    || ') whose ' || c.entity || ' does not exist'
             FROM changes c
             WHERE (c.entity = 'article'
                    AND NOT EXISTS (SELECT 1 FROM articles x WHERE x.id = c.entity_id))
                OR (c.entity = 'edition'
                    AND NOT EXISTS (SELECT 1 FROM editions x WHERE x.id = c.entity_id))
                OR (c.entity = 'contributor'
                    AND NOT EXISTS (SELECT 1 FROM contributors x WHERE x.id = c.entity_id))
                OR (c.entity = 'assignment'
                    AND NOT EXISTS (SELECT 1 FROM assignments x WHERE x.id = c.entity_id))
                OR (c.entity = 'publication'
                    AND NOT EXISTS (SELECT 1 FROM publications x WHERE x.id = c.entity_id))
                OR (c.entity = 'section'
                    AND NOT EXISTS (SELECT 1 FROM sections x WHERE x.id = c.entity_id))
                OR (c.entity = 'kind'
                    AND NOT EXISTS (SELECT 1 FROM kinds x WHERE x.id = c.entity_id))
                OR (c.entity = 'advert'
                    AND NOT EXISTS (SELECT 1 FROM adverts x WHERE x.id = c.entity_id))
                OR (c.entity = 'draft'
                    AND NOT EXISTS (SELECT 1 FROM drafts x WHERE x.id = c.entity_id))
             UNION ALL
             SELECT 'change_set_of_nothing',
                    'a change set (' || cs.id || ') names an edition or publication that does not exist'
             FROM change_sets cs
             WHERE (cs.edition_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM editions x WHERE x.id = cs.edition_id))
                OR (cs.publication_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM publications x WHERE x.id = cs.publication_id))
             UNION ALL
             SELECT 'edition_count_off',
                    e.name || ' counts ' || CAST(coalesce(k.pieces, 0) AS TEXT) || ' pieces in \"'
                    || s.label || '\" but has ' || CAST(n.pieces AS TEXT)
             FROM (SELECT edition_id, status_id, count(*) AS pieces FROM articles
                    WHERE deleted_at IS NULL GROUP BY edition_id, status_id) n
             JOIN editions e ON e.id = n.edition_id
             JOIN workflow_statuses s ON s.id = n.status_id
             LEFT JOIN edition_status_counts k
                    ON k.edition_id = n.edition_id AND k.status_id = n.status_id
             WHERE coalesce(k.pieces, 0) <> n.pieces
             UNION ALL
             SELECT 'edition_count_off',
                    e.name || ' counts ' || CAST(k.pieces AS TEXT) || ' pieces in \"'
                    || s.label || '\" but has none'
             FROM edition_status_counts k
             JOIN editions e ON e.id = k.edition_id
             JOIN workflow_statuses s ON s.id = k.status_id
             WHERE k.pieces > 0 AND NOT EXISTS (
                 SELECT 1 FROM articles a WHERE a.edition_id = k.edition_id
                    AND a.status_id = k.status_id AND a.deleted_at IS NULL)
             UNION ALL
             SELECT 'contributor_count_off',
                    c.name || ' counts ' || CAST(coalesce(k.open, 0) AS TEXT)
                    || ' open commissions but has ' || CAST(coalesce(n.open, 0) AS TEXT)
             FROM contributors c
             LEFT JOIN contributor_open_counts k ON k.contributor_id = c.id
             LEFT JOIN (SELECT contributor_id, count(*) AS open FROM assignments
                         WHERE deleted_at IS NULL AND state IN ",
                active_states!(),
                "
                         GROUP BY contributor_id) n ON n.contributor_id = c.id
             WHERE coalesce(k.open, 0) <> coalesce(n.open, 0)"
            ),
            p![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Every slot with its edition's name and page count, by edition and page.
    pub(crate) fn slots_to_check(&mut self) -> Result<Vec<SlotToCheck>> {
        self.all(
            "SELECT e.name, e.page_count, COALESCE(a.title, ad.advertiser, ''),
                    s.first_page, s.last_page, s.part_offset, s.part_units, s.edition_id
             FROM slots s
             JOIN editions e ON e.id = s.edition_id
             LEFT JOIN articles a ON a.id = s.article_id
             LEFT JOIN adverts ad ON ad.id = s.advert_id
             ORDER BY s.edition_id, s.first_page, s.part_offset",
            p![],
            |r| {
                Ok(SlotToCheck {
                    edition_id: r.get(7)?,
                    edition: r.get(0)?,
                    page_count: r.get(1)?,
                    label: r.get(2)?,
                    first_page: r.get(3)?,
                    last_page: r.get(4)?,
                    part_offset: r.get(5)?,
                    part_units: r.get(6)?,
                })
            },
        )
    }

    /// Saves everything done in this transaction.
    pub(crate) fn commit(self) -> Result<()> {
        self.conn.commit()
    }
}
