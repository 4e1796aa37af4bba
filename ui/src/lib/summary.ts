// Figures shown over an edition's pieces.

import type { Article, Status } from "./bindings";

export interface StatusCount {
  status: Status;
  count: number;
}

/** Pieces per status, in workflow order, leaving out statuses with none. */
export function statusCounts(articles: Article[], statuses: Status[]): StatusCount[] {
  const byId = new Map<string, number>();
  for (const a of articles) byId.set(a.status_id, (byId.get(a.status_id) ?? 0) + 1);
  return [...statuses]
    .sort((a, b) => a.position - b.position)
    .map((status) => ({ status, count: byId.get(status.id) ?? 0 }))
    .filter((c) => c.count > 0);
}

/** The words planned for the pieces still in the edition (spiked ones left out). */
export function totalWords(articles: Article[]): number {
  return articles.filter((a) => a.status !== "spiked").reduce((sum, a) => sum + (a.word_target ?? 0), 0);
}
