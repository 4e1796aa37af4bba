import { describe, expect, it, onTestFinished } from "vitest";
import type { Draft, ArticleDetail, Assignment, Conflict, NewContributorLink } from "../lib/bindings";
import { articleDraft, commissionDraft, emptyCommissionDraft, type CommissionDraft } from "../lib/forms";
import { Conflicts } from "./conflicts.svelte";
import { article, change, conflictError, detailOf, later, pieceStore, recorder } from "./fakes";

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

describe("a contributor's page from the drawer", () => {
  const hannah = { id: "as1", article_id: "a1", contributor_id: "c1", contributor: "Hannah Price", version: 2 } as Assignment;
  const made = (url: string | null): NewContributorLink => ({
    link: {
      id: "l1",
      contributor_id: "c1",
      created_by: "Tess",
      created_at: "2026-12-06T10:00:00.000Z",
      expires_at: "2027-03-06T10:00:00.000Z",
      revoked_by: null,
      revoked_at: null,
    },
    contributor: "Hannah Price",
    email: "hannah@example.org",
    token: "T",
    path: "/l/T",
    url,
  });

  it("copies a new link for her, or shows it when the clipboard refuses", async () => {
    const copied: string[] = [];
    let clipboardWorks = true;
    const before = Object.getOwnPropertyDescriptor(globalThis, "navigator");
    onTestFinished(() => {
      if (before) Object.defineProperty(globalThis, "navigator", before);
      else Reflect.deleteProperty(globalThis, "navigator");
    });
    Object.defineProperty(globalThis, "navigator", {
      configurable: true,
      value: {
        clipboard: {
          writeText: async (t: string) => {
            if (!clipboardWorks) throw new Error("denied");
            copied.push(t);
          },
        },
      },
    });
    const asked: string[] = [];
    const { store, notify } = pieceStore({
      contributorLink: async (c) => {
        asked.push(c);
        return made("https://mh.example.org/l/T");
      },
    });
    await store.assignment(hannah, { link: "copy" });
    expect(asked).toEqual(["c1"]);
    expect(copied).toEqual(["https://mh.example.org/l/T"]);
    expect(notify.shown.at(-1)?.message).toContain("Copied a link to Hannah Price's page");
    clipboardWorks = false;
    const toasts = notify.shown.length;
    await store.assignment(hannah, { link: "copy" });
    expect(notify.shown.length).toBe(toasts);
    expect(store.linkShown).toMatchObject({ contributor: "Hannah Price", url: "https://mh.example.org/l/T" });
  });

  it("opens the offer's email, revokes her links, and says a refusal in the core's words", async () => {
    let unset = false;
    const asked: string[] = [];
    const { store, notify } = pieceStore({
      emailOffer: async (id, version) => {
        if (unset) throw Object.assign(new Error("Set the page's address in Settings"), { code: "contributor_page_unset" });
        asked.push(`${id}@${version}`);
        return { link: made("https://mh.example.org/l/T"), subject: "s", body: "b", mailto: `mailto:?id=${id}` };
      },
      revokeContributorLinks: async () => 2,
    });
    await store.assignment(hannah, { link: "email" });
    expect(asked).toEqual(["as1@2"]);
    expect(notify.shown.at(-1)).toMatchObject({ kind: "success" });
    expect(notify.shown.at(-1)?.message).toContain("Opened an email to Hannah Price");
    await store.assignment(hannah, { link: "revoke" });
    expect(notify.shown.at(-1)?.message).toContain("Revoked 2 links to Hannah Price's page");
    unset = true;
    await store.assignment(hannah, { link: "email" });
    expect(notify.shown.at(-1)).toMatchObject({ kind: "error", message: "Set the page's address in Settings" });
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
