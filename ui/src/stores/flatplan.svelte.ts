// The flatplan of one edition: placing, moving and removing from the
// version on screen, with undo and redo of the last fifty actions. A late
// answer never replaces a newer one; a refusal says why and changes nothing.

import type { Backend } from "../lib/backend";
import type { AdvertInput, EditionId, Flatplan, Placement } from "../lib/bindings";
import { codeOf, fieldErrorsOf, messageOf } from "../lib/errors";
import type { FieldErrors } from "../lib/forms";
import {
  describeAction,
  inverse,
  ownerOf,
  placementOf,
  pushed,
  sentence,
  slotOf,
  stillAsLeft,
  type FlatplanAction,
  type Owner,
} from "../lib/flatplan";
import { Latest } from "../lib/latest";
import type { Notify } from "./notify";

export type FlatplanApi = Pick<
  Backend,
  "flatplan" | "placeArticle" | "placeAdvert" | "moveSlot" | "removeSlot" | "addAdvert" | "listAdverts" | "updateAdvert"
>;

export class FlatplanStore {
  plan = $state<Flatplan | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  // Raw: an action keeps its identity, so a toast knows whether it is still the last.
  undoStack = $state.raw<FlatplanAction[]>([]);
  redoStack = $state.raw<FlatplanAction[]>([]);
  private edition: EditionId | null = null;
  private readonly requests = new Latest();

  constructor(
    private readonly api: FlatplanApi,
    private readonly notify: Notify,
  ) {}

  async show(edition: EditionId): Promise<void> {
    if (edition !== this.edition) {
      this.edition = edition;
      this.plan = null;
      this.undoStack = [];
      this.redoStack = [];
    }
    await this.load();
  }

  async load(): Promise<void> {
    const edition = this.edition;
    if (!edition) return;
    try {
      const fresh = await this.requests.run(() => this.api.flatplan(edition));
      if (fresh && edition === this.edition) {
        this.plan = fresh;
        this.error = null;
      }
    } catch (e) {
      if (edition === this.edition) this.error = messageOf(e);
    }
  }

  /** Places, moves or removes; on success it can be undone. Returns whether it was done. */
  async run(action: FlatplanAction): Promise<boolean> {
    const done = await this.apply(action, sentence(describeAction(action)), true);
    if (done) {
      this.undoStack = pushed(this.undoStack, action);
      this.redoStack = [];
    }
    return done;
  }

  async undo(): Promise<void> {
    const last = this.undoStack.at(-1);
    if (!last || this.busy || !this.plan) return;
    // Someone else may have moved it since: never undo over their change.
    if (!stillAsLeft(this.plan, last)) {
      this.notify.show("warning", `“${last.label}” has changed on the flatplan since, so that was not undone.`);
      this.undoStack = this.undoStack.slice(0, -1);
      return;
    }
    if (await this.apply(inverse(last), `Undid: ${describeAction(last)}.`)) {
      this.undoStack = this.undoStack.slice(0, -1);
      this.redoStack = pushed(this.redoStack, last);
    }
  }

  private notUndone(a: FlatplanAction): void {
    this.notify.show(
      "warning",
      `Other changes came after: ${describeAction(a)} was not undone. Undo in the toolbar goes back one change at a time.`,
    );
  }

  async redo(): Promise<void> {
    const next = this.redoStack.at(-1);
    if (!next || this.busy || !this.plan) return;
    if (!stillAsLeft(this.plan, inverse(next))) {
      this.notify.show("warning", `“${next.label}” has changed on the flatplan since, so that was not redone.`);
      this.redoStack = this.redoStack.slice(0, -1);
      return;
    }
    if (await this.apply(next, `Redid: ${describeAction(next)}.`)) {
      this.redoStack = this.redoStack.slice(0, -1);
      this.undoStack = pushed(this.undoStack, next);
    }
  }

  /** Books an advert into the edition; it waits in the tray to be placed. */
  async bookAdvert(input: AdvertInput): Promise<FieldErrors | null> {
    const edition = this.edition;
    if (!edition) return null;
    try {
      const ad = await this.api.addAdvert(edition, input);
      this.notify.show("success", `Booked ${ad.advertiser} (${ad.size}). Drag it onto a page.`);
    } catch (e) {
      return fieldErrorsOf(e);
    }
    await this.load();
    return null;
  }

  /** Changes an advert's booking state (pencilled, booked, artwork received) from the version read now. */
  async setAdvertState(advert: string, state: AdvertInput["state"]): Promise<void> {
    const edition = this.edition;
    if (!edition) return;
    try {
      const ad = (await this.api.listAdverts(edition)).find((a) => a.id === advert);
      if (!ad) throw new Error("That advert is no longer booked in this edition.");
      await this.api.updateAdvert(ad.id, ad.version, { ...ad, state });
      this.notify.show("success", `${ad.advertiser}: ${state === "artwork" ? "artwork received" : state}.`);
    } catch (e) {
      this.notify.show("error", messageOf(e));
    }
    await this.load();
  }

  place(owner: Owner, label: string, to: Placement): Promise<boolean> {
    return this.run({ kind: "place", owner, label, to });
  }

  move(owner: Owner, label: string, to: Placement): Promise<boolean> {
    const slot = this.plan ? slotOf(this.plan, owner) : undefined;
    if (!slot) return Promise.resolve(false);
    return this.run({ kind: "move", owner, label, from: placementOf(slot), to });
  }

  remove(owner: Owner, label: string): Promise<boolean> {
    const slot = this.plan ? slotOf(this.plan, owner) : undefined;
    if (!slot) return Promise.resolve(false);
    return this.run({ kind: "remove", owner, label, from: placementOf(slot) });
  }

  /** Does `a`; says `done` when it is done, with an Undo button when `undoable`. */
  private async apply(a: FlatplanAction, done: string, undoable = false): Promise<boolean> {
    const plan = this.plan;
    if (!plan || this.busy) return false;
    this.busy = true;
    try {
      const slot = slotOf(plan, a.owner);
      let fresh: Flatplan;
      if (a.kind === "place") {
        fresh =
          "article" in a.owner
            ? await this.api.placeArticle(a.owner.article, a.to)
            : await this.api.placeAdvert(a.owner.advert, a.to);
      } else if (!slot) {
        throw new Error(`“${a.label}” is no longer on the flatplan.`);
      } else if (a.kind === "move") {
        fresh = await this.api.moveSlot(slot.id, slot.version, a.to);
      } else {
        fresh = await this.api.removeSlot(slot.id, slot.version);
      }
      this.requests.cancel();
      this.plan = fresh;
      // The toast's Undo undoes this change only, and only while it is the
      // last one (an older toast's button must not undo a newer change).
      const undo = { label: "Undo", run: () => (this.undoStack.at(-1) === a ? this.undo() : this.notUndone(a)) };
      this.notify.show("success", done, undefined, undoable ? undo : undefined);
      return true;
    } catch (e) {
      this.notify.show(
        codeOf(e) === "page_taken" ? "warning" : "error",
        codeOf(e) === "conflict"
          ? `Someone else changed “${a.label}” on the flatplan just now, so nothing was done. It shows their version now.`
          : messageOf(e),
      );
      await this.load();
      return false;
    } finally {
      this.busy = false;
    }
  }
}

export { ownerOf };
