// The calendar's days: which weeks a month or a week view shows, moving by
// a month or a week, and each day's deadlines. Pure, so tested alone.

import type { CalendarEvent } from "./bindings";
import { addDays } from "./dates";
import { formatDate, monthNames } from "./format";

export type CalendarView = "month" | "week";

/** 0 for Sunday … 6 for Saturday, of an ISO date. */
function weekday(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The first day of the week `isoDate` is in. */
export function weekStart(isoDate: string, sundayFirst: boolean): string {
  const back = sundayFirst ? weekday(isoDate) : (weekday(isoDate) + 6) % 7;
  return addDays(isoDate, -back);
}

/** The first day of `isoDate`'s month. */
export function monthStart(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/**
 * The whole weeks a view of `anchor` shows: a month's, from the week of its
 * first day to the week of its last; or `anchor`'s week.
 */
export function weeksOf(anchor: string, view: CalendarView, sundayFirst: boolean): string[][] {
  const first = view === "month" ? weekStart(monthStart(anchor), sundayFirst) : weekStart(anchor, sundayFirst);
  const lastDay = view === "month" ? addDays(step(monthStart(anchor), "month", 1), -1) : first;
  const weeks: string[][] = [];
  let day = first;
  do {
    const week = Array.from({ length: 7 }, (_, i) => addDays(day, i));
    weeks.push(week);
    day = addDays(day, 7);
  } while (day <= lastDay);
  return weeks;
}

/** The anchor one month or week before (-1) or after (1). */
export function step(anchor: string, view: CalendarView, by: 1 | -1): string {
  if (view === "week") return addDays(anchor, 7 * by);
  const [y, m] = anchor.split("-").map(Number) as [number, number];
  const month = m - 1 + by;
  const year = y + Math.floor(month / 12);
  const mm = ((month % 12) + 12) % 12;
  return `${String(year).padStart(4, "0")}-${String(mm + 1).padStart(2, "0")}-01`;
}

/** "Jan 2021", or a week as "4 Jan 2021 – 10 Jan 2021" (the locale's words). */
export function viewTitle(weeks: string[][], anchor: string, view: CalendarView): string {
  if (view === "month") {
    const [y, m] = anchor.split("-").map(Number) as [number, number];
    return `${monthNames()[m - 1]} ${y}`;
  }
  const days = weeks[0]!;
  return `${formatDate(days[0]!)} – ${formatDate(days[6]!)}`;
}

/** Each day's deadlines, in the order the core gave them. */
export function byDay(events: readonly CalendarEvent[]): Map<string, CalendarEvent[]> {
  const out = new Map<string, CalendarEvent[]>();
  for (const e of events) {
    const list = out.get(e.date);
    if (list) list.push(e);
    else out.set(e.date, [e]);
  }
  return out;
}
