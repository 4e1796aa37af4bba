import { describe, expect, it } from "vitest";
import { formatDate, initials, isPast, piecesSummary, todayIso } from "./format";
import { matchesSearch } from "./contributors";
import { Toasts } from "./toasts.svelte";
import { match } from "./shortcuts";
import { timeline } from "./history";
import { conflictRows } from "./conflict";
import { Latest } from "./latest";
import { statusCounts, totalWords } from "./summary";
import { fieldErrorsOf } from "./errors";
import type { Article, HistoryEntry, Status } from "./bindings";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("format", () => {
  it("formats dates in the given locale without shifting the day", () => {
    expect(formatDate("2021-01-28", "en-GB")).toBe("28 Jan 2021");
    expect(formatDate("2021-02-01", "en-GB")).toBe("1 Feb 2021");
    expect(formatDate(null)).toBe("—");
  });
  it("makes initials from names", () => {
    expect(initials("Chris Borg")).toBe("CB");
    expect(initials("Dr Alan McKay")).toBe("DA");
    expect(initials("")).toBe("");
  });
  it("knows today in the user's time zone and what is past", () => {
    const evening = new Date(2021, 0, 8, 23, 30);
    expect(todayIso(evening)).toBe("2021-01-08");
    expect(isPast("2021-01-07", evening)).toBe(true);
    expect(isPast("2021-01-08", evening)).toBe(false);
  });
  it("states an edition's pieces with the spiked apart", () => {
    expect(piecesSummary(10, 1)).toBe("10 pieces · 1 spiked");
    expect(piecesSummary(1, 0)).toBe("1 piece");
    expect(piecesSummary(0, 2)).toBe("0 pieces · 2 spiked");
  });
});

describe("shortcuts", () => {
  it("maps keys to actions outside fields", () => {
    expect(match(key("n"), null, false).action).toBe("new-piece");
    expect(match(key("N", { shiftKey: true }), null, false).action).toBe("new-edition");
    expect(match(key("?"), null, false).action).toBe("help");
    expect(match(key("ArrowDown"), null, false).action).toBe("next-row");
  });
  it("ignores letters while typing but keeps Esc and Ctrl+O", () => {
    expect(match(key("n"), null, true).action).toBeNull();
    expect(match(key("Escape"), null, true).action).toBe("close");
    expect(match(key("o", { ctrlKey: true }), null, true).action).toBe("open-database");
    expect(match(key("e", { ctrlKey: true }), null, true).action).toBe("export");
    expect(match(key("E", { ctrlKey: true }), null, false, false).action).toBe("export");
    // Search opens from anywhere, a field included, single keys on or off.
    expect(match(key("k", { ctrlKey: true }), null, true).action).toBe("search");
    expect(match(key("K", { ctrlKey: true }), null, false, false).action).toBe("search");
    expect(match(key("k"), null, false).action).toBe("previous-row");
  });
  it("ignores character keys when single-key shortcuts are off, but not Ctrl, Esc or arrows", () => {
    expect(match(key("n"), null, false, false).action).toBe(null);
    expect(match(key("?"), null, false, false).action).toBe(null);
    expect(match(key("g"), null, false, false)).toEqual({ action: null, pending: null });
    expect(match(key("o", { ctrlKey: true }), null, false, false).action).toBe("open-database");
    expect(match(key("Escape"), null, false, false).action).toBe("close");
    expect(match(key("ArrowDown"), null, false, false).action).toBe("next-row");
    expect(match(key("j"), null, false, false).action).toBe(null);
  });
  it("understands two-key sequences", () => {
    const first = match(key("g"), null, false);
    expect(first).toEqual({ action: null, pending: "g" });
    expect(match(key("c"), first.pending, false).action).toBe("go-contributors");
    expect(match(key("x"), "g", false)).toEqual({ action: null, pending: null });
  });
});

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: "h",
  change_set_id: "s",
  at: "2026-11-27T10:00:00.000Z",
  actor: "Tess",
  entity: "article",
  entity_id: "a1",
  version: 2,
  action: "updated",
  field: null,
  old_value: null,
  new_value: null,
  old_ref: null,
  new_ref: null,
  subject: null,
  text: "",
  ...over,
});

describe("history", () => {
  it("reads newest first", () => {
    expect(timeline([entry({ id: "1" }), entry({ id: "2" })]).map((h) => h.id)).toEqual(["2", "1"]);
  });
});

describe("summary", () => {
  const status = (id: string, position: number): Status => ({
    id,
    key: id,
    label: id,
    position,
    colour: "slate",
    is_initial: id === "idea",
    is_spiked: id === "spiked",
    is_final: false,
    receives_drafts: false,
    deadline: null,
    retired: false,
  });
  const statuses = [status("spiked", 8), status("idea", 0), status("in_edit", 3)];
  const piece = (status_id: string, words: number | null) =>
    ({ status_id, status: status_id, word_target: words }) as unknown as Article;

  it("counts pieces per status in workflow order, leaving out empty ones", () => {
    const counts = statusCounts([piece("in_edit", 1), piece("idea", 2), piece("idea", 3)], statuses);
    expect(counts.map((c) => [c.status.id, c.count])).toEqual([
      ["idea", 2],
      ["in_edit", 1],
    ]);
  });
  it("leaves spiked pieces out of the planned words", () => {
    expect(totalWords([piece("idea", 1200), piece("spiked", 900), piece("in_edit", null)])).toBe(1200);
  });
});

describe("errors", () => {
  it("puts a message at its field, or at the form", () => {
    expect(fieldErrorsOf({ code: "duplicate", message: "Taken.", field: "name" })).toEqual({ name: "Taken." });
    expect(fieldErrorsOf(new Error("Boom"))).toEqual({ _form: "Boom" });
  });
});

describe("conflicts", () => {
  it("shows each field they changed, their latest value beside mine", () => {
    const conflict = {
      entity: "article",
      entity_id: "a1",
      name: "Keep communities at the heart of planning",
      seen_version: 3,
      current_version: 5,
      changes: [
        entry({ actor: "Jane", field: "title", old_value: "A", new_value: "B", version: 4 }),
        entry({ actor: "Sam", field: "title", old_value: "B", new_value: "C", version: 5 }),
        entry({ actor: "Sam", action: "status", field: "status", old_value: "Idea", new_value: "Commissioned" }),
      ],
    };
    const rows = conflictRows(conflict, { title: "Mine", word_target: "900" });
    expect(rows.map((r) => [r.key, r.label, r.theirs, r.mine])).toEqual([
      ["title", "Title", "C", "Mine"],
      ["status", "Status", "Commissioned", "(unchanged)"],
    ]);
    expect(rows[0]!.who.startsWith("Sam, ")).toBe(true);
  });
});

describe("latest", () => {
  it("ignores an answer that arrives after a newer request", async () => {
    const latest = new Latest();
    let release: (v: string) => void = () => {};
    const slow = new Promise<string>((r) => (release = r));
    const shown: string[] = [];
    const first = latest.run(() => slow).then((v) => v !== undefined && shown.push(v));
    const second = latest.run(async () => "piece B").then((v) => v !== undefined && shown.push(v));
    await second;
    release("piece A");
    await first;
    expect(shown).toEqual(["piece B"]);
  });
  it("drops answers after it is cancelled", async () => {
    const latest = new Latest();
    const pending = latest.run(async () => "late");
    latest.cancel();
    expect(await pending).toBeUndefined();
  });
});

describe("contributor search", () => {
  const chris = {
    id: "c1",
    name: "Chris Borg",
    role: "Policy manager",
    organisation: "NALC",
    email: "chris.borg@nalc.example",
    phone: "",
    kind: "freelance",
    notes: "",
    active_assignments: 1,
    version: 1,
  } as const;
  it("matches every typed word anywhere, in any case", () => {
    expect(matchesSearch(chris, "chr")).toBe(true);
    expect(matchesSearch(chris, "nalc policy")).toBe(true);
    expect(matchesSearch(chris, "@nalc.example")).toBe(true);
    expect(matchesSearch(chris, "  ")).toBe(true);
    expect(matchesSearch(chris, "chris housing")).toBe(false);
  });
});

describe("toasts", () => {
  it("shows at most three at once, newest last", () => {
    const t = new Toasts();
    for (const n of [1, 2, 3, 4, 5]) t.show("success", `saved ${n}`, 60_000);
    expect(t.items.map((i) => i.message)).toEqual(["saved 3", "saved 4", "saved 5"]);
  });
});

describe("the menu", () => {
  it("maps every item of the native menu to an action, and nothing else", async () => {
    const { menuAction } = await import("./shortcuts");
    const menu = (await import("../../../src-tauri/src/menu.rs?raw")).default;
    // Quit is the Rust side's own (it never reaches the window).
    const items = [...menu.matchAll(/item\("([a-z-]+)"/g)].map((m) => m[1]!).filter((id) => id !== "quit");
    expect(items.length).toBeGreaterThan(5);
    for (const id of items) expect(menuAction(id), id).not.toBeNull();
    expect(menuAction("shortcuts")).toBe("help");
    expect(menuAction("about")).toBe("about");
    expect(menuAction("toString")).toBeNull();
    expect(menuAction("quit")).toBeNull();
  });
});
