import { describe, expect, it } from "vitest";
import type { Article, Board, BoardCard } from "../lib/bindings";
import { BoardStore } from "./board.svelte";
import { later, recorder } from "./fakes";

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
