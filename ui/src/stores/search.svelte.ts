// Search (Ctrl+K): what the user types, read as they type, a moment after
// they pause. Only the newest query's answer is shown, whatever order the
// answers come back in.

import type { Backend } from "../lib/backend";
import type { PublicationId, SearchHit, SearchResults } from "../lib/bindings";
import { messageOf } from "../lib/errors";

export type SearchApi = Pick<Backend, "search">;

/** How long typing pauses before a search is made, in ms. */
export const SEARCH_PAUSE_MS = 150;

export class SearchStore {
  query = $state("");
  results = $state.raw<SearchResults | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  /** The hit the arrow keys are on, as an index into `hits`. */
  active = $state(0);
  private reads = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The search waiting for the pause: what it searches, and who awaits it. */
  private waiting: { publication: PublicationId; query: string; done: () => void } | null = null;

  constructor(
    private readonly api: SearchApi,
    private readonly pause = SEARCH_PAUSE_MS,
  ) {}

  /** Every hit in the order shown (edition by edition). */
  get hits(): SearchHit[] {
    return this.results?.groups.flatMap((g) => g.hits) ?? [];
  }

  /** The user typed `query`: searched once they pause. */
  type(publication: PublicationId | null, query: string): Promise<void> {
    this.query = query;
    this.cancelWaiting();
    if (!publication || query.trim() === "") {
      ++this.reads;
      this.results = null;
      this.error = null;
      this.busy = false;
      return Promise.resolve();
    }
    this.busy = true;
    return new Promise((resolve) => {
      this.waiting = { publication, query, done: resolve };
      this.timer = setTimeout(() => void this.settle(), this.pause);
    });
  }

  /** Runs the search waiting for the pause now (Enter before the pause). */
  async settle(): Promise<void> {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.run(waiting.publication, waiting.query);
    waiting.done();
  }

  /** A newer keystroke replaces the search waiting: its caller stops waiting. */
  private cancelWaiting(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.waiting?.done();
    this.waiting = null;
  }

  /** Searches now (as on Enter, or again after a change). */
  async run(publication: PublicationId, query: string): Promise<void> {
    const mine = ++this.reads;
    this.busy = true;
    try {
      const results = await this.api.search(publication, query);
      if (mine !== this.reads) return;
      this.results = results;
      this.error = null;
      this.active = 0;
    } catch (e) {
      if (mine === this.reads) this.error = messageOf(e);
    } finally {
      if (mine === this.reads) this.busy = false;
    }
  }

  /** Moves the highlighted hit by `step`, staying within the list. */
  move(step: 1 | -1): void {
    const n = this.hits.length;
    if (n === 0) return;
    this.active = Math.min(n - 1, Math.max(0, this.active + step));
  }
}
