// The board: one publication's pieces by status, filtered, moved by drag or
// keyboard from the version on screen. A late answer never replaces a
// newer one; a refused move leaves the card where it was and says why.

import type { Backend } from "../lib/backend";
import type { Board, BoardCard, BoardFilter, PublicationId, StatusId } from "../lib/bindings";
import { codeOf, messageOf } from "../lib/errors";
import { Latest } from "../lib/latest";
import type { Notify } from "./notify";

export type BoardApi = Pick<Backend, "board" | "changeStatus">;

export const emptyFilter = (): BoardFilter => ({
  edition_id: null,
  section_id: null,
  kind_id: null,
  contributor_id: null,
  overdue_only: false,
});

export class BoardStore {
  board = $state<Board | null>(null);
  error = $state<string | null>(null);
  filter = $state<BoardFilter>(emptyFilter());
  /** Cards being moved right now (shown as busy, not moved twice). */
  moving = $state<Set<string>>(new Set());
  private publication: PublicationId | null = null;
  private loads = 0;
  private readonly requests = new Latest();

  constructor(
    private readonly api: BoardApi,
    private readonly notify: Notify,
  ) {}

  /** Shows `publication`'s board; a new publication starts from `edition`. */
  async show(publication: PublicationId | null, edition: string | null): Promise<void> {
    if (publication !== this.publication) {
      this.publication = publication;
      this.filter = { ...emptyFilter(), edition_id: edition };
      this.board = null;
    }
    await this.load();
  }

  async setFilter(change: Partial<BoardFilter>): Promise<void> {
    this.filter = { ...this.filter, ...change };
    await this.load();
  }

  async load(): Promise<void> {
    const publication = this.publication;
    if (!publication) {
      this.board = null;
      return;
    }
    const mine = ++this.loads;
    try {
      const filter = $state.snapshot(this.filter) as BoardFilter;
      const fresh = await this.requests.run(() => this.api.board(publication, filter));
      if (fresh && publication === this.publication) {
        this.board = fresh;
        this.error = null;
      }
    } catch (e) {
      // Only the newest load's failure is news; an older one was overtaken.
      if (mine === this.loads) this.error = messageOf(e);
    }
  }

  /**
   * Moves a card to `to`. The core decides (the board's copy of the
   * workflow may be a second old); a refused move says which moves are
   * allowed and the card stays. Returns whether it moved.
   */
  async move(card: BoardCard, to: StatusId): Promise<boolean> {
    const board = this.board;
    if (!board || card.status_id === to || this.moving.has(card.id)) return false;
    this.moving = new Set([...this.moving, card.id]);
    try {
      const moved = await this.api.changeStatus(card.id, card.version, to);
      this.notify.show("success", `Moved “${moved.title}” to ${moved.status_label}.`);
      return true;
    } catch (e) {
      this.notify.show(
        codeOf(e) === "transition_not_allowed" ? "warning" : "error",
        codeOf(e) === "conflict"
          ? `Someone else changed “${card.title}” just now, so it was not moved. The board shows it as it is now.`
          : messageOf(e),
      );
      return false;
    } finally {
      const rest = new Set(this.moving);
      rest.delete(card.id);
      this.moving = rest;
      await this.load();
    }
  }
}
