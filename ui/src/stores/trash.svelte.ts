// The trash: deleting with Undo in the toast, and the Trash screen's list,
// restore and empty. Every deletion goes through `moveToTrash`, so each
// says the same and offers the same Undo.

import type { Backend } from "../lib/backend";
import type { PublicationId, Saved, TrashItem } from "../lib/bindings";
import { messageOf } from "../lib/errors";
import { refreshAfterSave, type Notify } from "./notify";

export type TrashApi = Pick<Backend, "trash" | "restoreFromTrash" | "emptyTrash">;

const NOUN: Record<TrashItem["kind"], string> = {
  article: "piece",
  edition: "edition",
  contributor: "contributor",
  advert: "advert",
  comment: "comment",
};

/** "the piece “Leeds commits…”" */
export function named(item: TrashItem): string {
  return `the ${NOUN[item.kind]} “${item.label}”`;
}

/**
 * Deletes with `remove`, refreshes with `after`, and says so with Undo,
 * which restores it, refreshes again and runs `back` (reopening what was
 * shown). The entry, or null when the deletion was refused (said in a toast).
 */
export async function moveToTrash(
  api: Pick<Backend, "restoreFromTrash">,
  notify: Notify,
  remove: () => Promise<Saved<TrashItem>>,
  after: () => Promise<void>,
  back?: () => Promise<void>,
): Promise<TrashItem | null> {
  let item: TrashItem;
  try {
    item = (await remove()).item;
  } catch (e) {
    notify.show("error", messageOf(e), 10000);
    return null;
  }
  await refreshAfterSave(notify, "The deletion", after);
  const label = named(item);
  notify.show("success", `Moved ${label} to the trash.`, 10000, {
    label: "Undo",
    run: async () => {
      try {
        const restored = await api.restoreFromTrash(item.id);
        for (const w of restored.warnings) notify.show("warning", w.message, 10000);
        await refreshAfterSave(notify, "The restore", after);
        if (back) await back();
      } catch (e) {
        notify.show("error", messageOf(e), 10000);
      }
    },
  });
  return item;
}

export class TrashStore {
  items = $state.raw<TrashItem[] | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  private publication: PublicationId | null = null;
  private reads = 0;

  constructor(
    private readonly api: TrashApi,
    private readonly notify: Notify,
    /** Refreshes the other screens after a restore. */
    private readonly changed: () => Promise<void>,
  ) {}

  async show(publication: PublicationId | null): Promise<void> {
    if (publication !== this.publication) this.items = null;
    this.publication = publication;
    await this.load();
  }

  async load(): Promise<void> {
    const publication = this.publication;
    if (!publication) {
      this.items = [];
      return;
    }
    const mine = ++this.reads;
    try {
      const items = await this.api.trash(publication);
      if (mine !== this.reads) return;
      this.items = items;
      this.error = null;
    } catch (e) {
      if (mine === this.reads) this.error = messageOf(e);
    }
  }

  /** Puts `item` back, and says where (and any place it could not take). */
  async restore(item: TrashItem): Promise<void> {
    this.busy = true;
    try {
      const saved = await this.api.restoreFromTrash(item.id);
      this.notify.show("success", `Restored ${named(item)}.`);
      for (const w of saved.warnings) this.notify.show("warning", w.message, 10000);
    } catch (e) {
      this.notify.show("error", messageOf(e), 10000);
    } finally {
      this.busy = false;
    }
    await refreshAfterSave(this.notify, "The restore", async () => {
      await this.load();
      await this.changed();
    });
  }

  /** Empties the trash (the user has confirmed). */
  async empty(): Promise<void> {
    const publication = this.publication;
    if (!publication) return;
    this.busy = true;
    try {
      // The entries shown when the user agreed: one deleted since stays.
      const n = await this.api.emptyTrash(publication, (this.items ?? []).map((i) => i.id));
      this.notify.show("success", n === 1 ? "Emptied the trash: 1 item." : `Emptied the trash: ${n} items.`);
    } catch (e) {
      this.notify.show("error", messageOf(e), 10000);
    } finally {
      this.busy = false;
    }
    await this.load();
  }
}
