// Dates, numbers and words the way the user's locale writes them.
import type { Credit } from "./bindings";
import { WRITER_ROLE } from "./defaults";

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "2021-02-01" -> "1 Feb 2021" (en-GB); null -> "—". Never shifts the day. */
export function formatDate(iso: string | null, locale?: string): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  // Read and written in UTC so that no time zone can move the day.
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

export function formatDateTime(rfc3339: string): string {
  const date = new Date(rfc3339);
  return Number.isNaN(date.getTime()) ? rfc3339 : dateTimeFormat.format(date);
}

export function formatNumber(n: number | null): string {
  return n === null ? "—" : n.toLocaleString();
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
