// Where the user is: the screen (the sidebar's place) and how each screen
// is reached, loading what it shows on the way.

import type { EditionId, PublicationId } from "../lib/bindings";
import { messageOf } from "../lib/errors";
import type { Place } from "../lib/places";
import type { Stores } from "./stores";

export class Router {
  /** The desk is the home screen: what needs doing, first thing. */
  place = $state<Place>("dashboard");

  constructor(private readonly s: Stores) {}

  async go(to: Place): Promise<void> {
    const { piece, editions, contributors, team } = this.s;
    this.place = to;
    piece.close();
    if (to === "editions") {
      editions.close();
      await editions.loadList();
    } else if (to === "contributors") {
      contributors.close();
      await contributors.load();
    } else if (to === "board") {
      await this.showBoard();
    } else if (to === "flatplan") {
      await this.showFlatplan();
    } else if (to === "team") {
      await team.load();
    } else if (to === "dashboard") {
      await this.s.desk.show(this.s.pubs.id);
    } else if (to === "calendar") {
      await this.s.calendar.show(this.s.pubs.id);
    } else if (to === "trash") {
      await this.s.trash.show(this.s.pubs.id);
    }
  }

  async openEdition(id: EditionId): Promise<void> {
    this.place = "editions";
    this.s.piece.close();
    await this.s.editions.open(id);
  }

  /** The flatplan of the open (else the newest) edition. */
  async showFlatplan(): Promise<void> {
    const { editions, flatplan, toasts } = this.s;
    if (!editions.list) await editions.loadList();
    const id = editions.id ?? editions.list?.[0]?.id ?? null;
    if (!id) {
      this.place = "editions";
      toasts.show("warning", "Plan an edition first: the flatplan is an edition's pages.");
      return;
    }
    if (!editions.id) await editions.open(id);
    await flatplan.show(id);
  }

  /** The board of the chosen publication, starting on the open (else the newest) edition. */
  async showBoard(): Promise<void> {
    const { editions, board, pubs, contributors } = this.s;
    const start = editions.id ?? editions.list?.[0]?.id ?? null;
    // The contributors (thousands, after years) only for a contributor
    // filter already on; otherwise when the filter is reached.
    await Promise.all([
      board.show(pubs.id, start),
      contributors.list || !board.filter.contributor_id ? Promise.resolve() : contributors.load(),
      editions.list ? Promise.resolve() : editions.loadList(),
    ]);
  }

  /** Reloads the publications and shows the chosen one's editions. */
  async showPublications(prefer?: PublicationId): Promise<void> {
    try {
      await this.s.pubs.loadList(prefer);
    } catch (e) {
      this.s.database.error = messageOf(e);
      return;
    }
    await this.showPublication();
  }

  async showPublication(): Promise<void> {
    const { piece, pubs, editions, desk } = this.s;
    piece.close();
    await Promise.all([
      // The desk follows at once (it clears the other publication's first).
      this.place === "dashboard" ? desk.show(pubs.id) : Promise.resolve(),
      this.place === "trash" ? this.s.trash.show(pubs.id) : Promise.resolve(),
      this.place === "calendar" ? this.s.calendar.show(pubs.id) : Promise.resolve(),
      pubs.loadLists().catch((e) => (editions.listError = messageOf(e))),
      editions.showPublication(pubs.id),
    ]);
  }

  /** The sidebar's publication switcher: its editions, and its board when on the board. */
  async switchPublication(id: PublicationId): Promise<void> {
    this.s.pubs.id = id;
    await this.showPublication();
    if (this.place === "board") await this.showBoard();
  }
}
