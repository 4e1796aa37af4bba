//! Search on the demo: every kind of text found, ranked and grouped, kept
//! in step with each write, and nothing from outside read as query syntax.

use masthead_core::Upload;
use masthead_core::model::{ArticleInput, FoundIn, SearchHit, SearchResults};

use crate::commissioning::{Demo, add_person, demo, offer};

fn hits(r: &SearchResults) -> Vec<&SearchHit> {
    r.groups.iter().flat_map(|g| g.hits.iter()).collect()
}

fn titles(r: &SearchResults) -> Vec<&str> {
    hits(r).iter().map(|h| h.title.as_str()).collect()
}

/// The marked words of a hit's excerpt, lower-cased.
fn marked(h: &SearchHit) -> Vec<String> {
    h.excerpt
        .iter()
        .filter(|f| f.hit)
        .map(|f| f.text.to_lowercase())
        .collect()
}

#[test]
fn a_search_finds_the_leeds_piece_by_the_words_of_its_draft() {
    let Demo {
        f,
        publication,
        edition,
        ..
    } = demo();
    let r = f.store.search(publication, "Dortmund").unwrap();
    assert_eq!(r.words, ["dortmund"]);
    let leeds = *hits(&r)
        .iter()
        .find(|h| h.title.starts_with("Leeds commits"))
        .unwrap_or_else(|| panic!("{:?}", titles(&r)));
    assert_eq!(r.groups[0].edition_id, edition);
    assert_eq!(r.groups[0].edition, "Feb/Mar 21");
    assert!(
        marked(leeds).iter().any(|w| w == "dortmund"),
        "{:?}",
        leeds.excerpt
    );
    // Every piece found names Dortmund in the text shown, and no excerpt
    // shows the tags' JSON.
    for h in hits(&r) {
        assert!(
            h.excerpt.iter().all(|f| !f.text.contains("[]")),
            "{:?}",
            h.excerpt
        );
        assert!(
            marked(h).iter().any(|w| w.starts_with("dortmund")),
            "{}: {:?}",
            h.title,
            h.excerpt
        );
    }
    assert!(!r.more);
    assert_eq!(r.total as usize, hits(&r).len());

    // Two words, each as a word's start, and in any case.
    let r = f.store.search(publication, "leeds DORTM").unwrap();
    assert!(
        titles(&r).iter().any(|t| t.starts_with("Leeds commits")),
        "{:?}",
        titles(&r)
    );
    // Every word must be there: no piece holds both of these.
    assert!(
        f.store
            .search(publication, "Dortmund zzyzx")
            .unwrap()
            .groups
            .is_empty()
    );
}

#[test]
fn what_an_editor_writes_is_found_at_once_and_what_changed_is_not() {
    let Demo {
        mut f,
        publication,
        piece,
        ..
    } = demo();
    // The title, as it was and as it is.
    let before = f.store.article(piece).unwrap();
    let mut input = ArticleInput::from(&before);
    input.title = "Quokka sightings in the council chamber".into();
    input.standfirst = "A marsupial census".into();
    f.store
        .update_article(&f.actor, piece, None, &input)
        .unwrap();
    let r = f.store.search(publication, "quokka").unwrap();
    assert_eq!(titles(&r), ["Quokka sightings in the council chamber"]);
    assert_eq!(hits(&r)[0].found_in, FoundIn::Piece);
    assert_eq!(f.store.search(publication, "marsupial").unwrap().total, 1);
    let old_word = before
        .title
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap();
    assert!(
        !titles(&f.store.search(publication, old_word).unwrap())
            .contains(&"Quokka sightings in the council chamber"),
        "the old title's {old_word:?} still finds it"
    );

    // The editors' notes.
    let now = f.store.article(piece).unwrap();
    let mut input = ArticleInput::from(&now);
    input.notes = "Ask the wombat desk".into();
    f.store
        .update_article(&f.actor, piece, None, &input)
        .unwrap();
    let r = f.store.search(publication, "wombat").unwrap();
    assert_eq!(hits(&r)[0].found_in, FoundIn::Notes);

    // A commission's brief.
    let sam = add_person(&mut f, "Sam Okoro", None);
    let mut brief = offer(sam);
    brief.brief = "Visit the axolotl sanctuary first".into();
    f.store.commission(&f.actor, piece, &brief).unwrap();
    let r = f.store.search(publication, "axolotl sanctuary").unwrap();
    assert_eq!(hits(&r)[0].found_in, FoundIn::Brief);
    assert_eq!(marked(hits(&r)[0]), ["axolotl", "sanctuary"]);

    // A draft's text, with its version.
    let upload = Upload {
        name: "census.md".into(),
        bytes: b"# Census\n\nThe pangolin count rose by a third this year.".to_vec(),
    };
    f.store
        .submit_draft(&f.actor, piece, &upload, None)
        .unwrap();
    let r = f.store.search(publication, "pangolin").unwrap();
    let hit = hits(&r)[0];
    assert_eq!((hit.found_in, hit.version), (FoundIn::Draft, Some(1)));
    assert_eq!(hit.article_id, piece);

    // A piece found in several texts is listed once, its best first.
    let r = f.store.search(publication, "council").unwrap();
    let ids: Vec<_> = hits(&r).iter().map(|h| h.article_id).collect();
    let mut once = ids.clone();
    once.sort();
    once.dedup();
    assert_eq!(ids.len(), once.len(), "{:?}", titles(&r));
}

#[test]
fn a_search_stays_in_its_publication_and_reads_no_query_syntax() {
    let Demo {
        mut f, publication, ..
    } = demo();
    let other = f
        .store
        .create_publication(
            &f.actor,
            &masthead_core::model::PublicationInput {
                name: "Other Weekly".into(),
                frequency: "weekly".into(),
                is_print: true,
            },
        )
        .unwrap();
    assert!(
        f.store
            .search(other.id, "Dortmund")
            .unwrap()
            .groups
            .is_empty()
    );

    // Quotes, operators, brackets and stars are not the engines' syntax.
    for q in [
        r#""Dortmund"#, "Dortmund OR (", "NEAR(Leeds Dortmund)", "Dortmund* -x", "dortmund:* & !",
        "'; DROP TABLE articles; --",
    ] {
        let r = f.store.search(publication, q);
        assert!(r.is_ok(), "{q}: {r:?}");
    }
    let r = f.store.search(publication, "Dortmund OR (").unwrap();
    // "or" is a word like any other here, not an operator.
    assert_eq!(r.words, ["dortmund", "or"]);
    // Nothing to look for: no words, no hits, no error.
    let r = f.store.search(publication, "  ?!  ").unwrap();
    assert!(r.words.is_empty() && r.groups.is_empty());
}

/// On a file, a search ranks the best texts first and reads only those;
/// when they hold fewer pieces than it wants (here: the other
/// publication's hundreds of texts with the same words), it reads on.
#[test]
fn a_search_reads_on_past_the_first_ranked_texts_when_they_are_anothers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("archive.db");
    let made = masthead_core::dev::generate(
        &path,
        masthead_core::dev::GenerateOptions {
            pieces: 3000,
            seed: 5,
        },
    )
    .unwrap();
    let mut store = masthead_core::Store::open(&path).unwrap();
    let actor = masthead_core::Actor::new("Tess Editor").unwrap();
    // The archive's every text is made of its 400 words: take one of the
    // commonest, and a second publication with one piece that holds it.
    let piece = store
        .list_articles(
            store.list_editions(Some(made.publication)).unwrap()[0].id,
            crate::today(),
        )
        .unwrap()
        .remove(0);
    // The word most texts hold: more of them than a search ranks first
    // (400), so that it has to read on to reach the other publication's.
    let conn = crate::open_sqlite(&path).unwrap();
    let matching = |word: &str| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM search_text WHERE search_text MATCH ?1",
            [format!("\"{word}\"*")],
            |r| r.get(0),
        )
        .unwrap()
    };
    let word = piece
        .standfirst
        .split_whitespace()
        .map(str::to_lowercase)
        .max_by_key(|w| matching(w))
        .unwrap();
    assert!(matching(&word) > 400, "{word}: {}", matching(&word));
    let found = store.search(made.publication, &word).unwrap();
    assert_eq!(found.total, 50, "{word}");
    assert!(found.more);
    let other = store
        .create_publication(
            &actor,
            &masthead_core::model::PublicationInput {
                name: "Other".into(),
                frequency: "Monthly".into(),
                is_print: true,
            },
        )
        .unwrap()
        .id;
    let edition = store
        .create_edition(&actor, other, &crate::edition_input("Spring"))
        .unwrap()
        .item
        .id;
    let kind = store.find_kind(other, "feature").unwrap();
    let mine = store
        .add_article(
            &actor,
            edition,
            &masthead_core::model::ArticleInput {
                title: "Only here".into(),
                // Once in a long text: it ranks below the archive's.
                standfirst: format!("The {word} of it, {}", "and so on at length, ".repeat(40)),
                section_id: None,
                kind_id: kind,
                word_target: None,
                notes: String::new(),
            },
        )
        .unwrap();
    let found = store.search(other, &word).unwrap();
    assert_eq!(found.total, 1);
    let hit = &found.groups[0].hits[0];
    assert_eq!(hit.article_id, mine.id);
    let marked: Vec<&str> = hit
        .excerpt
        .iter()
        .filter(|f| f.hit)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(marked.len(), 1, "{:?}", hit.excerpt);
    assert!(marked[0].eq_ignore_ascii_case(&word));
}
