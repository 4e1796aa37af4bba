//! What a draft never does: change once stored, move a piece past drafts,
//! choose a path or a program; and how versions are saved and counted.

use super::*;

#[test]
fn drafts_cannot_be_changed_or_deleted_even_by_sql() {
    let mut d = desk();
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &upload("leeds.md"), None)
        .unwrap();
    for sql in [
        "UPDATE drafts SET words = 1",
        "DELETE FROM drafts",
        "UPDATE draft_contents SET text = 'gone'",
        "DELETE FROM draft_contents",
    ] {
        let e = d.f.raw_sql(sql).unwrap_err();
        assert!(e.contains("never"), "{sql}: {e}");
    }
    assert_eq!(d.f.store.drafts(d.piece).unwrap()[0].words, 484);
}

#[test]
fn a_piece_past_drafts_or_spiked_stays_where_it_is() {
    let mut d = desk();
    let piece = d.f.store.article(d.piece).unwrap();
    let in_edit = d.f.store.find_status_for(d.piece, "In edit").unwrap();
    // Idea → Commissioned → Draft received → In edit.
    let mut version = piece.version;
    for step in ["Commissioned", "Draft received", "In edit"] {
        let to = d.f.store.find_status_for(d.piece, step).unwrap();
        version =
            d.f.store
                .change_status(&d.f.actor, d.piece, Some(version), to.id)
                .unwrap()
                .version;
    }
    assert_eq!(d.f.store.article(d.piece).unwrap().status_id, in_edit.id);
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &upload("leeds.txt"), None)
        .unwrap();
    let after = d.f.store.article(d.piece).unwrap();
    assert_eq!(after.status_label, "In edit");
    assert_eq!(after.version, version, "the piece itself did not change");
}

#[test]
fn the_workflow_says_where_drafts_arrive_or_that_they_move_nothing() {
    let mut d = desk();
    // Drafts arrive in "In edit" instead (one status holds the flag).
    let wf = d.f.store.workflow(d.publication).unwrap();
    let in_edit = wf
        .statuses
        .iter()
        .find(|s| s.label == "In edit")
        .unwrap()
        .clone();
    let mut input = masthead_core::model::StatusInput::from(&in_edit);
    input.receives_drafts = true;
    d.f.store
        .update_status(&d.f.actor, in_edit.id, Some(wf.version), &input)
        .unwrap();
    let saved =
        d.f.store
            .submit_draft(&d.f.actor, d.piece, &upload("leeds.md"), None)
            .unwrap();
    assert_eq!(saved.item.moved_to.as_deref(), Some("In edit"));

    // With no status flagged, a first draft moves nothing.
    let mut d = desk();
    let wf = d.f.store.workflow(d.publication).unwrap();
    let drafts_here = wf
        .statuses
        .iter()
        .find(|s| s.receives_drafts)
        .unwrap()
        .clone();
    let mut input = masthead_core::model::StatusInput::from(&drafts_here);
    input.receives_drafts = false;
    d.f.store
        .update_status(&d.f.actor, drafts_here.id, Some(wf.version), &input)
        .unwrap();
    let saved =
        d.f.store
            .submit_draft(&d.f.actor, d.piece, &upload("leeds.md"), None)
            .unwrap();
    assert_eq!(saved.item.moved_to, None);
    assert_eq!(d.f.store.article(d.piece).unwrap().status_label, "Idea");
}

#[test]
fn a_piece_without_its_own_target_counts_against_its_commission_everywhere() {
    let mut d = desk();
    // Take the piece's own target away: the commission's 1,000 counts.
    let piece = d.f.store.article(d.piece).unwrap();
    let mut input = masthead_core::model::ArticleInput::from(&piece);
    input.word_target = None;
    d.f.store
        .update_article(&d.f.actor, d.piece, Some(piece.version), &input)
        .unwrap();
    let saved =
        d.f.store
            .submit_draft(&d.f.actor, d.piece, &upload("leeds.txt"), None)
            .unwrap();
    assert_eq!(saved.item.count.target, Some(1000));
    assert_eq!(saved.item.count.percent, Some(-52));
    let copy = d.f.store.article(d.piece).unwrap().copy.unwrap();
    assert_eq!((copy.target, copy.off), (Some(1000), true));
    let board =
        d.f.store
            .board(d.publication, &BoardFilter::default(), today())
            .unwrap();
    let card = board.cards.iter().find(|c| c.id == d.piece).unwrap();
    assert_eq!(card.copy.unwrap().target, Some(1000));
    let plan = d.f.store.flatplan(d.edition).unwrap();
    let slot = plan
        .slots
        .iter()
        .find(|s| s.article_id == Some(d.piece))
        .unwrap();
    assert_eq!(slot.copy.unwrap().target, Some(1000));
}

#[test]
fn a_file_name_too_long_to_keep_is_refused_in_words() {
    let mut d = desk();
    let piece = d.piece;
    let mut u = upload("leeds.txt");
    u.name = format!("{}.txt", "n".repeat(260));
    let e = d.f.refused("file_name_too_long", |s, a| {
        s.submit_draft(a, piece, &u, None)
    });
    assert!(e.to_string().contains("264 characters"), "{e}");
}

#[test]
fn versions_save_as_the_file_sent_or_as_text() {
    use masthead_core::model::DraftFormat;
    let mut d = desk();
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &upload("features.docx"), None)
        .unwrap();
    let original =
        d.f.store
            .export_draft(d.piece, None, DraftFormat::Original)
            .unwrap();
    // Named by Masthead, never by the name the contributor sent.
    assert_eq!(
        original.file_name,
        "leeds-to-sign-memoranda-with-lille-and-brno-v1.docx"
    );
    assert_eq!(
        original.bytes,
        std::fs::read(fixture("features.docx")).unwrap()
    );
    let md =
        d.f.store
            .export_draft(d.piece, Some(1), DraftFormat::Markdown)
            .unwrap();
    assert_eq!(
        md.file_name,
        "leeds-to-sign-memoranda-with-lille-and-brno-v1.md"
    );
    let md = String::from_utf8(md.bytes).unwrap();
    assert!(md.starts_with("# Housing after the pandemic\n"), "{md}");
    let txt =
        d.f.store
            .export_draft(d.piece, Some(1), DraftFormat::Text)
            .unwrap();
    assert!(String::from_utf8(txt.bytes).unwrap().ends_with("survey.\n"));
    assert_eq!(DraftFormat::parse("MD"), Some(DraftFormat::Markdown));
    assert_eq!(DraftFormat::parse("pdf"), None);
}

/// Nothing a contributor stored chooses a path or a program on an editor's
/// desktop: the file to open is named by Masthead from the piece's slug,
/// the version and the extension of its verified kind; a stored kind off
/// the allow-list, or bytes that are not what the kind says, are refused.
#[test]
fn a_stored_name_or_kind_never_chooses_a_path_or_a_program() {
    let mut d = desk();
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &upload("features.docx"), None)
        .unwrap();
    if d.f.server.is_some() {
        return;
    }
    // As a contributor's login could write them on a server (issue 17).
    d.f.raw_sql(
        "DROP TRIGGER drafts_kept_on_update;
         UPDATE drafts SET file_name = '../../.local/share/applications/evil.desktop'",
    )
    .unwrap();
    let file = d.f.store.draft_file(d.piece, None).unwrap();
    assert_eq!(
        file.file_name,
        "leeds-to-sign-memoranda-with-lille-and-brno-v1.docx"
    );
    d.f.raw_sql("UPDATE drafts SET media_type = 'application/x-desktop'")
        .unwrap();
    let refused = d.f.store.draft_file(d.piece, None).unwrap_err();
    assert_eq!(refused.code(), "draft_not_openable", "{refused}");
    d.f.raw_sql("UPDATE drafts SET media_type = 'text/markdown'")
        .unwrap();
    // A .docx's bytes are not a Markdown file's (read as text they are
    // binary): the claim is refused.
    let refused = d.f.store.draft_file(d.piece, None).unwrap_err();
    assert_eq!(refused.code(), "draft_not_openable", "{refused}");
    assert!(
        refused.to_string().contains("is not the Markdown file"),
        "{refused}"
    );
}
