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

mod kept;

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
    let crate::commissioning::Demo {
        mut f,
        publication,
        edition,
        piece,
    } = crate::commissioning::demo();
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
