import { describe, expect, it } from "vitest";
import type { Assignment, Calendar, CalendarEvent, Edition, Saved } from "../lib/bindings";
import { recorder } from "./fakes";
import { CalendarStore, type CalendarApi } from "./calendar.svelte";

const due = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "due-as1",
  date: "2021-01-12",
  kind: "due",
  title: "Keep communities at the heart of planning",
  what: "Draft due from Sam Okoro",
  edition_id: "e1",
  edition: "Feb/Mar 21",
  article_id: "a1",
  assignment_id: "as1",
  contributor_id: "c1",
  key_date: null,
  version: 3,
  overdue: false,
  ...over,
});
const cal = (events: CalendarEvent[]): Calendar => ({ from: "2020-12-28", to: "2021-01-31", today: "2021-01-10", events, undated: [] });
const savedAssignment = (version: number) => ({ item: { version } as Assignment, warnings: [] }) as Saved<Assignment>;

function api(over: Partial<CalendarApi>): CalendarApi {
  return {
    calendar: async () => cal([due()]),
    rescheduleDue: async () => savedAssignment(4),
    rescheduleKeyDate: async () => ({ item: { version: 8 } as Edition, warnings: [] }),
    exportCalendar: async () => null,
    openExport: async () => null,
    ...over,
  };
}

describe("the calendar", () => {
  it("reads the whole weeks around the month, and steps month by month", async () => {
    const asked: [string, string][] = [];
    const store = new CalendarStore(api({ calendar: async (_p, from, to) => (asked.push([from, to]), cal([])) }), recorder());
    store.anchor = "2021-01-13";
    await store.show("p1");
    await store.go(1);
    await store.setView("week");
    expect(asked[0]![0] <= "2021-01-01" && asked[0]![1] >= "2021-01-31").toBe(true);
    expect(asked[1]![0] <= "2021-02-01" && asked[1]![1] >= "2021-02-28").toBe(true);
    expect(store.weeks).toHaveLength(1);
  });

  it("moves a due date from the version shown, and Undo moves it back from the version saved", async () => {
    const moves: [string, number, string][] = [];
    const notify = recorder();
    let changed = 0;
    const store = new CalendarStore(
      api({
        rescheduleDue: async (id, version, date) => (moves.push([id, version, date]), savedAssignment(version + 1)),
      }),
      notify,
      async () => void changed++,
    );
    await store.show("p1");
    await store.move(due(), "2021-01-14");
    expect(moves).toEqual([["as1", 3, "2021-01-14"]]);
    expect(changed).toBe(1);
    const toast = notify.shown.at(-1)!;
    expect(toast.message).toContain("Draft due from Sam Okoro");
    await toast.action!.run();
    expect(moves[1]).toEqual(["as1", 4, "2021-01-12"]);
    // The same day, or a deadline the workflow sets, does not move.
    await store.move(due(), "2021-01-12");
    await store.move(due({ kind: "status", assignment_id: null, version: null }), "2021-01-20");
    expect(moves).toHaveLength(2);
  });

  it("says why a move was refused and shows the calendar as it now is", async () => {
    const notify = recorder();
    let reads = 0;
    const store = new CalendarStore(
      api({
        calendar: async () => (reads++, cal([due()])),
        rescheduleKeyDate: async () => Promise.reject(new Error("The press date is after the on-sale date.")),
      }),
      notify,
    );
    await store.show("p1");
    await store.move(due({ kind: "key_date", assignment_id: null, key_date: "press_date", uid: "key-e1-press_date" }), "2021-02-09");
    expect(notify.shown[0]).toMatchObject({ kind: "error", message: "The press date is after the on-sale date." });
    expect(reads).toBe(2);
  });
});
