use masthead_core::Actor;
use std::cell::Cell;

use masthead_core::model::{ArticleInput, EditionId, KindId, StatusId};

use crate::{Fixture, edition_input};

thread_local! {
    /// The "Feature" kind of the publication `with_edition` made (each test
    /// runs on its own thread, with its own database).
    static FEATURE: Cell<Option<KindId>> = const { Cell::new(None) };
}

fn piece(title: &str) -> ArticleInput {
    ArticleInput {
        title: title.into(),
        standfirst: "A standfirst".into(),
        section_id: None,
        kind_id: FEATURE.get().expect("with_edition() first"),
        word_target: Some(1200),
        notes: String::new(),
    }
}

fn with_edition() -> (Fixture, EditionId) {
    let mut f = Fixture::new();
    let p = f.publication("PSE");
    FEATURE.set(Some(f.store.find_kind(p, "feature").unwrap()));
    let e = f
        .store
        .create_edition(&f.actor, p, &edition_input("Feb/Mar 21"))
        .unwrap()
        .item
        .id;
    (f, e)
}

fn status(f: &Fixture, article: masthead_core::model::ArticleId, name: &str) -> StatusId {
    f.store.find_status_for(article, name).unwrap().id
}

#[test]
fn a_new_piece_starts_as_an_idea_with_a_slug_and_history() {
    let (mut f, e) = with_edition();
    let a = f
        .store
        .add_article(
            &f.actor,
            e,
            &piece("Keep communities at the heart of planning!"),
        )
        .unwrap();
    assert_eq!(
        (
            a.status.as_str(),
            a.status_label.as_str(),
            a.status_colour.as_str()
        ),
        ("idea", "Idea", "slate")
    );
    assert_eq!(a.slug, "keep-communities-at-the-heart-of-planning");
    assert_eq!(a.edition_id, e);
    assert_eq!(
        f.store.list_articles(e, crate::today()).unwrap(),
        vec![a.clone()]
    );
    assert_eq!(f.store.edition(e).unwrap().article_count, 1);
    let detail = f.store.article_detail(a.id, crate::today()).unwrap();
    let next: Vec<_> = detail
        .next_statuses
        .iter()
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(next, vec!["commissioned", "spiked"]);
    assert_eq!(detail.history.len(), 1);
}

#[test]
fn a_piece_walks_the_default_workflow_and_every_move_is_recorded() {
    let (mut f, e) = with_edition();
    let a = f
        .store
        .add_article(&f.actor, e, &piece("Housing at the heart of levelling up"))
        .unwrap();
    let path = ["Commissioned", "draft received", "in_edit", "In-edit"];
    let mut article = a.clone();
    for (i, name) in path.iter().take(3).enumerate() {
        let who = Actor::new(&format!("Editor {i}")).unwrap();
        let to = status(&f, a.id, name);
        article = f.store.change_status(&who, a.id, None, to).unwrap();
    }
    assert_eq!(article.status_label, "In edit");
    // A rewrite: back from In edit to Commissioned is allowed.
    let back = status(&f, a.id, "commissioned");
    f.store.change_status(&f.actor, a.id, None, back).unwrap();
    let moves: Vec<_> = f
        .store
        .history_of(&a.id.to_string())
        .unwrap()
        .into_iter()
        .filter(|h| h.action == "status")
        .map(|h| (h.old_value.unwrap(), h.new_value.unwrap(), h.actor))
        .collect();
    assert_eq!(
        moves,
        vec![
            (
                "Idea".to_string(),
                "Commissioned".to_string(),
                "Editor 0".to_string()
            ),
            (
                "Commissioned".into(),
                "Draft received".into(),
                "Editor 1".into()
            ),
            ("Draft received".into(), "In edit".into(), "Editor 2".into()),
            (
                "In edit".into(),
                "Commissioned".into(),
                "Tess Editor".into()
            ),
        ]
    );
}

#[test]
fn moves_the_workflow_does_not_allow_are_refused_with_the_allowed_ones_named() {
    let (mut f, e) = with_edition();
    let a = f
        .store
        .add_article(&f.actor, e, &piece("Is the Public Sector safe?"))
        .unwrap();
    let published = status(&f, a.id, "published");
    let err = f.refused("transition_not_allowed", |s, who| {
        s.change_status(who, a.id, None, published)
    });
    assert_eq!(
        err.to_string(),
        "A piece cannot move from \"Idea\" to \"Published\". From \"Idea\" it can go to: \"Commissioned\", \"Spiked\"."
    );
    let idea = status(&f, a.id, "idea");
    f.refused("status_unchanged", |s, who| {
        s.change_status(who, a.id, None, idea)
    });
    let ghost = StatusId::parse("01890000-0000-7000-8000-000000000000").unwrap();
    f.refused("not_found", |s, who| {
        s.change_status(who, a.id, None, ghost)
    });
}

#[test]
fn spiked_is_reachable_before_published_and_published_is_final() {
    let (mut f, e) = with_edition();
    let a = f
        .store
        .add_article(&f.actor, e, &piece("Ten lessons from lockdown"))
        .unwrap();
    for name in [
        "commissioned", "draft_received", "in_edit", "subbed", "approved", "laid_out",
    ] {
        let to = status(&f, a.id, name);
        f.store.change_status(&f.actor, a.id, None, to).unwrap();
        let next: Vec<_> = f
            .store
            .article_detail(a.id, crate::today())
            .unwrap()
            .next_statuses
            .into_iter()
            .map(|s| s.key)
            .collect();
        assert!(next.contains(&"spiked".to_string()), "{name}: {next:?}");
    }
    let published = status(&f, a.id, "published");
    f.store
        .change_status(&f.actor, a.id, None, published)
        .unwrap();
    assert!(
        f.store
            .article_detail(a.id, crate::today())
            .unwrap()
            .next_statuses
            .is_empty()
    );
    let spiked = status(&f, a.id, "spiked");
    let err = f.refused("transition_not_allowed", |s, who| {
        s.change_status(who, a.id, None, spiked)
    });
    assert!(err.to_string().contains("nowhere (it is final)"), "{err}");

    // A spiked idea can be revived.
    let b = f.store.add_article(&f.actor, e, &piece("Revived")).unwrap();
    let spiked = status(&f, b.id, "spiked");
    f.store.change_status(&f.actor, b.id, None, spiked).unwrap();
    let idea = status(&f, b.id, "idea");
    assert_eq!(
        f.store
            .change_status(&f.actor, b.id, None, idea)
            .unwrap()
            .status,
        "idea"
    );
}

#[test]
fn bad_article_input_is_refused_with_a_clear_error_and_no_change() {
    let (mut f, e) = with_edition();
    let existing = f
        .store
        .add_article(&f.actor, e, &piece("Existing"))
        .unwrap();
    let other_pub = f.publication("Other");
    let foreign_section = f.store.list_sections(other_pub).unwrap()[0].id;
    type Case = (
        Box<dyn Fn(&mut ArticleInput)>,
        &'static str,
        Option<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            Box::new(|i| i.title = " ".into()),
            "title_required",
            Some("title"),
        ),
        (
            Box::new(|i| i.title = "t".repeat(201)),
            "title_too_long",
            Some("title"),
        ),
        (
            Box::new(|i| i.standfirst = "s".repeat(1001)),
            "standfirst_too_long",
            Some("standfirst"),
        ),
        (
            Box::new(|i| i.word_target = Some(0)),
            "word_target_not_positive",
            Some("word_target"),
        ),
        (
            Box::new(|i| i.word_target = Some(250_000)),
            "word_target_too_large",
            Some("word_target"),
        ),
        (
            Box::new(move |i| i.section_id = Some(foreign_section)),
            "section_other_publication",
            Some("section_id"),
        ),
    ];
    for (change, code, field) in cases {
        let mut input = piece("New piece");
        change(&mut input);
        let err = f.refused(code, |s, a| s.add_article(a, e, &input));
        assert_eq!(err.field(), field);
        f.refused(code, |s, a| s.update_article(a, existing.id, None, &input));
    }
    let ghost = EditionId::parse("01890000-0000-7000-8000-000000000000").unwrap();
    f.refused("not_found", |s, a| {
        s.add_article(a, ghost, &piece("Orphan"))
    });
}

#[test]
fn an_article_update_records_field_changes_and_section_names() {
    let (mut f, e) = with_edition();
    let a = f
        .store
        .add_article(&f.actor, e, &piece("Draft title"))
        .unwrap();
    let pub_id = f.store.edition(e).unwrap().publication_id;
    let news = f.store.find_section(pub_id, "news").unwrap();
    let mut input = ArticleInput::from(&a);
    input.title = "Final title".into();
    input.section_id = Some(news);
    let case_study = f.store.find_kind(pub_id, "Case study").unwrap();
    input.kind_id = case_study;
    input.word_target = None;
    let updated = f
        .store
        .update_article(&f.actor, a.id, None, &input)
        .unwrap();
    assert_eq!(
        (
            updated.slug.as_str(),
            updated.section.as_deref(),
            updated.kind.as_str()
        ),
        ("final-title", Some("News"), "case_study")
    );
    let fields: Vec<_> = f
        .store
        .history_of(&a.id.to_string())
        .unwrap()
        .into_iter()
        .filter(|h| h.action == "updated")
        .map(|h| (h.field.unwrap(), h.old_value, h.new_value))
        .collect();
    assert_eq!(
        fields,
        vec![
            (
                "title".to_string(),
                Some("Draft title".to_string()),
                Some("Final title".to_string())
            ),
            ("section".into(), None, Some("News".into())),
            (
                "kind".into(),
                Some("Feature".into()),
                Some("Case study".into())
            ),
            ("word_target".into(), Some("1200".into()), None),
        ]
    );
}

#[test]
fn articles_are_found_by_title_and_ambiguity_is_explained() {
    let (mut f, e) = with_edition();
    let a = f
        .store
        .add_article(&f.actor, e, &piece("Same title"))
        .unwrap();
    assert_eq!(f.store.find_article(Some(e), "same TITLE").unwrap(), a.id);
    f.store
        .add_article(&f.actor, e, &piece("Same title"))
        .unwrap();
    let err = f.store.find_article(None, "Same title").unwrap_err();
    assert_eq!(err.code(), "ambiguous");
    assert!(err.to_string().contains("matches 2 articles"), "{err}");
    assert_eq!(f.store.find_article(None, &a.id.to_string()).unwrap(), a.id);
}

#[test]
fn kinds_are_found_by_the_words_people_type() {
    let (f, e) = with_edition();
    let p = f.store.edition(e).unwrap().publication_id;
    for (text, key) in [
        ("news", "news"),
        ("Case study", "case_study"),
        ("case-study", "case_study"),
        ("Partner content", "partner"),
        ("partner", "partner"),
        ("VIDEO", "video"),
    ] {
        let id = f.store.find_kind(p, text).unwrap();
        let kind = f
            .store
            .list_kinds(p, true)
            .unwrap()
            .into_iter()
            .find(|k| k.id == id)
            .unwrap();
        assert_eq!(kind.key, key, "{text}");
    }
    assert_eq!(
        f.store.find_kind(p, "poem").unwrap_err().code(),
        "not_found"
    );
}

/// One rule for text on both stores: NUL nowhere; no control character or
/// direction override in a one-line field; tabs and line breaks kept in a
/// block (Windows' made `\n`); a title of invisible characters is empty.
#[test]
fn odd_characters_are_refused_by_one_rule_on_both_stores() {
    let (mut f, e) = with_edition();
    type Case = (Box<dyn Fn(&mut ArticleInput)>, &'static str);
    let cases: Vec<Case> = vec![
        (
            Box::new(|i| i.title = "\u{200B}\u{FEFF}".into()),
            "title_required",
        ),
        (Box::new(|i| i.title = "\u{1}".into()), "title_required"),
        (
            Box::new(|i| i.title = "Pay\u{0}day".into()),
            "title_invalid_character",
        ),
        (
            Box::new(|i| i.title = "Two\nlines".into()),
            "title_invalid_character",
        ),
        (
            Box::new(|i| i.title = "Bell\u{7}".into()),
            "title_invalid_character",
        ),
        (
            Box::new(|i| i.title = "evil\u{202E}txt.exe".into()),
            "title_invalid_character",
        ),
        (
            Box::new(|i| i.title = "iso\u{2066}late".into()),
            "title_invalid_character",
        ),
        (
            Box::new(|i| i.notes = "a\u{0}b".into()),
            "notes_invalid_character",
        ),
        (
            Box::new(|i| i.notes = "escape \u{1b}[2J".into()),
            "notes_invalid_character",
        ),
        (
            Box::new(|i| i.standfirst = "nul\u{0}".into()),
            "standfirst_invalid_character",
        ),
    ];
    for (change, code) in cases {
        let mut input = piece("Fine");
        change(&mut input);
        let err = f.refused(code, |s, who| s.add_article(who, e, &input));
        assert_eq!(
            err.to_string().contains("U+"),
            code.ends_with("character"),
            "{err}"
        );
    }
    let mut input = piece("Tabs\tand all");
    input.title = "Heat pumps".into();
    input.notes = "Line one\r\nLine two\rLine three\tend".into();
    input.standfirst = "An \u{202E} override is only odd in one line".into();
    let saved = f.store.add_article(&f.actor, e, &input).unwrap();
    assert_eq!(saved.notes, "Line one\nLine two\nLine three\tend");
    // Names of people and of files follow the same rule.
    assert_eq!(
        masthead_core::Actor::new("Tess\u{1b}[31m")
            .unwrap_err()
            .code(),
        "user_name_invalid_character"
    );
    assert_eq!(
        masthead_core::Actor::new("\u{200B}").unwrap_err().code(),
        "user_name_required"
    );
}

#[test]
fn keep_mine_puts_only_my_changed_fields_on_their_save_in_one_change() {
    let (mut f, e) = with_edition();
    let a = f.store.add_article(&f.actor, e, &piece("Homes")).unwrap();
    let base = ArticleInput::from(&a);
    // Someone else saves a new title and target.
    let other = Actor::new("Sam Sub").unwrap();
    let theirs = ArticleInput {
        title: "Homes for all".into(),
        word_target: Some(1500),
        ..base.clone()
    };
    f.store
        .update_article(&other, a.id, Some(a.version), &theirs)
        .unwrap();
    // I changed the standfirst from the version I saw: a conflict.
    let mine = ArticleInput {
        standfirst: "My standfirst".into(),
        ..base.clone()
    };
    let stale = f
        .store
        .update_article(&f.actor, a.id, Some(a.version), &mine);
    assert!(
        matches!(stale, Err(masthead_core::Error::Conflict(_))),
        "{stale:?}"
    );
    let kept = f
        .store
        .keep_mine_article(&f.actor, a.id, &base, &mine)
        .unwrap();
    assert_eq!(kept.title, "Homes for all", "their title stays");
    assert_eq!(kept.word_target, Some(1500), "their target stays");
    assert_eq!(
        kept.standfirst, "My standfirst",
        "my standfirst is put on top"
    );
    assert_eq!(kept.version, a.version + 2);
    let history = f.store.history_of(&a.id.to_string()).unwrap();
    let last = history
        .iter()
        .max_by_key(|h| h.version)
        .expect("the kept save is recorded");
    assert_eq!(last.actor, f.actor.name());
    assert_eq!(last.field.as_deref(), Some("standfirst"), "{history:?}");
}
