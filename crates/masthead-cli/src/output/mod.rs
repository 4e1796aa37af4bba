//! Printing: aligned tables for people, stable JSON for scripts.

use std::borrow::Cow;
use std::io::Write;

use chrono::NaiveDate;
use masthead_core::model::{
    ACTIVITY_FIRST_DAYS, Activity, Article, ArticleDetail, Assignment, Board, BoardCard, Calendar,
    ContributorDetail, Dashboard, Edition, EventKind, Flatplan, HistoryEntry, NextDeadline,
    PageBudget, SearchResults, Status, Warning, Workflow,
};
use serde::Serialize;

use crate::Failure;

/// `text` as it may reach a terminal: control characters (but line breaks
/// and tabs) and direction overrides written as `\u{…}`, so that nothing
/// stored (before the rule refused them, or by another program) can move
/// the cursor, clear the screen or reverse what follows.
pub fn printable(text: &str) -> Cow<'_, str> {
    let odd = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(odd) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if odd(c) {
                    format!("\\u{{{:04x}}}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// The standard output, buffered: what a verb prints goes out in writes
/// of up to [`Out::CHUNK`] bytes (the standard output is line-buffered, so
/// printing as lines come cost a system call a line), and all of it before
/// the verb ends (on drop). When the reader has gone (`masthead … | head`),
/// it stops quietly as other command-line tools do instead of panicking.
pub struct Out {
    buffer: std::cell::RefCell<String>,
}

impl Out {
    const CHUNK: usize = 64 * 1024;

    pub fn stdout() -> Out {
        Out {
            buffer: std::cell::RefCell::new(String::new()),
        }
    }

    pub fn line(&self, text: &str) {
        let full = {
            let mut buffer = self.buffer.borrow_mut();
            buffer.push_str(&printable(text));
            buffer.push('\n');
            buffer.len() >= Self::CHUNK
        };
        if full {
            self.flush();
        }
    }

    /// Writes out what is buffered.
    pub fn flush(&self) {
        let text = std::mem::take(&mut *self.buffer.borrow_mut());
        if text.is_empty() {
            return;
        }
        let mut stdout = std::io::stdout().lock();
        let written = stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush());
        if written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
            std::process::exit(0);
        }
    }

    pub fn warnings(&self, warnings: &[Warning]) {
        // After what was printed before them, as a terminal shows both.
        self.flush();
        for w in warnings {
            eprintln!("warning: {}", printable(&w.message));
        }
    }

    /// Prints `value` as pretty JSON in one write: the standard output is
    /// line-buffered, so writing to it as serde goes cost a system call a
    /// line (5,308 for one edition's board).
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), Failure> {
        self.flush();
        let mut text = serde_json::to_vec_pretty(value).map_err(std::io::Error::from)?;
        text.push(b'\n');
        let written = std::io::stdout().lock().write_all(&text);
        match written {
            // The reader has gone (`… --json | head`): stop quietly.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
            other => Ok(other?),
        }
    }

    /// Prints rows under headers, columns padded to their widest cell (by
    /// display width: accents, CJK and emoji line up); on a terminal, cells
    /// are cut to its width with "…", ids never (they are for copying).
    /// Prints `empty` (what to do next) when there are no rows.
    pub fn table(&self, headers: &[&str], rows: impl Iterator<Item = Vec<String>>, empty: &str) {
        use comfy_table::{ColumnConstraint, ContentArrangement, Row, Table, presets::NOTHING};
        let mut table = Table::new();
        // Cut to one line a row on a terminal only; piped, every line is kept.
        let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
        let mut header = Row::from(headers.to_vec());
        if terminal {
            header.max_height(1);
        }
        table
            .load_preset(NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_truncation_indicator("…")
            .set_header(header);
        for cells in rows {
            let mut row = Row::from(cells);
            if terminal {
                row.max_height(1);
            }
            table.add_row(row);
        }
        if table.row_count() == 0 {
            self.line(empty);
            return;
        }
        for (column, name) in table.column_iter_mut().zip(headers) {
            column.set_padding((0, 2));
            if name.ends_with("ID") {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
        for line in table.lines() {
            self.line(line.trim_end());
        }
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        self.flush();
    }
}

mod plan;

pub use plan::{
    BoardShow, FlatplanShow, print_activity, print_board, print_calendar, print_dashboard,
    print_flatplan, print_search,
};

pub fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "—".into())
}

/// `edition show --json`: the edition's fields and its pieces.
#[derive(Serialize)]
pub struct EditionShow<'a> {
    #[serde(flatten)]
    pub edition: &'a Edition,
    pub articles: &'a [Article],
}

/// `article show --json`: the article's fields, where it may go next, and
/// its history.
#[derive(Serialize)]
pub struct ArticleShow<'a> {
    #[serde(flatten)]
    pub article: &'a Article,
    pub next_statuses: Vec<&'a str>,
    pub assignments: &'a [Assignment],
    pub deadline: Option<&'a NextDeadline>,
    pub history: &'a [HistoryEntry],
}

impl<'a> From<&'a ArticleDetail> for ArticleShow<'a> {
    fn from(d: &'a ArticleDetail) -> Self {
        ArticleShow {
            article: &d.article,
            next_statuses: d
                .next_statuses
                .iter()
                .map(|s: &Status| s.key.as_str())
                .collect(),
            assignments: &d.assignments,
            deadline: d.deadline.as_ref(),
            history: &d.history,
        }
    }
}

pub fn print_edition(out: &Out, e: &Edition, articles: &[Article]) {
    out.line(&format!("{} — {}", e.publication, e.name));
    if !e.theme.is_empty() {
        out.line(&format!("Theme:                {}", e.theme));
    }
    if !e.focus_topics.is_empty() {
        out.line(&format!(
            "Focus topics:         {}",
            e.focus_topics.join("; ")
        ));
    }
    out.line(&format!("Pages:                {}", e.page_count));
    out.line(&format!("Cover date:           {}", date(e.cover_date)));
    out.line(&format!(
        "Commissioning closes: {}",
        date(e.commissioning_closes)
    ));
    out.line(&format!("Copy deadline:        {}", date(e.copy_deadline)));
    out.line(&format!(
        "Subbing deadline:     {}",
        date(e.subbing_deadline)
    ));
    out.line(&format!("Press date:           {}", date(e.press_date)));
    out.line(&format!("On sale:              {}", date(e.on_sale_date)));
    out.line(&format!("Id:                   {}", e.id));
    out.line("");
    print_articles(out, articles);
}

pub fn print_articles(out: &Out, articles: &[Article]) {
    out.table(
        &["ID", "SECTION", "TITLE", "KIND", "WORDS", "STATUS", "BY", "NEXT DEADLINE"],
        articles.iter().map(|a| {
            vec![
                a.id.to_string(),
                a.section.clone().unwrap_or_default(),
                a.title.clone(),
                a.kind_label.clone(),
                words_column(a.copy.as_ref(), a.word_target),
                a.status_label.clone(),
                a.contributors.join(", "),
                a.deadline
                    .as_ref()
                    .map(|d| {
                        format!(
                            "{} {}{}",
                            d.status_label,
                            d.date.format("%Y-%m-%d"),
                            if d.overdue { " OVERDUE" } else { "" }
                        )
                    })
                    .unwrap_or_default(),
            ]
        }),
        "No pieces in this edition yet. Add one with `masthead article add --edition NAME --title TITLE`.",
    );
}

pub fn print_article(out: &Out, d: &ArticleDetail) {
    let a = &d.article;
    out.line(&a.title);
    if !a.standfirst.is_empty() {
        out.line(&a.standfirst);
    }
    out.line("");
    out.line(&format!("Status:   {}", a.status_label));
    out.line(&format!(
        "Section:  {}",
        a.section.as_deref().unwrap_or("—")
    ));
    out.line(&format!("Kind:     {}", a.kind_label));
    out.line(&format!(
        "Words:    {}",
        match &a.copy {
            Some(c) => format!(
                "{} in version {}{}",
                masthead_core::describe_count(c),
                c.version,
                if c.approved { " (approved)" } else { "" }
            ),
            None => a
                .word_target
                .map(|w| format!("— / {} (no draft yet)", masthead_core::thousands(w)))
                .unwrap_or_else(|| "—".into()),
        }
    ));
    if !d.drafts.is_empty() {
        let versions: Vec<String> = d
            .drafts
            .iter()
            .map(|x| format!("v{} {} ({} words)", x.version, x.file_name, x.words))
            .collect();
        out.line(&format!("Drafts:   {}", versions.join(", ")));
    }
    if !a.contributors.is_empty() {
        out.line(&format!("By:       {}", a.contributors.join(", ")));
    }
    out.line(&format!("Id:       {}", a.id));
    let next: Vec<&str> = d.next_statuses.iter().map(|s| s.label.as_str()).collect();
    out.line(&format!(
        "Next:     {}",
        if next.is_empty() {
            "—".into()
        } else {
            next.join(", ")
        }
    ));
    if let Some(dl) = &d.deadline {
        out.line(&format!(
            "Due:      {} by {}{}",
            dl.status_label,
            dl.date.format("%Y-%m-%d"),
            if dl.overdue { " (overdue)" } else { "" }
        ));
    }
    if !d.assignments.is_empty() {
        out.line("");
        print_assignments(out, &d.assignments);
    }
    out.line("");
    print_history(out, &d.history);
}

pub fn print_history(out: &Out, history: &[HistoryEntry]) {
    out.table(
        &["WHEN (UTC)", "WHO", "CHANGE"],
        history.iter().map(|h| {
            vec![
                h.at.format("%Y-%m-%d %H:%M").to_string(),
                h.actor.clone(),
                h.text.clone(),
            ]
        }),
        "No history recorded.",
    );
}

pub fn print_contributor(out: &Out, d: &ContributorDetail) {
    let c = &d.contributor;
    out.line(&c.name);
    let mut facts = vec![];
    if !c.role.is_empty() {
        facts.push(c.role.clone());
    }
    if !c.organisation.is_empty() {
        facts.push(c.organisation.clone());
    }
    facts.push(c.kind.as_str().to_owned());
    out.line(&facts.join(", "));
    if let Some(email) = &c.email {
        out.line(&format!("Email:  {email}"));
    }
    if !c.phone.is_empty() {
        out.line(&format!("Phone:  {}", c.phone));
    }
    if !c.notes.is_empty() {
        out.line(&format!("Notes:  {}", c.notes));
    }
    out.line(&format!("Id:     {}", c.id));
    out.line("");
    print_assignments(out, &d.assignments);
}

pub fn print_assignments(out: &Out, list: &[Assignment]) {
    out.table(
        &["ID", "PIECE", "EDITION", "WHO", "ROLE", "DUE", "WORDS", "FEE", "STATE"],
        list.iter().map(|a| {
            vec![
                a.id.to_string(),
                a.article_title.clone(),
                a.edition.clone(),
                a.contributor.clone(),
                a.role.clone(),
                date(a.due_date),
                a.word_target.map(|w| w.to_string()).unwrap_or_default(),
                // Money as the app and the PDF write it (the locale's form);
                // `--json` keeps the amount and the code apart for scripts.
                a.fee
                    .as_ref()
                    .zip(a.fee_currency.as_deref())
                    .map(|(f, c)| masthead_core::locale::Locale::from_env().money(f, c))
                    .unwrap_or_default(),
                a.state.key().to_owned(),
            ]
        }),
        "No assignments. Commission a piece with `masthead article assign --article A --contributor C`.",
    );
}

pub fn print_workflow(out: &Out, wf: &Workflow) {
    let label = |id| {
        wf.statuses
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.label.clone())
            .unwrap_or_default()
    };
    out.table(
        &[
            "#", "STATUS", "KEY", "COLOUR", "FLAGS", "DEADLINE", "MOVES TO",
        ],
        wf.statuses.iter().map(|s| {
            let mut flags = vec![];
            if s.is_initial {
                flags.push("start");
            }
            if s.is_final {
                flags.push("final");
            }
            if s.is_spiked {
                flags.push("spiked");
            }
            if s.receives_drafts {
                flags.push("drafts arrive");
            }
            if s.retired {
                flags.push("retired");
            }
            vec![
                (s.position + 1).to_string(),
                s.label.clone(),
                s.key.clone(),
                s.colour.clone(),
                flags.join(", "),
                s.deadline.map(|d| d.to_string()).unwrap_or_default(),
                wf.transitions
                    .iter()
                    .filter(|t| t.from == s.id)
                    .map(|t| label(t.to))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        }),
        "This publication has no workflow.",
    );
    out.line(&format!("Workflow version {}.", wf.version));
}

/// Pages as people count them: 40.75, 47.67, 12.
pub fn pages(n: f64) -> String {
    let s = format!("{n:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "484 / 500 words (−3%)", "— / 500 words" before any draft.
fn words_column(copy: Option<&masthead_core::model::WordCount>, target: Option<u32>) -> String {
    match (copy, target) {
        (Some(c), _) => masthead_core::describe_count(c),
        (None, Some(t)) => format!("— / {} words", masthead_core::thousands(t)),
        (None, None) => String::new(),
    }
}
