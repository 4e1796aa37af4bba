//! PostgreSQL, the storage of a team server: connecting, the server's own
//! migrations (run under an advisory lock when there is one to run), and
//! transactions with the same guarantees as a file's.
//!
//! An editor's write transaction (READ COMMITTED) starts by locking the one
//! row of `masthead_write_lock` through `masthead_lock_writes()`, so
//! editors' writes run one at a time, as in SQLite: what a use case reads
//! inside its transaction is what it updates. A contributor's transaction
//! takes no team lock: her writes are the server's functions on her own
//! rows (migration 9), so an editor's write may wait for one of those rows
//! for at most `ROW_LOCK_WAIT`, and the rare clash between them (a
//! deadlock, two drafts numbered at once) comes back as "busy, try again",
//! nothing saved. One that changed something moves the one row of
//! `masthead_clock` on (a contributor, her own clock row) and sends
//! `NOTIFY masthead_changed` as it commits, which tells every other
//! connection (`data_version`, and the app's listener). Reads run in a
//! REPEATABLE READ snapshot and never wait.

mod conn;
mod errors;
mod listener;
pub(crate) mod location;
mod migrate;
mod tls;

pub(crate) use errors::map_error;
pub use listener::ChangeListener;
use migrate::migrate;

use std::cell::{Cell as Counter, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use postgres::error::SqlState;

use super::tx::SqlTx;
use super::{Backend, LoginProblem, LoginTrouble, Tx};
use crate::error::{Error, Result};
use conn::PgConn;
#[cfg(test)]
pub(crate) use conn::dialect;
pub use location::ServerLocation;

/// How long a write waits for a row another transaction holds, once it
/// has the write lock: only a contributor's transaction holds one at all
/// (her own piece's, for the milliseconds her function takes; one left
/// open on purpose is ended by `masthead_lock_writes`), and the rest of the
/// team must not queue long behind the writer who waits for it.
const ROW_LOCK_WAIT: &str = "2s";

pub(crate) struct Inner {
    client: postgres::Client,
    /// The server process behind `client`, shared with the backend so the
    /// app can tell its own commits' notifications from others' without
    /// waiting for a transaction to end.
    pid: std::sync::Arc<std::sync::atomic::AtomicI32>,
    /// A contributor's connection: editors' notes read as empty.
    masked: bool,
    statements: HashMap<String, postgres::Statement>,
    server: ServerLocation,
}

impl Inner {
    /// Connects again after the connection dropped; statements are
    /// prepared afresh on the new one.
    fn reconnect(&mut self) -> Result<()> {
        self.client = self.server.connect()?;
        self.statements.clear();
        self.pid.store(
            backend_pid(&mut self.client),
            std::sync::atomic::Ordering::Relaxed,
        );
        self.masked = acts_as_contributor(&mut self.client);
        Ok(())
    }
}

/// Whether the contributors' rules apply to this connection's login.
fn acts_as_contributor(client: &mut postgres::Client) -> bool {
    client
        .query_one("SELECT masthead_acts_as_contributor()", &[])
        .and_then(|r| r.try_get(0))
        .unwrap_or(false)
}

/// The server process serving `client` (0 if it cannot say).
fn backend_pid(client: &mut postgres::Client) -> i32 {
    client
        .query_one("SELECT pg_backend_pid()", &[])
        .and_then(|r| r.try_get(0))
        .unwrap_or(0)
}

pub(crate) struct PgBackend {
    inner: RefCell<Inner>,
    pid: std::sync::Arc<std::sync::atomic::AtomicI32>,
    server: ServerLocation,
    /// How many writes this connection committed: `data_version` leaves
    /// them out, so it moves only when someone else commits.
    own_commits: Counter<i64>,
    display: PathBuf,
}

impl PgBackend {
    /// Connects, creates the schema on an empty database and brings an older
    /// one up to date. Refuses, untouched, a database that holds other
    /// tables or that a newer Masthead wrote.
    pub(crate) fn open(location: &ServerLocation) -> Result<PgBackend> {
        let mut client = location.connect()?;
        migrate(&mut client, location)?;
        let pid = std::sync::Arc::new(std::sync::atomic::AtomicI32::new(backend_pid(&mut client)));
        let masked = acts_as_contributor(&mut client);
        Ok(PgBackend {
            server: location.clone(),
            display: PathBuf::from(location.to_string()),
            pid: pid.clone(),
            inner: RefCell::new(Inner {
                client,
                pid,
                masked,
                statements: HashMap::new(),
                server: location.clone(),
            }),
            own_commits: Counter::new(0),
        })
    }

    /// Begins a transaction with what `sql` says for this connection
    /// (whether it is a contributor's).
    fn begin(&self, sql: impl Fn(bool) -> String, write: bool) -> Result<Tx<'_>> {
        let mut inner = self.inner.try_borrow_mut().map_err(|_| {
            Error::Server("a transaction is already open on this connection".into())
        })?;
        if inner.client.is_closed() {
            inner.reconnect()?;
        }
        let begin = sql(inner.masked);
        if let Err(e) = inner.client.batch_execute(&begin) {
            // A connection the server dropped (a restart, a network blip)
            // shows here first: nothing has been done yet, so connect again
            // and begin once more. Any other failure (the write lock not
            // free in time) ends the transaction it began.
            let error = map_error(&inner.server, e);
            if !matches!(error, Error::ConnectionLost { .. }) {
                let _ = inner.client.batch_execute("ROLLBACK");
                return Err(error);
            }
            inner.reconnect()?;
            let inner_ref = &mut *inner;
            let begin = sql(inner_ref.masked);
            if let Err(e) = inner_ref.client.batch_execute(&begin) {
                let _ = inner_ref.client.batch_execute("ROLLBACK");
                return Err(map_error(&inner_ref.server, e));
            }
        }
        let conn = PgConn {
            inner,
            own_commits: write.then_some(&self.own_commits),
            open: true,
            wrote: false,
        };
        Ok(SqlTx::new(Box::new(conn)))
    }

    /// The connection outside any transaction, made again if it dropped.
    fn idle(&self) -> Result<std::cell::RefMut<'_, Inner>> {
        let mut inner = self
            .inner
            .try_borrow_mut()
            .map_err(|_| Error::Server("the connection is busy".into()))?;
        if inner.client.is_closed() {
            inner.reconnect()?;
        }
        Ok(inner)
    }

    fn query_i64(&self, sql: &str) -> Result<i64> {
        let mut inner = self.idle()?;
        let inner = &mut *inner;
        inner
            .client
            .query_one(sql, &[])
            .and_then(|row| row.try_get::<_, i64>(0))
            .map_err(|e| map_error(&inner.server, e))
    }
}

/// Each active member with a login, and what of it does not work here.
const LOGIN_CHECKS: &str = "
    SELECT p.name, p.login,
           r.oid IS NULL,
           COALESCE(NOT r.rolcanlogin, false),
           CASE WHEN r.oid IS NULL THEN false
                ELSE NOT has_database_privilege(r.oid, current_database(), 'CONNECT') END,
           CASE WHEN r.oid IS NULL THEN false
                ELSE NOT EXISTS (SELECT 1 FROM masthead_logins l
                                  WHERE l.login = p.login AND l.role_oid = r.oid) END,
           -- Whether a repair may take the role for the member's: a login
           -- of the shape this team makes, no superuser, not the owner, and
           -- directly in one of this team's two groups.
           CASE WHEN r.oid IS NULL THEN false
                ELSE p.login ~ '^mh_[a-z0-9_]{1,60}$'
                 AND NOT r.rolsuper
                 AND r.oid <> (SELECT d.datdba FROM pg_database d
                                WHERE d.datname = current_database())
                 AND EXISTS (SELECT 1 FROM pg_auth_members m
                               JOIN pg_roles g ON g.oid = m.roleid
                               JOIN masthead_groups mg ON g.rolname IN (mg.editor, mg.contributor)
                              WHERE m.member = r.oid) END
      FROM people p LEFT JOIN pg_roles r ON r.rolname = p.login
     WHERE p.deleted_at IS NULL AND p.login IS NOT NULL
     ORDER BY p.name, p.login";

/// Whether every login (PUBLIC) may connect to, or make temporary tables
/// in, the databases `$which` picks.
macro_rules! open_to_public {
    ($which:literal) => {
        concat!(
            "EXISTS (SELECT 1 FROM pg_database d,
                     aclexplode(COALESCE(d.datacl, acldefault('d', d.datdba))) a
               WHERE ",
            $which,
            " AND a.grantee = 0 AND a.privilege_type IN ('CONNECT', 'TEMPORARY'))"
        )
    };
}

/// Whether every login on the server (PUBLIC) may connect to this
/// database or make temporary tables there.
const OPEN_HERE: &str = concat!("SELECT ", open_to_public!("d.datname = current_database()"));

/// [`OPEN_HERE`], and the same of the server's `postgres` or `template1`
/// database (a login sitting in `template1` also stops new databases).
const OPEN_TO_ALL: &str = concat!(
    "SELECT ",
    open_to_public!("d.datname = current_database()"),
    ", ",
    open_to_public!("d.datname IN ('postgres', 'template1')")
);

struct LoginRow {
    login: String,
    problem: Option<LoginProblem>,
    /// Also missing its link in `masthead_logins`, to repair with the CONNECT.
    unlinked: bool,
    /// The role may be taken for the member's by a repair.
    eligible: bool,
    no_connect: bool,
}

impl PgBackend {
    /// Each member's login as this server has it, and whether the database
    /// lets every login connect.
    fn login_rows(&self) -> Result<(Vec<LoginRow>, bool, bool)> {
        let mut inner = self.idle()?;
        let inner = &mut *inner;
        let (open_to_all, server_open): (bool, bool) = inner
            .client
            .query_one(OPEN_TO_ALL, &[])
            .and_then(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .map_err(|e| map_error(&inner.server, e))?;
        let rows = inner
            .client
            .query(LOGIN_CHECKS, &[])
            .map_err(|e| map_error(&inner.server, e))?;
        rows.iter()
            .map(|r| -> std::result::Result<LoginRow, postgres::Error> {
                let (name, login): (String, String) = (r.try_get(0)?, r.try_get(1)?);
                let (missing, no_login, no_connect, unlinked, eligible): (
                    bool,
                    bool,
                    bool,
                    bool,
                    bool,
                ) = (
                    r.try_get(2)?,
                    r.try_get(3)?,
                    r.try_get(4)?,
                    r.try_get(5)?,
                    r.try_get(6)?,
                );
                let kind = if missing {
                    Some(LoginTrouble::Missing)
                } else if no_login {
                    Some(LoginTrouble::NoLogin)
                } else if no_connect {
                    Some(LoginTrouble::NoConnect)
                } else if unlinked {
                    Some(LoginTrouble::Unlinked)
                } else {
                    None
                };
                Ok(LoginRow {
                    login: login.clone(),
                    problem: kind.map(|kind| LoginProblem {
                        name,
                        login,
                        kind,
                        repairable: eligible,
                    }),
                    unlinked,
                    eligible,
                    no_connect,
                })
            })
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| map_error(&inner.server, e))
            .map(|rows| (rows, open_to_all, server_open))
    }
}

impl Backend for PgBackend {
    fn engine_checks(&self) -> Result<Vec<String>> {
        let mut inner = self.idle()?;
        let inner = &mut *inner;
        let rows = inner
            .client
            .query(
                "SELECT r.relname::text, c.conname::text
                   FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
                  WHERE r.relnamespace = 'public'::regnamespace AND NOT c.convalidated
                    AND c.contype = 'c'
                  ORDER BY 1, 2",
                &[],
            )
            .map_err(|e| map_error(&inner.server, e))?;
        Ok(rows
            .iter()
            .map(|r| {
                let (table, check): (String, String) = (r.get(0), r.get(1));
                format!("rows of {table} hold values the check {check} refuses")
            })
            .collect())
    }

    fn login_checks(&self) -> Result<Vec<LoginProblem>> {
        let (rows, open_to_all, server_open) = self.login_rows()?;
        let mut problems: Vec<LoginProblem> = rows.into_iter().filter_map(|r| r.problem).collect();
        if server_open {
            problems.insert(
                0,
                LoginProblem {
                    name: "anyone".into(),
                    login: "PUBLIC".into(),
                    kind: LoginTrouble::ServerOpenToAll,
                    repairable: false,
                },
            );
        }
        if open_to_all {
            problems.insert(
                0,
                LoginProblem {
                    name: "anyone".into(),
                    login: "PUBLIC".into(),
                    kind: LoginTrouble::OpenToAll,
                    repairable: true,
                },
            );
        }
        Ok(problems)
    }

    fn repair_logins(&mut self) -> Result<Vec<String>> {
        // Grants on the database are its owner's (a non-owner's GRANT is
        // only a warning: it would seem to repair and change nothing).
        let owner = self.query_i64(
            "SELECT CASE WHEN session_user = pg_get_userbyid(d.datdba)
                           OR (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user)
                         THEN 1 ELSE 0 END::bigint
               FROM pg_database d WHERE d.datname = current_database()",
        )?;
        if owner != 1 {
            return Err(Error::NotAllowed {
                detail: "only the database's owner may repair it (its logins and its counts); run `masthead check --repair` as the owner".into(),
            });
        }
        let (rows, open_to_all, _) = self.login_rows()?;
        let mut inner = self.idle()?;
        let inner = &mut *inner;
        let server = inner.server.clone();
        let mut done = Vec::new();
        let mut tx = inner
            .client
            .transaction()
            .map_err(|e| map_error(&server, e))?;
        let statement =
            |tx: &mut postgres::Transaction<'_>, template: &str, login: Option<&str>| {
                let sql: String = tx
                    .query_one(
                        "SELECT format($1::text, current_database(), $2::text)",
                        &[&template, &login.unwrap_or("")],
                    )
                    .and_then(|r| r.try_get(0))
                    .map_err(|e| map_error(&server, e))?;
                tx.batch_execute(&sql).map_err(|e| map_error(&server, e))
            };
        if open_to_all {
            statement(
                &mut tx,
                "REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC",
                None,
            )?;
            done.push("only the team's logins may connect to this database again".into());
        }
        for row in rows {
            let Some(problem) = row.problem else {
                if open_to_all {
                    // Connected through PUBLIC until now: its own grant.
                    statement(
                        &mut tx,
                        "GRANT CONNECT ON DATABASE %I TO %I",
                        Some(&row.login),
                    )?;
                }
                continue;
            };
            // Only a role already in this team's groups is taken for the
            // member's: a stranger's role of the same name is not.
            if !row.eligible || problem.kind == LoginTrouble::Missing {
                continue;
            }
            if row.no_connect || open_to_all {
                statement(
                    &mut tx,
                    "GRANT CONNECT ON DATABASE %I TO %I",
                    Some(&problem.login),
                )?;
            }
            if row.no_connect {
                done.push(format!(
                    "{} ({}) may connect again",
                    problem.name, problem.login
                ));
            }
            if row.unlinked {
                tx.execute(
                    "INSERT INTO masthead_logins (login, role_oid)
                     SELECT $1::text, r.oid FROM pg_roles r WHERE r.rolname = $1::text
                     ON CONFLICT (login) DO UPDATE SET role_oid = EXCLUDED.role_oid",
                    &[&problem.login],
                )
                .map_err(|e| map_error(&server, e))?;
                done.push(format!(
                    "{} ({}) is this team's login again",
                    problem.name, problem.login
                ));
            }
        }
        tx.commit().map_err(|e| map_error(&server, e))?;
        Ok(done)
    }

    fn read(&self) -> Result<Tx<'_>> {
        self.begin(
            |_| "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY".to_owned(),
            false,
        )
    }

    fn write(&mut self) -> Result<Tx<'_>> {
        // Editors' writes run one at a time, holding the one row of
        // masthead_write_lock (through a function no contributor may run).
        // A contributor's writes are her functions' on her own rows, and
        // never wait for the team's lock.
        self.begin(
            |masked| {
                if masked {
                    "BEGIN ISOLATION LEVEL READ COMMITTED".to_owned()
                } else {
                    format!(
                        "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT masthead_lock_writes();
                         SET LOCAL lock_timeout = '{ROW_LOCK_WAIT}'"
                    )
                }
            },
            true,
        )
    }

    fn data_version(&self) -> Result<i64> {
        Ok(self.query_i64("SELECT masthead_data_version()")? - self.own_commits.get())
    }

    fn schema_version(&self) -> Result<i64> {
        self.query_i64("SELECT version::bigint FROM masthead_schema")
    }

    fn check_still_there(&self) -> Result<()> {
        Ok(())
    }

    fn location(&self) -> &Path {
        &self.display
    }

    fn server(&self) -> Option<&ServerLocation> {
        Some(&self.server)
    }

    fn connection_pid(&self) -> Option<i32> {
        Some(self.pid.load(std::sync::atomic::Ordering::Relaxed))
    }

    #[cfg(test)]
    fn limit_pages(&self, _extra: Option<u64>) {}
}
