import { describe, expect, it } from "vitest";
import { Submission } from "./submission.svelte";

describe("a form's submission", () => {
  it("saves once while a save is under way, and shows a refusal's errors until the next save", async () => {
    const sub = new Submission();
    let calls = 0;
    let answer: (v: Record<string, string> | null) => void = () => {};
    const save = () => {
      calls += 1;
      return new Promise<Record<string, string> | null>((r) => (answer = r));
    };
    const first = sub.run(save);
    expect(sub.saving).toBe(true);
    expect(await sub.run(save)).toBe(false);
    answer({ name: "A name is needed." });
    expect(await first).toBe(false);
    expect(calls).toBe(1);
    expect(sub.saving).toBe(false);
    expect(sub.errors).toEqual({ name: "A name is needed." });
    const second = sub.run(save);
    answer(null);
    expect(await second).toBe(true);
    expect(sub.errors).toEqual({});
  });

  it("is ready again after a save that throws", async () => {
    const sub = new Submission();
    await expect(sub.run(() => Promise.reject(new Error("gone")))).rejects.toThrow("gone");
    expect(sub.saving).toBe(false);
  });
});
