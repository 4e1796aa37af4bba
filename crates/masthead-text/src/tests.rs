//! Hostile and edge-case files built in memory. The real documents written
//! by word processors are tested in `tests/it`.

use std::io::Write;

use zip::write::SimpleFileOptions;

use crate::*;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}</w:body></w:document>"#
    )
}

fn zip_of(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut out);
        let options = SimpleFileOptions::default().compression_method(method);
        for (name, bytes) in parts {
            w.start_file(*name, options).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap();
    }
    out.into_inner()
}

fn docx(body: &str) -> Vec<u8> {
    zip_of(
        &[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("word/document.xml", document(body).as_bytes()),
        ],
        zip::CompressionMethod::Deflated,
    )
}

fn upload(name: &str, bytes: Vec<u8>) -> Upload {
    Upload {
        name: name.into(),
        bytes,
    }
}

fn refused(name: &str, bytes: Vec<u8>) -> ImportError {
    match extract(&upload(name, bytes)) {
        Ok(x) => panic!("{name} was taken: {:?}", x.text),
        Err(e) => {
            let message = e.to_string();
            assert!(message.contains(name), "{message} does not name {name}");
            e
        }
    }
}

#[test]
fn a_small_docx_gives_its_paragraphs_headings_lists_and_tables() {
    let body = r#"
        <w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Leeds &amp; Dortmund</w:t></w:r></w:p>
        <w:p><w:r><w:t xml:space="preserve">Two cities, </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>52</w:t></w:r><w:r><w:t xml:space="preserve"> years.</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>climate</w:t></w:r></w:p>
        <w:p><w:r><w:t>kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:r><w:drawing><w:t>picture text</w:t></w:drawing></w:r></w:p>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Lille</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>France</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p/>
    "#;
    let x = extract(&upload("a.docx", docx(body))).unwrap();
    assert_eq!(
        x.text,
        "Leeds & Dortmund\n\nTwo cities, 52 years.\n\nclimate\n\nkept\n\nLille\tFrance"
    );
    assert_eq!(x.words, 10);
    assert_eq!(x.document.blocks[0].kind, BlockKind::Heading(1));
    assert!(matches!(
        x.document.blocks[2].kind,
        BlockKind::ListItem { depth: 0, .. }
    ));
    assert!(
        x.markdown.starts_with("# Leeds & Dortmund\n\n"),
        "{}",
        x.markdown
    );
    assert!(x.markdown.contains("| Lille | France |"), "{}", x.markdown);
    assert_eq!(x.sha256.len(), 64);
}

#[test]
fn a_renamed_file_that_is_not_a_zip_is_refused() {
    let e = refused("essay.docx", b"Just some text, renamed.".to_vec());
    assert_eq!(e.code(), "not_zip");
    let e = refused("essay.odt", b"%PDF-1.7 not really".to_vec());
    assert_eq!(e.code(), "not_zip");
}

#[test]
fn a_truncated_zip_is_refused() {
    let whole = docx("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");
    let e = refused("cut.docx", whole[..whole.len() / 2].to_vec());
    assert_eq!(e.code(), "zip_corrupt", "{e}");
}

#[test]
fn a_zip_with_a_damaged_part_is_refused() {
    let mut bytes = docx(&"<w:p><w:r><w:t>Hello world</w:t></w:r></w:p>".repeat(50));
    // Spoil the compressed data of the document part (after its header).
    let at = bytes
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap()
        + 40;
    for b in &mut bytes[at..at + 30] {
        *b ^= 0x5A;
    }
    let e = refused("spoilt.docx", bytes);
    assert!(matches!(e.code(), "zip_corrupt" | "xml_malformed"), "{e}");
}

#[test]
fn a_zip_without_the_document_part_is_refused() {
    let bytes = zip_of(
        &[("[Content_Types].xml", CONTENT_TYPES.as_bytes())],
        zip::CompressionMethod::Stored,
    );
    let e = refused("hollow.docx", bytes);
    assert_eq!(e.code(), "part_missing");
    assert!(e.to_string().contains("word/document.xml"), "{e}");
    let e = refused(
        "hollow.odt",
        zip_of(
            &[("mimetype", b"application/vnd.oasis.opendocument.text")],
            zip::CompressionMethod::Stored,
        ),
    );
    assert!(e.to_string().contains("content.xml"), "{e}");
}

#[test]
fn malformed_xml_is_refused() {
    for body in [
        "<w:p><w:r><w:t>unclosed</w:r></w:p>",
        "<w:p><w:r><w:t>bad &nbsp; entity</w:t></w:r></w:p>",
    ] {
        let e = refused("broken.docx", docx(body));
        assert_eq!(e.code(), "xml_malformed", "{body}: {e}");
    }
    // Cut off before the end: no closing tags at all.
    let bytes = zip_of(
        &[(
            "word/document.xml", b"<w:document><w:body><w:p><w:r><w:t>Hi",
        )],
        zip::CompressionMethod::Stored,
    );
    assert_eq!(refused("short.docx", bytes).code(), "xml_malformed");
}

#[test]
fn a_password_protected_document_is_refused() {
    // What Word writes for a protected .docx: an OLE file with an
    // EncryptionInfo stream.
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(vec![0u8; 512]);
    bytes.extend(
        "EncryptionInfo"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    assert_eq!(refused("secret.docx", bytes).code(), "encrypted");
    // An old .doc renamed .docx is not called protected.
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend(vec![0u8; 512]);
    assert_eq!(refused("old.docx", doc).code(), "legacy_word");
    // An encrypted OpenDocument says so in its manifest.
    let manifest = br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#;
    let odt = zip_of(
        &[
            ("META-INF/manifest.xml", manifest),
            ("content.xml", b"\x93\x01garbage"),
        ],
        zip::CompressionMethod::Stored,
    );
    assert_eq!(refused("secret.odt", odt).code(), "encrypted");
}

#[test]
fn a_zip_bomb_is_refused_by_ratio_and_by_size() {
    // 20 MB of one letter packs into a few kilobytes: far past the ratio.
    let body = format!(
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p>",
        "a".repeat(20 * 1024 * 1024)
    );
    let bytes = zip_of(
        &[("word/document.xml", document(&body).as_bytes())],
        zip::CompressionMethod::Deflated,
    );
    assert!(bytes.len() < 1024 * 1024);
    let e = refused("bomb.docx", bytes);
    assert_eq!(e.code(), "zip_bomb");
    assert!(e.to_string().contains("times its packed size"), "{e}");
}

#[test]
fn empty_and_oversized_files_are_refused() {
    assert_eq!(refused("nothing.txt", Vec::new()).code(), "file_empty");
    let big = vec![b'a'; (MAX_FILE_BYTES + 1) as usize];
    let e = refused("huge.txt", big);
    assert_eq!(e.code(), "file_too_large");
    assert!(e.to_string().contains("25.0 MB"), "{e}");
}

#[test]
fn binary_data_in_text_is_refused() {
    assert_eq!(
        refused("photo.txt", b"\x89PNG\r\n\x1a\n....".to_vec()).code(),
        "binary"
    );
    assert_eq!(
        refused("data.md", b"# Title\n\x00\x01\x02\x03".to_vec()).code(),
        "binary"
    );
    assert_eq!(
        refused("bell.txt", b"ding \x07 dong".to_vec()).code(),
        "binary"
    );
    let e = refused("report.md", b"%PDF-1.4\n...".to_vec());
    assert!(e.to_string().contains("it is a PDF"), "{e}");
}

#[test]
fn encodings_are_read_or_refused_never_mangled() {
    // UTF-8 with and without a byte order mark, UTF-16 both ways.
    let text = "Brnó and the UK’s “partners”";
    let mut bom8 = b"\xEF\xBB\xBF".to_vec();
    bom8.extend(text.as_bytes());
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    for bytes in [text.as_bytes().to_vec(), bom8, le, be] {
        assert_eq!(extract(&upload("t.txt", bytes)).unwrap().text, text);
    }
    // Windows-1252 as Notepad saves it: accents and curly quotes.
    let cp1252 = b"Brn\xF3 and the UK\x92s \x93partners\x94".to_vec();
    assert_eq!(extract(&upload("t.txt", cp1252)).unwrap().text, text);
    // Not UTF-8, and not plausibly Windows-1252 (Russian in KOI8-R).
    let koi8 = b"\xF0\xD2\xC9\xD7\xC5\xD4, \xCD\xC9\xD2".to_vec();
    assert_eq!(refused("russian.txt", koi8).code(), "encoding");
    // UTF-16 cut in the middle of a character.
    assert_eq!(
        refused("odd.txt", vec![0xFF, 0xFE, 0x41]).code(),
        "encoding"
    );
}

#[test]
fn a_path_that_no_longer_exists_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("draft v2.docx");
    let e = read_file(&gone).unwrap_err();
    assert_eq!(e.code(), "file_missing");
    assert!(e.to_string().contains("draft v2.docx"), "{e}");
    assert_eq!(read_file(dir.path()).unwrap_err().code(), "not_a_file");
}

#[test]
fn unknown_types_and_documents_without_text_are_refused() {
    assert_eq!(
        refused("draft.pdf", b"%PDF-1.4".to_vec()).code(),
        "file_type_unknown"
    );
    assert_eq!(
        refused("draft", b"text".to_vec()).code(),
        "file_type_unknown"
    );
    assert_eq!(
        refused("blank.docx", docx("<w:p/><w:p/>")).code(),
        "no_text"
    );
    assert_eq!(
        refused("spaces.txt", b"  \n\n  ".to_vec()).code(),
        "no_text"
    );
}

#[test]
fn markdown_loses_its_markup_in_the_text_but_keeps_it_for_export() {
    let md = "# Leeds\n\nTwo **cities**, see [the council](https://leeds.gov.uk).\n\n- climate\n- health\n\n1. one\n2. two\n";
    let x = extract(&upload("a.md", md.as_bytes().to_vec())).unwrap();
    assert_eq!(
        x.text,
        "Leeds\n\nTwo cities, see the council.\n\nclimate\n\nhealth\n\none\n\ntwo"
    );
    assert_eq!(x.markdown, md);
    assert_eq!(x.words, 10);
    assert_eq!(
        x.document.blocks[4].kind,
        BlockKind::ListItem {
            ordered: true,
            depth: 0
        }
    );
}

#[test]
fn plain_text_paragraphs_split_on_blank_lines() {
    let x = extract(&upload(
        "a.txt",
        b"Title\r\n\r\nOne line\r\nand the next.\r\n\r\n\r\nLast *one*".to_vec(),
    ))
    .unwrap();
    assert_eq!(x.text, "Title\n\nOne line\nand the next.\n\nLast *one*");
    assert!(x.markdown.contains("Last \\*one\\*"), "{}", x.markdown);
}

#[test]
fn markdown_tables_keep_their_text_and_pictures_their_words_out() {
    let md = "| Council | Budget |\n|---|---|\n| Leeds | £1,046m |\n\n![A map of Leeds and Dortmund](map.png) The end.\n";
    let x = extract(&upload("t.md", md.as_bytes().to_vec())).unwrap();
    assert_eq!(x.text, "Council\tBudget\n\nLeeds\t£1,046m\n\nThe end.");
    assert_eq!(x.words, 6);
}

#[test]
fn all_parts_together_are_capped_too() {
    // Two parts of 700 KB each pass the ratio (under a megabyte each) but
    // not a 1 MB cap on the whole.
    let big = "a".repeat(700 * 1024);
    let bytes = zip_of(
        &[("one.xml", big.as_bytes()), ("two.xml", big.as_bytes())],
        zip::CompressionMethod::Deflated,
    );
    let mut pkg = crate::zipped::Package::open("two.docx", &bytes, "Word document")
        .unwrap()
        .with_limit(1024 * 1024);
    assert!(pkg.part("one.xml").unwrap().is_some());
    let e = pkg.part("two.xml").unwrap_err();
    assert_eq!(e.code(), "zip_bomb");
    assert!(e.to_string().contains("1 MB in all"), "{e}");
}

#[test]
fn utf16_without_a_mark_and_latin1_signs_are_told_apart_from_binary() {
    let le: Vec<u8> = "Leeds and Dortmund"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    assert_eq!(refused("nobom.txt", le).code(), "encoding");
    // Notepad's Windows-1252 with × and ± reads as itself.
    let x = extract(&upload("signs.txt", b"3 \xD7 4 \xB1 1 \xB5m".to_vec())).unwrap();
    assert_eq!(x.text, "3 × 4 ± 1 µm");
}

#[test]
fn a_tracked_change_to_a_paragraphs_style_keeps_the_new_style() {
    let body = r#"<w:p><w:pPr><w:outlineLvl w:val="1"/><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="8"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Now a heading</w:t></w:r></w:p>"#;
    let x = extract(&upload("changed.docx", docx(body))).unwrap();
    assert_eq!(x.document.blocks[0].kind, BlockKind::Heading(2));
}

#[test]
fn exported_markdown_keeps_text_that_looks_like_markup_as_text() {
    let x = extract(&upload(
        "t.txt",
        b"# not a heading\n\n2021. A year\n\n- not a list\n\nline one\nline two".to_vec(),
    ))
    .unwrap();
    assert!(x.markdown.contains("\\# not a heading"), "{}", x.markdown);
    assert!(x.markdown.contains("2021\\. A year"), "{}", x.markdown);
    assert!(x.markdown.contains("\\- not a list"), "{}", x.markdown);
}

#[test]
fn a_text_too_long_to_render_is_shown_plain_without_the_parser() {
    let amps = "&".repeat(crate::html::MAX_RENDERED_BYTES + 1);
    let html = crate::markdown_html(&amps);
    assert!(html.starts_with("<p>&amp;&amp;"), "{}", &html[..40]);
    assert_eq!(html.matches("&amp;").count(), amps.len());
    let hostile = format!(
        "{}\n\n<script>alert(1)</script>\n\n# Not a heading",
        "a ".repeat(200_000)
    );
    let html = crate::markdown_html(&hostile);
    assert!(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    assert!(html.contains("<p># Not a heading</p>"));
}
