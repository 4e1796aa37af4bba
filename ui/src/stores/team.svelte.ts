// The team on a server (for editors) and a contributor's own assignments.

import type { Backend } from "../lib/backend";
import type { ArticleId, Assignment, Comment, DraftText, Invitation, InviteInput, Person, TeamRole } from "../lib/bindings";
import { fieldErrorsOf, messageOf } from "../lib/errors";
import type { FieldErrors } from "../lib/forms";
import type { Toasts } from "../lib/toasts.svelte";
import { Latest } from "../lib/latest";

export type TeamApi = Pick<Backend, "teamList" | "teamInvite" | "teamSetRole" | "teamRemove">;

export class TeamStore {
  people = $state<Person[] | null>(null);
  error = $state<string | null>(null);
  private readonly newest = new Latest();

  constructor(
    private readonly api: TeamApi,
    private readonly toasts: Toasts,
  ) {}

  async load(): Promise<void> {
    try {
      const people = await this.newest.run(() => this.api.teamList());
      if (people === undefined) return;
      this.people = people;
      this.error = null;
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  /** The invitation (shown once), or the errors to show at the fields. */
  async invite(input: InviteInput): Promise<FieldErrors | Invitation> {
    try {
      const invitation = await this.api.teamInvite(input);
      this.toasts.show("success", `Invited ${invitation.person.name}. Send them the connection details shown.`);
      await this.load();
      return invitation;
    } catch (e) {
      return fieldErrorsOf(e);
    }
  }

  /** True when the role changed. */
  async setRole(person: Person, role: TeamRole): Promise<boolean> {
    let changed = false;
    try {
      const saved = await this.api.teamSetRole(person.id, person.version, role);
      this.toasts.show("success", `${saved.name} is now ${role === "editor" ? "an editor" : "a contributor"}.`);
      changed = true;
    } catch (e) {
      this.toasts.show("error", messageOf(e), 10000);
    }
    await this.load();
    return changed;
  }

  async remove(person: Person): Promise<void> {
    try {
      await this.api.teamRemove(person.id, person.version);
      this.toasts.show("success", `Took ${person.name} off the team: their login no longer signs in.`);
    } catch (e) {
      this.toasts.show("error", messageOf(e), 10000);
    }
    await this.load();
  }
}

export type MineApi = Pick<
  Backend,
  "myAssignments" | "answerAssignment" | "submitDraft" | "chooseDraftFile" | "draftText" | "comments" | "addComment"
>;

/** A contributor reading one of the versions she sent. */
export interface MyReading {
  assignment: Assignment;
  version: number;
  text: DraftText | null;
  error: string | null;
}

export class MineStore {
  assignments = $state<Assignment[] | null>(null);
  error = $state<string | null>(null);
  /** The assignment being answered or submitted to, one at a time. */
  busy = $state<string | null>(null);
  /** The version being read again, full page; null when closed. */
  reading = $state<MyReading | null>(null);
  private readonly newest = new Latest();
  private readings = 0;

  constructor(
    private readonly api: MineApi,
    private readonly toasts: Toasts,
  ) {}

  /** The comments of each of her pieces shown, by piece. */
  comments = $state.raw<Record<ArticleId, Comment[]>>({});

  /** Reads the comments of her piece `article` (to show them). */
  async loadComments(article: ArticleId): Promise<void> {
    try {
      const list = await this.api.comments(article);
      this.comments = { ...this.comments, [article]: list };
    } catch (e) {
      this.toasts.show("error", messageOf(e), 10000);
    }
  }

  /** Her comment on her piece; false (and said why) when refused. */
  async comment(article: ArticleId, body: string): Promise<boolean> {
    try {
      await this.api.addComment(article, body);
    } catch (e) {
      this.toasts.show("error", messageOf(e), 10000);
      return false;
    }
    await this.loadComments(article);
    return true;
  }

  async load(): Promise<void> {
    try {
      const list = await this.newest.run(() => this.api.myAssignments());
      if (list === undefined) return;
      this.assignments = list;
      this.error = null;
    } catch (e) {
      this.error = messageOf(e);
    }
  }

  async answer(a: Assignment, accepted: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = a.id;
    try {
      await this.api.answerAssignment(a.id, a.version, accepted);
      this.toasts.show("success", accepted ? `Accepted “${a.article_title}”.` : `Declined “${a.article_title}”.`);
    } catch (e) {
      this.toasts.show("error", messageOf(e), 10000);
    } finally {
      this.busy = null;
    }
    await this.load();
  }

  /** Opens `version` of what she sent for `a` (her newest by default). */
  async read(a: Assignment, version: number | undefined = a.draft_versions[0]): Promise<void> {
    if (version === undefined) return;
    // Each opening has its number: a late answer (or failure) for an
    // earlier one, of this version or another, is dropped.
    const mine = ++this.readings;
    this.reading = { assignment: a, version, text: null, error: null };
    try {
      const text = await this.api.draftText(a.article_id, version);
      if (mine === this.readings && this.reading) this.reading.text = text;
    } catch (e) {
      if (mine === this.readings && this.reading) this.reading.error = messageOf(e);
    }
  }

  closeReading(): void {
    this.readings++;
    this.reading = null;
  }

  async submitDraft(a: Assignment): Promise<void> {
    if (this.busy) return;
    // Busy from the click, so a double click opens one dialog.
    this.busy = a.id;
    const path = await this.api.chooseDraftFile().catch(() => null);
    if (!path) {
      this.busy = null;
      return;
    }
    try {
      const saved = await this.api.submitDraft(a.article_id, path, a.contributor_id);
      const d = saved.item.draft;
      this.toasts.show("success", `Sent version ${d.version} of “${a.article_title}” (${d.file_name}).`);
      for (const w of saved.warnings) this.toasts.show("warning", w.message, 10000);
    } catch (e) {
      this.toasts.show("error", messageOf(e), 10000);
    } finally {
      this.busy = null;
    }
    await this.load();
  }
}
