// The one conflict the user is being asked about: someone else saved the
// record after this screen loaded it. Stores that save put it here; the
// app shows it as the conflict dialog.

import type { Conflict } from "../lib/bindings";
import type { MineValues } from "../lib/conflict";

export interface ConflictPrompt {
  conflict: Conflict;
  /** The values the user was saving, only the fields they changed. */
  mine: MineValues;
  /** Drop the user's changes and show the saved version. */
  reload: () => void;
  /** Save the user's changed fields on top of the saved version. */
  keepMine: () => Promise<void>;
}

export class Conflicts {
  current = $state<ConflictPrompt | null>(null);

  show(prompt: ConflictPrompt): void {
    this.current = prompt;
  }

  dismiss(): void {
    this.current = null;
  }
}

/** Only the entries of `values` whose keys are in `keys`. */
export function only(values: MineValues, keys: Set<string>): MineValues {
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)));
}
