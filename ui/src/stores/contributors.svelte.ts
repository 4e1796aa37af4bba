// The contributors directory and the contributor page open in it.

import type { Backend } from "../lib/backend";
import type { Contributor, ContributorDetail, ContributorId, ContributorInput } from "../lib/bindings";
import { conflictOf, fieldErrorsOf, messageOf } from "../lib/errors";
import type { FieldErrors } from "../lib/forms";
import { Latest } from "../lib/latest";
import { refreshAfterSave, type Notify } from "./notify";

export type ContributorsApi = Pick<
  Backend,
  "listContributors" | "addContributor" | "contributorDetail" | "updateContributor"
>;

export class ContributorsStore {
  list = $state<Contributor[] | null>(null);
  error = $state<string | null>(null);
  /** The contributor whose page is open, if any. */
  openId = $state<ContributorId | null>(null);
  detail = $state<ContributorDetail | null>(null);
  detailError = $state<string | null>(null);
  private readonly requests = new Latest();
  private readonly details = new Latest();

  constructor(
    private readonly api: ContributorsApi,
    private readonly notify: Notify,
  ) {}

  async load(): Promise<void> {
    this.error = null;
    try {
      const fresh = await this.requests.run(() => this.api.listContributors());
      if (fresh) this.list = fresh;
    } catch (e) {
      this.error = messageOf(e);
    }
    if (this.openId) await this.loadDetail(this.openId);
  }

  /** Loads the list when it is wanted and not here yet (a filter or a
   *  Re-assign reaching for it); after a failure, tries again. */
  async want(): Promise<void> {
    if (!this.list) await this.load();
  }

  async open(id: ContributorId): Promise<void> {
    this.openId = id;
    this.detail = null;
    await this.loadDetail(id);
  }

  close(): void {
    this.openId = null;
    this.detail = null;
    this.details.cancel();
  }

  private async loadDetail(id: ContributorId): Promise<void> {
    this.detailError = null;
    try {
      const fresh = await this.details.run(() => this.api.contributorDetail(id));
      if (fresh && this.openId === id) this.detail = fresh;
    } catch (e) {
      if (this.openId === id) this.detailError = messageOf(e);
    }
  }

  async add(input: ContributorInput): Promise<FieldErrors | null> {
    let added;
    try {
      added = await this.api.addContributor(input);
    } catch (e) {
      return fieldErrorsOf(e);
    }
    this.notify.show("success", `Added ${added.name}.`);
    await refreshAfterSave(this.notify, added.name, async () => {
      this.list = await this.api.listContributors();
    });
    return null;
  }

  /** Saves the open contributor from `version`, the version the form began from. */
  async update(input: ContributorInput, version: number): Promise<FieldErrors | null> {
    const id = this.openId;
    if (!id) return null;
    try {
      const saved = await this.api.updateContributor(id, version, input);
      this.notify.show("success", `Saved ${saved.name}.`);
    } catch (e) {
      const conflict = conflictOf(e);
      if (conflict) {
        const who = conflict.changes.at(-1)?.actor ?? "Someone else";
        return {
          _form: `${who} changed this contributor after you started editing, so nothing was saved. Cancel to see their version, then make your change again.`,
        };
      }
      return fieldErrorsOf(e);
    }
    await refreshAfterSave(this.notify, "The contributor", () => this.load());
    return null;
  }
}
