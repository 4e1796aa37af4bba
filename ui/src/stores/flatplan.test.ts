import { describe, expect, it } from "vitest";
import type { Advert, Flatplan } from "../lib/bindings";
import { FlatplanStore, type FlatplanApi } from "./flatplan.svelte";
import { recorder } from "./fakes";

describe("the flatplan store", () => {
  const slotAt = (first: number, version: number) => ({
    id: `s${version}`,
    edition_id: "e",
    article_id: "a1",
    advert_id: null,
    first_page: first,
    last_page: first,
    part_offset: 0,
    part_units: 12,
    label: "Keep communities",
    section: null,
    status_id: null,
    status_label: null,
    status_colour: null,
    words_per_page: null,
    word_target: null,
    fits_words: null,
    copy: null,
    copyfit_off: false,
    version,
  });
  const planWith = (slots: ReturnType<typeof slotAt>[]): Flatplan =>
    ({
      edition_id: "e",
      page_count: 68,
      version: 1,
      pages: [],
      slots,
      unplaced_articles: [],
      unplaced_adverts: [],
      budget: { pages: 68, editorial: 0, advertising: 0, free: 68 },
    }) as Flatplan;

  /** A store over a fake core that shows `plan()` and moves slots with `moveSlot`. */
  const storeOver = (plan: () => Flatplan, moveSlot: FlatplanApi["moveSlot"], notify = recorder()) =>
    new FlatplanStore(
      {
        flatplan: async () => plan(),
        placeArticle: async () => plan(),
        placeAdvert: async () => plan(),
        removeSlot: async () => plan(),
        addAdvert: async () => ({}) as Advert,
        listAdverts: async () => [],
        updateAdvert: async () => ({}) as Advert,
        moveSlot,
      },
      notify,
    );

  it("moves from the version shown, undoes by moving back, and redoes", async () => {
    const calls: string[] = [];
    const notify = recorder();
    let current = planWith([slotAt(12, 1)]);
    const store = storeOver(
      () => current,
      async (id, version, to) => {
        calls.push(`${id}@${version} -> ${to.first_page}`);
        current = planWith([{ ...slotAt(to.first_page, version + 1), id }]);
        return current;
      },
      notify,
    );
    await store.show("e");
    expect(await store.move({ article: "a1" }, "Keep communities", { first_page: 20, last_page: 20, part_units: 12, part_offset: 0 })).toBe(true);
    // The toast says what was done, plainly, with a button that says Undo.
    const moved = notify.shown.at(-1)!;
    expect(moved.message).toBe("Moved “Keep communities” to p 20.");
    expect(moved.action?.label).toBe("Undo");
    await moved.action!.run();
    expect(notify.shown.at(-1)?.message).toBe("Undid: moved “Keep communities” to p 20.");
    await store.redo();
    expect(notify.shown.at(-1)?.message).toBe("Redid: moved “Keep communities” to p 20.");
    expect(calls).toEqual(["s1@1 -> 20", "s1@2 -> 12", "s1@3 -> 20"]);
    // A newer change comes: the older toast's Undo no longer undoes anything.
    await store.move({ article: "a1" }, "Keep communities", { first_page: 30, last_page: 30, part_units: 12, part_offset: 0 });
    await moved.action!.run();
    expect(notify.shown.at(-1)?.message).toContain("was not undone");
    expect(calls).toHaveLength(4);
    expect(store.undoStack.length).toBe(2);
    expect(store.redoStack.length).toBe(0);
  });

  it("keeps the undo history when the core refuses, says why, and never undoes over someone else's move", async () => {
    const notify = recorder();
    let current = planWith([slotAt(12, 1)]);
    let refuse = false;
    const store = storeOver(
      () => current,
      async (id, version, to) => {
        if (refuse) {
          throw Object.assign(new Error("Page 30 has no room for that."), { code: "page_taken", field: "pages" });
        }
        current = planWith([{ ...slotAt(to.first_page, version + 1), id }]);
        return current;
      },
      notify,
    );
    await store.show("e");
    const to = (first_page: number) => ({ first_page, last_page: first_page, part_units: 12, part_offset: 0 });
    expect(await store.move({ article: "a1" }, "Keep communities", to(20))).toBe(true);
    refuse = true;
    expect(await store.move({ article: "a1" }, "Keep communities", to(30))).toBe(false);
    expect(store.undoStack.length).toBe(1);
    expect(notify.shown.at(-1)).toEqual({ kind: "warning", message: "Page 30 has no room for that." });
    // Another editor moves it to page 40; undo must not put it back on 12.
    current = planWith([slotAt(40, 3)]);
    await store.load();
    refuse = false;
    await store.undo();
    expect(current.slots[0]?.first_page).toBe(40);
    expect(notify.shown.at(-1)?.message).toContain("has changed on the flatplan since");
  });
});
