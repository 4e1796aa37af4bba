//! `masthead-serve`: the contributors' page. A freelancer opens the personal
//! link an editor sent her, in any browser, and sees her open commissions:
//! reads each brief, accepts or declines an offer, sends her draft and reads
//! the drafts she sent. No account and no password: the link is the key.
//!
//! Shape: `main.rs` reads the command line; [`Server`] accepts connections
//! (HTTP on loopback for a reverse proxy, or HTTPS itself through rustls)
//! with hyper, whose header timeout ends slow clients; `routes` are the
//! handlers (thin: each is one call of the core's link use cases, run on a
//! blocking thread); `guard` keeps sessions, CSRF tokens, the Origin check,
//! rate limits and the security headers; `pages` writes the HTML (every
//! value escaped, the brief's Markdown through the core's sanitising
//! renderer). The store is the core's `Store`, the same use cases as the
//! app's: every call passes the link's token, which the core checks inside
//! its transaction, so a revoked link stops at its next request.

mod guard;
mod pages;
mod routes;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use masthead_core::Store;
use tokio::net::TcpListener;

pub use guard::Limits;

/// How the page is reached and run.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where contributors reach it, e.g. `https://masthead.example.org`:
    /// the origin every form must come from. `None`: the request's own
    /// `Host` (for a page on one office machine).
    pub public_url: Option<String>,
    /// Cookies marked `Secure` (the page is reached over HTTPS, by itself
    /// or behind a proxy).
    pub secure_cookies: bool,
    /// The client's address is the last of `X-Forwarded-For` (only behind
    /// a reverse proxy that sets it: anyone else could forge it).
    pub behind_proxy: bool,
    pub limits: Limits,
}

/// The page's state, shared by every request.
pub struct App {
    /// Connections to the store: one for a file (SQLite writes one at a
    /// time anyway), several on a team server, where her functions lock
    /// only her rows.
    pub(crate) stores: Vec<Mutex<Store>>,
    /// As many as `stores`: a request waits here for a free connection.
    pub(crate) free: Arc<tokio::sync::Semaphore>,
    /// Drafts being read into text at once (each may unpack to 64 MB).
    pub(crate) reading: Arc<tokio::sync::Semaphore>,
    /// Uploads in flight at once, from their first byte to their storing
    /// (each is held in memory, up to 25 MB).
    pub(crate) uploads: Arc<tokio::sync::Semaphore>,
    pub(crate) config: Config,
    pub(crate) guard: guard::Guard,
}

impl App {
    pub fn new(store: Store, config: Config) -> Arc<App> {
        App::with_stores(vec![store], config)
    }

    /// A page over several connections to one team server.
    pub fn with_stores(stores: Vec<Store>, config: Config) -> Arc<App> {
        let guard = guard::Guard::new(config.limits.clone());
        Arc::new(App {
            free: Arc::new(tokio::sync::Semaphore::new(stores.len().max(1))),
            reading: Arc::new(tokio::sync::Semaphore::new(2)),
            uploads: Arc::new(tokio::sync::Semaphore::new(8)),
            stores: stores.into_iter().map(Mutex::new).collect(),
            config,
            guard,
        })
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // A team server's connection closes through a runtime of its own,
        // which may not start on one of tokio's threads: closed on a plain
        // thread, waited for.
        let stores = std::mem::take(&mut self.stores);
        let _ = std::thread::spawn(move || drop(stores)).join();
    }
}

/// Opens the store the page serves: a file as it is (never created), or a
/// team server through the page's own login (`masthead team page-login`),
/// refusing any other login: an editor's would let the page read more
/// than a contributor may.
pub fn open_store(db: &str, connections: usize) -> anyhow::Result<Vec<Store>> {
    if !(db.starts_with("postgres://") || db.starts_with("postgresql://")) {
        return Ok(vec![Store::open_existing(db)?]);
    }
    let first = Store::open_location(db)?;
    if !first.serves_links()? {
        anyhow::bail!(
            "this login is not the contributors' page's: an editor makes one with `masthead --db URL team page-login`, and masthead-serve signs in with that (its password in ~/.pgpass or PGPASSWORD)"
        );
    }
    let mut stores = vec![first];
    for _ in 1..connections.max(1) {
        stores.push(Store::open_location(db)?);
    }
    Ok(stores)
}

/// TLS for serving HTTPS directly.
pub fn tls_acceptor(
    cert: &std::path::Path,
    key: &std::path::Path,
) -> anyhow::Result<tokio_rustls::TlsAcceptor> {
    use anyhow::Context as _;
    let certs = rustls_pemfile::certs(&mut std::io::BufReader::new(
        std::fs::File::open(cert).with_context(|| format!("could not open {}", cert.display()))?,
    ))
    .collect::<Result<Vec<_>, _>>()
    .with_context(|| format!("{} is not a PEM certificate chain", cert.display()))?;
    let key = rustls_pemfile::private_key(&mut std::io::BufReader::new(
        std::fs::File::open(key).with_context(|| format!("could not open {}", key.display()))?,
    ))
    .with_context(|| format!("{} is not a PEM private key", key.display()))?
    .with_context(|| format!("{} holds no private key", key.display()))?;
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .context("the certificate and the key do not go together")?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

/// Accepts connections on `listener` until the task is dropped.
pub async fn serve(
    listener: TcpListener,
    app: Arc<App>,
    tls: Option<tokio_rustls::TlsAcceptor>,
) -> std::io::Result<()> {
    let router = routes::router(app.clone());
    let header_timeout = app.config.limits.header_timeout;
    let connections = Arc::new(tokio::sync::Semaphore::new(app.config.limits.connections));
    // Connections open per address (not behind a proxy, where every
    // connection is the proxy's): one address cannot take every slot.
    let per_address: Arc<std::sync::Mutex<std::collections::HashMap<String, usize>>> =
        Arc::default();
    let cap = app.config.limits.connections_per_address;
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(x) => x,
            // Out of file descriptors or a reset before accept: wait, go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Too many open connections: this one is closed at once.
        let Ok(permit) = connections.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let key = (!app.config.behind_proxy).then(|| guard::address_key(peer.ip()));
        if let Some(key) = &key {
            let mut open = per_address.lock().unwrap_or_else(|e| e.into_inner());
            let n = open.entry(key.clone()).or_insert(0);
            if *n >= cap {
                drop(stream);
                continue;
            }
            *n += 1;
        }
        let counted = key.map(|k| CountedConnection(per_address.clone(), k));
        let router = router.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let _counted = counted;
            let service =
                hyper_util::service::TowerToHyperService::new(tower::ServiceExt::map_request(
                    router,
                    move |mut req: hyper::Request<hyper::body::Incoming>| {
                        req.extensions_mut().insert(Peer(peer));
                        req
                    },
                ));
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .max_buf_size(64 * 1024);
            match tls {
                None => {
                    let _ = http.serve_connection(TokioIo::new(stream), service).await;
                }
                Some(acceptor) => {
                    let Ok(Ok(stream)) =
                        tokio::time::timeout(header_timeout, acceptor.accept(stream)).await
                    else {
                        return;
                    };
                    let _ = http.serve_connection(TokioIo::new(stream), service).await;
                }
            }
        });
    }
}

/// One open connection of an address, counted off when it closes.
struct CountedConnection(
    Arc<std::sync::Mutex<std::collections::HashMap<String, usize>>>,
    String,
);

impl Drop for CountedConnection {
    fn drop(&mut self) {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = open.get_mut(&self.1) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.1);
            }
        }
    }
}

/// The address a connection came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Peer(pub SocketAddr);
