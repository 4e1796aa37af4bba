//! The flatplan's rules: a slot stays within the edition's pages, a part of
//! a page is a twelfth-multiple that fits, slots never overlap, an advert's
//! slot matches its size, and the covers have their names.

use crate::error::{Error, Result};
use crate::model::{AdvertSize, FlatplanPage, Placement, Slot};

/// Twelfths in a page.
pub const PAGE: u32 = 12;

/// The parts of a page people name, in twelfths, with their signs: a slot
/// takes a half, a third or a quarter; a page budget may also come to
/// two-thirds or three-quarters. The CLI, the PDF and (through the
/// generated `ui/src/lib/defaults.ts`) the app all write parts from this.
pub const PAGE_FRACTIONS: [(u32, &str); 5] = [(3, "¼"), (4, "⅓"), (6, "½"), (8, "⅔"), (9, "¾")];

/// "½" for 6 twelfths; "" for a whole page (or none); "5/12" for a part
/// with no sign of its own.
pub fn fraction(twelfths: u32) -> String {
    match twelfths % PAGE {
        0 => String::new(),
        rest => PAGE_FRACTIONS
            .iter()
            .find(|(t, _)| *t == rest)
            .map(|(_, sign)| (*sign).to_owned())
            .unwrap_or_else(|| format!("{rest}/12")),
    }
}

/// " (½)" after a single page's number for a part of it; "" for a whole page.
pub fn part_suffix(units: u32) -> String {
    match fraction(units) {
        f if f.is_empty() => f,
        f => format!(" ({f})"),
    }
}

/// The name of a cover page, if `page` is one.
pub fn page_name(page: u32, page_count: u32) -> Option<&'static str> {
    match page {
        1 => Some("Front cover"),
        2 => Some("Inside front cover"),
        p if p == page_count && page_count >= 4 => Some("Outside back cover"),
        p if p + 1 == page_count && page_count >= 4 => Some("Inside back cover"),
        _ => None,
    }
}

/// "p 15 (top half)", "pp 12–14" — a placement as people say it.
pub fn describe(first: u32, last: u32, offset: u32, units: u32) -> String {
    if first != last {
        return format!("pp {first}–{last}");
    }
    let part = match units {
        12 => return format!("p {first}"),
        6 => "half",
        4 => "third",
        _ => "quarter",
    };
    let place = match (units, offset / units.max(1)) {
        (6, 0) => "top ",
        (6, _) => "bottom ",
        (_, 0) => "first ",
        (_, 1) => "second ",
        (4, _) => "last ",
        (_, 2) => "third ",
        _ => "last ",
    };
    format!("p {first} ({place}{part})")
}

/// The placement checked against the edition's pages: whole pages for a run,
/// a known part for a single page.
pub fn check_placement(p: &Placement, page_count: u32) -> Result<Placement> {
    if p.first_page < 1 || p.last_page < p.first_page || p.last_page > page_count {
        return Err(Error::invalid(
            "pages_out_of_range",
            "pages",
            format!(
                "Pages {}–{} are not in this edition, which has pages 1–{page_count}. Choose pages within them, or change the page count.",
                p.first_page, p.last_page
            ),
        ));
    }
    if ![3, 4, 6, 12].contains(&p.part_units) {
        return Err(Error::invalid(
            "part_invalid",
            "part",
            "A slot takes a full page, a half, a third or a quarter of one.",
        ));
    }
    if p.part_units != PAGE && p.first_page != p.last_page {
        return Err(Error::invalid(
            "part_on_run",
            "part",
            "Part of a page fits on one page only. Choose one page, or full pages for a run.",
        ));
    }
    if let Some(offset) = p.part_offset
        && (!offset.is_multiple_of(p.part_units) || offset + p.part_units > PAGE)
    {
        return Err(Error::invalid(
            "part_invalid",
            "part",
            "That part of the page does not exist. Choose the top or bottom half, or one of the thirds or quarters.",
        ));
    }
    Ok(*p)
}

/// An advert's slot has the advert's size: a spread is two facing pages
/// (an even page and the odd one after it), the others one page's part.
pub fn check_advert_shape(size: AdvertSize, p: &Placement) -> Result<()> {
    let (pages, units) = size.shape();
    let span = (p.last_page + 1).saturating_sub(p.first_page);
    let facing = size != AdvertSize::Spread || p.first_page.is_multiple_of(2);
    if span != pages || p.part_units != units || !facing {
        return Err(Error::invalid(
            "advert_size",
            "pages",
            match size {
                AdvertSize::Spread => {
                    "A spread advert takes two facing pages: an even page and the one after it (such as 24–25).".to_owned()
                }
                other => format!(
                    "A {} advert takes {} of one page. Place it on a single page.",
                    other.key(),
                    if other == AdvertSize::Full { "all" } else { other.key() }
                ),
            },
        ));
    }
    Ok(())
}

/// Where on `page` `units` twelfths fit between `others`' slots: `wanted`
/// if it is free, else the first free part. `None` when it does not fit.
pub fn fit_on_page(page: u32, units: u32, wanted: Option<u32>, others: &[&Slot]) -> Option<u32> {
    let taken: Vec<(u32, u32)> = others
        .iter()
        .filter(|s| s.first_page <= page && page <= s.last_page)
        .map(|s| (s.part_offset, s.part_offset + s.part_units))
        .collect();
    let free = |at: u32| taken.iter().all(|(a, b)| at + units <= *a || at >= *b);
    match wanted {
        Some(at) => free(at).then_some(at),
        None => (0..=PAGE - units)
            .step_by(units as usize)
            .find(|at| free(*at)),
    }
}

/// The placement's offset where it fits among `others` (the slot being
/// moved left out), or a refusal naming the page and what is on it.
pub fn check_fit(p: &Placement, others: &[&Slot]) -> Result<u32> {
    for page in p.first_page..=p.last_page {
        let offset = if p.part_units == PAGE {
            Some(0)
        } else {
            p.part_offset
        };
        if fit_on_page(page, p.part_units, offset, others).is_none() {
            let there: Vec<String> = others
                .iter()
                .filter(|s| s.first_page <= page && page <= s.last_page)
                .map(|s| format!("\"{}\"", s.label))
                .collect();
            return Err(Error::invalid(
                "page_taken",
                "pages",
                format!(
                    "Page {page} has no room for that: {} {} there. Choose another page, or move {} first.",
                    there.join(" and "),
                    if there.len() == 1 { "is" } else { "are" },
                    if there.len() == 1 { "it" } else { "them" }
                ),
            ));
        }
    }
    Ok(if p.part_units == PAGE {
        0
    } else {
        fit_on_page(p.first_page, p.part_units, p.part_offset, others).unwrap_or(0)
    })
}

/// The pages of an edition with the slots on each and the room left.
pub fn pages(page_count: u32, slots: &[Slot]) -> Vec<FlatplanPage> {
    let mut pages: Vec<FlatplanPage> = (1..=page_count)
        .map(|number| FlatplanPage {
            number,
            name: page_name(number, page_count).map(str::to_owned),
            slots: Vec::new(),
            free_units: PAGE,
        })
        .collect();
    for s in slots {
        for n in s.first_page..=s.last_page.min(page_count) {
            if let Some(page) = pages.get_mut(n as usize - 1) {
                page.slots.push(s.id);
                page.free_units = page.free_units.saturating_sub(s.part_units);
            }
        }
    }
    pages
}

/// Copyfit: the words a piece's slot holds, from its kind's words per page.
pub fn fits_words(s: &Slot) -> Option<u32> {
    let per_page = s.words_per_page?;
    s.article_id?;
    Some((size_in_pages(s) * f64::from(per_page)).round() as u32)
}

/// Whether what a slot holds and what the piece is written to differ by
/// more than a tenth of the target.
pub fn copyfit_off(fits: Option<u32>, target: Option<u32>) -> bool {
    match (fits, target) {
        (Some(f), Some(t)) if t > 0 => f64::from(f.abs_diff(t)) > f64::from(t) * 0.10,
        _ => false,
    }
}

/// Pages a slot takes, as a number of pages (a half is 0.5).
pub fn size_in_pages(s: &Slot) -> f64 {
    f64::from(s.last_page - s.first_page + 1) * f64::from(s.part_units) / f64::from(PAGE)
}

/// Whether two placements share any part of any page: their pages meet
/// and, on those pages, their twelfths meet (a full page is twelfths 0–12).
pub fn overlaps(a: (u32, u32, u32, u32), b: (u32, u32, u32, u32)) -> bool {
    let (a_first, a_last, a_offset, a_units) = a;
    let (b_first, b_last, b_offset, b_units) = b;
    a_first <= b_last
        && b_first <= a_last
        && a_offset < b_offset + b_units
        && b_offset < a_offset + a_units
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EditionId, SlotId};

    fn slot(label: &str, first: u32, last: u32, offset: u32, units: u32) -> Slot {
        Slot {
            id: SlotId::new(),
            edition_id: EditionId::new(),
            article_id: None,
            advert_id: None,
            first_page: first,
            last_page: last,
            part_offset: offset,
            part_units: units,
            label: label.into(),
            section: None,
            status_id: None,
            status_label: None,
            status_colour: None,
            words_per_page: None,
            word_target: None,
            fits_words: None,
            copy: None,
            copyfit_off: false,
            version: 1,
        }
    }

    #[test]
    fn copyfit_is_pages_times_words_per_page_and_flags_a_tenth_off() {
        let mut s = slot("Keep communities", 12, 13, 0, 12);
        s.article_id = Some(crate::model::ArticleId::new());
        s.words_per_page = Some(850);
        assert_eq!(fits_words(&s), Some(1700));
        s.last_page = 12;
        s.part_units = 6;
        assert_eq!(fits_words(&s), Some(425));
        assert!(!copyfit_off(Some(1100), Some(1200)));
        assert!(copyfit_off(Some(1000), Some(1200)));
        assert!(copyfit_off(Some(1700), Some(1200)));
        assert!(!copyfit_off(None, Some(1200)));
    }

    fn place(first: u32, last: u32, units: u32, offset: Option<u32>) -> Placement {
        Placement {
            first_page: first,
            last_page: last,
            part_units: units,
            part_offset: offset,
        }
    }

    #[test]
    fn slots_never_overlap_and_parts_fill_a_page_up_to_its_capacity() {
        let feature = slot("Keep communities", 12, 14, 0, 12);
        let half = slot("Sponsor", 15, 15, 0, 6);
        let others = [&feature, &half];
        assert_eq!(check_fit(&place(15, 15, 6, None), &others).unwrap(), 6);
        let e = check_fit(&place(14, 15, 12, None), &others).unwrap_err();
        assert_eq!(e.code(), "page_taken");
        assert!(e.to_string().contains("Page 14"), "{e}");
        assert!(e.to_string().contains("\"Keep communities\""), "{e}");
        assert_eq!(
            check_fit(&place(15, 15, 6, Some(0)), &others)
                .unwrap_err()
                .code(),
            "page_taken"
        );
        // Quarters fill what a half leaves; a fifth part does not fit.
        let q1 = slot("Q1", 15, 15, 6, 3);
        let q2 = slot("Q2", 15, 15, 9, 3);
        let full = [&feature, &half, &q1, &q2];
        assert_eq!(
            check_fit(&place(15, 15, 3, None), &full)
                .unwrap_err()
                .code(),
            "page_taken"
        );
        assert_eq!(check_fit(&place(16, 16, 4, None), &full).unwrap(), 0);
    }

    #[test]
    fn placements_stay_within_the_edition_and_parts_are_real() {
        assert_eq!(
            check_placement(&place(67, 69, 12, None), 68)
                .unwrap_err()
                .code(),
            "pages_out_of_range"
        );
        assert_eq!(
            check_placement(&place(0, 1, 12, None), 68)
                .unwrap_err()
                .code(),
            "pages_out_of_range"
        );
        assert_eq!(
            check_placement(&place(3, 4, 6, None), 68)
                .unwrap_err()
                .code(),
            "part_on_run"
        );
        assert_eq!(
            check_placement(&place(3, 3, 5, None), 68)
                .unwrap_err()
                .code(),
            "part_invalid"
        );
        assert_eq!(
            check_placement(&place(3, 3, 6, Some(3)), 68)
                .unwrap_err()
                .code(),
            "part_invalid"
        );
        check_placement(&place(3, 3, 6, Some(6)), 68).unwrap();
    }

    #[test]
    fn an_adverts_slot_matches_its_size_and_a_spread_faces() {
        check_advert_shape(AdvertSize::Spread, &place(24, 25, 12, None)).unwrap();
        assert_eq!(
            check_advert_shape(AdvertSize::Spread, &place(25, 26, 12, None))
                .unwrap_err()
                .code(),
            "advert_size"
        );
        check_advert_shape(AdvertSize::Half, &place(7, 7, 6, None)).unwrap();
        assert!(check_advert_shape(AdvertSize::Half, &place(7, 7, 12, None)).is_err());
        assert!(check_advert_shape(AdvertSize::Full, &place(7, 8, 12, None)).is_err());
    }

    #[test]
    fn covers_are_named_and_placements_read_as_people_say_them() {
        let names: Vec<Option<&str>> = [1, 2, 3, 67, 68]
            .iter()
            .map(|p| page_name(*p, 68))
            .collect();
        assert_eq!(
            names,
            [
                Some("Front cover"),
                Some("Inside front cover"),
                None,
                Some("Inside back cover"),
                Some("Outside back cover")
            ]
        );
        assert_eq!(describe(12, 14, 0, 12), "pp 12–14");
        assert_eq!(describe(15, 15, 6, 6), "p 15 (bottom half)");
        assert_eq!(describe(15, 15, 0, 3), "p 15 (first quarter)");
        assert_eq!(describe(15, 15, 0, 12), "p 15");
    }
}
