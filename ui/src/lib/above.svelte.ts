// What stays usable above a modal dialog: the toasts (with their Undo) and
// the offline banner. A native modal <dialog> makes everything outside it
// inert, so while one is open the topmost dialog renders this layer inside
// itself, and the window renders it only when no dialog is open.

import type { Snippet } from "svelte";

export const above = $state<{ open: number; layer: Snippet | null }>({ open: 0, layer: null });

/** A modal dialog opens: its depth (1 for the first). */
export function modalOpened(): number {
  above.open += 1;
  return above.open;
}

export function modalClosed(): void {
  above.open = Math.max(0, above.open - 1);
}
