//! The importers on real files: the seed article as a word processor, a
//! Markdown editor and a text editor save it, and a document with every
//! structure a draft may have. Counts are the ones LibreOffice Writer shows
//! (see `tests/fixtures/drafts/README.md`).

use std::path::PathBuf;

use masthead_text::{BlockKind, Format, count_words, extract, read_file};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/drafts")
        .join(name)
}

fn read(name: &str) -> masthead_text::Extracted {
    let upload = read_file(&fixture(name)).unwrap();
    extract(&upload).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_seed_article_gives_the_same_text_and_count_in_every_format() {
    let txt = read("leeds.txt");
    let seed_title = "Leeds commits to working with European cities on important issues";
    assert!(txt.text.starts_with(seed_title));
    assert!(txt.text.ends_with("partners across Europe."));
    for name in ["leeds.md", "leeds.docx", "leeds.odt"] {
        let other = read(name);
        assert_eq!(other.text, txt.text, "{name}");
        assert_eq!(other.words, txt.words, "{name}");
    }
    // What LibreOffice Writer counts for the same files.
    assert_eq!(txt.words, 484);
    assert_eq!(txt.format, Format::Text);
    assert_eq!(read("leeds.docx").format, Format::Docx);
    // The title is a heading in the formats that have headings.
    for name in ["leeds.md", "leeds.docx", "leeds.odt"] {
        let x = read(name);
        assert_eq!(x.document.blocks[0].kind, BlockKind::Heading(1), "{name}");
        assert!(
            x.markdown.starts_with(&format!("# {seed_title}\n\n")),
            "{name}"
        );
    }
    assert_eq!(read("leeds.txt").document.blocks.len(), 11);
}

#[test]
fn a_word_processors_structures_come_through_from_docx_and_odt() {
    for name in ["features.docx", "features.odt"] {
        let x = read(name);
        let kinds: Vec<BlockKind> = x.document.blocks.iter().map(|b| b.kind).collect();
        let texts: Vec<&str> = x.document.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Housing after the pandemic",
                "Councils across England – from Leeds to Brnó’s twin towns – are “building back better”, says the Local Government Association.",
                "What councils ask for",
                "Long-term funding settlements",
                "Powers to build social housing",
                "Health and social care",
                "Adult care first",
                "Training and leadership",
                "Council\tBudget",
                "Leeds\t£1,046m",
                "A picture follows. The end.",
                "Figures from the LGA’s 2021 survey.",
            ],
            "{name}"
        );
        assert_eq!(kinds[0], BlockKind::Heading(1), "{name}");
        assert_eq!(kinds[2], BlockKind::Heading(2), "{name}");
        assert_eq!(
            kinds[3],
            BlockKind::ListItem {
                ordered: true,
                depth: 0
            },
            "{name}"
        );
        assert_eq!(
            kinds[5],
            BlockKind::ListItem {
                ordered: false,
                depth: 0
            },
            "{name}"
        );
        assert_eq!(
            kinds[6],
            BlockKind::ListItem {
                ordered: false,
                depth: 1
            },
            "{name}"
        );
        assert_eq!(kinds[8], BlockKind::TableRow, "{name}");
        assert_eq!(kinds[11], BlockKind::Note(1), "{name}");
        // LibreOffice counts 64: these 59 words (its footnote included)
        // and the five list labels ("1.", "2." and three bullets), which
        // the rule leaves out as Word does; without the lists it counts 41.
        assert_eq!(x.words, 59, "{name}");
        assert!(
            x.markdown
                .contains("[Local Government Association](<https://www.local.gov.uk/>).[^1]"),
            "{name}: {}",
            x.markdown
        );
        assert!(
            x.markdown
                .contains("[^1]: Figures from the LGA’s 2021 survey."),
            "{name}"
        );
        assert!(x.markdown.contains("| Leeds | £1,046m |"), "{name}");
    }
}

#[test]
fn a_password_protected_docx_from_a_real_tool_is_refused() {
    let upload = read_file(&fixture("leeds-protected.docx")).unwrap();
    let e = extract(&upload).unwrap_err();
    assert_eq!(e.code(), "encrypted");
    assert!(e.to_string().contains("leeds-protected.docx"), "{e}");
    assert!(e.to_string().contains("password"), "{e}");
}

#[test]
fn renaming_a_real_document_to_another_format_is_caught() {
    let mut upload = read_file(&fixture("leeds.odt")).unwrap();
    upload.name = "leeds.txt".into();
    let e = extract(&upload).unwrap_err();
    assert_eq!(e.code(), "binary", "{e}");
    let mut upload = read_file(&fixture("leeds.txt")).unwrap();
    upload.name = "leeds.docx".into();
    assert_eq!(extract(&upload).unwrap_err().code(), "not_zip");
}

#[test]
fn the_count_of_the_whole_seed_text_matches_its_blocks() {
    let x = read("leeds.docx");
    assert_eq!(count_words(&x.text), x.words);
}

/// Found by the fuzz target: a damaged part's parser error quoted the rest
/// of the document (kilobytes) into the message a user reads.
#[test]
fn a_damaged_part_is_said_in_a_line_not_quoted_whole() {
    use std::io::{Read, Write};
    let original = std::fs::read(fixture("features.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(original)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            let mut text = String::from_utf8(bytes).unwrap();
            let cut = text.find("<w:body>").unwrap() + "<w:body>".len();
            // An end tag whose name runs on for kilobytes before its `>`.
            text.insert_str(cut, &format!("<w:p></w:q{}>", " w:val=\"x\"".repeat(400)));
            bytes = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    let refused = extract(&masthead_text::Upload {
        name: "features.docx".into(),
        bytes,
    })
    .unwrap_err()
    .to_string();
    assert!(refused.contains("not well-formed XML"), "{refused}");
    assert!(
        refused.len() < 500,
        "{} characters: {refused}",
        refused.len()
    );
}
