//! The HTML of the contributors' page. Every value from the store is
//! escaped here; the brief's and a draft's Markdown go through the core's
//! sanitising renderer (its HTML is shown as text). No inline script or
//! style: the CSP allows only `/static/`.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use masthead_core::model::{Assignment, AssignmentState, ContributorPage, Draft, DraftText};

use crate::guard::Notice;

/// Text made safe for HTML, in an element or an attribute.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn layout(status: StatusCode, title: &str, head_extra: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\">{head_extra}\
<title>{} · Masthead</title><link rel=\"stylesheet\" href=\"/static/app.css\">\
<script src=\"/static/app.js\" defer></script></head>\
<body><a class=\"skip\" href=\"#main\">Skip to your page</a>\
<header class=\"top\"><span class=\"brand\">Masthead</span><span class=\"for\">for contributors</span></header>\
<main id=\"main\" tabindex=\"-1\">{body}</main></body></html>",
        esc(title)
    );
    let mut r = (status, html).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

/// A page that says one thing: a refusal, a sign-out, a lost session.
pub(crate) fn message(status: StatusCode, title: &str, text: &str) -> Response {
    layout(
        status,
        title,
        "",
        &format!(
            "<section class=\"message\"><h1>{}</h1><p>{}</p></section>",
            esc(title),
            esc(text)
        ),
    )
}

/// A refusal of something she did on her page, with the way back to it.
pub(crate) fn refused(status: StatusCode, title: &str, text: &str) -> Response {
    layout(
        status,
        title,
        "",
        &format!(
            "<section class=\"message\"><h1>{}</h1><p>{}</p><p><a href=\"/\">Back to your page</a></p></section>",
            esc(title),
            esc(text)
        ),
    )
}

/// The page the link opens: it has set the session's cookie and goes on to
/// her page, whose address holds no token. (A redirect would not do: a
/// SameSite=Strict cookie set on a navigation from an email is not sent
/// on the redirect that follows it, but is on this page's own refresh.)
/// It loads nothing and sends no referrer, so its address (the token)
/// reaches no request and no log after it.
pub(crate) fn enter(name: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<meta http-equiv=\"refresh\" content=\"0;url=/\">\
<title>Opening your page · Masthead</title></head>\
<body><main><h1>Welcome, {}</h1><p><a href=\"/\" rel=\"noreferrer\">Open your page</a></p></main></body></html>",
        esc(name)
    );
    let mut r = (StatusCode::OK, html).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    r
}

/// A link opened in a browser that shows someone else's page: whose, and
/// a form of that page (its CSRF token) to open the link's instead. It
/// loads nothing; its referrer policy is the page's own (`same-origin`:
/// with none, a browser posts its form with `Origin: null`), so its
/// address goes only to this page.
pub(crate) fn switch(current: &str, new: &str, token: &str, csrf: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>Whose page? · Masthead</title></head>\
<body><main><h1>This browser shows {current}'s page</h1>\
<p>The link you opened is {new}'s. If you are {new}, open it; if not, stay on your own page and tell the editor who sent you this link.</p>\
<form method=\"post\" action=\"/l/{token}\"><input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
<button type=\"submit\">Open {new}'s page instead</button></form>\
<p><a href=\"/\" rel=\"noreferrer\">Stay on {current}'s page</a></p></main></body></html>",
        current = esc(current),
        new = esc(new),
        token = esc(token),
        csrf = esc(csrf),
    );
    let mut r = (StatusCode::OK, html).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn date(d: chrono::NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

fn count(n: u32) -> String {
    masthead_core::thousands(n)
}

fn state_label(s: AssignmentState) -> &'static str {
    match s {
        AssignmentState::Offered => "Offered to you",
        AssignmentState::Accepted => "Accepted",
        _ => "Closed",
    }
}

fn terms(a: &Assignment) -> String {
    let mut out = String::from("<dl class=\"terms\">");
    let mut term = |k: &str, v: String| {
        out.push_str(&format!("<div><dt>{k}</dt><dd>{v}</dd></div>"));
    };
    term("Edition", esc(&a.edition));
    term("Role", esc(&a.role));
    term(
        "Due",
        a.due_date.map(date).unwrap_or_else(|| "No date yet".into()),
    );
    term(
        "Words",
        a.word_target
            .map(count)
            .unwrap_or_else(|| "No target".into()),
    );
    if let Some(fee) = &a.fee {
        term(
            "Fee",
            esc(&masthead_core::links::fee_text(
                fee,
                a.fee_currency.as_deref(),
            )),
        );
    }
    out.push_str("</dl>");
    out
}

fn hidden(name: &str, value: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
        esc(value)
    )
}

fn words_line(d: &Draft, target: Option<u32>) -> String {
    match target {
        Some(t) => format!("{} / {} words", count(d.words), count(t)),
        None => format!("{} words", count(d.words)),
    }
}

fn notice_html(n: &Notice) -> String {
    format!(
        "<div class=\"notice {}\" role=\"{}\" tabindex=\"-1\" data-notice>{}</div>",
        if n.good { "good" } else { "bad" },
        if n.good { "status" } else { "alert" },
        esc(&n.text)
    )
}

fn commission(a: &Assignment, drafts: &[&Draft], csrf: &str, notice: Option<&Notice>) -> String {
    let id = a.id.to_string();
    let mut html = format!(
        "<article class=\"commission\" id=\"c-{id}\" aria-labelledby=\"t-{id}\">\
<header><h2 id=\"t-{id}\">{}</h2><span class=\"state {}\">{}</span></header>{}",
        esc(&a.article_title),
        a.state.key(),
        state_label(a.state),
        terms(a)
    );
    if let Some(n) = notice {
        html.push_str(&notice_html(n));
    }
    let brief = if a.brief.trim().is_empty() {
        "<p class=\"quiet\">No brief was written: ask the editor what they need.</p>".to_owned()
    } else {
        masthead_core::markdown_html(&a.brief)
    };
    html.push_str(&format!(
        "<section class=\"brief\" aria-labelledby=\"b-{id}\"><h3 id=\"b-{id}\">Brief</h3>{brief}</section>"
    ));
    let ids = format!(
        "{}{}{}",
        hidden("csrf", csrf),
        hidden("assignment", &id),
        hidden("version", &a.version.to_string())
    );
    if a.state == AssignmentState::Offered {
        html.push_str(&format!(
            "<form class=\"answer\" method=\"post\" action=\"/answer\">{ids}\
<p>Will you write this?</p>\
<button type=\"submit\" name=\"answer\" value=\"accept\" class=\"primary\">Accept</button> \
<button type=\"submit\" name=\"answer\" value=\"decline\" data-confirm=\"Decline “{}”? The editor sees your answer at once, and this page cannot take it back.\">Decline</button></form>",
            esc(&a.article_title)
        ));
        return html + "</article>";
    }
    html.push_str(&format!(
        "<section class=\"drafts\" aria-labelledby=\"d-{id}\"><h3 id=\"d-{id}\">Your drafts</h3>"
    ));
    if drafts.is_empty() {
        html.push_str("<p class=\"quiet\">None sent yet.</p>");
    } else {
        html.push_str("<ul>");
        for d in drafts {
            html.push_str(&format!(
                "<li><a href=\"/draft/{id}/{v}\">Version {v}</a> · <span class=\"num\">{}</span> · {} · sent {}</li>",
                words_line(d, a.word_target),
                esc(&d.file_name),
                d.submitted_at.format("%-d %b %Y %H:%M UTC"),
                v = d.version,
            ));
        }
        html.push_str("</ul>");
    }
    html.push_str(&format!(
        "<form class=\"upload\" method=\"post\" action=\"/draft\" enctype=\"multipart/form-data\">\
{}{}\
<label for=\"f-{id}\">Send your draft</label>\
<div class=\"drop\" data-drop>\
<input type=\"file\" id=\"f-{id}\" name=\"file\" required \
accept=\".docx,.odt,.md,.markdown,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/markdown,text/plain\" \
aria-describedby=\"h-{id}\">\
<p class=\"hint\" id=\"h-{id}\">Word (.docx), OpenDocument (.odt), Markdown (.md) or text (.txt), up to 25 MB. You can also drop the file here. Each file you send is kept as a new version.</p>\
</div><button type=\"submit\" class=\"primary\">Send draft</button></form></section></article>",
        hidden("csrf", csrf),
        hidden("assignment", &id),
    ));
    html
}

/// Her page.
pub(crate) fn home(page: &ContributorPage, csrf: &str, notice: Option<&Notice>) -> Response {
    let v = &page.visitor;
    let mut body = format!(
        "<h1>Hello, {}</h1><p class=\"lede\">Your commissions from the magazine. This page opens from your personal link until {}.</p>",
        esc(&v.name),
        v.expires_at.format("%-d %B %Y")
    );
    // A notice about a commission shows on it; any other, at the top.
    let here = |a: &Assignment| notice.filter(|n| n.about.as_deref() == Some(&a.id.to_string()));
    if let Some(n) = notice.filter(|_| !page.commissions.iter().any(|a| here(a).is_some())) {
        body.push_str(&notice_html(n));
    }
    if page.commissions.is_empty() {
        body.push_str("<p class=\"empty\">Nothing is waiting for you right now. When the magazine offers you a piece, it appears here with its brief.</p>");
    }
    for a in &page.commissions {
        let drafts: Vec<&Draft> = page
            .drafts
            .iter()
            .filter(|d| d.assignment_id == Some(a.id))
            .collect();
        body.push_str(&commission(a, &drafts, csrf, here(a)));
    }
    body.push_str(&format!(
        "<form class=\"signout\" method=\"post\" action=\"/signout\">{}<button type=\"submit\" class=\"link\">Sign out on this browser</button></form>",
        hidden("csrf", csrf)
    ));
    layout(StatusCode::OK, "Your commissions", "", &body)
}

/// One of her drafts, to read.
pub(crate) fn draft(title: &str, d: &DraftText) -> Response {
    let body = format!(
        "<p><a href=\"/\">← Your commissions</a></p><h1>{}</h1>\
<p class=\"lede\">Version {} · <span class=\"num\">{} words</span> · {} · sent {}</p>\
<article class=\"reading\">{}</article>",
        esc(title),
        d.draft.version,
        count(d.draft.words),
        esc(&d.draft.file_name),
        d.draft.submitted_at.format("%-d %b %Y %H:%M UTC"),
        masthead_core::markdown_html(&d.markdown)
    );
    layout(
        StatusCode::OK,
        &format!("{title}, version {}", d.draft.version),
        "",
        &body,
    )
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            esc("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
