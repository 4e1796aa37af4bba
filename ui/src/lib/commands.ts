// Generated from the Rust by masthead-bindings (`UPDATE_EXPECT=1 cargo test -p masthead-bindings`). Do not edit: change the Rust and regenerate.

import type { Activity, Advert, AdvertId, AdvertInput, Article, ArticleDetail, ArticleId, ArticleInput, Assignment, AssignmentId, AssignmentInput, BackupMade, Board, BoardFilter, Calendar, CalendarExported, CheckReport, ColourBy, Comment, CommentId, Contributor, ContributorDetail, ContributorId, ContributorInput, ContributorLink, Dashboard, DatabaseInfo, DraftDiff, DraftFormat, DraftText, Edition, EditionId, EditionInput, ExportFormat, ExportMade, Flatplan, HistoryEntry, ImportSummary, Invitation, InviteInput, KeyDate, Kind, KindId, NewContributorLink, OfferEmail, Paper, Person, PersonId, Placement, PlanPart, Publication, PublicationId, PublicationInput, Restored, Saved, SearchResults, Section, SectionId, Settings, SlotId, StatusId, StatusInput, SubmittedDraft, TeamRole, TrashId, TrashItem, Workflow } from "./bindings";

/** Calls a command by name with its arguments (the backend's `call`, which turns a refusal into an error). */
export type Call = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;

/** Every command of the app (src-tauri/commands.list), typed from its Rust signature. */
export function commandsVia(call: Call) {
  return {
    databaseInfo: (): Promise<DatabaseInfo> => call("database_info"),
    newDatabase: (path: string): Promise<DatabaseInfo> => call("new_database", { path }),
    openDatabase: (path: string): Promise<DatabaseInfo> => call("open_database", { path }),
    /** Connects to a team server; `remember` keeps the password in ~/.pgpass. */
    connectServer: (url: string, password: string | null, remember: boolean): Promise<DatabaseInfo> => call("connect_server", { url, password, remember }),
    teamList: (): Promise<Person[]> => call("team_list"),
    teamInvite: (input: InviteInput): Promise<Invitation> => call("team_invite", { input }),
    teamSetRole: (id: PersonId, version: number, role: TeamRole): Promise<Person> => call("team_set_role", { id, version, role }),
    teamRemove: (id: PersonId, version: number): Promise<Person> => call("team_remove", { id, version }),
    /** The signed-in member's own assignments (on a server a contributor can read no others anyway). */
    myAssignments: (): Promise<Assignment[]> => call("my_assignments"),
    loadDemo: (): Promise<EditionId> => call("load_demo"),
    /** The locale the window writes dates, numbers and money in, as a tag (`en-GB`): the one the PDF follows, from the same environment (C and POSIX give the unambiguous fallback). */
    appLocale: (): Promise<string> => call("app_locale"),
    /** Help › About: "0.1.0 (commit 0a40db12ad45)", what `masthead --version` says. */
    appVersion: (): Promise<string> => call("app_version"),
    /** The databases launches named that the window has still to open (a double-click on a file while Masthead runs; a server named at start that wants a password), oldest first; each is handed out once. */
    takeOpenLocations: (): Promise<string[]> => call("take_open_locations"),
    getSettings: (): Promise<Settings> => call("get_settings"),
    saveUserName: (name: string): Promise<Settings> => call("save_user_name", { name }),
    saveSingleKeyShortcuts: (enabled: boolean): Promise<Settings> => call("save_single_key_shortcuts", { enabled }),
    saveBackupsKept: (kept: number): Promise<Settings> => call("save_backups_kept", { kept }),
    /** Settings › Contributors' page: its address and how long links last. */
    saveContributorPage: (url: string, days: number): Promise<Settings> => call("save_contributor_page", { url, days }),
    /** File › Back up…: a backup of the open file where the user chooses in the native save dialog (shown from here, so the page never names a path to write), taken by the store process with SQLite's backup API. Nothing when the dialog was cancelled. */
    backupDatabase: (): Promise<BackupMade | null> => call("backup_database"),
    /** File › Restore from backup…: the backup chosen in the native open dialog (in the daily backups' folder) replaces the open file's contents; what it held is set aside beside it first. Nothing when the dialog was cancelled. */
    restoreDatabase: (): Promise<Restored | null> => call("restore_database"),
    /** Undo of the last restore in this window: what it set aside is restored (and what the restore brought is set aside in its turn, never deleted). */
    undoRestore: (): Promise<Restored> => call("undo_restore"),
    /** Settings › Check the database: SQLite's checks and Masthead's rules. */
    checkDatabase: (): Promise<CheckReport> => call("check_database"),
    /** Settings › Export everything…: the whole database as JSON Lines where the user chooses in the native save dialog. Nothing when cancelled. */
    exportEverything: (): Promise<ExportMade | null> => call("export_everything"),
    /** Settings › Import an export…: an export chosen in the native open dialog, read into the open database, which must be empty. Nothing when cancelled. */
    importExport: (): Promise<ImportSummary | null> => call("import_export"),
    listPublications: (): Promise<Publication[]> => call("list_publications"),
    createPublication: (input: PublicationInput): Promise<Publication> => call("create_publication", { input }),
    listSections: (publication: PublicationId): Promise<Section[]> => call("list_sections", { publication }),
    addSection: (publication: PublicationId, name: string): Promise<Section> => call("add_section", { publication, name }),
    renameSection: (id: SectionId, version: number, name: string): Promise<Section> => call("rename_section", { id, version, name }),
    workflow: (publication: PublicationId): Promise<Workflow> => call("workflow", { publication }),
    listEditions: (publication: PublicationId | null): Promise<Edition[]> => call("list_editions", { publication }),
    getEdition: (id: EditionId): Promise<Edition> => call("get_edition", { id }),
    createEdition: (publication: PublicationId, input: EditionInput): Promise<Saved<Edition>> => call("create_edition", { publication, input }),
    updateEdition: (id: EditionId, version: number, input: EditionInput): Promise<Saved<Edition>> => call("update_edition", { id, version, input }),
    editionHistory: (id: EditionId): Promise<HistoryEntry[]> => call("edition_history", { id }),
    listArticles: (edition: EditionId): Promise<Article[]> => call("list_articles", { edition }),
    articleDetail: (id: ArticleId): Promise<ArticleDetail> => call("article_detail", { id }),
    addArticle: (edition: EditionId, input: ArticleInput): Promise<Article> => call("add_article", { edition, input }),
    updateArticle: (id: ArticleId, version: number, input: ArticleInput): Promise<Article> => call("update_article", { id, version, input }),
    /** "Keep mine" after a conflict: the piece as saved now with the fields this user changed from `base` set to hers (`mine`), in one save. */
    keepMineArticle: (id: ArticleId, base: ArticleInput, mine: ArticleInput): Promise<Article> => call("keep_mine_article", { id, base, mine }),
    /** Moves a piece from the version the user saw. The saved move is the reply's success; the detail read after it is a separate call, so a failed refresh is never mistaken for a failed move. */
    changeStatus: (id: ArticleId, version: number, to: StatusId): Promise<Article> => call("change_status", { id, version, to }),
    listContributors: (search: string | null): Promise<Contributor[]> => call("list_contributors", { search }),
    addContributor: (input: ContributorInput): Promise<Contributor> => call("add_contributor", { input }),
    listKinds: (publication: PublicationId, withRetired: boolean): Promise<Kind[]> => call("list_kinds", { publication, withRetired }),
    addKind: (publication: PublicationId, name: string): Promise<Kind> => call("add_kind", { publication, name }),
    renameKind: (id: KindId, version: number, name: string): Promise<Kind> => call("rename_kind", { id, version, name }),
    setKindRetired: (id: KindId, version: number, retired: boolean): Promise<Kind> => call("set_kind_retired", { id, version, retired }),
    contributorDetail: (id: ContributorId): Promise<ContributorDetail> => call("contributor_detail", { id }),
    /** Copy contributor link: a new link to the contributor's page (lasting the days set in Settings, under the page's address set there). */
    contributorLink: (contributor: ContributorId): Promise<NewContributorLink> => call("contributor_link", { contributor }),
    /** Revoke link: every link of the contributor's stops working at once. */
    revokeContributorLinks: (contributor: ContributorId): Promise<number> => call("revoke_contributor_links", { contributor }),
    /** The contributor's links not revoked (when each was made, by whom, until when). */
    contributorLinks: (contributor: ContributorId): Promise<ContributorLink[]> => call("contributor_links", { contributor }),
    /** Email offer…: the offer with a new link, opened in the editor's own mail program (a `mailto:` address; nothing is sent from Masthead). */
    emailOffer: (id: AssignmentId, version: number): Promise<OfferEmail> => call("email_offer", { id, version }),
    updateContributor: (id: ContributorId, version: number, input: ContributorInput): Promise<Contributor> => call("update_contributor", { id, version, input }),
    commission: (article: ArticleId, input: AssignmentInput): Promise<Saved<Assignment>> => call("commission", { article, input }),
    updateAssignment: (id: AssignmentId, version: number, input: AssignmentInput): Promise<Saved<Assignment>> => call("update_assignment", { id, version, input }),
    answerAssignment: (id: AssignmentId, version: number, accepted: boolean): Promise<Assignment> => call("answer_assignment", { id, version, accepted }),
    withdrawAssignment: (id: AssignmentId, version: number): Promise<Assignment> => call("withdraw_assignment", { id, version }),
    reassign: (id: AssignmentId, version: number, to: ContributorId): Promise<Saved<Assignment>> => call("reassign", { id, version, to }),
    board: (publication: PublicationId, filter: BoardFilter): Promise<Board> => call("board", { publication, filter }),
    /** The editor's desk of a publication, as of today where the user is. */
    dashboard: (publication: PublicationId): Promise<Dashboard> => call("dashboard", { publication }),
    /** What others changed in a publication since the user last looked. */
    activity: (publication: PublicationId): Promise<Activity> => call("activity", { publication }),
    /** Marks what the user was shown as seen, up to the newest change set shown. */
    markSeen: (publication: PublicationId, upto: string): Promise<null> => call("mark_seen", { publication, upto }),
    /** The pieces of a publication that hold every word of `query`, best first, grouped by edition. */
    search: (publication: PublicationId, query: string): Promise<SearchResults> => call("search", { publication, query }),
    addStatus: (publication: PublicationId, version: number, after: StatusId, input: StatusInput): Promise<Workflow> => call("add_status", { publication, version, after, input }),
    updateStatus: (id: StatusId, version: number, input: StatusInput): Promise<Workflow> => call("update_status", { id, version, input }),
    reorderStatus: (id: StatusId, version: number, position: number): Promise<Workflow> => call("reorder_status", { id, version, position }),
    setStatusRetired: (id: StatusId, version: number, retired: boolean): Promise<Workflow> => call("set_status_retired", { id, version, retired }),
    deleteStatus: (id: StatusId, version: number): Promise<Workflow> => call("delete_status", { id, version }),
    setMove: (from: StatusId, to: StatusId, version: number, allowed: boolean): Promise<Workflow> => call("set_move", { from, to, version, allowed }),
    setInitialStatus: (id: StatusId, version: number): Promise<Workflow> => call("set_initial_status", { id, version }),
    commissionNewContributor: (article: ArticleId, person: ContributorInput, input: AssignmentInput): Promise<Saved<Assignment>> => call("commission_new_contributor", { article, person, input }),
    flatplan: (edition: EditionId): Promise<Flatplan> => call("flatplan", { edition }),
    placeArticle: (article: ArticleId, place: Placement): Promise<Flatplan> => call("place_article", { article, place }),
    placeAdvert: (advert: AdvertId, place: Placement): Promise<Flatplan> => call("place_advert", { advert, place }),
    moveSlot: (id: SlotId, version: number, place: Placement): Promise<Flatplan> => call("move_slot", { id, version, place }),
    removeSlot: (id: SlotId, version: number): Promise<Flatplan> => call("remove_slot", { id, version }),
    addAdvert: (edition: EditionId, input: AdvertInput): Promise<Advert> => call("add_advert", { edition, input }),
    setKindWords: (id: KindId, version: number, words: number | null): Promise<Kind> => call("set_kind_words", { id, version, words }),
    createEditionFrom: (from: EditionId, input: EditionInput): Promise<Saved<Edition>> => call("create_edition_from", { from, input }),
    updateAdvert: (id: AdvertId, version: number, input: AdvertInput): Promise<Advert> => call("update_advert", { id, version, input }),
    listAdverts: (edition: EditionId): Promise<Advert[]> => call("list_adverts", { edition }),
    /** Records the file at `path` (chosen in the open dialog, or dropped on the piece) as its next draft, written by `by` (default: its writer). The file is read and turned into text before the store is taken, so other commands (and other windows' refreshes) do not wait on a large file. */
    submitDraft: (article: ArticleId, path: string, by: ContributorId | null): Promise<Saved<SubmittedDraft>> => call("submit_draft", { article, path, by }),
    draftText: (article: ArticleId, version: number | null): Promise<DraftText> => call("draft_text", { article, version }),
    /** Two versions compared word by word; the texts are read under the store's lock, the comparison runs after it is let go. */
    draftDiff: (article: ArticleId, from: number, to: number): Promise<DraftDiff> => call("draft_diff", { article, from, to }),
    /** Marks `draft` (a version number, or none) as the approved copy, from `version`, the piece's version the user saw. */
    approveDraft: (article: ArticleId, version: number, draft: number | null): Promise<Article> => call("approve_draft", { article, version, draft }),
    /** Saves a version where the user chooses in the native save dialog, shown from here (the page never names a path to write): the file as sent, or its text. Returns where it went, or nothing when the dialog was cancelled. */
    exportDraft: (article: ArticleId, draft: number, format: DraftFormat): Promise<string | null> => call("export_draft", { article, draft, format }),
    /** Opens the file a version was submitted as in the program the system uses for its type (Word, LibreOffice, a text editor), from a copy in the user's own cache folder, new each time: the stored draft itself is never touched, and no earlier copy is overwritten. */
    openDraftOriginal: (article: ArticleId, draft: number): Promise<string> => call("open_draft_original", { article, draft }),
    /** Markdown (a brief as it is typed, a draft's text) as the HTML the app shows, rendered by the core (`masthead_text::markdown_html`: none of the text's own HTML, links written out and never followed), on a worker thread and away from the store. Views never build HTML themselves. */
    renderMarkdown: (text: string): Promise<string> => call("render_markdown", { text }),
    /** Exports an edition's plan: the PDF (`pdf`, on `paper` with `parts`) or the run sheet as CSV (`csv`). The save dialog, shown from here over the main window, suggests a name such as `PSE-Feb-Mar-21-plan.pdf`; once a file is chosen the plan is read (under the store's lock) and laid out on a blocking thread after the lock is let go. Returns where the file went, or nothing when the dialog was cancelled. */
    exportPlan: (edition: EditionId, format: ExportFormat, paper: Paper, parts: PlanPart[], colour: ColourBy): Promise<string | null> => call("export_plan", { edition, format, paper, parts, colour }),
    /** Opens a file this window exported (and only such a file) in the desktop's program for it. */
    openExport: (path: string): Promise<null> => call("open_export", { path }),
    deleteArticle: (id: ArticleId, version: number): Promise<Saved<TrashItem>> => call("delete_article", { id, version }),
    deleteEdition: (id: EditionId, version: number): Promise<Saved<TrashItem>> => call("delete_edition", { id, version }),
    deleteContributor: (id: ContributorId, version: number): Promise<Saved<TrashItem>> => call("delete_contributor", { id, version }),
    deleteAdvert: (id: AdvertId, version: number): Promise<Saved<TrashItem>> => call("delete_advert", { id, version }),
    trash: (publication: PublicationId): Promise<TrashItem[]> => call("trash", { publication }),
    restoreFromTrash: (id: TrashId): Promise<Saved<TrashItem>> => call("restore_from_trash", { id }),
    /** Empties the entries the user was shown (`seen`) and agreed to empty. */
    emptyTrash: (publication: PublicationId, seen: TrashId[]): Promise<number> => call("empty_trash", { publication, seen }),
    calendar: (publication: PublicationId, from: string, to: string): Promise<Calendar> => call("calendar", { publication, from, to }),
    rescheduleDue: (id: AssignmentId, version: number, date: string): Promise<Saved<Assignment>> => call("reschedule_due", { id, version, date }),
    rescheduleKeyDate: (id: EditionId, version: number, key: KeyDate, date: string): Promise<Saved<Edition>> => call("reschedule_key_date", { id, version, key, date }),
    /** Calendar › Export…: the save dialog (over the main window) suggests `PSE-deadlines.ics`; the deadlines are read once a file is chosen. Where the file went and how many events it holds, or nothing when the dialog was cancelled. */
    exportCalendar: (publication: PublicationId): Promise<CalendarExported | null> => call("export_calendar", { publication }),
    /** Comments on the piece, as the user. */
    addComment: (article: ArticleId, body: string): Promise<Comment> => call("add_comment", { article, body }),
    /** The user changes their own comment, from the version shown. */
    editComment: (id: CommentId, version: number, body: string): Promise<Comment> => call("edit_comment", { id, version, body }),
    /** The user moves their own comment to the trash. */
    deleteComment: (id: CommentId, version: number): Promise<Saved<TrashItem>> => call("delete_comment", { id, version }),
    /** A piece's comments, oldest first (a contributor's: those of her pieces). */
    comments: (article: ArticleId): Promise<Comment[]> => call("comments", { article }),
  };
}
