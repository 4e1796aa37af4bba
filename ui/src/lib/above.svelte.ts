// What stays usable above a modal dialog: the toasts (with their Undo) and
// the offline banner. A native modal <dialog> makes everything outside it
// inert, so while one is open the topmost dialog renders this layer inside
// itself, and the window renders it only when no dialog is open. Dialogs
// open and close in any order (a menu item may close the one underneath):
// the topmost is the last one opened that is still open.

import type { Snippet } from "svelte";

export const above = $state<{ open: number[]; layer: Snippet | null }>({ open: [], layer: null });

let opened = 0;

/** A modal dialog opens: its token, the last of those open (the browser puts it on top). */
export function modalOpened(): number {
  opened += 1;
  above.open.push(opened);
  return opened;
}

export function modalClosed(token: number): void {
  const at = above.open.indexOf(token);
  if (at >= 0) above.open.splice(at, 1);
}

/** Whether the dialog with `token` is the topmost open one. */
export function isTopmost(token: number): boolean {
  return above.open.length > 0 && above.open[above.open.length - 1] === token;
}
