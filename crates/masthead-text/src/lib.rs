//! Text from contributors' drafts: Word (.docx), OpenDocument (.odt),
//! Markdown (.md) and plain text (.txt) files become one [`Document`] of
//! blocks, counted by one word rule ([`count_words`]) and compared word by
//! word ([`diff_words`]).
//!
//! Nothing here touches a database or the user interface. Every file is
//! treated as hostile: a ZIP is opened with the `zip` crate and read through
//! a cap on size and ratio, XML with `quick-xml`, and every refusal is an
//! [`ImportError`] that names the file and says what to do.

mod build;
mod diff;
mod docx;
mod error;
mod html;
mod odt;
mod plain;
mod words;
mod xml;
pub(crate) mod zipped;

use std::path::Path;

pub use diff::{DiffPart, DiffTag, diff_words};
pub use error::ImportError;
pub use html::{HTML_TAGS, markdown_html};
pub use words::count_words;

/// The largest file Masthead takes as a draft.
pub const MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;
/// The most a document's parts may unpack to, all together.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// The most a part may unpack to, as a multiple of its packed size (past a
/// first megabyte, which any honest document may take).
pub const MAX_RATIO: u64 = 100;

/// The kinds of file a draft can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Odt,
    Markdown,
    Text,
}

impl Format {
    /// The format a file's name says it is, by its extension.
    pub fn of_name(name: &str) -> Option<Format> {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())?
            .to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Odt => "application/vnd.oasis.opendocument.text",
            Format::Markdown => "text/markdown",
            Format::Text => "text/plain",
        }
    }

    /// The extension Masthead gives a file of this kind.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Markdown => "md",
            Format::Text => "txt",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Docx => "Word document",
            Format::Odt => "OpenDocument text",
            Format::Markdown => "Markdown file",
            Format::Text => "text file",
        }
    }
}

/// A file as submitted: its name (without folders) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads a file to submit, refusing before reading one that is gone, is a
/// folder, or is over [`MAX_FILE_BYTES`].
pub fn read_file(path: &Path) -> Result<Upload, ImportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ImportError::Missing {
                name,
                path: path.display().to_string(),
            });
        }
        Err(e) => {
            return Err(ImportError::Unreadable {
                name,
                reason: e.to_string(),
            });
        }
    };
    if meta.is_dir() {
        return Err(ImportError::NotAFile { name });
    }
    if !meta.is_file() {
        // A named pipe would wait forever; a device has no size to read.
        return Err(ImportError::Unreadable {
            name,
            reason: special_kind(&meta).into(),
        });
    }
    check_size(&name, meta.len())?;
    let bytes = std::fs::read(path).map_err(|e| ImportError::Unreadable {
        name: name.clone(),
        reason: e.to_string(),
    })?;
    Ok(Upload { name, bytes })
}

/// What a path that is not a plain file is, in words.
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "it is a named pipe (FIFO), not a file";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "it is a device, not a file";
        }
        if kind.is_socket() {
            return "it is a socket, not a file";
        }
    }
    let _ = meta;
    "it is not a plain file"
}

fn check_size(name: &str, size: u64) -> Result<(), ImportError> {
    if size == 0 {
        return Err(ImportError::Empty {
            name: name.to_owned(),
        });
    }
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            name: name.to_owned(),
            size,
        });
    }
    Ok(())
}

/// What a block of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// A heading, 1 the highest.
    Heading(u8),
    /// An item of a list, `depth` 0 at the outside.
    ListItem {
        ordered: bool,
        depth: u8,
    },
    /// A table row; cells are separated by a tab in the text.
    TableRow,
    Quote,
    /// A footnote or endnote, numbered as the document numbers it.
    Note(u32),
}

/// A paragraph-like piece of a document: its plain text (what is counted
/// and compared) and the same as Markdown inline text (links kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub markdown: String,
}

/// A draft's text, as blocks in reading order (notes last).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    /// The plain text: blocks separated by a blank line.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.blocks.iter().map(|b| b.text.as_str()).collect();
        parts.join("\n\n")
    }

    /// The text as Markdown: headings, lists, tables, links and notes kept.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let mut last: Option<BlockKind> = None;
        for b in &self.blocks {
            let tight = matches!(
                (last, b.kind),
                (Some(BlockKind::ListItem { .. }), BlockKind::ListItem { .. })
                    | (Some(BlockKind::TableRow), BlockKind::TableRow)
            );
            if last.is_some() {
                out.push_str(if tight { "\n" } else { "\n\n" });
            }

            match b.kind {
                BlockKind::Paragraph => out.push_str(&escape_block_start(&b.markdown)),
                BlockKind::Heading(level) => {
                    out.push_str(&"#".repeat(level.clamp(1, 6) as usize));
                    out.push(' ');
                    out.push_str(&b.markdown);
                }
                BlockKind::ListItem { ordered, depth } => {
                    out.push_str(&"   ".repeat(depth as usize));
                    out.push_str(if ordered { "1. " } else { "- " });
                    out.push_str(&b.markdown);
                }
                BlockKind::TableRow => {
                    out.push_str("| ");
                    out.push_str(&b.markdown.replace('\t', " | "));
                    out.push_str(" |");
                    if last != Some(BlockKind::TableRow) {
                        // The first row is the table's header.
                        let cells = b.markdown.split('\t').count();
                        out.push_str(&format!("\n|{}", "---|".repeat(cells)));
                    }
                }
                BlockKind::Quote => {
                    out.push_str("> ");
                    out.push_str(&b.markdown.replace('\n', "\n> "));
                }
                BlockKind::Note(n) => {
                    out.push_str(&format!("[^{n}]: "));
                    out.push_str(&b.markdown);
                }
            }
            last = Some(b.kind);
        }
        out.push('\n');
        out
    }

    pub fn words(&self) -> u32 {
        self.blocks.iter().map(|b| count_words(&b.text)).sum()
    }
}

/// A file read into a draft: its format and text, and the facts of the
/// original kept beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub format: Format,
    pub document: Document,
    /// The plain text (see [`Document::text`]).
    pub text: String,
    /// The text as Markdown; for a Markdown file, the file itself.
    pub markdown: String,
    pub words: u32,
    /// SHA-256 of the file's bytes, in lowercase hex.
    pub sha256: String,
    pub size: u64,
}

/// Reads a submitted file into text. The format is the one its name says;
/// its contents must agree.
pub fn extract(upload: &Upload) -> Result<Extracted, ImportError> {
    let name = upload.name.as_str();
    let bytes = upload.bytes.as_slice();
    check_size(name, bytes.len() as u64)?;
    let format = Format::of_name(name).ok_or_else(|| ImportError::UnknownType {
        name: name.to_owned(),
    })?;
    let (document, markdown) = match format {
        Format::Docx => {
            let d = docx::extract(name, bytes)?;
            let md = d.markdown();
            (d, md)
        }
        Format::Odt => {
            let d = odt::extract(name, bytes)?;
            let md = d.markdown();
            (d, md)
        }
        Format::Markdown => {
            let source = plain::decode(name, bytes)?;
            let d = plain::markdown(&source);
            (d, plain::normalise_newlines(&source))
        }
        Format::Text => {
            let source = plain::decode(name, bytes)?;
            let d = plain::text(&source);
            let md = d.markdown();
            (d, md)
        }
    };
    let text = document.text();
    if text.trim().is_empty() {
        return Err(ImportError::NoText {
            name: name.to_owned(),
        });
    }
    Ok(Extracted {
        format,
        words: document.words(),
        text,
        markdown,
        document,
        sha256: sha256_hex(bytes),
        size: bytes.len() as u64,
    })
}

/// SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}

/// Escapes what Markdown would read as markup in a run of plain text.
pub(crate) fn escape_markdown(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(MARKUP) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if MARKUP.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// A paragraph whose first characters Markdown would read as a heading,
/// a list item or a quote ("# 1", "- no", "2021. A year") keeps them as text.
fn escape_block_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after_digits = &line[digits..];
    let marker = line.starts_with('#')
        || line.starts_with('>')
        || ((line.starts_with("- ") || line.starts_with("+ ")) && !line.starts_with("--"))
        || (digits > 0 && (after_digits.starts_with(". ") || after_digits.starts_with(") ")));
    if !marker {
        return line.to_owned();
    }
    if digits > 0 {
        format!("{}\\{}", &line[..digits], after_digits)
    } else {
        format!("\\{line}")
    }
}

/// What Markdown reads as markup inside a line.
const MARKUP: &[char] = &['\\', '*', '_', '`', '[', ']', '<', '|'];

#[cfg(test)]
mod tests;
