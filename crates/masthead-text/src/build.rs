//! Builds a [`Document`] from the events of a word processor's XML, the
//! same way for .docx and .odt: paragraphs, headings, list items, table
//! rows, links and notes.

use crate::{Block, BlockKind, Document, escape_markdown};

#[derive(Default)]
struct Para {
    kind: Option<BlockKind>,
    text: String,
    markdown: String,
    /// Where each open link starts in `markdown`, and where it goes.
    links: Vec<(usize, Option<String>)>,
}

#[derive(Default)]
struct Table {
    row: Vec<(String, String)>,
    cell: Option<(String, String)>,
}

#[derive(Default)]
pub(crate) struct Builder {
    blocks: Vec<Block>,
    para: Option<Para>,
    /// Paragraphs a note interrupted, to go on with after it.
    suspended: Vec<(Option<Para>, Option<u32>)>,
    tables: Vec<Table>,
    /// The note being read, if any.
    note: Option<u32>,
    notes: Vec<(u32, String, String)>,
}

impl Builder {
    pub(crate) fn start_para(&mut self, kind: BlockKind) {
        if self.para.is_some() {
            self.end_para();
        }
        self.para = Some(Para {
            kind: Some(kind),
            ..Para::default()
        });
    }

    /// Changes what the open paragraph is (a heading, a list item).
    pub(crate) fn set_kind(&mut self, kind: BlockKind) {
        if let Some(p) = &mut self.para {
            p.kind = Some(kind);
        }
    }

    pub(crate) fn text(&mut self, t: &str) {
        if let Some(p) = &mut self.para {
            p.text.push_str(t);
            p.markdown.push_str(&escape_markdown(t));
        }
    }

    /// Markdown that has no plain text (a note's mark).
    pub(crate) fn markdown_only(&mut self, md: &str) {
        if let Some(p) = &mut self.para {
            p.markdown.push_str(md);
        }
    }

    pub(crate) fn link_start(&mut self, url: Option<String>) {
        if let Some(p) = &mut self.para {
            p.links.push((p.markdown.len(), url));
        }
    }

    pub(crate) fn link_end(&mut self) {
        if let Some(p) = &mut self.para
            && let Some((at, url)) = p.links.pop()
            && let Some(url) = url.filter(|u| !u.trim().is_empty())
            && p.markdown.len() > at
        {
            let label = p.markdown.split_off(at);
            p.markdown
                .push_str(&format!("[{label}](<{}>)", url.replace('>', "%3E")));
        }
    }

    pub(crate) fn end_para(&mut self) {
        let Some(p) = self.para.take() else { return };
        let text = p.text.trim();
        if text.is_empty() {
            return;
        }
        let mut markdown = p.markdown.trim().to_owned();
        // A heading or a table cell is one line of Markdown.
        if matches!(p.kind, Some(BlockKind::Heading(_))) || !self.tables.is_empty() {
            markdown = markdown.replace('\n', " ");
        }
        if let Some(n) = self.note {
            if let Some(note) = self.notes.iter_mut().find(|(k, ..)| *k == n) {
                join(&mut note.1, text, " ");
                join(&mut note.2, &markdown, " ");
            } else {
                self.notes.push((n, text.to_owned(), markdown));
            }
        } else if let Some(t) = self.tables.last_mut() {
            let cell = t.cell.get_or_insert_with(Default::default);
            join(&mut cell.0, text, " ");
            join(&mut cell.1, &markdown, " ");
        } else {
            self.blocks.push(Block {
                kind: p.kind.unwrap_or(BlockKind::Paragraph),
                text: text.to_owned(),
                markdown,
            });
        }
    }

    pub(crate) fn table_start(&mut self) {
        self.end_para();
        self.tables.push(Table::default());
    }

    pub(crate) fn cell_start(&mut self) {
        self.end_para();
        if let Some(t) = self.tables.last_mut() {
            t.cell = Some(Default::default());
        }
    }

    pub(crate) fn cell_end(&mut self) {
        self.end_para();
        if let Some(t) = self.tables.last_mut() {
            let cell = t.cell.take().unwrap_or_default();
            t.row
                .push((cell.0.replace('\t', " "), cell.1.replace('\t', " ")));
        }
    }

    pub(crate) fn row_end(&mut self) {
        self.end_para();
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        let row = std::mem::take(&mut t.row);
        if row.iter().all(|(text, _)| text.is_empty()) {
            return;
        }
        let text: Vec<&str> = row.iter().map(|c| c.0.as_str()).collect();
        let markdown: Vec<&str> = row.iter().map(|c| c.1.as_str()).collect();
        let depth = self.tables.len();
        if depth > 1 {
            // A table in a table cell: its rows are text of that cell.
            let outer = &mut self.tables[depth - 2];
            let cell = outer.cell.get_or_insert_with(Default::default);
            join(&mut cell.0, &text.join(" "), " ");
            join(&mut cell.1, &markdown.join(" "), " ");
        } else if self.note.is_none() {
            self.blocks.push(Block {
                kind: BlockKind::TableRow,
                text: text.join("\t"),
                markdown: markdown.join("\t"),
            });
        }
    }

    pub(crate) fn table_end(&mut self) {
        self.end_para();
        self.tables.pop();
    }

    /// Starts reading note `n`: what follows until [`Builder::note_end`]
    /// is the note's text, not the paragraph's.
    pub(crate) fn note_start(&mut self, n: u32) {
        self.suspended.push((self.para.take(), self.note));
        self.note = Some(n);
    }

    pub(crate) fn note_end(&mut self) {
        self.end_para();
        if let Some((para, note)) = self.suspended.pop() {
            self.para = para;
            self.note = note;
        } else {
            self.note = None;
        }
    }

    /// The document: its blocks, then its notes in number order.
    pub(crate) fn finish(mut self) -> Document {
        self.end_para();
        while !self.tables.is_empty() {
            self.row_end();
            self.tables.pop();
        }
        let mut notes = std::mem::take(&mut self.notes);
        notes.sort_by_key(|n| n.0);
        for (n, text, markdown) in notes {
            self.blocks.push(Block {
                kind: BlockKind::Note(n),
                text,
                markdown,
            });
        }
        Document {
            blocks: self.blocks,
        }
    }
}

fn join(into: &mut String, more: &str, sep: &str) {
    if more.is_empty() {
        return;
    }
    if !into.is_empty() {
        into.push_str(sep);
    }
    into.push_str(more);
}
