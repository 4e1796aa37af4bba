// A form's submission: one at a time (a double click saves once, not
// twice), the errors of a refused save by field, and, for a form with an
// id, focus on the first field refused.

import { tick } from "svelte";
import { focusFirstInvalid, type FieldErrors } from "./forms";

export class Submission {
  saving = $state(false);
  errors = $state<FieldErrors>({});

  /** `formId`: the form whose first refused field takes focus, if any. */
  constructor(private readonly formId?: string) {}

  /** Runs `save` unless a save is under way; true when it saved. */
  async run(save: () => Promise<FieldErrors | null>): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    let refused: FieldErrors | null;
    try {
      refused = await save();
      this.errors = refused ?? {};
    } finally {
      this.saving = false;
    }
    if (this.formId) {
      await tick();
      focusFirstInvalid(this.formId);
    }
    return refused === null;
  }
}
