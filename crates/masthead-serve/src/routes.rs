//! The handlers: each reads its request, asks the guard, makes one call of
//! the core's link use cases on a blocking thread, and answers with a page
//! or a redirect. Every response carries the security headers and is
//! logged with its outcome (never a token).

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use masthead_core::model::AssignmentId;
use masthead_core::{Error, PreparedDraft, Upload};

use crate::guard::{CSP, Notice, Session, origin_of};
use crate::pages;
use crate::{App, Peer};

const COOKIE: &str = "mh_session";
/// A draft's file (the app's 25 MB) and the form around it.
const UPLOAD_LIMIT: usize = masthead_core::MAX_FILE_BYTES as usize + 64 * 1024;
/// Any other form: a few short fields.
const FORM_LIMIT: usize = 8 * 1024;

pub(crate) fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/l/{token}", get(open_link).post(switch_link))
        .route("/answer", post(answer))
        .route(
            "/draft",
            post(send_draft).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/draft/{assignment}/{version}", get(read_draft))
        .route("/signout", post(sign_out))
        .route("/static/app.css", get(css))
        .route("/static/app.js", get(js))
        .route("/static/icon.svg", get(icon))
        .route("/favicon.ico", get(icon))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(FORM_LIMIT))
        .layer(middleware::from_fn_with_state(app.clone(), gatekeeper))
        .with_state(app)
}

/// The client's address: the connection's, or behind a trusted proxy the
/// last address it added to `X-Forwarded-For`.
fn client(app: &App, req: &Request) -> Option<IpAddr> {
    let peer = req.extensions().get::<Peer>().map(|p| p.0.ip());
    if app.config.behind_proxy {
        let forwarded = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .next_back()
            .and_then(|v| v.trim().parse::<IpAddr>().ok());
        // Only the last entry is the proxy's; one it did not write as an
        // address (a port, "unknown") is no reason to trust an earlier one.
        return forwarded.or(peer);
    }
    peer
}

/// A path as the log shows it: anything after `/l/`, and any run of 40 or
/// more characters a token is made of (a link mistyped, `/L/…`, `/%6C/…`),
/// as `…`; at most 120 characters.
fn redacted(path: &str) -> String {
    let path = match path.find("/l/") {
        Some(at) => &path[..at + 3],
        None => path,
    };
    let mut out = String::new();
    let mut run = String::new();
    let token_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '%';
    for c in path.chars().chain(std::iter::once('/')) {
        if token_char(c) {
            run.push(c);
            continue;
        }
        out.push_str(if run.len() >= 40 { "…" } else { &run });
        run.clear();
        out.push(c);
    }
    out.pop();
    if out.ends_with("/l/") {
        out.push('…');
    }
    out.chars().take(120).collect()
}

/// Every request: the address's rate, the headers, the log.
async fn gatekeeper(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let ip = client(&app, &req);
    let method = req.method().clone();
    // The token never reaches the log.
    let path = redacted(req.uri().path());
    // No deadline around the handler: a store call once begun is seen
    // through (a write must not be reported lost after it was saved);
    // reading a request's body has its own (`read_form`, `send_draft`).
    let mut response = match ip {
        Some(ip) if !app.guard.address_allowed(ip) => too_many(),
        _ => next.run(req).await,
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Not "no-referrer": with it a browser sends `Origin: null` on this
    // page's own forms, which the Origin check must refuse. No address
    // of the page goes to another site either way. (The link's own page
    // sets "no-referrer": its address is the token.)
    h.entry(header::REFERRER_POLICY)
        .or_insert(HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    if app.config.secure_cookies {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    eprintln!(
        "{} {} {method} {path} {} {}ms",
        chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ"),
        ip.map(|i| i.to_string()).unwrap_or_else(|| "-".into()),
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}

fn too_many() -> Response {
    let mut r = pages::message(
        StatusCode::TOO_MANY_REQUESTS,
        "Too many requests",
        "This page had too many requests from you in a short time. Wait a minute, then try again.",
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    r
}

/// A core refusal as a status and a page in words; nothing internal
/// (SQL, paths, stack traces) ever reaches the browser.
fn refusal(err: &Error) -> Response {
    let code = err.code();
    let (status, title, text): (StatusCode, &str, String) = match (err, code) {
        (_, "link_unknown") => (StatusCode::FORBIDDEN, "This link does not open a page", err.to_string()),
        (_, "link_revoked" | "link_expired") => (StatusCode::GONE, "This link no longer works", err.to_string()),
        (Error::NotFound { .. }, _) => (
            StatusCode::NOT_FOUND,
            "Not found",
            "That commission or draft is not on your page (it may have been withdrawn). Go back to your page to see what is there now.".into(),
        ),
        (Error::Conflict(_), _) => (
            StatusCode::CONFLICT,
            "This changed meanwhile",
            "The magazine changed this commission after your page showed it. Look at it again on your page, then answer.".into(),
        ),
        (Error::Duplicate { .. }, _) => (StatusCode::CONFLICT, "Already received", err.to_string()),
        (Error::Invalid { .. } | Error::Draft(_), _) => {
            (StatusCode::UNPROCESSABLE_ENTITY, "That could not be saved", err.to_string())
        }
        (Error::Locked { .. } | Error::ServerBusy { .. }, _) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "Busy",
            "The magazine's database is busy. Nothing was saved: try again in a moment.".into(),
        ),
        _ => {
            eprintln!("error: {code}: {err}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "Nothing was saved. Try again in a moment; if it keeps happening, tell the editor who sent your link.".into(),
            )
        }
    };
    if code.starts_with("link_") {
        pages::message(status, title, &text)
    } else {
        pages::refused(status, title, &text)
    }
}

/// Runs `f` on the store on a blocking thread.
async fn with_store<T: Send + 'static>(
    app: &Arc<App>,
    f: impl FnOnce(&mut masthead_core::Store) -> masthead_core::Result<T> + Send + 'static,
) -> Result<T, Response> {
    // The permit goes with the call to its thread: a connection counts as
    // free only once the call on it has ended, whatever the request did.
    let Ok(free) = app.free.clone().acquire_owned().await else {
        return Err(refusal(&Error::Unexpected("the page is stopping".into())));
    };
    let app = app.clone();
    tokio::task::spawn_blocking(move || {
        let _free = free;
        // A permit is held, so one of the connections is free.
        let mut store = app
            .stores
            .iter()
            .find_map(|m| match m.try_lock() {
                Ok(s) => Some(s),
                Err(std::sync::TryLockError::Poisoned(e)) => Some(e.into_inner()),
                Err(std::sync::TryLockError::WouldBlock) => None,
            })
            .unwrap_or_else(|| app.stores[0].lock().unwrap_or_else(|e| e.into_inner()));
        f(&mut store)
    })
    .await
    .map_err(|_| refusal(&Error::Unexpected("the store's thread stopped".into())))?
    .map_err(|e| refusal(&e))
}

fn cookie_value(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
}

/// A refusal's page, boxed (a response is large; the good path is not).
pub(crate) struct Refused(Box<Response>);

impl From<Response> for Refused {
    fn from(r: Response) -> Self {
        Refused(Box::new(r))
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        *self.0
    }
}

/// The browser's session, or the page that says how to get one.
fn session(app: &App, headers: &HeaderMap) -> Result<(String, Session), Refused> {
    let lost = || {
        Refused::from(pages::message(
            StatusCode::UNAUTHORIZED,
            "Open your link again",
            "This page opens from the personal link in the magazine's email, and a browser stays signed in for 12 hours at most. Open that link again (it works until it expires); if you cannot find it, ask the editor who sent it.",
        ))
    };
    let id = cookie_value(headers).ok_or_else(lost)?;
    let s = app.guard.session(&id).ok_or_else(lost)?;
    if !app.guard.link_allowed(&s.token) {
        return Err(too_many().into());
    }
    Ok((id, s))
}

/// A form must come from this page: its Origin (when the browser sends
/// one) is this page's, and it carries the session's CSRF token.
fn same_site(
    app: &App,
    headers: &HeaderMap,
    s: &Session,
    csrf: Option<&str>,
) -> Result<(), Refused> {
    let refused = |why: &str| {
        eprintln!("refused a form: {why}");
        Refused::from(pages::message(
            StatusCode::FORBIDDEN,
            "Refused",
            "This form did not come from your page. Open your page again and use its buttons.",
        ))
    };
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return Err(refused(&format!("Sec-Fetch-Site {site}")));
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let expected = match &app.config.public_url {
            Some(url) => origin_of(url),
            None => {
                let host = headers
                    .get(header::HOST)
                    .and_then(|h| h.to_str().ok())
                    .unwrap_or("");
                let scheme = if app.config.secure_cookies {
                    "https"
                } else {
                    "http"
                };
                format!("{scheme}://{host}").to_ascii_lowercase()
            }
        };
        if origin.to_str().map(|o| o.to_ascii_lowercase()).ok() != Some(expected.clone()) {
            return Err(refused(&format!("Origin {origin:?}, not {expected}")));
        }
    }
    match csrf {
        Some(c) if masthead_core::links::same_hash(c, &s.csrf) => Ok(()),
        _ => Err(refused("no CSRF token, or not this session's")),
    }
}

fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response()
}

/// The link from the email: checked, exchanged for a session cookie, and
/// left behind (the next page's address holds no token).
async fn open_link(
    State(app): State<Arc<App>>,
    Path(token): Path<String>,
    req: Request,
) -> Response {
    if let Some(ip) = client(&app, &req)
        && !app.guard.link_try_allowed(ip)
    {
        return too_many();
    }
    // Text no link could hold asks no store.
    if masthead_core::links::token_hash(&token).is_none() {
        return pages::message(
            StatusCode::FORBIDDEN,
            "This link does not open a page",
            "This link does not open any page. Check that you copied the whole address from the email, or ask the editor who sent it for a new link.",
        );
    }
    let t = token.clone();
    let visitor = match with_store(&app, move |s| s.visit(&t)).await {
        Ok(v) => v,
        Err(r) => return r.into_response(),
    };
    // This browser shows someone else's page: opening this link over it
    // asks first, by a form of that page (a site that sends her to another
    // contributor's link must not swap whose page she sends drafts to).
    if let Some(current) = cookie_value(req.headers()).and_then(|id| app.guard.session(&id))
        && current.token != token
    {
        return pages::switch(&current.name, &visitor.name, &token, &current.csrf);
    }
    entered(&app, &token, &visitor)
}

/// A session for `token`'s contributor: the page that sets its cookie.
fn entered(app: &App, token: &str, visitor: &masthead_core::model::Visitor) -> Response {
    let Some(id) = app
        .guard
        .open_session(token, &visitor.name, visitor.expires_at)
    else {
        return too_many();
    };
    let secure = if app.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let mut r = pages::enter(&visitor.name);
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&format!(
            "{COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict{secure}"
        ))
        .expect("an id is ASCII"),
    );
    r
}

/// "Open her page instead": the form of the page this browser showed, with
/// its CSRF token, swaps the session for the link's.
async fn switch_link(
    State(app): State<Arc<App>>,
    Path(token): Path<String>,
    req: Request,
) -> Response {
    let (sid, _, _) = match posted(&app, req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let t = token.clone();
    let visitor = match with_store(&app, move |s| s.visit(&t)).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    app.guard.close_session(&sid);
    entered(&app, &token, &visitor)
}

async fn home(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    let (_, s) = match session(&app, &headers) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    let token = s.token.clone();
    match with_store(&app, move |st| st.contributor_page(&token)).await {
        Ok(page) => pages::home(&page, &s.csrf, s.notice.as_ref()),
        Err(r) => r,
    }
}

/// A form's fields, read after the session is known, within the form's
/// size and the body's deadline.
async fn read_form(app: &App, body: Body) -> Result<Vec<(String, String)>, Response> {
    let deadline = app.guard.limits().form_timeout;
    match tokio::time::timeout(deadline, axum::body::to_bytes(body, FORM_LIMIT)).await {
        Err(_) => Err(slow()),
        Ok(Err(_)) => Err(pages::refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            "That form was too large",
            "Go back to your page and use its buttons again.",
        )),
        Ok(Ok(bytes)) => Ok(form_urlencoded::parse(&bytes).into_owned().collect()),
    }
}

fn slow() -> Response {
    pages::refused(
        StatusCode::REQUEST_TIMEOUT,
        "That took too long",
        "The page stopped waiting for your browser to send it. Check your connection and try again; nothing was saved.",
    )
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A posted form of her page: its session, then (and only then) its
/// fields, from this page with this session's CSRF token.
async fn posted(
    app: &App,
    req: Request,
) -> Result<(String, Session, Vec<(String, String)>), Response> {
    let (parts, body) = req.into_parts();
    let (sid, s) = session(app, &parts.headers).map_err(IntoResponse::into_response)?;
    let fields = read_form(app, body).await?;
    same_site(app, &parts.headers, &s, field(&fields, "csrf"))
        .map_err(IntoResponse::into_response)?;
    Ok((sid, s, fields))
}

fn bad_form() -> Response {
    pages::refused(
        StatusCode::BAD_REQUEST,
        "That form was incomplete",
        "Go back to your page and use its buttons again.",
    )
}

async fn answer(State(app): State<Arc<App>>, req: Request) -> Response {
    let (sid, s, fields) = match posted(&app, req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some(id) = field(&fields, "assignment").and_then(AssignmentId::parse) else {
        return bad_form();
    };
    // The version her page showed: an answer to something she did not see
    // is no answer.
    let Some(seen) = field(&fields, "version").and_then(|v| v.parse::<u32>().ok()) else {
        return bad_form();
    };
    let accept = match field(&fields, "answer") {
        Some("accept") => true,
        Some("decline") => false,
        _ => return bad_form(),
    };
    let token = s.token.clone();
    match with_store(&app, move |st| {
        st.answer_through_link(&token, id, Some(seen), accept)
    })
    .await
    {
        Ok(a) => {
            let text = if accept {
                format!(
                    "You accepted “{}”. Thank you: send your draft here when it is ready.",
                    a.article_title
                )
            } else {
                format!(
                    "You declined “{}”. The editor can see your answer.",
                    a.article_title
                )
            };
            app.guard.tell(
                &sid,
                Notice {
                    good: true,
                    text,
                    about: Some(id.to_string()),
                },
            );
            see_other("/")
        }
        Err(r) => r,
    }
}

/// The name a browser gave the file, as text to show and store: its last
/// part only (never a folder), without control characters, not too long.
/// The store never uses it as a path; the extension says the kind.
fn clean_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control()).collect();
    let clean = clean.trim();
    if clean.chars().count() <= 120 {
        return clean.to_owned();
    }
    let (stem, ext) = clean.rsplit_once('.').unwrap_or((clean, ""));
    let stem: String = stem.chars().take(100).collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{}", ext.chars().take(10).collect::<String>())
    }
}

async fn send_draft(State(app): State<Arc<App>>, req: Request) -> Response {
    let headers = req.headers().clone();
    let (sid, s) = match session(&app, &headers) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    // Checked before the body is read, then again with its token.
    if let Err(r) = same_site(&app, &headers, &s, Some(&s.csrf)) {
        return r.into_response();
    }
    // A place for this upload before its first byte is read (the rest
    // wait their turn, unread), held until it is stored: uploads in memory
    // stay few whatever arrives.
    let waited = tokio::time::timeout(
        std::time::Duration::from_secs(60),
        app.uploads.clone().acquire_owned(),
    )
    .await;
    let Ok(Ok(_uploading)) = waited else {
        let mut r = pages::refused(
            StatusCode::SERVICE_UNAVAILABLE,
            "Many drafts are arriving",
            "Many drafts are arriving at this moment, so yours was not taken. Send it again in a minute.",
        );
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        return r;
    };
    let mut form = match Multipart::from_request(req, &()).await {
        Ok(f) => f,
        Err(_) => return bad_form(),
    };
    let read = async {
        let (mut csrf, mut assignment, mut upload) = (None, None, None);
        loop {
            let next = match form.next_field().await {
                Ok(Some(f)) => f,
                Ok(None) => break,
                Err(e) => return Err(multipart_refusal(e.status())),
            };
            match next.name() {
                Some("csrf") => csrf = next.text().await.ok(),
                Some("assignment") => assignment = next.text().await.ok(),
                Some("file") => {
                    let name = clean_file_name(next.file_name().unwrap_or(""));
                    match next.bytes().await {
                        Ok(bytes) => {
                            upload = Some(Upload {
                                name,
                                bytes: Vec::from(bytes),
                            })
                        }
                        Err(e) => return Err(multipart_refusal(e.status())),
                    }
                }
                _ => {}
            }
        }
        Ok((csrf, assignment, upload))
    };
    let (csrf, assignment, upload) =
        match tokio::time::timeout(app.guard.limits().body_timeout, read).await {
            Err(_) => return slow(),
            Ok(Err(r)) => return r,
            Ok(Ok(x)) => x,
        };
    if let Err(r) = same_site(&app, &headers, &s, csrf.as_deref()) {
        return r.into_response();
    }
    let Some(id) = assignment.as_deref().and_then(AssignmentId::parse) else {
        return bad_form();
    };
    let Some(upload) = upload.filter(|u| !u.name.is_empty() || !u.bytes.is_empty()) else {
        app.guard.tell(
            &sid,
            Notice {
                good: false,
                text: "Choose your draft's file first (.docx, .odt, .md or .txt), then send it."
                    .into(),
                about: Some(id.to_string()),
            },
        );
        return see_other("/");
    };
    // Read into text off the store's lock, a few at a time (a big .docx
    // takes a moment and its unpacked text memory).
    let Ok(reading) = app.reading.clone().acquire_owned().await else {
        return refusal(&Error::Unexpected("the page is stopping".into()));
    };
    let prepared = match tokio::task::spawn_blocking(move || {
        let _reading = reading;
        PreparedDraft::new(upload)
    })
    .await
    {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => {
            let mut r = refusal(&e);
            if matches!(
                &e,
                Error::Draft(masthead_core::ImportError::TooLarge { .. })
            ) {
                *r.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
            }
            return r;
        }
        Err(_) => return refusal(&Error::Unexpected("reading the file stopped".into())),
    };
    let token = s.token.clone();
    match with_store(&app, move |st| {
        st.submit_through_link(&token, id, &prepared)
    })
    .await
    {
        Ok(saved) => {
            let d = &saved.item;
            let text = format!(
                "Received “{}”: Version {} · {}.",
                d.draft.file_name,
                d.draft.version,
                masthead_core::describe_count(&d.count)
            );
            app.guard.tell(
                &sid,
                Notice {
                    good: true,
                    text,
                    about: Some(id.to_string()),
                },
            );
            see_other("/")
        }
        Err(r) => r,
    }
}

fn multipart_refusal(status: StatusCode) -> Response {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return pages::refused(
            status,
            "That file is too large",
            "A draft may be up to 25 MB. Save it without embedded images, or as .txt or .md, and send it again.",
        );
    }
    bad_form()
}

async fn read_draft(
    State(app): State<Arc<App>>,
    Path((assignment, version)): Path<(String, u32)>,
    headers: HeaderMap,
) -> Response {
    let (_, s) = match session(&app, &headers) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    let Some(id) = AssignmentId::parse(&assignment) else {
        return not_found().await;
    };
    let token = s.token.clone();
    match with_store(&app, move |st| {
        st.draft_through_link(&token, id, Some(version))
    })
    .await
    {
        Ok((commission, d)) => {
            let title = commission.article_title;
            // Rendered off the page's async threads, a few at a time.
            let Ok(reading) = app.reading.clone().acquire_owned().await else {
                return refusal(&Error::Unexpected("the page is stopping".into()));
            };
            tokio::task::spawn_blocking(move || {
                let _reading = reading;
                pages::draft(&title, &d)
            })
            .await
            .unwrap_or_else(|_| refusal(&Error::Unexpected("showing the draft stopped".into())))
        }
        Err(r) => r,
    }
}

async fn sign_out(State(app): State<Arc<App>>, req: Request) -> Response {
    let (sid, _, _) = match posted(&app, req).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    app.guard.close_session(&sid);
    let mut r = pages::message(
        StatusCode::OK,
        "Signed out",
        "This browser no longer shows your page. Your link still opens it until it expires.",
    );
    r.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("mh_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"),
    );
    r
}

async fn css() -> Response {
    asset(include_str!("../assets/app.css"), "text/css; charset=utf-8")
}

async fn icon() -> Response {
    asset(include_str!("../assets/icon.svg"), "image/svg+xml")
}

async fn js() -> Response {
    asset(
        include_str!("../assets/app.js"),
        "text/javascript; charset=utf-8",
    )
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut r = Response::new(Body::from(body));
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    r
}

async fn not_found() -> Response {
    pages::message(
        StatusCode::NOT_FOUND,
        "Not found",
        "There is nothing at this address. Open your personal link again to reach your page.",
    )
}

#[cfg(test)]
mod tests {
    use super::redacted;

    #[test]
    fn no_token_reaches_the_log() {
        let token = "X9llGPvVUlnakxGLuQRg1nZnGbzM_5yL3vwFOssiqDg";
        for path in [
            format!("/l/{token}"),
            format!("/L/{token}"),
            format!("/%6C/{token}"),
            format!("/l%2F{token}"),
            format!("/x/l/{token}/more"),
        ] {
            let logged = redacted(&path);
            assert!(!logged.contains(&token[..20]), "{path} logged as {logged}");
        }
        assert_eq!(redacted(&format!("/l/{token}")), "/l/…");
        assert_eq!(
            redacted("/draft/0193a1b2-0000-7000-8000-000000000000/2"),
            "/draft/0193a1b2-0000-7000-8000-000000000000/2"
        );
        assert_eq!(redacted("/static/app.css"), "/static/app.css");
    }
}
