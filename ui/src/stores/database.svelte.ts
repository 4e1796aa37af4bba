// The open database: what it is, and why it could not be opened.

import type { Backend } from "../lib/backend";
import type { DatabaseInfo } from "../lib/bindings";
import { messageOf } from "../lib/errors";

export type DatabaseApi = Pick<Backend, "databaseInfo" | "openDatabase" | "newDatabase">;

export class DatabaseStore {
  info = $state<DatabaseInfo | null>(null);
  /** Why the database could not be opened; the app shows it full-screen. */
  error = $state<string | null>(null);

  constructor(private readonly api: DatabaseApi) {}

  /** Reads what is open; false (with `error` set) when nothing usable is. */
  async load(): Promise<boolean> {
    try {
      this.info = await this.api.databaseInfo();
      this.error = null;
      return true;
    } catch (e) {
      this.info = null;
      this.error = messageOf(e);
      return false;
    }
  }

  /** Opens (or with `create`, creates) the file; throws what went wrong. */
  async open(path: string, create: boolean): Promise<void> {
    this.info = create ? await this.api.newDatabase(path) : await this.api.openDatabase(path);
    this.error = null;
  }
}
