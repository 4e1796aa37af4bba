//! The server's migrations: run once, by the database's owner, under an
//! advisory lock when there is one to run; an up-to-date schema opens
//! without it.

use super::*;

/// The server's migrations, numbered as the file's: a server starts at
/// version 5 (everything a file had then) and follows the same numbers.
pub(crate) const PG_MIGRATIONS: &[(i64, &str)] = &[
    (5, include_str!("../../migrations/postgres/0005_schema.sql")),
    (6, include_str!("../../migrations/postgres/0006_people.sql")),
    (
        7,
        include_str!("../../migrations/postgres/0007_history_kept.sql"),
    ),
    (
        8,
        include_str!("../../migrations/postgres/0008_access_ends.sql"),
    ),
    (
        9,
        include_str!("../../migrations/postgres/0009_contributors_through_functions.sql"),
    ),
    (
        10,
        include_str!("../../migrations/postgres/0010_values_checked.sql"),
    ),
    (
        11,
        include_str!("../../migrations/postgres/0011_one_rule_for_names.sql"),
    ),
    (
        12,
        include_str!("../../migrations/postgres/0012_open_offers.sql"),
    ),
    (
        13,
        include_str!("../../migrations/postgres/0013_search.sql"),
    ),
    (14, include_str!("../../migrations/postgres/0014_trash.sql")),
    (
        15,
        include_str!("../../migrations/postgres/0015_calendar.sql"),
    ),
    (16, include_str!("../../migrations/postgres/0016_seen.sql")),
    (
        17,
        include_str!("../../migrations/postgres/0017_trash_closes.sql"),
    ),
    (
        18,
        include_str!("../../migrations/postgres/0018_comments.sql"),
    ),
    (
        19,
        include_str!("../../migrations/postgres/0019_contributors_comment.sql"),
    ),
    (
        20,
        include_str!("../../migrations/postgres/0020_edition_counts.sql"),
    ),
    (
        21,
        include_str!("../../migrations/postgres/0021_contributor_counts.sql"),
    ),
    (
        22,
        include_str!("../../migrations/postgres/0022_contributor_links.sql"),
    ),
];

/// Taken around migrations, so two clients starting at once never migrate
/// twice ("MSTH" and "MIGR").
const MIGRATION_LOCK: i64 = 0x4D53_5448_4D49_4752;

pub(super) fn migrate(client: &mut postgres::Client, server: &ServerLocation) -> Result<()> {
    let err = |e| map_error(server, e);
    // A schema already up to date takes no lock: anyone may hold an
    // advisory lock, and a login holding this one must not keep the team
    // from opening the database (only from upgrading it).
    if !up_to_date(client) {
        client
            .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])
            .map_err(err)?;
        let result = migrate_locked(client, server);
        let unlocked = client
            .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])
            .map_err(err);
        result.and(unlocked.map(drop))?;
    }
    close_to_public(client, server)
}

const LATEST: i64 = PG_MIGRATIONS[PG_MIGRATIONS.len() - 1].0;

/// Whether the schema is there at the latest version, without a lock (so
/// without waiting for a migration under way: anything else, including an
/// error, means "look again under the lock").
fn up_to_date(client: &mut postgres::Client) -> bool {
    let has_schema = client
        .query_one("SELECT to_regclass('masthead_schema') IS NOT NULL", &[])
        .and_then(|r| r.try_get::<_, bool>(0))
        .unwrap_or(false);
    has_schema
        && client
            .query_one("SELECT version::bigint FROM masthead_schema", &[])
            .and_then(|r| r.try_get::<_, i64>(0))
            .is_ok_and(|v| v == LATEST)
}

/// The schema's version, 0 for an empty database; refuses one holding
/// another program's tables.
fn current_version(client: &mut postgres::Client, server: &ServerLocation) -> Result<i64> {
    let err = |e| map_error(server, e);
    let has_schema: bool = client
        .query_one("SELECT to_regclass('masthead_schema') IS NOT NULL", &[])
        .and_then(|r| r.try_get(0))
        .map_err(err)?;
    let current: i64 = if has_schema {
        client
            .query_one("SELECT version::bigint FROM masthead_schema", &[])
            .and_then(|r| r.try_get(0))
            .map_err(err)?
    } else {
        let tables: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
                &[],
            )
            .and_then(|r| r.try_get(0))
            .map_err(err)?;
        if tables > 0 {
            return Err(Error::NotMasthead {
                path: PathBuf::from(server.to_string()),
                reason: format!("the database already holds {tables} tables of another program"),
            });
        }
        0
    };
    Ok(current)
}

fn migrate_locked(client: &mut postgres::Client, server: &ServerLocation) -> Result<()> {
    let err = |e| map_error(server, e);
    let latest = LATEST;
    let current = current_version(client, server)?;
    if current > latest {
        return Err(Error::DatabaseTooNew {
            path: PathBuf::from(server.to_string()),
            found: current,
            supported: latest,
        });
    }
    if current < latest {
        // The schema's functions run with their owner's rights: only the
        // database's owner makes them, never a superuser passing by.
        let row = client
            .query_one(
                "SELECT pg_get_userbyid(datdba)::text, session_user = pg_get_userbyid(datdba)
                   FROM pg_database WHERE datname = current_database()",
                &[],
            )
            .map_err(err)?;
        let owner: String = row.try_get(0).map_err(err)?;
        let is_owner: bool = row.try_get(1).map_err(err)?;
        if !is_owner {
            return Err(Error::NotAllowed {
                detail: format!(
                    "only the database's owner, {owner}, may create or upgrade Masthead's schema there: run `masthead --db postgres://{owner}@… init`"
                ),
            });
        }
    }
    if current >= 6 && current < latest {
        // An upgrade changes tables every session of the team may be
        // reading: a login sitting in a transaction (a contributor's on
        // purpose, or a Masthead left running) would hold it up, and none
        // of them may go on against the new schema anyway. Their sessions
        // end; each client connects again and is told to upgrade.
        client
            .batch_execute(
                "SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a
                  WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
                    AND a.usename IN (SELECT l.login FROM masthead_logins l)",
            )
            .map_err(err)?;
    }
    for (version, sql) in PG_MIGRATIONS {
        if *version > current {
            let mut tx = client.transaction().map_err(err)?;
            tx.batch_execute(sql).map_err(err)?;
            tx.execute(
                "UPDATE masthead_schema SET version = $1",
                &[&i32::try_from(*version).unwrap_or(i32::MAX)],
            )
            .map_err(err)?;
            tx.commit().map_err(err)?;
        }
    }
    Ok(())
}

fn close_to_public(client: &mut postgres::Client, server: &ServerLocation) -> Result<()> {
    let err = |e| map_error(server, e);
    // Only the team's logins connect, and nobody makes temporary objects:
    // made again whenever the owner opens it, since a copy of the database
    // (CREATE DATABASE … TEMPLATE, a restore) starts with the defaults.
    // Only when it is open, and by one client at a time (two grants at
    // once collide); a client that finds the lock taken leaves it to the
    // one holding it (`check` says so if it stays open).
    let (open, ours): (bool, bool) = client
        .query_one(
            &format!(
                "SELECT ({OPEN_HERE}),
                        session_user = (SELECT pg_get_userbyid(datdba) FROM pg_database
                                         WHERE datname = current_database())
                        OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)"
            ),
            &[],
        )
        .and_then(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .map_err(err)?;
    if !(open && ours) {
        return Ok(());
    }
    let locked: bool = client
        .query_one("SELECT pg_try_advisory_lock($1)", &[&MIGRATION_LOCK])
        .and_then(|r| r.try_get(0))
        .map_err(err)?;
    if !locked {
        return Ok(());
    }
    let revoked = client
        .batch_execute(
            "DO $$ BEGIN
                EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC',
                               current_database());
            END $$",
        )
        .map_err(err);
    let unlocked = client
        .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])
        .map_err(err);
    revoked.and(unlocked.map(drop))
}
