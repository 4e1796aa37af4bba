//! Dates, numbers and money as the user's locale writes them: one rule for
//! the app and the PDF. The app's UI reads the same table (generated into
//! `ui/src/lib/locales.ts`) and is checked against this module's answers
//! (`ui/src/lib/locale-cases.json`); the CLI keeps ISO 8601 dates, which
//! scripts read.
//!
//! Masthead knows a few locales by their language (and English by its
//! region). Any other, and C or POSIX (a minimal desktop, a fresh machine,
//! CI), fall back to an unambiguous form: "11 Dec 2020", "7,670",
//! "£400.00" — never the US order, which a reader elsewhere misreads.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use serde::Serialize;

/// How one locale writes dates, numbers and money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Locale {
    /// Its BCP 47 tag, such as `en-GB`.
    pub tag: &'static str,
    /// A date: `{d}` the day, `{m}` the month's short name, `{y}` the year.
    pub date: &'static str,
    pub months: [&'static str; 12],
    /// A 12-hour clock ("2:05 PM") rather than a 24-hour one ("14:05").
    pub twelve_hour: bool,
    /// The days' short names for a calendar, Monday first.
    pub weekdays: [&'static str; 7],
    /// The week starts on Sunday (the US) rather than Monday.
    pub sunday_first: bool,
    /// Between the thousands, and before the decimals.
    pub group: &'static str,
    pub decimal: &'static str,
    /// An amount of money: `{n}` the number, `{s}` the currency's sign.
    pub money: &'static str,
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// British English, and the fallback for every locale not listed.
pub const EN_GB: Locale = Locale {
    tag: "en-GB",
    date: "{d} {m} {y}",
    months: EN_MONTHS,
    twelve_hour: false,
    weekdays: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    sunday_first: false,
    group: ",",
    decimal: ".",
    money: "{s}{n}",
};

/// The locales Masthead writes in, by tag.
pub const LOCALES: [Locale; 4] = [
    EN_GB,
    Locale {
        tag: "en-US",
        date: "{m} {d}, {y}",
        twelve_hour: true,
        sunday_first: true,
        ..EN_GB
    },
    Locale {
        tag: "de-DE",
        date: "{d}. {m} {y}",
        months: [
            "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
            "Dez.",
        ],
        twelve_hour: false,
        weekdays: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
        sunday_first: false,
        group: ".",
        decimal: ",",
        money: "{n}\u{a0}{s}",
    },
    Locale {
        tag: "fr-FR",
        date: "{d} {m} {y}",
        months: [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
            "nov.", "déc.",
        ],
        twelve_hour: false,
        weekdays: ["lu", "ma", "me", "je", "ve", "sa", "di"],
        sunday_first: false,
        group: "\u{202f}",
        decimal: ",",
        money: "{n}\u{a0}{s}",
    },
];

/// The signs of the currencies people pay in most; any other is written
/// by its code ("CHF 400.00").
pub const CURRENCY_SIGNS: [(&str, &str); 4] =
    [("GBP", "£"), ("EUR", "€"), ("USD", "$"), ("JPY", "¥")];

impl Locale {
    /// The locale for a POSIX locale name or a BCP 47 tag ("de_DE.UTF-8",
    /// "en-US", "C"): by language, English by region, else [`EN_GB`].
    pub fn named(name: &str) -> &'static Locale {
        let base = name.split(['.', '@']).next().unwrap_or("");
        let mut parts = base.split(['_', '-']);
        let language = parts.next().unwrap_or("").to_ascii_lowercase();
        let region = parts.next().unwrap_or("").to_ascii_uppercase();
        let tag = match (language.as_str(), region.as_str()) {
            ("en", "US") => "en-US",
            ("de", _) => "de-DE",
            ("fr", _) => "fr-FR",
            _ => "en-GB",
        };
        LOCALES.iter().find(|l| l.tag == tag).unwrap_or(&LOCALES[0])
    }

    /// The locale this process runs in, as POSIX reads it: `LC_ALL`, else
    /// `LC_TIME`, else `LANG` (an empty one counts as unset).
    pub fn from_env() -> &'static Locale {
        let name = ["LC_ALL", "LC_TIME", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        Locale::named(&name)
    }

    /// "11 Dec 2020" (en-GB), "Dec 11, 2020" (en-US), "11. Dez. 2020".
    pub fn date(&self, d: NaiveDate) -> String {
        use chrono::Datelike;
        self.date
            .replace("{d}", &d.day().to_string())
            .replace("{m}", self.months[d.month0() as usize])
            .replace("{y}", &d.year().to_string())
    }

    /// "11 Dec 2020, 14:05"; "Dec 11, 2020, 2:05 PM" on a 12-hour clock.
    pub fn date_time(&self, t: NaiveDateTime) -> String {
        let time = if self.twelve_hour {
            let (pm, hour) = t.hour12();
            format!("{hour}:{:02} {}", t.minute(), if pm { "PM" } else { "AM" })
        } else {
            format!("{:02}:{:02}", t.hour(), t.minute())
        };
        format!("{}, {time}", self.date(t.date()))
    }

    /// A whole number with its thousands grouped: "7,670", "7.670".
    pub fn number(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut out = String::with_capacity(digits.len() + 4);
        if n < 0 {
            out.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.group);
            }
            out.push(c);
        }
        out
    }

    /// An amount as the core stores it for editing ("400.00", from
    /// [`crate::model::format_fee`]) with its currency: "£400.00",
    /// "400,00 €", "CHF 1,250.00".
    pub fn money(&self, amount: &str, currency: &str) -> String {
        let (whole, cents) = amount.split_once('.').unwrap_or((amount, ""));
        let number = match whole.parse::<i64>() {
            Ok(w) if cents.is_empty() => self.number(w),
            Ok(w) => format!("{}{}{cents}", self.number(w), self.decimal),
            Err(_) => amount.to_owned(),
        };
        match CURRENCY_SIGNS.iter().find(|(code, _)| *code == currency) {
            Some((_, sign)) => self.money.replace("{n}", &number).replace("{s}", sign),
            None if self.money.starts_with("{s}") => format!("{currency}\u{a0}{number}"),
            None => format!("{number}\u{a0}{currency}"),
        }
    }
}

/// The cases both faces must write alike: each locale's answers for a few
/// dates, numbers and amounts, as `[tag, kind, input, output]`. The UI's
/// test reads them (generated into `ui/src/lib/locale-cases.json`); the UI
/// is given the tag [`Locale::from_env`] resolved, so it never parses a
/// POSIX name itself.
pub fn shared_cases() -> Vec<[String; 4]> {
    let dates = ["2020-12-11", "2021-01-08", "2021-05-01", "2021-09-30"];
    let times = [
        "2021-01-08T09:05:00", "2021-01-08T14:30:00", "2021-01-08T00:10:00",
    ];
    let numbers = [0_i64, 7, 484, 7670, 1_234_567, -1500];
    let money = [
        ("400.00", "GBP"),
        ("150.50", "EUR"),
        ("1250.00", "USD"),
        ("5000", "JPY"),
        ("1250.00", "CHF"),
    ];
    let mut out = Vec::new();
    for l in &LOCALES {
        let case = |kind: &str, input: String, output: String| {
            [l.tag.to_owned(), kind.to_owned(), input, output]
        };
        for d in dates {
            let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("a date");
            out.push(case("date", d.into(), l.date(date)));
        }
        for t in times {
            let time = NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").expect("a time");
            out.push(case("date_time", t.into(), l.date_time(time)));
        }
        for n in numbers {
            out.push(case("number", n.to_string(), l.number(n)));
        }
        for (amount, currency) in money {
            out.push(case(
                "money",
                format!("{amount} {currency}"),
                l.money(amount, currency),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn each_locale_writes_a_date_its_own_way_and_c_writes_it_unambiguously() {
        let d = day(2020, 12, 11);
        let by = |name| Locale::named(name).date(d);
        assert_eq!(by("en_GB.UTF-8"), "11 Dec 2020");
        assert_eq!(by("en_US.UTF-8"), "Dec 11, 2020");
        assert_eq!(by("de_DE.UTF-8"), "11. Dez. 2020");
        assert_eq!(by("fr_FR.UTF-8"), "11 déc. 2020");
        // A minimal desktop, a fresh machine, CI: never the US order.
        for unknown in [
            "C", "POSIX", "", "C.UTF-8", "ja_JP.UTF-8", "en_IE.UTF-8", "de_AT@euro",
        ] {
            assert!(
                ["11 Dec 2020", "11. Dez. 2020"].contains(&by(unknown).as_str()),
                "{unknown}: {}",
                by(unknown)
            );
        }
        assert_eq!(by("C"), "11 Dec 2020");
        assert_eq!(by("en-US"), "Dec 11, 2020", "a BCP 47 tag reads too");
    }

    #[test]
    fn numbers_group_their_thousands_in_every_locale() {
        assert_eq!(Locale::named("C").number(7670), "7,670");
        assert_eq!(Locale::named("en_US").number(1_234_567), "1,234,567");
        assert_eq!(Locale::named("de_DE").number(7670), "7.670");
        assert_eq!(Locale::named("fr_FR").number(7670), "7\u{202f}670");
        assert_eq!(Locale::named("C").number(484), "484");
        assert_eq!(Locale::named("C").number(-1500), "-1,500");
    }

    #[test]
    fn money_is_one_form_the_locales() {
        assert_eq!(Locale::named("C").money("400.00", "GBP"), "£400.00");
        assert_eq!(Locale::named("en_US").money("1250.00", "USD"), "$1,250.00");
        assert_eq!(
            Locale::named("de_DE").money("1250.50", "EUR"),
            "1.250,50\u{a0}€"
        );
        assert_eq!(Locale::named("en_GB").money("5000", "JPY"), "¥5,000");
        assert_eq!(
            Locale::named("en_GB").money("1250.00", "CHF"),
            "CHF\u{a0}1,250.00"
        );
        assert_eq!(
            Locale::named("de_DE").money("1250.00", "CHF"),
            "1.250,00\u{a0}CHF"
        );
    }

    #[test]
    fn times_follow_the_locales_clock() {
        let t = day(2021, 1, 8).and_hms_opt(14, 5, 0).unwrap();
        assert_eq!(Locale::named("C").date_time(t), "8 Jan 2021, 14:05");
        assert_eq!(Locale::named("en_US").date_time(t), "Jan 8, 2021, 2:05 PM");
        let midnight = day(2021, 1, 8).and_hms_opt(0, 10, 0).unwrap();
        assert_eq!(
            Locale::named("en_US").date_time(midnight),
            "Jan 8, 2021, 12:10 AM"
        );
    }
}
