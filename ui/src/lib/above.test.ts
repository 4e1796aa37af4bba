import { describe, expect, it } from "vitest";
import { above, isTopmost, modalClosed, modalOpened } from "./above.svelte";

describe("the layer above dialogs", () => {
  it("goes with the topmost open dialog, whichever closes first", () => {
    const form = modalOpened();
    const conflict = modalOpened();
    expect(isTopmost(conflict)).toBe(true);
    expect(isTopmost(form)).toBe(false);
    // A menu item closes the dialog underneath: the top one keeps the layer.
    modalClosed(form);
    expect(isTopmost(conflict)).toBe(true);
    // Another replaces it: the newest is on top, and only it.
    const help = modalOpened();
    modalClosed(conflict);
    expect(isTopmost(help)).toBe(true);
    expect(isTopmost(conflict)).toBe(false);
    modalClosed(help);
    expect(above.open).toEqual([]);
  });
});
