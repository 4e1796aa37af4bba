//! The board and the flatplan, as tables and as JSON.

use super::*;

/// `board --json`: the pieces grouped by status, in workflow order.
#[derive(Serialize)]
pub struct BoardShow<'a> {
    pub today: NaiveDate,
    pub columns: Vec<BoardColumn<'a>>,
}

#[derive(Serialize)]
pub struct BoardColumn<'a> {
    pub status: &'a str,
    pub label: &'a str,
    pub retired: bool,
    pub pieces: Vec<BoardPiece<'a>>,
}

#[derive(Serialize)]
pub struct BoardPiece<'a> {
    pub id: String,
    pub title: &'a str,
    pub edition: &'a str,
    pub section: Option<&'a str>,
    pub kind: &'a str,
    pub contributors: &'a [String],
    pub word_target: Option<u32>,
    /// Words of the copy (approved version, else latest), once a draft is in.
    pub words: Option<u32>,
    /// The copy is more than 10% off the target.
    pub words_off: bool,
    #[serde(skip)]
    pub copy: Option<masthead_core::model::WordCount>,
    pub deadline: Option<&'a NextDeadline>,
    pub overdue: bool,
    pub needs_writer: bool,
    pub version: u32,
}

impl<'a> From<&'a Board> for BoardShow<'a> {
    fn from(b: &'a Board) -> Self {
        let columns = b
            .workflow
            .statuses
            .iter()
            .map(|s| BoardColumn {
                status: &s.key,
                label: &s.label,
                retired: s.retired,
                pieces: b
                    .cards
                    .iter()
                    .filter(|c| c.status_id == s.id)
                    .map(|c| BoardPiece {
                        id: c.id.to_string(),
                        title: &c.title,
                        edition: &c.edition,
                        section: c.section.as_deref(),
                        kind: &c.kind_label,
                        contributors: &c.contributors,
                        word_target: c.word_target,
                        words: c.copy.map(|w| w.words),
                        words_off: c.copy.is_some_and(|w| w.off),
                        copy: c.copy,
                        deadline: c.deadline.as_ref(),
                        overdue: c.deadline.as_ref().is_some_and(|d| d.overdue),
                        needs_writer: c.needs_writer,
                        version: c.version,
                    })
                    .collect(),
            })
            .filter(|c| !c.retired || !c.pieces.is_empty())
            .collect();
        BoardShow {
            today: b.today,
            columns,
        }
    }
}

pub fn print_board(out: &Out, b: &Board) {
    let show = BoardShow::from(b);
    let mut any = false;
    for col in &show.columns {
        if col.pieces.is_empty() {
            continue;
        }
        any = true;
        out.line(&format!("{} ({})", col.label, col.pieces.len()));
        for p in &col.pieces {
            let mut line = format!("  {}", p.title);
            if !p.contributors.is_empty() {
                line += &format!(" — {}", p.contributors.join(", "));
            }
            let words = words_column(p.copy.as_ref(), p.word_target);
            if !words.is_empty() {
                line += &format!(" · {words}");
            }
            if let Some(d) = p.deadline {
                line += &format!(
                    " · {} by {}{}",
                    d.status_label,
                    d.date.format("%Y-%m-%d"),
                    if d.overdue { " OVERDUE" } else { "" }
                );
            }
            if p.needs_writer {
                line += " · needs a writer";
            }
            out.line(&line);
        }
    }
    if !any {
        out.line(
            "No pieces match. Add one with `masthead article add --edition NAME --title TITLE`.",
        );
    }
}

/// `dashboard`: each list of the desk under its heading, a line a piece.
pub fn print_dashboard(out: &Out, d: &Dashboard) {
    let card = |c: &BoardCard| {
        let mut line = format!("  {} ({})", c.title, c.edition);
        if let Some(dl) = &c.deadline {
            line += &format!(" · {} by {}", dl.status_label, dl.date.format("%Y-%m-%d"));
        }
        let words = words_column(c.copy.as_ref(), c.word_target);
        if !words.is_empty() {
            line += &format!(" · {words}");
        }
        line
    };
    let section = |title: &str, lines: Vec<String>| {
        out.line(&format!("{title} ({})", lines.len()));
        if lines.is_empty() {
            out.line("  nothing");
        }
        for l in lines {
            out.line(&l);
        }
    };
    section("Overdue", d.overdue.iter().map(card).collect());
    section("Due this week", d.this_week.iter().map(card).collect());
    section(
        "Offers waiting for an answer",
        d.waiting
            .iter()
            .map(|a| {
                format!(
                    "  {} ({}) · {} as {} · offered {}",
                    a.article_title,
                    a.edition,
                    a.contributor,
                    a.role,
                    a.created_at
                        .with_timezone(&chrono::Local)
                        .format("%Y-%m-%d")
                )
            })
            .collect(),
    );
    section(
        "Copy off its target",
        d.off_target.iter().map(card).collect(),
    );
    section(
        "Adverts to chase",
        d.adverts
            .iter()
            .map(|a| {
                let edition = d
                    .editions
                    .iter()
                    .find(|p| p.edition.id == a.edition_id)
                    .map_or("", |p| p.edition.name.as_str());
                let why = match a.state {
                    masthead_core::model::AdvertState::Pencilled => "pencilled",
                    _ => "booked, no artwork yet",
                };
                format!("  {} ({edition}) · {why}", a.advertiser)
            })
            .collect(),
    );
    section(
        "Editions to come",
        d.editions
            .iter()
            .map(|p| {
                format!(
                    "  {} · press {} · {} of {} pieces {} ({} words)",
                    p.edition.name,
                    date(p.edition.press_date),
                    p.done,
                    p.edition.article_count,
                    d.done_from
                        .as_ref()
                        .map_or("final".to_owned(), |s| format!("at or past {s}")),
                    masthead_core::thousands(p.done_words)
                )
            })
            .collect(),
    );
}

/// `flatplan show --json`: one entry per page with its slots.
#[derive(Serialize)]
pub struct FlatplanShow<'a> {
    pub edition_id: String,
    pub page_count: u32,
    pub version: u32,
    pub budget: &'a PageBudget,
    pub pages: Vec<PageShow<'a>>,
    pub unplaced_articles: Vec<&'a str>,
    pub unplaced_adverts: Vec<&'a str>,
}

#[derive(Serialize)]
pub struct PageShow<'a> {
    pub number: u32,
    pub name: Option<&'a str>,
    pub free_twelfths: u32,
    pub slots: Vec<SlotShow<'a>>,
}

#[derive(Serialize)]
pub struct SlotShow<'a> {
    pub id: String,
    /// `article` or `advert`.
    pub kind: &'static str,
    pub label: &'a str,
    pub first_page: u32,
    pub last_page: u32,
    /// Twelfths of the page from the top, and how many.
    pub part_offset: u32,
    pub part_units: u32,
    pub status: Option<&'a str>,
    pub section: Option<&'a str>,
    /// Copyfit: the words the slot holds, the piece's target, and whether
    /// they differ by more than 10%.
    pub fits_words: Option<u32>,
    pub word_target: Option<u32>,
    /// Words of the piece's copy, once a draft is in.
    pub words: Option<u32>,
    pub copyfit_off: bool,
    pub version: u32,
}

impl<'a> From<&'a Flatplan> for FlatplanShow<'a> {
    fn from(p: &'a Flatplan) -> Self {
        FlatplanShow {
            edition_id: p.edition_id.to_string(),
            page_count: p.page_count,
            version: p.version,
            budget: &p.budget,
            pages: p
                .pages
                .iter()
                .map(|page| PageShow {
                    number: page.number,
                    name: page.name.as_deref(),
                    free_twelfths: page.free_units,
                    slots: page
                        .slots
                        .iter()
                        .filter_map(|id| p.slots.iter().find(|s| s.id == *id))
                        .map(|s| SlotShow {
                            id: s.id.to_string(),
                            kind: if s.article_id.is_some() {
                                "article"
                            } else {
                                "advert"
                            },
                            label: &s.label,
                            first_page: s.first_page,
                            last_page: s.last_page,
                            part_offset: s.part_offset,
                            part_units: s.part_units,
                            status: s.status_label.as_deref(),
                            section: s.section.as_deref(),
                            fits_words: s.fits_words,
                            word_target: s.word_target,
                            words: s.copy.map(|c| c.words),
                            copyfit_off: s.copyfit_off,
                            version: s.version,
                        })
                        .collect(),
                })
                .collect(),
            unplaced_articles: p
                .unplaced_articles
                .iter()
                .map(|a| a.title.as_str())
                .collect(),
            unplaced_adverts: p
                .unplaced_adverts
                .iter()
                .map(|a| a.advertiser.as_str())
                .collect(),
        }
    }
}

pub fn print_flatplan(out: &Out, p: &Flatplan) {
    out.table(
        &["PAGE", "", "ON IT"],
        p.pages.iter().map(|page| {
            let on: Vec<String> = page
                .slots
                .iter()
                .filter_map(|id| p.slots.iter().find(|s| s.id == *id))
                .map(|s| {
                    let part = masthead_core::part_suffix(s.part_units);
                    let what = if s.advert_id.is_some() { "AD " } else { "" };
                    format!(
                        "{what}{}{part}{}",
                        s.label,
                        s.status_label
                            .as_deref()
                            .map(|l| format!(" [{l}]"))
                            .unwrap_or_default()
                    )
                })
                .collect();
            vec![
                page.number.to_string(),
                page.name.clone().unwrap_or_default(),
                if on.is_empty() {
                    "—".into()
                } else {
                    on.join(" · ")
                },
            ]
        }),
        "This edition has no pages.",
    );
    out.line(&format!(
        "{} pages: {} editorial, {} advertising, {} free.",
        p.budget.pages,
        pages(p.budget.editorial),
        pages(p.budget.advertising),
        pages(p.budget.free)
    ));
    if !p.unplaced_articles.is_empty() {
        out.line(&format!(
            "Not placed yet: {}.",
            p.unplaced_articles
                .iter()
                .map(|a| a.title.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }
}

/// What a search found, edition by edition, each piece with its excerpt
/// (its matching words between `*`s).
pub fn print_search(out: &Out, r: &SearchResults) {
    if r.words.is_empty() {
        out.line("No words to look for: give a word of two letters or digits or more.");
        return;
    }
    if r.total == 0 {
        out.line(&format!("Nothing holds {}.", quoted_words(&r.words)));
        return;
    }
    let more = if r.more {
        " (the best; there are more: add a word)"
    } else {
        ""
    };
    out.line(&format!(
        "{} {} {}{more}",
        r.total,
        if r.total == 1 {
            "piece holds"
        } else {
            "pieces hold"
        },
        quoted_words(&r.words)
    ));
    for g in &r.groups {
        out.line("");
        out.line(&g.edition);
        for h in &g.hits {
            let place = match h.version {
                Some(v) => format!("{} v{v}", h.found_in.label()),
                None => h.found_in.label().to_owned(),
            };
            out.line(&format!(
                "  {}  [{}] · {}  {}",
                h.title, h.status, place, h.article_id
            ));
            let excerpt: String = h
                .excerpt
                .iter()
                .map(|f| {
                    if f.hit {
                        format!("*{}*", f.text)
                    } else {
                        f.text.clone()
                    }
                })
                .collect();
            if !excerpt.trim().is_empty() {
                out.line(&format!("    {}", excerpt.trim()));
            }
        }
    }
}

fn quoted_words(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// The calendar, day by day; the undated pieces after.
pub fn print_calendar(out: &Out, c: &Calendar) {
    out.line(&format!(
        "Deadlines from {} to {} ({})",
        c.from.format("%Y-%m-%d"),
        c.to.format("%Y-%m-%d"),
        c.events.len()
    ));
    let mut day = None;
    for e in &c.events {
        if day != Some(e.date) {
            day = Some(e.date);
            out.line("");
            out.line(&e.date.format("%a %Y-%m-%d").to_string());
        }
        let late = if e.overdue { " · overdue" } else { "" };
        let edition = if e.kind == EventKind::KeyDate {
            String::new()
        } else {
            format!(" ({})", e.edition)
        };
        out.line(&format!("  {}: {}{edition}{late}", e.what, e.title));
    }
    if c.events.is_empty() {
        out.line("  nothing falls due");
    }
    if !c.undated.is_empty() {
        out.line("");
        out.line(&format!("No date yet ({})", c.undated.len()));
        for p in &c.undated {
            out.line(&format!("  {} ({})", p.title, p.edition));
        }
    }
}

/// What others changed since the reader last looked, newest first.
pub fn print_activity(out: &Out, a: &Activity) {
    let since = match a.since {
        Some(t) => format!(
            "since {}",
            t.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")
        ),
        None => format!("in the last {ACTIVITY_FIRST_DAYS} days"),
    };
    out.line(&format!("Changed by others {since} ({})", a.sets.len()));
    if a.sets.is_empty() {
        out.line("  nothing");
    }
    for s in &a.sets {
        let edition = s
            .edition
            .as_deref()
            .map(|e| format!(" · {e}"))
            .unwrap_or_default();
        out.line(&format!(
            "  {} · {}{edition}",
            s.actor,
            s.at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")
        ));
        for l in &s.lines {
            match &l.about {
                Some(about) => out.line(&format!("    {about}: {}", l.text)),
                None => out.line(&format!("    {}", l.text)),
            }
        }
    }
    if a.more {
        out.line("  … and more: `masthead dashboard --mark-seen` marks these seen.");
    }
    if !a.mentions.is_empty() {
        out.line(&format!("Mentions of you ({})", a.mentions.len()));
        for m in &a.mentions {
            out.line(&format!(
                "  {} on \"{}\" ({}) · {}",
                m.comment.author,
                m.article_title,
                m.edition,
                m.comment
                    .created_at
                    .with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M")
            ));
            out.line(&format!("    {}", m.comment.body.replace('\n', " ")));
        }
    }
}
