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

import { visibleSpan, type Span } from "./windowing";

/** The nearest ancestor that scrolls vertically: the one marked
 *  `data-scroll-root` (the window's main area), else the nearest with
 *  overflow to scroll, else the page. */
function scrollingParent(node: HTMLElement): HTMLElement {
  const root = node.closest<HTMLElement>("[data-scroll-root]");
  if (root) return root;
  for (let at = node.parentElement; at; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if (overflow === "auto" || overflow === "scroll") return at;
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

  /** A `use:` action for the element that holds the rows. */
  watch = (list: HTMLElement) => {
    const scroller = scrollingParent(list);
    const measure = () => {
      this.#top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      this.#height = scroller.clientHeight;
      this.#perRow = this.#across(list);
      // The drawn rows' height on average, with the gap after each: exact
      // for rows of one height, an estimate for cards that differ.
      const rows = list.querySelectorAll<HTMLElement>(":scope > [data-row]");
      const first = rows[0];
      const last = rows[rows.length - 1];
      if (first && last && first.offsetHeight > 0) {
        const gap = parseFloat(getComputedStyle(list).rowGap);
        const across = Math.max(1, this.#perRow);
        const lines = Math.ceil(rows.length / across);
        const span = last.getBoundingClientRect().bottom - first.getBoundingClientRect().top;
        this.#rowHeight = (span + (Number.isFinite(gap) ? gap : 0)) / lines;
      }
    };
    measure();
    const target: HTMLElement | Window = scroller === document.scrollingElement ? window : scroller;
    target.addEventListener("scroll", measure, { passive: true });
    const resized = new ResizeObserver(measure);
    resized.observe(scroller);
    resized.observe(list);
    return {
      destroy() {
        target.removeEventListener("scroll", measure);
        resized.disconnect();
      },
    };
  };
}
