//! OpenDocument text (.odt): `content.xml`'s body, with its list styles
//! telling numbered lists from bullets. Frames (pictures, text boxes),
//! tracked deletions and comments are left out; notes go last.

use std::collections::HashMap;

use crate::build::Builder;
use crate::error::ImportError;
use crate::xml::{Ev, walk};
use crate::zipped::Package;
use crate::{BlockKind, Document};

/// Elements whose contents are not the document's text.
const SKIPPED: &[&str] = &[
    "frame", "tracked-changes", "annotation", "note-citation", "sequence-decls",
    "table-of-content", "forms", "custom-shape",
];

pub(crate) fn extract(name: &str, bytes: &[u8]) -> Result<Document, ImportError> {
    let mut pkg = Package::open(name, bytes, "OpenDocument text")?;
    if let Some(manifest) = pkg.part("META-INF/manifest.xml")?
        && manifest.contains("encryption-data")
    {
        return Err(ImportError::Encrypted {
            name: name.to_owned(),
        });
    }
    let xml = pkg.required("content.xml")?;
    let mut ordered_styles: HashMap<String, Vec<bool>> = HashMap::new();
    if let Some(styles) = pkg.part("styles.xml")? {
        list_styles(name, "styles.xml", &styles, &mut ordered_styles)?;
    }
    list_styles(name, "content.xml", &xml, &mut ordered_styles)?;

    let mut b = Builder::default();
    let mut skip = 0usize;
    let mut in_body = false;
    // The open lists: each one's style (inherited from the outer list).
    let mut lists: Vec<Option<String>> = Vec::new();
    let mut notes = 0u32;
    walk(name, "content.xml", &xml, |ev| match ev {
        Ev::Start(e) => {
            let n = e.name();
            if skip > 0 {
                skip += 1;
                return;
            }
            if n == "text" && !in_body {
                in_body = true;
                return;
            }
            if !in_body {
                return;
            }
            match n {
                "p" | "h" => {
                    let kind = if n == "h" {
                        let level = e
                            .attr("outline-level")
                            .and_then(|l| l.parse::<u8>().ok())
                            .unwrap_or(1);
                        BlockKind::Heading(level.clamp(1, 9))
                    } else if let Some(depth) = lists.len().checked_sub(1) {
                        let style = lists.last().cloned().flatten();
                        let ordered = style
                            .and_then(|s| ordered_styles.get(&s))
                            .and_then(|levels| levels.get(depth).copied())
                            .unwrap_or(false);
                        BlockKind::ListItem {
                            ordered,
                            depth: depth as u8,
                        }
                    } else {
                        BlockKind::Paragraph
                    };
                    b.start_para(kind);
                }
                "list" => {
                    let inherited = lists.last().cloned().flatten();
                    lists.push(e.attr("style-name").or(inherited));
                }
                "s" => {
                    let count = e
                        .attr("c")
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1);
                    b.text(&" ".repeat(count.min(100)));
                }
                "tab" => b.text("\t"),
                "line-break" => b.text("\n"),
                "a" => b.link_start(e.attr("href")),
                "note" => {
                    notes += 1;
                    b.markdown_only(&format!("[^{notes}]"));
                    b.note_start(notes);
                }
                "table" => b.table_start(),
                "table-cell" => b.cell_start(),
                _ if SKIPPED.contains(&n) => skip = 1,
                _ => {}
            }
        }
        Ev::End(e) => {
            if skip > 0 {
                skip -= 1;
                return;
            }
            if !in_body {
                return;
            }
            match e.name() {
                "p" | "h" => b.end_para(),
                "list" => {
                    lists.pop();
                }
                "a" => b.link_end(),
                "note" => b.note_end(),
                "table-cell" => b.cell_end(),
                "table-row" => b.row_end(),
                "table" => b.table_end(),
                "text" => in_body = false,
                _ => {}
            }
        }
        Ev::Text(t) => {
            if skip == 0 && in_body {
                b.text(&t);
            }
        }
    })?;
    Ok(b.finish())
}

/// List style name → for each level, whether it is numbered.
fn list_styles(
    name: &str,
    part: &str,
    xml: &str,
    into: &mut HashMap<String, Vec<bool>>,
) -> Result<(), ImportError> {
    let mut current: Option<String> = None;
    walk(name, part, xml, |ev| match ev {
        Ev::Start(e) => match e.name() {
            "list-style" => {
                current = e.attr("name");
                if let Some(c) = &current {
                    into.insert(c.clone(), vec![false; 10]);
                }
            }
            "list-level-style-number" | "list-level-style-bullet" => {
                if let Some(c) = &current
                    && let Some(levels) = into.get_mut(c)
                {
                    let level = e
                        .attr("level")
                        .and_then(|l| l.parse::<usize>().ok())
                        .unwrap_or(1);
                    if let Some(slot) = levels.get_mut(level.saturating_sub(1)) {
                        *slot = e.name() == "list-level-style-number";
                    }
                }
            }
            _ => {}
        },
        Ev::End(e) => {
            if e.name() == "list-style" {
                current = None;
            }
        }
        Ev::Text(_) => {}
    })
}
