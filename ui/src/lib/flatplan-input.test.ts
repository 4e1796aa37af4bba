import { describe, expect, it } from "vitest";
import type { Flatplan, Slot } from "./bindings";
import { dropAction, formPlacement, placeForm, slotKeyAction } from "./flatplan-input";

const plan = { page_count: 68, pages: [] } as unknown as Flatplan;
const piece = { id: "s1", label: "A", article_id: "a", advert_id: null, first_page: 12, last_page: 12, part_units: 12, part_offset: 0 } as Slot;
const spread = { id: "s2", label: "AD", article_id: null, advert_id: "x", first_page: 34, last_page: 35, part_units: 12, part_offset: 0 } as Slot;
const key = (key: string, shiftKey = false) => ({ key, shiftKey });

describe("flatplan keys", () => {
  it("moves a slot a page with the arrows, an advert spread two, and stays at the edges", () => {
    expect(slotKeyAction(key("ArrowRight"), piece, 68)).toEqual({ to: { first_page: 13, last_page: 13, part_units: 12, part_offset: 0 } });
    expect(slotKeyAction(key("ArrowLeft"), spread, 68)).toMatchObject({ to: { first_page: 32, last_page: 33 } });
    expect(slotKeyAction(key("ArrowRight"), { ...piece, first_page: 68, last_page: 68 }, 68)).toBe("stay");
  });

  it("stretches and shrinks a piece with Shift; an advert moves instead", () => {
    expect(slotKeyAction(key("ArrowRight", true), piece, 68)).toMatchObject({ to: { first_page: 12, last_page: 13 } });
    expect(slotKeyAction(key("ArrowLeft", true), piece, 68)).toBe("stay");
    expect(slotKeyAction(key("ArrowRight", true), spread, 68)).toMatchObject({ to: { first_page: 36, last_page: 37 } });
  });

  it("takes a slot off with Delete or Backspace, opens the form with M, and leaves other keys", () => {
    expect(slotKeyAction(key("Delete"), piece, 68)).toBe("remove");
    expect(slotKeyAction(key("Backspace"), piece, 68)).toBe("remove");
    expect(slotKeyAction(key("m"), piece, 68)).toBe("form");
    expect(slotKeyAction(key("M", true), piece, 68)).toBe("form");
    expect(slotKeyAction(key("Enter"), piece, 68)).toBe("ignore");
  });
});

describe("flatplan drops", () => {
  it("places a tray item, moves a slot, stretches by the corner, and does nothing in place", () => {
    expect(dropAction(plan, { item: { kind: "article", id: "b" }, label: "B" }, 8)).toEqual({
      place: { article: "b" },
      label: "B",
      to: { first_page: 8, last_page: 8, part_units: 12, part_offset: null },
    });
    expect(dropAction(plan, { slot: piece }, 20)).toMatchObject({ move: { article: "a" }, to: { first_page: 20 } });
    expect(dropAction(plan, { slot: piece }, 12)).toBeNull();
    expect(dropAction(plan, { resize: piece }, 14)).toMatchObject({ move: { article: "a" }, to: { last_page: 14 } });
    expect(dropAction(plan, { resize: piece }, 12)).toBeNull();
  });
});

describe("the Place form", () => {
  it("starts from the slot, or a full page; a part sits on its first page at the part chosen", () => {
    expect(placeForm({ article: "a" }, "A", 4)).toEqual({ owner: { article: "a" }, label: "A", first: 4, last: 4, units: 12, at: "" });
    expect(placeForm({ article: "a" }, "A", 1, piece)).toMatchObject({ first: 12, last: 12, units: 12 });
    const form = placeForm({ article: "a" }, "A", 4);
    expect(formPlacement({ ...form, last: 6 })).toEqual({ first_page: 4, last_page: 6, part_units: 12, part_offset: null });
    expect(formPlacement({ ...form, last: 6, units: 4, at: "third" })).toEqual({ first_page: 4, last_page: 4, part_units: 4, part_offset: 8 });
    expect(formPlacement({ ...form, units: 6, at: "bottom" })).toMatchObject({ part_offset: 6 });
    expect(formPlacement({ ...form, units: 3, at: "fourth" })).toMatchObject({ part_offset: 9 });
  });
});
