//! Markdown as the HTML the app shows (a brief, a draft's text): rendered
//! once, here, for every face (the desktop app now, the contributors' web
//! page later). Nothing of the source's own HTML gets through: raw HTML is
//! shown as text, links are written out as their address (a click in the
//! app must not navigate its window), images as their description, and the
//! result is cleaned again by ammonia against the few tags and classes this
//! renderer writes. Headings start at h3, under the screen's own h1 and h2;
//! footnotes are numbered notes at the end.

use std::collections::HashSet;
use std::fmt::Write;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// Every tag `markdown_html` writes; ammonia lets no other through.
#[rustfmt::skip]
pub const HTML_TAGS: [&str; 25] = [
    "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "sup", "span", "div",
];

/// Quotes and lists nested deeper than this are shown flat: a file of a
/// million `>` must not cost the HTML parser quadratic time (each new block
/// walks the stack of open ones).
const MAX_NESTING: usize = 16;

/// Longer Markdown than this (about 40,000 words, several times the
/// longest article) is shown as plain text, each block a paragraph: the
/// cleaning pass grows faster than its input on some texts (a megabyte of
/// `&` took 9 s, 4 MB 211 s; 18 MB of short paragraphs 3.3 GB), and a
/// draft must never hold a screen or the contributors' page that long.
pub const MAX_RENDERED_BYTES: usize = 256 * 1024;

/// `text` (Markdown) as safe HTML.
pub fn markdown_html(text: &str) -> String {
    if text.len() > MAX_RENDERED_BYTES {
        return plain_html(text);
    }
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut events = Vec::new();
    // The address of each link or image being read (none for an autolink,
    // whose text is its address), written after its text.
    let mut targets: Vec<Option<String>> = Vec::new();
    // Containers open (whether each is shown), and how many are shown.
    let mut open: Vec<bool> = Vec::new();
    let mut shown_open = 0;
    let mut in_note = false;
    let mut note_paragraphs = 0;
    for event in Parser::new_ext(text, options) {
        match event {
            // The source's HTML is text, never markup.
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            // A line break in the source is one on screen, as before.
            Event::SoftBreak => events.push(Event::HardBreak),
            Event::Start(tag @ (Tag::BlockQuote(_) | Tag::List(_) | Tag::Item)) => {
                let shown = shown_open < MAX_NESTING;
                open.push(shown);
                if shown {
                    shown_open += 1;
                    events.push(Event::Start(tag));
                }
            }
            Event::End(tag @ (TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item)) => {
                if open.pop() == Some(true) {
                    shown_open -= 1;
                    events.push(Event::End(tag));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                events.push(Event::Html(format!("<{}>", heading(level)).into()))
            }
            Event::End(TagEnd::Heading(level)) => {
                events.push(Event::Html(format!("</{}>", heading(level)).into()))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => targets.push(match link_type {
                LinkType::Autolink | LinkType::Email => None,
                _ => Some(dest_url.into_string()),
            }),
            Event::Start(Tag::Image { dest_url, .. }) => targets.push(Some(dest_url.into_string())),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(url) = targets.pop().flatten().filter(|u| !u.is_empty()) {
                    events.push(Event::Text(" (".into()));
                    events.push(Event::Html(r#"<span class="url">"#.into()));
                    events.push(Event::Text(url.into()));
                    events.push(Event::Html("</span>".into()));
                    events.push(Event::Text(")".into()));
                }
            }
            Event::FootnoteReference(label) => {
                let mut html = String::from(r#"<sup class="note-ref">"#);
                escape_into(&mut html, &label);
                html.push_str("</sup>");
                events.push(Event::Html(html.into()));
            }
            // A note: its number, then its text, paragraphs on lines of
            // their own; a list or quote in it stays one.
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let mut html = String::from(r#"<div class="note"><sup>"#);
                escape_into(&mut html, &label);
                html.push_str("</sup> ");
                events.push(Event::Html(html.into()));
                in_note = true;
                note_paragraphs = 0;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                events.push(Event::Html("</div>".into()));
                in_note = false;
            }
            Event::Start(Tag::Paragraph) if in_note => {
                if note_paragraphs > 0 {
                    events.push(Event::HardBreak);
                }
                note_paragraphs += 1;
            }
            Event::End(TagEnd::Paragraph) if in_note => {}
            other => events.push(other),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    clean(&html)
}

/// `text` as paragraphs of escaped text, a blank line between blocks: no
/// parser, no cleaning, time in step with the text.
fn plain_html(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + text.len() / 8);
    for block in text.split("\n\n").filter(|b| !b.trim().is_empty()) {
        html.push_str("<p>");
        escape_into(&mut html, block.trim());
        html.push_str("</p>\n");
    }
    html
}

/// Headings start two levels down: `#` is h3, under the screen's h1 and h2.
fn heading(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h3",
        HeadingLevel::H2 => "h4",
        HeadingLevel::H3 => "h5",
        _ => "h6",
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => {
                let _ = out.write_char(c);
            }
        }
    }
}

/// Only the tags and classes this renderer writes survive.
fn clean(html: &str) -> String {
    ammonia::Builder::new()
        .tags(HTML_TAGS.into())
        .generic_attributes(HashSet::new())
        .tag_attributes([("ol", ["start"].into())].into())
        .allowed_classes(
            [
                ("span", ["url"].into()),
                ("sup", ["note-ref"].into()),
                ("div", ["note"].into()),
            ]
            .into(),
        )
        .url_schemes(HashSet::new())
        .link_rel(None)
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::markdown_html;

    /// The HTML without the line breaks between blocks.
    fn html(md: &str) -> String {
        markdown_html(md).replace('\n', "")
    }

    #[test]
    fn renders_the_subset_a_brief_uses() {
        assert_eq!(
            html("## Angle\nWhat councils **actually** need, *now*.\n\n- one\n- two\n\n1. first"),
            "<h4>Angle</h4><p>What councils <strong>actually</strong> need, <em>now</em>.</p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
        );
    }

    #[test]
    fn never_lets_html_from_the_source_through() {
        let out = html(
            "<img src=x onerror=\"alert(1)\"> <script>x</script> [a](javascript:alert(1)) ![i](http://e.vil/x.png)\n\n<div style=\"position:fixed\">x</div>\n\n<a href=\"http://x\">y</a>",
        );
        // Every tag in the output is one the renderer writes, with no attribute
        // but its own class.
        for tag in out.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap()];
            assert!(
                ["p", "/p", "span class=\"url\"", "/span"].contains(&tag),
                "<{tag}> in {out}"
            );
        }
        assert!(out.contains("&lt;img"), "{out}");
        assert!(
            out.contains(r#"<span class="url">javascript:alert(1)</span>"#),
            "{out}"
        );
    }

    #[test]
    fn renders_a_drafts_tables_notes_escapes_and_links_in_angle_brackets() {
        let md = "# Housing\n\nSee the [LGA](<https://www.local.gov.uk/>).[^1] Costs \\*rose\\*.\n\n| Council | Budget |\n|---|---|\n| Leeds | £1,046m |\n\n[^1]: Figures from 2021.";
        assert_eq!(
            html(md),
            concat!(
                r#"<h3>Housing</h3><p>See the LGA (<span class="url">https://www.local.gov.uk/</span>).<sup class="note-ref">1</sup> Costs *rose*.</p>"#,
                "<table><thead><tr><th>Council</th><th>Budget</th></tr></thead><tbody><tr><td>Leeds</td><td>£1,046m</td></tr></tbody></table>",
                r#"<div class="note"><sup>1</sup> Figures from 2021.</div>"#,
            )
        );
    }

    #[test]
    fn keeps_escaped_block_markers_as_text() {
        assert_eq!(
            html("\\# not a heading\n\n2021\\. A year\n\n\\- not a list"),
            "<p># not a heading</p><p>2021. A year</p><p>- not a list</p>"
        );
    }

    /// Only the renderer's own tags, and no attribute but its classes and a
    /// list's start.
    fn only_own_markup(out: &str) {
        for tag in out.split('<').skip(1) {
            let tag = &tag[..tag.find('>').expect("a closed tag")];
            let name = tag.trim_start_matches('/').split(' ').next().unwrap();
            assert!(super::HTML_TAGS.contains(&name), "<{tag}> in {out}");
            let attributes = tag.split_once(' ').map(|(_, a)| a).unwrap_or("");
            assert!(
                [
                    "", r#"class="url""#, r#"class="note-ref""#, r#"class="note""#
                ]
                .contains(&attributes)
                    || (name == "ol" && attributes.starts_with("start=\"")),
                "<{tag}> in {out}"
            );
        }
    }

    #[test]
    fn the_tags_it_may_write_are_these_and_no_more() {
        // Written out here, apart from HTML_TAGS: the sanitiser, this
        // module's tests and the fuzz test all trust that list, so a tag
        // added to it (an `a`, an `img`) must be a decision seen here.
        let expected = [
            "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "del", "code", "pre",
            "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "sup",
            "span", "div",
        ];
        assert_eq!(super::HTML_TAGS, expected);
    }

    #[test]
    fn a_hostile_brief_gets_no_markup_of_its_own() {
        let cases = [
            (
                "[a](http://x \"<img src=x onerror=alert(1)>\")",
                r#"a (<span class="url">http://x</span>)"#,
            ),
            (
                "[a][r]\n\n[r]: javascript:alert(1)",
                r#"a (<span class="url">javascript:alert(1)</span>)"#,
            ),
            (
                "`<script>x</script>`",
                "<code>&lt;script&gt;x&lt;/script&gt;</code>",
            ),
            (
                "&lt;img src=x onerror=alert(1)&gt; &#60;b&#62;",
                "&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;",
            ),
            ("x[^<b>]\n\n[^<b>]: n", "&lt;b&gt;"),
            ("| a |\n|:-:|\n| b |", "<th>a</th>"),
            ("```\" onmouseover=alert(1)\nx\n```", "<pre><code>x"),
            (
                "<!-- c --><div style=\"position:fixed;inset:0\">x</div>",
                "&lt;div style=",
            ),
            ("123456789. x", r#"<ol start="123456789">"#),
            ("one\ntwo", "<p>one<br>two</p>"),
            ("x[^1]\n\n[^1]: > q\n\n    - l", r#"<div class="note">"#),
        ];
        for (md, expected) in cases {
            let out = html(md);
            assert!(out.contains(expected), "{md:?} gave {out}");
            only_own_markup(&out);
        }
        // An address given as one appears once, as text.
        let out = html("<http://x> <a@b.co>");
        assert_eq!(out.matches("http://x").count(), 1, "{out}");
        assert_eq!(out.matches("a@b.co").count(), 1, "{out}");
        only_own_markup(&out);
    }

    #[test]
    fn deep_or_huge_sources_are_rendered_in_linear_time() {
        let columns = "|x".repeat(5_000) + "|\n" + &"|-".repeat(5_000) + "|\n";
        let table = columns + &"|x|\n".repeat(10_000);
        let cases = [
            format!("a\n{}", ">".repeat(1_000_000)),
            format!("a\n{}x", "- ".repeat(100_000)),
            "[".repeat(100_000),
            "[](".repeat(50_000),
            "a***".repeat(100_000),
            format!("{}a{}", "*".repeat(100_000), "*".repeat(100_000)),
            table,
        ];
        for md in &cases {
            let started = std::time::Instant::now();
            let out = markdown_html(md);
            let took = started.elapsed();
            // Generous for a debug build on a loaded machine: a guard against
            // quadratic time (the nesting case took minutes), not a benchmark.
            assert!(took.as_secs() < 10, "{} bytes took {took:?}", md.len());
            // A table's short rows are filled out, within a bound.
            assert!(
                out.len() < 64 * md.len() + 1_000,
                "{} bytes gave {}",
                md.len(),
                out.len()
            );
        }
    }
}
