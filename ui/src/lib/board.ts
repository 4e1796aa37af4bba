// The board's logic, apart from the view: columns, allowed moves, the list
// view's sort, and keyboard moves. Plain functions, tested with vitest.

import type { BoardCard, Status, StatusId, Transition, Workflow } from "./bindings";

export interface Column {
  status: Status;
  cards: BoardCard[];
}

/**
 * One column per status in workflow order; a retired status shows only
 * while pieces are still in it.
 */
export function columns(workflow: Workflow, cards: BoardCard[]): Column[] {
  const by = new Map<StatusId, BoardCard[]>();
  for (const c of cards) {
    const list = by.get(c.status_id);
    if (list) list.push(c);
    else by.set(c.status_id, [c]);
  }
  return workflow.statuses
    .map((status) => ({ status, cards: by.get(status.id) ?? [] }))
    .filter((col) => !col.status.retired || col.cards.length > 0);
}

/**
 * Whether a column starts as a narrow strip with its count: an empty one,
 * and the ends of the pipeline (spiked, and the final status such as
 * Published), which the day's work rarely looks into. `chosen` is what the
 * user picked for this status, which wins.
 */
export function isCollapsed(col: Column, chosen: boolean | undefined): boolean {
  if (chosen !== undefined) return chosen;
  return col.cards.length === 0 || col.status.is_spiked || col.status.is_final;
}

/** The statuses a piece in `from` may move to (never a retired one). */
export function allowedTargets(workflow: Workflow, from: StatusId): Set<StatusId> {
  const live = new Set(workflow.statuses.filter((s) => !s.retired).map((s) => s.id));
  return new Set(
    workflow.transitions.filter((t: Transition) => t.from === from && live.has(t.to)).map((t) => t.to),
  );
}

/**
 * The nearest allowed column to the right (`step` 1) or left (-1) of the
 * card's own column, for moving by keyboard; null when there is none.
 */
export function nextTarget(workflow: Workflow, from: StatusId, step: 1 | -1): StatusId | null {
  const allowed = allowedTargets(workflow, from);
  const order = workflow.statuses.filter((s) => !s.retired || s.id === from);
  const at = order.findIndex((s) => s.id === from);
  for (let i = at + step; i >= 0 && i < order.length; i += step) {
    const s = order[i]!;
    if (allowed.has(s.id)) return s.id;
  }
  return null;
}

/**
 * What a refused move says: where the piece may go from its status, in
 * the workflow's order (the core's refusal of a drop says the same).
 */
export function refusedMove(workflow: Workflow, card: { title: string; status_id: StatusId }, tried: string): string {
  const from = workflow.statuses.find((s) => s.id === card.status_id)?.label ?? "its status";
  const allowed = allowedTargets(workflow, card.status_id);
  const to = workflow.statuses.filter((s) => allowed.has(s.id)).map((s) => s.label);
  const where = to.length === 0 ? `No moves are allowed from ${from}.` : `From ${from} it can go to: ${to.join(", ")}.`;
  return `“${card.title}” cannot move ${tried}. ${where}`;
}

export type SortKey = "title" | "status" | "edition" | "section" | "kind" | "by" | "words" | "deadline";

/** The list view's order: by `key`, then title; empty values last. */
export function sortCards(cards: BoardCard[], workflow: Workflow, key: SortKey, ascending: boolean): BoardCard[] {
  const position = new Map(workflow.statuses.map((s) => [s.id, s.position]));
  const value = (c: BoardCard): string | number | null => {
    switch (key) {
      case "title":
        return c.title.toLowerCase();
      case "status":
        return position.get(c.status_id) ?? null;
      case "edition":
        return c.edition.toLowerCase();
      case "section":
        return c.section?.toLowerCase() ?? null;
      case "kind":
        return c.kind_label.toLowerCase();
      case "by":
        return c.contributors[0]?.toLowerCase() ?? null;
      case "words":
        return c.copy?.words ?? c.word_target;
      case "deadline":
        return c.deadline?.date ?? null;
    }
  };
  const sign = ascending ? 1 : -1;
  return [...cards].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va < vb ? -1 : 1) * sign;
    }
    return a.title.localeCompare(b.title);
  });
}

/** "3 days overdue", "due today", "in 5 days": how near a deadline is. */
export function nearness(date: string, today: string): string {
  const days = Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
  if (days < -1) return `${-days} days overdue`;
  if (days === -1) return "1 day overdue";
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  return `in ${days} days`;
}
