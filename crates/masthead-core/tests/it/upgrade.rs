//! A version 1 database holding the demo's data, upgraded, equals the demo
//! loaded into a fresh database; the rebuilt tables keep every row and id.

use std::path::Path;

use masthead_core::Store;

use crate::Fixture;

/// Everything a user sees of a database, without ids and timestamps.
fn view(store: &Store) -> String {
    let mut out = String::new();
    for p in store.list_publications().unwrap() {
        out += &format!(
            "publication {} {} print={}\n",
            p.name, p.frequency, p.is_print
        );
        let wf = store.workflow(p.id).unwrap();
        let key = |id| wf.statuses.iter().find(|s| s.id == id).unwrap().key.clone();
        for s in &wf.statuses {
            out += &format!(
                "  status {} {} {} initial={} spiked={} final={} drafts={} deadline={:?} retired={}\n",
                s.key,
                s.label,
                s.colour,
                s.is_initial,
                s.is_spiked,
                s.is_final,
                s.receives_drafts,
                s.deadline,
                s.retired
            );
        }
        for t in &wf.transitions {
            out += &format!("  move {} -> {}\n", key(t.from), key(t.to));
        }
        for k in store.list_kinds(p.id, true).unwrap() {
            out += &format!(
                "  kind {} {} retired={} words/page={:?}\n",
                k.key, k.label, k.retired, k.words_per_page
            );
        }
        for s in store.list_sections(p.id).unwrap() {
            out += &format!("  section {} {} v{}\n", s.position, s.name, s.version);
        }
        for e in store.list_editions(Some(p.id)).unwrap() {
            out += &format!(
                "  edition {} | {} | {:?} | {} pages | {:?} {:?} {:?} {:?} {:?} | {} pieces {} spiked v{}\n",
                e.name,
                e.theme,
                e.focus_topics,
                e.page_count,
                e.commissioning_closes,
                e.copy_deadline,
                e.subbing_deadline,
                e.press_date,
                e.on_sale_date,
                e.article_count,
                e.spiked_count,
                e.version
            );
            for h in store.edition_history(e.id).unwrap() {
                out += &format!("    history {} {} v{:?}\n", h.actor, h.text, h.version);
            }
            for a in store.list_articles(e.id, crate::today()).unwrap() {
                out += &format!(
                    "    piece {} | {} | {:?} | {} {} | {} spiked={} | {:?} | {:?} | v{}\n",
                    a.title,
                    a.slug,
                    a.section,
                    a.kind,
                    a.kind_label,
                    a.status_label,
                    a.status_is_spiked,
                    a.word_target,
                    a.contributors,
                    a.version
                );
                for asg in store
                    .list_assignments(masthead_core::AssignmentQuery {
                        article: Some(a.id),
                        ..Default::default()
                    })
                    .unwrap()
                {
                    out += &format!(
                        "      assignment {} {} {:?} {:?} {:?} {:?} {:?} v{}\n",
                        asg.contributor,
                        asg.role,
                        asg.state,
                        asg.word_target,
                        asg.due_date,
                        asg.fee,
                        asg.brief,
                        asg.version
                    );
                }
                // The flatplan arrived in v4: v1's demo had none to upgrade.
                for h in store
                    .history_of(&a.id.to_string())
                    .unwrap()
                    .into_iter()
                    .filter(|h| h.entity != "flatplan")
                {
                    let refs = |r: &Option<String>| {
                        r.as_ref().map(|id| {
                            wf.statuses
                                .iter()
                                .find(|s| s.id.to_string() == *id)
                                .map(|s| s.label.clone())
                                .unwrap_or_else(|| "?".into())
                        })
                    };
                    out += &format!(
                        "      history {} {} {} v{:?} refs {:?} -> {:?}\n",
                        h.actor,
                        h.entity,
                        h.text,
                        h.version,
                        refs(&h.old_ref),
                        refs(&h.new_ref)
                    );
                }
            }
        }
    }
    for c in store.list_contributors(None).unwrap() {
        out += &format!(
            "contributor {} {} {} {:?}\n",
            c.name, c.role, c.organisation, c.email
        );
    }
    out
}

fn ids(path: &Path, sql: &str) -> Vec<String> {
    let conn = crate::open_sqlite(path).unwrap();
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn the_v1_demo_upgraded_equals_the_demo_loaded_fresh() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.db");
    crate::v1_demo_file(&old);
    let v1_articles = ids(&old, "SELECT id FROM articles ORDER BY id");
    let v1_history = ids(&old, "SELECT id FROM history ORDER BY id");
    assert_eq!(v1_articles.len(), 14);
    assert!(v1_history.len() > 50);

    let upgraded = Store::open(&old).unwrap();
    assert_eq!(
        upgraded.schema_version().unwrap(),
        masthead_core::SCHEMA_VERSION
    );

    let mut fresh = Fixture::new();
    fresh.store.load_demo(&fresh.actor).unwrap();

    let (got, want) = (view(&upgraded), view(&fresh.store));
    // Since v1 the demo's video page has a writer, whose running order is
    // its draft (no piece reaches Draft received without one). That one
    // assignment is the demo's, not the upgrade's, so it is set aside here.
    let video = "video Video | Published spiked=false | None | ";
    let want = want
        .replace(
            &format!("{video}[\"Hannah Okafor\"]"),
            &format!("{video}[]"),
        )
        .replacen(
            "      assignment Hannah Okafor writer Accepted None None None \"\" v1\n",
            "",
            1,
        );
    assert!(
        want.contains("status idea Idea slate initial=true"),
        "{want}"
    );
    assert!(
        want.contains("kind case_study Case study retired=false"),
        "{want}"
    );
    assert!(
        want.contains("refs Some(\"Laid out\") -> Some(\"Published\")"),
        "{want}"
    );
    assert_eq!(got, want);

    // The rebuilt and converted tables kept every row and id.
    assert_eq!(
        ids(&old, "SELECT id FROM articles ORDER BY id"),
        v1_articles
    );
    assert_eq!(ids(&old, "SELECT id FROM changes ORDER BY id"), v1_history);
    let check = ids(&old, "SELECT 'fk' FROM pragma_foreign_key_check");
    assert!(check.is_empty(), "{check:?}");
    let integrity = ids(&old, "PRAGMA integrity_check");
    assert_eq!(integrity, ["ok"]);
}
