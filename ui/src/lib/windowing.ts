// Long lists draw only what is near the screen: ten years of editions,
// thousands of contributors or a full trash would otherwise put every row
// in the page (slow to draw, heavy to keep). What is drawn is worked out
// here, from the list's place in its scrolling parent and a row's height.

/** The items to draw, `[first, last)`, and the room kept above and below. */
export interface Span {
  first: number;
  last: number;
  /** Pixels above the first item drawn (the rows scrolled past). */
  before: number;
  /** Pixels below the last item drawn (the rows still to come). */
  after: number;
}

export interface Layout {
  /** How many items the list holds. */
  count: number;
  /** Items side by side in a row (a grid's columns; 1 for a list). */
  perRow: number;
  /** A row's height with the gap under it, in pixels; 0 until measured. */
  rowHeight: number;
  /** The list's top relative to its viewport's top (negative once scrolled past). */
  top: number;
  /** The viewport's height. */
  height: number;
  /** Rows drawn beyond each edge of the viewport, so a fast scroll or a
   *  keyboard step finds its row drawn. */
  overscan?: number;
}

/** Rows drawn before a row has been measured: a screenful of cards, so
 *  the first frame comes soon; the window widens once one is measured. */
export const FIRST_ROWS = 12;

/** Which items of the list to draw for the viewport `layout` describes. */
export function visibleSpan({ count, perRow, rowHeight, top, height, overscan = 4 }: Layout): Span {
  const across = Math.max(1, Math.floor(perRow));
  const rows = Math.ceil(count / across);
  if (rows === 0) return { first: 0, last: 0, before: 0, after: 0 };
  if (!(rowHeight > 0)) {
    const last = Math.min(count, FIRST_ROWS * across);
    return { first: 0, last, before: 0, after: 0 };
  }
  const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
  const firstRow = clamp(Math.floor(-top / rowHeight) - overscan, 0, rows - 1);
  const lastRow = clamp(Math.ceil((height - top) / rowHeight) + overscan, firstRow + 1, rows);
  return {
    first: firstRow * across,
    last: Math.min(count, lastRow * across),
    before: firstRow * rowHeight,
    after: (rows - lastRow) * rowHeight,
  };
}

/** How many cards of at least `minWidth` fit across `width`, `gap` apart
 *  (CSS grid's `repeat(auto-fill, minmax(minWidth, 1fr))`). */
export function cardsAcross(width: number, minWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
}

/**
 * How far to scroll (pixels, positive down) so that a row `height` tall
 * whose top is at `top` (relative to the viewport's top) is wholly inside a
 * viewport `view` tall: 0 when it is already, else the least scroll that
 * brings it in (its top first, when it is taller than the viewport).
 */
export function scrollToKeep(top: number, height: number, view: number): number {
  if (top < 0) return top;
  if (top + height > view) return Math.min(top, top + height - view);
  return 0;
}
