import { describe, expect, it } from "vitest";
import type { Contributor } from "../lib/bindings";
import { ContributorsStore, type ContributorsApi } from "./contributors.svelte";
import { recorder } from "./fakes";

const sam: Contributor = {
  id: "c1",
  name: "Sam Okoro",
  role: "Housing correspondent",
  organisation: "Freelance",
  email: null,
  phone: "",
  notes: "",
  active_assignments: 2,
  kind: "freelance",
  version: 1,
};

describe("the contributors, asked for by the board's filter and Re-assign", () => {
  it("say why they could not be loaded, and load when asked again", async () => {
    let calls = 0;
    const api = {
      listContributors: async () => {
        calls++;
        if (calls === 1) throw { code: "database", message: "The database is locked." };
        return [sam];
      },
    } as unknown as ContributorsApi;
    const store = new ContributorsStore(api, recorder());
    await store.want();
    expect(store.list).toBeNull();
    expect(store.error).toContain("locked");
    // Reaching the list again (the filter's retry, Re-assign's Try again).
    await store.want();
    expect(store.error).toBeNull();
    expect(store.list).toEqual([sam]);
    expect(calls).toBe(2);
    // Once it is here, wanting it again asks nothing.
    await store.want();
    expect(calls).toBe(2);
  });
});
