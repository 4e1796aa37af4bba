//! Contributors' links (migration 22): only a token's hash is stored.

use super::*;

const LINK: &str = "SELECT l.id, l.contributor_id, l.created_by, l.created_at, l.expires_at,
        l.revoked_by, l.revoked_at
     FROM contributor_links l";

fn link(row: &Row<'_>) -> Result<ContributorLink> {
    let revoked: Option<String> = row.get("revoked_at")?;
    Ok(ContributorLink {
        id: row.get("id")?,
        contributor_id: row.get("contributor_id")?,
        created_by: row.get("created_by")?,
        created_at: timestamp(row, "created_at")?,
        expires_at: timestamp(row, "expires_at")?,
        revoked_by: row.get("revoked_by")?,
        revoked_at: match revoked {
            Some(_) => Some(timestamp(row, "revoked_at")?),
            None => None,
        },
    })
}

impl SqlTx<'_> {
    pub(crate) fn insert_link(
        &mut self,
        id: LinkId,
        contributor: ContributorId,
        token_sha256: &str,
        by: &str,
        at: &str,
        expires_at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO contributor_links (id, contributor_id, token_sha256, created_by,
                created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            p![id, contributor, token_sha256, by, at, expires_at],
        )
        .map(drop)
    }

    pub(crate) fn link(&mut self, id: LinkId) -> Result<Option<ContributorLink>> {
        self.one(&format!("{LINK} WHERE l.id = ?1"), p![id], link)
    }

    /// The link a token's hash names, with its hash (by the unique index).
    pub(crate) fn link_by_hash(&mut self, hash: &str) -> Result<Option<(ContributorLink, String)>> {
        self.one(
            "SELECT l.id, l.contributor_id, l.created_by, l.created_at, l.expires_at,
                    l.revoked_by, l.revoked_at, l.token_sha256
               FROM contributor_links l WHERE l.token_sha256 = ?1",
            p![hash],
            |row| Ok((link(row)?, row.get::<String>("token_sha256")?)),
        )
    }

    /// Her links not yet revoked (expired or not), newest first.
    pub(crate) fn live_links(
        &mut self,
        contributor: ContributorId,
    ) -> Result<Vec<ContributorLink>> {
        self.all(
            &format!(
                "{LINK} WHERE l.contributor_id = ?1 AND l.revoked_at IS NULL
                 ORDER BY l.created_at DESC, l.id DESC"
            ),
            p![contributor],
            link,
        )
    }

    /// Revokes every link of hers not yet revoked: how many.
    pub(crate) fn revoke_links(
        &mut self,
        contributor: ContributorId,
        by: &str,
        at: &str,
    ) -> Result<usize> {
        self.exec(
            "UPDATE contributor_links SET revoked_by = ?2, revoked_at = ?3
              WHERE contributor_id = ?1 AND revoked_at IS NULL",
            p![contributor, by, at],
        )
    }

    /// On the contributors' page's login (a server's): opens the link
    /// whose token hashes to `hash` for the rest of this transaction. What
    /// became of it ("ok", "revoked", "expired", "unknown") and, when all
    /// is well, who it lets in.
    pub(crate) fn visit_link(&mut self, hash: &str) -> Result<(String, Option<Visitor>)> {
        let found = self.one(
            "SELECT outcome, link_id, contributor_id, name, expires_at
               FROM masthead_link_visit(?1)",
            p![hash],
            |row| {
                let outcome: String = row.get("outcome")?;
                let visitor = if outcome == "ok" {
                    Some(Visitor {
                        link_id: row.get("link_id")?,
                        contributor_id: row.get("contributor_id")?,
                        name: row.get("name")?,
                        expires_at: timestamp(row, "expires_at")?,
                    })
                } else {
                    None
                };
                Ok((outcome, visitor))
            },
        )?;
        Ok(found.unwrap_or_else(|| ("unknown".to_owned(), None)))
    }

    /// Whether this connection is the contributors' page's own login.
    pub(crate) fn serves_links(&mut self) -> Result<bool> {
        if !self.conn.is_server() {
            return Ok(false);
        }
        self.one("SELECT masthead_serves_links()", p![], |r| r.get(0))
            .map(Option::unwrap_or_default)
    }
}
