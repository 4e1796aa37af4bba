import { describe, expect, it } from "vitest";
import { FIRST_RETRY_MS, LAST_RETRY_MS, Refresher, type Timers } from "./refresher";

/** Timers the test fires by hand, recording each wait asked for. */
function manualTimers() {
  const pending: { run: () => void; ms: number }[] = [];
  const timers: Timers = {
    set: (run, ms) => {
      const t = { run, ms };
      pending.push(t);
      return t;
    },
    clear: (handle) => {
      const i = pending.indexOf(handle as { run: () => void; ms: number });
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return { timers, pending };
}

describe("Refresher", () => {
  it("never loses a change that arrives just as a refresh ends", async () => {
    // A change notified a few microtasks after the pass finished, at every
    // depth: each must bring a refresh of its own.
    for (let depth = 0; depth < 8; depth++) {
      let passes = 0;
      const r = new Refresher(async () => {
        passes += 1;
        if (passes === 1) {
          let later: Promise<unknown> = Promise.resolve();
          for (let i = 0; i < depth; i++) later = later.then(() => undefined);
          void later.then(() => r.request());
        }
        return true;
      }, manualTimers().timers);
      await r.request();
      await new Promise((t) => setTimeout(t, 0));
      expect(passes, `a change ${depth} microtasks after the pass`).toBe(2);
    }
  });

  it("runs one refresh at a time and one more for what arrived during it", async () => {
    let passes = 0;
    let release: () => void = () => {};
    const r = new Refresher(
      () =>
        new Promise((done) => {
          passes += 1;
          release = () => done(true);
        }),
      manualTimers().timers,
    );
    const first = r.request();
    void r.request();
    void r.request();
    release();
    await new Promise((t) => setTimeout(t, 0));
    release();
    await first;
    expect(passes).toBe(2);
  });

  it("backs off after failures, up to a minute, and starts again after a success", async () => {
    const { timers, pending } = manualTimers();
    let fail = true;
    const r = new Refresher(async () => !fail, timers);
    await r.request();
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const next = pending.shift()!;
      waits.push(next.ms);
      next.run();
      await new Promise((t) => setTimeout(t, 0));
    }
    expect(waits.slice(0, 4)).toEqual([FIRST_RETRY_MS, 2000, 4000, 8000]);
    expect(waits.at(-1)).toBe(LAST_RETRY_MS);
    fail = false;
    pending.shift()!.run();
    await new Promise((t) => setTimeout(t, 0));
    expect(pending).toHaveLength(0);
    expect(r.delay).toBe(FIRST_RETRY_MS);
  });

  it("a change that arrives cancels the wait and refreshes at once", async () => {
    const { timers, pending } = manualTimers();
    let calls = 0;
    const r = new Refresher(async () => {
      calls += 1;
      return calls > 1;
    }, timers);
    await r.request();
    expect(pending).toHaveLength(1);
    await r.request();
    expect(pending).toHaveLength(0);
    expect(calls).toBe(2);
  });

  it("a pass that throws counts as a failure", async () => {
    const { timers, pending } = manualTimers();
    const r = new Refresher(async () => {
      throw new Error("gone");
    }, timers);
    await r.request();
    expect(pending).toHaveLength(1);
  });
});
