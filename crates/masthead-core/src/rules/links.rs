//! Contributors' personal links: the token, its hash, how long a link lasts
//! and the address it is given at. Plain functions, tested without a store.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{Error, Result};

/// How long a new link lasts unless the editor says otherwise.
pub const DEFAULT_LINK_DAYS: u32 = 90;
/// The longest a link may last: a year, then the editor makes a new one.
pub const MAX_LINK_DAYS: u32 = 366;

/// Random bytes in a token: 256 bits, 43 characters of base64url.
const TOKEN_BYTES: usize = 32;
const TOKEN_CHARS: usize = 43;

/// A new token and its SHA-256 (lowercase hex), from the OS's randomness.
pub fn new_token() -> Result<(String, String)> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Unexpected(format!("no randomness from the system: {e}")))?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = masthead_text::sha256_hex(token.as_bytes());
    Ok((token, hash))
}

/// The hash a token is stored as, or `None` for text no Masthead link
/// could hold (refused before any store is asked).
pub fn token_hash(token: &str) -> Option<String> {
    let ok = token.len() == TOKEN_CHARS
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && URL_SAFE_NO_PAD
            .decode(token)
            .is_ok_and(|b| b.len() == TOKEN_BYTES);
    ok.then(|| masthead_text::sha256_hex(token.as_bytes()))
}

/// Two secrets (hashes, CSRF tokens) compared in time that does not depend
/// on where they differ.
pub fn same_hash(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// How many days a new link lasts: 1 to a year.
pub fn check_days(days: u32) -> Result<u32> {
    if (1..=MAX_LINK_DAYS).contains(&days) {
        Ok(days)
    } else {
        Err(Error::invalid(
            "link_days_out_of_range",
            "days",
            format!(
                "A link lasts from 1 to {MAX_LINK_DAYS} days; {days} is outside that. Choose a number of days in that range."
            ),
        ))
    }
}

/// The page's public address as an editor typed it: http or https, a host,
/// no query; kept without its trailing slash.
pub fn check_public_url(url: &str) -> Result<String> {
    let url = url.trim().trim_end_matches('/');
    let bad = || {
        Error::invalid(
            "public_url_invalid",
            "public_url",
            format!(
                "\"{url}\" is not a web address the contributors' page can be reached at. Type it as https://masthead.example.org (or http:// on an office network)."
            ),
        )
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if host.is_empty()
        || url.contains(['?', '#', ' ', '"', '<', '>', '\\', '@'])
        || url.chars().any(char::is_control)
    {
        return Err(bad());
    }
    if !path.is_empty() {
        return Err(Error::invalid(
            "public_url_has_path",
            "public_url",
            format!(
                "masthead-serve answers at the root of its address, so \"{url}\" (with a path) would give links that open nothing. Give the address without a path, e.g. https://{host}, and let the proxy send that host to the page."
            ),
        ));
    }
    Ok(url.to_owned())
}

/// Where a token's page is: `/l/TOKEN` under the public address.
pub fn link_path(token: &str) -> String {
    format!("/l/{token}")
}

/// A fee as a contributor reads it: "£350.00" for the currencies with a
/// sign of their own, else "CHF 350.00".
pub fn fee_text(amount: &str, currency: Option<&str>) -> String {
    let code = currency.unwrap_or("").to_uppercase();
    match code.as_str() {
        "GBP" => format!("£{amount}"),
        "EUR" => format!("€{amount}"),
        "USD" => format!("US${amount}"),
        "" => amount.to_owned(),
        _ => format!("{code} {amount}"),
    }
}

/// The email an editor sends with an offer: its subject and body, plain
/// text. `first_name` greets her; the brief is cut at 1,200 characters
/// (her page has it whole).
pub struct OfferText<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub edition: &'a str,
    pub brief: &'a str,
    pub words: Option<u32>,
    pub due: Option<chrono::NaiveDate>,
    pub fee: Option<String>,
    pub url: &'a str,
    pub until: chrono::DateTime<chrono::Utc>,
    pub editor: &'a str,
    /// Already accepted: the email gives her page, it asks nothing.
    pub accepted: bool,
}

pub fn offer_email(o: &OfferText<'_>) -> (String, String) {
    let first = o.name.split_whitespace().next().unwrap_or(o.name);
    let (subject, ask) = if o.accepted {
        (
            format!("\"{}\" for {}: your page", o.title, o.edition),
            format!("Thank you for writing \"{}\" for {}.", o.title, o.edition),
        )
    } else {
        (
            format!("Would you write \"{}\" for {}?", o.title, o.edition),
            format!("Would you write \"{}\" for {}?", o.title, o.edition),
        )
    };
    let mut brief: String = o.brief.trim().chars().take(1200).collect();
    if brief.chars().count() < o.brief.trim().chars().count() {
        brief.push_str(" […]");
    }
    // The link first: a mail program may cut a long address short.
    let mut body = format!(
        "Dear {first},\n\n{ask}\n\nYour page, to read the whole brief, {} and send your draft (this link is yours alone, until {}):\n{}\n\n",
        if o.accepted {
            "see what you sent"
        } else {
            "accept or decline"
        },
        o.until.format("%-d %B %Y"),
        o.url,
    );
    if let Some(w) = o.words {
        body.push_str(&format!("Words: {}\n", super::drafts::thousands(w)));
    }
    if let Some(d) = o.due {
        body.push_str(&format!("Due: {}\n", d.format("%-d %B %Y")));
    }
    if let Some(f) = &o.fee {
        body.push_str(&format!("Fee: {f}\n"));
    }
    if !brief.is_empty() {
        body.push_str(&format!("\nThe brief:\n{brief}\n"));
    }
    body.push_str(&format!("\nThank you,\n{}\n", o.editor));
    (subject, body)
}

/// A `mailto:` address for `to` with `subject` and `body`, every character
/// outside the unreserved ones percent-encoded (nothing in them can end
/// the address or add a header).
pub fn mailto(to: Option<&str>, subject: &str, body: &str) -> String {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    const KEEP: &percent_encoding::AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    const ADDRESS: &percent_encoding::AsciiSet = &NON_ALPHANUMERIC
        .remove(b'@')
        .remove(b'.')
        .remove(b'-')
        .remove(b'_')
        .remove(b'+');
    let to = to
        .filter(|t| !t.contains(['?', '&', '\n', '\r', ',', ' ']))
        .map(|t| utf8_percent_encode(t, ADDRESS).to_string())
        .unwrap_or_default();
    format!(
        "mailto:{to}?subject={}&body={}",
        utf8_percent_encode(subject, KEEP),
        utf8_percent_encode(&body.replace('\n', "\r\n"), KEEP)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_token_is_long_random_and_its_own_hash() {
        let (a, ha) = new_token().unwrap();
        let (b, hb) = new_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), TOKEN_CHARS);
        assert_eq!(token_hash(&a).as_deref(), Some(ha.as_str()));
        assert_eq!(token_hash(&b).as_deref(), Some(hb.as_str()));
        assert_eq!(ha.len(), 64);
    }

    #[test]
    fn text_no_link_could_hold_has_no_hash() {
        let (good, _) = new_token().unwrap();
        for bad in [
            "",
            "abc",
            &good[..42],
            &format!("{good}A"),
            &good.replacen(&good[..1], "+", 1),
            &good.replacen(&good[..1], "/", 1),
            "../../../../etc/passwd/////////////////////",
        ] {
            assert_eq!(token_hash(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hashes_compare_whole() {
        assert!(same_hash("ab", "ab"));
        assert!(!same_hash("ab", "ac"));
        assert!(!same_hash("ab", "abc"));
    }

    #[test]
    fn an_offer_email_is_one_address_whose_text_adds_no_header() {
        let until = chrono::DateTime::parse_from_rfc3339("2027-03-06T10:00:00Z")
            .unwrap()
            .to_utc();
        let (subject, body) = offer_email(&OfferText {
            name: "Hannah Price",
            title: "Councils & costs",
            edition: "Apr/May 21",
            brief: "## Angle\nWhat councils need.\r\nBcc: evil@example.org",
            words: Some(1200),
            due: chrono::NaiveDate::from_ymd_opt(2027, 1, 4),
            fee: Some("£350.00".into()),
            url: "https://mh.example.org/l/TOKEN",
            until,
            editor: "Tess Editor",
            accepted: false,
        });
        assert_eq!(
            subject,
            "Would you write \"Councils & costs\" for Apr/May 21?"
        );
        assert!(body.starts_with("Dear Hannah,"), "{body}");
        for line in [
            "Words: 1,200", "Due: 4 January 2027", "Fee: £350.00", "until 6 March 2027",
            "https://mh.example.org/l/TOKEN",
        ] {
            assert!(body.contains(line), "{line} in {body}");
        }
        let url = mailto(Some("hannah@example.org"), &subject, &body);
        assert!(
            url.starts_with(
                "mailto:hannah@example.org?subject=Would%20you%20write%20%22Councils%20%26%20costs"
            ),
            "{url}"
        );
        // The link comes before the brief: a mail program may cut it short.
        assert!(body.find("https://mh.example.org/l/TOKEN") < body.find("The brief:"));
        // One query of two parameters: nothing typed makes a third.
        assert_eq!(url.matches('&').count(), 1, "{url}");
        assert_eq!(url.matches('?').count(), 1, "{url}");
        assert!(!url.contains('\n') && !url.contains(' '), "{url}");
        assert!(url.contains("Bcc%3A%20evil"), "{url}");
        // A recipient that would add a header is left out.
        assert!(mailto(Some("a@b.org?bcc=c@d.org"), "s", "b").starts_with("mailto:?subject="));
    }

    #[test]
    fn days_and_addresses_are_checked() {
        assert_eq!(check_days(90).unwrap(), 90);
        assert!(check_days(0).is_err());
        assert!(check_days(367).is_err());
        assert_eq!(
            check_public_url(" https://mh.example.org/ ").unwrap(),
            "https://mh.example.org"
        );
        assert_eq!(
            check_public_url("http://office:8080").unwrap(),
            "http://office:8080"
        );
        assert_eq!(
            check_public_url("http://office:8080/masthead")
                .unwrap_err()
                .code(),
            "public_url_has_path"
        );
        for bad in [
            "mh.example.org", "ftp://x", "https://", "https://x?y=1", "javascript:alert(1)",
        ] {
            assert!(check_public_url(bad).is_err(), "{bad}");
        }
    }
}
