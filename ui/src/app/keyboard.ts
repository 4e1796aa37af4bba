// The window's keys: a key press becomes an action (lib/shortcuts.ts), run
// by the menus' runner; arrow keys and J/K move between the listed pieces.

import { isTyping, match, type Action } from "../lib/shortcuts";

export interface KeyContext {
  singleKeys: () => boolean;
  /** True while a dialog (or the conflict dialog) is open. */
  inDialog: () => boolean;
  run: (action: Action) => boolean;
}

/** The window's keydown handler; it remembers the first key of a two-key sequence ("g"). */
export function keyHandler(ctx: KeyContext): (e: KeyboardEvent) => void {
  let pendingKey: string | null = null;
  return (e) => {
    const typing = isTyping(e.target);
    const result = match(e, pendingKey, typing, ctx.singleKeys());
    pendingKey = result.pending;
    if (!result.action) return;
    // Inside a dialog only Esc (handled by the dialog) and global keys apply.
    if (ctx.inDialog() && !["close", "open-database"].includes(result.action)) return;
    if (ctx.run(result.action)) e.preventDefault();
  };
}

/**
 * Moves focus to the next or previous piece; false when there is no list
 * to move in (the key then scrolls, as it would anywhere else). With no
 * row focused it starts from `openId`, the piece open in the drawer.
 */
export function moveFocus(step: 1 | -1, openId: string | null): boolean {
  const rows = [...document.querySelectorAll<HTMLElement>("[data-article-id]")];
  if (rows.length === 0) return false;
  let at = rows.findIndex((r) => r === document.activeElement);
  if (at === -1 && openId) at = rows.findIndex((r) => r.dataset["articleId"] === openId);
  const next = at === -1 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step));
  rows[next]?.focus();
  return true;
}
