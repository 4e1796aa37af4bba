// What the user's hands do on the flatplan, apart from the view: where a
// drop goes and what a key on a focused slot does. Plain functions over
// lib/flatplan.ts, tested with vitest.

import type { Flatplan, Placement, Slot } from "./bindings";
import { dropPlacement, movedTo, ownerOf, resizedTo, type Owner, type Placeable } from "./flatplan";
import type { KeyLike } from "./shortcuts";

/** What is being dragged: a tray item, a slot (to move it), or a slot's corner (to stretch it). */
export type Drag = { item: Placeable; label: string } | { slot: Slot } | { resize: Slot };

/** A drop's outcome: a tray item placed, or a slot moved; null when nothing changes. */
export type DropAction = { place: Owner; label: string; to: Placement } | { move: Owner; label: string; to: Placement };

/** What dropping `d` on `page` does. */
export function dropAction(plan: Flatplan, d: Drag, page: number): DropAction | null {
  if ("resize" in d) {
    const to = resizedTo(d.resize, page, plan.page_count);
    if (to.last_page === d.resize.last_page && to.part_units === d.resize.part_units) return null;
    return { move: ownerOf(d.resize), label: d.resize.label, to };
  }
  if ("slot" in d) {
    if (page === d.slot.first_page) return null;
    return { move: ownerOf(d.slot), label: d.slot.label, to: movedTo(d.slot, page, plan.page_count) };
  }
  const owner: Owner = d.item.kind === "article" ? { article: d.item.id } : { advert: d.item.id };
  return { place: owner, label: d.label, to: dropPlacement(plan, d.item, page) };
}

/**
 * What a key does on a focused slot: "ignore" (not the flatplan's key),
 * "stay" (the flatplan's, but the slot cannot go further), "remove"
 * (Delete, Backspace), "form" (M opens the Place form), or the slot's new
 * placement: ← → move it a page (an advert spread two), Shift+← → shrink
 * or stretch a piece by a page.
 */
export function slotKeyAction(
  e: Pick<KeyLike, "key" | "shiftKey">,
  s: Slot,
  pageCount: number,
): "ignore" | "stay" | "remove" | "form" | { to: Placement } {
  const arrow = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
  if (e.shiftKey && s.article_id && arrow) {
    const to = resizedTo(s, s.last_page + arrow, pageCount);
    return to.last_page !== s.last_page || to.part_units !== s.part_units ? { to } : "stay";
  }
  if (arrow) {
    const step = s.advert_id && s.last_page > s.first_page ? 2 : 1;
    const to = movedTo(s, s.first_page + arrow * step, pageCount);
    return to.first_page !== s.first_page ? { to } : "stay";
  }
  if (e.key === "Delete" || e.key === "Backspace") return "remove";
  if (e.key === "m" || e.key === "M") return "form";
  return "ignore";
}

/** The Place… form's fields: whose slot, its pages, its size in twelfths and where on the page. */
export type PlaceForm = { owner: Owner; label: string; first: number; last: number; units: number; at: string };

/** The form for `owner`: filled from its slot when it has one, else on
 * `page` in `units` twelfths (a full page unless told). */
export function placeForm(owner: Owner, label: string, page = 1, slot?: Slot, units = 12): PlaceForm {
  return slot
    ? { owner, label, first: slot.first_page, last: slot.last_page, units: slot.part_units, at: "" }
    : { owner, label, first: page, last: page, units, at: "" };
}

/** Where the form puts its slot: a part of a page sits on its first page only, at the part chosen (or the first free). */
export function formPlacement(form: PlaceForm): Placement {
  const units = Number(form.units);
  const offsets: Record<string, number> = { top: 0, bottom: 6, first: 0, second: units, third: units * 2, fourth: 9 };
  return {
    first_page: Number(form.first),
    last_page: units === 12 ? Number(form.last) : Number(form.first),
    part_units: units,
    part_offset: form.at === "" ? null : (offsets[form.at] ?? null),
  };
}
