import { describe, expect, it } from "vitest";
import type { Edition } from "../lib/bindings";
import { Conflicts } from "./conflicts.svelte";
import { EditionStore, type EditionApi } from "./edition.svelte";
import { edition, later, recorder } from "./fakes";

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
