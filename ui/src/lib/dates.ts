// Dates as people type them: "8/1/21", "8.1.2021", "8 Jan 2021", "Jan 8",
// "2021-01-08". The numbers are read in the locale's order (day first but
// in the US); a missing year is the one nearest the reference date.

import { dateOrder, monthNames } from "./format";

const ENGLISH = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** The ISO date of year `y`, month `m`, day `d`, or "invalid" when there is no such day. */
export function iso(y: number, m: number, d: number): string | "invalid" {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return "invalid";
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A month by its name or an abbreviation of it (three letters or more),
 * in English or the locale's words; null when none or more than one month
 * could be meant ("jui" in French: juin or juillet). */
function monthOf(word: string, tag?: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w.length < 3) return null;
  const local = monthNames(tag).map((m) => m.toLowerCase().replace(/\.$/, ""));
  const months = new Set<number>();
  for (let i = 0; i < 12; i++) {
    if (ENGLISH[i]!.startsWith(w) || w === local[i] || local[i]!.startsWith(w)) months.add(i + 1);
  }
  return months.size === 1 ? [...months][0]! : null;
}

/** The year for a day and month typed without one: of the years around
 * `near` in which that day exists (29 Feb), the one nearest it. */
function nearestYear(m: number, d: number, near: string): number {
  const [ny, nm, nd] = near.split("-").map(Number) as [number, number, number];
  const target = Date.UTC(ny, nm - 1, nd);
  const real = [ny - 1, ny, ny + 1, ny + 2, ny - 2].filter((y) => iso(y, m, d) !== "invalid");
  real.sort((a, b) => Math.abs(Date.UTC(a, m - 1, d) - target) - Math.abs(Date.UTC(b, m - 1, d) - target));
  return real[0] ?? ny;
}

function fullYear(y: string): number {
  return y.length <= 2 ? 2000 + Number(y) : Number(y);
}

/**
 * What the user typed as an ISO date; null for nothing, "invalid" for what
 * is not a calendar date. `near` (ISO) picks the year when none is typed.
 */
export function parseTypedDate(text: string, near: string, tag?: string): string | null | "invalid" {
  const t = text.trim().replace(/,/g, " ").replace(/\s+/g, " ");
  if (t === "") return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  // Numbers: d/m/y or m/d/y (/, ., - or spaces between), the year optional.
  m = /^(\d{1,2})[/.\- ](\d{1,2})(?:[/.\- ](\d{2}|\d{4}))?\.?$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [d, mo] = dateOrder(tag) === "mdy" ? [b, a] : [a, b];
    const y = m[3] ? fullYear(m[3]) : nearestYear(mo, d, near);
    return iso(y, mo, d);
  }
  // Words: "8 Jan 2021", "8. Jan. 2021", "Jan 8 2021", "January 8".
  const parts = t.split(" ").map((p) => p.replace(/\.$/, ""));
  const monthAt = parts.findIndex((p) => /^\p{L}/u.test(p));
  if (monthAt >= 0 && parts.length >= 2 && parts.length <= 3) {
    const mo = monthOf(parts[monthAt]!, tag);
    const numbers = parts.filter((_, i) => i !== monthAt);
    if (mo !== null && numbers.every((n) => /^\d+$/.test(n))) {
      const d = Number(numbers[0]);
      const y = numbers[1] !== undefined ? fullYear(numbers[1]) : nearestYear(mo, d, near);
      return iso(y, mo, d);
    }
  }
  return "invalid";
}

/** The weeks of a month for a calendar, from Monday (or Sunday): ISO dates, null for blanks. */
export function monthGrid(year: number, month: number, sundayFirst = false): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = sundayFirst ? first.getUTCDay() : (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(iso(year, month, d) as string);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** `isoDate` moved by `days` (negative: back). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()) as string;
}
