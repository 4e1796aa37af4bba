//! Search on a team server as a contributor's login: through Masthead and
//! as raw SQL, she finds only the pieces her policies let her read, and
//! never by the words of an editor's notes.

use masthead_core::model::{ArticleInput, SearchResults};
use masthead_core::{AssignmentQuery, Store};
use masthead_pgtest::cluster;

use super::{name_of, raw, refused_by_server, signed, team};

/// Every assignment the login may read.
fn everyone() -> AssignmentQuery {
    AssignmentQuery {
        article: None,
        contributor: None,
        edition: None,
    }
}

fn titles(r: &SearchResults) -> Vec<String> {
    r.groups
        .iter()
        .flat_map(|g| g.hits.iter().map(|h| h.title.clone()))
        .collect()
}

#[test]
fn a_contributor_finds_only_her_own_pieces_and_no_editors_notes() {
    let mut t = team();
    let publication = t.admin.list_publications().unwrap()[0].id;
    let hannah = Store::open_location(&signed(&t.hannah)).unwrap();

    // Editors find every piece that names Leeds; Hannah only those she
    // is commissioned for (the Leeds piece is hers, its follow-up is not).
    let mine: Vec<String> = hannah
        .list_assignments(everyone())
        .unwrap()
        .into_iter()
        .map(|a| a.article_title)
        .collect();
    let editors = titles(&t.admin.search(publication, "Leeds").unwrap());
    let hers = titles(&hannah.search(publication, "Leeds").unwrap());
    assert!(
        editors.iter().any(|t| !mine.contains(t)),
        "{editors:?} all hers"
    );
    assert!(!hers.is_empty());
    assert!(
        hers.iter().all(|t| mine.contains(t)),
        "{hers:?} beyond {mine:?}"
    );
    assert!(hers.iter().all(|t| editors.contains(t)));

    // An editor's note on her own piece is found by editors only.
    let (piece, _) = {
        let mut admin = cluster().admin(name_of(&t.url));
        super::attacks::her_live_piece(&t, &mut admin)
    };
    let piece = masthead_core::model::ArticleId::parse(&piece).unwrap();
    let before = t.admin.article(piece).unwrap();
    let mut input = ArticleInput::from(&before);
    input.notes = "Her fee is the wombat rate".into();
    t.admin
        .update_article(&t.actor, piece, None, &input)
        .unwrap();
    assert_eq!(t.admin.search(publication, "wombat").unwrap().total, 1);
    assert_eq!(hannah.search(publication, "wombat").unwrap().total, 0);
    // Her piece's title she finds.
    let word = before
        .title
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap();
    assert!(titles(&hannah.search(publication, word).unwrap()).contains(&before.title));

    // As raw SQL with her login: the notes' words are not hers to read,
    // and the words of what she may read name only her pieces.
    let mut h = raw(&t, &t.hannah);
    refused_by_server(
        h.query(
            "SELECT count(*) FROM articles WHERE notes_search @@ to_tsquery('simple', 'wombat')",
            &[],
        ),
        "searching the notes' words",
    );
    let found: Vec<String> = h
        .query(
            "SELECT a.id FROM articles a WHERE a.search @@ to_tsquery('simple', 'dortmund')
             UNION SELECT d.article_id FROM drafts d JOIN draft_contents c ON c.draft_id = d.id
              WHERE c.search @@ to_tsquery('simple', 'dortmund')
             UNION SELECT g.article_id FROM assignments g
              WHERE g.search @@ to_tsquery('simple', 'dortmund')",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let her_pieces: Vec<String> = hannah
        .list_assignments(everyone())
        .unwrap()
        .iter()
        .map(|a| a.article_id.to_string())
        .collect();
    assert!(
        found.iter().all(|id| her_pieces.contains(id)),
        "{found:?} beyond {her_pieces:?}"
    );
}
