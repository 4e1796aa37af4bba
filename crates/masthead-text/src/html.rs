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

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Every tag `markdown_html` writes; ammonia lets no other through.
#[rustfmt::skip]
pub const HTML_TAGS: [&str; 24] = [
    "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "sup", "span",
];

/// `text` (Markdown) as safe HTML.
pub fn markdown_html(text: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut events = Vec::new();
    // The address of the link or image being read, written after its text.
    let mut targets: Vec<String> = Vec::new();
    for event in Parser::new_ext(text, options) {
        match event {
            // The source's HTML is text, never markup.
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::Heading { level, .. }) => {
                events.push(Event::Html(format!("<{}>", heading(level)).into()))
            }
            Event::End(TagEnd::Heading(level)) => {
                events.push(Event::Html(format!("</{}>", heading(level)).into()))
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                targets.push(dest_url.into_string())
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                let url = targets.pop().unwrap_or_default();
                if !url.is_empty() {
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
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let mut html = String::from(r#"<p class="note"><sup>"#);
                escape_into(&mut html, &label);
                html.push_str("</sup> ");
                events.push(Event::Html(html.into()));
                events.push(Event::Start(Tag::FootnoteDefinition(CowStr::Borrowed(""))));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                events.push(Event::End(TagEnd::FootnoteDefinition));
                events.push(Event::Html("</p>".into()));
            }
            other => events.push(other),
        }
    }
    // A note's own paragraph is the note's line.
    let mut in_note = false;
    let events = events.into_iter().filter(|e| match e {
        Event::Start(Tag::FootnoteDefinition(_)) => {
            in_note = true;
            false
        }
        Event::End(TagEnd::FootnoteDefinition) => {
            in_note = false;
            false
        }
        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => !in_note,
        _ => true,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    clean(&html)
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
                ("p", ["note"].into()),
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
                r#"<p class="note"><sup>1</sup> Figures from 2021.</p>"#,
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
}
