// The publication's editions, the open edition and its pieces; creating and
// editing an edition, with conflicts offered as a choice.

import type { Backend } from "../lib/backend";
import type { Article, Edition, EditionId, EditionInput, PublicationId } from "../lib/bindings";
import { conflictOf, fieldErrorsOf, messageOf } from "../lib/errors";
import type { MineValues } from "../lib/conflict";
import { editionDraft, toEditionInput, type EditionDraft, type FieldErrors } from "../lib/forms";
import { Latest } from "../lib/latest";
import { only, type Conflicts } from "./conflicts.svelte";
import { refreshAfterSave, type Notify } from "./notify";

export type EditionApi = Pick<
  Backend,
  "listEditions" | "listArticles" | "getEdition" | "createEdition" | "createEditionFrom" | "updateEdition"
>;

/** An edition's fields as words, keyed as its history names them. */
export function editionValues(input: EditionInput): MineValues {
  return {
    name: input.name,
    theme: input.theme,
    focus_topics: input.focus_topics.join("; "),
    cover_date: input.cover_date ?? "",
    page_count: String(input.page_count),
    commissioning_closes: input.commissioning_closes ?? "",
    copy_deadline: input.copy_deadline ?? "",
    subbing_deadline: input.subbing_deadline ?? "",
    press_date: input.press_date ?? "",
    on_sale_date: input.on_sale_date ?? "",
    notes: input.notes,
  };
}

/** Theirs, with the fields in `changed` taken from `mine`. */
export function mergeEdition(theirs: EditionInput, mine: EditionInput, changed: Set<string>): EditionInput {
  const merged = { ...theirs };
  const take = <K extends keyof EditionInput>(k: K) => {
    if (changed.has(k)) merged[k] = mine[k];
  };
  (Object.keys(merged) as (keyof EditionInput)[]).forEach(take);
  return merged;
}

function inputOf(e: Edition): EditionInput {
  const parsed = toEditionInput(editionDraft(e));
  if ("errors" in parsed) throw new Error("The saved edition could not be read back.");
  return parsed.input;
}

export class EditionStore {
  publicationId: PublicationId | null = null;
  list = $state<Edition[] | null>(null);
  listError = $state<string | null>(null);
  id = $state<EditionId | null>(null);
  articles = $state<Article[] | null>(null);
  articlesError = $state<string | null>(null);
  current = $derived(this.list?.find((e) => e.id === this.id) ?? null);

  /** The edition as the edit form opened it. */
  private editing: Edition | null = null;
  private readonly listRequests = new Latest();
  private readonly articleRequests = new Latest();

  constructor(
    private readonly api: EditionApi,
    private readonly notify: Notify,
    private readonly conflicts: Conflicts,
  ) {}

  /** Shows `publication`'s editions (none open). */
  async showPublication(publication: PublicationId | null): Promise<void> {
    this.publicationId = publication;
    this.list = null;
    this.close();
    await this.loadList();
  }

  async loadList(): Promise<void> {
    const publication = this.publicationId;
    this.listError = null;
    try {
      const fresh = await this.listRequests.run(() => this.api.listEditions(publication));
      if (fresh && this.publicationId === publication) this.list = fresh;
    } catch (e) {
      this.listError = messageOf(e);
    }
  }

  async open(id: EditionId): Promise<void> {
    this.id = id;
    this.articles = null;
    await this.loadArticles();
  }

  close(): void {
    this.articleRequests.cancel();
    this.id = null;
    this.articles = null;
    this.articlesError = null;
  }

  async loadArticles(): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.articlesError = null;
    try {
      const fresh = await this.articleRequests.run(() => this.api.listArticles(id));
      if (fresh && this.id === id) this.articles = fresh;
    } catch (e) {
      if (this.id === id) this.articlesError = messageOf(e);
    }
  }

  /** The list's figures and the open edition's pieces after a change; throws if either fails. */
  async refresh(): Promise<void> {
    const id = this.id;
    const publication = this.publicationId;
    const [list, articles] = await Promise.all([
      this.api.listEditions(publication),
      id ? this.api.listArticles(id) : Promise.resolve(null),
    ]);
    if (this.publicationId === publication) this.list = list;
    if (id && this.id === id && articles) this.articles = articles;
  }

  /** Creates an edition, from `from` (its adverts come over) when given. */
  async create(draft: EditionDraft, from: EditionId | null = null): Promise<FieldErrors | null> {
    if (!this.publicationId) return { _form: "Create a publication first." };
    const parsed = toEditionInput(draft);
    if ("errors" in parsed) return parsed.errors;
    let saved;
    try {
      saved = from
        ? await this.api.createEditionFrom(from, parsed.input)
        : await this.api.createEdition(this.publicationId, parsed.input);
    } catch (e) {
      return fieldErrorsOf(e);
    }
    this.warn(saved.warnings);
    this.notify.show("success", `Created edition “${saved.item.name}”.`);
    await refreshAfterSave(this.notify, "The edition", () => this.loadList());
    await this.open(saved.item.id);
    return null;
  }

  /** Remembers the edition as the edit form opens it: saves are based on this version. */
  startEditing(): void {
    this.editing = this.current;
  }

  /**
   * Saves the edit form. A change someone else saved since the form opened
   * is a conflict: the dialog offers their version, or the fields this user
   * changed put on top of it. `done` runs when the edition is saved.
   */
  async update(draft: EditionDraft, done: () => void): Promise<FieldErrors | null> {
    const opened = this.editing;
    if (!opened) return null;
    const parsed = toEditionInput(draft);
    if ("errors" in parsed) return parsed.errors;
    const input = parsed.input;
    const mine = editionValues(input);
    const base = editionValues(inputOf(opened));
    const changed = new Set(Object.keys(mine).filter((k) => mine[k] !== base[k]));
    try {
      await this.save(opened, opened.version, input);
      done();
      return null;
    } catch (e) {
      const conflict = conflictOf(e);
      if (!conflict) return fieldErrorsOf(e);
      this.conflicts.show({
        conflict,
        mine: only(mine, changed),
        reload: () => {
          this.conflicts.dismiss();
          done();
          void this.loadList();
        },
        keepMine: async () => {
          try {
            const theirs = await this.api.getEdition(opened.id);
            await this.save(opened, theirs.version, mergeEdition(inputOf(theirs), input, changed));
            done();
          } catch (again) {
            this.notify.show("error", messageOf(again));
          } finally {
            this.conflicts.dismiss();
          }
        },
      });
      return null;
    }
  }

  private async save(opened: Edition, version: number, input: EditionInput): Promise<void> {
    const saved = await this.api.updateEdition(opened.id, version, input);
    this.warn(saved.warnings);
    await refreshAfterSave(this.notify, "The edition", () => this.loadList());
    const before = inputOf(opened);
    this.notify.show("success", "Saved the edition.", 8000, {
      label: "Undo",
      // A save from the version just saved: refused as a conflict if
      // someone changed the edition since.
      run: async () => {
        try {
          await this.api.updateEdition(opened.id, saved.item.version, before);
          await this.loadList();
        } catch (e) {
          this.notify.show("error", messageOf(e));
        }
      },
    });
  }

  private warn(warnings: { message: string }[]): void {
    for (const w of warnings) this.notify.show("warning", w.message, 8000);
  }
}
