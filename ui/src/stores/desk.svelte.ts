// The editor's desk: the home screen's lists for the chosen publication.
// A late answer for an earlier publication never replaces the newest.

import type { Backend } from "../lib/backend";
import type { Dashboard, PublicationId } from "../lib/bindings";
import { messageOf } from "../lib/errors";
import { Latest } from "../lib/latest";

export type DeskApi = Pick<Backend, "dashboard">;

export class DeskStore {
  desk = $state<Dashboard | null>(null);
  error = $state<string | null>(null);
  private publication: PublicationId | null = null;
  private readonly newest = new Latest();

  constructor(private readonly api: DeskApi) {}

  /** Shows the desk of `publication`. */
  async show(publication: PublicationId | null): Promise<void> {
    if (publication !== this.publication) this.desk = null;
    this.publication = publication;
    await this.load();
  }

  /** Reads the desk again (after a change here or elsewhere). */
  async load(): Promise<void> {
    const publication = this.publication;
    if (!publication) return;
    try {
      const desk = await this.newest.run(() => this.api.dashboard(publication));
      if (desk === undefined) return;
      this.desk = desk;
      this.error = null;
    } catch (e) {
      this.error = messageOf(e);
    }
  }
}
