// What a conflict dialog shows: one row per field someone else changed,
// their saved value beside the one the user was saving.

import type { Conflict } from "./bindings";
import { formatDateTime } from "./format";

/** The user's values by field key (`title`, `word_target`, `status`…), as words. */
export type MineValues = Record<string, string>;

export interface ConflictRow {
  key: string;
  label: string;
  theirs: string;
  mine: string;
  who: string;
}

const LABELS: Record<string, string> = {
  word_target: "Word target",
  focus_topics: "Focus topics",
  cover_date: "Cover date",
  page_count: "Page count",
  commissioning_closes: "Commissioning closes",
  copy_deadline: "Copy deadline",
  subbing_deadline: "Subbing deadline",
  press_date: "Press date",
  on_sale_date: "On sale",
};

function label(key: string): string {
  return LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, " ");
}

function shown(v: string | null | undefined): string {
  return v === null || v === undefined || v === "" ? "—" : v;
}

/** The latest value of each field changed since the user's version, in the order first changed. */
export function conflictRows(conflict: Conflict, mine: MineValues): ConflictRow[] {
  const rows = new Map<string, ConflictRow>();
  for (const c of conflict.changes) {
    const key = c.action === "status" ? "status" : (c.field ?? c.action);
    rows.set(key, {
      key,
      label: label(key),
      theirs: shown(c.new_value),
      mine: key in mine ? shown(mine[key]) : "(unchanged)",
      who: `${c.actor}, ${formatDateTime(c.at)}`,
    });
  }
  return [...rows.values()];
}
