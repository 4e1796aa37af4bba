import { describe, expect, it } from "vitest";
import type { Assignment, DraftText, Person } from "../lib/bindings";
import { BackendError } from "../lib/backend";
import { MineStore, TeamStore, type MineApi, type TeamApi } from "./team.svelte";
import type { Toasts } from "../lib/toasts.svelte";

function toasts() {
  const shown: string[] = [];
  return { shown, notify: { show: (_kind: string, message: string) => void shown.push(message) } as unknown as Toasts };
}

const hannah: Person = {
  id: "p1",
  name: "Hannah Okafor",
  email: "hannah.okafor@pse.example",
  role: "editor",
  login: "mh_hannah_okafor",
  contributor_id: null,
  created_at: "2026-11-29T00:00:00Z",
  version: 1,
};

describe("the Team screen's store", () => {
  it("says a refused role change was refused, and reloads the team as it is", async () => {
    const t = toasts();
    let loads = 0;
    const api: TeamApi = {
      teamList: async () => {
        loads++;
        return [hannah];
      },
      teamInvite: async () => {
        throw new Error("unused");
      },
      teamSetRole: async () => {
        throw new BackendError({
          code: "contributor_entry_needed",
          message: "Hannah Okafor has no entry in the contributors directory.",
          field: "role",
          conflict: null,
        });
      },
      teamRemove: async () => hannah,
    };
    const store = new TeamStore(api, t.notify);
    expect(await store.setRole(hannah, "contributor")).toBe(false);
    expect(t.shown).toEqual(["Hannah Okafor has no entry in the contributors directory."]);
    expect(loads).toBe(1);
    expect(store.people).toEqual([hannah]);
  });
});

describe("My assignments' store", () => {
  it("opens one file dialog for a double click, and sends nothing when it is cancelled", async () => {
    const t = toasts();
    let dialogs = 0;
    let sent = 0;
    const api: MineApi = {
      comments: async () => [],
      addComment: async () => Promise.reject(new Error("not expected")),
      myAssignments: async () => [],
      answerAssignment: async () => {
        throw new Error("unused");
      },
      submitDraft: async () => {
        sent++;
        throw new Error("unused");
      },
      chooseDraftFile: async () => {
        dialogs++;
        return null;
      },
      draftText: async () => {
        throw new Error("unused");
      },
    };
    const store = new MineStore(api, t.notify);
    const a = { id: "as1", article_id: "a1", contributor_id: "c1", article_title: "Leeds" } as Assignment;
    await Promise.all([store.submitDraft(a), store.submitDraft(a)]);
    expect(dialogs).toBe(1);
    expect(sent).toBe(0);
    expect(store.busy).toBeNull();
  });

  it("reads again what she sent, newest first, and keeps only the version last asked for", async () => {
    const t = toasts();
    const asked: number[] = [];
    const answers = new Map<number, (d: DraftText) => void>();
    const api: MineApi = {
      comments: async () => [],
      addComment: async () => Promise.reject(new Error("not expected")),
      myAssignments: async () => [],
      answerAssignment: async () => {
        throw new Error("unused");
      },
      submitDraft: async () => {
        throw new Error("unused");
      },
      chooseDraftFile: async () => null,
      draftText: (article, version) => {
        expect(article).toBe("a1");
        asked.push(version!);
        return new Promise((resolve, reject) =>
          answers.set(version!, (d) => (version === 3 ? reject(new Error("late failure")) : resolve(d))),
        );
      },
    };
    const store = new MineStore(api, t.notify);
    const a = { id: "as1", article_id: "a1", draft_versions: [3, 1], article_title: "Leeds" } as unknown as Assignment;
    const text = (version: number) => ({ draft: { version }, markdown: `v${version}` }) as unknown as DraftText;
    const newest = store.read(a);
    const first = store.read(a, 1);
    answers.get(1)!(text(1));
    answers.get(3)!(text(3));
    await Promise.all([newest, first]);
    expect(store.reading?.error).toBeNull();
    expect(asked).toEqual([3, 1]);
    expect(store.reading?.version).toBe(1);
    expect(store.reading?.text?.markdown).toBe("v1");
    store.closeReading();
    expect(store.reading).toBeNull();
  });
});

describe("her comments with the editors", () => {
  it("reads a piece's comments, and adds hers, reading them again", async () => {
    const stored: string[] = ["Please add a quote"];
    const api: MineApi = {
      comments: async () =>
        stored.map((body, i) => ({ id: `c${i}`, article_id: "a1", author: "x", body, created_at: "2026-12-05T10:00:00Z", edited_at: null, version: 1 })),
      addComment: async (_a, body) => (stored.push(body), Promise.resolve({} as never)),
      myAssignments: async () => [],
      answerAssignment: async () => Promise.reject(new Error("not expected")),
      submitDraft: async () => Promise.reject(new Error("not expected")),
      chooseDraftFile: async () => null,
      draftText: async () => Promise.reject(new Error("not expected")),
    };
    const mine = new MineStore(api, toasts().notify);
    await mine.loadComments("a1");
    expect(mine.comments["a1"]?.map((c) => c.body)).toEqual(["Please add a quote"]);
    expect(await mine.comment("a1", "Added one")).toBe(true);
    expect(mine.comments["a1"]?.map((c) => c.body)).toEqual(["Please add a quote", "Added one"]);
  });
});

