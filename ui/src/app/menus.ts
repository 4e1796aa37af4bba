// What each action does: the native menu's items and the keyboard's
// shortcuts both arrive here as actions (lib/shortcuts.ts names them).

import { menuAction, type Action } from "../lib/shortcuts";
import type { Commands } from "./commands.svelte";
import type { Dialogs } from "./dialogs.svelte";
import { moveFocus } from "./keyboard";
import type { Router } from "./routing.svelte";
import type { Stores } from "./stores";

export interface Runner {
  /** Carries out an action; false when it does not apply here. */
  run(action: Action): boolean;
  /** A native menu item was chosen. */
  onMenu(id: string): void;
}

export function createRunner(s: Stores, router: Router, dialogs: Dialogs, commands: Commands): Runner {
  function run(action: Action): boolean {
    switch (action) {
      case "new-piece":
        if (s.editions.id && dialogs.current === null) dialogs.current = "new-piece";
        return true;
      case "new-edition":
        if (s.pubs.id && dialogs.current === null) dialogs.current = "new-edition";
        return true;
      case "new-database":
        commands.newDatabase();
        return true;
      case "open-database":
        commands.openDatabase();
        return true;
      case "load-demo":
        void commands.loadDemo();
        return true;
      case "connect-server":
        dialogs.connect();
        return true;
      case "backup":
        void commands.backUp();
        return true;
      case "restore":
        dialogs.current = "restore";
        return true;
      case "search":
        if (s.pubs.id && dialogs.current === null) dialogs.current = "search";
        return true;
      case "go-editions":
        void router.go("editions");
        return true;
      case "go-desk":
        void router.go("dashboard");
        return true;
      case "go-calendar":
        void router.go("calendar");
        return true;
      case "go-contributors":
        void router.go("contributors");
        return true;
      case "go-board":
        void router.go("board");
        return true;
      case "go-settings":
        void router.go("settings");
        return true;
      case "help":
        dialogs.current = "help";
        return true;
      case "about":
        dialogs.current = "about";
        return true;
      case "export":
        if (s.editions.current && dialogs.current === null) dialogs.current = "export";
        else if (!s.editions.current) s.toasts.show("warning", "Open an edition first: Export makes its plan.");
        return true;
      case "close":
        if (dialogs.current !== null) dialogs.close();
        else if (s.piece.id) s.piece.close();
        return true;
      case "next-row":
        return moveFocus(1, s.piece.id);
      case "previous-row":
        return moveFocus(-1, s.piece.id);
    }
  }

  return {
    run,
    onMenu(id) {
      const action = menuAction(id);
      if (action) run(action);
    },
  };
}
