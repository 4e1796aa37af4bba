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
});
