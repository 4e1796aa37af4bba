// The editor's desk: the home screen's lists for the chosen publication.
// A late answer for an earlier publication never replaces the newest.

import type { Backend } from "../lib/backend";
import type { Activity, Dashboard, PublicationId } from "../lib/bindings";
import { messageOf } from "../lib/errors";

export type DeskApi = Pick<Backend, "dashboard" | "activity" | "markSeen">;

export class DeskStore {
  desk = $state<Dashboard | null>(null);
  /** What others changed since the user last looked (null until read, or when it could not be). */
  activity = $state.raw<Activity | null>(null);
  error = $state<string | null>(null);
  /** No publication to show a desk of. */
  none = $state(false);
  private publication: PublicationId | null = null;
  /** Counts the reads, so a late answer (or failure) of an earlier one is dropped. */
  private reads = 0;

  constructor(private readonly api: DeskApi) {}

  /** Shows the desk of `publication`. */
  async show(publication: PublicationId | null): Promise<void> {
    if (publication !== this.publication) {
      this.desk = null;
      this.activity = null;
      this.error = null;
    }
    this.publication = publication;
    await this.load();
  }

  /** Reads the desk again (after a change here or elsewhere). */
  async load(): Promise<void> {
    const publication = this.publication;
    this.none = publication === null;
    if (!publication) return;
    const mine = ++this.reads;
    try {
      // The changes are the desk's news, not its substance: without them
      // (a contributor's login has no marks) the desk still shows.
      const [desk, activity] = await Promise.all([
        this.api.dashboard(publication),
        this.api.activity(publication).catch(() => null),
      ]);
      if (mine !== this.reads) return;
      this.desk = desk;
      this.activity = activity;
      this.error = null;
    } catch (e) {
      if (mine === this.reads) this.error = messageOf(e);
    }
  }

  /** Marks the changes listed as seen (up to the newest shown), then reads them again. */
  async markSeen(): Promise<void> {
    const publication = this.publication;
    const newest = this.activity?.sets[0];
    if (!publication || !newest) return;
    try {
      await this.api.markSeen(publication, newest.at);
      const activity = await this.api.activity(publication);
      if (publication === this.publication) this.activity = activity;
    } catch (e) {
      this.error = messageOf(e);
    }
  }
}
