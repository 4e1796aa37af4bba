//! Contributors' personal links, and everything her page does through one.
//!
//! An editor makes a link for a contributor (`contributor_link`): a random
//! token given once, of which the store keeps only the SHA-256. Her page
//! (`masthead-serve`) passes the token with every call below, and each
//! checks it inside its own transaction (known, hers, not revoked, not
//! expired) before it reads or writes: revoking a link ends its next
//! request, whatever session a browser holds. Through a link she sees only
//! her commissions that are still open (offered or accepted), answers her
//! offers, sends drafts for them and reads the drafts she sent; the same
//! use cases as the app's do the work, recorded under her name.

use chrono::{Duration, Utc};

use super::{Result, Store, check_version, need};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::Entity;
use crate::history::timestamp;
use crate::model::{
    Assignment, AssignmentId, AssignmentState, ContributorId, ContributorLink, ContributorPage,
    DraftText, LinkId, NewContributorLink, OfferEmail, Saved, SubmittedDraft, Visitor,
};
use crate::rules::drafts::word_count;
use crate::rules::links::{
    OfferText, check_days, check_public_url, fee_text, link_path, mailto, new_token, offer_email,
    same_hash, token_hash,
};
use crate::storage::{AssignmentFilter, Tx};
use crate::usecases::PreparedDraft;

/// Versions of one piece she may send through her link in an hour (as a
/// team server's own function allows anyone)…
const DRAFTS_PER_HOUR: u32 = 20;
/// …and bytes of them in a day.
const BYTES_PER_DAY: u64 = 100 * 1024 * 1024;

fn refused(code: &str, message: &str) -> Error {
    Error::invalid(code.to_owned(), "link", message.to_owned())
}

fn unknown() -> Error {
    refused(
        "link_unknown",
        "This link does not open any page. Check that you copied the whole address from the email, or ask the editor who sent it for a new link.",
    )
}

fn revoked() -> Error {
    refused(
        "link_revoked",
        "This link was withdrawn by the magazine. Ask the editor who sent it for a new one.",
    )
}

fn expired() -> Error {
    refused(
        "link_expired",
        "This link has expired. Ask the editor who sent it for a new one.",
    )
}

/// Who `token` lets in now, checked inside `tx`.
fn visitor(tx: &mut Tx<'_>, token: &str) -> Result<Visitor> {
    let hash = token_hash(token).ok_or_else(unknown)?;
    if tx.writes_through_functions() {
        // The page's own login on a team server: the server checks the
        // link and acts for its contributor for the rest of the transaction.
        let (outcome, found) = tx.visit_link(&hash)?;
        return match (outcome.as_str(), found) {
            ("ok", Some(v)) => Ok(v),
            ("revoked", _) => Err(revoked()),
            ("expired", _) => Err(expired()),
            _ => Err(unknown()),
        };
    }
    let (link, stored) = tx.link_by_hash(&hash)?.ok_or_else(unknown)?;
    if !same_hash(&stored, &hash) {
        return Err(unknown());
    }
    if link.revoked_at.is_some() {
        return Err(revoked());
    }
    if link.expires_at <= Utc::now() {
        return Err(expired());
    }
    // A contributor in the trash opens no page.
    let who = tx.contributor(link.contributor_id)?.ok_or_else(unknown)?;
    Ok(Visitor {
        link_id: link.id,
        contributor_id: who.id,
        name: who.name,
        expires_at: link.expires_at,
    })
}

/// Her commission `id`, still open; anything else is "not found", whether
/// it exists or not (a page never tells her what others have).
fn her_commission(tx: &mut Tx<'_>, v: &Visitor, id: AssignmentId) -> Result<Assignment> {
    match tx.assignment(id)? {
        Some(a) if a.contributor_id == v.contributor_id && a.state.is_active() => Ok(a),
        _ => Err(Error::NotFound {
            entity: "commission",
            key: id.to_string(),
        }),
    }
}

/// A new link for `contributor`, lasting `days`, inside `tx`.
fn make_link(
    tx: &mut Tx<'_>,
    actor: &Actor,
    contributor: ContributorId,
    days: u32,
    base: Option<&str>,
    (token, hash): (String, String),
) -> Result<NewContributorLink> {
    let who = need(tx.contributor(contributor)?, "contributor", contributor)?;
    let id = LinkId::new();
    let now = Utc::now();
    tx.insert_link(
        id,
        contributor,
        &hash,
        actor.name(),
        &timestamp(now),
        &timestamp(now + Duration::days(i64::from(days))),
    )?;
    let link = need(tx.link(id)?, "link", id)?;
    let path = link_path(&token);
    Ok(NewContributorLink {
        link,
        contributor: who.name,
        email: who.email,
        url: base.map(|b| format!("{b}{path}")),
        token,
        path,
    })
}

/// The name her changes are recorded under.
fn as_her(v: &Visitor) -> Result<Actor> {
    Actor::new(&v.name)
}

impl Store {
    /// Makes a new link to `contributor`'s page, lasting `days` (1 to 366).
    /// Links made before stay until they expire or are revoked. The token is
    /// in the answer only: the store keeps its hash. With `public_url`, the
    /// page's address as its readers reach it, the answer has the whole
    /// address.
    pub fn contributor_link(
        &mut self,
        actor: &Actor,
        contributor: ContributorId,
        days: u32,
        public_url: Option<&str>,
    ) -> Result<NewContributorLink> {
        let days = check_days(days)?;
        let base = public_url.map(check_public_url).transpose()?;
        let secret = new_token()?;
        self.write(|tx| make_link(tx, actor, contributor, days, base.as_deref(), secret))
    }

    /// An email offering commission `id` (as the editor saw it, at version
    /// `seen`) to its contributor, with a new link to her page (lasting
    /// `days`, under `public_url`): for the editor's own mail program,
    /// nothing is sent from here. A commission no longer open, or changed
    /// since the editor saw it, is refused and no link is made.
    pub fn offer_email(
        &mut self,
        actor: &Actor,
        id: AssignmentId,
        seen: Option<u32>,
        days: u32,
        public_url: &str,
    ) -> Result<OfferEmail> {
        let days = check_days(days)?;
        let base = check_public_url(public_url)?;
        let secret = new_token()?;
        self.write(|tx| {
            let a = need(tx.assignment(id)?, "assignment", id)?;
            check_version(tx, Entity::Assignment, id, &a.article_title, seen, a.version)?;
            if !a.state.is_active() {
                return Err(Error::invalid(
                    "commission_closed",
                    "state",
                    format!(
                        "{}'s commission for \"{}\" is {}: there is nothing to offer. Commission the piece again to offer it.",
                        a.contributor,
                        a.article_title,
                        a.state.key()
                    ),
                ));
            }
            let link = make_link(tx, actor, a.contributor_id, days, Some(&base), secret)?;
            let url = link.url.clone().unwrap_or_default();
            let (subject, body) = offer_email(&OfferText {
                name: &link.contributor,
                title: &a.article_title,
                edition: &a.edition,
                brief: &a.brief,
                words: a.word_target,
                due: a.due_date,
                fee: a.fee.as_deref().map(|f| fee_text(f, a.fee_currency.as_deref())),
                url: &url,
                until: link.link.expires_at,
                editor: actor.name(),
                accepted: a.state == AssignmentState::Accepted,
            });
            let mailto = mailto(link.email.as_deref(), &subject, &body);
            Ok(OfferEmail {
                link,
                subject,
                body,
                mailto,
            })
        })
    }

    /// Revokes every link of `contributor`'s: her page closes at once. How
    /// many were still open.
    pub fn revoke_contributor_links(
        &mut self,
        actor: &Actor,
        contributor: ContributorId,
    ) -> Result<u32> {
        self.write(|tx| {
            need(tx.contributor(contributor)?, "contributor", contributor)?;
            let n = tx.revoke_links(contributor, actor.name(), &timestamp(Utc::now()))?;
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        })
    }

    /// Her links not revoked, newest first (expired ones too: they say
    /// when it ended).
    pub fn contributor_links(&self, contributor: ContributorId) -> Result<Vec<ContributorLink>> {
        self.read(|tx| {
            need(tx.contributor(contributor)?, "contributor", contributor)?;
            tx.live_links(contributor)
        })
    }

    /// Whether this is the contributors' page's own login on a team server
    /// (always false on a file): the only login `masthead-serve` may use
    /// there.
    pub fn serves_links(&self) -> Result<bool> {
        self.read(|tx| tx.serves_links())
    }

    /// Who `token` lets in, if it is a link that works now.
    pub fn visit(&self, token: &str) -> Result<Visitor> {
        self.read(|tx| visitor(tx, token))
    }

    /// Her page: her open commissions, newest first, with their drafts.
    pub fn contributor_page(&self, token: &str) -> Result<ContributorPage> {
        self.read(|tx| {
            let visitor = visitor(tx, token)?;
            let commissions = tx
                .assignments(AssignmentFilter {
                    contributor: Some(visitor.contributor_id),
                    ..Default::default()
                })?
                .into_iter()
                .filter(|a| a.state.is_active())
                .collect();
            let drafts = tx.drafts_of_open_commissions(visitor.contributor_id)?;
            Ok(ContributorPage {
                visitor,
                commissions,
                drafts,
            })
        })
    }

    /// Her answer to her offer `id`, from the version her page showed.
    pub fn answer_through_link(
        &mut self,
        token: &str,
        id: AssignmentId,
        seen: Option<u32>,
        accept: bool,
    ) -> Result<Assignment> {
        self.write(|tx| {
            let v = visitor(tx, token)?;
            let a = her_commission(tx, &v, id)?;
            if a.state != AssignmentState::Offered {
                return Err(Error::invalid(
                    "offer_answered",
                    "state",
                    format!(
                        "You already accepted \"{}\"; to change that, write to the editor.",
                        a.article_title
                    ),
                ));
            }
            super::assignments::answer_in(tx, &as_her(&v)?, id, seen, accept)
        })
    }

    /// Her draft for her commission `id`: the next version of its piece,
    /// recorded as hers, its words counted against her commission's target.
    pub fn submit_through_link(
        &mut self,
        token: &str,
        id: AssignmentId,
        prepared: &PreparedDraft,
    ) -> Result<Saved<SubmittedDraft>> {
        self.write(|tx| {
            let v = visitor(tx, token)?;
            let a = her_commission(tx, &v, id)?;
            if a.state != AssignmentState::Accepted {
                return Err(Error::invalid(
                    "offer_not_accepted",
                    "state",
                    format!(
                        "Accept \"{}\" first; then send your draft.",
                        a.article_title
                    ),
                ));
            }
            // Paced, on both stores: a link must not fill the disk.
            let now = Utc::now();
            let (hour, _) =
                tx.drafts_sent_since(a.article_id, v.contributor_id, &timestamp(now - Duration::hours(1)))?;
            let (_, day_bytes) =
                tx.drafts_sent_since(a.article_id, v.contributor_id, &timestamp(now - Duration::days(1)))?;
            if hour >= DRAFTS_PER_HOUR
                || day_bytes + prepared.size() > BYTES_PER_DAY
            {
                return Err(Error::invalid(
                    "drafts_paced",
                    "file",
                    format!(
                        "You have sent many versions of \"{}\" today; nothing was stored. Send the next one later, or write to the editor.",
                        a.article_title
                    ),
                ));
            }
            let mut saved = super::drafts::submit_in(
                tx,
                &as_her(&v)?,
                a.article_id,
                prepared,
                Some(v.contributor_id),
            )
            .map_err(|e| match e {
                // Not another's draft's name, version or recorder: only
                // that this file is already there.
                Error::Duplicate { .. } => Error::Duplicate {
                    field: Some("file"),
                    message: format!(
                        "This file is already stored for \"{}\", so nothing was stored. If you changed it, save it and send it again.",
                        a.article_title
                    ),
                },
                other => other,
            })?;
            // Counted against what she was asked for (her commission's
            // target), not the piece's; the editors' warning is theirs.
            let d = &mut saved.item;
            d.count = word_count(d.draft.words, a.word_target, d.draft.version, false);
            saved.warnings.clear();
            Ok(saved)
        })
    }

    /// A draft she sent for her commission `id` (the newest without a
    /// version), with its text, and the commission it answers.
    pub fn draft_through_link(
        &self,
        token: &str,
        id: AssignmentId,
        version: Option<u32>,
    ) -> Result<(Assignment, DraftText)> {
        self.read(|tx| {
            let v = visitor(tx, token)?;
            let a = her_commission(tx, &v, id)?;
            let wanted = version.or_else(|| a.draft_versions.first().copied());
            let not_hers = || Error::NotFound {
                entity: "draft",
                key: format!("version {}", wanted.unwrap_or(0)),
            };
            // Only the versions she sent for this commission.
            let number = wanted
                .filter(|n| a.draft_versions.contains(n))
                .ok_or_else(not_hers)?;
            let piece = need(tx.article(a.article_id)?, "article", a.article_id)?;
            let draft = super::drafts::version_of(tx, &piece, Some(number))?;
            if draft.contributor_id != Some(v.contributor_id) {
                return Err(not_hers());
            }
            let (text, markdown) = super::drafts::text_of(tx, &draft)?;
            Ok((
                a,
                DraftText {
                    draft,
                    text,
                    markdown,
                },
            ))
        })
    }
}
