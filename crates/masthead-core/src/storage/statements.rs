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
            let server_only = s.sql.replace("masthead_fold", "").contains("masthead_")
                || s.sql.starts_with("-- search on a server");
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
}
