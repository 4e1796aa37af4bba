use chrono::NaiveDate;

use super::{Result, Store, need, workflow};
use crate::model::{Board, BoardFilter, Edition, PublicationId};
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
        self.read(|tx| load(tx, publication, filter, today, false).map(|(board, _)| board))
    }
}

/// The board inside `tx` (the desk reads it in its own transaction); with
/// `to_come`, only the pieces of editions not yet on sale on `today`. Also
/// hands back the editions it read, so the desk does not read them again.
pub(super) fn load(
    tx: &mut Tx<'_>,
    publication: PublicationId,
    filter: &BoardFilter,
    today: NaiveDate,
    to_come: bool,
) -> Result<(Board, Vec<Edition>)> {
    let workflow = workflow::load(tx, publication)?;
    // The editions the cards can be in: the one filtered on, else all.
    let editions = match filter.edition_id {
        Some(e) => {
            let edition = need(tx.edition(e)?, "edition", e)?;
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
            vec![edition]
        }
        None if to_come => tx.editions_to_come(publication, today)?,
        None => tx.editions(Some(publication))?,
    };
    let rows = tx.board(publication, filter, to_come.then_some(today))?;
    let mut cards = Vec::with_capacity(rows.len());
    for mut row in rows {
        let edition = editions.iter().find(|e| e.id == row.card.edition_id);
        let current = workflow
            .statuses
            .iter()
            .find(|s| s.id == row.card.status_id);
        row.card.deadline = match (edition, current) {
            (Some(e), Some(s)) => next_deadline(s, &workflow.statuses, e, row.due, today),
            _ => None,
        };
        if filter.overdue_only && !row.card.deadline.as_ref().is_some_and(|d| d.overdue) {
            continue;
        }
        cards.push(row.card);
    }
    let board = Board {
        workflow,
        cards,
        today,
    };
    Ok((board, editions))
}

/// The statuses where a piece's work is over: final or spiked.
pub(super) fn ended(
    workflow: &crate::model::Workflow,
) -> std::collections::HashSet<crate::model::StatusId> {
    workflow
        .statuses
        .iter()
        .filter(|s| s.is_spiked || s.is_final)
        .map(|s| s.id)
        .collect()
}
