//! The flatplan from the command line: show, place, move, remove, adverts.

use crate::Cli;

#[test]
fn pieces_and_adverts_go_on_free_pages_and_show_page_by_page() {
    let cli = Cli::demo();
    let e = "Feb/Mar 21";
    // "View all videos" placed or moved on edition `e`, with `more`.
    let videos = |verb: &str, more: &[&str]| {
        let mut args = vec![
            "flatplan", verb, "--edition", e, "--article", "View all videos",
        ];
        args.extend_from_slice(more);
        cli.run(&args)
    };
    let plan = cli.run(&["flatplan", "show", e, "--json"]).ok().json();
    assert_eq!(plan["page_count"], 68);
    assert_eq!(plan["pages"].as_array().unwrap().len(), 68);
    assert_eq!(plan["pages"][0]["name"], "Front cover");
    assert_eq!(
        plan["pages"][12]["slots"][0]["label"],
        "Keep communities at the heart of planning"
    );
    assert_eq!(plan["pages"][12]["slots"][0]["status"], "Subbed");
    assert_eq!(plan["pages"][67]["slots"][0]["kind"], "advert");
    // Copyfit: three feature pages hold 2,550 words against the 282 of
    // Chris's draft.
    assert_eq!(plan["pages"][12]["slots"][0]["fits_words"], 2550);
    assert_eq!(plan["pages"][12]["slots"][0]["copyfit_off"], true);
    cli.run(&["kind", "words", "Feature", "100"]).ok();
    let plan = cli.run(&["flatplan", "show", e, "--json"]).ok().json();
    assert_eq!(plan["pages"][12]["slots"][0]["fits_words"], 300);
    assert_eq!(plan["pages"][12]["slots"][0]["copyfit_off"], false);

    // A taken page is refused, naming the page and the piece on it.
    let before = cli.snapshot();
    videos("place", &["--page", "13"]).refused(
        "Page 13 has no room for that: \"Keep communities at the heart of planning\" is there",
    );
    assert_eq!(cli.snapshot(), before, "a refusal changes nothing");
    videos("place", &["--pages", "69-70"]).refused("not in this edition");
    videos("place", &["--page", "44", "--part", "1/5"]).refused("not a part of a page");

    // The free top half of page 44, then a move, then off again.
    videos("place", &["--page", "44", "--part", "1/2", "--at", "top"]).ok();
    let plan = cli.run(&["flatplan", "show", e, "--json"]).ok().json();
    let slots = plan["pages"][43]["slots"].as_array().unwrap().clone();
    assert_eq!(slots.len(), 2);
    assert_eq!(plan["pages"][43]["free_twelfths"], 0);
    videos("move", &["--pages", "50-51", "--expect-version", "7"]).refused("conflict");
    videos("move", &["--pages", "50-51"]).ok();
    let history = cli.run(&["article", "history", "View all videos"]).ok();
    assert!(
        history
            .stdout
            .contains("moved it on the flatplan from p 44 (top half) to pp 50–51"),
        "{}",
        history.stdout
    );
    cli.run(&[
        "flatplan", "remove", "--edition", e, "--article", "View all videos",
    ])
    .ok();
    let plan = cli.run(&["flatplan", "show", e, "--json"]).ok().json();
    assert!(plan["pages"][49]["slots"].as_array().unwrap().is_empty());

    // An advert: booked, placed in a slot of its size, updated.
    cli.run(&[
        "advert", "add", "--edition", e, "--advertiser", "Bright Schools", "--size", "spread",
        "--state", "pencilled",
    ])
    .ok();
    cli.run(&[
        "flatplan", "place", "--edition", e, "--advert", "Bright Schools", "--pages", "53-54",
    ])
    .refused("two facing pages");
    cli.run(&[
        "flatplan", "place", "--edition", e, "--advert", "Bright Schools", "--pages", "52-53",
    ])
    .ok();
    cli.run(&[
        "advert", "update", "Bright Schools", "--edition", e, "--state", "artwork",
    ])
    .ok();
    let adverts = cli
        .run(&["advert", "list", "--edition", e, "--json"])
        .ok()
        .json();
    let bright = adverts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["advertiser"] == "Bright Schools")
        .unwrap();
    assert_eq!(bright["state"], "artwork");
    assert_eq!(bright["placed"], true);
    cli.run(&[
        "advert", "add", "--edition", e, "--advertiser", "X", "--size", "huge",
    ])
    .refused("not an advert size");
}

#[test]
fn a_new_edition_starts_from_a_previous_ones_page_count_and_adverts() {
    let cli = Cli::demo();
    cli.run(&[
        "edition", "add", "--name", "Jun/Jul 21", "--from", "Feb/Mar 21",
    ])
    .ok();
    let plan = cli
        .run(&["flatplan", "show", "Jun/Jul 21", "--json"])
        .ok()
        .json();
    assert_eq!(plan["page_count"], 68);
    assert_eq!(
        plan["pages"][67]["slots"][0]["label"],
        "CivicTech Solutions"
    );
    assert!(
        plan["pages"][12]["slots"].as_array().unwrap().is_empty(),
        "no pieces"
    );
    cli.run(&["edition", "add", "--name", "X", "--from", "Nope"])
        .refused("Nope");
}
