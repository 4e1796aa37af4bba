//! A publisher's archive made up for measuring (`masthead dev generate`):
//! editions, pieces, contributors, commissions, drafts with their text and
//! the history of each, shaped like years of real work and the same for
//! the same seed. The use cases make the publication (its workflow, kinds
//! and sections); the rest goes in by bulk SQL, twenty editions a transaction, through
//! the schema's own triggers (the search index is kept as an edit keeps
//! it), then `ANALYZE`.
//!
//! The shape, per 300 pieces: one edition, two days after the one before,
//! the last four still to come after [`generated_today`], a fortnight
//! apart; a contributor per 120 pieces. Pieces of editions on sale are
//! published (one in ten spiked), each with a writer who accepted, one to
//! five drafts (three on average, the last approved) and five change sets;
//! pieces to come are about as far along the workflow as their edition's
//! dates say (one in seven lagging), their writers' offers accepted,
//! waiting or declined, with drafts once their status receives them. Every fifth
//! piece has a photographer too. A draft's text is short (a paragraph from
//! a vocabulary of 400 words); its word count, as the file's would be, is
//! near the piece's target.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use rusqlite::params;

use crate::actor::Actor;
use crate::error::{Error, Result};
use crate::model::{PublicationId, PublicationInput, Status};
use crate::store::Store;

/// The day the generated archive is "today" for: its last four editions
/// go on sale after it.
pub fn generated_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}
/// Pieces in each generated edition.
pub const PIECES_PER_EDITION: usize = 300;
/// Editions still to come after [`generated_today`].
pub const EDITIONS_TO_COME: usize = 4;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct GenerateOptions {
    pub pieces: usize,
    pub seed: u64,
}

/// What was generated, and how long it took.
#[derive(Debug, Clone)]
pub struct Generated {
    pub publication: PublicationId,
    pub editions: usize,
    pub pieces: usize,
    pub contributors: usize,
    pub assignments: usize,
    pub drafts: usize,
    pub change_sets: usize,
    pub comments: usize,
    /// Pieces in the trash (those of all but the last year emptied from it).
    pub trashed: usize,
    pub took: Duration,
}

/// A small, fast, seeded generator (SplitMix64): the same seed gives the
/// same archive on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A UUID v7 for a row made at `at`, its random part from the seed.
    fn id(&mut self, at: DateTime<Utc>) -> String {
        let bytes = [self.next().to_le_bytes(), self.next().to_le_bytes()].concat();
        let mut random = [0u8; 10];
        random.copy_from_slice(&bytes[..10]);
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        uuid::Builder::from_unix_timestamp_millis(millis, &random)
            .into_uuid()
            .to_string()
    }
}

/// The vocabulary's word `i`: syllables that read as words and never
/// prefix one another.
fn word(i: usize) -> String {
    const S: [&str; 20] = [
        "ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "va", "ze", "bo", "de", "fi", "gu", "ha",
        "ju", "ko", "li", "mo", "nu",
    ];
    format!("{}{}{}x", S[i % 20], S[(i / 20) % 20], S[(i * 7) % 20])
}

const VOCABULARY: usize = 400;

fn words(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| word(rng.below(VOCABULARY)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).unwrap_or_default())
}

fn sql(e: rusqlite::Error) -> Error {
    Error::Database(format!("generating: {e}"))
}

/// Generates the archive into a new file at `path` (refused if anything is
/// there: this never writes over a database). It is made beside `path`
/// under another name and put in place only when whole, never over a file
/// that came meanwhile; a failed run leaves nothing.
pub fn generate(path: &Path, options: GenerateOptions) -> Result<Generated> {
    if path.exists() {
        return Err(Error::invalid(
            "file_exists",
            "db",
            format!(
                "{} already exists. Generate into a new file: this never writes over a database.",
                path.display()
            ),
        ));
    }
    if options.pieces == 0 || options.pieces > 10_000_000 {
        return Err(Error::invalid(
            "pieces_range", "pieces", "Generate from 1 to 10,000,000 pieces.",
        ));
    }
    let mut making = path.as_os_str().to_owned();
    making.push(format!(".generating-{}", std::process::id()));
    let making = std::path::PathBuf::from(making);
    let made = fill(&making, options);
    let placed = made.and_then(|made| {
        // A hard link fails rather than replace a file that is there.
        std::fs::hard_link(&making, path)
            .map_err(|e| {
                Error::invalid(
                    "file_exists",
                    "db",
                    format!("{} could not be made: {e}.", path.display()),
                )
            })
            .map(|()| made)
    });
    // The file made beside, and its log, are ours alone: none is left.
    for leftover in std::iter::once(making.clone()).chain(super::side_files_beside(&making)) {
        let _ = std::fs::remove_file(leftover);
    }
    placed
}

/// Fills the new file at `path`.
fn fill(path: &Path, options: GenerateOptions) -> Result<Generated> {
    let started = Instant::now();
    let actor = Actor::new("Generator")?;
    let mut store = Store::open(path)?;
    let publication = store
        .create_publication(
            &actor,
            &PublicationInput {
                name: "PSE".into(),
                frequency: "Fortnightly".into(),
                is_print: true,
            },
        )?
        .id;
    let workflow = store.workflow(publication)?;
    let kinds: Vec<String> = store
        .list_kinds(publication, false)?
        .iter()
        .map(|k| k.id.to_string())
        .collect();
    let sections: Vec<String> = store
        .list_sections(publication)?
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    drop(store);
    if kinds.is_empty() {
        return Err(Error::Database("the new publication has no kinds".into()));
    }

    let mut statuses = workflow.statuses.clone();
    statuses.sort_by_key(|s| s.position);
    let published = statuses
        .iter()
        .find(|s| s.is_final)
        .ok_or_else(|| Error::Database("the workflow has no final status".into()))?;
    let spiked = statuses
        .iter()
        .find(|s| s.is_spiked)
        .ok_or_else(|| Error::Database("the workflow has no spiked status".into()))?;
    let drafts_from = statuses
        .iter()
        .find(|s| s.receives_drafts)
        .map_or(u32::MAX, |s| s.position);
    // The way a piece goes: every status but spiked (and retired), in order.
    let onward: Vec<&Status> = statuses
        .iter()
        .filter(|s| !s.is_spiked && !s.retired)
        .collect();
    // Where pieces still to come may be: anywhere but the ends.
    let working: Vec<_> = statuses
        .iter()
        .filter(|s| !s.is_final && !s.is_spiked && !s.retired)
        .collect();

    let mut rng = Rng(options.seed);
    let editions = options.pieces.div_ceil(PIECES_PER_EDITION);
    let contributor_count = (options.pieces / 120).max(20);
    let today = generated_today();
    let mut made = Generated {
        publication,
        editions,
        pieces: options.pieces,
        contributors: contributor_count,
        assignments: 0,
        drafts: 0,
        change_sets: 0,
        comments: 0,
        trashed: 0,
        took: Duration::ZERO,
    };

    let conn = super::connect(path, rusqlite::OpenFlags::default()).map_err(sql)?;
    // Made-up data into a new file: no need to wait for the disk, and a
    // transaction every twenty editions keeps the write-ahead log small.
    conn.execute_batch("PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; BEGIN")
        .map_err(sql)?;
    let tx = &conn;
    {
        let publication_id = publication.to_string();
        let start = noon(today - Days::new(2 * editions as u64 + 400));
        let mut contributors = Vec::with_capacity(contributor_count);
        for i in 0..contributor_count {
            let id = rng.id(start);
            tx.prepare_cached(
                "INSERT INTO contributors (id, name, email, role, organisation, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'Freelance writer', '', ?4, ?4)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    id,
                    format!("{} {} {i}", capital(&word(i)), capital(&word(i * 3 + 1))),
                    format!("writer{i}@example.org"),
                    crate::history::timestamp(start)
                ])
            })
            .map_err(sql)?;
            contributors.push(id);
        }

        let mut n = 0usize;
        for e in 0..editions {
            if e > 0 && e % 20 == 0 {
                tx.execute_batch("COMMIT; BEGIN").map_err(sql)?;
            }
            // Two days apart; the last EDITIONS_TO_COME after today.
            let ahead = e as i64 - (editions as i64 - EDITIONS_TO_COME as i64) + 1;
            // Those on sale two days apart; those to come a fortnight apart
            // (planned, as a magazine plans, a couple of months ahead).
            let on_sale = if ahead > 0 {
                today + Days::new(ahead as u64 * 14)
            } else {
                today - Days::new((-ahead) as u64 * 2)
            };
            // How far along an edition to come is, from its commissioning
            // (70 days before going on sale) to its going on sale.
            let along = (70.0 - (on_sale - today).num_days() as f64).clamp(0.0, 70.0) / 70.0;
            let before = |days: u64| on_sale - Days::new(days);
            let to_come = on_sale > today;
            let commissioned = noon(before(70));
            let edition = rng.id(commissioned);
            tx.prepare_cached(
                "INSERT INTO editions (id, publication_id, name, theme, page_count, cover_date,
                    commissioning_closes, copy_deadline, subbing_deadline, press_date, on_sale_date,
                    created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 68, ?5, ?6, ?7, ?8, ?9, ?5, ?10, ?10)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    edition,
                    publication_id,
                    format!("Edition {e} ({on_sale})"),
                    words(&mut rng, 3),
                    on_sale.to_string(),
                    before(56).to_string(),
                    before(35).to_string(),
                    before(21).to_string(),
                    before(10).to_string(),
                    crate::history::timestamp(commissioned),
                ])
            })
            .map_err(sql)?;
            made.change_sets += 1;
            change(
                tx,
                &mut rng,
                commissioned,
                &publication_id,
                None,
                ("edition", &edition, Some(1), "created", None, None, None),
            )?;

            let count = PIECES_PER_EDITION.min(options.pieces - n);
            for _ in 0..count {
                let status = if to_come {
                    // Near where the edition's dates say, a step either
                    // way; one piece in seven lags two steps behind.
                    let on_time = (along * (working.len() - 1) as f64).round() as usize;
                    let step = on_time + rng.below(3);
                    let lag = if rng.below(7) == 0 { 3 } else { 1 };
                    working[step.saturating_sub(lag).min(working.len() - 1)]
                } else if rng.below(10) == 0 {
                    spiked
                } else {
                    published
                };
                let target = 600 + 100 * rng.below(15) as u32;
                let created = commissioned + chrono::Duration::minutes(rng.below(600) as i64);
                let article = rng.id(created);
                let title = format!("Piece {n}: {}", capital(&words(&mut rng, 3)));
                // Created, commissioned, and up to three moves on through
                // the workflow to where it is (five change sets).
                let path: Vec<&Status> = if status.is_spiked {
                    onward.iter().take(3).copied().chain([status]).collect()
                } else {
                    let at = onward.iter().position(|s| s.id == status.id).unwrap_or(0);
                    onward[at.saturating_sub(3)..=at].to_vec()
                };
                let moves = (path.len() - 1) as u32;
                tx.prepare_cached(
                    "INSERT INTO articles (id, edition_id, section_id, status_id, kind_id, title,
                        slug, standfirst, word_target, version, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        article,
                        edition,
                        sections.get(n % sections.len().max(1)),
                        status.id.to_string(),
                        kinds[n % kinds.len()],
                        title,
                        format!("piece-{n}"),
                        capital(&words(&mut rng, 12)),
                        target,
                        1 + moves,
                        crate::history::timestamp(created),
                    ])
                })
                .map_err(sql)?;
                made.change_sets += 1;
                change(
                    tx,
                    &mut rng,
                    created,
                    &publication_id,
                    Some(&edition),
                    (
                        "article",
                        &article,
                        Some(1),
                        "created",
                        None,
                        Some(&title),
                        None,
                    ),
                )?;

                // The writer, and every fifth piece a photographer.
                let writer = &contributors[rng.below(contributors.len())];
                let state = if !to_come {
                    "accepted"
                } else {
                    ["accepted", "accepted", "offered", "declined"][rng.below(4)]
                };
                let asked = created + chrono::Duration::hours(2);
                let assignment = rng.id(asked);
                tx.prepare_cached(
                    "INSERT INTO assignments (id, article_id, contributor_id, role, brief,
                        word_target, due_date, state, answered_at, created_at, updated_at)
                     VALUES (?1, ?2, ?3, 'writer', ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        assignment,
                        article,
                        writer,
                        capital(&words(&mut rng, 20)),
                        target,
                        before(35 + rng.below(7) as u64).to_string(),
                        state,
                        (state != "offered").then(|| crate::history::timestamp(
                            asked + chrono::Duration::hours(20)
                        )),
                        crate::history::timestamp(asked),
                    ])
                })
                .map_err(sql)?;
                made.assignments += 1;
                made.change_sets += 1;
                change(
                    tx,
                    &mut rng,
                    asked,
                    &publication_id,
                    Some(&edition),
                    (
                        "assignment",
                        &assignment,
                        Some(1),
                        "created",
                        None,
                        None,
                        Some(&title),
                    ),
                )?;
                if n.is_multiple_of(5) {
                    let photographer = &contributors[rng.below(contributors.len())];
                    let id = rng.id(asked);
                    tx.prepare_cached(
                        "INSERT INTO assignments (id, article_id, contributor_id, role, brief,
                            due_date, state, created_at, updated_at)
                         VALUES (?1, ?2, ?3, 'photographer', '', ?4, 'accepted', ?5, ?5)",
                    )
                    .and_then(|mut s| {
                        s.execute(params![
                            id,
                            article,
                            photographer,
                            before(30).to_string(),
                            crate::history::timestamp(asked)
                        ])
                    })
                    .map_err(sql)?;
                    made.assignments += 1;
                }

                // Drafts: one to five once the status receives them.
                let drafts = if state != "accepted" || status.position < drafts_from && to_come {
                    0
                } else if to_come {
                    1 + rng.below(2)
                } else {
                    1 + rng.below(5)
                };
                let mut last = None;
                for v in 1..=drafts {
                    let at = asked + chrono::Duration::days(20 + 2 * v as i64);
                    let draft = rng.id(at);
                    let length = 40 + rng.below(40);
                    let text = capital(&words(&mut rng, length));
                    let counted = (target as usize * (85 + rng.below(30)) / 100) as i64;
                    tx.prepare_cached(
                        "INSERT INTO drafts (id, article_id, assignment_id, contributor_id, number,
                            file_name, media_type, size, sha256, words, submitted_at, recorded_by)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'text/markdown', ?7, ?8, ?9, ?10, 'Generator')",
                    )
                    .and_then(|mut s| {
                        s.execute(params![
                            draft,
                            article,
                            assignment,
                            writer,
                            v as i64,
                            format!("piece-{n}-v{v}.md"),
                            text.len() as i64,
                            masthead_text::sha256_hex(text.as_bytes()),
                            counted,
                            crate::history::timestamp(at),
                        ])
                    })
                    .map_err(sql)?;
                    tx.prepare_cached(
                        "INSERT INTO draft_contents (draft_id, original, text, markdown)
                         VALUES (?1, ?2, ?3, ?3)",
                    )
                    .and_then(|mut s| s.execute(params![draft, text.as_bytes(), text]))
                    .map_err(sql)?;
                    made.drafts += 1;
                    last = Some(draft);
                }
                if status.is_final
                    && let Some(draft) = &last
                {
                    tx.prepare_cached("UPDATE articles SET approved_draft_id = ?2 WHERE id = ?1")
                        .and_then(|mut s| s.execute(params![article, draft]))
                        .map_err(sql)?;
                }

                // Three moves through the workflow, the last to where it is.
                for (k, step) in path.windows(2).enumerate() {
                    let at = created + chrono::Duration::days(10 * (k as i64 + 1));
                    made.change_sets += 1;
                    let set = change_set(tx, &mut rng, at, &publication_id, Some(&edition))?;
                    tx.prepare_cached(
                        "INSERT INTO changes (id, change_set_id, seq, entity, entity_id, version,
                            action, field, old_value, new_value, old_ref, new_ref)
                         VALUES (?1, ?2, 0, 'article', ?3, ?4, 'status', 'status', ?5, ?6, ?7, ?8)",
                    )
                    .and_then(|mut s| {
                        s.execute(params![
                            rng.id(at),
                            set,
                            article,
                            2 + k as u32,
                            step[0].label,
                            step[1].label,
                            step[0].id.to_string(),
                            step[1].id.to_string(),
                        ])
                    })
                    .map_err(sql)?;
                }
                // Every tenth piece is talked about: two comments, one
                // naming a colleague.
                if n % 10 == 3 {
                    for k in 0..2u32 {
                        let at = created + chrono::Duration::days(3 + i64::from(k));
                        let comment = rng.id(at);
                        let (author, body) = if k == 0 {
                            ("Erin Editor", format!("@Sam Sub {}", words(&mut rng, 12)))
                        } else {
                            ("Sam Sub", capital(&words(&mut rng, 15)))
                        };
                        tx.prepare_cached(
                            "INSERT INTO comments (id, article_id, author, body, created_at, updated_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                        )
                        .and_then(|mut s| {
                            s.execute(params![comment, article, author, body, crate::history::timestamp(at)])
                        })
                        .map_err(sql)?;
                        if k == 0 {
                            tx.prepare_cached(
                                "INSERT INTO comment_mentions (name, comment_id) VALUES ('sam sub', ?1)",
                            )
                            .and_then(|mut s| s.execute(params![comment]))
                            .map_err(sql)?;
                        }
                        made.comments += 1;
                    }
                }

                // One piece in two hundred of the editions on sale was
                // deleted; the trash of all but the last year was emptied.
                if !to_come && n % 200 == 199 {
                    let at = created + chrono::Duration::days(40);
                    made.change_sets += 1;
                    let deleted_in = change(
                        tx,
                        &mut rng,
                        at,
                        &publication_id,
                        Some(&edition),
                        (
                            "article",
                            &article,
                            Some(moves + 2),
                            "deleted",
                            None,
                            None,
                            Some(&title),
                        ),
                    )?;
                    tx.prepare_cached(
                        "UPDATE articles SET deleted_at = ?2, version = version + 1 WHERE id = ?1",
                    )
                    .and_then(|mut s| s.execute(params![article, crate::history::timestamp(at)]))
                    .map_err(sql)?;
                    let emptied = if on_sale + Days::new(365) < today {
                        let when = at + chrono::Duration::days(30);
                        made.change_sets += 1;
                        Some(change(
                            tx,
                            &mut rng,
                            when,
                            &publication_id,
                            None,
                            (
                                "article",
                                &article,
                                None,
                                "emptied",
                                None,
                                None,
                                Some(&title),
                            ),
                        )?)
                    } else {
                        None
                    };
                    tx.prepare_cached(
                        "INSERT INTO trash (id, entity, entity_id, publication_id, label, edition,
                            deleted_in, emptied_in)
                         VALUES (?1, 'article', ?2, ?3, ?4, ?5, ?6, ?7)",
                    )
                    .and_then(|mut s| {
                        s.execute(params![
                            rng.id(at),
                            article,
                            publication_id,
                            title,
                            format!("Edition {e} ({on_sale})"),
                            deleted_in,
                            emptied
                        ])
                    })
                    .map_err(sql)?;
                    made.trashed += 1;
                }
                n += 1;
            }
        }
    }
    tx.execute_batch("COMMIT").map_err(sql)?;
    conn.execute_batch("ANALYZE").map_err(sql)?;
    made.took = started.elapsed();
    Ok(made)
}

/// One change set of one change: (entity, id, version, action, field, new
/// value, subject). Returns the change set's id.
#[allow(clippy::type_complexity)]
fn change(
    tx: &rusqlite::Connection,
    rng: &mut Rng,
    at: DateTime<Utc>,
    publication: &str,
    edition: Option<&str>,
    (entity, id, version, action, field, new, subject): (
        &str,
        &str,
        Option<u32>,
        &str,
        Option<&str>,
        Option<&str>,
        Option<&str>,
    ),
) -> Result<String> {
    let set = change_set(tx, rng, at, publication, edition)?;
    let line = rng.id(at);
    tx.prepare_cached(
        "INSERT INTO changes (id, change_set_id, seq, entity, entity_id, version, action, field,
            new_value, subject)
         VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )
    .and_then(|mut s| {
        s.execute(params![
            line, set, entity, id, version, action, field, new, subject
        ])
    })
    .map_err(sql)?;
    Ok(set)
}

/// A change set by the generator at `at`: its id.
fn change_set(
    tx: &rusqlite::Connection,
    rng: &mut Rng,
    at: DateTime<Utc>,
    publication: &str,
    edition: Option<&str>,
) -> Result<String> {
    let set = rng.id(at);
    tx.prepare_cached(
        "INSERT INTO change_sets (id, at, actor, publication_id, edition_id)
         VALUES (?1, ?2, 'Generator', ?3, ?4)",
    )
    .and_then(|mut s| {
        s.execute(params![
            set,
            crate::history::timestamp(at),
            publication,
            edition
        ])
    })
    .map_err(sql)?;
    Ok(set)
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
