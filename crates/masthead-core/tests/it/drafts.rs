//! Drafts: submitting versions, who wrote them, the first draft's move,
//! files sent twice, hostile files, reading, comparing and approving.

use std::path::PathBuf;

use chrono::NaiveDate;
use masthead_core::model::{
    ArticleId, AssignmentInput, BoardFilter, ContributorId, ContributorInput, ContributorKind,
    DiffTag, EditionId, PublicationId,
};
use masthead_core::{Upload, history};

use crate::{Fixture, today};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/drafts")
        .join(name)
}

fn upload(name: &str) -> Upload {
    Upload {
        name: name.into(),
        bytes: std::fs::read(fixture(name)).unwrap(),
    }
}

struct Desk {
    f: Fixture,
    publication: PublicationId,
    edition: EditionId,
    piece: ArticleId,
    writer: ContributorId,
}

/// The demo's idea with no writer yet, commissioned from Sam Okoro
/// (1,000 words).
fn desk() -> Desk {
    let mut f = Fixture::new();
    let edition = f.store.load_demo(&f.actor).unwrap();
    let publication = f.store.edition(edition).unwrap().publication_id;
    let piece = f
        .store
        .list_articles(edition, today())
        .unwrap()
        .into_iter()
        .find(|a| a.contributors.is_empty() && a.status_label == "Idea")
        .expect("the demo has an idea with no writer")
        .id;
    let writer = f
        .store
        .add_contributor(
            &f.actor,
            &ContributorInput {
                name: "Sam Okoro".into(),
                role: "Correspondent".into(),
                organisation: String::new(),
                email: Some("sam@okoro.example".into()),
                phone: String::new(),
                kind: ContributorKind::Freelance,
                notes: String::new(),
            },
        )
        .unwrap()
        .id;
    commission(&mut f, piece, writer, "writer");
    Desk {
        f,
        publication,
        edition,
        piece,
        writer,
    }
}

fn commission(f: &mut Fixture, piece: ArticleId, who: ContributorId, role: &str) {
    f.store
        .commission(
            &f.actor,
            piece,
            &AssignmentInput {
                contributor_id: who,
                role: role.into(),
                brief: String::new(),
                word_target: Some(1000),
                due_date: NaiveDate::from_ymd_opt(2021, 1, 4),
                fee: None,
                currency: None,
            },
        )
        .unwrap();
}

#[test]
fn the_first_draft_moves_the_piece_and_every_version_is_kept() {
    let mut d = desk();
    let piece = d.f.store.article(d.piece).unwrap();
    assert_eq!(piece.status_label, "Idea");
    assert_eq!((piece.copy, piece.drafts), (None, 0));

    let saved =
        d.f.store
            .submit_draft(&d.f.actor, d.piece, &upload("leeds.docx"), None)
            .unwrap();
    assert_eq!(
        (
            saved.item.moved_from.as_deref(),
            saved.item.moved_to.as_deref()
        ),
        (Some("Idea"), Some("Draft received"))
    );
    assert_eq!(
        (saved.item.count.percent, saved.item.count.off),
        (Some(38), true)
    );
    let v1 = saved.item.draft;
    assert_eq!((v1.version, v1.words), (1, 484));
    assert_eq!(v1.contributor.as_deref(), Some("Sam Okoro"));
    assert_eq!(v1.recorded_by, "Tess Editor");
    assert_eq!(v1.file_name, "leeds.docx");
    assert_eq!(
        v1.size,
        std::fs::metadata(fixture("leeds.docx")).unwrap().len()
    );
    // The piece's own target (350) counts over the commission's: 484 is
    // far off, which is said, not refused.
    assert_eq!(saved.warnings.len(), 1);
    assert!(
        saved.warnings[0].message.contains("484 / 350 words (+38%)"),
        "{:?}",
        saved.warnings
    );

    let piece = d.f.store.article(d.piece).unwrap();
    assert_eq!(piece.status_label, "Draft received");
    let copy = piece.copy.expect("the piece counts its copy");
    assert_eq!((copy.words, copy.target, copy.version), (484, Some(350), 1));
    assert!(copy.off && !copy.approved);

    // One change set: the draft and the move it caused, in words.
    let detail = d.f.store.article_detail(d.piece, today()).unwrap();
    assert_eq!(detail.drafts.len(), 1);
    let last_two = &detail.history[detail.history.len() - 2..];
    assert_eq!(last_two[0].change_set_id, last_two[1].change_set_id);
    let said: Vec<String> = last_two.iter().map(history::describe).collect();
    assert_eq!(
        said,
        [
            "recorded Sam Okoro's draft, version 1 (leeds.docx, 484 words)",
            "moved it from Idea to Draft received"
        ]
    );

    // Later versions add, the piece stays where the editor put it.
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &upload("leeds.md"), None)
        .unwrap();
    let v3 =
        d.f.store
            .submit_draft(&d.f.actor, d.piece, &upload("leeds.txt"), Some(d.writer))
            .unwrap()
            .item
            .draft;
    assert_eq!(v3.version, 3);
    let versions: Vec<(u32, String, u32)> =
        d.f.store
            .drafts(d.piece)
            .unwrap()
            .into_iter()
            .map(|d| (d.version, d.file_name, d.words))
            .collect();
    assert_eq!(
        versions,
        [
            (3, "leeds.txt".into(), 484),
            (2, "leeds.md".into(), 484),
            (1, "leeds.docx".into(), 484)
        ]
    );
    assert_eq!(
        d.f.store.article(d.piece).unwrap().status_label,
        "Draft received"
    );
    // Each version's text is there, and the original file byte for byte.
    let t1 = d.f.store.draft_text(d.piece, Some(1)).unwrap();
    let latest = d.f.store.draft_text(d.piece, None).unwrap();
    assert_eq!(latest.draft.version, 3);
    assert_eq!(t1.text, latest.text);
    assert!(t1.markdown.starts_with("# Leeds commits"));
    let original = d.f.store.draft_file(d.piece, Some(1)).unwrap();
    assert_eq!(
        original.bytes,
        std::fs::read(fixture("leeds.docx")).unwrap()
    );
    assert_eq!(
        original.media_type,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
}

#[test]
fn the_same_file_twice_is_said_and_nothing_is_added() {
    let mut d = desk();
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &upload("leeds.docx"), None)
        .unwrap();
    let mut renamed = upload("leeds.docx");
    renamed.name = "leeds-final-FINAL.docx".into();
    let piece = d.piece;
    let e =
        d.f.refused("duplicate", |s, a| s.submit_draft(a, piece, &renamed, None));
    assert!(
        e.to_string().contains("This file is already version 1 of"),
        "{e}"
    );
}

#[test]
fn whose_draft_it_is_must_be_clear() {
    let mut d = desk();
    let piece = d.piece;
    // Someone who is not commissioned on the piece.
    let other =
        d.f.store
            .list_contributors(None)
            .unwrap()
            .into_iter()
            .find(|c| c.name != "Sam Okoro")
            .unwrap();
    let e = d.f.refused("not_commissioned", |s, a| {
        s.submit_draft(a, piece, &upload("leeds.txt"), Some(other.id))
    });
    assert!(e.to_string().contains("Sam Okoro"), "names who is: {e}");
    // Two writers: say which.
    commission(&mut d.f, piece, other.id, "writer");
    let e = d.f.refused("writer_ambiguous", |s, a| {
        s.submit_draft(a, piece, &upload("leeds.txt"), None)
    });
    assert!(e.to_string().contains("2 writers"), "{e}");
    // A photographer on the piece may send copy when named.
    let saved =
        d.f.store
            .submit_draft(&d.f.actor, piece, &upload("leeds.txt"), Some(other.id))
            .unwrap();
    assert_eq!(
        saved.item.draft.contributor.as_deref(),
        Some(other.name.as_str())
    );

    // A piece with nobody commissioned.
    let lonely =
        d.f.store
            .list_articles(d.edition, today())
            .unwrap()
            .into_iter()
            .find(|a| a.contributors.is_empty())
            .expect("another piece without a writer")
            .id;
    let e = d.f.refused("no_writer", |s, a| {
        s.submit_draft(a, lonely, &upload("leeds.txt"), None)
    });
    assert!(e.to_string().contains("Commission the writer first"), "{e}");
}

#[test]
fn hostile_files_are_refused_naming_the_file_and_nothing_is_stored() {
    let mut d = desk();
    let piece = d.piece;
    let dir = tempfile::tempdir().unwrap();
    let bytes = |b: &[u8]| b.to_vec();
    let protected = upload("leeds-protected.docx");
    let cases: Vec<(&str, Upload)> = vec![
        (
            "not_zip",
            Upload {
                name: "essay.docx".into(),
                bytes: bytes(b"plain words"),
            },
        ),
        ("zip_corrupt", {
            let mut u = upload("leeds.docx");
            u.bytes.truncate(u.bytes.len() / 2);
            u.name = "cut.docx".into();
            u
        }),
        ("encrypted", protected),
        (
            "file_empty",
            Upload {
                name: "empty.md".into(),
                bytes: Vec::new(),
            },
        ),
        (
            "binary",
            Upload {
                name: "photo.txt".into(),
                bytes: bytes(b"\x89PNG\r\n\x1a\n\0\0"),
            },
        ),
        (
            "encoding",
            Upload {
                name: "koi8.txt".into(),
                bytes: bytes(b"\xF0\xD2\xC9\xD7\xC5\xD4"),
            },
        ),
        (
            "file_type_unknown",
            Upload {
                name: "draft.pdf".into(),
                bytes: bytes(b"%PDF-1.7"),
            },
        ),
    ];
    for (code, u) in cases {
        let name = u.name.clone();
        let e = d.f.refused(code, |s, a| s.submit_draft(a, piece, &u, None));
        assert!(e.to_string().contains(&name), "{code}: {e}");
        assert_eq!(e.field(), Some("file"));
    }
    let gone = dir.path().join("moved away.docx");
    let e = d.f.refused("file_missing", |s, a| {
        s.submit_draft_file(a, piece, &gone, None)
    });
    assert!(e.to_string().contains("moved away.docx"), "{e}");
    let big = dir.path().join("huge.txt");
    std::fs::write(&big, vec![b'a'; 25 * 1024 * 1024 + 1]).unwrap();
    d.f.refused("file_too_large", |s, a| {
        s.submit_draft_file(a, piece, &big, None)
    });
    assert_eq!(d.f.store.article(piece).unwrap().status_label, "Idea");
}

#[test]
fn versions_compare_word_by_word() {
    let mut d = desk();
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &upload("leeds.txt"), None)
        .unwrap();
    let mut edited = upload("leeds.txt");
    let text = String::from_utf8(edited.bytes)
        .unwrap()
        .replace("partners for 52 years", "close partners for 53 years");
    edited.bytes = text.into_bytes();
    edited.name = "leeds v2.txt".into();
    let v2 =
        d.f.store
            .submit_draft(&d.f.actor, d.piece, &edited, None)
            .unwrap()
            .item
            .draft;
    assert_eq!(v2.words, 485);
    let diff = d.f.store.draft_diff(d.piece, 1, 2).unwrap();
    assert_eq!((diff.words_added, diff.words_removed), (2, 1));
    let changed: Vec<(DiffTag, &str)> = diff
        .parts
        .iter()
        .filter(|p| p.tag != DiffTag::Same)
        .map(|p| (p.tag, p.text.trim()))
        .collect();
    assert_eq!(
        changed,
        [
            (DiffTag::Added, "close"),
            (DiffTag::Removed, "52"),
            (DiffTag::Added, "53")
        ]
    );
    // Comparing a version with itself changes nothing; a missing one is named.
    let same = d.f.store.draft_diff(d.piece, 2, 2).unwrap();
    assert!(same.parts.iter().all(|p| p.tag == DiffTag::Same));
    let e = d.f.store.draft_diff(d.piece, 1, 7).unwrap_err();
    assert_eq!(e.code(), "no_such_version");
    assert!(e.to_string().contains("versions 1 to 2"), "{e}");
}

#[test]
fn approving_a_version_makes_it_the_copy_everywhere_and_a_stale_approval_is_a_conflict() {
    let mut d = desk();
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &upload("leeds.txt"), None)
        .unwrap();
    let mut longer = upload("leeds.txt");
    longer
        .bytes
        .extend(b"\n\nAnd a closing line of eight more words here.\n");
    d.f.store
        .submit_draft(&d.f.actor, d.piece, &longer, None)
        .unwrap();
    // Without an approval the newest counts.
    assert_eq!(d.f.store.article(d.piece).unwrap().copy.unwrap().words, 493);
    let seen = d.f.store.article(d.piece).unwrap().version;
    let piece =
        d.f.store
            .approve_draft(&d.f.actor, d.piece, Some(seen), Some(1))
            .unwrap();
    let copy = piece.copy.unwrap();
    assert_eq!((copy.version, copy.words, copy.approved), (1, 484, true));
    let drafts = d.f.store.drafts(d.piece).unwrap();
    assert_eq!(
        drafts
            .iter()
            .map(|x| (x.version, x.approved))
            .collect::<Vec<_>>(),
        [(2, false), (1, true)]
    );
    // The board and the flatplan count the same copy.
    let board =
        d.f.store
            .board(d.publication, &BoardFilter::default(), today())
            .unwrap();
    let card = board.cards.iter().find(|c| c.id == d.piece).unwrap();
    assert_eq!(card.copy.unwrap().words, 484);
    let plan = d.f.store.flatplan(d.edition).unwrap();
    let slot = plan
        .slots
        .iter()
        .find(|s| s.article_id == Some(d.piece))
        .expect("the demo places the piece on half of page 7");
    assert_eq!(slot.copy.unwrap().words, 484);
    // Half a news page holds 500 words: 484 fits, where the target (350) did not.
    assert_eq!(slot.fits_words, Some(500));
    assert!(!slot.copyfit_off);

    // Approving from the version seen before is a conflict.
    let piece_id = d.piece;
    d.f.refused("conflict", |s, a| {
        s.approve_draft(a, piece_id, Some(seen), Some(2))
    });
    let history = d.f.store.article_detail(d.piece, today()).unwrap().history;
    assert_eq!(
        history::describe(history.last().unwrap()),
        "approved version 1 as the copy"
    );
}

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
