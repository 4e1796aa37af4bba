//! Where a team server is: a `postgres://` URL, read the way libpq reads
//! it (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGPASSFILE` or
//! `~/.pgpass`, `sslmode`, `sslrootcert` or `PGSSLROOTCERT`). The password is
//! never shown and never written anywhere by Masthead.

use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Error, Result};

/// How much TLS a connection asks for (libpq's `sslmode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl TlsMode {
    fn parse(text: &str) -> Option<TlsMode> {
        Some(match text {
            "disable" => TlsMode::Disable,
            "allow" | "prefer" => TlsMode::Prefer,
            "require" => TlsMode::Require,
            "verify-ca" => TlsMode::VerifyCa,
            "verify-full" => TlsMode::VerifyFull,
            _ => return None,
        })
    }
}

/// A team server's address, with the login to use on it.
#[derive(Clone)]
pub struct ServerLocation {
    pub(crate) host: String,
    pub(crate) port: u16,
    pub(crate) user: String,
    pub(crate) dbname: String,
    password: Option<String>,
    pub(crate) tls: TlsMode,
    pub(crate) root_cert: Option<PathBuf>,
}

impl std::fmt::Debug for ServerLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self}")
    }
}

impl std::fmt::Display for ServerLocation {
    /// The URL without the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        write!(
            f,
            "postgres://{}@{host}:{}/{}",
            self.user, self.port, self.dbname
        )
    }
}

fn invalid(url: &str, why: &str) -> Error {
    Error::invalid(
        "bad_server_address",
        "db",
        format!(
            "\"{}\" is not a team server address ({why}). Write it as postgres://USER@HOST:5432/DATABASE, adding ?sslmode=verify-full for a server over the internet.",
            redact(url)
        ),
    )
}

/// The URL with any password replaced by `***`, for messages. Whatever
/// stands between the user's name and the last `@` is taken for a password
/// (a `/`, `?` or `#` in it must not let it through), and so is the value
/// of any `password` setting, however its name is written.
fn redact(url: &str) -> String {
    let Some(rest) = url.split_once("://").map(|(_, r)| r) else {
        return url.to_owned();
    };
    let scheme = &url[..url.len() - rest.len()];
    let (before_at, rest) = match rest.rsplit_once('@') {
        Some((userinfo, after)) => match userinfo.split_once(':') {
            Some((user, _)) => (format!("{user}:***@"), after),
            None => (format!("{userinfo}@"), after),
        },
        None => (String::new(), rest),
    };
    let rest = match rest.split_once('?') {
        Some((path, query)) => {
            let query: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((key, _)) if decode(key).eq_ignore_ascii_case("password") => {
                        format!("{key}=***")
                    }
                    _ => pair.to_owned(),
                })
                .collect();
            format!("{path}?{}", query.join("&"))
        }
        None => rest.to_owned(),
    };
    format!("{scheme}{before_at}{rest}")
}

/// Percent-decoded, as libpq reads a URL's parts (a `+` stays a plus).
fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

impl ServerLocation {
    /// Whether `text` names a team server rather than a file.
    pub fn is_server(text: &str) -> bool {
        let lower = text.trim_start().to_ascii_lowercase();
        lower.starts_with("postgres://") || lower.starts_with("postgresql://")
    }

    /// Reads a `postgres://user:password@host:port/database?sslmode=…` URL.
    pub fn parse(url: &str) -> Result<ServerLocation> {
        let url = url.trim();
        let Some((_, rest)) = url.split_once("://").filter(|_| Self::is_server(url)) else {
            return Err(invalid(url, "it does not start with postgres://"));
        };
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        if query.contains('@') {
            // A password with a ? in it: its end would be read as settings
            // (and shown in messages). Say how to write it instead.
            return Err(invalid(
                url,
                "an @ after the ?; write a ?, @ or / in a password as %3F, %40 or %2F",
            ));
        }
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let (user, password) = match userinfo {
            Some(u) => match u.split_once(':') {
                Some((u, p)) => (Some(decode(u)), Some(decode(p))),
                None => (Some(decode(u)), None),
            },
            None => (None, None),
        };
        let (host, port) = if let Some(inner) = hostport.strip_prefix('[') {
            let (h, after) = inner
                .split_once(']')
                .ok_or_else(|| invalid(url, "an IPv6 address lacks its closing ]"))?;
            (
                Some(h.to_owned()),
                after.strip_prefix(':').map(str::to_owned),
            )
        } else {
            match hostport.rsplit_once(':') {
                Some((h, p)) => (Some(decode(h)), Some(p.to_owned())),
                None => (Some(decode(hostport)), None),
            }
        };
        let mut location = ServerLocation {
            host: host
                .filter(|h| !h.is_empty())
                .or_else(|| std::env::var("PGHOST").ok())
                .unwrap_or_else(|| "localhost".into()),
            port: 5432,
            user: user
                .filter(|u| !u.is_empty())
                .or_else(|| std::env::var("PGUSER").ok())
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "postgres".into()),
            dbname: decode(path),
            password,
            tls: TlsMode::Prefer,
            root_cert: std::env::var_os("PGSSLROOTCERT").map(PathBuf::from),
        };
        let port = port.or_else(|| std::env::var("PGPORT").ok());
        if let Some(port) = port.filter(|p| !p.is_empty()) {
            location.port = port
                .parse()
                .map_err(|_| invalid(url, "the port is not a number"))?;
        }
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "sslmode" => {
                    location.tls = TlsMode::parse(&value).ok_or_else(|| {
                        invalid(
                            url,
                            &if value.len() <= 16
                                && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                            {
                                format!("sslmode \"{value}\" is not one of disable, prefer, require, verify-ca, verify-full")
                            } else {
                                "sslmode is not one of disable, prefer, require, verify-ca, verify-full".to_owned()
                            },
                        )
                    })?
                }
                "sslrootcert" => location.root_cert = Some(PathBuf::from(value)),
                "host" => location.host = value,
                "port" => {
                    location.port = value.parse().map_err(|_| {
                        invalid(url, "the port is not a number")
                    })?
                }
                "user" => location.user = value,
                "password" => location.password = Some(value),
                "dbname" => location.dbname = value,
                "connect_timeout" | "application_name" => {}
                other => {
                    return Err(invalid(
                        url,
                        &if other.len() <= 32
                            && other.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        {
                            format!("Masthead does not know the setting \"{other}\"")
                        } else {
                            // Not a setting's name: perhaps a piece of a password.
                            "Masthead does not know one of its settings".to_owned()
                        },
                    ));
                }
            }
        }
        if location.dbname.is_empty() {
            location.dbname = location.user.clone();
        }
        Ok(location)
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    /// The same server and database with another login.
    pub fn with_login(&self, user: &str, password: Option<&str>) -> ServerLocation {
        ServerLocation {
            user: user.to_owned(),
            password: password.map(str::to_owned),
            ..self.clone()
        }
    }

    /// The address to give someone who signs in as `login`: no password,
    /// and the TLS mode when it is not the default.
    pub fn url_for(&self, login: &str) -> String {
        let mut url = self.with_login(login, None).to_string();
        let mut query = Vec::new();
        let mode = match self.tls {
            TlsMode::Disable => Some("disable"),
            TlsMode::Prefer => None,
            TlsMode::Require => Some("require"),
            TlsMode::VerifyCa => Some("verify-ca"),
            TlsMode::VerifyFull => Some("verify-full"),
        };
        if let Some(mode) = mode {
            query.push(format!("sslmode={mode}"));
        }
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.join("&"));
        }
        url
    }

    /// This location with `password` to sign in with.
    pub fn with_password(&self, password: &str) -> ServerLocation {
        ServerLocation {
            password: Some(password.to_owned()),
            ..self.clone()
        }
    }

    /// Keeps `password` for this server, database and login in PostgreSQL's
    /// password file (`PGPASSFILE`, else `~/.pgpass`), replacing the line
    /// for the same four and leaving every other line as it was; the file
    /// is readable by its owner only. Masthead's own settings never hold it.
    pub fn remember_password(&self, password: &str) -> Result<PathBuf> {
        let file = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| dirs::home_dir().map(|h| h.join(".pgpass")))
            .ok_or_else(|| Error::Io {
                path: PathBuf::from("~/.pgpass"),
                source: std::io::Error::other("there is no home folder"),
            })?;
        self.remember_password_in(&file, password)?;
        Ok(file)
    }

    fn remember_password_in(&self, file: &std::path::Path, password: &str) -> Result<()> {
        let file = file.to_path_buf();
        let escape = |s: &str| s.replace('\\', "\\\\").replace(':', "\\:");
        let host = if self.host.starts_with('/') {
            "localhost"
        } else {
            &self.host
        };
        let key = [
            escape(host),
            self.port.to_string(),
            escape(&self.dbname),
            escape(&self.user),
        ];
        let old = std::fs::read_to_string(&file).unwrap_or_default();
        let mut lines: Vec<String> = old
            .lines()
            .filter(|line| {
                let fields = pgpass_fields(line);
                fields.len() != 5
                    || fields[..4] != [host, &self.port.to_string(), &self.dbname, &self.user]
            })
            .map(str::to_owned)
            .collect();
        // The first matching line wins (as libpq reads it), so ours goes first.
        lines.insert(0, format!("{}:{}", key.join(":"), escape(password)));
        let io = |source| Error::Io {
            path: file.clone(),
            source,
        };
        let temp = file.with_extension("masthead-new");
        {
            use std::io::Write;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut out = options.open(&temp).map_err(io)?;
            out.write_all((lines.join("\n") + "\n").as_bytes())
                .map_err(io)?;
            out.sync_all().map_err(io)?;
        }
        std::fs::rename(&temp, &file).map_err(io)?;
        Ok(())
    }

    /// The same server with another database.
    pub fn with_database(&self, dbname: &str) -> ServerLocation {
        ServerLocation {
            dbname: dbname.to_owned(),
            ..self.clone()
        }
    }

    /// The password: given in the URL, else `PGPASSWORD`, else the
    /// password file's line for this server, database and user.
    fn password(&self) -> Option<String> {
        self.password
            .clone()
            .or_else(|| std::env::var("PGPASSWORD").ok())
            .or_else(|| self.password_from_file())
    }

    fn password_from_file(&self) -> Option<String> {
        let file = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| dirs::home_dir().map(|h| h.join(".pgpass")))?;
        let text = std::fs::read_to_string(file).ok()?;
        self.password_in(&text)
    }

    /// This server's password in a password file's `text`.
    fn password_in(&self, text: &str) -> Option<String> {
        let host = if self.host.starts_with('/') {
            "localhost"
        } else {
            &self.host
        };
        let port = self.port.to_string();
        let wanted = [host, port.as_str(), &self.dbname, &self.user];
        text.lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .find_map(|line| {
                let fields = pgpass_fields(line);
                if fields.len() != 5 {
                    return None;
                }
                let matches = fields[..4]
                    .iter()
                    .zip(wanted)
                    .all(|(f, w)| f == "*" || f == w);
                matches.then(|| fields[4].clone())
            })
    }

    /// Opens a connection, with TLS as `sslmode` asks.
    pub(crate) fn connect(&self) -> Result<postgres::Client> {
        let mut config = postgres::Config::new();
        config
            .host(&self.host)
            .port(self.port)
            .user(&self.user)
            .dbname(&self.dbname)
            .application_name("Masthead")
            .connect_timeout(Duration::from_secs(10))
            // A half-open connection is noticed in about half a minute, not hours.
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(20))
            .tcp_user_timeout(Duration::from_secs(30))
            // Nobody waits forever: for the write lock (then "busy, try
            // again"), for one statement, or on a transaction left open.
            // Statements are prepared once and planned once: every query
            // filters by ids of even selectivity, so a generic plan is as
            // good as a custom one and saves ~1 ms of planning per screen.
            .options(
                "-c lock_timeout=20s -c statement_timeout=300s -c idle_in_transaction_session_timeout=600s -c plan_cache_mode=force_generic_plan",
            );
        if let Some(password) = self.password() {
            config.password(password);
        }
        let result = match self.tls {
            TlsMode::Disable => {
                config.ssl_mode(postgres::config::SslMode::Disable);
                config.connect(postgres::NoTls)
            }
            mode => {
                let connector = super::tls::connector(self)?;
                config.ssl_mode(if mode == TlsMode::Prefer {
                    postgres::config::SslMode::Prefer
                } else {
                    postgres::config::SslMode::Require
                });
                config.connect(connector)
            }
        };
        result.map_err(|e| self.connect_error(e))
    }

    fn connect_error(&self, e: postgres::Error) -> Error {
        if e.as_db_error().is_some() {
            return super::map_error(self, e);
        }
        let detail = std::error::Error::source(&e)
            .map(|s| s.to_string())
            .unwrap_or_else(|| e.to_string());
        let lower = detail.to_lowercase();
        if lower.contains("tls") || lower.contains("certificate") || lower.contains("ssl") {
            Error::TlsRefused {
                server: self.to_string(),
                detail,
            }
        } else if lower.contains("password") {
            Error::LoginRefused {
                server: self.to_string(),
                user: self.user.clone(),
                detail,
            }
        } else {
            Error::ServerUnreachable {
                server: self.to_string(),
                detail,
            }
        }
    }
}

/// One line of a password file: five fields split at unescaped colons.
fn pgpass_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(f)) = (chars.next(), fields.last_mut()) {
                    f.push(next);
                }
            }
            ':' => fields.push(String::new()),
            c => {
                if let Some(f) = fields.last_mut() {
                    f.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_gives_its_parts_and_never_shows_the_password() {
        let l = ServerLocation::parse(
            "postgres://ed%40pse:s3cret@db.example.org:6543/pse?sslmode=verify-full",
        )
        .unwrap();
        assert_eq!(l.user, "ed@pse");
        assert_eq!(l.host, "db.example.org");
        assert_eq!(l.port, 6543);
        assert_eq!(l.dbname, "pse");
        assert_eq!(l.tls, TlsMode::VerifyFull);
        assert_eq!(l.to_string(), "postgres://ed@pse@db.example.org:6543/pse");
        assert!(!format!("{l:?}").contains("s3cret"));
        let err = ServerLocation::parse("postgres://ed:s3cret@db/pse?sslmode=maybe").unwrap_err();
        assert!(!err.to_string().contains("s3cret"), "{err}");
        let err = ServerLocation::parse("postgres://ed@db/pse?password=s3cret&sslmode=maybe")
            .unwrap_err();
        assert!(!err.to_string().contains("s3cret"), "{err}");
        assert!(err.to_string().contains("sslmode"), "{err}");
        assert_eq!(err.code(), "bad_server_address");
        for hostile in [
            "postgres://ed@db/pse?Password=s3cret&nope=1",
            "postgres://ed@db/pse?pass%77ord=s3cret&nope=1",
            "postgres://ed:pa/s3cret@db/pse",
            "postgres://ed:pa?s3cret@db/pse",
            "postgres://ed:s3cret:99@db/pse?nope=1",
            "postgres://ed:x?sslmode=s3cret@db/pse",
            "postgres://ed:x?s3cret=1@db/pse",
            "postgres://ed:5432?s3cret=1@db/pse",
        ] {
            let err = ServerLocation::parse(hostile).unwrap_err();
            assert!(!err.to_string().contains("s3cret"), "{hostile}: {err}");
        }
        // The forms libpq reads: a socket host, an empty host, a plus.
        let l = ServerLocation::parse("postgres://ed@/pse?host=/var/run/postgresql").unwrap();
        assert_eq!(
            (l.host.as_str(), l.dbname.as_str()),
            ("/var/run/postgresql", "pse")
        );
        let l = ServerLocation::parse("postgres://ed:p+w%23@%2Fsock:5433/a%20b").unwrap();
        assert_eq!(
            (l.host.as_str(), l.port, l.dbname.as_str()),
            ("/sock", 5433, "a b")
        );
        assert_eq!(l.password.as_deref(), Some("p+w#"));
    }

    #[test]
    fn a_remembered_password_replaces_its_own_line_only_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(&file, "# mine\nother:5432:*:ed:keep\ndb:5432:pse:ed:old\n").unwrap();
        let l = ServerLocation::parse("postgres://ed@db:5432/pse").unwrap();
        l.remember_password_in(&file, "new:pw").unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(
            text,
            "db:5432:pse:ed:new\\:pw\n# mine\nother:5432:*:ed:keep\n"
        );
        assert_eq!(l.password_in(&text).as_deref(), Some("new:pw"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn the_password_file_is_read_as_libpq_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(
            &file,
            "# comment\nother:5432:*:ed:wrong\ndb:5432:pse:ed:pa\\:ss\n*:*:*:*:fallback\n",
        )
        .unwrap();
        let fields = pgpass_fields("db:5432:pse:ed:pa\\:ss");
        assert_eq!(fields, ["db", "5432", "pse", "ed", "pa:ss"]);
        let text = std::fs::read_to_string(&file).unwrap();
        let l = ServerLocation::parse("postgres://ed@db:5432/pse").unwrap();
        assert_eq!(l.password_in(&text).as_deref(), Some("pa:ss"));
        let other = ServerLocation::parse("postgres://ed@other:5432/x").unwrap();
        assert_eq!(other.password_in(&text).as_deref(), Some("wrong"));
        let anyone = ServerLocation::parse("postgres://amy@db:5432/pse").unwrap();
        assert_eq!(anyone.password_in(&text).as_deref(), Some("fallback"));
    }
}
