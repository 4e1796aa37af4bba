import { describe, expect, it } from "vitest";
import { FIRST_ROWS, cardsAcross, scrollToKeep, visibleSpan } from "./windowing";

describe("visibleSpan", () => {
  it("draws nothing for an empty list", () => {
    expect(visibleSpan({ count: 0, perRow: 1, rowHeight: 40, top: 0, height: 800 })).toEqual({
      first: 0,
      last: 0,
      before: 0,
      after: 0,
    });
  });

  it("draws the first rows until a row has been measured", () => {
    const span = visibleSpan({ count: 5000, perRow: 3, rowHeight: 0, top: 0, height: 800 });
    expect(span).toEqual({ first: 0, last: FIRST_ROWS * 3, before: 0, after: 0 });
  });

  it("draws a short list whole", () => {
    expect(visibleSpan({ count: 7, perRow: 1, rowHeight: 40, top: 100, height: 800 })).toEqual({
      first: 0,
      last: 7,
      before: 0,
      after: 0,
    });
  });

  it("draws the rows in view and a few beyond, and keeps the height of the rest", () => {
    // 5,000 rows of 40 px, scrolled 4,000 px down a 800 px viewport: rows
    // 100–120 are in view; four more each side are drawn.
    const span = visibleSpan({ count: 5000, perRow: 1, rowHeight: 40, top: -4000, height: 800, overscan: 4 });
    expect(span.first).toBe(96);
    expect(span.last).toBe(124);
    expect(span.before).toBe(96 * 40);
    expect(span.after).toBe((5000 - 124) * 40);
    // The drawn rows and the room kept add up to the whole list's height.
    expect(span.before + (span.last - span.first) * 40 + span.after).toBe(5000 * 40);
  });

  it("works in rows of cards, and a last row partly filled", () => {
    // 2,000 editions four across: 500 rows of 160 px.
    const span = visibleSpan({ count: 2001, perRow: 4, rowHeight: 160, top: -160 * 498, height: 900, overscan: 2 });
    expect(span.first).toBe(496 * 4);
    expect(span.last).toBe(2001);
    expect(span.after).toBe(0);
    expect(span.before).toBe(496 * 160);
  });

  it("starts at the top while the list is still below the viewport's top", () => {
    const span = visibleSpan({ count: 1000, perRow: 1, rowHeight: 50, top: 300, height: 600, overscan: 0 });
    expect(span.first).toBe(0);
    expect(span.last).toBe(6);
  });

  it("keeps one row drawn when the list is scrolled far out of view", () => {
    const span = visibleSpan({ count: 10, perRow: 1, rowHeight: 50, top: -10_000, height: 600, overscan: 0 });
    expect(span.first).toBe(9);
    expect(span.last).toBe(10);
    expect(span.before).toBe(450);
    expect(span.after).toBe(0);
  });
});

describe("cardsAcross", () => {
  it("fits cards of a least width with their gaps, and at least one", () => {
    expect(cardsAcross(1100, 260, 12)).toBe(4);
    expect(cardsAcross(1087, 260, 12)).toBe(4);
    expect(cardsAcross(1075, 260, 12)).toBe(3);
    expect(cardsAcross(100, 260, 12)).toBe(1);
  });
});

describe("keeping a row in sight", () => {
  it("does not scroll for a row already wholly in the viewport", () => {
    expect(scrollToKeep(0, 40, 600)).toBe(0);
    expect(scrollToKeep(560, 40, 600)).toBe(0);
  });
  it("scrolls up to a row above the viewport, and down just enough to one below it", () => {
    expect(scrollToKeep(-30, 40, 600)).toBe(-30);
    expect(scrollToKeep(580, 40, 600)).toBe(20);
    expect(scrollToKeep(1200, 40, 600)).toBe(640);
  });
  it("brings a row taller than the viewport to its top", () => {
    expect(scrollToKeep(100, 900, 600)).toBe(100);
  });
});
