// Refreshing what the window shows after a change made elsewhere (another
// window, the CLI, a teammate): one refresh at a time, a change that
// arrives during one runs another after it, and a refresh that fails is
// tried again later, backing off (1 s, 2 s, 4 s… up to a minute) rather
// than every second for ever while the database is out of reach.

/** One pass over what is shown; true when every part of it refreshed. */
export type RefreshPass = () => Promise<boolean>;

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const FIRST_RETRY_MS = 1000;
export const LAST_RETRY_MS = 60_000;

export class Refresher {
  private running: Promise<void> | null = null;
  private again = false;
  private retry: unknown = null;
  /** The wait before the next try after a failure. */
  delay = FIRST_RETRY_MS;

  constructor(
    private readonly pass: RefreshPass,
    private readonly timers: Timers = browserTimers,
  ) {}

  private attempt(): Promise<boolean> {
    try {
      return this.pass().catch(() => false);
    } catch {
      return Promise.resolve(false);
    }
  }

  /** Refreshes now, or after the refresh under way. */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.retry !== null) {
      this.timers.clear(this.retry);
      this.retry = null;
    }
    this.running = (async () => {
      let ok = true;
      try {
        do {
          this.again = false;
          // Always awaited (a pass that throws at once fails the same way),
          // so `running` is set before the end below clears it.
          ok = await this.attempt();
        } while (this.again);
      } finally {
        // Cleared in the same step that saw no more to do: a change that
        // arrives from now on starts a refresh of its own, never joins one
        // that has ended (which would lose it).
        this.running = null;
      }
      if (ok) {
        this.delay = FIRST_RETRY_MS;
      } else {
        // Shown by the next action that needs the data; nothing was lost.
        const wait = this.delay;
        this.delay = Math.min(this.delay * 2, LAST_RETRY_MS);
        this.retry = this.timers.set(() => {
          this.retry = null;
          void this.request();
        }, wait);
      }
    })();
    return this.running;
  }
}
