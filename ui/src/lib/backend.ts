// The only module that talks to Tauri. Views call these functions and get
// plain data back; failures arrive as a thrown `BackendError` with the
// core's stable `code`, a sentence for the user and the field it is about.

import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import type {
  BackupMade,
  CheckReport,
  ExportMade,
  ImportSummary,
  Restored,
  Advert,
  AdvertId,
  AdvertInput,
  Flatplan,
  Placement,
  SlotId,
  Article,
  ArticleDetail,
  ArticleId,
  ArticleInput,
  Assignment,
  AssignmentId,
  AssignmentInput,
  Board,
  BoardFilter,
  ContributorDetail,
  ContributorId,
  StatusInput,
  Conflict,
  Contributor,
  ContributorInput,
  DatabaseInfo,
  DraftDiff,
  DraftFormat,
  DraftText,
  SubmittedDraft,
  Edition,
  EditionId,
  EditionInput,
  ErrorPayload,
  HistoryEntry,
  Kind,
  KindId,
  Publication,
  PublicationId,
  PublicationInput,
  Saved,
  Section,
  SectionId,
  Settings,
  StatusId,
  Workflow,
  Person,
  PersonId,
  TeamRole,
  Invitation,
  InviteInput,
  ExportFormat,
  Paper,
  PlanPart,
  ColourBy,
} from "./bindings";

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

export const backend = {
  databaseInfo: () => call<DatabaseInfo>("database_info"),
  newDatabase: (path: string) => call<DatabaseInfo>("new_database", { path }),
  openDatabase: (path: string) => call<DatabaseInfo>("open_database", { path }),
  loadDemo: () => call<EditionId>("load_demo"),
  /** Connects to a team server; `remember` keeps the password in ~/.pgpass. */
  connectServer: (url: string, password: string | null, remember: boolean) =>
    call<DatabaseInfo>("connect_server", { url, password, remember }),
  team: () => call<Person[]>("team_list"),
  /** Adds someone to the team; the answer holds their password, shown once. */
  invite: (input: InviteInput) => call<Invitation>("team_invite", { input }),
  setTeamRole: (id: PersonId, version: number, role: TeamRole) => call<Person>("team_set_role", { id, version, role }),
  removeFromTeam: (id: PersonId, version: number) => call<Person>("team_remove", { id, version }),
  /** A contributor's own assignments (the server shows them no others). */
  myAssignments: () => call<Assignment[]>("my_assignments"),
  getSettings: () => call<Settings>("get_settings"),
  saveUserName: (name: string) => call<Settings>("save_user_name", { name }),
  saveSingleKeyShortcuts: (enabled: boolean) => call<Settings>("save_single_key_shortcuts", { enabled }),
  saveBackupsKept: (kept: number) => call<Settings>("save_backups_kept", { kept }),
  /** Backs up the open file where the user chooses in the native save dialog; null when cancelled. */
  backupDatabase: () => call<BackupMade | null>("backup_database"),
  /** Restores the open file from a backup chosen in the native open dialog; null when cancelled. */
  restoreDatabase: () => call<Restored | null>("restore_database"),
  /** Puts back what the last restore in this window set aside. */
  undoRestore: () => call<Restored>("undo_restore"),
  /** SQLite's checks and Masthead's rules over the open database. */
  checkDatabase: () => call<CheckReport>("check_database"),
  /** The whole database as JSON Lines where the user chooses; null when cancelled. */
  exportEverything: () => call<ExportMade | null>("export_everything"),
  /** An export chosen in the open dialog, read into the open (empty) database; null when cancelled. */
  importExport: () => call<ImportSummary | null>("import_export"),
  listPublications: () => call<Publication[]>("list_publications"),
  createPublication: (input: PublicationInput) => call<Publication>("create_publication", { input }),
  listSections: (publication: PublicationId) => call<Section[]>("list_sections", { publication }),
  addSection: (publication: PublicationId, name: string) => call<Section>("add_section", { publication, name }),
  renameSection: (id: SectionId, version: number, name: string) =>
    call<Section>("rename_section", { id, version, name }),
  listKinds: (publication: PublicationId, withRetired: boolean) =>
    call<Kind[]>("list_kinds", { publication, withRetired }),
  addKind: (publication: PublicationId, name: string) => call<Kind>("add_kind", { publication, name }),
  renameKind: (id: KindId, version: number, name: string) => call<Kind>("rename_kind", { id, version, name }),
  setKindWords: (id: KindId, version: number, words: number | null) =>
    call<Kind>("set_kind_words", { id, version, words }),
  setKindRetired: (id: KindId, version: number, retired: boolean) =>
    call<Kind>("set_kind_retired", { id, version, retired }),
  workflow: (publication: PublicationId) => call<Workflow>("workflow", { publication }),
  listEditions: (publication: PublicationId | null) => call<Edition[]>("list_editions", { publication }),
  getEdition: (id: EditionId) => call<Edition>("get_edition", { id }),
  createEdition: (publication: PublicationId, input: EditionInput) =>
    call<Saved<Edition>>("create_edition", { publication, input }),
  /** A new edition from a previous one: its recurring adverts come over. */
  createEditionFrom: (from: EditionId, input: EditionInput) =>
    call<Saved<Edition>>("create_edition_from", { from, input }),
  /** Saves from `version`, the version the user saw; a newer one is a `conflict`. */
  updateEdition: (id: EditionId, version: number, input: EditionInput) =>
    call<Saved<Edition>>("update_edition", { id, version, input }),
  editionHistory: (id: EditionId) => call<HistoryEntry[]>("edition_history", { id }),
  listArticles: (edition: EditionId) => call<Article[]>("list_articles", { edition }),
  articleDetail: (id: ArticleId) => call<ArticleDetail>("article_detail", { id }),
  addArticle: (edition: EditionId, input: ArticleInput) => call<Article>("add_article", { edition, input }),
  /** Saves from `version`, the version the user saw; a newer one is a `conflict`. */
  updateArticle: (id: ArticleId, version: number, input: ArticleInput) =>
    call<Article>("update_article", { id, version, input }),
  /** After a conflict: the piece as saved now, with the fields changed from `base` set to `mine`. */
  keepMineArticle: (id: ArticleId, base: ArticleInput, mine: ArticleInput) =>
    call<Article>("keep_mine_article", { id, base, mine }),
  changeStatus: (id: ArticleId, version: number, to: StatusId) => call<Article>("change_status", { id, version, to }),
  listContributors: (search: string | null = null) => call<Contributor[]>("list_contributors", { search }),
  addContributor: (input: ContributorInput) => call<Contributor>("add_contributor", { input }),
  contributorDetail: (id: ContributorId) => call<ContributorDetail>("contributor_detail", { id }),
  updateContributor: (id: ContributorId, version: number, input: ContributorInput) =>
    call<Contributor>("update_contributor", { id, version, input }),
  commission: (article: ArticleId, input: AssignmentInput) =>
    call<Saved<Assignment>>("commission", { article, input }),
  /** Adds `person` and offers them the piece, in one step. */
  commissionNewContributor: (article: ArticleId, person: ContributorInput, input: AssignmentInput) =>
    call<Saved<Assignment>>("commission_new_contributor", { article, person, input }),
  updateAssignment: (id: AssignmentId, version: number, input: AssignmentInput) =>
    call<Saved<Assignment>>("update_assignment", { id, version, input }),
  answerAssignment: (id: AssignmentId, version: number, accepted: boolean) =>
    call<Assignment>("answer_assignment", { id, version, accepted }),
  withdrawAssignment: (id: AssignmentId, version: number) =>
    call<Assignment>("withdraw_assignment", { id, version }),
  reassign: (id: AssignmentId, version: number, to: ContributorId) =>
    call<Saved<Assignment>>("reassign", { id, version, to }),
  flatplan: (edition: EditionId) => call<Flatplan>("flatplan", { edition }),
  placeArticle: (article: ArticleId, place: Placement) => call<Flatplan>("place_article", { article, place }),
  placeAdvert: (advert: AdvertId, place: Placement) => call<Flatplan>("place_advert", { advert, place }),
  /** Moves a slot from `version`, the version the user saw. */
  moveSlot: (id: SlotId, version: number, place: Placement) => call<Flatplan>("move_slot", { id, version, place }),
  removeSlot: (id: SlotId, version: number) => call<Flatplan>("remove_slot", { id, version }),
  addAdvert: (edition: EditionId, input: AdvertInput) => call<Advert>("add_advert", { edition, input }),
  listAdverts: (edition: EditionId) => call<Advert[]>("list_adverts", { edition }),
  /** Saves an advert's booking from `version`, the version the user saw. */
  updateAdvert: (id: AdvertId, version: number, input: AdvertInput) =>
    call<Advert>("update_advert", { id, version, input }),
  board: (publication: PublicationId, filter: BoardFilter) => call<Board>("board", { publication, filter }),
  addStatus: (publication: PublicationId, version: number, after: StatusId, input: StatusInput) =>
    call<Workflow>("add_status", { publication, version, after, input }),
  updateStatus: (id: StatusId, version: number, input: StatusInput) =>
    call<Workflow>("update_status", { id, version, input }),
  reorderStatus: (id: StatusId, version: number, position: number) =>
    call<Workflow>("reorder_status", { id, version, position }),
  setStatusRetired: (id: StatusId, version: number, retired: boolean) =>
    call<Workflow>("set_status_retired", { id, version, retired }),
  deleteStatus: (id: StatusId, version: number) => call<Workflow>("delete_status", { id, version }),
  setMove: (from: StatusId, to: StatusId, version: number, allowed: boolean) =>
    call<Workflow>("set_move", { from, to, version, allowed }),
  setInitialStatus: (id: StatusId, version: number) => call<Workflow>("set_initial_status", { id, version }),

  /** Records the file at `path` as the piece's next draft, written by `by` (default: its writer). */
  submitDraft: (article: ArticleId, path: string, by: ContributorId | null) =>
    call<Saved<SubmittedDraft>>("submit_draft", { article, path, by }),
  /** A version's text; the newest when `version` is null. */
  draftText: (article: ArticleId, version: number | null) => call<DraftText>("draft_text", { article, version }),
  draftDiff: (article: ArticleId, from: number, to: number) => call<DraftDiff>("draft_diff", { article, from, to }),
  /** Approves draft `draft` (null: none) from `version`, the piece's version the user saw. */
  approveDraft: (article: ArticleId, version: number, draft: number | null) =>
    call<Article>("approve_draft", { article, version, draft }),
  /** Saves a version where the user chooses in the native save dialog; null when cancelled. */
  exportDraft: (article: ArticleId, draft: number, format: DraftFormat) =>
    call<string | null>("export_draft", { article, draft, format }),
  /** Opens a copy of the file as sent in the system's program for it; returns where the copy is. */
  openDraftOriginal: (article: ArticleId, draft: number) => call<string>("open_draft_original", { article, draft }),

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

  /**
   * Exports an edition's plan through the native save dialog, shown by the
   * app: a PDF (on `paper`, with `parts`) or the run sheet as CSV. Resolves
   * to where it went, or null when the dialog was cancelled.
   */
  exportPlan: (
    edition: EditionId,
    format: ExportFormat,
    paper: Paper,
    parts: PlanPart[],
    colour: ColourBy,
  ) => call<string | null>("export_plan", { edition, format, paper, parts, colour }),
  /** Opens a file exported in this session in the system's program for it. */
  openExport: (path: string) => call<null>("open_export", { path }),

  setWindowTitle: (title: string): Promise<void> => getCurrentWindow().setTitle(title),

  /** Runs `handler` when the team server goes out of reach (a message) and comes back (null). */
  onConnection: (handler: (offline: string | null) => void): Promise<UnlistenFn> =>
    listen<string | null>("db-connection", (event) => handler(event.payload)),

  /** Runs `handler` when the store process of the open file stopped and was started again. */
  onStoreRestarted: (handler: () => void): Promise<UnlistenFn> => listen("db-restarted", () => handler()),

  /** Runs `handler` when another window or the CLI changed the open database. */
  onDatabaseChanged: (handler: () => void): Promise<UnlistenFn> => listen("db-changed", () => handler()),

  /** Runs `handler` with the id of each native menu item the user picks. */
  onMenu: (handler: (id: string) => void): Promise<UnlistenFn> =>
    listen<string>("menu", (event) => handler(event.payload)),

  chooseDatabaseToOpen: async (): Promise<string | null> => {
    const picked = await openDialog({
      title: "Open a Masthead database",
      multiple: false,
      directory: false,
      filters: [{ name: "Masthead database", extensions: ["db", "sqlite", "masthead"] }],
    });
    return typeof picked === "string" ? picked : null;
  },

  chooseNewDatabase: async (): Promise<string | null> => {
    const picked = await saveDialog({
      title: "Create a new Masthead database",
      defaultPath: "masthead.db",
      filters: [{ name: "Masthead database", extensions: ["db"] }],
    });
    return picked ?? null;
  },
};

export type Backend = typeof backend;
