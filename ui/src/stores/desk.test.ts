import { describe, expect, it } from "vitest";
import type { Dashboard } from "../lib/bindings";
import { DeskStore, type DeskApi } from "./desk.svelte";

/** The desk's api with no news and no marks, `dashboard` as given. */
const withDesk = (dashboard: DeskApi["dashboard"]): DeskApi => ({
  dashboard,
  activity: async () => ({ since: null, sets: [], more: false, mentions: [] }),
  markSeen: async () => null,
});

const deskOf = (day: string): Dashboard =>
  ({ today: day, overdue: [], this_week: [], waiting: [], off_target: [], editions: [], adverts: [], done_from: "Approved" }) as Dashboard;

describe("the desk's store", () => {
  it("shows the newest publication's desk, whatever order the answers come in", async () => {
    const answers = new Map<string, (d: Dashboard) => void>();
    const store = new DeskStore(withDesk((publication) => new Promise((resolve) => answers.set(publication, resolve))));
    const first = store.show("p1");
    const second = store.show("p2");
    answers.get("p2")!(deskOf("2021-01-10"));
    answers.get("p1")!(deskOf("2020-01-01"));
    await Promise.all([first, second]);
    expect(store.desk?.today).toBe("2021-01-10");
  });

  it("drops a late failure of an earlier read, and says when there is no publication", async () => {
    let fail: (e: Error) => void = () => {};
    let calls = 0;
    const store = new DeskStore(
      withDesk(() => (++calls === 1 ? new Promise((_, reject) => (fail = reject)) : Promise.resolve(deskOf("2021-01-10")))),
    );
    const first = store.show("p1");
    await store.load();
    fail(new Error("late"));
    await first;
    expect(store.error).toBeNull();
    expect(store.desk?.today).toBe("2021-01-10");
    await store.show(null);
    expect(store.none).toBe(true);
  });

  it("says why it could not be read, and keeps nothing stale from another publication", async () => {
    const store = new DeskStore(
      withDesk(async (publication) => {
        if (publication === "bad") throw new Error("The server is out of reach.");
        return deskOf("2021-01-10");
      }),
    );
    await store.show("p1");
    await store.show("bad");
    expect(store.desk).toBeNull();
    expect(store.error).toBe("The server is out of reach.");
  });

  it("shows what others changed, and marks it seen up to the newest shown", async () => {
    const set = (id: string, at: string) => ({
      id,
      at,
      actor: "Sam Sub",
      edition: "Feb/Mar 21",
      lines: [{ about: "Leeds commits", article_id: "a1", text: "moved it from Idea to Commissioned" }],
    });
    let seen: string | null = null;
    const marked: string[] = [];
    const store = new DeskStore({
      dashboard: async () => deskOf("2021-01-10"),
      activity: async () => ({
        since: seen,
        sets: seen ? [] : [set("cs2", "2026-12-05T10:02:00.000Z"), set("cs1", "2026-12-05T10:01:00.000Z")],
        more: false,
        mentions: [],
      }),
      markSeen: async (_p, upto) => {
        marked.push(upto);
        seen = upto;
        return null;
      },
    });
    await store.show("p1");
    expect(store.activity?.sets.map((s) => s.id)).toEqual(["cs2", "cs1"]);
    await store.markSeen();
    expect(marked).toEqual(["2026-12-05T10:02:00.000Z"]);
    expect(store.activity?.sets).toEqual([]);
    expect(store.activity?.since).toBe("2026-12-05T10:02:00.000Z");
  });

  it("shows the desk even when the changes cannot be read", async () => {
    const store = new DeskStore({
      dashboard: async () => deskOf("2021-01-10"),
      activity: async () => Promise.reject(new Error("permission denied for table seen")),
      markSeen: async () => null,
    });
    await store.show("p1");
    expect(store.desk?.today).toBe("2021-01-10");
    expect(store.activity).toBeNull();
    expect(store.error).toBeNull();
  });
});
