import { describe, expect, it } from "vitest";
import type {
  Draft,
  Advert,
  Article,
  ArticleDetail,
  Assignment,
  Board,
  BoardCard,
  Conflict,
  Edition,
  Flatplan,
  HistoryEntry,
} from "../lib/bindings";
import { FlatplanStore } from "./flatplan.svelte";
import { BoardStore } from "./board.svelte";
import { articleDraft, commissionDraft, emptyCommissionDraft, type CommissionDraft } from "../lib/forms";
import { Conflicts } from "./conflicts.svelte";
import { EditionStore, type EditionApi } from "./edition.svelte";
import { PieceStore, type PieceApi } from "./piece.svelte";
import type { Notify } from "./notify";

function article(over: Partial<Article> = {}): Article {
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

const detailOf = (a: Article): ArticleDetail => ({
  article: a,
  assignments: [],
  deadline: null,
  next_statuses: [],
  drafts: [],
  history: [],
});

/** A promise and the functions that settle it, for answers that arrive out of order. */
function later<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function recorder(): Notify & { shown: { kind: string; message: string }[] } {
  const shown: { kind: string; message: string }[] = [];
  return {
    shown,
    show(kind, message) {
      shown.push({ kind, message });
      return shown.length;
    },
  };
}

function change(over: Partial<HistoryEntry>): HistoryEntry {
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
function conflictError(conflict: Conflict) {
  return Object.assign(new Error("Sam Sub changed it"), { code: "conflict", field: null, conflict });
}

function pieceStore(api: Partial<PieceApi>, notify = recorder(), conflicts = new Conflicts(), changed = async () => {}) {
  const full: PieceApi = {
    articleDetail: api.articleDetail ?? (async () => detailOf(article())),
    updateArticle: api.updateArticle ?? (async () => article({ version: 4 })),
    keepMineArticle: api.keepMineArticle ?? (async () => Promise.reject(new Error("not expected"))),
    changeStatus: api.changeStatus ?? (async () => article({ version: 4 })),
    commission: api.commission ?? (async () => Promise.reject(new Error("not expected"))),
    answerAssignment: api.answerAssignment ?? (async () => Promise.reject(new Error("not expected"))),
    withdrawAssignment: api.withdrawAssignment ?? (async () => Promise.reject(new Error("not expected"))),
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
  };
  const store = new PieceStore(full, notify, conflicts, () => ({ sections: [], kinds: [] }), changed);
  return { store, notify, conflicts };
}

describe("the piece store", () => {
  it("ignores a late answer for an earlier click", async () => {
    const slowA = later<ArticleDetail>();
    const { store } = pieceStore({
      articleDetail: (id) => (id === "a" ? slowA.promise : Promise.resolve(detailOf(article({ id: "b", title: "B" })))),
    });
    const first = store.open("a");
    await store.open("b");
    slowA.resolve(detailOf(article({ id: "a", title: "A" })));
    await first;
    expect(store.id).toBe("b");
    expect(store.detail?.article.title).toBe("B");
  });

  it("shows a conflict with their value and mine, and Keep mine sends what I started from and what I changed", async () => {
    const mine = article();
    const theirs = article({ title: "Put communities at the heart of planning", word_target: 1500, version: 5 });
    const keeps: { base: string; mine: string; title: string }[] = [];
    const { store, conflicts } = pieceStore({
      articleDetail: async () => detailOf(mine),
      updateArticle: async () => {
        throw conflictError({
          entity: "article",
          entity_id: "a1",
          name: theirs.title,
          seen_version: 3,
          current_version: 5,
          changes: [change({}), change({ field: "word_target", old_value: "1200", new_value: "1500", version: 5 })],
        });
      },
      // The core merges (tested there): the store sends the base and mine.
      keepMineArticle: async (_id, base, input) => {
        keeps.push({ base: base.standfirst, mine: input.standfirst, title: input.title });
        return article({ ...theirs, standfirst: input.standfirst, version: 6 });
      },
    });
    await store.open("a1");
    const base = articleDraft(mine);
    const draft = { ...base, standfirst: "My standfirst" };
    expect(await store.save(draft, 3, base)).toBeNull();
    const prompt = conflicts.current;
    expect(prompt?.conflict.changes.map((c) => c.new_value)).toEqual(["Put communities at the heart of planning", "1500"]);
    expect(prompt?.mine).toEqual({ standfirst: "My standfirst" });
    await prompt!.keepMine();
    expect(keeps).toEqual([{ base: mine.standfirst, mine: "My standfirst", title: mine.title }]);
    expect(conflicts.current).toBeNull();
  });

  it("says a save went through when only the refresh after it failed", async () => {
    let calls = 0;
    const { store, notify } = pieceStore({}, recorder(), new Conflicts(), async () => {
      calls++;
      throw new Error("database is busy");
    });
    await store.open("a1");
    const base = articleDraft(article());
    const errors = await store.save({ ...base, title: "New" }, 3, base);
    expect(errors).toBeNull();
    expect(calls).toBe(1);
    expect(notify.shown.some((t) => t.kind === "warning" && t.message.includes("was saved"))).toBe(true);
    expect(notify.shown.some((t) => t.kind === "error")).toBe(false);
  });
});

function edition(over: Partial<Edition>): Edition {
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
    created_at: "2026-11-28T10:00:00.000Z",
    updated_at: "2026-11-28T10:00:00.000Z",
    version: 1,
    ...over,
  };
}

describe("the edition store", () => {
  it("keeps the newer publication's editions when an older answer arrives late", async () => {
    const slow = later<Edition[]>();
    const api = {
      listEditions: (p: string | null) =>
        p === "old" ? slow.promise : Promise.resolve([edition({ id: "new-e", publication_id: "new" })]),
    } as unknown as EditionApi;
    const store = new EditionStore(api, recorder(), new Conflicts());
    const first = store.showPublication("old");
    await store.showPublication("new");
    slow.resolve([edition({ id: "old-e", publication_id: "old" })]);
    await first;
    expect(store.list?.map((e) => e.id)).toEqual(["new-e"]);
  });
});

describe("commissioning from the drawer", () => {
  const draft = (over: Partial<CommissionDraft> = {}): CommissionDraft => ({
    ...emptyCommissionDraft(1200),
    contributorId: "new",
    newName: "Sam Okoro",
    newEmail: "sam@okoro.example",
    dueDate: "2021-01-04",
    fee: "350",
    ...over,
  });

  it("adds a contributor typed in place and offers them the piece in one call", async () => {
    const calls: string[] = [];
    const { store, notify } = pieceStore({
      commissionNewContributor: async (article, person, input) => {
        calls.push(`${article}: add ${person.name} ${person.email}, fee ${input.fee} ${input.currency} due ${input.due_date}`);
        // Well-formed, or Tauri refuses the call before the core sees it.
        expect(input.contributor_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        return { item: { contributor: "Sam Okoro" } as Assignment, warnings: [] };
      },
    });
    await store.open("a1");
    let refreshed = 0;
    const errors = await store.commission(draft(), async () => void refreshed++);
    expect(errors).toBeNull();
    expect(calls).toEqual(["a1: add Sam Okoro sam@okoro.example, fee 350 GBP due 2021-01-04"]);
    expect(refreshed).toBe(1);
    expect(notify.shown.map((s) => s.message)).toContain("Offered the piece to Sam Okoro.");
  });

  it("checks the form before adding anyone, and shows the core's refusal at its field", async () => {
    let calls = 0;
    const { store } = pieceStore({
      commissionNewContributor: async () => {
        calls++;
        throw Object.assign(new Error("A fee cannot be negative"), { code: "fee_negative", field: "fee" });
      },
    });
    await store.open("a1");
    expect(await store.commission(draft({ wordTarget: "lots" }), async () => {})).toEqual({
      word_target: "Type a whole number of words, e.g. 1200, or leave it empty.",
    });
    expect(calls).toBe(0);
    expect(await store.commission(draft({ fee: "-1" }), async () => {})).toEqual({ fee: "A fee cannot be negative" });
    expect(calls).toBe(1);
  });

  it("asks who to offer the piece to before calling the core", async () => {
    const { store } = pieceStore({});
    await store.open("a1");
    expect(await store.commission(draft({ contributorId: "" }), async () => {})).toEqual({
      contributor_id: "Choose who to offer the piece to, or add someone new.",
    });
  });

  it("saves an assignment's terms from the version shown, and says so when someone changed it first", async () => {
    const assignment = {
      id: "as1",
      article_id: "a1",
      contributor_id: "c1",
      contributor: "Chris Borg",
      role: "writer",
      brief: "",
      word_target: 1200,
      due_date: null,
      fee: "350.00",
      fee_currency: "GBP",
      version: 3,
    } as Assignment;
    const sent: unknown[] = [];
    let conflict = false;
    const { store } = pieceStore({
      updateAssignment: async (id, version, input) => {
        sent.push([id, version, input.fee, input.currency, input.due_date]);
        if (conflict) throw conflictError({} as Conflict);
        return { item: assignment, warnings: [] };
      },
    });
    await store.open("a1");
    const draft = { ...commissionDraft(assignment), dueDate: "2021-01-04" };
    expect(await store.updateTerms(assignment, draft)).toBeNull();
    expect(sent).toEqual([["as1", 3, "350.00", "GBP", "2021-01-04"]]);
    conflict = true;
    const errors = await store.updateTerms(assignment, draft);
    expect(errors?.["_form"]).toContain("Someone else changed Chris Borg's assignment");
  });
});

describe("the board store", () => {
  const board = (status: string): Board =>
    ({
      workflow: { publication_id: "p", version: 1, statuses: [], transitions: [] },
      cards: [{ id: "a1", title: "Keep communities", status_id: status, version: 5 } as BoardCard],
      today: "2021-01-10",
    }) as Board;

  it("lets the core decide a move, says why a refused one was refused, and reloads", async () => {
    const notify = recorder();
    let loads = 0;
    const store = new BoardStore(
      {
        board: async () => {
          loads++;
          return board("subbed");
        },
        changeStatus: async () => {
          throw Object.assign(new Error("A piece cannot move from “Subbed” to “Published”."), {
            code: "transition_not_allowed",
            field: "status",
          });
        },
      },
      notify,
    );
    await store.show("p", "e");
    const card = store.board!.cards[0]!;
    expect(await store.move(card, "published")).toBe(false);
    expect(notify.shown).toEqual([{ kind: "warning", message: "A piece cannot move from “Subbed” to “Published”." }]);
    expect(loads).toBe(2);
    expect(store.moving.size).toBe(0);
  });

  it("keeps the newest answer and drops an overtaken failure", async () => {
    const first = later<Board>();
    const second = later<Board>();
    const answers = [first, second];
    const store = new BoardStore(
      { board: () => answers.shift()!.promise, changeStatus: async () => ({}) as Article },
      recorder(),
    );
    const a = store.show("p", "e");
    const b = store.setFilter({ overdue_only: true });
    second.resolve(board("in_edit"));
    await b;
    first.resolve(board("idea"));
    await a;
    expect(store.board?.cards[0]?.status_id).toBe("in_edit");
    expect(store.error).toBeNull();
  });
});

describe("the flatplan store", () => {
  const slotAt = (first: number, version: number) => ({
    id: `s${version}`,
    edition_id: "e",
    article_id: "a1",
    advert_id: null,
    first_page: first,
    last_page: first,
    part_offset: 0,
    part_units: 12,
    label: "Keep communities",
    section: null,
    status_id: null,
    status_label: null,
    status_colour: null,
    words_per_page: null,
    word_target: null,
    fits_words: null,
    copy: null,
    copyfit_off: false,
    version,
  });
  const planWith = (slots: ReturnType<typeof slotAt>[]): Flatplan =>
    ({
      edition_id: "e",
      page_count: 68,
      version: 1,
      pages: [],
      slots,
      unplaced_articles: [],
      unplaced_adverts: [],
      budget: { pages: 68, editorial: 0, advertising: 0, free: 68 },
    }) as Flatplan;

  it("moves from the version shown, undoes by moving back, and redoes", async () => {
    const calls: string[] = [];
    let current = planWith([slotAt(12, 1)]);
    const store = new FlatplanStore(
      {
        flatplan: async () => current,
        placeArticle: async () => current,
        placeAdvert: async () => current,
        removeSlot: async () => current,
        addAdvert: async () => ({}) as Advert,
        listAdverts: async () => [],
        updateAdvert: async () => ({}) as Advert,
        moveSlot: async (id, version, to) => {
          calls.push(`${id}@${version} -> ${to.first_page}`);
          current = planWith([{ ...slotAt(to.first_page, version + 1), id }]);
          return current;
        },
      },
      recorder(),
    );
    await store.show("e");
    expect(await store.move({ article: "a1" }, "Keep communities", { first_page: 20, last_page: 20, part_units: 12, part_offset: 0 })).toBe(true);
    await store.undo();
    await store.redo();
    expect(calls).toEqual(["s1@1 -> 20", "s1@2 -> 12", "s1@3 -> 20"]);
    expect(store.undoStack.length).toBe(1);
    expect(store.redoStack.length).toBe(0);
  });

  it("keeps the undo history when the core refuses, says why, and never undoes over someone else's move", async () => {
    const notify = recorder();
    let current = planWith([slotAt(12, 1)]);
    let refuse = false;
    const store = new FlatplanStore(
      {
        flatplan: async () => current,
        placeArticle: async () => current,
        placeAdvert: async () => current,
        removeSlot: async () => current,
        addAdvert: async () => ({}) as Advert,
        listAdverts: async () => [],
        updateAdvert: async () => ({}) as Advert,
        moveSlot: async (id, version, to) => {
          if (refuse) {
            throw Object.assign(new Error("Page 30 has no room for that."), { code: "page_taken", field: "pages" });
          }
          current = planWith([{ ...slotAt(to.first_page, version + 1), id }]);
          return current;
        },
      },
      notify,
    );
    await store.show("e");
    const to = (first_page: number) => ({ first_page, last_page: first_page, part_units: 12, part_offset: 0 });
    expect(await store.move({ article: "a1" }, "Keep communities", to(20))).toBe(true);
    refuse = true;
    expect(await store.move({ article: "a1" }, "Keep communities", to(30))).toBe(false);
    expect(store.undoStack.length).toBe(1);
    expect(notify.shown.at(-1)).toEqual({ kind: "warning", message: "Page 30 has no room for that." });
    // Another editor moves it to page 40; undo must not put it back on 12.
    current = planWith([slotAt(40, 3)]);
    await store.load();
    refuse = false;
    await store.undo();
    expect(current.slots[0]?.first_page).toBe(40);
    expect(notify.shown.at(-1)?.message).toContain("has changed on the flatplan since");
  });
});

describe("drafts in the piece store", () => {
  const stored = (version: number, words: number): Draft => ({
    id: `d${version}`,
    article_id: "a1",
    version,
    assignment_id: null,
    contributor_id: "c1",
    contributor: "Sam Okoro",
    recorded_by: "Tess",
    submitted_at: "2026-11-29T10:00:00Z",
    file_name: "leeds.docx",
    media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    size: 5979,
    sha256: "0".repeat(64),
    words,
    approved: false,
  });

  it("submits the file chosen in the dialog and says its version and count", async () => {
    const calls: [string, string, string | null][] = [];
    let loads = 0;
    const { store, notify } = pieceStore({
      articleDetail: async () => {
        loads++;
        return detailOf(article({ word_target: 1000 }));
      },
      chooseDraftFile: async () => "/home/tess/Leeds draft.docx",
      submitDraft: async (id, path, by) => {
        calls.push([id, path, by]);
        return {
          item: {
            draft: stored(2, 1046),
            count: { words: 1046, target: 1000, percent: 5, off: false, version: 2, approved: false },
            moved_from: null,
            moved_to: null,
          },
          warnings: [],
        };
      },
    });
    await store.open("a1");
    expect(await store.submitDraft(null, null)).toBe(true);
    expect(calls).toEqual([["a1", "/home/tess/Leeds draft.docx", null]]);
    expect(notify.shown).toEqual([
      {
        kind: "success",
        message: "Recorded version 2 of “Keep communities at the heart of planning” (leeds.docx): 1,046 / 1,000 words (+5%).",
      },
    ]);
    expect(loads).toBe(2);
    expect(store.submitting).toBeNull();
  });

  it("does nothing when the dialog is cancelled, and shows a refusal in the core's words", async () => {
    let submitted = 0;
    const { store, notify } = pieceStore({
      chooseDraftFile: async () => null,
      submitDraft: async () => {
        submitted++;
        throw Object.assign(new Error('"essay.docx" is protected by a password.'), {
          code: "encrypted",
          field: "file",
          conflict: null,
        });
      },
    });
    await store.open("a1");
    expect(await store.submitDraft(null, null)).toBe(false);
    expect(submitted).toBe(0);
    // A dropped file skips the dialog; its refusal is shown as it was said.
    expect(await store.submitDraft("/tmp/essay.docx", null)).toBe(false);
    expect(submitted).toBe(1);
    expect(notify.shown).toEqual([{ kind: "error", message: '"essay.docx" is protected by a password.' }]);
    expect(store.submitting).toBeNull();
  });

  it("approves from the piece's version on screen and says a conflict plainly", async () => {
    const seen: [string, number, number | null][] = [];
    const { store, notify } = pieceStore({
      articleDetail: async () => ({ ...detailOf(article({ version: 7 })), drafts: [stored(2, 500), stored(1, 480)] }),
      approveDraft: async (id, version, draft) => {
        seen.push([id, version, draft]);
        throw conflictError({
          entity: "article",
          entity_id: "a1",
          name: "Keep communities",
          seen_version: 7,
          current_version: 8,
          changes: [],
        });
      },
    });
    await store.open("a1");
    await store.approveDraft(2);
    expect(seen).toEqual([["a1", 7, 2]]);
    expect(notify.shown[0]?.kind).toBe("error");
    expect(notify.shown[0]?.message).toContain("nothing was approved");
  });

  it("undoes an approval from the version the approval made", async () => {
    const seen: [number, number | null][] = [];
    let undo: (() => void | Promise<void>) | undefined;
    const notify = {
      shown: [] as { kind: string; message: string }[],
      show(kind: string, message: string, _ms?: number, action?: { label: string; run: () => void | Promise<void> }) {
        this.shown.push({ kind, message });
        if (action) undo = action.run;
        return this.shown.length;
      },
    };
    const { store } = pieceStore(
      {
        articleDetail: async () => ({
          ...detailOf(article({ version: 7 })),
          drafts: [stored(2, 500), { ...stored(1, 480), approved: true }],
        }),
        approveDraft: async (_id, version, draft) => {
          seen.push([version, draft]);
          return article({ version: version + 1 });
        },
      },
      notify,
    );
    await store.open("a1");
    await store.approveDraft(2);
    expect(notify.shown[0]?.message).toBe("Approved version 2 as the copy.");
    await undo?.();
    // Back to version 1, from the piece's version 8 that the approval made.
    expect(seen).toEqual([
      [7, 2],
      [8, 1],
    ]);
  });
});
