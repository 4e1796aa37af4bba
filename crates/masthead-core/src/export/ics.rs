//! Deadlines as an iCalendar file (RFC 5545) that Outlook, Google Calendar
//! and Apple Calendar import: one all-day event per deadline, its UID made
//! from the ids of what it is about (so importing again updates the events
//! rather than adding copies), text escaped and lines folded at 75 octets,
//! CRLF line ends.

use chrono::{DateTime, Days, Utc};

use crate::model::{CalendarEvent, EventKind};

/// The UIDs' domain part: the same in every export.
const DOMAIN: &str = "masthead.calendar";

/// The file for `events`, named `name` in the calendar app, stamped `now`.
pub fn calendar(name: &str, events: &[CalendarEvent], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Masthead//Masthead deadlines//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        let next = e.date + Days::new(1);
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}@{DOMAIN}", e.uid));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", e.date.format("%Y%m%d")),
        );
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
        );
        line(&mut out, &format!("SUMMARY:{}", escape(&summary(e))));
        let mut about = format!("{} — {}", e.what, e.title);
        if e.kind != EventKind::KeyDate {
            about += &format!("\nEdition: {}", e.edition);
        }
        line(&mut out, &format!("DESCRIPTION:{}", escape(&about)));
        line(&mut out, &format!("CATEGORIES:{}", category(e.kind)));
        line(&mut out, &format!("SEQUENCE:{}", e.version.unwrap_or(0)));
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The line a calendar shows: "Copy deadline: Feb/Mar 21",
/// "Draft due from Hannah Okafor: Leeds commits…".
fn summary(e: &CalendarEvent) -> String {
    format!("{}: {}", e.what, e.title)
}

fn category(kind: EventKind) -> &'static str {
    match kind {
        EventKind::KeyDate => "Edition date",
        EventKind::Due => "Due date",
        EventKind::Status => "Workflow deadline",
    }
}

/// TEXT as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and
/// line breaks escaped; other control characters dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // Control characters, and the line and paragraph separators
            // some readers split lines at.
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `content` folded at 75 octets (never inside a character), each
/// continuation starting with a space, and CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_on_character_boundaries() {
        assert_eq!(escape("a,b;c\\d\ne\u{7}"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(escape("one\u{2028}two\r"), "onetwo");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.replace("\r\n ", "").trim_end().to_owned();
        assert_eq!(unfolded, long);
    }
}
