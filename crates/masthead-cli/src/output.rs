//! Printing: aligned tables for people, stable JSON for scripts.

use std::io::Write;

use chrono::NaiveDate;
use masthead_core::model::{Article, ArticleDetail, Edition, HistoryEntry, Status, Warning};
use serde::Serialize;

use crate::Failure;

pub struct Out;

impl Out {
    pub fn stdout() -> Out {
        Out
    }

    pub fn line(&self, text: &str) {
        println!("{text}");
    }

    pub fn warnings(&self, warnings: &[Warning]) {
        for w in warnings {
            eprintln!("warning: {}", w.message);
        }
    }

    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<(), Failure> {
        let mut stdout = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut stdout, value).map_err(|e| Failure::Other(e.into()))?;
        writeln!(stdout)?;
        Ok(())
    }

    /// Prints rows under headers, columns padded to their widest cell; prints
    /// `empty` (what to do next) when there are no rows.
    pub fn table(&self, headers: &[&str], rows: impl Iterator<Item = Vec<String>>, empty: &str) {
        let rows: Vec<Vec<String>> = rows.collect();
        if rows.is_empty() {
            println!("{empty}");
            return;
        }
        let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let render = |cells: Vec<String>| {
            let mut line = String::new();
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                if i + 1 == cells.len() {
                    line.push_str(cell);
                } else {
                    line.push_str(&format!("{cell:<w$}  ", w = *w));
                }
            }
            line.trim_end().to_owned()
        };
        println!(
            "{}",
            render(headers.iter().map(|h| h.to_string()).collect())
        );
        for row in rows {
            println!("{}", render(row));
        }
    }
}

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
        &["ID", "SECTION", "TITLE", "KIND", "WORDS", "STATUS", "BY"],
        articles.iter().map(|a| {
            vec![
                a.id.to_string(),
                a.section.clone().unwrap_or_default(),
                a.title.clone(),
                a.kind_label.clone(),
                a.word_target.map(|w| w.to_string()).unwrap_or_default(),
                a.status_label.clone(),
                a.contributors.join(", "),
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
        a.word_target
            .map(|w| w.to_string())
            .unwrap_or_else(|| "—".into())
    ));
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
