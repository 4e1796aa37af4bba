import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("markdown", () => {
  it("renders the subset a brief uses", () => {
    expect(renderMarkdown("## Angle\nWhat councils **actually** need, *now*.\n\n- one\n- two\n\n1. first")).toBe(
      "<h4>Angle</h4><p>What councils <strong>actually</strong> need, <em>now</em>.</p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>",
    );
  });

  it("never lets HTML from the brief through", () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)"> <script>x</script> [a](javascript:alert(1))');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<a ");
    expect(html).toContain("&lt;img");
  });

  it("renders a draft's tables, notes, escapes and links in angle brackets", () => {
    const md =
      "# Housing\n\nSee the [LGA](<https://www.local.gov.uk/>).[^1] Costs \\*rose\\*.\n\n| Council | Budget |\n|---|---|\n| Leeds | £1,046m |\n\n[^1]: Figures from 2021.";
    expect(renderMarkdown(md)).toBe(
      '<h3>Housing</h3><p>See the LGA (<span class="url">https://www.local.gov.uk/</span>).<sup class="note-ref">1</sup> Costs *rose*.</p>' +
        "<table><thead><tr><th>Council</th><th>Budget</th></tr></thead><tbody><tr><td>Leeds</td><td>£1,046m</td></tr></tbody></table>" +
        '<p class="note"><sup>1</sup> Figures from 2021.</p>',
    );
  });

  it("keeps escaped block markers as text", () => {
    expect(renderMarkdown("\\# not a heading\n\n2021\\. A year\n\n\\- not a list")).toBe(
      "<p># not a heading</p><p>2021. A year</p><p>- not a list</p>",
    );
  });
});
