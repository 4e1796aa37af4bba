import { describe, expect, it } from "vitest";
import type { SearchResults } from "../lib/bindings";
import { SearchStore } from "./search.svelte";

const found = (...titles: string[]): SearchResults => ({
  words: ["x"],
  total: titles.length,
  more: false,
  groups: [
    {
      edition_id: "e1",
      edition: "Feb/Mar 21",
      hits: titles.map((title, i) => ({
        article_id: `a${i}`,
        title,
        status: "Idea",
        found_in: "piece",
        version: null,
        excerpt: [{ text: title, hit: true }],
      })),
    },
  ],
});

describe("search as you type", () => {
  it("shows the newest query's answer, whatever order the answers come in", async () => {
    const answers = new Map<string, (r: SearchResults) => void>();
    const store = new SearchStore({ search: (_p, q) => new Promise((resolve) => answers.set(q, resolve)) }, 0);
    const first = store.type("p1", "leed");
    await new Promise((r) => setTimeout(r, 5));
    const second = store.type("p1", "leeds dortmund");
    await new Promise((r) => setTimeout(r, 5));
    answers.get("leeds dortmund")!(found("Leeds commits"));
    answers.get("leed")!(found("Stale"));
    await second;
    expect(store.hits.map((h) => h.title)).toEqual(["Leeds commits"]);
    expect(store.busy).toBe(false);
    void first;
  });

  it("asks once the user pauses, not at every key", async () => {
    const asked: string[] = [];
    const store = new SearchStore({ search: (_p, q) => (asked.push(q), Promise.resolve(found(q))) }, 20);
    void store.type("p1", "d");
    void store.type("p1", "do");
    await store.type("p1", "dor");
    expect(asked).toEqual(["dor"]);
  });

  it("clears for an empty query, moves within the hits and says why it failed", async () => {
    let fail = false;
    const store = new SearchStore(
      { search: () => (fail ? Promise.reject(new Error("The server did not answer.")) : Promise.resolve(found("A", "B"))) },
      0,
    );
    await store.type("p1", "x");
    store.move(1);
    store.move(1);
    expect(store.active).toBe(1);
    store.move(-1);
    store.move(-1);
    expect(store.active).toBe(0);
    await store.type("p1", "   ");
    expect(store.results).toBeNull();
    fail = true;
    await store.type("p1", "y");
    expect(store.error).toContain("did not answer");
  });

  it("searches at once on Enter, so Enter never opens a hit of an older query", async () => {
    const asked: string[] = [];
    const store = new SearchStore({ search: (_p, q) => (asked.push(q), Promise.resolve(found(q))) }, 10_000);
    const typed = store.type("p1", "leeds");
    await store.settle();
    await typed;
    expect(asked).toEqual(["leeds"]);
    expect(store.hits[0]!.title).toBe("leeds");
    // Nothing waiting: Enter searches nothing more.
    await store.settle();
    expect(asked).toEqual(["leeds"]);
  });
});
