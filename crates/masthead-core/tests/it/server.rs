//! What only a team server does: connecting (logins, TLS, unreachable
//! hosts, dropped connections), its own migrations, and noticing other
//! connections' commits. Always on the test binary's throwaway cluster.

use masthead_core::Store;
use masthead_pgtest::cluster;

mod attacks;
mod logins;
mod names;
mod page;
mod search;
mod team;
mod values;

fn name_of(url: &str) -> &str {
    url.rsplit('/').next().unwrap().split('?').next().unwrap()
}

fn with_query(url: &str, query: &str) -> String {
    format!("{}?{query}", url.split('?').next().unwrap())
}

#[test]
fn an_empty_database_gets_the_schema_once_even_when_clients_start_together() {
    let url = cluster().empty_database();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || Store::open_location(&url).map(|s| s.schema_version()))
        })
        .collect();
    for h in handles {
        assert_eq!(
            h.join().unwrap().unwrap().unwrap(),
            masthead_core::SCHEMA_VERSION
        );
    }
    let mut admin = cluster().admin(name_of(&url));
    let rows = admin
        .query("SELECT version FROM masthead_schema", &[])
        .unwrap();
    assert_eq!(rows.len(), 1, "one schema row, migrated once");
    let clock = admin.query("SELECT n FROM masthead_clock", &[]).unwrap();
    assert_eq!(clock.len(), 1);
}

#[test]
fn a_database_holding_another_programs_tables_is_refused_untouched() {
    let url = cluster().empty_database();
    let mut admin = cluster().admin(name_of(&url));
    admin
        .batch_execute("CREATE TABLE invoices (id int); INSERT INTO invoices VALUES (7);")
        .unwrap();
    let err = Store::open_location(&url).unwrap_err();
    assert_eq!(err.code(), "not_a_masthead_database", "{err}");
    assert!(
        err.to_string().contains("1 tables of another program"),
        "{err}"
    );
    let tables: i64 = admin
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing was added");
    let id: i32 = admin
        .query_one("SELECT id FROM invoices", &[])
        .unwrap()
        .get(0);
    assert_eq!(id, 7);
}

#[test]
fn a_database_from_a_newer_masthead_is_refused() {
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    cluster()
        .admin(name_of(&url))
        .batch_execute("UPDATE masthead_schema SET version = 99")
        .unwrap();
    let err = Store::open_location(&url).unwrap_err();
    assert_eq!(err.code(), "database_too_new", "{err}");
    assert!(err.to_string().contains("99"), "{err}");
}

#[test]
fn a_wrong_password_and_an_unreachable_server_are_said_in_words() {
    let url = cluster().admin_url("postgres");
    let wrong = url.replace(masthead_pgtest::SUPERUSER_PASSWORD, "not-the-password");
    let err = Store::open_location(&wrong).unwrap_err();
    assert_eq!(err.code(), "login_refused", "{err}");
    assert!(!err.to_string().contains("not-the-password"), "{err}");
    assert!(
        err.to_string().contains(masthead_pgtest::SUPERUSER),
        "{err}"
    );

    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let err = Store::open_location(&format!("postgres://ed:pw@127.0.0.1:{port}/pse")).unwrap_err();
    assert_eq!(err.code(), "server_unreachable", "{err}");
    assert!(
        err.to_string().contains(&format!("127.0.0.1:{port}")),
        "{err}"
    );
    assert!(!err.to_string().contains("pw@"), "{err}");

    let err = Store::open_location(&with_query(&url, "sslmode=sometimes")).unwrap_err();
    assert_eq!(err.code(), "bad_server_address", "{err}");
}

#[test]
fn tls_is_verified_against_the_root_certificate_given() {
    let template = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let root = cluster().root_cert.display().to_string();
    // The server's own certificate is the root: verify-full passes.
    let good = with_query(
        &template,
        &format!("sslmode=verify-full&sslrootcert={root}"),
    );
    let store = Store::open_location(&good).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        masthead_core::SCHEMA_VERSION
    );
    // require encrypts without checking (as libpq does).
    Store::open_location(&with_query(&template, "sslmode=require")).unwrap();

    // Another CA: the certificate does not verify.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.crt");
    let key = dir.path().join("other.key");
    let made = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=someone-else"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&other)
        .output()
        .unwrap();
    assert!(made.status.success());
    let bad = with_query(
        &template,
        &format!("sslmode=verify-full&sslrootcert={}", other.display()),
    );
    let err = Store::open_location(&bad).unwrap_err();
    assert_eq!(err.code(), "tls_refused", "{err}");
    assert!(err.to_string().contains("certificate"), "{err}");

    // A root file that is not there is said, not skipped.
    let missing = with_query(
        &template,
        &format!(
            "sslmode=verify-full&sslrootcert={}",
            dir.path().join("none.crt").display()
        ),
    );
    let err = Store::open_location(&missing).unwrap_err();
    assert_eq!(err.code(), "tls_refused", "{err}");
}

#[test]
fn a_server_without_tls_is_refused_when_tls_is_required() {
    let plain = masthead_pgtest::plain_cluster();
    let url = plain.admin_url("postgres");
    // Asked for TLS, a server without it is refused in words.
    let err = Store::open_location(&with_query(&url, "sslmode=require")).unwrap_err();
    assert_eq!(err.code(), "tls_refused", "{err}");
    assert!(
        err.to_string().contains("refused a secure connection"),
        "{err}"
    );
    let err = Store::open_location(&with_query(&url, "sslmode=verify-full")).unwrap_err();
    assert_eq!(err.code(), "tls_refused", "{err}");
    // prefer falls back to a plain connection, as libpq does.
    let prefer = with_query(&plain.empty_database(), "sslmode=prefer");
    Store::open_location(&prefer).unwrap();
}

#[test]
fn another_connections_commit_is_noticed_and_ones_own_is_not() {
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let mut mine = Store::open_location(&url).unwrap();
    let other = Store::open_location(&url).unwrap();
    let actor = masthead_core::Actor::new("Tess Editor").unwrap();
    let seen = other.data_version().unwrap();
    let mine_before = mine.data_version().unwrap();
    mine.create_publication(
        &actor,
        &masthead_core::model::PublicationInput {
            name: "PSE".into(),
            frequency: String::new(),
            is_print: true,
        },
    )
    .unwrap();
    assert_ne!(
        other.data_version().unwrap(),
        seen,
        "the other window notices"
    );
    assert_eq!(
        mine.data_version().unwrap(),
        mine_before,
        "not one's own commit"
    );
    // Reading moves nothing.
    let seen = other.data_version().unwrap();
    let _ = mine.list_publications().unwrap();
    assert_eq!(other.data_version().unwrap(), seen);
}

#[test]
fn a_dropped_connection_is_made_again_on_the_next_use() {
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let store = Store::open_location(&url).unwrap();
    assert!(store.list_publications().unwrap().is_empty());
    let mut admin = cluster().admin(name_of(&url));
    let killed: i64 = admin
        .query_one(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
              WHERE datname = $1 AND application_name = 'Masthead'",
            &[&name_of(&url)],
        )
        .unwrap()
        .get(0);
    assert_eq!(killed, 1);
    // The next read reconnects by itself: nothing had begun.
    assert!(store.list_publications().unwrap().is_empty());
}

// ----- the team: people, logins and what each may see -----

use masthead_core::model::{Invitation, InviteInput, TeamRole};
use masthead_core::{Actor, Upload};

struct Team {
    url: String,
    admin: Store,
    actor: Actor,
    editor: Invitation,
    hannah: Invitation,
}

/// The demo on a server, with an editor and Hannah Okafor (the demo's
/// writer) invited by the database's owner.
fn team() -> Team {
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let mut admin = Store::open_location(&url).unwrap();
    let actor = Actor::new("Tess Editor").unwrap();
    admin.load_demo(&actor).unwrap();
    let editor = admin
        .invite(
            &actor,
            &InviteInput {
                name: "Ed Itor".into(),
                email: "ed@pse.example".into(),
                role: TeamRole::Editor,
            },
        )
        .unwrap();
    let hannah = admin
        .invite(
            &actor,
            &InviteInput {
                name: "Hannah Okafor".into(),
                email: "Hannah.Okafor@pse.example".into(),
                role: TeamRole::Contributor,
            },
        )
        .unwrap();
    Team {
        url,
        admin,
        actor,
        editor,
        hannah,
    }
}

/// The invitation's address with its password: what the member types in.
fn signed(inv: &Invitation) -> String {
    inv.url.replacen(
        &format!("://{}@", inv.login),
        &format!("://{}:{}@", inv.login, inv.password),
        1,
    )
}

/// A plain PostgreSQL connection as the member: SQL straight to the server,
/// not through Masthead.
fn raw(t: &Team, inv: &Invitation) -> postgres::Client {
    postgres::Client::connect(
        &format!(
            "host=127.0.0.1 port={} user={} password={} dbname={} sslmode=disable",
            cluster().port,
            inv.login,
            inv.password,
            name_of(&t.url)
        ),
        postgres::NoTls,
    )
    .unwrap()
}

fn refused_by_server(result: Result<impl std::fmt::Debug, postgres::Error>, what: &str) {
    let err = result.expect_err(what);
    let code = err.code().map(|c| c.code().to_owned());
    assert_eq!(code.as_deref(), Some("42501"), "{what}: {err}");
}
