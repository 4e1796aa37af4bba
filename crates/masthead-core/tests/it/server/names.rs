//! One rule for names on both stores: Unicode's full case folding
//! (`masthead_core::fold`), the same on a file and on a server.

use masthead_core::{Store, fold};
use masthead_pgtest::cluster;

/// Migration 11's copy of the rule: the characters that fold to one
/// character (for `translate`) and those that fold to several.
pub fn fold_tables() -> (String, String, String) {
    let esc = |s: &str| -> String {
        let body: String = s.chars().map(|c| format!("\\+{:06X}", c as u32)).collect();
        format!("U&'{body}'")
    };
    let (mut from, mut to, mut many) = (String::new(), String::new(), Vec::new());
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let one = c.to_string();
        let folded = fold(&one);
        if folded == one {
            continue;
        }
        if folded.chars().count() == 1 {
            from.push(c);
            to.push_str(&folded);
        } else {
            many.push(format!("{}, {}", esc(&one), esc(&folded)));
        }
    }
    (
        esc(&from),
        esc(&to),
        format!("ARRAY[{}]", many.join(",\n        ")),
    )
}

#[test]
fn the_servers_fold_is_the_cores_for_every_character() {
    let migration = include_str!("../../../src/migrations/postgres/0011_one_rule_for_names.sql");
    let (from, to, many) = fold_tables();
    // After a Unicode update: MASTHEAD_WRITE_FOLD_TABLES=FILE writes the
    // three for a new migration.
    if let Ok(file) = std::env::var("MASTHEAD_WRITE_FOLD_TABLES") {
        std::fs::write(file, format!("{from}\n{to}\n{many}\n")).unwrap();
    }
    for (what, table) in [("from", &from), ("to", &to), ("many", &many)] {
        assert!(
            migration.contains(table.as_str()),
            "migration 11's {what} is not Rust's fold (a newer Unicode?). It should be:\n{table}"
        );
    }
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let mut admin = cluster().admin(url.rsplit('/').next().unwrap().split('?').next().unwrap());
    // Every character, a thousand at a time, each on its own line.
    let chars: Vec<char> = (1..=0x10FFFFu32).filter_map(char::from_u32).collect();
    for chunk in chars.chunks(4000) {
        let text: String = chunk.iter().flat_map(|c| [*c, '\n']).collect();
        let server: String = admin
            .query_one("SELECT masthead_fold($1)", &[&text])
            .unwrap()
            .get(0);
        assert_eq!(server, fold(&text), "from U+{:04X}", chunk[0] as u32);
    }
}

/// A file whose names only Unicode tells apart from others' cases moves
/// onto a server and back unchanged: the server's rule is the file's.
#[test]
fn a_file_with_such_names_moves_onto_a_server_and_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = Store::open(dir.path().join("names.db")).unwrap();
    let actor = masthead_core::Actor::new("Tess Editor").unwrap();
    let p = file
        .create_publication(
            &actor,
            &masthead_core::model::PublicationInput {
                name: "Zeitschrift für Straßenbau".into(),
                frequency: String::new(),
                is_print: true,
            },
        )
        .unwrap()
        .id;
    // "Ｃａｆé" (full-width letters) is another name than "Café" by the
    // rule both stores share; the server's old ICU comparison made them one
    // and refused this file.
    for name in [
        "Café", "Ｃａｆé", "Straße", "Cafe", "Strasse-Nord", "Ωmega", "ǅemal",
    ] {
        file.add_section(&actor, p, name).unwrap();
    }
    let names = |s: &Store| -> Vec<String> {
        let p = s.find_publication(None).unwrap();
        let mut n: Vec<String> = s
            .list_sections(p)
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        n.sort();
        n
    };
    let url = cluster().database(|t| {
        Store::open_location(t).unwrap();
    });
    let mut server = Store::open_location(&url).unwrap();
    server.import_everything_from(&file).unwrap();
    assert_eq!(names(&server), names(&file));
    let mut back = Store::open(dir.path().join("back.db")).unwrap();
    back.import_everything_from(&server).unwrap();
    assert_eq!(names(&back), names(&file));
    // And the rule holds there as here.
    let err = server.add_section(&actor, p, "CAFÉ").unwrap_err();
    assert_eq!(err.code(), "duplicate", "{err}");
}
