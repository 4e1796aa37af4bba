import { describe, expect, it } from "vitest";
import type { Dashboard } from "../lib/bindings";
import { DeskStore } from "./desk.svelte";

const deskOf = (day: string): Dashboard =>
  ({ today: day, overdue: [], this_week: [], waiting: [], off_target: [], editions: [], adverts: [], done_from: "Approved" }) as Dashboard;

describe("the desk's store", () => {
  it("shows the newest publication's desk, whatever order the answers come in", async () => {
    const answers = new Map<string, (d: Dashboard) => void>();
    const store = new DeskStore({
      dashboard: (publication) => new Promise((resolve) => answers.set(publication, resolve)),
    });
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
    const store = new DeskStore({
      dashboard: () =>
        ++calls === 1 ? new Promise((_, reject) => (fail = reject)) : Promise.resolve(deskOf("2021-01-10")),
    });
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
    const store = new DeskStore({
      dashboard: async (publication) => {
        if (publication === "bad") throw new Error("The server is out of reach.");
        return deskOf("2021-01-10");
      },
    });
    await store.show("p1");
    await store.show("bad");
    expect(store.desk).toBeNull();
    expect(store.error).toBe("The server is out of reach.");
  });
});
