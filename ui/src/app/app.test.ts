import { describe, expect, it } from "vitest";
import type { Action } from "../lib/shortcuts";
import type { Commands } from "./commands.svelte";
import { Dialogs } from "./dialogs.svelte";
import { keyHandler } from "./keyboard";
import { createRunner } from "./menus";
import { createRefresher } from "./refresh";
import { Router } from "./routing.svelte";
import type { Stores } from "./stores";

/** Stores that record what was asked of them; `over` replaces any part. */
function fakeStores(over: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const shown: [string, string][] = [];
  const rec = (name: string) => async () => void calls.push(name);
  const s = {
    toasts: { show: (kind: string, message: string) => void shown.push([kind, message]) },
    conflicts: { current: null },
    settings: { singleKeys: true },
    database: { info: { path: "x.db", server: false, member: null }, error: null },
    pubs: { id: "p1", loadList: rec("pubs.loadList"), loadLists: rec("pubs.loadLists") },
    editions: {
      id: null as string | null,
      current: null as object | null,
      list: [] as { id: string }[],
      close: () => void calls.push("editions.close"),
      loadList: rec("editions.loadList"),
      refresh: rec("editions.refresh"),
      open: rec("editions.open"),
    },
    piece: { id: null as string | null, close: () => void calls.push("piece.close"), load: rec("piece.load") },
    contributors: { list: [], close: () => void calls.push("contributors.close"), load: rec("contributors.load") },
    board: { show: rec("board.show"), load: rec("board.load") },
    flatplan: { show: rec("flatplan.show"), load: rec("flatplan.load") },
    team: { load: rec("team.load") },
    mine: { load: rec("mine.load") },
    ...over,
  };
  return { s: s as unknown as Stores, raw: s, calls, shown };
}

const noCommands = {} as Commands;

describe("the window's actions", () => {
  it("closes the open dialog before the drawer", () => {
    const { s, raw, calls } = fakeStores();
    raw.piece.id = "a1";
    const dialogs = new Dialogs(s);
    const { run } = createRunner(s, new Router(s), dialogs, noCommands);
    dialogs.current = "help";
    expect(run("close")).toBe(true);
    expect(dialogs.current).toBeNull();
    expect(calls).toEqual([]);
    run("close");
    expect(calls).toEqual(["piece.close"]);
  });

  it("opens New piece only in an edition with no dialog open, and says why Export needs one", () => {
    const { s, raw, shown } = fakeStores();
    const dialogs = new Dialogs(s);
    const { run } = createRunner(s, new Router(s), dialogs, noCommands);
    run("new-piece");
    expect(dialogs.current).toBeNull();
    run("export");
    expect(shown).toEqual([["warning", "Open an edition first: Export makes its plan."]]);
    raw.editions.id = "e1";
    dialogs.current = "help";
    run("new-piece");
    expect(dialogs.current).toBe("help");
    dialogs.close();
    run("new-piece");
    expect(dialogs.current).toBe("new-piece");
  });

  it("runs a menu item's action and ignores an item it does not know", () => {
    const { s } = fakeStores();
    const dialogs = new Dialogs(s);
    const { onMenu } = createRunner(s, new Router(s), dialogs, noCommands);
    onMenu("no-such-item");
    expect(dialogs.current).toBeNull();
    onMenu("shortcuts");
    expect(dialogs.current).toBe("help");
  });
});

describe("the window's keys", () => {
  // No DOM here: a key pressed on nothing in particular is not typing.
  (globalThis as { HTMLElement?: unknown }).HTMLElement ??= class {};
  const press = (key: string, shiftKey = false) =>
    ({ key, shiftKey, ctrlKey: false, metaKey: false, altKey: false, target: null, preventDefault() {} }) as unknown as KeyboardEvent;

  it("runs two-key sequences, and inside a dialog only Esc and the global keys", () => {
    const ran: Action[] = [];
    let inDialog = false;
    const onKey = keyHandler({ singleKeys: () => true, inDialog: () => inDialog, run: (a) => (ran.push(a), true) });
    onKey(press("g"));
    onKey(press("b"));
    expect(ran).toEqual(["go-board"]);
    inDialog = true;
    onKey(press("?"));
    onKey(press("Escape"));
    expect(ran).toEqual(["go-board", "close"]);
  });
});

describe("routing", () => {
  it("goes to a screen with the drawer closed and what it shows loaded", async () => {
    const { s, calls } = fakeStores();
    const router = new Router(s);
    await router.go("contributors");
    expect(router.place).toBe("contributors");
    expect(calls).toEqual(["piece.close", "contributors.close", "contributors.load"]);
  });

  it("sends the flatplan back to Editions, saying why, when there is no edition", async () => {
    const { s, calls, shown } = fakeStores();
    const router = new Router(s);
    await router.go("flatplan");
    expect(router.place).toBe("editions");
    expect(calls).not.toContain("flatplan.show");
    expect(shown[0]?.[0]).toBe("warning");
  });
});

describe("refreshing after a change made elsewhere", () => {
  it("refreshes what the screen shows, and reports a part that failed", async () => {
    const { s, raw, calls } = fakeStores();
    const router = new Router(s);
    router.place = "board";
    // Retries are the refresher's own business (lib/refresher.test.ts): none here.
    const refresher = createRefresher(s, router, () => false, { set: () => 1, clear: () => {} });
    await refresher.request();
    expect(calls).toContain("board.load");
    expect(calls).not.toContain("flatplan.load");
    raw.board.load = async () => Promise.reject(new Error("gone"));
    await refresher.request();
    expect(refresher.delay).toBeGreaterThan(1000);
  });

  it("refreshes only a contributor's own assignments", async () => {
    const { s, calls } = fakeStores();
    await createRefresher(s, new Router(s), () => true).request();
    expect(calls).toEqual(["mine.load"]);
  });
});
