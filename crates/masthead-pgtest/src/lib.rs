//! A throwaway PostgreSQL cluster for tests, from Debian's `postgresql`
//! package: `initdb` in a temporary folder (as the `postgres` system user
//! when the tests run as root, since PostgreSQL refuses to run as root),
//! listening on a free loopback port with password logins and TLS (a
//! self-signed certificate made with `openssl`), `fsync=off`. One cluster
//! per test binary, started on first use; each test gets its own database,
//! copied from a template the first caller migrates. A watchdog stops the
//! cluster and deletes its folder when the test binary exits.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};

/// The cluster's superuser and its password (logins over TCP need one).
pub const SUPERUSER: &str = "masthead_admin";
pub const SUPERUSER_PASSWORD: &str = "admin-pw";

pub struct Cluster {
    pub dir: PathBuf,
    pub port: u16,
    /// The CA file that signs the server's certificate.
    pub root_cert: PathBuf,
    template: Mutex<Option<String>>,
    next: AtomicU32,
}

/// Whether the tests of a binary were asked to run on PostgreSQL.
pub fn wanted() -> bool {
    std::env::var("MASTHEAD_TEST_STORE").is_ok_and(|v| v == "postgres")
}

/// The test binary's cluster, started on first use.
pub fn cluster() -> &'static Cluster {
    static CLUSTER: OnceLock<Cluster> = OnceLock::new();
    CLUSTER.get_or_init(|| Cluster::start(true).unwrap_or_else(|e| panic!("{e}")))
}

/// A second cluster without TLS, for what a client does when it requires
/// TLS and the server has none.
pub fn plain_cluster() -> &'static Cluster {
    static CLUSTER: OnceLock<Cluster> = OnceLock::new();
    CLUSTER.get_or_init(|| Cluster::start(false).unwrap_or_else(|e| panic!("{e}")))
}

fn bin_dir() -> Result<PathBuf, String> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path().join("bin")))
                .collect()
        })
        .unwrap_or_default();
    versions.retain(|p| p.join("initdb").is_file());
    versions.sort();
    versions.pop().ok_or_else(|| {
        "PostgreSQL's server is not installed: apt-get install postgresql (./scripts/test does this)"
            .to_owned()
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A command run as the `postgres` user when we are root.
fn as_owner(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn run(mut command: Command, what: &str) -> Result<(), String> {
    let out = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("{what}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

impl Cluster {
    fn start(tls: bool) -> Result<Cluster, String> {
        let bin = bin_dir()?;
        let dir = tempfile::Builder::new()
            .prefix("masthead-pg-")
            .tempdir()
            .map_err(|e| e.to_string())?
            .keep();
        let data = dir.join("data");
        let pwfile = dir.join("pw");
        std::fs::write(&pwfile, SUPERUSER_PASSWORD).map_err(|e| e.to_string())?;
        // A CA, and the server's certificate it signs, for 127.0.0.1 and localhost.
        let ca = dir.join("ca.crt");
        let ca_key = dir.join("ca.key");
        let cert = dir.join("server.crt");
        let key = dir.join("server.key");
        let csr = dir.join("server.csr");
        let ext = dir.join("server.ext");
        std::fs::write(&ext, "subjectAltName=DNS:localhost,IP:127.0.0.1\n")
            .map_err(|e| e.to_string())?;
        let openssl = |args: &[&str], paths: &[(&str, &Path)]| {
            let mut c = Command::new("openssl");
            c.args(args);
            for (flag, path) in paths {
                c.arg(flag).arg(path);
            }
            c
        };
        run(
            openssl(
                &[
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                    "/CN=Masthead test CA",
                ],
                &[("-keyout", &ca_key), ("-out", &ca)],
            ),
            "openssl req (the test CA)",
        )?;
        run(
            openssl(
                &[
                    "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                ],
                &[("-keyout", &key), ("-out", &csr)],
            ),
            "openssl req (the server's key)",
        )?;
        run(
            openssl(
                &["x509", "-req", "-days", "2", "-CAcreateserial"],
                &[
                    ("-in", &csr),
                    ("-CA", &ca),
                    ("-CAkey", &ca_key),
                    ("-extfile", &ext),
                    ("-out", &cert),
                ],
            ),
            "openssl x509 (the server's certificate)",
        )?;
        if is_root() {
            run(
                {
                    let mut c = Command::new("chown");
                    c.args(["-R", "postgres:postgres"]).arg(&dir);
                    c
                },
                "chown",
            )?;
        }
        run(
            {
                let mut c = as_owner(&bin.join("initdb"));
                c.arg("-D")
                    .arg(&data)
                    .args(["-U", SUPERUSER, "-E", "UTF8", "--no-locale", "--no-sync"])
                    .args(["--auth-local=trust", "--auth-host=scram-sha-256"])
                    .arg(format!("--pwfile={}", pwfile.display()));
                c
            },
            "initdb",
        )?;
        let port = free_port()?;
        let ssl = if tls {
            format!(
                " -c ssl=on -c ssl_cert_file={} -c ssl_key_file={}",
                cert.display(),
                key.display()
            )
        } else {
            " -c ssl=off".to_owned()
        };
        let options = format!(
            "-k {dir} -c listen_addresses=127.0.0.1 -p {port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200{ssl}",
            dir = dir.display(),
        );
        run(
            {
                let mut c = as_owner(&bin.join("pg_ctl"));
                c.arg("-D")
                    .arg(&data)
                    .arg("-o")
                    .arg(&options)
                    .arg("-l")
                    .arg(dir.join("log"))
                    .args(["start", "-w", "-t", "60"]);
                c
            },
            "pg_ctl start",
        )?;
        watchdog(&bin, &dir, &data);
        let cluster = Cluster {
            root_cert: ca,
            dir,
            port,
            template: Mutex::new(None),
            next: AtomicU32::new(0),
        };
        // Set up as README asks of a team's server: the `postgres`
        // database is not open to every login.
        cluster
            .admin("postgres")
            .batch_execute("REVOKE CONNECT, TEMPORARY ON DATABASE postgres, template1 FROM PUBLIC")
            .map_err(|e| format!("closing the postgres database: {e}"))?;
        Ok(cluster)
    }

    /// A URL for `database` as the superuser.
    pub fn admin_url(&self, database: &str) -> String {
        format!(
            "postgres://{SUPERUSER}:{SUPERUSER_PASSWORD}@127.0.0.1:{}/{database}?sslmode=disable",
            self.port
        )
    }

    /// A connection as the superuser, for setting up and checking.
    pub fn admin(&self, database: &str) -> postgres::Client {
        postgres::Client::connect(
            &format!(
                "host=127.0.0.1 port={} user={SUPERUSER} password={SUPERUSER_PASSWORD} dbname={database} sslmode=disable",
                self.port
            ),
            postgres::NoTls,
        )
        .unwrap_or_else(|e| panic!("connecting to the test cluster: {e}"))
    }

    /// A new, empty database; its URL as the superuser.
    pub fn empty_database(&self) -> String {
        let name = self.database_name();
        self.admin("postgres")
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE template0"))
            .unwrap_or_else(|e| panic!("CREATE DATABASE: {e}"));
        self.admin_url(&name)
    }

    /// A new database already holding Masthead's schema, copied from a
    /// template that `migrate` (given the template's URL) makes once.
    pub fn database(&self, migrate: impl FnOnce(&str)) -> String {
        let template = {
            let mut template = self.template.lock().unwrap_or_else(|e| e.into_inner());
            match &*template {
                Some(name) => name.clone(),
                None => {
                    let url = self.empty_database();
                    migrate(&url);
                    let name = url
                        .rsplit('/')
                        .next()
                        .and_then(|n| n.split('?').next())
                        .unwrap_or_default()
                        .to_owned();
                    *template = Some(name.clone());
                    name
                }
            }
        };
        let name = self.database_name();
        // CREATE DATABASE … TEMPLATE waits for nobody: retry while the
        // template's last connection is still closing.
        let mut admin = self.admin("postgres");
        for attempt in 0.. {
            match admin.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}")) {
                Ok(()) => break,
                Err(e) if attempt < 50 => {
                    let _ = e;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => panic!("CREATE DATABASE {name} TEMPLATE {template}: {e}"),
            }
        }
        self.admin_url(&name)
    }

    fn database_name(&self) -> String {
        format!(
            "t{}_{}",
            std::process::id(),
            self.next.fetch_add(1, Ordering::Relaxed)
        )
    }
}

/// Stops the cluster (immediately) and deletes its folder once this test
/// binary has exited, however it exits.
fn watchdog(bin: &Path, dir: &Path, data: &Path) {
    let pg_ctl = bin.join("pg_ctl");
    let stop = if is_root() {
        format!(
            "runuser -u postgres -- '{}' -D '{}' stop -m immediate",
            pg_ctl.display(),
            data.display()
        )
    } else {
        format!(
            "'{}' -D '{}' stop -m immediate",
            pg_ctl.display(),
            data.display()
        )
    };
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {stop} >/dev/null 2>&1; rm -rf '{dir}'",
        pid = std::process::id(),
        dir = dir.display()
    );
    let _ = Command::new("sh")
        .arg("-c")
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
}
