use chrono::NaiveDate;

use super::{Result, Store, need, workflow};
use std::collections::{HashMap, HashSet};

use crate::model::{
    Board, BoardCard, BoardFilter, Edition, EditionId, NextDeadline, PublicationId, Status,
    StatusId, WaitingOffer, Workflow,
};
use crate::rules::workflow::next_deadline;
use crate::storage::Tx;

impl Store {
    /// The board of a publication: its workflow (the columns) and a card
    /// per piece the filter lets through, each with its next deadline and
    /// whether it is overdue on `today`. Four queries, however many cards.
    pub fn board(
        &self,
        publication: PublicationId,
        filter: &BoardFilter,
        today: NaiveDate,
    ) -> Result<Board> {
        let mut board = self
            .read(|tx| load(tx, publication, filter, today, false))?
            .board;
        sort_cards(&board.workflow, &mut board.cards);
        Ok(board)
    }
}

/// The board as read, with what the desk needs from the same read.
pub(super) struct Loaded {
    pub board: Board,
    /// The editions the cards can be in.
    pub editions: Vec<Edition>,
    /// With `to_come`, the offers on its pieces still unanswered, in no
    /// order (else none).
    pub offers: Vec<WaitingOffer>,
}

/// The board inside `tx` (the desk reads it in its own transaction); with
/// `to_come`, only the pieces of editions not yet on sale on `today`. Also
/// hands back the editions it read and the open offers on its pieces, so
/// the desk does not read them again. The cards come in no order (see
/// [`sort_cards`]).
pub(super) fn load(
    tx: &mut Tx<'_>,
    publication: PublicationId,
    filter: &BoardFilter,
    today: NaiveDate,
    to_come: bool,
) -> Result<Loaded> {
    let workflow = workflow::load(tx, publication)?;
    // The editions the cards can be in: the one filtered on, else all.
    let editions = match filter.edition_id {
        Some(e) => vec![edition_of(tx, publication, e)?],
        None if to_come => tx.editions_to_come(publication, today)?,
        None => tx.editions(Some(publication))?,
    };
    // Only the desk (the editions still to come) wants the open offers.
    let rows = tx.board(publication, filter, to_come.then_some(today), to_come)?;
    let mut cards = Vec::with_capacity(rows.len());
    let mut offers = Vec::new();
    let deadlines = Deadlines::new(&workflow, &editions, today);
    for mut row in rows {
        row.card.deadline = deadlines.of(row.card.edition_id, row.card.status_id, row.due);
        if filter.overdue_only && !row.card.deadline.as_ref().is_some_and(|d| d.overdue) {
            continue;
        }
        offers.extend(row.offers.into_iter().map(|o| WaitingOffer {
            id: o.id,
            article_id: row.card.id,
            article_title: row.card.title.clone(),
            edition_id: row.card.edition_id,
            edition: row.card.edition.clone(),
            contributor_id: o.contributor_id,
            contributor: o.contributor,
            role: o.role,
            created_at: o.created_at,
        }));
        cards.push(row.card);
    }
    let board = Board {
        workflow,
        cards,
        today,
    };
    Ok(Loaded {
        board,
        editions,
        offers,
    })
}

/// `edition`, which must be one of `publication`'s.
pub(super) fn edition_of(
    tx: &mut Tx<'_>,
    publication: PublicationId,
    edition: EditionId,
) -> Result<Edition> {
    let edition = need(tx.edition(edition)?, "edition", edition)?;
    if edition.publication_id != publication {
        return Err(crate::error::Error::invalid(
            "edition_other_publication",
            "edition_id",
            format!(
                "\"{}\" is an edition of {}, not of this publication.",
                edition.name, edition.publication
            ),
        ));
    }
    Ok(edition)
}

/// Works out pieces' next deadlines ([`next_deadline`]) on `today`, each
/// edition and status found by id.
pub(super) struct Deadlines<'a> {
    statuses: &'a [Status],
    status: HashMap<StatusId, &'a Status>,
    editions: HashMap<EditionId, &'a Edition>,
    today: NaiveDate,
}

impl<'a> Deadlines<'a> {
    pub(super) fn new(workflow: &'a Workflow, editions: &'a [Edition], today: NaiveDate) -> Self {
        Deadlines {
            statuses: &workflow.statuses,
            status: workflow.statuses.iter().map(|s| (s.id, s)).collect(),
            editions: editions.iter().map(|e| (e.id, e)).collect(),
            today,
        }
    }

    /// The next deadline of a piece of `edition` in `status` whose active
    /// writers' earliest due date is `due`; none for an edition or a status
    /// not at hand.
    pub(super) fn of(
        &self,
        edition: EditionId,
        status: StatusId,
        due: Option<NaiveDate>,
    ) -> Option<NextDeadline> {
        let edition = self.editions.get(&edition)?;
        let status = self.status.get(&status)?;
        next_deadline(status, self.statuses, edition, due, self.today)
    }
}

/// `cards` in the board's order under `workflow`: its statuses' order, then
/// by title (folded, as names are compared), then by id; the same on a file
/// and a server.
pub(super) fn sort_cards(workflow: &Workflow, cards: &mut [BoardCard]) {
    let position: HashMap<StatusId, u32> = workflow
        .statuses
        .iter()
        .map(|s| (s.id, s.position))
        .collect();
    cards.sort_by_cached_key(|c| {
        (
            position.get(&c.status_id).copied(),
            crate::rules::fold(&c.title),
            c.id,
        )
    });
}

/// The statuses where a piece's work is over: final or spiked.
pub(super) fn ended(workflow: &Workflow) -> HashSet<StatusId> {
    workflow
        .statuses
        .iter()
        .filter(|s| s.is_spiked || s.is_final)
        .map(|s| s.id)
        .collect()
}
