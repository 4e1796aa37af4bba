import { describe, expect, it } from "vitest";
import type { Saved, TrashItem } from "../lib/bindings";
import { article, detailOf, pieceStore, recorder } from "./fakes";
import { TrashStore, moveToTrash } from "./trash.svelte";

const item = (over: Partial<TrashItem> = {}): TrashItem => ({
  id: "t1",
  kind: "article",
  entity_id: "a1",
  label: "Keep communities at the heart of planning",
  edition: "Feb/Mar 21",
  deleted_at: "2026-12-05T10:00:00Z",
  deleted_by: "Tess Editor",
  ...over,
});
const saved = (i: TrashItem, warnings: string[] = []): Saved<TrashItem> => ({
  item: i,
  warnings: warnings.map((message) => ({ code: "place_taken", field: null, message })),
});

describe("moving to the trash", () => {
  it("deletes from the version on screen, closes the drawer and offers Undo, which reopens the piece", async () => {
    const asked: [string, number][] = [];
    const restored: string[] = [];
    let changed = 0;
    const { store, notify } = pieceStore(
      {
        articleDetail: async () => detailOf(article({ version: 7 })),
        deleteArticle: async (id, version) => (asked.push([id, version]), saved(item())),
        restoreFromTrash: async (id) => (restored.push(id), saved(item(), ["Its pages are taken now."])),
      },
      recorder(),
      undefined,
      async () => void changed++,
    );
    await store.open("a1");
    await store.remove();
    expect(asked).toEqual([["a1", 7]]);
    expect(store.id).toBeNull();
    expect(changed).toBe(1);
    const toast = notify.shown.at(-1)!;
    expect(toast.message).toBe("Moved the piece “Keep communities at the heart of planning” to the trash.");
    await toast.action!.run();
    expect(restored).toEqual(["t1"]);
    expect(notify.shown.some((s) => s.kind === "warning" && s.message === "Its pages are taken now.")).toBe(true);
    expect(store.id).toBe("a1");
    expect(changed).toBe(2);
  });

  it("says why a deletion was refused, and refreshes nothing", async () => {
    const notify = recorder();
    let after = 0;
    const result = await moveToTrash(
      { restoreFromTrash: async () => saved(item()) },
      notify,
      async () => Promise.reject(new Error("Hannah Okafor is on 2 pieces still to be written.")),
      async () => void after++,
    );
    expect(result).toBeNull();
    expect(after).toBe(0);
    expect(notify.shown[0]).toMatchObject({ kind: "error", message: "Hannah Okafor is on 2 pieces still to be written." });
  });
});

describe("the trash screen", () => {
  it("lists, restores (saying where it could not go) and empties", async () => {
    let items = [item(), item({ id: "t2", kind: "edition", label: "Apr/May 21", edition: null })];
    const notify = recorder();
    let changed = 0;
    const store = new TrashStore(
      {
        trash: async () => items,
        restoreFromTrash: async (id) => {
          const i = items.find((x) => x.id === id)!;
          items = items.filter((x) => x.id !== id);
          return saved(i, ["Its pages are taken now."]);
        },
        emptyTrash: async () => {
          const n = items.length;
          items = [];
          return n;
        },
      },
      notify,
      async () => void changed++,
    );
    await store.show("p1");
    expect(store.items?.map((i) => i.id)).toEqual(["t1", "t2"]);
    await store.restore(store.items![0]!);
    expect(store.items?.map((i) => i.id)).toEqual(["t2"]);
    expect(changed).toBe(1);
    expect(notify.shown.map((s) => s.message)).toEqual([
      "Restored the piece “Keep communities at the heart of planning”.",
      "Its pages are taken now.",
    ]);
    await store.empty();
    expect(store.items).toEqual([]);
    expect(notify.shown.at(-1)!.message).toBe("Emptied the trash: 1 item.");
  });
});

describe("comments", () => {
  it("adds one and reloads the piece; deletes one to the trash with Undo", async () => {
    const added: [string, string][] = [];
    const deleted: [string, number][] = [];
    const { store, notify } = pieceStore({
      addComment: async (id, body) => (added.push([id, body]), Promise.resolve({} as never)),
      deleteComment: async (id, version) => (deleted.push([id, version]), saved(item({ kind: "comment", label: "Check the figures", edition: "Keep communities" }))),
      restoreFromTrash: async () => saved(item({ kind: "comment" })),
    });
    await store.open("a1");
    expect(await store.addComment("@Sam Sub check the figures")).toBe(true);
    expect(added).toEqual([["a1", "@Sam Sub check the figures"]]);
    const c = { id: "c1", article_id: "a1", author: "Tess Editor", body: "Check the figures", created_at: "2026-12-05T10:00:00Z", edited_at: null, version: 2 };
    await store.deleteComment(c);
    expect(deleted).toEqual([["c1", 2]]);
    const toast = notify.shown.at(-1)!;
    expect(toast.message).toBe("Moved the comment “Check the figures” to the trash.");
    expect(toast.action?.label).toBe("Undo");
  });

  it("says why a comment was refused and keeps the text", async () => {
    const { store, notify } = pieceStore({
      addComment: async () => Promise.reject(new Error("Write something first: a comment cannot be empty.")),
    });
    await store.open("a1");
    expect(await store.addComment("  ")).toBe(false);
    expect(notify.shown.at(-1)).toMatchObject({ kind: "error", message: "Write something first: a comment cannot be empty." });
  });
});
