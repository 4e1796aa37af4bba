//! Word (.docx, Office Open XML): the main document part with its styles,
//! numbering and links, then its footnotes and endnotes. Pictures, text
//! boxes, deleted revisions and field codes are left out.

use std::collections::HashMap;

use crate::build::Builder;
use crate::error::ImportError;
use crate::xml::{Ev, walk};
use crate::zipped::Package;
use crate::{BlockKind, Document};

/// Elements whose contents are not the document's text.
const SKIPPED: &[&str] = &[
    "drawing", "pict", "object", "Fallback", "txbxContent", "del", "moveFrom", "delText",
    "instrText", "pPr",
];

pub(crate) fn extract(name: &str, bytes: &[u8]) -> Result<Document, ImportError> {
    let mut pkg = Package::open(name, bytes, "Word document")?;
    let main = main_part(&mut pkg, name)?;
    let body = pkg.required(&main)?;
    let rels_path = match main.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{main}.rels"),
    };
    let links = match pkg.part(&rels_path)? {
        Some(xml) => relationships(name, &rels_path, &xml)?,
        None => HashMap::new(),
    };
    let numbering = match pkg.part("word/numbering.xml")? {
        Some(xml) => numbering(name, &xml)?,
        None => HashMap::new(),
    };
    let styles = match pkg.part("word/styles.xml")? {
        Some(xml) => styles(name, &xml)?,
        None => HashMap::new(),
    };
    let mut b = Builder::default();
    let mut notes: Vec<(&'static str, String)> = Vec::new();
    read_body(
        name,
        &main,
        &body,
        &mut b,
        &Context {
            links: &links,
            numbering: &numbering,
            styles: &styles,
        },
        &mut notes,
    )?;
    for (part, kind) in [
        ("word/footnotes.xml", "footnote"),
        ("word/endnotes.xml", "endnote"),
    ] {
        if !notes.iter().any(|(k, _)| *k == kind) {
            continue;
        }
        if let Some(xml) = pkg.part(part)? {
            read_notes(name, part, &xml, kind, &notes, &mut b, &links)?;
        }
    }
    Ok(b.finish())
}

struct Context<'a> {
    links: &'a HashMap<String, String>,
    /// (numId, level) → ordered.
    numbering: &'a HashMap<(String, u8), bool>,
    styles: &'a HashMap<String, Style>,
}

#[derive(Debug, Default, Clone)]
struct Style {
    heading: Option<u8>,
    num: Option<String>,
}

/// What the paragraph properties say.
#[derive(Default)]
struct Props {
    style: Option<String>,
    num_id: Option<String>,
    level: u8,
    outline: Option<u8>,
}

fn read_body(
    name: &str,
    part: &str,
    xml: &str,
    b: &mut Builder,
    cx: &Context<'_>,
    notes: &mut Vec<(&'static str, String)>,
) -> Result<(), ImportError> {
    let mut skip = 0usize;
    let mut in_t = false;
    let mut props: Option<Props> = None;
    // Inside `pPrChange`: a tracked change's old properties, not these.
    let mut old_props = 0usize;
    walk(name, part, xml, |ev| match ev {
        Ev::Start(e) => {
            let n = e.name();
            if skip > 0 {
                skip += 1;
                if n == "pPrChange" || old_props > 0 {
                    old_props += 1;
                    return;
                }
                if let Some(p) = &mut props {
                    match n {
                        "pStyle" => p.style = e.attr("val"),
                        "numId" => p.num_id = e.attr("val"),
                        "ilvl" => p.level = e.attr("val").and_then(|v| v.parse().ok()).unwrap_or(0),
                        "outlineLvl" => p.outline = e.attr("val").and_then(|v| v.parse().ok()),
                        _ => {}
                    }
                }
                return;
            }
            match n {
                "p" => b.start_para(BlockKind::Paragraph),
                "pPr" => {
                    props = Some(Props::default());
                    skip = 1;
                }
                "t" => in_t = true,
                "tab" | "ptab" => b.text("\t"),
                "br" | "cr" => {
                    let page = matches!(e.attr("type").as_deref(), Some("page" | "column"));
                    b.text(if page { " " } else { "\n" });
                }
                "noBreakHyphen" => b.text("-"),
                "hyperlink" => {
                    let url = e.attr("id").and_then(|id| cx.links.get(&id).cloned());
                    b.link_start(url);
                }
                "footnoteReference" | "endnoteReference" => {
                    let kind = if n == "footnoteReference" {
                        "footnote"
                    } else {
                        "endnote"
                    };
                    if let Some(id) = e.attr("id") {
                        notes.push((kind, id));
                        b.markdown_only(&format!("[^{}]", notes.len()));
                    }
                }
                "tbl" => b.table_start(),
                "tc" => b.cell_start(),
                _ if SKIPPED.contains(&n) => skip = 1,
                _ => {}
            }
        }
        Ev::End(e) => {
            if skip > 0 {
                skip -= 1;
                old_props = old_props.saturating_sub(1);
                if skip == 0
                    && e.name() == "pPr"
                    && let Some(p) = props.take()
                {
                    b.set_kind(kind_of(&p, cx));
                }
                return;
            }
            match e.name() {
                "p" => b.end_para(),
                "t" => in_t = false,
                "hyperlink" => b.link_end(),
                "tc" => b.cell_end(),
                "tr" => b.row_end(),
                "tbl" => b.table_end(),
                _ => {}
            }
        }
        Ev::Text(t) => {
            if in_t && skip == 0 {
                b.text(&t);
            }
        }
    })
}

/// What a paragraph is, from its own properties and then its style's.
fn kind_of(p: &Props, cx: &Context<'_>) -> BlockKind {
    let style = p.style.as_ref().and_then(|s| cx.styles.get(s));
    if let Some(level) = p.outline.filter(|l| *l < 9) {
        return BlockKind::Heading(level + 1);
    }
    if let Some(level) = style.and_then(|s| s.heading) {
        return BlockKind::Heading(level);
    }
    let num = p
        .num_id
        .clone()
        .or_else(|| style.and_then(|s| s.num.clone()));
    match num {
        Some(id) if id != "0" => BlockKind::ListItem {
            ordered: cx.numbering.get(&(id, p.level)).copied().unwrap_or(false),
            depth: p.level,
        },
        _ => BlockKind::Paragraph,
    }
}

fn read_notes(
    name: &str,
    part: &str,
    xml: &str,
    kind: &'static str,
    wanted: &[(&'static str, String)],
    b: &mut Builder,
    links: &HashMap<String, String>,
) -> Result<(), ImportError> {
    // The note numbers follow the order of the marks in the text.
    let number: HashMap<&str, u32> = wanted
        .iter()
        .enumerate()
        .filter(|(_, (k, _))| *k == kind)
        .map(|(i, (_, id))| (id.as_str(), i as u32 + 1))
        .collect();
    let mut skip = 0usize;
    let mut in_t = false;
    let mut open = false;
    walk(name, part, xml, |ev| match ev {
        Ev::Start(e) => {
            let n = e.name();
            if skip > 0 {
                skip += 1;
                return;
            }
            match n {
                "footnote" | "endnote" => {
                    if let Some(k) = e.attr("id").and_then(|id| number.get(id.as_str()).copied()) {
                        b.note_start(k);
                        open = true;
                    } else {
                        skip = 1;
                    }
                }
                "p" if open => b.start_para(BlockKind::Paragraph),
                "t" => in_t = true,
                "tab" => b.text("\t"),
                "br" | "cr" => b.text(" "),
                "hyperlink" => b.link_start(e.attr("id").and_then(|id| links.get(&id).cloned())),
                _ if SKIPPED.contains(&n) => skip = 1,
                _ => {}
            }
        }
        Ev::End(e) => {
            if skip > 0 {
                skip -= 1;
                return;
            }
            match e.name() {
                "p" => b.end_para(),
                "t" => in_t = false,
                "hyperlink" => b.link_end(),
                "footnote" | "endnote" if open => {
                    b.note_end();
                    open = false;
                }
                _ => {}
            }
        }
        Ev::Text(t) => {
            if in_t && skip == 0 {
                b.text(&t);
            }
        }
    })
}

/// The main document part, as the package's relationships name it.
fn main_part(pkg: &mut Package<'_>, name: &str) -> Result<String, ImportError> {
    const DEFAULT: &str = "word/document.xml";
    let Some(xml) = pkg.part("_rels/.rels")? else {
        return Ok(DEFAULT.to_owned());
    };
    let mut main = None;
    walk(name, "_rels/.rels", &xml, |ev| {
        if let Ev::Start(e) = ev
            && e.name() == "Relationship"
            && e.attr("Type")
                .is_some_and(|t| t.ends_with("/officeDocument"))
        {
            main = e.attr("Target");
        }
    })?;
    Ok(main
        .map(|t| t.trim_start_matches('/').to_owned())
        .unwrap_or_else(|| DEFAULT.to_owned()))
}

/// Relationship id → target of the links that leave the document.
fn relationships(
    name: &str,
    part: &str,
    xml: &str,
) -> Result<HashMap<String, String>, ImportError> {
    let mut map = HashMap::new();
    walk(name, part, xml, |ev| {
        if let Ev::Start(e) = ev
            && e.name() == "Relationship"
            && e.attr("TargetMode").as_deref() == Some("External")
            && let (Some(id), Some(target)) = (e.attr("Id"), e.attr("Target"))
        {
            map.insert(id, target);
        }
    })?;
    Ok(map)
}

/// (numId, level) → whether that list level is numbered (not bullets).
fn numbering(name: &str, xml: &str) -> Result<HashMap<(String, u8), bool>, ImportError> {
    let mut abstract_levels: HashMap<(String, u8), bool> = HashMap::new();
    let mut nums: Vec<(String, String)> = Vec::new();
    let mut abs: Option<String> = None;
    let mut level: u8 = 0;
    let mut num: Option<String> = None;
    walk(name, "word/numbering.xml", xml, |ev| {
        if let Ev::Start(e) = ev {
            match e.name() {
                "abstractNum" => abs = e.attr("abstractNumId"),
                "lvl" => level = e.attr("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0),
                "numFmt" => {
                    if let Some(a) = &abs {
                        let fmt = e.attr("val").unwrap_or_default();
                        abstract_levels.insert(
                            (a.clone(), level),
                            !matches!(fmt.as_str(), "bullet" | "none"),
                        );
                    }
                }
                "num" => {
                    abs = None;
                    num = e.attr("numId");
                }
                "abstractNumId" => {
                    if let (Some(n), Some(a)) = (num.clone(), e.attr("val")) {
                        nums.push((n, a));
                    }
                }
                _ => {}
            }
        }
    })?;
    let mut map = HashMap::new();
    for (n, a) in nums {
        for level in 0..9u8 {
            if let Some(ordered) = abstract_levels.get(&(a.clone(), level)) {
                map.insert((n.clone(), level), *ordered);
            }
        }
    }
    Ok(map)
}

/// Paragraph style id → heading level or list, following `basedOn`.
fn styles(name: &str, xml: &str) -> Result<HashMap<String, Style>, ImportError> {
    let mut own: HashMap<String, (Style, Option<String>)> = HashMap::new();
    let mut current: Option<(String, Style, Option<String>)> = None;
    walk(name, "word/styles.xml", xml, |ev| match ev {
        Ev::Start(e) => match e.name() {
            "style" => {
                current = e
                    .attr("styleId")
                    .filter(|_| e.attr("type").as_deref().unwrap_or("paragraph") == "paragraph")
                    .map(|id| (id, Style::default(), None));
            }
            "name" => {
                if let Some((_, s, _)) = &mut current {
                    let v = e.attr("val").unwrap_or_default().to_ascii_lowercase();
                    if v == "title" {
                        s.heading = Some(1);
                    } else if let Some(n) = v.strip_prefix("heading ") {
                        s.heading = n.trim().parse().ok().filter(|l| (1..=9).contains(l));
                    }
                }
            }
            "outlineLvl" => {
                if let Some((_, s, _)) = &mut current
                    && s.heading.is_none()
                {
                    s.heading = e
                        .attr("val")
                        .and_then(|v| v.parse::<u8>().ok())
                        .filter(|l| *l < 9)
                        .map(|l| l + 1);
                }
            }
            "numId" => {
                if let Some((_, s, _)) = &mut current {
                    s.num = e.attr("val");
                }
            }
            "basedOn" => {
                if let Some((_, _, based)) = &mut current {
                    *based = e.attr("val");
                }
            }
            _ => {}
        },
        Ev::End(e) => {
            if e.name() == "style"
                && let Some((id, s, based)) = current.take()
            {
                own.insert(id, (s, based));
            }
        }
        Ev::Text(_) => {}
    })?;
    let mut resolved = HashMap::new();
    for id in own.keys() {
        let mut style = Style::default();
        let mut at = Some(id.clone());
        let mut hops = 0;
        while let Some(s) = at.and_then(|k| own.get(&k)) {
            style.heading = style.heading.or(s.0.heading);
            style.num = style.num.clone().or(s.0.num.clone());
            at = s.1.clone();
            hops += 1;
            if hops > 20 {
                break;
            }
        }
        resolved.insert(id.clone(), style);
    }
    Ok(resolved)
}
