// The timeline of a record. Each entry's sentence (`text`) comes from the
// core, so the app and the CLI describe a change in the same words.

import type { HistoryEntry } from "./bindings";

/** Newest first, as a timeline reads. */
export function timeline(history: HistoryEntry[]): HistoryEntry[] {
  return [...history].reverse();
}
