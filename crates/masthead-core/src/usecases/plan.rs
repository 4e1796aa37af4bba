//! The edition's plan as one value: what the PDF (`masthead-pdf`) prints and
//! the run sheet's CSV holds, read in one snapshot.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Result, Store, need};
use crate::model::{
    Article, ArticleId, EditionId, EditionPlan, PlanDeadline, PlanStatus, RunSheetRow, Slot,
};
use crate::palette::STATUS_COLOURS;
use crate::rules::flatplan::describe;
use crate::rules::workflow::next_deadline;
use crate::storage::AssignmentFilter;

impl Store {
    /// The plan of `edition` as of `today`: its key facts, the run sheet in
    /// page order, the flatplan, the deadlines and the progress by status.
    pub fn edition_plan(&self, edition: EditionId, today: NaiveDate) -> Result<EditionPlan> {
        self.read(|tx| {
            let e = need(tx.edition(edition)?, "edition", edition)?;
            let statuses = tx.all_statuses(e.publication_id)?;
            let articles = tx.articles(edition)?;
            let flatplan = super::flatplan::load_with(tx, edition, articles.clone())?;
            let assignments = tx.assignments(AssignmentFilter {
                edition: Some(edition),
                ..Default::default()
            })?;

            let slot_of: HashMap<ArticleId, &Slot> = flatplan
                .slots
                .iter()
                .filter_map(|s| s.article_id.map(|a| (a, s)))
                .collect();
            let mut run_sheet: Vec<RunSheetRow> = articles
                .iter()
                .map(|a| {
                    let slot = slot_of.get(&a.id).copied();
                    let current = statuses.iter().find(|s| s.id == a.status_id);
                    RunSheetRow {
                        article_id: a.id,
                        pages: slot.map(|s| {
                            describe(s.first_page, s.last_page, s.part_offset, s.part_units)
                        }),
                        first_page: slot.map(|s| s.first_page),
                        section: a.section.clone(),
                        title: a.title.clone(),
                        kind: a.kind_label.clone(),
                        credits: a.credits.clone(),
                        word_target: a.copy.and_then(|c| c.target).or(a.word_target),
                        words: a.copy.map(|c| c.words),
                        words_off: a.copy.is_some_and(|c| c.off),
                        status_id: a.status_id,
                        status: a.status_label.clone(),
                        spiked: a.status_is_spiked,
                        deadline: current
                            .and_then(|c| next_deadline(c, &statuses, &e, a.writer_due, today)),
                    }
                })
                .collect();
            // Placed first in page order (part-page slots by their place on
            // the page), then the rest by section and title; spiked last.
            let place = |r: &RunSheetRow| {
                slot_of
                    .get(&r.article_id)
                    .map(|s| (s.first_page, s.part_offset))
            };
            run_sheet.sort_by(|a, b| {
                (
                    a.spiked,
                    place(a).is_none(),
                    place(a),
                    &a.section,
                    a.title.to_lowercase(),
                )
                    .cmp(&(
                        b.spiked,
                        place(b).is_none(),
                        place(b),
                        &b.section,
                        b.title.to_lowercase(),
                    ))
            });

            let plan_statuses = statuses
                .iter()
                .map(|s| {
                    let colour = STATUS_COLOURS
                        .iter()
                        .find(|c| c.token == s.colour)
                        .unwrap_or(&STATUS_COLOURS[0]);
                    PlanStatus {
                        id: s.id,
                        label: s.label.clone(),
                        fill: colour.fill.to_owned(),
                        edge: colour.edge.to_owned(),
                        text: colour.text.to_owned(),
                        is_spiked: s.is_spiked,
                        pieces: articles.iter().filter(|a| a.status_id == s.id).count() as u32,
                    }
                })
                .filter(|s| !statuses.iter().any(|x| x.id == s.id && x.retired) || s.pieces > 0)
                .collect();

            let piece_of: HashMap<ArticleId, &Article> =
                articles.iter().map(|a| (a.id, a)).collect();
            let row_of: HashMap<ArticleId, &RunSheetRow> =
                run_sheet.iter().map(|r| (r.article_id, r)).collect();
            let mut deadlines: Vec<PlanDeadline> = assignments
                .iter()
                .filter(|a| a.state.is_active())
                .filter_map(|a| {
                    let piece = *piece_of.get(&a.article_id)?;
                    if piece.status_is_spiked || piece.status_is_final {
                        return None;
                    }
                    // The piece's next deadline, by the one rule
                    // (`next_deadline`): while it comes from the writers'
                    // due dates, each writer's own date stands. Anyone else
                    // (a photographer, an illustrator) keeps their own due
                    // date whatever the piece's status says.
                    let next = row_of.get(&a.article_id)?.deadline.as_ref();
                    let writer = a.role == crate::model::WRITER_ROLE;
                    let (date, what, overdue) = match (a.due_date, next) {
                        (Some(due), _) if !writer => (due, "Due".to_owned(), due < today),
                        (Some(due), Some(next)) if next.from_assignment => {
                            (due, "Draft due".to_owned(), due < today)
                        }
                        (_, Some(next)) => (next.date, next.status_label.clone(), next.overdue),
                        (_, None) => return None,
                    };
                    Some(PlanDeadline {
                        date,
                        what,
                        contributor: a.contributor.clone(),
                        role: a.role.clone(),
                        title: piece.title.clone(),
                        status: piece.status_label.clone(),
                        draft_in: piece.drafts > 0,
                        overdue,
                    })
                })
                .collect();
            deadlines.sort_by(|a, b| (a.date, &a.contributor).cmp(&(b.date, &b.contributor)));

            let live = articles.iter().filter(|a| !a.status_is_spiked);
            let words_commissioned = live
                .clone()
                .filter_map(|a| a.copy.and_then(|c| c.target).or(a.word_target))
                .sum();
            let words_in = live.filter_map(|a| a.copy.map(|c| c.words)).sum();
            Ok(EditionPlan {
                edition: e,
                today,
                statuses: plan_statuses,
                run_sheet,
                flatplan,
                deadlines,
                words_commissioned,
                words_in,
            })
        })
    }
}
