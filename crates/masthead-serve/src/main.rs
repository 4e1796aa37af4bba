//! `masthead-serve --db FILE|URL --listen 127.0.0.1:8080 --public-url https://…`

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use masthead_serve::{App, Config, Limits};

/// The contributors' page: each freelancer opens the personal link an
/// editor made (`masthead contributor link NAME`) and, in any browser,
/// reads her briefs, answers offers and sends her drafts.
#[derive(Debug, Parser)]
#[command(name = "masthead-serve", version = masthead_version::LONG)]
struct Args {
    /// The Masthead database: a file, or a team server's postgres:// URL
    /// with the page's own login (`masthead team page-login`).
    #[arg(long, env = "MASTHEAD_DB", value_name = "FILE|URL")]
    db: String,
    /// Where to listen. Keep it on loopback behind a reverse proxy, or give
    /// --tls-cert and --tls-key to serve HTTPS yourself.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDRESS:PORT")]
    listen: SocketAddr,
    /// The address contributors reach this page at, e.g.
    /// https://masthead.example.org: every form must come from it.
    #[arg(long, env = "MASTHEAD_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// A PEM certificate chain, to serve HTTPS.
    #[arg(long, requires = "tls_key", value_name = "FILE")]
    tls_cert: Option<PathBuf>,
    /// Its PEM private key.
    #[arg(long, requires = "tls_cert", value_name = "FILE")]
    tls_key: Option<PathBuf>,
    /// A reverse proxy in front sets X-Forwarded-For (the client's
    /// address for rate limits and the log): only then.
    #[arg(long)]
    behind_proxy: bool,
    /// Connections to a team server (a file has one).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=20))]
    connections: u16,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> anyhow::Result<()> {
    let public_url = args
        .public_url
        .as_deref()
        .map(masthead_core::links::check_public_url)
        .transpose()?;
    let stores = masthead_serve::open_store(&args.db, usize::from(args.connections))?;
    let https = args.tls_cert.is_some()
        || public_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://"));
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some(masthead_serve::tls_acceptor(cert, key)?),
        _ => None,
    };
    let app = App::with_stores(
        stores,
        Config {
            public_url: public_url.clone(),
            secure_cookies: https,
            behind_proxy: args.behind_proxy,
            limits: Limits::default(),
        },
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen)
            .await
            .map_err(|e| anyhow::anyhow!("could not listen on {}: {e}", args.listen))?;
        eprintln!(
            "masthead-serve: contributors' page on {}://{} (public address: {})",
            if tls.is_some() { "https" } else { "http" },
            listener.local_addr()?,
            public_url.as_deref().unwrap_or("the request's own")
        );
        tokio::select! {
            r = masthead_serve::serve(listener, app, tls) => r.map_err(anyhow::Error::from),
            _ = stopped() => {
                eprintln!("masthead-serve: stopping");
                Ok(())
            }
        }
    })
}

/// Ctrl-C, or (from systemd or `kill`) SIGTERM.
async fn stopped() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(t) => t,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
