// Another window, the CLI or a teammate changed the database: refresh what
// is on screen. Forms keep what the user typed (the drawer keeps a dirty
// draft; open dialogs are left alone). Each part refreshes on its own, so
// one failure does not hide the others' news; a change that arrives during
// a refresh runs another one after it, and a failed refresh is tried again,
// backing off (lib/refresher.ts).

import { Refresher, type Timers } from "../lib/refresher";
import type { Router } from "./routing.svelte";
import type { Stores } from "./stores";

export function createRefresher(s: Stores, router: Router, isContributor: () => boolean, timers?: Timers): Refresher {
  return new Refresher(async () => {
    if (!s.database.info) return true;
    if (isContributor()) {
      await s.mine.load();
      return true;
    }
    const place = router.place;
    const results = await Promise.allSettled([
      place === "team" ? s.team.load() : Promise.resolve(),
      s.piece.id ? s.piece.load(s.piece.id) : Promise.resolve(),
      s.pubs.loadList().then(() => s.pubs.loadLists()),
      s.editions.refresh(),
      place === "contributors" ? s.contributors.load() : Promise.resolve(),
      place === "board" ? s.board.load() : Promise.resolve(),
      place === "dashboard" ? s.desk.load() : Promise.resolve(),
      place === "trash" ? s.trash.load() : Promise.resolve(),
      place === "calendar" ? s.calendar.load() : Promise.resolve(),
      place === "flatplan" ? s.flatplan.load() : Promise.resolve(),
    ]);
    return results.every((r) => r.status === "fulfilled");
  }, timers);
}
