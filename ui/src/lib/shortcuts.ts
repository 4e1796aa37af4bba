// Keyboard shortcuts and the native menu: one table of keys, used by the key
// handler and by the "?" help, and one map of menu items, both onto the
// actions the window runs in one place (app/menus.ts's `run`).

export type Action =
  | "new-piece"
  | "new-edition"
  | "new-database"
  | "open-database"
  | "load-demo"
  | "connect-server"
  | "backup"
  | "restore"
  | "search"
  | "go-editions"
  | "go-desk"
  | "go-calendar"
  | "go-contributors"
  | "go-board"
  | "go-settings"
  | "export"
  | "help"
  | "about"
  | "close"
  | "next-row"
  | "previous-row";

export interface Shortcut {
  action: Action;
  keys: string;
  label: string;
  /** Also fires while the user is typing in a field. */
  inFields?: boolean;
  /** A character key, off when single-key shortcuts are turned off. */
  singleKey?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: "new-piece", keys: "N", label: "New piece in the open edition", singleKey: true },
  { action: "new-edition", keys: "Shift+N", label: "New edition", singleKey: true },
  { action: "open-database", keys: "Ctrl+O", label: "Open a database", inFields: true },
  { action: "search", keys: "Ctrl+K", label: "Search titles, briefs, notes and drafts", inFields: true },
  { action: "go-desk", keys: "G D", label: "Go to the Desk", singleKey: true },
  { action: "go-calendar", keys: "G L", label: "Go to the Calendar", singleKey: true },
  { action: "go-editions", keys: "G E", label: "Go to Editions", singleKey: true },
  { action: "go-board", keys: "G B", label: "Go to the Board", singleKey: true },
  { action: "go-contributors", keys: "G C", label: "Go to Contributors", singleKey: true },
  { action: "go-settings", keys: "Ctrl+,", label: "Settings", inFields: true },
  { action: "export", keys: "Ctrl+E", label: "Export the open edition's plan (PDF or CSV)", inFields: true },
  { action: "next-row", keys: "J / ↓", label: "Next piece (↓ also with single keys off)" },
  { action: "previous-row", keys: "K / ↑", label: "Previous piece (↑ also with single keys off)" },
  { action: "close", keys: "Esc", label: "Close the drawer or dialog", inFields: true },
  { action: "help", keys: "?", label: "Show these shortcuts", singleKey: true },
];

/** The native menu's items (src-tauri/src/menu.rs), as actions. */
const MENU: Readonly<Record<string, Action>> = {
  "new-database": "new-database",
  "open-database": "open-database",
  "load-demo": "load-demo",
  "connect-server": "connect-server",
  "new-edition": "new-edition",
  export: "export",
  search: "search",
  shortcuts: "help",
  about: "about",
  backup: "backup",
  restore: "restore",
};

/** The action a menu item runs, or null for an item this window does not know. */
export function menuAction(id: string): Action | null {
  return Object.hasOwn(MENU, id) ? MENU[id]! : null;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Maps a key press to an action. `pending` is the first key of a two-key
 * sequence ("g"), or null. `typing` is true while focus is in a text field.
 * With `singleKeys` off (a setting, WCAG 2.1.4), character keys do nothing;
 * Ctrl shortcuts, Esc and the arrow keys still work.
 * Returns the action (or null) and the new pending key.
 */
export function match(
  e: KeyLike,
  pending: string | null,
  typing: boolean,
  singleKeys = true,
): { action: Action | null; pending: string | null } {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey && e.key.toLowerCase() === "o") return { action: "open-database", pending: null };
  if (ctrl && e.key === ",") return { action: "go-settings", pending: null };
  if (ctrl && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") return { action: "search", pending: null };
  if (ctrl && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "e") return { action: "export", pending: null };
  if (e.key === "Escape") return { action: "close", pending: null };
  if (typing || ctrl || e.altKey) return { action: null, pending: null };
  if (!singleKeys) {
    if (e.key === "ArrowDown") return { action: "next-row", pending: null };
    if (e.key === "ArrowUp") return { action: "previous-row", pending: null };
    return { action: null, pending: null };
  }
  if (pending === "g") {
    if (e.key === "e") return { action: "go-editions", pending: null };
    if (e.key === "d") return { action: "go-desk", pending: null };
    if (e.key === "l") return { action: "go-calendar", pending: null };
    if (e.key === "c") return { action: "go-contributors", pending: null };
    if (e.key === "b") return { action: "go-board", pending: null };
    return { action: null, pending: null };
  }
  switch (e.key) {
    case "g":
      return { action: null, pending: "g" };
    case "n":
      return { action: "new-piece", pending: null };
    case "N":
      return { action: e.shiftKey ? "new-edition" : null, pending: null };
    case "?":
      return { action: "help", pending: null };
    case "j":
    case "ArrowDown":
      return { action: "next-row", pending: null };
    case "k":
    case "ArrowUp":
      return { action: "previous-row", pending: null };
    default:
      return { action: null, pending: null };
  }
}

/** True when the event target is a field that takes text. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["button", "checkbox", "radio", "submit", "reset"].includes(type);
}
