// A long list's window: which of its rows are drawn (lib/windowing.ts),
// kept up to date as its scrolling parent scrolls or resizes.
//
//   const rows = new Windowed(() => items.length);
//   <ul use:rows.watch style:padding-top="{rows.span.before}px" style:padding-bottom="{rows.span.after}px">
//     {#each items.slice(rows.span.first, rows.span.last) as item (item.id)}<li data-row>…</li>{/each}
//
// Every drawn row carries `data-row` (a child of the list); the drawn rows
// are measured for a row's height (with the list's row gap): exact when the
// rows are of one height, an estimate when they differ (a board's cards).

import { scrollToKeep, visibleSpan, type Span } from "./windowing";

/** The nearest ancestor that scrolls vertically: one whose overflow
 *  scrolls and whose content is taller than it (a dialog's list), else the
 *  one marked `data-scroll-root` (the window's main area), else the page.
 *  (A row of columns that scrolls sideways computes as scrolling both ways,
 *  but is as tall as its content, so it is passed by.) */
function scrollingParent(node: HTMLElement): HTMLElement {
  for (let at = node.parentElement; at; at = at.parentElement) {
    if (at.hasAttribute("data-scroll-root")) return at;
    const overflow = getComputedStyle(at).overflowY;
    if ((overflow === "auto" || overflow === "scroll") && at.scrollHeight > at.clientHeight + 1) return at;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

export class Windowed {
  #count: () => number;
  #across: (list: HTMLElement) => number;
  #top = $state(0);
  #height = $state(0);
  #perRow = $state(1);
  #rowHeight = $state(0);

  /** The rows to draw now, and the room kept for the others. */
  span: Span = $derived.by(() =>
    visibleSpan({
      count: this.#count(),
      perRow: this.#perRow,
      rowHeight: this.#rowHeight,
      top: this.#top,
      height: this.#height,
    }),
  );

  /**
   * @param count how many items the list holds
   * @param across how many items sit side by side in a row of `list` (a grid's columns)
   */
  constructor(count: () => number, across: (list: HTMLElement) => number = () => 1) {
    this.#count = count;
    this.#across = across;
  }

  #list: HTMLElement | null = null;
  #scroller: HTMLElement | null = null;
  /** While true, the drawn rows stay as they are (a card being dragged
   *  must not leave the page if the area scrolls under it). */
  hold = false;
  /** The list's width when a row was measured: measured again when it changes. */
  #measuredWidth = -1;
  /** The index of the item to keep in sight when the list's width changes
   *  (the selected row, as a drawer opening beside it narrows the list and
   *  its rows grow taller); -1 for none. */
  anchor: () => number = () => -1;

  /** A `use:` action for the element that holds the rows. */
  watch = (list: HTMLElement) => {
    const scroller = scrollingParent(list);
    this.#list = list;
    this.#scroller = scroller;
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (this.hold) return;
      this.#top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      this.#height = scroller.clientHeight;
      this.#perRow = this.#across(list);
      // A row's height, measured once (again when the list's width
      // changes): the drawn rows' height on average, with the gap after
      // each. Exact for rows of one height, an estimate for cards that
      // differ, kept steady so the rows do not jump as others are drawn.
      if (this.#rowHeight > 0 && list.clientWidth === this.#measuredWidth) return;
      const resized = this.#rowHeight > 0;
      const rows = list.querySelectorAll<HTMLElement>(":scope > [data-row]");
      const first = rows[0];
      const last = rows[rows.length - 1];
      if (first && last && first.offsetHeight > 0) {
        const gap = parseFloat(getComputedStyle(list).rowGap);
        const lines = Math.ceil(rows.length / Math.max(1, this.#perRow));
        const span = last.getBoundingClientRect().bottom - first.getBoundingClientRect().top;
        this.#rowHeight = (span + (Number.isFinite(gap) ? gap : 0)) / lines;
        this.#measuredWidth = list.clientWidth;
        if (resized) this.#keepAnchor(list, scroller);
      }
    };
    // At most once a frame, however many scroll events come.
    const soon = () => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    const target: HTMLElement | Window = scroller === document.scrollingElement ? window : scroller;
    target.addEventListener("scroll", soon, { passive: true });
    // The list's parent too: something opening above the list (an
    // edition's history) moves it without scrolling or resizing it.
    const resized = new ResizeObserver(soon);
    resized.observe(scroller);
    resized.observe(list);
    if (list.parentElement && list.parentElement !== scroller) resized.observe(list.parentElement);
    return {
      destroy: () => {
        if (frame !== 0) cancelAnimationFrame(frame);
        target.removeEventListener("scroll", soon);
        resized.disconnect();
        if (this.#list === list) this.#list = this.#scroller = null;
      },
    };
  };

  /** Scrolls the least that keeps the anchor's row wholly in sight. */
  #keepAnchor(list: HTMLElement, scroller: HTMLElement): void {
    const index = this.anchor();
    if (index < 0) return;
    const row = Math.floor(index / Math.max(1, this.#perRow));
    const rowTop = this.#top + row * this.#rowHeight;
    const delta = scrollToKeep(rowTop, this.#rowHeight, scroller.clientHeight);
    if (delta !== 0) {
      scroller.scrollTop += delta;
      this.#top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    }
    // Then exactly, from the row itself once it is drawn at its height
    // (rows of different heights make the estimate above approximate).
    requestAnimationFrame(() => {
      const at = this.anchor() - this.span.first;
      const drawn = at >= 0 ? list.querySelectorAll<HTMLElement>(":scope > [data-row]")[at] : undefined;
      if (!drawn) return;
      const box = drawn.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      const exact = scrollToKeep(box.top - view.top, box.height, scroller.clientHeight);
      if (exact === 0) return;
      scroller.scrollTop += exact;
      this.#top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    });
  }

  /**
   * Scrolls the item at `index` into the window (a third of the way down),
   * so it is drawn: for focus to follow a card that moved out of sight.
   */
  reveal(index: number): void {
    const list = this.#list;
    const scroller = this.#scroller;
    if (!list || !scroller || !(this.#rowHeight > 0)) return;
    const row = Math.floor(index / Math.max(1, this.#perRow));
    const listTop = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    scroller.scrollTop += listTop + row * this.#rowHeight - scroller.clientHeight / 3;
    this.#top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  }
}
