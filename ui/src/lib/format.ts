// Dates, numbers and words the way the user's locale writes them.
import type { Credit } from "./bindings";
import { WRITER_ROLE } from "./defaults";
import { CURRENCY_SIGNS, LOCALES, type LocaleRules } from "./locales";

// One rule with the PDF: the core's `masthead_core::locale`, whose table
// is generated into locales.ts and whose answers locale-cases.json checks
// (format.test.ts). The app is told its locale by the core (`appLocale`),
// which falls back to an unambiguous form under C or POSIX.

let rules: LocaleRules = LOCALES[0]!;

/** Writes from now on as the locale `tag` does (an unknown one: the fallback). */
export function setLocale(tag: string): void {
  rules = rulesFor(tag);
}

function rulesFor(tag?: string): LocaleRules {
  if (tag === undefined) return rules;
  return LOCALES.find((l) => l.tag === tag) ?? LOCALES[0]!;
}

function writeDate(r: LocaleRules, year: number, month: number, day: number): string {
  return r.date
    .replace("{d}", String(day))
    .replace("{m}", r.months[month - 1] ?? String(month))
    .replace("{y}", String(year));
}

/** "2021-02-01" -> "1 Feb 2021" (en-GB); null -> "—". Never shifts the day. */
export function formatDate(iso: string | null, tag?: string): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d || m > 12) return iso;
  return writeDate(rulesFor(tag), y, m, d);
}

/** A moment in the user's time zone: "8 Jan 2021, 14:05". */
export function formatDateTime(rfc3339: string, tag?: string): string {
  const t = new Date(rfc3339);
  if (Number.isNaN(t.getTime())) return rfc3339;
  return writeDateTime(rulesFor(tag), t.getFullYear(), t.getMonth() + 1, t.getDate(), t.getHours(), t.getMinutes());
}

function writeDateTime(r: LocaleRules, y: number, mo: number, d: number, h: number, mi: number): string {
  const mm = String(mi).padStart(2, "0");
  const time = r.twelve_hour ? `${h % 12 === 0 ? 12 : h % 12}:${mm} ${h < 12 ? "AM" : "PM"}` : `${String(h).padStart(2, "0")}:${mm}`;
  return `${writeDate(r, y, mo, d)}, ${time}`;
}

/** A whole number with its thousands grouped: "7,670"; null -> "—". */
export function formatNumber(n: number | null, tag?: string): string {
  if (n === null) return "—";
  const r = rulesFor(tag);
  const digits = String(Math.abs(Math.trunc(n)));
  let out = n < 0 ? "-" : "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += r.group;
    out += digits[i];
  }
  return out;
}

/** A fee as the core keeps it ("400.00") with its currency: "£400.00". */
export function formatMoney(amount: string, currency: string, tag?: string): string {
  const r = rulesFor(tag);
  const [whole, cents] = amount.split(".", 2) as [string, string | undefined];
  const number = /^-?\d+$/.test(whole)
    ? formatNumber(Number(whole), r.tag) + (cents === undefined || cents === "" ? "" : r.decimal + cents)
    : amount;
  const sign = CURRENCY_SIGNS[currency];
  if (sign !== undefined) return r.money.replace("{n}", number).replace("{s}", sign);
  return r.money.startsWith("{s}") ? `${currency}\u00a0${number}` : `${number}\u00a0${currency}`;
}

/** For the shared cases: "2021-01-08T14:30:00" read as a wall-clock time. */
export function formatWallClock(naive: string, tag?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(naive);
  if (!m) return naive;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return writeDateTime(rulesFor(tag), y, mo, d, h, mi);
}

/** "Chris Borg" -> "CB". */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part.length > 0 && /^\p{L}/u.test(part))
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/** An edition's pieces by the one rule every face states: the pieces in the
 * workflow, and the spiked ones apart ("10 pieces · 1 spiked"). */
export function piecesSummary(live: number, spiked: number): string {
  const pieces = `${formatNumber(live)} ${live === 1 ? "piece" : "pieces"}`;
  return spiked > 0 ? `${pieces} · ${formatNumber(spiked)} spiked` : pieces;
}

/** What is said after a credit's name: a role other than the writer's, and
 * an answer other than yes ("photographer, offered"); "" for a writer who
 * accepted. The same rule as the core's `Credit::label`. */
export function creditNote(c: Credit): string {
  const notes: string[] = [];
  if (c.role !== WRITER_ROLE) notes.push(c.role);
  if (c.state !== "accepted") notes.push(c.state);
  return notes.join(", ");
}

/** Today in the user's time zone, as the core writes dates ("2021-01-08"). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when the ISO date `iso` is before today. */
export function isPast(iso: string, now: Date = new Date()): boolean {
  return iso < todayIso(now);
}

/** The order the locale writes a date's numbers in: day first, or month. */
export function dateOrder(tag?: string): "dmy" | "mdy" {
  return rulesFor(tag).date.startsWith("{m}") ? "mdy" : "dmy";
}

/** The locale's weekday names for a calendar's head, in its week's order. */
export function weekdayNames(tag?: string): readonly string[] {
  const r = rulesFor(tag);
  return r.sunday_first ? [r.weekdays[6]!, ...r.weekdays.slice(0, 6)] : r.weekdays;
}

/** The week starts on Sunday in the locale (the US), else on Monday. */
export function sundayFirst(tag?: string): boolean {
  return rulesFor(tag).sunday_first;
}

/** The locale's short month names, January first. */
export function monthNames(tag?: string): readonly string[] {
  return rulesFor(tag).months;
}
