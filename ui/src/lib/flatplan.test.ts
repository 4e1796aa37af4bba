import { describe, expect, it } from "vitest";
import type { Flatplan, Slot } from "./bindings";
import {
  dropPlacement,
  copyfitLine,
  zoomed,
  firstFreePage,
  inverse,
  unitsOf,
  movedTo,
  pagesByStatus,
  pagesLabel,
  pushed,
  resizedTo,
  spreads,
  UNDO_DEPTH,
} from "./flatplan";

const plan = (free: number[]): Flatplan =>
  ({
    edition_id: "e",
    page_count: free.length,
    version: 1,
    pages: free.map((f, i) => ({ number: i + 1, name: null, slots: [], free_units: f })),
    slots: [],
    unplaced_articles: [],
    unplaced_adverts: [],
    budget: { pages: free.length, editorial: 0, advertising: 0, free: free.length },
  }) as Flatplan;

describe("flatplan", () => {
  it("zooms a step at a time from what fit shows now, and stops at the ends", () => {
    // A window where the usual size fits three spreads a row.
    expect(zoomed("fit", 1, 3)).toBe(2);
    expect(zoomed("fit", -1, 3)).toBe(4);
    expect(zoomed(6, -1, 3)).toBe(6);
    expect(zoomed(2, 1, 3)).toBe(2);
    // A wide one, where fit already shows six: smaller pages are not there,
    // bigger ones are four a row.
    expect(zoomed("fit", -1, 6)).toBe("fit");
    expect(zoomed("fit", 1, 6)).toBe(4);
    expect(zoomed(4, -1, 8)).toBe(6);
    expect(zoomed(6, -1, 8)).toBe("fit");
  });
  it("says a slot's copyfit as a sentence", () => {
    const copy = { words: 484, target: 500, percent: -3, off: false, version: 1, approved: false };
    expect(copyfitLine({ copy, word_target: 500, fits_words: 1000 })).toBe("484 words written, the slot fits 1,000");
    expect(copyfitLine({ copy: null, word_target: 1200, fits_words: 2550 })).toBe(
      "1,200 words asked for, the slot fits 2,550",
    );
    expect(copyfitLine({ copy: null, word_target: null, fits_words: 850 })).toBe("The slot fits 850 words");
  });
  it("starts the Place… form on the first page the item fits, never the front cover", () => {
    const p = plan([12, 12, 0, 6, 12, 12, 12, 12]);
    p.pages[1]!.name = "Inside front cover";
    expect(firstFreePage(p, { article: "a" })).toBe(5);
    p.unplaced_adverts = [
      { id: "half", size: "half" },
      { id: "spread", size: "spread" },
      { id: "full", size: "full" },
    ] as Flatplan["unplaced_adverts"];
    expect(firstFreePage(p, { advert: "full" })).toBe(2);
    expect(firstFreePage(p, { advert: "half" })).toBe(2);
    expect(firstFreePage(p, { advert: "spread" })).toBe(6);
    expect(firstFreePage(plan([12, 0, 0]), { article: "a" })).toBe(2);
    expect(unitsOf(p, { advert: "half" })).toBe(6);
    expect(unitsOf(p, { article: "a" })).toBe(12);
  });
  it("lays pages out as spreads: page 1 alone, pairs, the last alone", () => {
    expect(spreads(8)).toEqual([[1], [2, 3], [4, 5], [6, 7], [8]]);
    expect(spreads(5)).toEqual([[1], [2, 3], [4, 5]]);
  });

  it("drops a piece on the whole page or the largest free part, an advert in its size", () => {
    const p = plan([12, 6, 3, 0]);
    expect(dropPlacement(p, { kind: "article", id: "a" }, 1)).toMatchObject({ part_units: 12 });
    expect(dropPlacement(p, { kind: "article", id: "a" }, 2)).toMatchObject({ part_units: 6 });
    expect(dropPlacement(p, { kind: "article", id: "a" }, 3)).toMatchObject({ part_units: 3 });
    expect(dropPlacement(p, { kind: "advert", id: "x", size: "spread" }, 3)).toMatchObject({
      first_page: 2,
      last_page: 3,
    });
    expect(dropPlacement(p, { kind: "advert", id: "x", size: "quarter" }, 2)).toMatchObject({ part_units: 3 });
    expect(dropPlacement(p, { kind: "advert", id: "x", size: "spread" }, 1)).toMatchObject({
      first_page: 2,
      last_page: 3,
    });
  });

  it("moves a run whole and keeps it within the edition", () => {
    const s = { first_page: 12, last_page: 14, part_units: 12, part_offset: 0 } as Slot;
    expect(movedTo(s, 20, 68)).toEqual({ first_page: 20, last_page: 22, part_units: 12, part_offset: 0 });
    expect(movedTo(s, 67, 68)).toEqual({ first_page: 66, last_page: 68, part_units: 12, part_offset: 0 });
    expect(pagesLabel(movedTo(s, 0, 68))).toBe("pp 1–3");
    const spread = { first_page: 34, last_page: 35, part_units: 12, part_offset: 0, advert_id: "x" } as Slot;
    expect(movedTo(spread, 35, 68)).toMatchObject({ first_page: 34, last_page: 35 });
    expect(movedTo(spread, 1, 68)).toMatchObject({ first_page: 2, last_page: 3 });
  });

  it("undoes by the inverse action and remembers the last fifty", () => {
    const to = { first_page: 5, last_page: 5, part_units: 6, part_offset: 0 };
    const from = { first_page: 7, last_page: 7, part_units: 6, part_offset: 6 };
    const owner = { article: "a" };
    expect(inverse({ kind: "place", owner, label: "A", to })).toEqual({ kind: "remove", owner, label: "A", from: to });
    expect(inverse({ kind: "move", owner, label: "A", from, to })).toEqual({
      kind: "move",
      owner,
      label: "A",
      from: to,
      to: from,
    });
    let stack: number[] = [];
    for (let i = 0; i < 60; i++) stack = pushed(stack, i);
    expect(stack.length).toBe(UNDO_DEPTH);
    expect(stack[0]).toBe(10);
  });
});

describe("flatplan budget", () => {
  it("counts pages at each status, halves as half", () => {
    const p = plan([12, 12, 12, 12]);
    p.slots = [
      { first_page: 1, last_page: 3, part_units: 12, status_label: "Subbed", status_colour: "violet" },
      { first_page: 4, last_page: 4, part_units: 6, status_label: "Idea", status_colour: "slate" },
      { first_page: 4, last_page: 4, part_units: 6, status_label: null, status_colour: null },
    ] as Slot[];
    expect(pagesByStatus(p)).toEqual([
      { label: "Subbed", colour: "violet", pages: 3 },
      { label: "Idea", colour: "slate", pages: 0.5 },
    ]);
  });
});

describe("flatplan resize", () => {
  it("stretches a run to whole pages and stays within the edition", () => {
    const half = { first_page: 15, last_page: 15, part_units: 6, part_offset: 6 } as Slot;
    expect(resizedTo(half, 16, 68)).toEqual({ first_page: 15, last_page: 16, part_units: 12, part_offset: 0 });
    expect(resizedTo(half, 10, 68)).toEqual({ first_page: 15, last_page: 15, part_units: 6, part_offset: 6 });
    const run = { first_page: 12, last_page: 14, part_units: 12, part_offset: 0 } as Slot;
    expect(resizedTo(run, 13, 68)).toMatchObject({ last_page: 13 });
    expect(resizedTo(run, 99, 68)).toMatchObject({ last_page: 68 });
  });
});
