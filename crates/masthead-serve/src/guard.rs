//! What stands between the open internet and the store: sessions (the
//! link's token leaves the address bar for an HttpOnly cookie), a CSRF
//! token per session, the Origin check, rate limits per address and per
//! link, and the headers every response carries.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// The page's limits; the defaults suit one magazine's freelancers.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Requests a second one address may make, on average…
    pub per_address_rate: f64,
    /// …and at once.
    pub per_address_burst: f64,
    /// The same for one link (however many addresses use it).
    pub per_link_rate: f64,
    pub per_link_burst: f64,
    /// Opening links (guessing tokens) from one address: a second…
    pub link_tries_rate: f64,
    pub link_tries_burst: f64,
    /// A client must send its request's headers within this.
    pub header_timeout: Duration,
    /// …a form's body within this…
    pub form_timeout: Duration,
    /// …and a draft's upload within this (25 MB over a slow line).
    pub body_timeout: Duration,
    /// Open connections at once (more are closed at once)…
    pub connections: usize,
    /// …and from one address (not behind a proxy).
    pub connections_per_address: usize,
    /// How long a session lasts (never beyond its link).
    pub session_hours: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_address_rate: 10.0,
            per_address_burst: 40.0,
            per_link_rate: 5.0,
            per_link_burst: 30.0,
            link_tries_rate: 0.2,
            link_tries_burst: 10.0,
            header_timeout: Duration::from_secs(10),
            form_timeout: Duration::from_secs(30),
            body_timeout: Duration::from_secs(600),
            connections: 512,
            connections_per_address: 32,
            session_hours: 12,
        }
    }
}

/// A browser's session: which link let it in.
#[derive(Clone)]
pub(crate) struct Session {
    pub token: String,
    /// Whose page it is, to name when another link is opened over it.
    pub name: String,
    pub csrf: String,
    pub expires: chrono::DateTime<chrono::Utc>,
    /// What the last form did, shown once on the next page.
    pub notice: Option<Notice>,
}

#[derive(Clone, Debug)]
pub(crate) struct Notice {
    pub good: bool,
    pub text: String,
    /// The commission it is about, to show it there.
    pub about: Option<String>,
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

pub(crate) struct Guard {
    limits: Limits,
    sessions: Mutex<HashMap<String, Session>>,
    buckets: Mutex<HashMap<(u8, String), Bucket>>,
}

/// Most sessions kept at once; the oldest expired go first, then new ones
/// are refused until some expire.
const MAX_SESSIONS: usize = 20_000;
const MAX_BUCKETS: usize = 100_000;
const SESSIONS_PER_LINK: usize = 8;

pub(crate) fn random_id() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the system's randomness");
    URL_SAFE_NO_PAD.encode(bytes)
}

impl Guard {
    pub fn new(limits: Limits) -> Guard {
        Guard {
            limits,
            sessions: Mutex::new(HashMap::new()),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// A new session for `token`: its id, or `None` when too many are open.
    pub fn open_session(
        &self,
        token: &str,
        name: &str,
        link_expires: chrono::DateTime<chrono::Utc>,
    ) -> Option<String> {
        let now = chrono::Utc::now();
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        if sessions.len() >= MAX_SESSIONS {
            sessions.retain(|_, s| s.expires > now);
            if sessions.len() >= MAX_SESSIONS {
                return None;
            }
        }
        // One link opens a few browsers (her laptop, her phone…); more,
        // and its oldest session goes, so a leaked link cannot fill the
        // table and keep everyone else out.
        let mine: Vec<(String, chrono::DateTime<chrono::Utc>)> = sessions
            .iter()
            .filter(|(_, s)| s.token == token)
            .map(|(id, s)| (id.clone(), s.expires))
            .collect();
        if mine.len() >= SESSIONS_PER_LINK
            && let Some((oldest, _)) = mine.iter().min_by_key(|(_, e)| *e)
        {
            sessions.remove(oldest);
        }
        let id = random_id();
        sessions.insert(
            id.clone(),
            Session {
                token: token.to_owned(),
                name: name.to_owned(),
                csrf: random_id(),
                expires: link_expires.min(now + chrono::Duration::hours(self.limits.session_hours)),
                notice: None,
            },
        );
        Some(id)
    }

    /// The session `id` names, if it has not expired; its notice is taken.
    pub fn session(&self, id: &str) -> Option<Session> {
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        let s = sessions.get_mut(id)?;
        if s.expires <= chrono::Utc::now() {
            sessions.remove(id);
            return None;
        }
        let out = s.clone();
        s.notice = None;
        Some(out)
    }

    pub fn tell(&self, id: &str, notice: Notice) {
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = sessions.get_mut(id) {
            s.notice = Some(notice);
        }
    }

    pub fn close_session(&self, id: &str) {
        let mut sessions = self.sessions.lock().unwrap_or_else(|e| e.into_inner());
        sessions.remove(id);
    }

    /// Whether one more request of `kind` from `key` is within its rate.
    fn take(&self, kind: u8, key: &str, rate: f64, burst: f64) -> bool {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_BUCKETS {
            // Full buckets are the same as none.
            buckets.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * rate < burst);
            // Still full (addresses by the hundred thousand): forget the
            // addresses, keep the links' (a link's limit outlives any flood
            // of addresses); only if that is not enough, start again.
            if buckets.len() >= MAX_BUCKETS / 2 {
                buckets.retain(|(k, _), _| *k == 1);
            }
            if buckets.len() >= MAX_BUCKETS / 2 {
                buckets.clear();
            }
        }
        let b = buckets.entry((kind, key.to_owned())).or_insert(Bucket {
            tokens: burst,
            at: now,
        });
        b.tokens = (b.tokens + now.duration_since(b.at).as_secs_f64() * rate).min(burst);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    pub fn address_allowed(&self, ip: IpAddr) -> bool {
        let l = &self.limits;
        self.take(0, &address_key(ip), l.per_address_rate, l.per_address_burst)
    }

    pub fn link_allowed(&self, token: &str) -> bool {
        let l = &self.limits;
        // Keyed by a hash: no token is kept in the limiter's memory.
        let key = masthead_core::links::token_hash(token).unwrap_or_default();
        self.take(1, &key, l.per_link_rate, l.per_link_burst)
    }

    /// Opening a link: few a minute from one address, so guessing tokens
    /// (256 bits) stays hopeless and cheap for the store.
    pub fn link_try_allowed(&self, ip: IpAddr) -> bool {
        let l = &self.limits;
        self.take(2, &address_key(ip), l.link_tries_rate, l.link_tries_burst)
    }

    pub fn limits(&self) -> &Limits {
        &self.limits
    }
}

/// Whom a limit counts: an IPv4 address, or an IPv6 address's /64 (one
/// household or office is given a whole /64, and picks any address in it).
pub(crate) fn address_key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// The origin (scheme, host, port) of a public address.
pub(crate) fn origin_of(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let host = rest.split('/').next().unwrap_or("");
    format!("{scheme}://{host}").to_ascii_lowercase()
}

/// The Content-Security-Policy of every page: nothing inline, nothing from
/// elsewhere, forms only to this page, never in a frame.
pub(crate) const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_household_counts_once_and_a_link_keeps_few_sessions() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_key(a), address_key(b));
        assert_ne!(address_key(a), address_key(c));
        assert_eq!(address_key("::ffff:10.0.0.1".parse().unwrap()), "10.0.0.1");

        let g = Guard::new(Limits::default());
        let until = chrono::Utc::now() + chrono::Duration::days(1);
        for _ in 0..=SESSIONS_PER_LINK {
            g.open_session("T", "Hannah", until).unwrap();
        }
        let other = g.open_session("U", "Omar", until).unwrap();
        let count = g
            .sessions
            .lock()
            .unwrap()
            .values()
            .filter(|s| s.token == "T")
            .count();
        assert_eq!(count, SESSIONS_PER_LINK);
        // Another link's session is untouched.
        assert!(g.session(&other).is_some());
    }
}
