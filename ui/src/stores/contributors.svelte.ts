// The contributors directory.

import type { Backend } from "../lib/backend";
import type { Contributor, ContributorInput } from "../lib/bindings";
import { fieldErrorsOf, messageOf } from "../lib/errors";
import type { FieldErrors } from "../lib/forms";
import { Latest } from "../lib/latest";
import { refreshAfterSave, type Notify } from "./notify";

export type ContributorsApi = Pick<Backend, "listContributors" | "addContributor">;

export class ContributorsStore {
  list = $state<Contributor[] | null>(null);
  error = $state<string | null>(null);
  private readonly requests = new Latest();

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
}
