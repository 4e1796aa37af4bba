// Files dragged onto the window (Tauri's drag-drop event, not the page's):
// one dropped on the open piece's drawer becomes its next draft; anywhere
// else, or several at once, the user is told what to do instead.

import type { FileDropEvent } from "../lib/backend";
import type { Stores } from "./stores";

export class FileDrop {
  /** A file is dragged over the open piece's drawer. */
  overPiece = $state(false);

  constructor(private readonly s: Pick<Stores, "piece" | "toasts">) {}

  readonly handle = (e: FileDropEvent): void => {
    const { piece, toasts } = this.s;
    const overDrawer =
      e.type !== "leave" && piece.id !== null && document.elementFromPoint(e.x, e.y)?.closest(".drawer") != null;
    this.overPiece = e.type === "over" && overDrawer;
    if (e.type !== "drop") return;
    if (!overDrawer) {
      if (e.paths.length > 0)
        toasts.show("warning", "To submit a draft, open the piece and drop the file on its detail, on the right.");
      return;
    }
    if (e.paths.length > 1) {
      toasts.show("warning", `Drop one file at a time: ${e.paths.length} were dropped, so none was submitted.`);
      return;
    }
    const [path] = e.paths;
    if (path) void piece.submitDraft(path, null);
  };
}
