//! Every statement the store runs, written down when
//! `MASTHEAD_STATEMENT_LOG=FILE` is set: each distinct one is appended to
//! FILE once per process as a JSON line. `scripts/test` sets it for the
//! use-case tests on both engines, then runs
//! `every_statement_prepares_on_both_engines`, which prepares the whole
//! list on a fresh file and a fresh server database: a statement that one
//! engine cannot read fails there at once, even if only the other engine's
//! tests ran it. Without the variable nothing is logged and nothing costs.

use std::collections::HashSet;
use std::io::Write;
use std::sync::{Mutex, OnceLock};

use crate::error::Result;
use crate::storage::sql::{Conn, EachRow, Numbered, Param};

/// One statement as it was run: its SQL (before the engine's dialect) and,
/// for a statement with optional filters, how many text parameters it has.
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Eq, Hash, Clone, Debug)]
pub(crate) struct Statement {
    pub sql: String,
    pub text_params: Option<usize>,
}

struct Log {
    file: std::path::PathBuf,
    seen: Mutex<HashSet<Statement>>,
}

fn log() -> Option<&'static Log> {
    static LOG: OnceLock<Option<Log>> = OnceLock::new();
    LOG.get_or_init(|| {
        std::env::var_os("MASTHEAD_STATEMENT_LOG").map(|file| Log {
            file: file.into(),
            seen: Mutex::new(HashSet::new()),
        })
    })
    .as_ref()
}

#[cfg(test)]
thread_local! {
    /// What this thread's transactions ran, while a test captures them.
    static CAPTURED: std::cell::RefCell<Option<HashSet<Statement>>> =
        const { std::cell::RefCell::new(None) };
}

#[cfg(test)]
fn capturing() -> bool {
    CAPTURED.with(|c| c.borrow().is_some())
}

#[cfg(not(test))]
fn capturing() -> bool {
    false
}

fn note(sql: &str, text_params: Option<usize>) {
    let statement = Statement {
        sql: sql.to_owned(),
        text_params,
    };
    #[cfg(test)]
    CAPTURED.with(|c| {
        if let Some(seen) = c.borrow_mut().as_mut() {
            seen.insert(statement.clone());
        }
    });
    let Some(log) = log() else { return };
    let mut seen = log.seen.lock().unwrap_or_else(|e| e.into_inner());
    if seen.contains(&statement) {
        return;
    }
    let Ok(mut line) = serde_json::to_string(&statement) else {
        return;
    };
    line.push('\n');
    // One write per line, in append mode: lines from test processes
    // running at once never mix.
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log.file)
        .and_then(|mut f| f.write_all(line.as_bytes()));
    if written.is_ok() {
        seen.insert(statement);
    }
}

/// `conn`, writing down what it runs when the log is on.
pub(crate) fn logged<'c>(conn: Box<dyn Conn + 'c>) -> Box<dyn Conn + 'c> {
    if log().is_some() || capturing() {
        Box::new(Logged(conn))
    } else {
        conn
    }
}

struct Logged<'c>(Box<dyn Conn + 'c>);

impl Conn for Logged<'_> {
    fn each(&mut self, sql: &str, params: &[Param<'_>], each: EachRow<'_>) -> Result<()> {
        note(sql, None);
        self.0.each(sql, params, each)
    }

    fn each_numbered(&mut self, sql: &str, values: Numbered<'_>, each: EachRow<'_>) -> Result<()> {
        note(sql, Some(values.len()));
        self.0.each_numbered(sql, values, each)
    }

    fn execute(&mut self, sql: &str, params: &[Param<'_>]) -> Result<usize> {
        note(sql, None);
        self.0.execute(sql, params)
    }

    fn is_server(&self) -> bool {
        self.0.is_server()
    }

    fn is_contributor(&self) -> bool {
        self.0.is_contributor()
    }

    fn call_writing(&mut self, sql: &str, params: &[Param<'_>], each: EachRow<'_>) -> Result<()> {
        note(sql, None);
        self.0.call_writing(sql, params, each)
    }

    fn commit(self: Box<Self>) -> Result<()> {
        self.0.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::{CAPTURED, Statement};

    /// The statements a day's work runs on a file, captured on this thread:
    /// the demo loaded, then every screen read.
    fn a_days_statements() -> Vec<Statement> {
        CAPTURED.with(|c| *c.borrow_mut() = Some(Default::default()));
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::Store::open(dir.path().join("day.db")).unwrap();
        let actor = crate::Actor::new("Tess Editor").unwrap();
        let edition = store.load_demo(&actor).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let publication = store.edition(edition).unwrap().publication_id;
        store.edition_plan(edition, today).unwrap();
        store
            .board(publication, &Default::default(), today)
            .unwrap();
        store.dashboard(publication, today, 0).unwrap();
        store.search(publication, "Leeds Dortmund").unwrap();
        store.trash(publication).unwrap();
        for a in store.list_articles(edition, today).unwrap().iter().take(1) {
            store.comments(a.id).unwrap();
        }
        store
            .activity(publication, &actor, chrono::Utc::now())
            .unwrap();
        let (from, to) = (today - chrono::Days::new(30), today + chrono::Days::new(30));
        store.calendar(publication, from, to, today).unwrap();
        store
            .calendar_ics(publication, crate::IcsScope::default(), today)
            .unwrap();
        for a in store.list_articles(edition, today).unwrap() {
            store.article_detail(a.id, today).unwrap();
            store.drafts(a.id).unwrap();
        }
        store.flatplan(edition).unwrap();
        store.list_contributors(None).unwrap();
        store.check().unwrap();
        CAPTURED.with(|c| c.borrow_mut().take().unwrap().into_iter().collect())
    }

    /// Every statement a day's work runs, and with `MASTHEAD_STATEMENT_LOG`
    /// every one the use-case tests on both engines ran (scripts/test
    /// passes it after both), prepared on a fresh file and a fresh server.
    #[test]
    fn every_statement_prepares_on_both_engines() {
        let mut statements = a_days_statements();
        assert!(
            statements.len() > 30,
            "only {} statements in a day's work",
            statements.len()
        );
        if let Ok(file) = std::env::var("MASTHEAD_STATEMENT_LOG") {
            let logged: Vec<Statement> = std::fs::read_to_string(&file)
                .unwrap_or_default()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
                .collect();
            // After both engines' suites, the log holds them all.
            if std::env::var_os("MASTHEAD_STATEMENT_LOG_COMPLETE").is_some() {
                assert!(
                    logged.len() > 100,
                    "only {} statements logged: did the test runs write the log?",
                    logged.len()
                );
            }
            statements.extend(logged);
        }
        statements.sort_by(|a, b| a.sql.cmp(&b.sql));
        statements.dedup();

        // A fresh file, and a fresh server database, at today's schema.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fresh.db");
        drop(crate::Store::open(&path).unwrap());
        let file_db = rusqlite::Connection::open(&path).unwrap();
        crate::storage::sqlite::add_functions(&file_db).unwrap();
        let url = masthead_pgtest::cluster().empty_database();
        drop(crate::Store::open_location(&url).unwrap());
        let name = url.rsplit('/').next().unwrap().split('?').next().unwrap();
        let mut server = masthead_pgtest::cluster().admin(name);

        let mut failures = Vec::new();
        for s in &statements {
            // The server's own functions (logins, a contributor's writes)
            // are its alone; masthead_fold is both stores'.
            // Search is each engine's own index (storage/tx/search.rs).
            // A statement marked "-- on a server" runs only there (locks).
            let server_only = s.sql.replace("masthead_fold", "").contains("masthead_")
                || s.sql.starts_with("-- search on a server")
                || s.sql.starts_with("-- on a server\n");
            if !server_only && let Err(e) = file_db.prepare(&s.sql) {
                failures.push(format!("SQLite: {e}\n{}", s.sql));
            }
            if s.sql.starts_with("-- search on a file") {
                continue;
            }
            let sql = crate::storage::postgres::dialect(&s.sql);
            let prepared = match s.text_params {
                Some(n) => server.prepare_typed(&sql, &vec![postgres::types::Type::TEXT; n]),
                None => server.prepare(&sql),
            };
            if let Err(e) = prepared {
                failures.push(format!("PostgreSQL: {e:?}\n{sql}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} statements do not prepare:\n\n{}",
            failures.len(),
            statements.len(),
            failures.join("\n\n")
        );
    }

    /// The tables that grow with the years: a statement the app runs on
    /// every screen must find their rows through an index.
    const GROWING: [&str; 14] = [
        "articles", "assignments", "drafts", "draft_contents", "changes", "change_sets",
        "comments", "comment_mentions", "search_docs", "editions", "contributors", "slots",
        "adverts", "trash",
    ];

    /// The statements of every screen's read, every lookup by name and the
    /// day's writes, run on a generated archive (statistics taken, as the
    /// app's files have them), captured on this thread.
    fn hot_statements(path: &std::path::Path) -> Vec<Statement> {
        use crate::model::{AssignmentInput, BoardFilter};
        let made = crate::dev::generate(
            path,
            crate::dev::GenerateOptions {
                pieces: 3000,
                seed: 7,
            },
        )
        .unwrap();
        CAPTURED.with(|c| *c.borrow_mut() = Some(Default::default()));
        let mut store = crate::Store::open(path).unwrap();
        let actor = crate::Actor::new("Tess Editor").unwrap();
        let publication = made.publication;
        let today = crate::dev::generated_today();
        let editions = store.list_editions(Some(publication)).unwrap();
        let edition = editions.first().unwrap().clone();
        store.edition(edition.id).unwrap();
        store.edition_plan(edition.id, today).unwrap();
        store
            .board(publication, &BoardFilter::default(), today)
            .unwrap();
        let by_edition = BoardFilter {
            edition_id: Some(edition.id),
            ..BoardFilter::default()
        };
        let board = store.board(publication, &by_edition, today).unwrap();
        store.dashboard(publication, today, 0).unwrap();
        store
            .activity(publication, &actor, chrono::Utc::now())
            .unwrap();
        let (from, to) = (today, today + chrono::Days::new(30));
        store.calendar(publication, from, to, today).unwrap();
        store.search(publication, "kaloka lomix").unwrap();
        store.trash(publication).unwrap();
        let pieces = store.list_articles(edition.id, today).unwrap();
        let piece = pieces.first().unwrap();
        store.article_detail(piece.id, today).unwrap();
        store.drafts(piece.id).unwrap();
        store.comments(piece.id).unwrap();
        store.flatplan(edition.id).unwrap();
        let people = store.list_contributors(None).unwrap();
        store.contributor_detail(people[0].id).unwrap();
        store
            .find_edition(Some(publication), &edition.name)
            .unwrap();
        store.find_edition(None, &edition.name).unwrap();
        store.find_article(None, &piece.title).unwrap();
        store.find_article(Some(edition.id), &piece.title).unwrap();
        store.find_contributor(&people[0].name).unwrap();
        // The day's writes: a move on, a commission, a comment.
        let card = &board.cards[0];
        let statuses = store.workflow(publication).unwrap();
        if let Some(next) = statuses
            .transitions
            .iter()
            .find(|t| t.from == card.status_id)
        {
            store
                .change_status(&actor, card.id, Some(card.version), next.to)
                .unwrap();
        }
        store
            .commission(
                &actor,
                card.id,
                &AssignmentInput {
                    contributor_id: people[1].id,
                    role: "photographer".into(),
                    brief: String::new(),
                    word_target: None,
                    due_date: None,
                    fee: None,
                    currency: None,
                },
            )
            .unwrap();
        store.add_comment(&actor, card.id, "Looks good.").unwrap();
        CAPTURED.with(|c| c.borrow_mut().take().unwrap().into_iter().collect())
    }

    /// The tables a statement names, by the name or alias a query plan
    /// shows: each `FROM`/`JOIN` table and its alias, if any.
    fn tables_by_alias(sql: &str) -> std::collections::HashMap<String, String> {
        let words: Vec<String> = sql
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut found = std::collections::HashMap::new();
        for (i, w) in words.iter().enumerate() {
            if w != "from" && w != "join" {
                continue;
            }
            let Some(table) = words.get(i + 1) else {
                continue;
            };
            found.insert(table.clone(), table.clone());
            let keyword = |w: &str| {
                [
                    "on", "where", "join", "left", "inner", "cross", "group", "order", "limit",
                    "union", "as", "using", "natural", "select",
                ]
                .contains(&w)
            };
            match words.get(i + 2).map(String::as_str) {
                Some("as") => {
                    if let Some(alias) = words.get(i + 3) {
                        found.insert(alias.clone(), table.clone());
                    }
                }
                Some(alias) if !keyword(alias) => {
                    found.insert(alias.to_owned(), table.clone());
                }
                _ => {}
            }
        }
        found
    }

    /// The growing tables a statement's plan reads from end to end
    /// (`SCAN`), on `db`; a table of fewer than `small` rows is let be.
    fn scans(db: &rusqlite::Connection, statements: &[Statement], small: i64) -> Vec<String> {
        let mut found = Vec::new();
        for s in statements {
            // A server's search is its own; a list of every row says so.
            if s.sql.starts_with("-- search on a server") || s.sql.starts_with("-- every row") {
                continue;
            }
            let tables = tables_by_alias(&s.sql);
            let mut stmt = db
                .prepare(&format!("EXPLAIN QUERY PLAN {}", s.sql))
                .unwrap();
            let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
            let details: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(nulls), |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for d in details {
                // A scan; or an index SQLite builds for the statement, which
                // reads the whole table first.
                let rest = match (d.strip_prefix("SCAN "), d.strip_prefix("SEARCH ")) {
                    (Some(rest), _) => rest,
                    (None, Some(rest)) if d.contains("USING AUTOMATIC") => rest,
                    _ => continue,
                };
                let name = rest.split_whitespace().next().unwrap_or("").to_lowercase();
                let table = tables.get(&name).cloned().unwrap_or(name);
                if !GROWING.contains(&table.as_str()) {
                    continue;
                }
                let rows: i64 = db
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                    .unwrap();
                if rows >= small {
                    let sql = s.sql.split_whitespace().collect::<Vec<_>>().join(" ");
                    found.push(format!("{d} ({rows} rows)\n  in {sql}"));
                }
            }
        }
        found
    }

    /// No statement of a screen, a lookup by name or the day's writes reads
    /// a growing table from end to end on a file: each finds its rows
    /// through an index (`EXPLAIN QUERY PLAN` shows no `SCAN` of one). Two
    /// plans each: with the archive's statistics, as the app's files have
    /// them (a scan of a table under a hundred rows is the cheaper plan
    /// then, and fine), and with none, where SQLite takes every table for
    /// big: a scan there means no index can serve the statement at all.
    #[test]
    fn no_hot_statement_scans_a_growing_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.db");
        let statements = hot_statements(&path);
        assert!(
            statements.len() > 40,
            "only {} statements",
            statements.len()
        );
        let db = rusqlite::Connection::open(&path).unwrap();
        crate::storage::sqlite::add_functions(&db).unwrap();
        let mut found = scans(&db, &statements, 100);
        db.execute_batch("DELETE FROM sqlite_stat1; ANALYZE sqlite_schema;")
            .unwrap();
        found.extend(
            scans(&db, &statements, 0)
                .into_iter()
                .map(|s| format!("without statistics: {s}")),
        );
        assert!(
            found.is_empty(),
            "{} plans scan a growing table:\n\n{}",
            found.len(),
            found.join("\n\n")
        );
    }

    /// The same statements on a server: with sequential scans priced out
    /// (`enable_seqscan = off`), a plan that still reads a growing table
    /// sequentially has no index to use there. Each is prepared and
    /// explained as the generic plan a server keeps for it. (On an empty
    /// database a server picks any index to stand in for a sequential scan,
    /// so index scans are not judged here; the file's test, on data, is.)
    #[test]
    fn no_hot_statement_scans_a_growing_table_on_a_server() {
        let dir = tempfile::tempdir().unwrap();
        let statements = hot_statements(&dir.path().join("archive.db"));
        let url = masthead_pgtest::cluster().empty_database();
        drop(crate::Store::open_location(&url).unwrap());
        let name = url.rsplit('/').next().unwrap().split('?').next().unwrap();
        let mut server = masthead_pgtest::cluster().admin(name);
        server
            .batch_execute("SET enable_seqscan = off; SET plan_cache_mode = force_generic_plan")
            .unwrap();
        let mut scans = Vec::new();
        for (n, s) in statements.iter().enumerate() {
            if s.sql.starts_with("-- search on a file") || s.sql.starts_with("-- every row") {
                continue;
            }
            let sql = crate::storage::postgres::dialect(&s.sql);
            // Each parameter's type: text for a statement of optional
            // filters (as the store binds them), else as the server infers.
            let types: Vec<String> = match s.text_params {
                Some(count) => vec!["text".to_owned(); count],
                None => server
                    .prepare(&sql)
                    .unwrap_or_else(|e| panic!("{e:?}\n{sql}"))
                    .params()
                    .iter()
                    .map(|t| t.name().to_owned())
                    .collect(),
            };
            let (prepare, execute) = if types.is_empty() {
                (
                    format!("PREPARE hot{n} AS {sql}"),
                    format!("EXPLAIN EXECUTE hot{n}"),
                )
            } else {
                (
                    format!("PREPARE hot{n} ({}) AS {sql}", types.join(", ")),
                    format!(
                        "EXPLAIN EXECUTE hot{n} ({})",
                        vec!["NULL"; types.len()].join(", ")
                    ),
                )
            };
            server
                .batch_execute(&prepare)
                .unwrap_or_else(|e| panic!("{e:?}\n{sql}"));
            // A write is explained inside a transaction rolled back.
            let mut tx = server.transaction().unwrap();
            let plan: Vec<String> = tx
                .query(&execute, &[])
                .unwrap_or_else(|e| panic!("{e:?}\n{sql}"))
                .iter()
                .map(|r| r.get::<_, String>(0))
                .collect();
            tx.rollback().unwrap();
            for line in plan {
                let Some(at) = line.find("Seq Scan on ") else {
                    continue;
                };
                let table = line[at + "Seq Scan on ".len()..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                if GROWING.contains(&table) {
                    scans.push(format!("{}\n  in {sql}", line.trim()));
                }
            }
        }
        assert!(
            scans.is_empty(),
            "{} plans scan a growing table on a server:\n\n{}",
            scans.len(),
            scans.join("\n\n")
        );
    }
}
