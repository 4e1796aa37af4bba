// Fakes for the stores' tests: a piece, an edition, a history entry, a
// conflict, toasts that record what they said, and a piece store over a
// fake backend. Each store's behaviour is tested in its own file.

import type { Article, ArticleDetail, Conflict, Edition, HistoryEntry } from "../lib/bindings";
import { Conflicts } from "./conflicts.svelte";
import { PieceStore, type PieceApi } from "./piece.svelte";
import type { Notify } from "./notify";
import type { ToastAction } from "../lib/toasts.svelte";

export function article(over: Partial<Article> = {}): Article {
  return {
    id: "a1",
    edition_id: "e1",
    title: "Keep communities at the heart of planning",
    slug: "keep",
    standfirst: "Chris Borg discusses planning",
    section_id: null,
    section: null,
    kind_id: "k-feature",
    kind: "feature",
    kind_label: "Feature",
    word_target: 1200,
    status_id: "s-subbed",
    status: "subbed",
    status_label: "Subbed",
    status_colour: "violet",
    status_is_spiked: false,
    status_is_final: false,
    contributors: [],
    credits: [],
    writer_due: null,
    deadline: null,
    copy: null,
    drafts: 0,
    notes: "",
    created_at: "2026-11-28T10:00:00.000Z",
    updated_at: "2026-11-28T10:00:00.000Z",
    version: 3,
    ...over,
  };
}

export const detailOf = (a: Article): ArticleDetail => ({
  article: a,
  assignments: [],
  deadline: null,
  next_statuses: [],
  drafts: [],
  history: [],
  comments: [],
});

/** A promise and the functions that settle it, for answers that arrive out of order. */
export function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A toast as a test sees it: its kind, its words, and its button if any. */
export interface Shown {
  kind: string;
  message: string;
  action?: ToastAction;
}

export function recorder(): Notify & { shown: Shown[] } {
  const shown: Shown[] = [];
  return {
    shown,
    show(kind, message, _ms, action) {
      shown.push(action ? { kind, message, action } : { kind, message });
      return shown.length;
    },
  };
}

export function change(over: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: "h",
    change_set_id: "cs",
    at: "2026-11-28T10:01:00.000Z",
    actor: "Sam Sub",
    entity: "article",
    entity_id: "a1",
    version: 4,
    action: "updated",
    field: "title",
    old_value: "Keep communities at the heart of planning",
    new_value: "Put communities at the heart of planning",
    old_ref: null,
    new_ref: null,
    subject: null,
    text: "",
    ...over,
  };
}

/** What the backend throws for a stale save. */
export function conflictError(conflict: Conflict) {
  return Object.assign(new Error("Sam Sub changed it"), { code: "conflict", field: null, conflict });
}

export function pieceStore(api: Partial<PieceApi>, notify = recorder(), conflicts = new Conflicts(), changed = async () => {}) {
  const full: PieceApi = {
    articleDetail: api.articleDetail ?? (async () => detailOf(article())),
    updateArticle: api.updateArticle ?? (async () => article({ version: 4 })),
    keepMineArticle: api.keepMineArticle ?? (async () => Promise.reject(new Error("not expected"))),
    changeStatus: api.changeStatus ?? (async () => article({ version: 4 })),
    commission: api.commission ?? (async () => Promise.reject(new Error("not expected"))),
    answerAssignment: api.answerAssignment ?? (async () => Promise.reject(new Error("not expected"))),
    withdrawAssignment: api.withdrawAssignment ?? (async () => Promise.reject(new Error("not expected"))),
    contributorLink: api.contributorLink ?? (async () => Promise.reject(new Error("not expected"))),
    emailOffer: api.emailOffer ?? (async () => Promise.reject(new Error("not expected"))),
    revokeContributorLinks: api.revokeContributorLinks ?? (async () => Promise.reject(new Error("not expected"))),
    reassign: api.reassign ?? (async () => Promise.reject(new Error("not expected"))),
    commissionNewContributor:
      api.commissionNewContributor ?? (async () => Promise.reject(new Error("not expected"))),
    updateAssignment: api.updateAssignment ?? (async () => Promise.reject(new Error("not expected"))),
    submitDraft: api.submitDraft ?? (async () => Promise.reject(new Error("not expected"))),
    draftText: api.draftText ?? (async () => Promise.reject(new Error("not expected"))),
    draftDiff: api.draftDiff ?? (async () => Promise.reject(new Error("not expected"))),
    approveDraft: api.approveDraft ?? (async () => Promise.reject(new Error("not expected"))),
    exportDraft: api.exportDraft ?? (async () => Promise.reject(new Error("not expected"))),
    openDraftOriginal: api.openDraftOriginal ?? (async () => Promise.reject(new Error("not expected"))),
    chooseDraftFile: api.chooseDraftFile ?? (async () => null),
    deleteArticle: api.deleteArticle ?? (async () => Promise.reject(new Error("not expected"))),
    restoreFromTrash: api.restoreFromTrash ?? (async () => Promise.reject(new Error("not expected"))),
    addComment: api.addComment ?? (async () => Promise.reject(new Error("not expected"))),
    editComment: api.editComment ?? (async () => Promise.reject(new Error("not expected"))),
    deleteComment: api.deleteComment ?? (async () => Promise.reject(new Error("not expected"))),
  };
  const store = new PieceStore(full, notify, conflicts, () => ({ sections: [], kinds: [] }), changed);
  return { store, notify, conflicts };
}

export function edition(over: Partial<Edition>): Edition {
  return {
    id: "e1",
    publication_id: "p1",
    publication: "PSE",
    name: "Feb/Mar 21",
    theme: "",
    focus_topics: [],
    cover_date: null,
    page_count: 68,
    commissioning_closes: null,
    copy_deadline: null,
    subbing_deadline: null,
    press_date: null,
    on_sale_date: null,
    notes: "",
    article_count: 0,
    spiked_count: 0,
    created_at: "2026-11-28T10:00:00.000Z",
    updated_at: "2026-11-28T10:00:00.000Z",
    version: 1,
    ...over,
  };
}
