// The flatplan's logic, apart from the view: pages as spreads, where a
// dropped piece or advert goes, moves by keyboard, and the undo history's
// actions and their inverses. Plain functions, tested with vitest.

import type { Advert, Flatplan, Placement, Slot } from "./bindings";
import { PAGE_FRACTIONS } from "./defaults";
import { formatNumber } from "./format";

/** Page 1 alone (a right-hand page), then facing pairs, the last page alone when the count is even. */
export function spreads(pageCount: number): number[][] {
  const out: number[][] = pageCount >= 1 ? [[1]] : [];
  for (let p = 2; p <= pageCount; p += 2) out.push(p + 1 <= pageCount ? [p, p + 1] : [p]);
  return out;
}

/** What is being placed: a piece, or an advert of its size. */
export type Placeable = { kind: "article"; id: string } | { kind: "advert"; id: string; size: Advert["size"] };

const UNITS: Record<Advert["size"], number> = { full: 12, half: 6, third: 4, quarter: 3, spread: 12 };

/**
 * Where a drop on `page` puts `item`: an advert in its own size (a spread
 * from the even page of the pair); a piece on the whole page when it is
 * free, else on the largest part still free. The core has the last word.
 */
export function dropPlacement(plan: Flatplan, item: Placeable, page: number): Placement {
  if (item.kind === "advert") {
    if (item.size === "spread") {
      // A spread sits on facing pages: an even page and the odd one after it.
      const first = Math.max(2, page % 2 === 0 ? page : page - 1);
      return { first_page: first, last_page: first + 1, part_units: 12, part_offset: null };
    }
    return { first_page: page, last_page: page, part_units: UNITS[item.size], part_offset: null };
  }
  const free = plan.pages[page - 1]?.free_units ?? 12;
  const units = free >= 12 ? 12 : free >= 6 ? 6 : free >= 4 ? 4 : free >= 3 ? 3 : 12;
  return { first_page: page, last_page: page, part_units: units, part_offset: null };
}

/** The slot's shape moved to start on `page` (clamped to the edition). */
export function movedTo(slot: Slot, page: number, pageCount: number): Placement {
  const span = slot.last_page - slot.first_page;
  let first = Math.max(1, Math.min(page, pageCount - span));
  // An advert spread stays on facing pages (even first page).
  if (slot.advert_id && span === 1 && first % 2 === 1) first = first > 1 ? first - 1 : 2;
  return {
    first_page: first,
    last_page: first + span,
    part_units: slot.part_units,
    part_offset: slot.part_units === 12 ? 0 : null,
  };
}

export function placementOf(slot: Slot): Placement {
  return {
    first_page: slot.first_page,
    last_page: slot.last_page,
    part_units: slot.part_units,
    part_offset: slot.part_offset,
  };
}

/** "pp 12–14", "p 15 (½)". */
export function pagesLabel(p: Placement): string {
  const sign = PAGE_FRACTIONS[p.part_units % 12];
  const part = sign ? ` (${sign})` : "";
  return p.first_page === p.last_page ? `p ${p.first_page}${part}` : `pp ${p.first_page}–${p.last_page}`;
}

/** Whose slot: a piece's or an advert's id. */
export type Owner = { article: string } | { advert: string };

export function ownerOf(slot: Slot): Owner {
  return slot.article_id ? { article: slot.article_id } : { advert: slot.advert_id ?? "" };
}

export function slotOf(plan: Flatplan, owner: Owner): Slot | undefined {
  return plan.slots.find((s) => ("article" in owner ? s.article_id === owner.article : s.advert_id === owner.advert));
}

/** One undoable flatplan action, as data. */
export type FlatplanAction =
  | { kind: "place"; owner: Owner; label: string; to: Placement }
  | { kind: "move"; owner: Owner; label: string; from: Placement; to: Placement }
  | { kind: "remove"; owner: Owner; label: string; from: Placement };

export function inverse(a: FlatplanAction): FlatplanAction {
  switch (a.kind) {
    case "place":
      return { kind: "remove", owner: a.owner, label: a.label, from: a.to };
    case "remove":
      return { kind: "place", owner: a.owner, label: a.label, to: a.from };
    case "move":
      return { kind: "move", owner: a.owner, label: a.label, from: a.to, to: a.from };
  }
}

/** How many actions undo remembers. */
export const UNDO_DEPTH = 50;

/** The last `UNDO_DEPTH` of `stack` with `a` on top. */
export function pushed<T>(stack: T[], a: T): T[] {
  return [...stack, a].slice(-UNDO_DEPTH);
}

/** Pages at each status (a half page counts 0.5), in the order first seen. */
export function pagesByStatus(plan: Flatplan): { label: string; colour: string; pages: number }[] {
  const out = new Map<string, { label: string; colour: string; pages: number }>();
  for (const s of plan.slots) {
    if (!s.status_label) continue;
    const size = ((s.last_page - s.first_page + 1) * s.part_units) / 12;
    const row = out.get(s.status_label) ?? { label: s.status_label, colour: s.status_colour ?? "slate", pages: 0 };
    row.pages += size;
    out.set(s.status_label, row);
  }
  return [...out.values()];
}

/** The flatplan still shows what `a` left behind (so undoing it is safe). */
export function stillAsLeft(plan: Flatplan, a: FlatplanAction): boolean {
  const slot = slotOf(plan, a.owner);
  if (a.kind === "remove") return slot === undefined;
  if (!slot) return false;
  return (
    slot.first_page === a.to.first_page &&
    slot.last_page === a.to.last_page &&
    slot.part_units === a.to.part_units &&
    (a.to.part_offset === null || slot.part_offset === a.to.part_offset)
  );
}

/**
 * The slot's run stretched or shrunk to end on `last` (a part of a page
 * grows into whole pages). Never before its first page, never past the edition.
 */
export function resizedTo(slot: Slot, last: number, pageCount: number): Placement {
  const end = Math.max(slot.first_page, Math.min(last, pageCount));
  const whole = end > slot.first_page || slot.part_units === 12;
  return {
    first_page: slot.first_page,
    last_page: end,
    part_units: whole ? 12 : slot.part_units,
    part_offset: whole ? 0 : slot.part_offset,
  };
}

/**
 * Where the Place… form starts for an unplaced item: the first page it fits
 * on as it is. A piece wants a whole free inner page (not a cover); an
 * advert room for its size on any page but the front cover (a spread: a free
 * even page and the odd one after it). Page 2 when nothing is free.
 */
export function firstFreePage(plan: Flatplan, owner: Owner): number {
  const free = (n: number) => plan.pages[n - 1]?.free_units ?? 0;
  const size = sizeOf(plan, owner);
  for (let n = 2; n <= plan.page_count; n++) {
    if ("article" in owner) {
      if (!plan.pages[n - 1]?.name && free(n) >= 12) return n;
    } else if (size === "spread") {
      if (n % 2 === 0 && n < plan.page_count && free(n) >= 12 && free(n + 1) >= 12) return n;
    } else if (free(n) >= UNITS[size ?? "full"]) {
      return n;
    }
  }
  // Nowhere free: the first inner page, where the core will say what is there.
  return Math.min(2, plan.page_count);
}

/** An unplaced advert's size; undefined for a piece. */
export function sizeOf(plan: Flatplan, owner: Owner): Advert["size"] | undefined {
  return "advert" in owner ? plan.unplaced_adverts.find((a) => a.id === owner.advert)?.size : undefined;
}

/** Twelfths of a page an unplaced item takes as it is: a piece a whole
 * page, an advert its size (a spread: a whole page on each side). */
export function unitsOf(plan: Flatplan, owner: Owner): number {
  return UNITS[sizeOf(plan, owner) ?? "full"];
}

/** A slot's copyfit as a sentence: "484 words written, the slot fits 1,000";
 * before a draft, "1,200 words asked for, the slot fits 2,550". */
export function copyfitLine(s: Pick<Slot, "copy" | "word_target" | "fits_words">): string {
  if (s.fits_words === null) return "";
  const fits = `the slot fits ${formatNumber(s.fits_words)}`;
  if (s.copy) return `${formatNumber(s.copy.words)} words written, ${fits}`;
  if (s.word_target !== null) return `${formatNumber(s.word_target)} words asked for, ${fits}`;
  return `The slot fits ${formatNumber(s.fits_words)} words`;
}

/** The flatplan's zoom: spreads per row, or "fit" (as many as fit). */
export type Zoom = "fit" | 2 | 4 | 6;

/** The zooms as the menu lists them. */
export const ZOOMS: readonly Zoom[] = ["fit", 2, 4, 6];

/**
 * One step to bigger pages (`by` 1, Ctrl+=: fewer spreads a row) or smaller
 * (-1, Ctrl+-), stopping at the ends. "fit" counts as the spreads a row it
 * shows now (`fitPerRow`), which depends on the window.
 */
export function zoomed(z: Zoom, by: 1 | -1, fitPerRow: number): Zoom {
  const perRow = (x: Zoom) => (x === "fit" ? fitPerRow : x);
  // From the most spreads a row to the fewest; "fit" sits where it shows.
  const order = [...ZOOMS].sort((a, b) => perRow(b) - perRow(a) || (a === "fit" ? -1 : 1));
  const i = order.indexOf(z) + by;
  const next = order[Math.max(0, Math.min(order.length - 1, i))]!;
  // A step that shows the same number a row is no step: take one more.
  if (next !== z && perRow(next) === perRow(z)) {
    const j = Math.max(0, Math.min(order.length - 1, i + by));
    return order[j]!;
  }
  return next;
}

/** What an action did, in words: "moved “View all videos” to p 46". */
export function describeAction(a: FlatplanAction): string {
  if (a.kind === "place") return `placed “${a.label}” on ${pagesLabel(a.to)}`;
  if (a.kind === "move") return `moved “${a.label}” to ${pagesLabel(a.to)}`;
  return `took “${a.label}” off the flatplan`;
}

/** "moved …" as a sentence of its own: "Moved …". */
export function sentence(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1) + ".";
}
