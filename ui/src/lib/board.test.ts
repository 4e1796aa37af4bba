import { describe, expect, it } from "vitest";
import type { BoardCard, Status, Workflow } from "./bindings";
import { allowedTargets, columns, isCollapsed, nearness, nextTarget, refusedMove, sortCards } from "./board";

const status = (id: string, position: number, over: Partial<Status> = {}): Status => ({
  id,
  key: id,
  label: id[0]!.toUpperCase() + id.slice(1),
  position,
  colour: "slate",
  is_initial: position === 0,
  is_spiked: id === "spiked",
  is_final: id === "published",
  receives_drafts: false,
  deadline: null,
  retired: false,
  ...over,
});

const workflow: Workflow = {
  publication_id: "p",
  version: 1,
  statuses: [
    status("idea", 0),
    status("commissioned", 1),
    status("legal", 2, { retired: true }),
    status("subbed", 3),
    status("published", 4),
    status("spiked", 5),
  ],
  transitions: [
    { from: "idea", to: "commissioned" },
    { from: "idea", to: "spiked" },
    { from: "commissioned", to: "legal" },
    { from: "commissioned", to: "subbed" },
    { from: "legal", to: "subbed" },
    { from: "subbed", to: "published" },
    { from: "subbed", to: "commissioned" },
  ],
};

const card = (id: string, status_id: string, over: Partial<BoardCard> = {}): BoardCard => ({
  id,
  edition_id: "e",
  edition: "Feb/Mar 21",
  title: id,
  section_id: null,
  section: null,
  kind_id: "k",
  kind_label: "Feature",
  status_id,
  contributors: [],
  credits: [],
  word_target: null,
  copy: null,
  deadline: null,
  needs_writer: false,
  version: 1,
  ...over,
});

describe("board", () => {
  it("folds the empty columns and the ends of the pipeline to strips, unless the user chose", () => {
    const cols = columns(workflow, [card("a", "idea"), card("b", "published"), card("c", "spiked")]);
    const folded = (id: string, chosen?: boolean) => isCollapsed(cols.find((c) => c.status.id === id)!, chosen);
    expect(folded("idea")).toBe(false);
    expect(folded("commissioned")).toBe(true); // empty
    expect(folded("published")).toBe(true); // final
    expect(folded("spiked")).toBe(true);
    expect(folded("published", false)).toBe(false);
    expect(folded("idea", true)).toBe(true);
  });
  it("says where a refused move could go instead, or that nothing can", () => {
    expect(refusedMove(workflow, card("Homes", "idea"), "left")).toBe(
      "“Homes” cannot move left. From Idea it can go to: Commissioned, Spiked.",
    );
    // A retired status is not offered.
    expect(refusedMove(workflow, card("Homes", "commissioned"), "right")).toBe(
      "“Homes” cannot move right. From Commissioned it can go to: Subbed.",
    );
    expect(refusedMove(workflow, card("Homes", "published"), "from here")).toBe(
      "“Homes” cannot move from here. No moves are allowed from Published.",
    );
  });

  it("shows a retired status only while pieces are in it", () => {
    expect(columns(workflow, [card("a", "idea")]).map((c) => c.status.id)).toEqual([
      "idea",
      "commissioned",
      "subbed",
      "published",
      "spiked",
    ]);
    const withLegal = columns(workflow, [card("a", "legal")]);
    expect(withLegal.map((c) => c.status.id)).toContain("legal");
    expect(withLegal.find((c) => c.status.id === "legal")!.cards.map((c) => c.id)).toEqual(["a"]);
  });

  it("offers only the workflow's moves, never into a retired status", () => {
    expect([...allowedTargets(workflow, "commissioned")]).toEqual(["subbed"]);
    expect([...allowedTargets(workflow, "idea")]).toEqual(["commissioned", "spiked"]);
    expect([...allowedTargets(workflow, "published")]).toEqual([]);
  });

  it("moves by keyboard to the nearest allowed column on each side", () => {
    expect(nextTarget(workflow, "idea", 1)).toBe("commissioned");
    expect(nextTarget(workflow, "commissioned", 1)).toBe("subbed");
    expect(nextTarget(workflow, "subbed", -1)).toBe("commissioned");
    expect(nextTarget(workflow, "idea", -1)).toBeNull();
    expect(nextTarget(workflow, "legal", 1)).toBe("subbed");
  });

  it("sorts the list view with empty values last", () => {
    const cards = [
      card("b", "subbed", { deadline: { date: "2021-01-08", status_label: "X", from_assignment: false, overdue: false } }),
      card("a", "idea"),
      card("c", "commissioned", { deadline: { date: "2021-01-01", status_label: "X", from_assignment: true, overdue: true } }),
    ];
    expect(sortCards(cards, workflow, "deadline", true).map((c) => c.id)).toEqual(["c", "b", "a"]);
    expect(sortCards(cards, workflow, "deadline", false).map((c) => c.id)).toEqual(["b", "c", "a"]);
    expect(sortCards(cards, workflow, "status", true).map((c) => c.id)).toEqual(["a", "c", "b"]);
    expect(sortCards(cards, workflow, "title", false).map((c) => c.id)).toEqual(["c", "b", "a"]);
  });

  it("says how near a deadline is", () => {
    expect(nearness("2021-01-05", "2021-01-08")).toBe("3 days overdue");
    expect(nearness("2021-01-07", "2021-01-08")).toBe("1 day overdue");
    expect(nearness("2021-01-08", "2021-01-08")).toBe("due today");
    expect(nearness("2021-01-09", "2021-01-08")).toBe("due tomorrow");
    expect(nearness("2021-01-18", "2021-01-08")).toBe("in 10 days");
  });
});
