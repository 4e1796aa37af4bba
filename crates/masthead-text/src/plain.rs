//! Markdown and plain text: the bytes decoded (UTF-8, or UTF-16 and UTF-8
//! with a byte order mark, or Windows-1252 when it plainly is), binary data
//! refused, then split into blocks.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::build::Builder;
use crate::error::ImportError;
use crate::{Block, BlockKind, Document};

/// The text of a .md or .txt file.
pub(crate) fn decode(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    let refuse_binary = |what: &str| ImportError::Binary {
        name: name.to_owned(),
        what: what.to_owned(),
    };
    if let Some(what) = known_binary(bytes) {
        return Err(refuse_binary(what));
    }
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(name, rest)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(name, rest, encoding_rs::UTF_16LE)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(name, rest, encoding_rs::UTF_16BE)?
    } else if bytes.contains(&0) {
        return Err(if looks_like_utf16(bytes) {
            ImportError::BadEncoding {
                name: name.to_owned(),
            }
        } else {
            refuse_binary("")
        });
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_owned(),
            Err(_) => windows_1252(bytes).ok_or_else(|| ImportError::BadEncoding {
                name: name.to_owned(),
            })?,
        }
    };
    // Text has no control characters but tab, line feed, carriage return
    // and form feed.
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if controls > 0 {
        return Err(refuse_binary(""));
    }
    Ok(text)
}

fn utf8(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| ImportError::BadEncoding {
        name: name.to_owned(),
    })
}

fn utf16(
    name: &str,
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
) -> Result<String, ImportError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
        .ok_or_else(|| ImportError::BadEncoding {
            name: name.to_owned(),
        })
}

/// Windows-1252 as editors on Windows save it: every byte over 127 is a
/// Latin letter with an accent or typographic punctuation, and none comes
/// in a run of three or more (as other encodings' words would).
fn windows_1252(bytes: &[u8]) -> Option<String> {
    let mut run = 0;
    for &b in bytes {
        if b >= 0x80 {
            run += 1;
            if run >= 3 {
                return None;
            }
        } else {
            run = 0;
        }
    }
    let (text, had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    if had_errors {
        return None;
    }
    let plausible = |c: char| {
        c.is_ascii()
            || ('\u{a0}'..='\u{ff}').contains(&c)
            || "‘’“”‚„–—…•€™ŒœŠšŽžŸƒ†‡‰‹›ˆ˜".contains(c)
    };
    text.chars().all(plausible).then(|| text.into_owned())
}

/// UTF-16 without a byte order mark: text whose every other byte is zero.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let pairs = bytes.len() / 2;
    if pairs < 4 {
        return false;
    }
    let zero_at = |odd: usize| {
        bytes
            .iter()
            .skip(odd)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    zero_at(0) * 10 >= pairs * 9 || zero_at(1) * 10 >= pairs * 9
}

/// Files that are plainly not text, by their first bytes.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", " (it is a PDF)"),
        (b"PK\x03\x04", " (it is a ZIP package, such as a .docx)"),
        (b"\xD0\xCF\x11\xE0", " (it is an old Office document)"),
        (b"\x89PNG", " (it is a PNG picture)"),
        (b"\xFF\xD8\xFF", " (it is a JPEG picture)"),
        (b"GIF8", " (it is a GIF picture)"),
        (b"\x7FELF", " (it is a program)"),
        (b"MZ", " (it is a program)"),
    ];
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, what)| *what)
}

pub(crate) fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Plain text: paragraphs are separated by blank lines; lines within one
/// keep their breaks.
pub(crate) fn text(source: &str) -> Document {
    let source = normalise_newlines(source).replace('\u{c}', "\n\n");
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let flush = |lines: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !lines.is_empty() {
            let text = lines.join("\n");
            blocks.push(Block {
                kind: BlockKind::Paragraph,
                markdown: crate::escape_markdown(&text).into_owned(),
                text,
            });
            lines.clear();
        }
    };
    for line in source.split('\n') {
        let line = line.trim_end();
        if line.trim().is_empty() {
            flush(&mut lines, &mut blocks);
        } else {
            lines.push(line.trim_start_matches('\u{feff}'));
        }
    }
    flush(&mut lines, &mut blocks);
    Document { blocks }
}

/// Markdown by CommonMark (with tables, footnotes and strikethrough): the
/// text a reader sees, without the markup.
pub(crate) fn markdown(source: &str) -> Document {
    let source = normalise_newlines(source);
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut b = Builder::default();
    // Each open list: numbered or not.
    let mut lists: Vec<bool> = Vec::new();
    let mut item_open = false;
    let mut quote = 0usize;
    let mut image = 0usize;
    let mut notes: Vec<String> = Vec::new();
    for event in Parser::new_ext(&source, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph if !item_open => b.start_para(if quote > 0 {
                    BlockKind::Quote
                } else {
                    BlockKind::Paragraph
                }),
                Tag::Heading { level, .. } => b.start_para(BlockKind::Heading(heading(level))),
                Tag::CodeBlock(_) => b.start_para(BlockKind::Paragraph),
                Tag::BlockQuote(_) => quote += 1,
                Tag::List(start) => {
                    b.end_para();
                    lists.push(start.is_some());
                }
                Tag::Item => {
                    b.start_para(BlockKind::ListItem {
                        ordered: lists.last().copied().unwrap_or(false),
                        depth: lists.len().saturating_sub(1) as u8,
                    });
                    item_open = true;
                }
                Tag::Table(_) => b.table_start(),
                Tag::TableCell => {
                    // A cell's text comes without a paragraph of its own.
                    b.cell_start();
                    b.start_para(BlockKind::Paragraph);
                }
                Tag::Image { .. } => image += 1,
                Tag::Link { dest_url, .. } => b.link_start(Some(dest_url.into_string())),
                Tag::FootnoteDefinition(label) => {
                    let n = note_number(&mut notes, &label);
                    b.note_start(n);
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => {
                    if !item_open {
                        b.end_para();
                    } else {
                        b.text("\n");
                    }
                }
                TagEnd::Heading(_) | TagEnd::CodeBlock => b.end_para(),
                TagEnd::BlockQuote(_) => quote = quote.saturating_sub(1),
                TagEnd::List(_) => {
                    lists.pop();
                }
                TagEnd::Item => {
                    b.end_para();
                    item_open = false;
                }
                TagEnd::TableCell => b.cell_end(),
                TagEnd::Image => image = image.saturating_sub(1),
                TagEnd::TableHead | TagEnd::TableRow => b.row_end(),
                TagEnd::Table => b.table_end(),
                TagEnd::Link => b.link_end(),
                TagEnd::FootnoteDefinition => b.note_end(),
                _ => {}
            },
            // A picture's description is not the text's words.
            Event::Text(_) | Event::Code(_) if image > 0 => {}
            Event::Text(t) | Event::Code(t) => b.text(&t),
            Event::SoftBreak | Event::HardBreak => b.text("\n"),
            Event::FootnoteReference(label) => {
                let n = note_number(&mut notes, &label);
                b.markdown_only(&format!("[^{n}]"));
            }
            _ => {}
        }
    }
    b.finish()
}

fn heading(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn note_number(notes: &mut Vec<String>, label: &str) -> u32 {
    match notes.iter().position(|n| n == label) {
        Some(i) => i as u32 + 1,
        None => {
            notes.push(label.to_owned());
            notes.len() as u32
        }
    }
}
