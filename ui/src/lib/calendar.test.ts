import { describe, expect, it } from "vitest";
import { byDay, step, viewTitle, weekStart, weeksOf } from "./calendar";
import { setLocale } from "./format";
import type { CalendarEvent } from "./bindings";

describe("the calendar's days", () => {
  it("shows a month as the whole weeks around it, Monday or Sunday first", () => {
    setLocale("en-GB");
    const weeks = weeksOf("2021-01-15", "month", false);
    expect(weeks[0]![0]).toBe("2020-12-28");
    expect(weeks.at(-1)![6]).toBe("2021-01-31");
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const us = weeksOf("2021-01-15", "month", true);
    expect(us[0]![0]).toBe("2020-12-27");
    expect(us.at(-1)![6]).toBe("2021-02-06");
    // February 2021 starts on a Monday and fills four weeks exactly.
    expect(weeksOf("2021-02-10", "month", false)).toHaveLength(4);
  });

  it("shows a week, and steps by months across years and by weeks", () => {
    expect(weeksOf("2021-01-13", "week", false)).toEqual([
      ["2021-01-11", "2021-01-12", "2021-01-13", "2021-01-14", "2021-01-15", "2021-01-16", "2021-01-17"],
    ]);
    expect(weekStart("2021-01-10", false)).toBe("2021-01-04");
    expect(weekStart("2021-01-10", true)).toBe("2021-01-10");
    expect(step("2021-01-01", "month", -1)).toBe("2020-12-01");
    expect(step("2020-12-01", "month", 1)).toBe("2021-01-01");
    expect(step("2021-01-31", "month", 1)).toBe("2021-02-01");
    expect(step("2021-01-13", "week", 1)).toBe("2021-01-20");
  });

  it("names the view and sorts the deadlines into their days", () => {
    setLocale("en-GB");
    expect(viewTitle(weeksOf("2021-01-13", "month", false), "2021-01-13", "month")).toBe("Jan 2021");
    expect(viewTitle(weeksOf("2021-01-13", "week", false), "2021-01-13", "week")).toBe("11 Jan 2021 – 17 Jan 2021");
    const ev = (uid: string, date: string) => ({ uid, date }) as CalendarEvent;
    const days = byDay([ev("a", "2021-01-08"), ev("b", "2021-01-15"), ev("c", "2021-01-08")]);
    expect(days.get("2021-01-08")!.map((e) => e.uid)).toEqual(["a", "c"]);
    expect(days.get("2021-01-09")).toBeUndefined();
  });
});
