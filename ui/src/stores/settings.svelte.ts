// The user's settings: their name ("who" in the history) and whether
// single-key shortcuts are on.

import type { Backend } from "../lib/backend";
import type { Settings } from "../lib/bindings";
import { fieldErrorsOf } from "../lib/errors";
import type { FieldErrors } from "../lib/forms";

export type SettingsApi = Pick<
  Backend,
  "getSettings" | "saveUserName" | "saveSingleKeyShortcuts" | "saveBackupsKept" | "saveContributorPage"
>;

export class SettingsStore {
  value = $state<Settings | null>(null);
  userName = $derived(this.value?.user_name ?? "");
  singleKeys = $derived(this.value?.single_key_shortcuts ?? true);
  /** How many daily backups of each database are kept. */
  backupsKept = $derived(this.value?.backups_kept ?? 14);
  /** Where contributors reach their page (masthead-serve's public address), if set. */
  contributorPageUrl = $derived(this.value?.contributor_page_url ?? "");
  /** How many days a new contributor link lasts. */
  linkDays = $derived(this.value?.link_days ?? 90);
  /** The database opened last: a file's path, or a team server's URL (no password). */
  lastDatabase = $derived(this.value?.last_database ?? null);

  constructor(private readonly api: SettingsApi) {}

  async load(): Promise<void> {
    this.value = await this.api.getSettings();
  }

  async saveName(name: string): Promise<FieldErrors | null> {
    try {
      this.value = await this.api.saveUserName(name);
      return null;
    } catch (e) {
      return fieldErrorsOf(e);
    }
  }

  async saveBackupsKept(kept: number): Promise<FieldErrors | null> {
    try {
      this.value = await this.api.saveBackupsKept(kept);
      return null;
    } catch (e) {
      return fieldErrorsOf(e);
    }
  }

  async saveContributorPage(url: string, days: number): Promise<FieldErrors | null> {
    try {
      this.value = await this.api.saveContributorPage(url, days);
      return null;
    } catch (e) {
      return fieldErrorsOf(e);
    }
  }

  async setSingleKeys(enabled: boolean): Promise<void> {
    this.value = await this.api.saveSingleKeyShortcuts(enabled);
  }
}
