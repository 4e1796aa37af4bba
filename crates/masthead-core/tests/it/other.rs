//! Publications, sections, contributors, the actor and settings.

use masthead_core::Actor;
use masthead_core::config::Settings;
use masthead_core::model::{ContributorInput, ContributorKind, PublicationInput};

use crate::Fixture;

fn person(name: &str, email: Option<&str>) -> ContributorInput {
    ContributorInput {
        name: name.into(),
        role: "Policy manager".into(),
        organisation: "NALC".into(),
        email: email.map(Into::into),
        phone: String::new(),
        kind: ContributorKind::Freelance,
        notes: String::new(),
    }
}

#[test]
fn a_publication_starts_with_the_default_workflow_and_sections() {
    let mut f = Fixture::new();
    let p = f.publication("PSE — Public Sector Executive");
    let workflow = f.store.workflow(p).unwrap();
    let labels: Vec<_> = workflow.statuses.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Idea", "Commissioned", "Draft received", "In edit", "Subbed", "Approved", "Laid out",
            "Published", "Spiked"
        ]
    );
    let colours: Vec<_> = workflow
        .statuses
        .iter()
        .map(|s| s.colour.as_str())
        .collect();
    for colour in &colours {
        assert!(
            masthead_core::palette::STATUS_COLOURS
                .iter()
                .any(|c| c.token == *colour),
            "{colour} is not in the palette"
        );
    }
    let sections = f.section_names(p);
    assert_eq!(sections, ["News", "Features", "Opinion"]);
    let err = f.refused("duplicate", |s, a| {
        s.create_publication(
            a,
            &PublicationInput {
                name: "pse — public sector executive".into(),
                frequency: String::new(),
                is_print: true,
            },
        )
    });
    assert!(err.to_string().contains("already exists"));
    f.refused("name_required", |s, a| {
        s.create_publication(a, &PublicationInput::default())
    });
}

#[test]
fn sections_are_per_publication_unique_and_renamable() {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    let housing = f.store.add_section(&f.actor, p, "  Housing ").unwrap();
    assert_eq!((housing.name.as_str(), housing.position), ("Housing", 3));
    f.refused("duplicate", |s, a| s.add_section(a, p, "housing"));
    f.refused("name_required", |s, a| s.add_section(a, p, ""));
    f.refused("name_too_long", |s, a| s.add_section(a, p, &"s".repeat(61)));
    let renamed = f
        .store
        .rename_section(&f.actor, housing.id, None, "Housing & Planning")
        .unwrap();
    assert_eq!(renamed.name, "Housing & Planning");
    let news = f.store.find_section(p, "News").unwrap();
    f.refused("duplicate", |s, a| {
        s.rename_section(a, news, None, "HOUSING & PLANNING")
    });
    let other = f.publication("Other");
    f.store
        .add_section(&f.actor, other, "Housing & Planning")
        .unwrap();
    let history = f.store.history_of(&housing.id.to_string()).unwrap();
    assert_eq!(
        history.last().unwrap().new_value.as_deref(),
        Some("Housing & Planning")
    );
}

#[test]
fn contributors_need_a_name_and_a_unique_valid_email() {
    let mut f = Fixture::new();
    let chris = f
        .store
        .add_contributor(
            &f.actor,
            &person(" Chris Borg ", Some("chris@nalc.example")),
        )
        .unwrap();
    assert_eq!(chris.name, "Chris Borg");
    f.store
        .add_contributor(&f.actor, &person("No Email", None))
        .unwrap();
    f.store
        .add_contributor(&f.actor, &person("Blank Email", Some("  ")))
        .unwrap();
    let err = f.refused("duplicate", |s, a| {
        s.add_contributor(a, &person("Imposter", Some("CHRIS@nalc.example")))
    });
    assert_eq!(err.field(), Some("email"));
    for bad in [
        "chris", "chris@", "@nalc.example", "chris@nalc", "chris borg@nalc.example",
        "a@b@c.example",
    ] {
        f.refused("email_invalid", |s, a| {
            s.add_contributor(a, &person("Bad", Some(bad)))
        });
    }
    f.refused("name_required", |s, a| {
        s.add_contributor(a, &person("", None))
    });
    let names: Vec<_> = f
        .store
        .list_contributors(None)
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Blank Email", "Chris Borg", "No Email"]);
}

#[test]
fn the_actor_is_never_empty() {
    assert_eq!(Actor::new("  ").unwrap_err().code(), "user_name_required");
    assert_eq!(
        Actor::new(&"n".repeat(121)).unwrap_err().code(),
        "user_name_too_long"
    );
    assert!(!Actor::from_os().name().is_empty());
    let named = Settings {
        user_name: "Tess".into(),
        ..Settings::default()
    };
    assert_eq!(named.actor().name(), "Tess");
    assert_eq!(Settings::default().actor(), Actor::from_os());
}

#[test]
fn settings_round_trip_and_survive_a_damaged_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cfg/settings.json");
    assert_eq!(Settings::load(&path), Settings::default());
    assert!(
        Settings::default().single_key_shortcuts,
        "on unless turned off"
    );
    let settings = Settings {
        user_name: "Tess".into(),
        last_database: Some("/tmp/x.db".into()),
        single_key_shortcuts: false,
        backups_kept: 7,
        link_days: 30,
        contributor_page_url: Some("https://mh.example.org".into()),
    };
    settings.save(&path).unwrap();
    assert_eq!(Settings::load(&path), settings);
    std::fs::write(&path, "{ not json").unwrap();
    assert_eq!(Settings::load(&path), Settings::default());
    // A file written before the setting existed keeps shortcuts on.
    std::fs::write(&path, r#"{"user_name": "Tess"}"#).unwrap();
    let old = Settings::load(&path);
    assert_eq!(
        (
            old.user_name.as_str(),
            old.single_key_shortcuts,
            old.backups_kept,
            old.link_days,
            old.contributor_page_url
        ),
        (
            "Tess",
            true,
            masthead_core::config::DEFAULT_BACKUPS_KEPT,
            90,
            None
        )
    );
    // Links' settings are checked as they are set.
    let mut s = Settings::default();
    assert!(s.set_link_days(400).is_err());
    assert!(s.set_contributor_page_url("not an address").is_err());
    s.set_contributor_page_url("https://mh.example.org/")
        .unwrap();
    assert_eq!(
        s.contributor_page_url.as_deref(),
        Some("https://mh.example.org")
    );
    s.set_contributor_page_url(" ").unwrap();
    assert_eq!(s.contributor_page_url, None);
}

/// History is append-only for everyone: no UPDATE, DELETE (or, on a team
/// server, TRUNCATE) of a change set or a change gets through, even by
/// the database's owner; writing history goes on working.
#[test]
fn history_is_append_only_for_everyone() {
    let mut f = Fixture::new();
    f.publication("PSE");
    let before = f.snapshot();
    let mut attempts = vec![
        "UPDATE changes SET new_value = 'forged'",
        "DELETE FROM changes",
        "UPDATE change_sets SET actor = 'Someone else'",
        "DELETE FROM change_sets",
    ];
    if f.server.is_some() {
        attempts.push("TRUNCATE changes");
        attempts.push("TRUNCATE change_sets CASCADE");
    }
    for sql in attempts {
        let refused = f.raw_sql(sql).expect_err(sql);
        assert!(refused.contains("append-only"), "{sql}: {refused}");
    }
    assert_eq!(f.snapshot(), before, "nothing of the history changed");
    // Saving still writes history.
    f.publication("Another");
    assert_ne!(f.snapshot(), before);
}

/// One rule for names on a file and on a server (this body runs on both):
/// names that differ only in case, by Unicode's full case folding, are one
/// name, "Café" and "CAFÉ", "Straße" and "STRASSE", and a name finds what
/// it names however it is cased.
#[test]
fn names_that_differ_only_in_case_are_one_name_on_both_stores() {
    let mut f = Fixture::new();
    let p = f.publication("Zeitschrift für Straßenbau");
    let actor = f.actor.clone();
    for (first, second) in [("Café", "CAFÉ"), ("Straße", "STRASSE"), ("Ωmega", "ωMEGA")] {
        f.store.add_section(&actor, p, first).unwrap();
        let err = f.store.add_section(&actor, p, second).unwrap_err();
        assert_eq!(err.code(), "duplicate", "{second} after {first}: {err}");
        let found = f.store.find_section(p, &second.to_lowercase()).unwrap();
        let section = f.store.section(found).unwrap();
        assert_eq!(section.name, first);
    }
    // The same letters composed another way are the same name.
    let err = f.store.add_section(&actor, p, "Cafe\u{301}").unwrap_err();
    assert_eq!(err.code(), "duplicate", "{err}");
    // Different letters stay different names.
    f.store.add_section(&actor, p, "Cafe").unwrap();
    let err = f
        .store
        .create_publication(
            &actor,
            &PublicationInput {
                name: "ZEITSCHRIFT FÜR STRASSENBAU".into(),
                frequency: String::new(),
                is_print: true,
            },
        )
        .unwrap_err();
    assert_eq!(err.code(), "duplicate", "{err}");
    assert_eq!(
        f.store
            .find_publication(Some("zeitschrift für strassenbau"))
            .unwrap(),
        p
    );
    let c = f
        .store
        .add_contributor(
            &actor,
            &person("Jürgen Groß", Some("j.gross@straße.example")),
        )
        .unwrap();
    let err = f
        .store
        .add_contributor(&actor, &person("Another", Some("J.GROSS@STRASSE.EXAMPLE")))
        .unwrap_err();
    assert_eq!(err.code(), "duplicate", "{err}");
    assert_eq!(f.store.find_contributor("JÜRGEN GROSS").unwrap(), c.id);
}
