// The only module that talks to Tauri. Views call these functions and get
// plain data back; failures arrive as a thrown `BackendError` with the
// core's stable `code`, a sentence for the user and the field it is about.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import type { Conflict, ErrorPayload } from "./bindings";
import { commandsVia } from "./commands";

export type FileDropEvent =
  | { type: "over"; x: number; y: number }
  | { type: "drop"; x: number; y: number; paths: string[] }
  | { type: "leave" };

export class BackendError extends Error {
  readonly code: string;
  readonly field: string | null;
  readonly conflict: Conflict | null;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.field = payload.field;
    this.conflict = payload.conflict ?? null;
  }
}

function isPayload(value: unknown): value is ErrorPayload {
  return typeof value === "object" && value !== null && "code" in value && "message" in value;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isPayload(e)) throw new BackendError(e);
    throw new BackendError({ code: "internal", message: String(e), field: null, conflict: null });
  }
}

// Every command, typed from its Rust signature (generated from
// src-tauri/commands.list: no command is named by a string here).
const commands = commandsVia(call);

export const backend = {
  ...commands,
  listContributors: (search: string | null = null) => commands.listContributors(search),

  chooseDraftFile: async (): Promise<string | null> => {
    const picked = await openDialog({
      title: "Submit a draft",
      multiple: false,
      directory: false,
      filters: [
        { name: "Drafts (Word, OpenDocument, Markdown, text)", extensions: ["docx", "odt", "md", "markdown", "txt"] },
        { name: "Word document", extensions: ["docx"] },
        { name: "OpenDocument text", extensions: ["odt"] },
        { name: "Markdown", extensions: ["md", "markdown"] },
        { name: "Text", extensions: ["txt"] },
      ],
    });
    return typeof picked === "string" ? picked : null;
  },

  /**
   * Runs `handler` as files are dragged over and dropped on the window:
   * `over` with the pointer's position (CSS pixels), `drop` with the paths.
   */
  onFileDrop: (handler: (event: FileDropEvent) => void): Promise<UnlistenFn> =>
    getCurrentWebview().onDragDropEvent((event) => {
      const p = event.payload;
      const scale = window.devicePixelRatio || 1;
      if (p.type === "leave") handler({ type: "leave" });
      else if (p.type === "enter" || p.type === "over")
        handler({ type: "over", x: p.position.x / scale, y: p.position.y / scale });
      else if (p.type === "drop")
        handler({ type: "drop", x: p.position.x / scale, y: p.position.y / scale, paths: p.paths });
    }),

  setWindowTitle: (title: string): Promise<void> => getCurrentWindow().setTitle(title),

  /** Runs `handler` when the team server goes out of reach (a message) and comes back (null). */
  onConnection: (handler: (offline: string | null) => void): Promise<UnlistenFn> =>
    listen<string | null>("db-connection", (event) => handler(event.payload)),

  /** Runs `handler` when the store process of the open file stopped and was started again. */
  onStoreRestarted: (handler: () => void): Promise<UnlistenFn> => listen("db-restarted", () => handler()),

  /** Runs `handler` when another window or the CLI changed the open database. */
  onDatabaseChanged: (handler: () => void): Promise<UnlistenFn> => listen("db-changed", () => handler()),

  /**
   * Runs `handler` when a second launch named a database (a double-click on
   * a Masthead file, `masthead-app FILE|URL`); `takeOpenLocations` has it.
   */
  onOpenLocation: (handler: () => void): Promise<UnlistenFn> => listen("open-location", () => handler()),

  /** Runs `handler` with the id of each native menu item the user picks. */
  onMenu: (handler: (id: string) => void): Promise<UnlistenFn> =>
    listen<string>("menu", (event) => handler(event.payload)),

  chooseDatabaseToOpen: async (): Promise<string | null> => {
    const picked = await openDialog({
      title: "Open a Masthead database",
      multiple: false,
      directory: false,
      filters: [{ name: "Masthead database", extensions: ["masthead", "db", "sqlite"] }],
    });
    return typeof picked === "string" ? picked : null;
  },

  chooseNewDatabase: async (): Promise<string | null> => {
    const picked = await saveDialog({
      title: "Create a new Masthead database",
      // New files end in .masthead, which the desktop knows as Masthead's.
      defaultPath: "plan.masthead",
      filters: [{ name: "Masthead database", extensions: ["masthead"] }],
    });
    return picked ?? null;
  },
};

export type Backend = typeof backend;
