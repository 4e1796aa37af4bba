// What the File menu, the welcome screen and Settings' database part do:
// open, create, connect to, back up, restore, check, export and import the
// database, load the demo, add a publication and export an edition's plan.
// Each says how it went in a toast (or in its dialog, while that is open).

import { backend } from "../lib/backend";
import type { PublicationId } from "../lib/bindings";
import { codeOf, fieldErrorsOf, messageOf } from "../lib/errors";
import { formatNumber } from "../lib/format";
import type { ExportChoice } from "../lib/export";
import type { FieldErrors } from "../lib/forms";
import { isServer } from "../lib/team";
import { refreshAfterSave } from "../stores/notify";
import type { Dialogs } from "./dialogs.svelte";
import type { Router } from "./routing.svelte";
import type { Stores } from "./stores";

export class Commands {
  /** Until the first database is open (or has failed to). */
  starting = $state(true);
  /** Why the team server is out of reach, while it is. */
  offline = $state<string | null>(null);
  private backingUp = false;
  /** The launch-named opens, one after another (openQueued). */
  private opening: Promise<void> = Promise.resolve();

  constructor(
    private readonly s: Stores,
    private readonly router: Router,
    private readonly dialogs: Dialogs,
    private readonly isContributor: () => boolean,
    /** Refreshes what is on screen after a change (app/refresh.ts). */
    private readonly refresh: () => Promise<void>,
  ) {}

  async start(): Promise<void> {
    const { settings, database } = this.s;
    this.starting = true;
    // A server named at launch that wants a password, asked for once started.
    let named: string | undefined;
    try {
      await settings.load().catch(() => {});
      if (await database.load()) await this.showStart();
      else {
        // Asked for by its own address (it is queued), else the last team server's.
        named = (await this.takeQueued()).at(-1);
        if (!named && isServer(settings.lastDatabase)) this.dialogs.connect(settings.lastDatabase, database.error);
      }
    } finally {
      this.starting = false;
    }
    if (named) await this.openLocation(named);
    // A database a launch named while the window was starting.
    await this.openQueued();
  }

  /** The team server went out of reach (`why`) or came back (null). */
  connectionChanged(why: string | null): void {
    const was = this.offline;
    this.offline = why;
    // Back online: what changed meanwhile is shown now.
    if (was && !why) void this.refresh();
  }

  /** Connects; the refusal to show in the dialog, or null once connected. */
  async connect(url: string, password: string | null, remember: boolean): Promise<string | null> {
    const { database, piece, toasts } = this.s;
    try {
      database.info = await backend.connectServer(url, password, remember);
      database.error = null;
    } catch (e) {
      return messageOf(e);
    }
    this.dialogs.close();
    this.offline = null;
    this.router.place = "editions";
    piece.close();
    const who = database.info.member;
    toasts.show("success", who ? `Connected to ${database.info.path} as ${who.name}.` : `Connected to ${database.info.path}.`);
    await this.showStart();
    return null;
  }

  readonly openDatabase = () => void this.openFile(false);
  readonly newDatabase = () => void this.openFile(true);

  async loadDemo(): Promise<void> {
    const { database, toasts } = this.s;
    try {
      const id = await backend.loadDemo();
      toasts.show("success", "Loaded the demo edition “Feb/Mar 21”.");
      await database.load();
      const ed = await backend.getEdition(id);
      await this.router.showPublications(ed.publication_id);
      await this.router.openEdition(id);
    } catch (e) {
      toasts.show(codeOf(e) === "demo_present" ? "warning" : "error", messageOf(e));
    }
  }

  async createPublication(name: string, frequency: string): Promise<FieldErrors | null> {
    const { pubs, database, toasts } = this.s;
    let created;
    try {
      created = await pubs.create(name, frequency);
    } catch (e) {
      return fieldErrorsOf(e);
    }
    toasts.show("success", `Created ${created.name}. Plan its first edition next.`);
    await refreshAfterSave(toasts, created.name, async () => {
      await database.load();
      // A new publication has nothing on its desk yet: its editions, to plan the first.
      this.router.place = "editions";
      await this.router.showPublication();
    });
    return null;
  }

  /** File › Back up…: the native save dialog, then the backup (one at a time). */
  async backUp(): Promise<void> {
    if (this.backingUp) return;
    this.backingUp = true;
    try {
      const made = await backend.backupDatabase();
      if (made) this.s.toasts.show("success", `Backed up to ${made.path}.`, 10000);
    } catch (e) {
      this.s.toasts.show("error", messageOf(e), 10000);
    } finally {
      this.backingUp = false;
    }
  }

  /** Settings › Check the database: the report in a dialog. */
  async checkDatabase(): Promise<void> {
    try {
      this.dialogs.showCheck(await backend.checkDatabase());
    } catch (e) {
      this.s.toasts.show("error", messageOf(e), 10000);
    }
  }

  /** Settings › Export everything…: the native save dialog, then the export. */
  async exportEverything(): Promise<void> {
    try {
      const made = await backend.exportEverything();
      if (made) this.s.toasts.show("success", `Exported ${formatNumber(made.rows)} rows to ${made.path}.`, 10000);
    } catch (e) {
      this.s.toasts.show("error", messageOf(e), 10000);
    }
  }

  /** Settings › Import an export…: into the open, empty database. */
  async importExport(): Promise<void> {
    try {
      const done = await backend.importExport();
      if (!done) return;
      const rows = done.tables.reduce((sum, [, n]) => sum + n, 0);
      this.s.toasts.show("success", `Imported ${formatNumber(rows)} rows from ${done.from}.`, 10000);
      await this.start();
    } catch (e) {
      this.s.toasts.show("error", messageOf(e), 10000);
    }
  }

  /** File › Restore from backup…: returns the refusal to show in the dialog, or null. */
  async restore(): Promise<string | null> {
    const { toasts } = this.s;
    try {
      const done = await backend.restoreDatabase();
      if (!done) return null;
      this.dialogs.close();
      toasts.show(
        "success",
        `Restored from ${done.from}. What the database held before is kept at ${done.set_aside}.`,
        15000,
        {
          label: "Undo",
          run: () =>
            backend.undoRestore().then(
              async () => {
                toasts.show("success", "Put back what the database held before the restore.");
                await this.refresh();
              },
              (e) => void toasts.show("error", messageOf(e), 10000),
            ),
        },
      );
      await this.refresh();
      return null;
    } catch (e) {
      return messageOf(e);
    }
  }

  /** Exports the open edition; returns the refusal to show in the dialog, or null. */
  async exportPlan(choice: ExportChoice): Promise<string | null> {
    const { editions, toasts } = this.s;
    const edition = editions.current;
    if (!edition) return "Open an edition first.";
    try {
      const path = await backend.exportPlan(edition.id, choice.format, choice.paper, choice.parts, choice.colour);
      // Cancelled in the save dialog: the export dialog stays, as it was.
      if (!path) return null;
      if (this.dialogs.current === "export") this.dialogs.close();
      const name = path.split(/[\\/]/).pop() ?? path;
      toasts.show("success", `Saved ${name}.`, 10000, {
        label: "Open",
        run: () => backend.openExport(path).then(() => {}, (e) => void toasts.show("error", messageOf(e))),
      });
      return null;
    } catch (e) {
      // Said in the dialog; if it was closed meanwhile, in a toast.
      if (this.dialogs.current !== "export") toasts.show("error", messageOf(e), 10000);
      return messageOf(e);
    }
  }

  /** A contributor's own assignments; for everyone else the publications. */
  private async showStart(prefer?: PublicationId): Promise<void> {
    if (this.isContributor()) await this.s.mine.load();
    else await this.router.showPublications(prefer);
  }

  /**
   * Opens what launches named meanwhile (a double-click on a Masthead file
   * while the window is open; a server named at start that wants a
   * password): the newest. Until the window has started, start() does it.
   */
  openQueued(): Promise<void> {
    // One after another: two launches close together open in their order,
    // the newest last, each with its own toast.
    this.opening = this.opening
      .then(async () => {
        if (this.starting) return;
        const newest = (await this.takeQueued()).at(-1);
        if (newest) await this.openLocation(newest);
      })
      // Each open says its own failure; the next still runs.
      .catch(() => {});
    return this.opening;
  }

  private takeQueued(): Promise<string[]> {
    return backend.takeOpenLocations().catch((): string[] => []);
  }

  /**
   * Opens a database a launch named: a file as File › Open would, a server
   * as Connect (asking for the password when it needs one). With a dialog
   * open, what is typed there is not thrown away: a toast offers to open it.
   */
  async openLocation(location: string, force = false): Promise<void> {
    if (this.dialogs.current !== null && !force) {
      const name = location.split(/[\\/]/).pop() ?? location;
      this.s.toasts.show("warning", `Masthead was asked to open ${name}. Finish the dialog first, or open it now.`, 20000, {
        label: "Open now",
        run: () => {
          this.dialogs.close();
          void this.openLocation(location, true);
        },
      });
      return;
    }
    if (isServer(location)) {
      const refused = await this.connect(location, null, false);
      if (refused) this.dialogs.connect(location, refused);
      return;
    }
    await this.openPath(location, false);
  }

  private async openFile(create: boolean): Promise<void> {
    const path = create ? await backend.chooseNewDatabase() : await backend.chooseDatabaseToOpen();
    if (!path) return;
    await this.openPath(path, create);
  }

  private async openPath(path: string, create: boolean): Promise<void> {
    try {
      await this.s.database.open(path, create);
    } catch (e) {
      this.s.toasts.show("error", messageOf(e));
      return;
    }
    this.router.place = "editions";
    this.s.piece.close();
    this.s.toasts.show("success", create ? `Created a new database at ${path}` : `Opened ${path}`);
    await this.router.showPublications();
  }
}
