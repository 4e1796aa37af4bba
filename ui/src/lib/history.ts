// Turns history lines into sentences for the timeline.

import type { HistoryEntry } from "./bindings";

const FIELD_NAMES: Record<string, string> = {
  title: "title",
  standfirst: "standfirst",
  section: "section",
  kind: "kind",
  word_target: "word target",
  notes: "notes",
  name: "name",
  theme: "theme",
  focus_topics: "focus topics",
  cover_date: "cover date",
  page_count: "page count",
  commissioning_closes: "commissioning close",
  copy_deadline: "copy deadline",
  subbing_deadline: "subbing deadline",
  press_date: "press date",
  on_sale_date: "on-sale date",
};

export function describeChange(h: HistoryEntry): string {
  const show = (v: string | null) => (v === null || v === "" ? "nothing" : `“${v}”`);
  switch (h.action) {
    case "created":
      return h.entity === "assignment" ? `assigned it to ${h.new_value ?? "someone"}` : "created it";
    case "status":
      return `moved it from ${h.old_value ?? "?"} to ${h.new_value ?? "?"}`;
    case "updated": {
      const field = FIELD_NAMES[h.field ?? ""] ?? h.field ?? "a field";
      if (h.field === "standfirst" || h.field === "notes") return `edited the ${field}`;
      return `changed the ${field} from ${show(h.old_value)} to ${show(h.new_value)}`;
    }
    case "deleted":
      return "moved it to the trash";
    case "restored":
      return "restored it from the trash";
    default:
      return h.action;
  }
}

/** Newest first, as a timeline reads. */
export function timeline(history: HistoryEntry[]): HistoryEntry[] {
  return [...history].reverse();
}
