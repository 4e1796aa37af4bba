// The piece open in the drawer: its detail, saving it and moving it along
// the workflow from the version on screen, with conflicts offered as a
// choice. A late answer for an earlier click never replaces a newer one.

import type { Backend } from "../lib/backend";
import type {
  Article,
  ArticleDetail,
  ArticleId,
  ArticleInput,
  Assignment,
  Comment,
  ContributorId,
  Draft,
  DraftDiff,
  DraftFormat,
  DraftText,
  Kind,
  Section,
  Status,
} from "../lib/bindings";
import { conflictOf, fieldErrorsOf, messageOf } from "../lib/errors";
import type { MineValues } from "../lib/conflict";
import {
  articleDraft,
  toArticleInput,
  toAssignmentInput,
  type ArticleDraft,
  type CommissionDraft,
  type FieldErrors,
} from "../lib/forms";
import { Latest } from "../lib/latest";
import { describeCount } from "../lib/drafts";
import { formatDateTime } from "../lib/format";
import { only, type Conflicts } from "./conflicts.svelte";
import { refreshAfterSave, type Notify } from "./notify";
import { moveToTrash } from "./trash.svelte";

/** What the contributor's-page buttons of a commission do. */
export type LinkAction = "copy" | "email" | "revoke";
export type AssignmentAction = { answer: boolean } | { withdraw: true } | { to: ContributorId } | { link: LinkAction };

/** The nil UUID: a well-formed id that names nobody. */
const NO_ID = "00000000-0000-0000-0000-000000000000";

export type PieceApi = Pick<
  Backend,
  | "articleDetail"
  | "updateArticle"
  | "keepMineArticle"
  | "changeStatus"
  | "commission"
  | "answerAssignment"
  | "withdrawAssignment"
  | "contributorLink"
  | "emailOffer"
  | "revokeContributorLinks"
  | "reassign"
  | "commissionNewContributor"
  | "updateAssignment"
  | "submitDraft"
  | "draftText"
  | "draftDiff"
  | "approveDraft"
  | "exportDraft"
  | "openDraftOriginal"
  | "chooseDraftFile"
  | "deleteArticle"
  | "restoreFromTrash"
  | "addComment"
  | "editComment"
  | "deleteComment"
>;

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

  /**
   * Moves the open piece to the trash, from the version on screen (a
   * stale one is refused as a conflict); Undo in the toast brings it back
   * and reopens it.
   */
  async remove(): Promise<void> {
    const a = this.detail?.article;
    if (!a) return;
    await moveToTrash(
      this.api,
      this.notify,
      () => this.api.deleteArticle(a.id, a.version),
      async () => {
        if (this.id === a.id) this.close();
        await this.changed();
      },
      () => this.open(a.id),
    );
  }

  /** Comments on the open piece; false (and said why) when refused. */
  async addComment(body: string): Promise<boolean> {
    const id = this.id;
    if (!id) return false;
    try {
      await this.api.addComment(id, body);
    } catch (e) {
      this.notify.show("error", messageOf(e), 10000);
      return false;
    }
    await refreshAfterSave(this.notify, "The comment", () => this.afterChange(id));
    return true;
  }

  /** Saves the user's own comment from the version shown. */
  async editComment(c: Comment, body: string): Promise<boolean> {
    try {
      await this.api.editComment(c.id, c.version, body);
    } catch (e) {
      this.notify.show("error", messageOf(e), 10000);
      if (this.id) await this.load(this.id);
      return false;
    }
    await refreshAfterSave(this.notify, "The comment", () => this.afterChange(c.article_id));
    return true;
  }

  /** Moves the user's own comment to the trash, with Undo. */
  async deleteComment(c: Comment): Promise<void> {
    await moveToTrash(
      this.api,
      this.notify,
      () => this.api.deleteComment(c.id, c.version),
      () => this.afterChange(c.article_id),
    );
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
      await this.saveFrom(id, before, () => this.api.updateArticle(id, version, input));
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
        // The core merges, in one save, from the piece as saved then.
        keepMine: async () => {
          try {
            const fromBase = toArticleInput(base);
            const baseInput = "errors" in fromBase ? (before ?? input) : fromBase.input;
            await this.saveFrom(id, before, () => this.api.keepMineArticle(id, baseInput, input));
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

  /** Runs `save`, refreshes, and offers Undo back to `before`. */
  private async saveFrom(id: ArticleId, before: ArticleInput | null, save: () => Promise<Article>): Promise<void> {
    const saved = await save();
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

  /**
   * Commissions the open piece from the form. Someone typed in place is
   * added and offered the piece in one step (a refused offer adds nobody).
   * Returns the form's errors, or null when it was offered.
   */
  async commission(draft: CommissionDraft, onAdded: () => Promise<void>): Promise<FieldErrors | null> {
    const id = this.id;
    if (!id) return null;
    const contributor = draft.contributorId;
    if (contributor === "") return { contributor_id: "Choose who to offer the piece to, or add someone new." };
    // Someone new has no id yet; the core ignores this one and uses theirs.
    const parsed = toAssignmentInput(draft, contributor === "new" ? NO_ID : contributor);
    if ("errors" in parsed) return parsed.errors;
    let saved;
    try {
      saved =
        contributor === "new"
          ? await this.api.commissionNewContributor(
              id,
              {
                name: draft.newName,
                role: "",
                organisation: "",
                email: draft.newEmail.trim() ? draft.newEmail.trim() : null,
                phone: "",
                kind: "freelance",
                notes: "",
              },
              parsed.input,
            )
          : await this.api.commission(id, parsed.input);
    } catch (e) {
      return fieldErrorsOf(e);
    }
    this.notify.show("success", `Offered the piece to ${saved.item.contributor}.`);
    for (const w of saved.warnings) this.notify.show("warning", w.message, 8000);
    if (contributor === "new") await onAdded().catch(() => {});
    await refreshAfterSave(this.notify, "The assignment", () => this.afterChange(id));
    return null;
  }

  /** Saves an assignment's terms from the version the form began from. */
  async updateTerms(a: Assignment, draft: CommissionDraft): Promise<FieldErrors | null> {
    const parsed = toAssignmentInput(draft, a.contributor_id);
    if ("errors" in parsed) return parsed.errors;
    try {
      const saved = await this.api.updateAssignment(a.id, a.version, parsed.input);
      this.notify.show("success", `Saved ${a.contributor}'s terms.`);
      for (const w of saved.warnings) this.notify.show("warning", w.message, 8000);
    } catch (e) {
      if (conflictOf(e)) {
        await this.afterChange(a.article_id).catch(() => {});
        return {
          _form: `Someone else changed ${a.contributor}'s assignment after you opened it, so nothing was saved. Cancel to see their version.`,
        };
      }
      return fieldErrorsOf(e);
    }
    await refreshAfterSave(this.notify, "The assignment", () => this.afterChange(a.article_id));
    return null;
  }

  /** The contributor's page: a new link copied or emailed with the offer, or her links revoked. */
  private async link(a: Assignment, what: LinkAction) {
    const until = (iso: string) => formatDateTime(iso).split(",")[0] ?? iso;
    try {
      if (what === "copy") {
        const made = await this.api.contributorLink(a.contributor_id);
        const url = made.url ?? made.path;
        try {
          await navigator.clipboard.writeText(url);
          this.notify.show(
            "success",
            `Copied a link to ${a.contributor}'s page (it works until ${until(made.link.expires_at)}). Paste it into your message to them.`,
            8000,
          );
        } catch {
          // The clipboard may refuse a copy that comes after a wait: the
          // link is shown to copy with a click of its own.
          this.linkShown = { contributor: a.contributor, url, until: until(made.link.expires_at) };
        }
      } else if (what === "email") {
        const mail = await this.api.emailOffer(a.id, a.version);
        this.notify.show(
          "success",
          `Opened an email to ${a.contributor} in your mail program, with the brief and a link to their page (until ${until(mail.link.link.expires_at)}). Check it, then send it.`,
          8000,
        );
      } else {
        const n = await this.api.revokeContributorLinks(a.contributor_id);
        this.notify.show(
          "success",
          n === 0
            ? `${a.contributor} had no link to revoke.`
            : `Revoked ${n === 1 ? "the link" : `${n} links`} to ${a.contributor}'s page: it no longer opens. Copy contributor link makes a new one.`,
          8000,
        );
      }
    } catch (e) {
      this.notify.show("error", messageOf(e), 10000);
    }
  }

  /** Records an answer, a withdrawal or a re-assignment from the version on screen. */
  async assignment(a: Assignment, action: AssignmentAction) {
    const id = a.article_id;
    if ("link" in action) {
      await this.link(a, action.link);
      return;
    }
    try {
      if ("answer" in action) {
        await this.api.answerAssignment(a.id, a.version, action.answer);
        this.notify.show("success", `Recorded that ${a.contributor} ${action.answer ? "accepted" : "declined"}.`);
      } else if ("withdraw" in action) {
        await this.api.withdrawAssignment(a.id, a.version);
        this.notify.show("success", `Withdrew the piece from ${a.contributor}.`);
      } else {
        const saved = await this.api.reassign(a.id, a.version, action.to);
        this.notify.show("success", `Offered the piece to ${saved.item.contributor} instead.`);
        for (const w of saved.warnings) this.notify.show("warning", w.message, 8000);
      }
    } catch (e) {
      this.notify.show(
        "error",
        conflictOf(e)
          ? `Someone else changed ${a.contributor}'s assignment just now; nothing was saved. The drawer shows it as it is now.`
          : messageOf(e),
      );
    }
    await refreshAfterSave(this.notify, "The assignment", () => this.afterChange(id));
  }

  /** Busy reading a submitted file (its name), for the progress shown in the drawer. */
  /** A new link to show, when the clipboard would not take it. */
  linkShown = $state<{ contributor: string; url: string; until: string } | null>(null);
  submitting = $state<string | null>(null);

  /**
   * Submits a draft of the open piece: the file at `path`, or one chosen in
   * the open dialog when `path` is null. `by` says who wrote it when the
   * piece has more than one contributor. Says what was stored, or why not.
   */
  async submitDraft(path: string | null, by: ContributorId | null): Promise<boolean> {
    const id = this.id;
    if (!id || this.submitting) return false;
    // The piece the user chose the file for, even if another opens meanwhile.
    const title = this.detail?.article.title ?? "the piece";
    const file = path ?? (await this.api.chooseDraftFile());
    if (!file) return false;
    this.submitting = file.split(/[\\/]/).pop() ?? file;
    let saved;
    try {
      saved = await this.api.submitDraft(id, file, by);
    } catch (e) {
      this.notify.show("error", messageOf(e), 12000);
      return false;
    } finally {
      this.submitting = null;
    }
    const { draft: d, count, moved_to } = saved.item;
    const moved = moved_to ? ` It moved to ${moved_to}.` : "";
    this.notify.show(
      "success",
      `Recorded version ${d.version} of “${title}” (${d.file_name}): ${describeCount(count)}.${moved}`,
      6000,
    );
    for (const w of saved.warnings) this.notify.show("warning", w.message, 8000);
    await refreshAfterSave(this.notify, "The draft", () => this.afterChange(id));
    return true;
  }

  /** A version's text for the reading view. */
  readDraft(version: number): Promise<DraftText> {
    if (!this.id) return Promise.reject(new Error("No piece is open."));
    return this.api.draftText(this.id, version);
  }

  compareDrafts(from: number, to: number): Promise<DraftDiff> {
    if (!this.id) return Promise.reject(new Error("No piece is open."));
    return this.api.draftDiff(this.id, from, to);
  }

  /** Approves `version` (null: none) from the piece's version on screen. */
  async approveDraft(version: number | null): Promise<void> {
    const detail = this.detail;
    if (!detail) return;
    const id = detail.article.id;
    const was = detail.drafts.find((d) => d.approved)?.version ?? null;
    try {
      const after = await this.api.approveDraft(id, detail.article.version, version);
      this.notify.show(
        "success",
        version === null ? "No version is approved now." : `Approved version ${version} as the copy.`,
        8000,
        {
          label: "Undo",
          run: async () => {
            // From the version this approval made: refused as a conflict
            // if someone changed the piece since.
            try {
              await this.api.approveDraft(id, after.version, was);
              await this.afterChange(id);
            } catch (e) {
              this.notify.show("error", messageOf(e));
            }
          },
        },
      );
    } catch (e) {
      this.notify.show(
        "error",
        conflictOf(e)
          ? "Someone else changed the piece just now; nothing was approved. The drawer shows it as it is now."
          : messageOf(e),
      );
    }
    await refreshAfterSave(this.notify, "The approval", () => this.afterChange(id));
  }

  /** Saves a version where the user chooses: the file as sent, or its text. */
  async exportDraft(d: Draft, format: DraftFormat): Promise<void> {
    if (!this.id) return;
    try {
      const path = await this.api.exportDraft(this.id, d.version, format);
      if (path) this.notify.show("success", `Saved version ${d.version} as ${path.split(/[\\/]/).pop()}.`);
    } catch (e) {
      this.notify.show("error", messageOf(e));
    }
  }

  /** Opens a copy of the file as sent in the system's program for it. */
  async openOriginal(d: Draft): Promise<void> {
    if (!this.id) return;
    try {
      await this.api.openDraftOriginal(this.id, d.version);
    } catch (e) {
      this.notify.show("error", messageOf(e), 12000);
    }
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
