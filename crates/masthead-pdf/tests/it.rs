//! The demo edition's plan as a PDF, read back with poppler and checked by
//! qpdf: pages, titles, the characters a plan needs, embedded fonts, the
//! same bytes twice.

use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use masthead_core::locale::Locale;
use masthead_core::model::{AssignmentState, Credit, EditionPlan};
use masthead_core::{Actor, Store};
use masthead_pdf::{ColourBy, Paper, PdfOptions, PlanPart, render};

fn demo_plan(dir: &Path) -> EditionPlan {
    let mut store = Store::open(dir.join("demo.db")).unwrap();
    let actor = Actor::new("Tess Editor").unwrap();
    let edition = store.load_demo(&actor).unwrap();
    // A contributor with an accent from the seed page's world, and a title
    // with the characters a plan must print.
    let today = NaiveDate::from_ymd_opt(2021, 1, 10).unwrap();
    let mut plan = store.edition_plan(edition, today).unwrap();
    plan.run_sheet[0].credits.push(Credit {
        name: "Zoltán Erdős".into(),
        role: "photographer".into(),
        state: AssignmentState::Offered,
    });
    plan.run_sheet[1].title = "“Levelling up” – what £100m buys".into();
    plan.run_sheet[2].section = Some("Café society".into());
    plan
}

fn options(paper: Paper) -> PdfOptions {
    PdfOptions {
        paper,
        parts: PlanPart::ALL.to_vec(),
        generated_at: Utc.with_ymd_and_hms(2026, 11, 29, 9, 30, 0).unwrap(),
        colour_by: ColourBy::Status,
        locale: Locale::named("en_GB.UTF-8"),
    }
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} (apt install poppler-utils qpdf): {e}"));
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The page count `pdfinfo` reports.
fn page_count(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn the_demo_plan_prints_its_pieces_characters_and_pages_with_fonts_embedded() {
    let dir = tempfile::tempdir().unwrap();
    let plan = demo_plan(dir.path());
    let pdf = render(&plan, &options(Paper::A4)).unwrap();
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let p = path.to_str().unwrap();

    // Cells wrap: compare with the line breaks folded into spaces.
    let text = tool("pdftotext", &[p, "-"])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "PSE — PUBLIC SECTOR EXECUTIVE",
        "Feb/Mar 21",
        "The ingredients for levelling up",
        "Run sheet",
        "Keep communities at the heart of planning",
        "Leeds commits to working with European cities",
        "Flatplan",
        "Deadlines",
        // An open offer says so, with the role that is not the writer's
        // (set smaller, so pdftotext reads it as a line of its own).
        "Zoltán Erdős",
        "(photographer, offered)",
        "“Levelling up” – what £100m buys",
        "Win a £100 Amazon Voucher",
        "Café society",
        "Generated 29 Nov 2026, 09:30 UTC",
        // The page budget, in the fractions people use.
        "Editorial 20 pp",
        "Advertising 21¾ pp",
        "Free 26¼ pp",
        // The flatplan: cover names, adverts, a piece over several pages.
        "Front cover",
        "Outside back cover",
        "AD Northgate Homes",
        "Keep communities at the heart of planning (cont.)",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} missing from the PDF's text"
        );
    }
    // "Page x of y" on every page, and y is the page count.
    let info = tool("pdfinfo", &[p]);
    let pages = page_count(&info);
    // Cover, run sheet, the flatplan on one sheet (35 spreads, seven to a
    // row: its rows are fitted to the page, none spills), deadlines.
    assert_eq!(pages, 4, "{info}");
    assert!(text.contains(&format!("Page 1 of {pages}")), "{text}");
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    // The whole flatplan is on that one sheet, front cover to back.
    let sheet = tool("pdftotext", &["-f", "3", "-l", "3", p, "-"]);
    assert!(
        sheet.contains("Front cover") && sheet.contains("Outside back cover"),
        "{sheet}"
    );
    // The flatplan's page (3) is landscape, the others portrait.
    let sizes = tool("pdfinfo", &["-f", "1", "-l", &pages.to_string(), p]);
    for (page, size) in [
        (1, "595.276 x 841.89"),
        (2, "595.276 x 841.89"),
        (3, "841.89 x 595.276"),
        (4, "595.276 x 841.89"),
    ] {
        let line = sizes
            .lines()
            .find(|l| l.starts_with(&format!("Page    {page} size:")))
            .unwrap_or_else(|| panic!("no size for page {page}: {sizes}"));
        assert!(line.contains(size), "page {page}: {line}");
    }

    // qpdf finds no fault; every font is embedded (the "emb" column).
    let check = tool("qpdf", &["--check", p]);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = tool("pdffonts", &[p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        assert!(row.contains("Inter"), "a font other than Inter: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: emb is the 4th from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }
}

#[test]
fn the_same_plan_and_time_give_the_same_bytes_and_letter_paper_is_letter() {
    let dir = tempfile::tempdir().unwrap();
    let plan = demo_plan(dir.path());
    let a = render(&plan, &options(Paper::A4)).unwrap();
    let b = render(&plan, &options(Paper::A4)).unwrap();
    assert!(a == b, "two renders of one plan differ");
    let later = PdfOptions {
        generated_at: Utc.with_ymd_and_hms(2026, 11, 30, 9, 30, 0).unwrap(),
        ..options(Paper::A4)
    };
    assert!(
        render(&plan, &later).unwrap() != a,
        "the time is in the PDF"
    );

    let letter = render(&plan, &options(Paper::Letter)).unwrap();
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, &letter).unwrap();
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
}

#[test]
fn the_pdf_writes_dates_and_numbers_as_the_app_does_in_each_locale() {
    let dir = tempfile::tempdir().unwrap();
    let plan = demo_plan(dir.path());
    let text_in = |name: &str| {
        let pdf = render(
            &plan,
            &PdfOptions {
                locale: Locale::named(name),
                ..options(Paper::A4)
            },
        )
        .unwrap();
        let path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf).unwrap();
        tool("pdftotext", &[path.to_str().unwrap(), "-"])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Press day, and the 1,400 words of the housing feature.
    let german = text_in("de_DE.UTF-8");
    assert!(german.contains("22. Jan. 2021"), "{german}");
    assert!(german.contains("1.400"), "{german}");
    assert!(
        german.contains("Generated 29. Nov. 2026, 09:30 UTC"),
        "{german}"
    );
    let american = text_in("en_US.UTF-8");
    assert!(american.contains("Jan 22, 2021"), "{american}");
    assert!(american.contains("1,400"), "{american}");
    // C (CI, a minimal desktop): the unambiguous form, never the US order.
    let c = text_in("C");
    assert!(
        c.contains("22 Jan 2021") && !c.contains("Jan 22, 2021"),
        "{c}"
    );
}

#[test]
fn parts_can_be_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let plan = demo_plan(dir.path());
    let only = PdfOptions {
        parts: PlanPart::parse_list("flatplan").unwrap(),
        ..options(Paper::A4)
    };
    let path = dir.path().join("flatplan.pdf");
    std::fs::write(&path, render(&plan, &only).unwrap()).unwrap();
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(text.contains("Flatplan"));
    assert!(
        !text.contains("Run sheet") && !text.contains("Deadlines"),
        "{text}"
    );
    assert_eq!(
        PlanPart::parse_list("deadlines, Cover,run-sheet,cover").unwrap(),
        [PlanPart::Cover, PlanPart::Runsheet, PlanPart::Deadlines]
    );
    assert!(PlanPart::parse_list("cover,index").is_err());
    assert!(PlanPart::parse_list(" , ").is_err());
    let none = PdfOptions {
        parts: Vec::new(),
        ..options(Paper::A4)
    };
    assert!(
        render(&plan, &none).is_err(),
        "a PDF of no parts is refused"
    );
}

#[test]
fn a_long_run_sheet_flows_over_pages_with_its_header_on_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = demo_plan(dir.path());
    // Twelve times the demo's pieces: the run sheet needs several pages.
    let rows = plan.run_sheet.clone();
    for n in 0..11 {
        plan.run_sheet.extend(rows.iter().cloned().map(|mut r| {
            r.title = format!("{} ({n})", r.title);
            r
        }));
    }
    let only = PdfOptions {
        parts: PlanPart::parse_list("runsheet").unwrap(),
        ..options(Paper::A4)
    };
    let path = dir.path().join("long.pdf");
    std::fs::write(&path, render(&plan, &only).unwrap()).unwrap();
    let p = path.to_str().unwrap();
    let info = tool("pdfinfo", &[p]);
    let pages = page_count(&info);
    assert!(pages >= 3, "{pages} pages");
    for page in 1..=pages {
        let n = page.to_string();
        let text = tool("pdftotext", &["-f", &n, "-l", &n, p, "-"]);
        assert!(
            text.contains("Contributors") && text.contains("Next deadline"),
            "no header on page {page}"
        );
        assert!(
            text.contains(&format!("Page {page} of {pages}")),
            "page {page}"
        );
    }
}

#[test]
fn the_flatplan_can_be_coloured_by_section_with_a_legend_of_sections() {
    let dir = tempfile::tempdir().unwrap();
    let plan = demo_plan(dir.path());
    let parts = PlanPart::parse_list("flatplan").unwrap();
    let by_section = PdfOptions {
        parts: parts.clone(),
        colour_by: ColourBy::Section,
        ..options(Paper::A4)
    };
    let by_status = PdfOptions {
        parts,
        ..options(Paper::A4)
    };
    let text_of = |o: &PdfOptions, name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, render(&plan, o).unwrap()).unwrap();
        let first_page = tool("pdftotext", &["-l", "1", path.to_str().unwrap(), "-"]);
        first_page.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let sections = text_of(&by_section, "sections.pdf");
    let statuses = text_of(&by_status, "statuses.pdf");
    // The legend names the sections in page order instead of the statuses.
    let legend = |text: &str| text[..text.find("Advert").unwrap()].to_owned();
    assert!(
        legend(&sections).contains("News Magazine Feature"),
        "{sections}"
    );
    assert!(!legend(&sections).contains("Draft received"), "{sections}");
    assert!(legend(&statuses).contains("Draft received"), "{statuses}");
    assert_eq!("Section".parse(), Ok(ColourBy::Section));
    assert!("kind".parse::<ColourBy>().is_err());
    assert_eq!("us-letter".parse(), Ok(Paper::Letter));
    assert!("a5".parse::<Paper>().is_err());
}
