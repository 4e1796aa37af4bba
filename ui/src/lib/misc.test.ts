import { describe, expect, it } from "vitest";
import { formatDate, initials } from "./format";
import { match } from "./shortcuts";
import { describeChange, timeline } from "./history";
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
  at: "2026-11-27T10:00:00.000Z",
  actor: "Tess",
  entity: "article",
  entity_id: "a1",
  action: "updated",
  field: null,
  old_value: null,
  new_value: null,
  ...over,
});

describe("history", () => {
  it("describes each kind of change", () => {
    expect(describeChange(entry({ action: "status", old_value: "Idea", new_value: "Commissioned" }))).toBe(
      "moved it from Idea to Commissioned",
    );
    expect(describeChange(entry({ field: "word_target", old_value: "1200", new_value: null }))).toBe(
      "changed the word target from “1200” to nothing",
    );
    expect(describeChange(entry({ field: "standfirst", old_value: "a", new_value: "b" }))).toBe("edited the standfirst");
    expect(describeChange(entry({ action: "created" }))).toBe("created it");
  });
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
    is_spiked: id === "spiked",
    is_final: false,
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
