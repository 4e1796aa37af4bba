// The piece open in the drawer: its detail, saving it and moving it along
// the workflow from the version on screen, with conflicts offered as a
// choice. A late answer for an earlier click never replaces a newer one.

import type { Backend } from "../lib/backend";
import type { Article, ArticleDetail, ArticleId, ArticleInput, Kind, Section, Status } from "../lib/bindings";
import { conflictOf, fieldErrorsOf, messageOf } from "../lib/errors";
import type { MineValues } from "../lib/conflict";
import { articleDraft, toArticleInput, type ArticleDraft, type FieldErrors } from "../lib/forms";
import { Latest } from "../lib/latest";
import { only, type Conflicts } from "./conflicts.svelte";
import { refreshAfterSave, type Notify } from "./notify";

export type PieceApi = Pick<Backend, "articleDetail" | "updateArticle" | "changeStatus">;

/** The draft's fields by the keys the history uses. */
const DRAFT_FIELDS: [keyof ArticleDraft, string][] = [
  ["title", "title"],
  ["standfirst", "standfirst"],
  ["sectionId", "section"],
  ["kindId", "kind"],
  ["wordTarget", "word_target"],
  ["notes", "notes"],
];

/** The fields of `draft` the user changed from `base`, by their history keys. */
export function changedFields(draft: ArticleDraft, base: ArticleDraft): Set<string> {
  return new Set(DRAFT_FIELDS.filter(([k]) => draft[k] !== base[k]).map(([, field]) => field));
}

/** Theirs, with the fields in `changed` taken from `mine`. */
export function mergeArticle(theirs: ArticleInput, mine: ArticleInput, changed: Set<string>): ArticleInput {
  return {
    title: changed.has("title") ? mine.title : theirs.title,
    standfirst: changed.has("standfirst") ? mine.standfirst : theirs.standfirst,
    section_id: changed.has("section") ? mine.section_id : theirs.section_id,
    kind_id: changed.has("kind") ? mine.kind_id : theirs.kind_id,
    word_target: changed.has("word_target") ? mine.word_target : theirs.word_target,
    notes: changed.has("notes") ? mine.notes : theirs.notes,
  };
}

function inputOf(a: Article): ArticleInput {
  const parsed = toArticleInput(articleDraft(a));
  if ("errors" in parsed) throw new Error("The saved piece could not be read back.");
  return parsed.input;
}

export class PieceStore {
  id = $state<ArticleId | null>(null);
  detail = $state<ArticleDetail | null>(null);
  error = $state<string | null>(null);
  /** Bumped to give the drawer a fresh form (after Reload, Keep mine, Undo). */
  epoch = $state(0);

  private readonly requests = new Latest();

  /**
   * `lists` gives the publication's sections and kinds (to name them in a
   * conflict); `changed` refreshes what else shows the piece (the edition).
   */
  constructor(
    private readonly api: PieceApi,
    private readonly notify: Notify,
    private readonly conflicts: Conflicts,
    private readonly lists: () => { sections: Section[]; kinds: Kind[] },
    private readonly changed: () => Promise<void>,
  ) {}

  async open(id: ArticleId): Promise<void> {
    this.id = id;
    this.detail = null;
    this.error = null;
    await this.load(id);
  }

  /** Fills the drawer with `id`'s detail, unless a newer request came since. */
  async load(id: ArticleId): Promise<void> {
    try {
      const fresh = await this.requests.run(() => this.api.articleDetail(id));
      if (fresh && this.id === id) {
        this.detail = fresh;
        this.error = null;
      }
    } catch (e) {
      if (this.id === id) this.error = messageOf(e);
    }
  }

  close(): void {
    this.requests.cancel();
    this.id = null;
    this.detail = null;
    this.error = null;
  }

  /** Saves `draft`, made from `base`, the piece at `version`. */
  async save(draft: ArticleDraft, version: number, base: ArticleDraft): Promise<FieldErrors | null> {
    const id = this.id;
    if (!id) return null;
    const parsed = toArticleInput(draft);
    if ("errors" in parsed) return parsed.errors;
    const input = parsed.input;
    const changed = changedFields(draft, base);
    const before = this.detail ? inputOf(this.detail.article) : null;
    try {
      await this.saveFrom(id, version, input, before);
      return null;
    } catch (e) {
      const conflict = conflictOf(e);
      if (!conflict) return fieldErrorsOf(e);
      this.conflicts.show({
        conflict,
        mine: only(this.words(input), changed),
        reload: () => {
          this.conflicts.dismiss();
          this.epoch++;
          void this.open(id);
        },
        // Their version, with the fields this user changed on top: what
        // they changed elsewhere stays.
        keepMine: async () => {
          try {
            const theirs = await this.api.articleDetail(id);
            const merged = mergeArticle(inputOf(theirs.article), input, changed);
            await this.saveFrom(id, theirs.article.version, merged, before);
            this.epoch++;
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

  /** Moves the piece from the version on screen. */
  async move(to: Status, version: number): Promise<void> {
    const id = this.id;
    if (!id) return;
    try {
      await this.api.changeStatus(id, version, to.id);
    } catch (e) {
      const conflict = conflictOf(e);
      if (!conflict) {
        this.notify.show("error", messageOf(e));
        return;
      }
      this.conflicts.show({
        conflict,
        mine: { status: to.label },
        reload: () => {
          this.conflicts.dismiss();
          this.epoch++;
          void this.open(id);
        },
        keepMine: async () => {
          this.conflicts.dismiss();
          try {
            await this.api.changeStatus(id, conflict.current_version, to.id);
          } catch (again) {
            this.notify.show("error", messageOf(again));
          }
          this.epoch++;
          await refreshAfterSave(this.notify, "The move", () => this.afterChange(id));
        },
      });
      return;
    }
    await refreshAfterSave(this.notify, "The move", () => this.afterChange(id));
  }

  private async saveFrom(
    id: ArticleId,
    version: number,
    input: ArticleInput,
    before: ArticleInput | null,
  ): Promise<void> {
    const saved = await this.api.updateArticle(id, version, input);
    await refreshAfterSave(this.notify, "The piece", () => this.afterChange(id));
    if (!before) return;
    this.notify.show("success", "Saved the piece.", 8000, {
      label: "Undo",
      // A save from the version just saved: refused as a conflict if
      // someone changed the piece since.
      run: async () => {
        try {
          await this.api.updateArticle(id, saved.version, before);
          if (this.id === id) this.epoch++;
          await this.afterChange(id);
        } catch (e) {
          this.notify.show("error", messageOf(e));
        }
      },
    });
  }

  /** Reloads the drawer (if it still shows `id`) and whatever else shows the piece. */
  private async afterChange(id: ArticleId): Promise<void> {
    if (this.id === id) await this.load(id);
    await this.changed();
  }

  private words(input: ArticleInput): MineValues {
    const { sections, kinds } = this.lists();
    return {
      title: input.title,
      standfirst: input.standfirst,
      section: sections.find((s) => s.id === input.section_id)?.name ?? "",
      kind: kinds.find((k) => k.id === input.kind_id)?.label ?? "",
      word_target: input.word_target === null ? "" : String(input.word_target),
      notes: input.notes,
    };
  }
}
