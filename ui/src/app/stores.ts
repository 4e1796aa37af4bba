// The window's stores, one per concern (stores/), made once for the window.
// What is shown and saved lives in them; where the user is lives in the
// router (routing.svelte.ts).

import { backend } from "../lib/backend";
import { renderMarkdownWith } from "../lib/markdown.svelte";
import { Toasts } from "../lib/toasts.svelte";
import type { Place } from "../lib/places";
import { Conflicts } from "../stores/conflicts.svelte";
import { SettingsStore } from "../stores/settings.svelte";
import { DatabaseStore } from "../stores/database.svelte";
import { PublicationStore } from "../stores/publication.svelte";
import { EditionStore } from "../stores/edition.svelte";
import { PieceStore } from "../stores/piece.svelte";
import { ContributorsStore } from "../stores/contributors.svelte";
import { BoardStore } from "../stores/board.svelte";
import { FlatplanStore } from "../stores/flatplan.svelte";
import { TeamStore, MineStore } from "../stores/team.svelte";
import { DeskStore } from "../stores/desk.svelte";
import { SearchStore } from "../stores/search.svelte";
import { TrashStore } from "../stores/trash.svelte";
import { CalendarStore } from "../stores/calendar.svelte";

export interface Stores {
  toasts: Toasts;
  conflicts: Conflicts;
  settings: SettingsStore;
  database: DatabaseStore;
  pubs: PublicationStore;
  editions: EditionStore;
  piece: PieceStore;
  contributors: ContributorsStore;
  board: BoardStore;
  flatplan: FlatplanStore;
  team: TeamStore;
  mine: MineStore;
  desk: DeskStore;
  search: SearchStore;
  trash: TrashStore;
  calendar: CalendarStore;
}

/** `place` says which screen is showing, so a save in the drawer refreshes the list that shows the piece. */
export function createStores(place: () => Place): Stores {
  const toasts = new Toasts();
  const conflicts = new Conflicts();
  // Briefs and drafts are rendered by the core.
  renderMarkdownWith(backend.renderMarkdown);
  const settings = new SettingsStore(backend);
  const database = new DatabaseStore(backend);
  const pubs = new PublicationStore(backend, toasts);
  const editions = new EditionStore(backend, toasts, conflicts);
  const piece = new PieceStore(
    backend,
    toasts,
    conflicts,
    () => ({ sections: pubs.sections, kinds: pubs.kinds }),
    () =>
      Promise.all([
        editions.refresh(),
        place() === "board" ? board.load() : Promise.resolve(),
        place() === "dashboard" ? desk.load() : Promise.resolve(),
        place() === "flatplan" ? flatplan.load() : Promise.resolve(),
        place() === "contributors" ? contributors.load() : Promise.resolve(),
      ]).then(() => {}),
  );
  const contributors = new ContributorsStore(backend, toasts);
  const board = new BoardStore(backend, toasts);
  const flatplan = new FlatplanStore(backend, toasts);
  const team = new TeamStore(backend, toasts);
  const mine = new MineStore(backend, toasts);
  const desk = new DeskStore(backend);
  const search = new SearchStore(backend);
  // After a restore: the lists it may come back to.
  const trash = new TrashStore(backend, toasts, () =>
    Promise.all([editions.refresh(), editions.loadList(), contributors.list ? contributors.load() : Promise.resolve()]).then(
      () => {},
    ),
  );
  // After a date moved: the edition's dates and the open piece's deadline.
  const calendar = new CalendarStore(backend, toasts, () =>
    Promise.all([editions.refresh(), piece.id ? piece.load(piece.id) : Promise.resolve()]).then(() => {}),
  );
  return {
    toasts,
    conflicts,
    settings,
    database,
    pubs,
    editions,
    piece,
    contributors,
    board,
    flatplan,
    team,
    mine,
    desk,
    search,
    trash,
    calendar,
  };
}
