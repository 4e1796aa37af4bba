//! Pieces, and the board that lists them.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::*;

impl SqlTx<'_> {
    /// An edition's pieces in section, workflow and title order; then all
    /// their commissions in one pass beside them (the board's way), which
    /// give each its credits, writers' due date and copy target: no
    /// subquery per piece.
    pub(crate) fn articles(&mut self, edition: EditionId) -> Result<Vec<Article>> {
        let pieces = self.all(
            &format!(
                "{} AND a.edition_id = ?1
                 ORDER BY coalesce(sec.position, 1000000), s.position, a.title COLLATE NOCASE",
                self.with_notes(ARTICLE_LISTED)
            ),
            p![edition],
            |row| Ok((article_listed(row)?, copy_facts(row)?)),
        )?;
        let at: HashMap<ArticleId, usize> = pieces
            .iter()
            .enumerate()
            .map(|(i, (a, _))| (a.id, i))
            .collect();
        let mut on: Vec<Vec<BoardAssignment>> = pieces.iter().map(|_| Vec::new()).collect();
        self.conn.each(
            "SELECT asg.id AS asg_id, asg.article_id, asg.state, asg.role, asg.contributor_id,
                    c.name AS contributor, asg.due_date, asg.word_target AS asg_word_target,
                    asg.created_at AS asg_created_at
               FROM articles a
               JOIN assignments asg ON asg.article_id = a.id AND asg.deleted_at IS NULL
               JOIN contributors c ON c.id = asg.contributor_id
              WHERE a.edition_id = ?1 AND a.deleted_at IS NULL",
            p![edition],
            &mut |row| {
                let piece: ArticleId = row.get("article_id")?;
                if let Some(&i) = at.get(&piece) {
                    on[i].push(board_assignment(row.get("asg_id")?, row)?);
                }
                Ok(())
            },
        )?;
        Ok(pieces
            .into_iter()
            .zip(on)
            .map(|((mut a, copy), mut on)| {
                in_credit_order(&mut on);
                a.writer_due = writers_due(&on);
                let target = copy_target(a.word_target, &on);
                a.copy = copy
                    .map(|(words, version, approved)| word_count(words, target, version, approved));
                a.credits = on
                    .into_iter()
                    .filter(|x| x.state != AssignmentState::Withdrawn)
                    .map(|x| Credit {
                        name: x.name,
                        role: x.role,
                        state: x.state,
                    })
                    .collect();
                a.contributors = super::rows::still_on(&a.credits);
                a
            })
            .collect())
    }

    pub(crate) fn article(&mut self, id: ArticleId) -> Result<Option<Article>> {
        let sql = format!("{} AND a.id = ?1", self.with_notes(ARTICLE));
        self.one(&sql, p![id], article)
    }

    /// Ids of the live pieces titled `title` (as names are compared), in
    /// `edition` when given, else in any edition not in the trash. Found
    /// through the titles' index (`articles_title`), as fast as by id.
    pub(crate) fn articles_titled(
        &mut self,
        title: &str,
        edition: Option<EditionId>,
    ) -> Result<Vec<ArticleId>> {
        let mut sql = String::from(
            "SELECT a.id FROM articles a JOIN editions e ON e.id = a.edition_id AND e.deleted_at IS NULL
              WHERE a.deleted_at IS NULL AND masthead_fold(trim(a.title)) = masthead_fold(trim(?1))",
        );
        if edition.is_some() {
            sql += " AND a.edition_id || '' = ?2";
        }
        sql += " ORDER BY a.id";
        self.all_numbered(
            &sql,
            &[Some(title.to_owned()), edition.map(|e| e.to_string())],
            |r| r.get(0),
        )
    }

    pub(crate) fn insert_article(&mut self, a: &NewArticle<'_>, at: &str) -> Result<()> {
        let v = a.fields;
        self.exec(
            "INSERT INTO articles (id, edition_id, section_id, status_id, kind_id, title, slug,
                standfirst, word_target, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            p![
                a.id, a.edition, v.section_id, a.status, a.kind, v.title, a.slug, v.standfirst,
                v.word_target, v.notes, at
            ],
        )
        .map(drop)
    }

    pub(crate) fn update_article(
        &mut self,
        id: ArticleId,
        version: u32,
        slug: &str,
        v: &ArticleInput,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE articles SET title = ?3, slug = ?4, standfirst = ?5, section_id = ?6,
                kind_id = ?7, word_target = ?8, notes = ?9, updated_at = ?10, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![
                id, version, v.title, slug, v.standfirst, v.section_id, v.kind_id, v.word_target,
                v.notes, at
            ],
        )
        .map(|n| n == 1)
    }

    pub(crate) fn set_article_status(
        &mut self,
        id: ArticleId,
        version: u32,
        to: StatusId,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE articles SET status_id = ?3, updated_at = ?4, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![id, version, to, at],
        )
        .map(|n| n == 1)
    }

    /// The live pieces of a publication the filter lets through (all but
    /// `overdue_only`, which needs the deadline), in no order (the use case
    /// sorts them by its workflow); with `on_sale_after`, only those of
    /// editions not on sale by that day (or with no on-sale date), so the
    /// desk never reads years of history; with `offers`, each with its
    /// offers still unanswered. One query however many cards (and one for
    /// the kinds' and sections' names): each card's row comes once per
    /// assignment (a grouped pass over the assignments, or a subquery per
    /// card, cost the file twice as much).
    pub(crate) fn board(
        &mut self,
        publication: PublicationId,
        f: &BoardFilter,
        on_sale_after: Option<chrono::NaiveDate>,
        offers: bool,
    ) -> Result<Vec<BoardRow>> {
        let values = [
            Some(publication.to_string()),
            f.edition_id.map(|x| x.to_string()),
            f.section_id.map(|x| x.to_string()),
            f.kind_id.map(|x| x.to_string()),
            f.contributor_id.map(|x| x.to_string()),
            on_sale_after.map(|d| d.format("%Y-%m-%d").to_string()),
        ];
        // The kinds and sections (a handful a publication, retired and
        // deleted ones included, and any publication's, as a join would)
        // by id: joined here, not once per card.
        let mut kinds: HashMap<KindId, String> = HashMap::new();
        let mut sections: HashMap<SectionId, String> = HashMap::new();
        self.conn.each(
            "SELECT 'kind' AS what, id, label AS name FROM kinds
             UNION ALL
             SELECT 'section', id, name FROM sections",
            &[],
            &mut |row| {
                let what: String = row.get("what")?;
                if what == "kind" {
                    kinds.insert(row.get("id")?, row.get("name")?);
                } else {
                    sections.insert(row.get("id")?, row.get("name")?);
                }
                Ok(())
            },
        )?;
        let sql = format!("{BOARD}{}", board_conditions(f, on_sale_after.is_some()));
        let mut cards: Vec<BoardCardRow> = Vec::new();
        let mut at: HashMap<ArticleId, usize> = HashMap::new();
        self.conn.each_numbered(&sql, &values, &mut |row| {
            let i = match at.entry(row.get("id")?) {
                Entry::Occupied(e) => *e.get(),
                Entry::Vacant(e) => {
                    cards.push(board_card(row, &kinds, &sections)?);
                    *e.insert(cards.len() - 1)
                }
            };
            if let Some(id) = row.get::<Option<AssignmentId>>("asg_id")? {
                cards[i].on.push(board_assignment(id, row)?);
            }
            Ok(())
        })?;
        cards.into_iter().map(|c| c.finish(offers)).collect()
    }
    /// The live pieces of `publication`'s editions still to come on `today`
    /// (only `edition`'s when given), each with what its next deadline
    /// needs: its status and its active writers' earliest due date. The
    /// calendar's read: a subquery per piece walks its assignments' index.
    pub(crate) fn pieces_to_come(
        &mut self,
        publication: PublicationId,
        edition: Option<EditionId>,
        today: NaiveDate,
    ) -> Result<Vec<PieceToCome>> {
        let values = [
            Some(publication.to_string()),
            edition.map(|x| x.to_string()),
            None,
            None,
            None,
            Some(today.format("%Y-%m-%d").to_string()),
        ];
        let filter = BoardFilter {
            edition_id: edition,
            ..BoardFilter::default()
        };
        let sql = format!(
            concat!(
                "SELECT a.id, a.edition_id, e.name AS edition, a.title, a.status_id, a.version,
                    (SELECT min(asg.due_date) FROM assignments asg
                      WHERE asg.article_id = a.id AND asg.deleted_at IS NULL
                        AND asg.role = ",
                writer!(),
                " AND asg.state IN ",
                active_states!(),
                ") AS due
                 FROM articles a JOIN editions e ON e.id = a.edition_id {}"
            ),
            board_conditions(&filter, true)
        );
        self.all_numbered(&sql, &values, |row| {
            Ok(PieceToCome {
                id: row.get("id")?,
                edition_id: row.get("edition_id")?,
                edition: row.get("edition")?,
                title: row.get("title")?,
                status_id: row.get("status_id")?,
                version: row.get("version")?,
                due: date(row, "due")?,
            })
        })
    }
}

/// A card's row: the piece, its edition, its copy (the newest draft, or
/// the approved one) and one of its assignments, if any, withdrawn ones
/// included (a piece whose writer withdrew needs one).
const BOARD: &str = concat!(
    "SELECT a.id, a.edition_id, e.name AS edition, a.title, a.section_id, a.kind_id,
        a.status_id, a.version,
        a.word_target AS own_target, cd.words AS copy_words, cd.number AS copy_version,
        cd.id IS NOT DISTINCT FROM a.approved_draft_id AS copy_approved,
        asg.id AS asg_id, asg.state, asg.role, asg.contributor_id, c.name AS contributor,
        asg.due_date,
        asg.word_target AS asg_word_target, asg.created_at AS asg_created_at
     FROM articles a
     JOIN editions e ON e.id = a.edition_id ",
    copy_join!(),
    "
     LEFT JOIN assignments asg ON asg.article_id = a.id AND asg.deleted_at IS NULL
     LEFT JOIN contributors c ON c.id = asg.contributor_id "
);

/// The board's conditions for the filters that are set, so that each uses
/// an index (an `?2 IS NULL OR …` would scan every piece).
fn board_conditions(f: &BoardFilter, to_come: bool) -> String {
    let mut sql = String::from(
        "WHERE a.deleted_at IS NULL AND e.deleted_at IS NULL AND e.publication_id = ?1",
    );
    if f.edition_id.is_some() {
        sql += " AND a.edition_id = ?2";
    }
    if to_come {
        sql += " AND (e.on_sale_date IS NULL OR e.on_sale_date > ?6)";
    }
    if f.section_id.is_some() {
        sql += " AND a.section_id = ?3";
    }
    if f.kind_id.is_some() {
        sql += " AND a.kind_id = ?4";
    }
    if f.contributor_id.is_some() {
        sql += concat!(
            " AND a.id IN (SELECT asg2.article_id FROM assignments asg2
                    WHERE asg2.contributor_id = ?5 AND asg2.deleted_at IS NULL
                      AND asg2.state IN ",
            active_states!(),
            ")"
        );
    }
    sql
}

/// One assignment of a board's piece.
struct BoardAssignment {
    id: AssignmentId,
    state: AssignmentState,
    role: String,
    contributor_id: ContributorId,
    name: String,
    due: Option<NaiveDate>,
    word_target: Option<u32>,
    /// As stored: ordered as text, read as a time only for an open offer.
    created_at: String,
}

/// One commission of a piece as the board's and the list's statements
/// read it (`state` … `asg_created_at`), its id `id` (read once, by the
/// caller, which may find none on a board's piece without commissions).
fn board_assignment(id: AssignmentId, row: &Row<'_>) -> Result<BoardAssignment> {
    let state: String = row.get("state")?;
    Ok(BoardAssignment {
        id,
        state: AssignmentState::parse(&state).ok_or_else(|| conversion(UnknownValue(state)))?,
        role: row.get("role")?,
        contributor_id: row.get("contributor_id")?,
        name: row.get("contributor")?,
        due: date(row, "due_date")?,
        word_target: row.get("asg_word_target")?,
        created_at: row.get("asg_created_at")?,
    })
}

/// A piece's commissions in credit order: writers first, then as
/// commissioned (the order `article_commissions!` gives one piece's).
fn in_credit_order(on: &mut [BoardAssignment]) {
    on.sort_by(|x, y| {
        (x.role != WRITER_ROLE, &x.created_at, x.id).cmp(&(
            y.role != WRITER_ROLE,
            &y.created_at,
            y.id,
        ))
    });
}

/// An active writer's commission (offered or accepted).
fn writing(a: &&BoardAssignment) -> bool {
    a.role == WRITER_ROLE && a.state.is_active()
}

/// The active writers' earliest due date.
fn writers_due(on: &[BoardAssignment]) -> Option<NaiveDate> {
    on.iter().filter(writing).filter_map(|a| a.due).min()
}

/// A piece's word target: its own, else its newest active writer's
/// commission's (`copy_target!`); `on` in credit order.
fn copy_target(own: Option<u32>, on: &[BoardAssignment]) -> Option<u32> {
    own.or_else(|| on.iter().rfind(writing).and_then(|a| a.word_target))
}

/// A card as read, before its assignments join it.
struct BoardCardRow {
    card: BoardCard,
    own_target: Option<u32>,
    /// The copy's words, number and whether it is the approved draft.
    copy: Option<(u32, u32, bool)>,
    on: Vec<BoardAssignment>,
}

impl BoardCardRow {
    /// The card with its assignments in credit order (writers first, then
    /// as commissioned): who is on it (its credits: all but the
    /// withdrawn), its active writers' earliest due date, whether it needs
    /// a writer (one declined or withdrew and none is on it), its copy
    /// against its target (its own, else its newest active writer's
    /// commission's) and, with `offers`, its offers still unanswered.
    fn finish(mut self, offers: bool) -> Result<BoardRow> {
        in_credit_order(&mut self.on);
        let mut card = self.card;
        let due = writers_due(&self.on);
        let has_writer = self.on.iter().any(|a| writing(&a));
        card.needs_writer = !has_writer
            && self
                .on
                .iter()
                .any(|a| a.role == WRITER_ROLE && !a.state.is_active());
        let target = copy_target(self.own_target, &self.on);
        card.word_target = target;
        card.copy = self
            .copy
            .map(|(words, version, approved)| word_count(words, target, version, approved));
        let mut open = Vec::new();
        for a in self.on {
            if offers && a.state == AssignmentState::Offered {
                open.push(OpenOffer {
                    id: a.id,
                    contributor_id: a.contributor_id,
                    contributor: a.name.clone(),
                    role: a.role.clone(),
                    created_at: parse_timestamp(&a.created_at)?,
                });
            }
            if a.state != AssignmentState::Withdrawn {
                card.credits.push(Credit {
                    name: a.name,
                    role: a.role,
                    state: a.state,
                });
            }
        }
        card.contributors = super::rows::still_on(&card.credits);
        Ok(BoardRow {
            card,
            due,
            offers: open,
        })
    }
}

fn board_card(
    row: &Row<'_>,
    kinds: &HashMap<KindId, String>,
    sections: &HashMap<SectionId, String>,
) -> Result<BoardCardRow> {
    let section_id: Option<SectionId> = row.get("section_id")?;
    let section = section_id
        .map(|id| {
            sections
                .get(&id)
                .cloned()
                .ok_or_else(|| stored_value("section_id", &format!("{id}, no section")))
        })
        .transpose()?;
    let kind_id: KindId = row.get("kind_id")?;
    let kind_label = kinds
        .get(&kind_id)
        .cloned()
        .ok_or_else(|| stored_value("kind_id", &format!("{kind_id}, no kind")))?;
    let words: Option<u32> = row.get("copy_words")?;
    let version: Option<u32> = row.get("copy_version")?;
    let approved: Option<bool> = row.get("copy_approved")?;
    Ok(BoardCardRow {
        card: BoardCard {
            id: row.get("id")?,
            edition_id: row.get("edition_id")?,
            edition: row.get("edition")?,
            title: row.get("title")?,
            section_id,
            section,
            kind_id,
            kind_label,
            status_id: row.get("status_id")?,
            contributors: Vec::new(),
            credits: Vec::new(),
            word_target: None,
            copy: None,
            deadline: None,
            needs_writer: false,
            version: row.get("version")?,
        },
        own_target: row.get("own_target")?,
        copy: words
            .zip(version)
            .map(|(w, v)| (w, v, approved.unwrap_or(false))),
        on: Vec::new(),
    })
}
