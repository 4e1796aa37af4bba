//! A small walk over a document part's XML with `quick-xml`: elements by
//! local name (the prefixes differ between writers), text with its entity
//! references resolved, and every fault — a mismatched or missing end tag,
//! an unknown entity — refused as malformed.

use std::borrow::Cow;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::error::ImportError;

/// What the walk meets, in document order.
pub(crate) enum Ev<'x> {
    Start(Element<'x>),
    End(EndTag<'x>),
    Text(Cow<'x, str>),
}

/// An opening tag: its local name and attributes.
pub(crate) struct Element<'x> {
    start: BytesStart<'x>,
}

/// A closing tag.
pub(crate) struct EndTag<'x> {
    end: BytesEnd<'x>,
}

impl EndTag<'_> {
    pub(crate) fn name(&self) -> &str {
        self.end.local_name().into_inner()
    }
}

impl Element<'_> {
    pub(crate) fn name(&self) -> &str {
        self.start.local_name().into_inner()
    }

    /// An attribute's value by its local name (`w:val` → `val`).
    pub(crate) fn attr(&self, local: &str) -> Option<String> {
        self.start
            .attributes()
            .with_checks(false)
            .flatten()
            .find(|a| a.key.local_name().as_ref() == local)
            .map(|a| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .map(Cow::into_owned)
                    .unwrap_or_else(|_| a.value.into_owned())
            })
    }
}

/// Calls `f` for every element start, end and text of `xml`, a part of the
/// file `name`.
pub(crate) fn walk<'x>(
    name: &str,
    part: &str,
    xml: &'x str,
    mut f: impl FnMut(Ev<'x>),
) -> Result<(), ImportError> {
    let bad = |reason: String| ImportError::BadXml {
        name: name.to_owned(),
        part: part.to_owned(),
        reason: shortened(&reason),
    };
    let mut reader = Reader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    reader.config_mut().check_end_names = true;
    let mut depth: usize = 0;
    let mut seen_root = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| bad(format!("{e} at byte {}", reader.error_position())))?;
        match event {
            Event::Start(start) => {
                depth += 1;
                seen_root = true;
                f(Ev::Start(Element { start }));
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                f(Ev::End(EndTag { end }));
            }
            Event::Text(t) => f(Ev::Text(t.xml10_content())),
            Event::CData(t) => f(Ev::Text(Cow::Owned(t.xml10_content().into_owned()))),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => resolve_predefined_entity(&r.xml10_content())
                        .map(str::to_owned)
                        .ok_or_else(|| bad(format!("unknown entity &{};", r.xml10_content())))?,
                    Err(e) => return Err(bad(e.to_string())),
                };
                f(Ev::Text(Cow::Owned(c)));
            }
            Event::Eof => {
                if depth != 0 || !seen_root {
                    return Err(bad("it ends before its last element is closed".into()));
                }
                return Ok(());
            }
            Event::Empty(_)
            | Event::Comment(_)
            | Event::Decl(_)
            | Event::PI(_)
            | Event::DocType(_) => {}
        }
    }
}

/// A parser's reason cut to a line a person reads: quick-xml quotes the
/// text it met, which in a damaged file can be the rest of the document.
fn shortened(reason: &str) -> String {
    const MOST: usize = 160;
    if reason.chars().count() <= MOST {
        return reason.to_owned();
    }
    let cut: String = reason.chars().take(MOST).collect();
    format!("{cut}…")
}
