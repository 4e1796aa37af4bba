//! Contributors' personal links, and what her page shows through one.

use super::*;

/// A contributor's link to her page, as editors see it (never its token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ContributorLink {
    pub id: LinkId,
    pub contributor_id: ContributorId,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_by: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A link just made: its token is given this once and kept nowhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewContributorLink {
    pub link: ContributorLink,
    pub contributor: String,
    pub email: Option<String>,
    /// The secret part of the address.
    pub token: String,
    /// `/l/TOKEN`, under the page's public address.
    pub path: String,
    /// The whole address, when the page's public address is known.
    pub url: Option<String>,
}

/// An offer's email, ready for the editor's mail program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OfferEmail {
    /// The link made for it (a new one each time).
    pub link: NewContributorLink,
    pub subject: String,
    pub body: String,
    /// `mailto:` with her address, the subject and the body.
    pub mailto: String,
}

/// Who a link lets in: a contributor, for as long as the link lasts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visitor {
    pub link_id: LinkId,
    pub contributor_id: ContributorId,
    pub name: String,
    pub expires_at: DateTime<Utc>,
}

/// Her page: every commission offered to her or accepted by her, newest
/// first, with the drafts she sent for each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContributorPage {
    pub visitor: Visitor,
    pub commissions: Vec<Assignment>,
    /// The drafts she sent for them, newest first.
    pub drafts: Vec<Draft>,
}

/// The contributors' page's own login on a team server, shown once: the
/// password is stored nowhere by Masthead, and `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PageLogin {
    pub login: String,
    pub password: String,
    /// The address to give `masthead-serve --db`, with the login and
    /// without the password (give that in ~/.pgpass or PGPASSWORD).
    pub url: String,
}

impl std::fmt::Debug for PageLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageLogin")
            .field("login", &self.login)
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}
