import { describe, expect, it } from "vitest";
import { KEPT, markdownHtml, renderMarkdownWith } from "./markdown.svelte";

/** Lets pending promise callbacks run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("markdown, rendered by the core", () => {
  it("asks the core once per text and gives its HTML when it has come", async () => {
    const asked: string[] = [];
    renderMarkdownWith(async (text) => {
      asked.push(text);
      return `<p>${text.length}</p>`;
    });
    expect(markdownHtml("**brief**")).toBeNull();
    expect(markdownHtml("**brief**")).toBeNull();
    await settle();
    expect(markdownHtml("**brief**")).toBe("<p>9</p>");
    expect(asked).toEqual(["**brief**"]);
  });

  it("asks again after a failure, and keeps only the last texts", async () => {
    let fail = true;
    const asked: string[] = [];
    renderMarkdownWith(async (text) => {
      asked.push(text);
      if (fail) throw new Error("busy");
      return text;
    });
    markdownHtml("a");
    await settle();
    fail = false;
    expect(markdownHtml("a")).toBeNull();
    await settle();
    expect(markdownHtml("a")).toBe("a");
    for (let i = 0; i < KEPT; i++) markdownHtml(`t${i}`);
    await settle();
    // "a" was the oldest: it is rendered again when shown again.
    expect(markdownHtml("a")).toBeNull();
    expect(asked.filter((t) => t === "a")).toHaveLength(3);
  });
});
