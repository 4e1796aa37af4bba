// A long list's window: which of its rows are drawn (lib/windowing.ts),
// kept up to date as its scrolling parent scrolls or resizes.
//
//   const rows = new Windowed(() => items.length);
//   <ul use:rows.watch style:padding-top="{rows.span.before}px" style:padding-bottom="{rows.span.after}px">
//     {#each items.slice(rows.span.first, rows.span.last) as item (item.id)}<li data-row>…</li>{/each}
//
// Every drawn row carries `data-row`; the first is measured for the height
// of them all (with the list's row gap), so rows must be of one height.

import { visibleSpan, type Span } from "./windowing";

/** The nearest ancestor that scrolls vertically (the page if none). */
function scrollingParent(node: HTMLElement): HTMLElement {
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
      const row = list.querySelector<HTMLElement>("[data-row]");
      if (row && row.offsetHeight > 0) {
        const gap = parseFloat(getComputedStyle(list).rowGap);
        this.#rowHeight = row.offsetHeight + (Number.isFinite(gap) ? gap : 0);
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
