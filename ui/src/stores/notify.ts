// How stores tell the user something: the app's toasts.

import type { Toasts } from "../lib/toasts.svelte";
import { messageOf } from "../lib/errors";

export type Notify = Pick<Toasts, "show">;

/**
 * After a successful save: refresh what is shown, and if only the refresh
 * fails, say that the save itself went through (so nobody saves twice).
 */
export async function refreshAfterSave(notify: Notify, what: string, refresh: () => Promise<void>): Promise<void> {
  try {
    await refresh();
  } catch (e) {
    notify.show("warning", `${what} was saved, but Masthead could not show the new version: ${messageOf(e)}`, 8000);
  }
}
