// The editor's desk: the home screen's lists for the chosen publication.
// A late answer for an earlier publication never replaces the newest.

import type { Backend } from "../lib/backend";
import type { Dashboard, PublicationId } from "../lib/bindings";
import { messageOf } from "../lib/errors";

export type DeskApi = Pick<Backend, "dashboard">;

export class DeskStore {
  desk = $state<Dashboard | null>(null);
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
      const desk = await this.api.dashboard(publication);
      if (mine !== this.reads) return;
      this.desk = desk;
      this.error = null;
    } catch (e) {
      if (mine === this.reads) this.error = messageOf(e);
    }
  }
}
