// Which dialog is open over the window (one at a time; the conflict dialog
// is the conflicts store's), and what it was opened with.

import type { Assignment, CheckReport } from "../lib/bindings";
import { blankConnect, parseConnectUrl, type ConnectDraft } from "../lib/team";
import type { Stores } from "./stores";

export type Dialog =
  | null
  | "new-edition"
  | "edit-edition"
  | "new-piece"
  | "commission"
  | "edit-assignment"
  | "help"
  | "about"
  | "export"
  | "connect"
  | "restore"
  | "check"
  | "search";

export class Dialogs {
  current = $state<Dialog>(null);
  /** The assignment "edit-assignment" edits. */
  editingAssignment = $state<Assignment | null>(null);
  /** The report "check" shows. */
  checkReport = $state<CheckReport | null>(null);
  /** The Connect dialog's fields, and why the last try failed. */
  connectInitial = $state<ConnectDraft>(blankConnect());
  connectReason = $state<string | null>(null);

  constructor(private readonly s: Stores) {}

  close(): void {
    this.current = null;
  }

  editEdition(): void {
    if (!this.s.editions.current) return;
    this.s.editions.startEditing();
    this.current = "edit-edition";
  }

  editAssignment(a: Assignment): void {
    this.editingAssignment = a;
    this.current = "edit-assignment";
  }

  showCheck(report: CheckReport): void {
    this.checkReport = report;
    this.current = "check";
  }

  /** Shows the Connect dialog, filled from `url` (the last server) when there is one. */
  connect(url?: string | null, reason?: string | null): void {
    const info = this.s.database.info;
    const from = url ? parseConnectUrl(url) : null;
    this.connectInitial = from ?? (info?.server ? (parseConnectUrl(info.path) ?? blankConnect()) : blankConnect());
    this.connectReason = reason ?? null;
    this.current = "connect";
  }
}
