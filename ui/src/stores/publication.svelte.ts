// The chosen publication and what belongs to it: its workflow's statuses,
// its sections and its kinds of piece.

import type { Backend } from "../lib/backend";
import type {
  Kind,
  Publication,
  PublicationId,
  SectionId,
  Section,
  Status,
  StatusId,
  StatusInput,
  Workflow,
} from "../lib/bindings";
import { codeOf, fieldErrorsOf, messageOf } from "../lib/errors";
import type { FieldErrors } from "../lib/forms";
import { Latest } from "../lib/latest";
import { refreshAfterSave, type Notify } from "./notify";

export type PublicationApi = Pick<
  Backend,
  | "listPublications"
  | "createPublication"
  | "workflow"
  | "listSections"
  | "listKinds"
  | "addSection"
  | "renameSection"
  | "addKind"
  | "renameKind"
  | "setKindRetired"
  | "setKindWords"
  | "addStatus"
  | "updateStatus"
  | "reorderStatus"
  | "setStatusRetired"
  | "deleteStatus"
  | "setMove"
  | "setInitialStatus"
>;

/** One change to the workflow, given the version on screen. */
export type WorkflowChange = (version: number) => Promise<Workflow>;

export class PublicationStore {
  list = $state<Publication[]>([]);
  id = $state<PublicationId | null>(null);
  /** Every status, retired ones included (marked); pieces may still be in one. */
  statuses = $state<Status[]>([]);
  workflow = $state<Workflow | null>(null);
  sections = $state<Section[]>([]);
  /** Retired kinds included: a piece may keep one. */
  kinds = $state<Kind[]>([]);
  liveKinds = $derived(this.kinds.filter((k) => !k.retired));
  current = $derived(this.list.find((p) => p.id === this.id) ?? null);

  private readonly lists = new Latest();

  constructor(
    private readonly api: PublicationApi,
    private readonly notify: Notify,
  ) {}

  /** Reloads the publications, keeping the chosen one (or `prefer`) when it is still there. */
  async loadList(prefer?: PublicationId): Promise<void> {
    this.list = await this.api.listPublications();
    const keep = prefer ?? this.id;
    this.id = this.list.find((p) => p.id === keep)?.id ?? this.list[0]?.id ?? null;
  }

  /** The chosen publication's statuses, sections and kinds, from one answer. */
  async loadLists(): Promise<void> {
    const id = this.id;
    if (!id) {
      this.statuses = [];
      this.workflow = null;
      this.sections = [];
      this.kinds = [];
      return;
    }
    const fresh = await this.lists.run(() =>
      Promise.all([this.api.workflow(id), this.api.listSections(id), this.api.listKinds(id, true)]),
    );
    if (!fresh || this.id !== id) return;
    const [wf, sections, kinds] = fresh;
    this.statuses = wf.statuses;
    this.workflow = wf;
    this.sections = sections;
    this.kinds = kinds;
  }

  async create(name: string, frequency: string): Promise<Publication> {
    const p = await this.api.createPublication({ name, frequency, is_print: true });
    await this.loadList(p.id);
    return p;
  }

  async addSection(name: string): Promise<FieldErrors | null> {
    return this.change(() => (this.id ? this.api.addSection(this.id, name) : Promise.resolve(null)));
  }

  async renameSection(id: SectionId, name: string): Promise<FieldErrors | null> {
    const version = this.sections.find((s) => s.id === id)?.version ?? 0;
    return this.change(() => this.api.renameSection(id, version, name));
  }

  async addKind(name: string): Promise<FieldErrors | null> {
    return this.change(() => (this.id ? this.api.addKind(this.id, name) : Promise.resolve(null)));
  }

  async renameKind(kind: Kind, name: string): Promise<FieldErrors | null> {
    return this.change(() => this.api.renameKind(kind.id, kind.version, name));
  }

  async setKindWords(kind: Kind, words: number | null): Promise<FieldErrors | null> {
    return this.change(() => this.api.setKindWords(kind.id, kind.version, words));
  }

  async setKindRetired(kind: Kind, retired: boolean): Promise<FieldErrors | null> {
    return this.change(() => this.api.setKindRetired(kind.id, kind.version, retired));
  }

  /**
   * Changes the workflow from the version on screen. Returns an error
   * message, or null. A conflict reloads the workflow and says so.
   */
  private async changeWorkflow(change: WorkflowChange): Promise<string | null> {
    const wf = this.workflow;
    const publication = this.id;
    if (!wf) return null;
    try {
      const fresh = await change(wf.version);
      // A list load still on its way read the workflow before this change.
      this.lists.cancel();
      if (this.id === publication) {
        this.workflow = fresh;
        this.statuses = fresh.statuses;
      }
    } catch (e) {
      if (codeOf(e) === "conflict") {
        await this.loadLists().catch(() => {});
        return `Someone else changed the workflow just now, so your change was not made. It now shows their version; make your change again if it still applies.`;
      }
      return messageOf(e);
    }
    return null;
  }

  addStatus(after: StatusId, input: StatusInput): Promise<string | null> {
    const id = this.id;
    return id ? this.changeWorkflow((v) => this.api.addStatus(id, v, after, input)) : Promise.resolve(null);
  }
  updateStatus(id: StatusId, input: StatusInput): Promise<string | null> {
    return this.changeWorkflow((v) => this.api.updateStatus(id, v, input));
  }
  reorderStatus(id: StatusId, position: number): Promise<string | null> {
    return this.changeWorkflow((v) => this.api.reorderStatus(id, v, position));
  }
  setStatusRetired(id: StatusId, retired: boolean): Promise<string | null> {
    return this.changeWorkflow((v) => this.api.setStatusRetired(id, v, retired));
  }
  deleteStatus(id: StatusId): Promise<string | null> {
    return this.changeWorkflow((v) => this.api.deleteStatus(id, v));
  }
  setMove(from: StatusId, to: StatusId, allowed: boolean): Promise<string | null> {
    return this.changeWorkflow((v) => this.api.setMove(from, to, v, allowed));
  }
  setInitialStatus(id: StatusId): Promise<string | null> {
    return this.changeWorkflow((v) => this.api.setInitialStatus(id, v));
  }

  /**
   * Runs a change to a section or kind from the version on screen, then
   * reloads the lists. A conflict reloads them too and says so; a failed
   * reload after a successful change is not reported as a failed change.
   */
  private async change(action: () => Promise<unknown>): Promise<FieldErrors | null> {
    try {
      await action();
    } catch (e) {
      if (codeOf(e) === "conflict") {
        await this.loadLists().catch(() => {});
        return { _form: `${messageOf(e)} The list now shows their version.` };
      }
      return fieldErrorsOf(e);
    }
    await refreshAfterSave(this.notify, "The change", () => this.loadLists());
    return null;
  }
}
