// Generated from the Rust by masthead-bindings (`UPDATE_EXPECT=1 cargo test -p masthead-bindings`). Do not edit: change the Rust and regenerate.

export type PublicationId = string;

export type EditionId = string;

export type ArticleId = string;

export type SectionId = string;

export type StatusId = string;

export type ContributorId = string;

export type AssignmentId = string;

export type HistoryId = string;

export type KindId = string;

export type ChangeSetId = string;

export type LinkId = string;

export type PersonId = string;

export type TeamRole = "editor" | "contributor";

export type Person = { id: PersonId, name: string, email: string | null, role: TeamRole, 
/**
 * The server login they sign in with.
 */
login: string | null, 
/**
 * Their entry in the contributors directory (a contributor's always).
 */
contributor_id: ContributorId | null, created_at: string, version: number, };

export type InviteInput = { name: string, email: string, role: TeamRole, };

export type Invitation = { person: Person, login: string, password: string, 
/**
 * The address to connect to, with the login and without the password.
 */
url: string, };

export type Publication = { id: PublicationId, name: string, frequency: string, 
/**
 * Print editions get a warning when the page count is not a multiple of 4.
 */
is_print: boolean, edition_count: number, version: number, };

export type PublicationInput = { name: string, frequency: string, is_print: boolean, };

export type Section = { id: SectionId, publication_id: PublicationId, name: string, position: number, version: number, };

export type Edition = { id: EditionId, publication_id: PublicationId, publication: string, name: string, theme: string, focus_topics: Array<string>, cover_date: string | null, page_count: number, commissioning_closes: string | null, copy_deadline: string | null, subbing_deadline: string | null, press_date: string | null, on_sale_date: string | null, notes: string, 
/**
 * Pieces in the edition's workflow: every piece not deleted and not
 * spiked. Every face shows this number as the edition's pieces.
 */
article_count: number, 
/**
 * Spiked pieces, shown beside the count ("10 pieces · 1 spiked").
 */
spiked_count: number, created_at: string, updated_at: string, version: number, };

export type EditionInput = { name: string, theme: string, focus_topics: Array<string>, cover_date: string | null, page_count: number, commissioning_closes: string | null, copy_deadline: string | null, subbing_deadline: string | null, press_date: string | null, on_sale_date: string | null, notes: string, };

export type Kind = { id: KindId, publication_id: PublicationId, 
/**
 * Stable, derived from the first name: `case_study`, `white_paper`.
 */
key: string, label: string, position: number, retired: boolean, 
/**
 * Copyfit: how many words fill a page of this kind.
 */
words_per_page: number | null, version: number, };

export type Status = { id: StatusId, key: string, label: string, position: number, 
/**
 * A token of the status palette (`palette::STATUS_COLOURS`).
 */
colour: string, 
/**
 * Where a new piece starts; one per workflow.
 */
is_initial: boolean, 
/**
 * Dropped: kept for the record, off the flatplan.
 */
is_spiked: boolean, 
/**
 * The end of the workflow: nothing moves on from here.
 */
is_final: boolean, 
/**
 * Where a piece goes when its draft arrives; an assignment's due date
 * is the deadline for reaching it.
 */
receives_drafts: boolean, 
/**
 * When a piece must have reached this status, worked out from its
 * edition's key dates.
 */
deadline: StatusDeadline | null, 
/**
 * Retired: kept for its history and the pieces still in it, not offered.
 */
retired: boolean, };

export type KeyDate = "commissioning_closes" | "copy_deadline" | "subbing_deadline" | "press_date" | "on_sale_date";

export type StatusDeadline = { key_date: KeyDate, 
/**
 * Days before the key date (0 = on it; never negative).
 */
days_before: number, };

export type StatusInput = { label: string, colour: string, is_final: boolean, is_spiked: boolean, receives_drafts: boolean, deadline: StatusDeadline | null, };

export type Workflow = { publication_id: PublicationId, 
/**
 * Goes up with every change to the statuses or moves; a change made
 * from an older version is a conflict.
 */
version: number, 
/**
 * In order, retired ones included (marked `retired`).
 */
statuses: Array<Status>, transitions: Array<Transition>, };

export type Transition = { from: StatusId, to: StatusId, };

export type Article = { id: ArticleId, edition_id: EditionId, title: string, slug: string, standfirst: string, section_id: SectionId | null, section: string | null, kind_id: KindId, 
/**
 * The kind's key, such as `case_study`.
 */
kind: string, kind_label: string, word_target: number | null, status_id: StatusId, status: string, status_label: string, status_colour: string, status_is_spiked: boolean, status_is_final: boolean, 
/**
 * Names of the contributors the piece is assigned to, in order.
 */
contributors: Array<string>, 
/**
 * Everyone offered, assigned or who declined, writers first, with
 * their role and answer.
 */
credits: Array<Credit>, 
/**
 * The earliest due date of its writers' offered or accepted assignments.
 */
writer_due: string | null, 
/**
 * Its next deadline, from the workflow and the edition's dates (or the
 * writer's due date). Filled by the reads that list or show pieces.
 */
deadline: NextDeadline | null, 
/**
 * The words of its copy against the target, once a draft is in.
 */
copy: WordCount | null, 
/**
 * How many draft versions it has.
 */
drafts: number, notes: string, created_at: string, updated_at: string, version: number, };

export type ArticleInput = { title: string, standfirst: string, section_id: SectionId | null, kind_id: KindId, word_target: number | null, notes: string, };

export type ArticleDetail = { article: Article, 
/**
 * Everyone asked to work on the piece, newest first, answered or not.
 */
assignments: Array<Assignment>, 
/**
 * The next deadline, from the workflow or an assignment's due date.
 */
deadline: NextDeadline | null, 
/**
 * The statuses the piece may move to next, in workflow order.
 */
next_statuses: Array<Status>, 
/**
 * Every draft version, newest first (facts only, no text).
 */
drafts: Array<Draft>, history: Array<HistoryEntry>, 
/**
 * The comments on it, oldest first (none on a contributor's login).
 */
comments: Array<Comment>, };

export type ContributorKind = "staff" | "freelance";

export type Contributor = { id: ContributorId, name: string, role: string, organisation: string, email: string | null, phone: string, kind: ContributorKind, notes: string, 
/**
 * Offered or accepted assignments now.
 */
active_assignments: number, version: number, };

export type ContributorInput = { name: string, role: string, organisation: string, email: string | null, phone: string, kind: ContributorKind, notes: string, };

export type ContributorDetail = { contributor: Contributor, 
/**
 * Newest first.
 */
assignments: Array<Assignment>, history: Array<HistoryEntry>, };

export type ContributorLink = { id: LinkId, contributor_id: ContributorId, created_by: string, created_at: string, expires_at: string, revoked_by: string | null, revoked_at: string | null, };

export type NewContributorLink = { link: ContributorLink, contributor: string, email: string | null, 
/**
 * The secret part of the address.
 */
token: string, 
/**
 * `/l/TOKEN`, under the page's public address.
 */
path: string, 
/**
 * The whole address, when the page's public address is known.
 */
url: string | null, };

export type OfferEmail = { 
/**
 * The link made for it (a new one each time).
 */
link: NewContributorLink, subject: string, body: string, 
/**
 * `mailto:` with her address, the subject and the body.
 */
mailto: string, };

export type AssignmentState = "offered" | "accepted" | "declined" | "withdrawn";

export type Credit = { name: string, role: string, state: AssignmentState, };

export type Assignment = { id: AssignmentId, article_id: ArticleId, article_title: string, edition_id: EditionId, edition: string, contributor_id: ContributorId, contributor: string, 
/**
 * writer, photographer, interviewee…
 */
role: string, 
/**
 * Markdown.
 */
brief: string, word_target: number | null, due_date: string | null, 
/**
 * Minor units (pence); `fee_currency` says which.
 */
fee_minor: number | null, fee_currency: string | null, 
/**
 * The fee as a person writes it: "350.00".
 */
fee: string | null, state: AssignmentState, answered_at: string | null, created_at: string, 
/**
 * Versions of the piece this assignment's contributor sent for it.
 */
drafts: number, 
/**
 * Their version numbers, newest first, to read them again.
 */
draft_versions: Array<number>, 
/**
 * The words of the newest of those versions.
 */
latest_words: number | null, version: number, };

export type AssignmentInput = { contributor_id: ContributorId, role: string, brief: string, word_target: number | null, due_date: string | null, fee: string | null, currency: string | null, };

export type NextDeadline = { date: string, 
/**
 * The status the piece must reach by then ("Draft received").
 */
status_label: string, 
/**
 * The date is an assignment's due date, not the workflow's.
 */
from_assignment: boolean, overdue: boolean, };

export type BoardCard = { id: ArticleId, edition_id: EditionId, edition: string, title: string, section_id: SectionId | null, section: string | null, kind_id: KindId, kind_label: string, status_id: StatusId, 
/**
 * Active contributors (offered or accepted), writers first.
 */
contributors: Array<string>, 
/**
 * The same people with their role and whether they have accepted, so
 * that an open offer never looks like a confirmed writer.
 */
credits: Array<Credit>, word_target: number | null, 
/**
 * The words of its copy against the target, once a draft is in.
 */
copy: WordCount | null, deadline: NextDeadline | null, 
/**
 * Has a declined or withdrawn writer and no active one.
 */
needs_writer: boolean, version: number, };

export type Dashboard = { 
/**
 * The date "overdue" and "this week" were worked out against.
 */
today: string, 
/**
 * Pieces past their next deadline, the most overdue first.
 */
overdue: Array<BoardCard>, 
/**
 * Pieces whose next deadline is today or in the six days after.
 */
this_week: Array<BoardCard>, 
/**
 * Offers unanswered for more than [`OFFER_WAIT_DAYS`], oldest first.
 */
waiting: Array<WaitingOffer>, 
/**
 * Pieces whose copy is more than 10% over or under its target.
 */
off_target: Array<BoardCard>, 
/**
 * Editions not yet on sale, soonest to press first.
 */
editions: Array<EditionProgress>, 
/**
 * Their adverts still to chase: pencilled, or booked with no artwork.
 */
adverts: Array<Advert>, 
/**
 * The status whose pieces, and those past it, count as done (its
 * label): Approved when the workflow has it, else none (then only
 * its final statuses count).
 */
done_from: string | null, };

export type WaitingOffer = { 
/**
 * The assignment.
 */
id: AssignmentId, article_id: ArticleId, article_title: string, edition_id: EditionId, edition: string, contributor_id: ContributorId, contributor: string, role: string, 
/**
 * When it was offered.
 */
created_at: string, };

export type EditionProgress = { edition: Edition, 
/**
 * Pieces at or past the workflow's "done" point: its Approved status
 * when it has one, else its final statuses.
 */
done: number, 
/**
 * The words of those pieces' copy.
 */
done_words: number, };

export type Activity = { 
/**
 * When the reader last marked changes seen; none yet: the last
 * [`ACTIVITY_FIRST_DAYS`] days are shown.
 */
since: string | null, sets: Array<ActivitySet>, 
/**
 * There were more than [`ACTIVITY_LIMIT`] change sets.
 */
more: boolean, 
/**
 * Comments by others that mention the reader ("@Name"), newest first,
 * since the same mark.
 */
mentions: Array<Mention>, };

export type ActivitySet = { id: ChangeSetId, at: string, actor: string, edition: string | null, lines: Array<ActivityLine>, };

export type ActivityLine = { 
/**
 * The piece's title (or the record's name) when the change is about one.
 */
about: string | null, article_id: ArticleId | null, 
/**
 * The change in words: "moved it from Idea to Commissioned".
 */
text: string, };

export type TrashId = string;

export type CommentId = string;

export type Comment = { id: CommentId, article_id: ArticleId, 
/**
 * Who wrote it, by the name history records.
 */
author: string, body: string, created_at: string, 
/**
 * When its author last changed it (shown as "edited"); none if never.
 */
edited_at: string | null, version: number, };

export type Mention = { comment: Comment, article_title: string, edition: string, };

export type EventKind = "key_date" | "due" | "status";

export type CalendarEvent = { 
/**
 * Stable across reads and exports: `due-<assignment>`,
 * `key-<edition>-<key date>`, `status-<piece>`.
 */
uid: string, date: string, kind: EventKind, 
/**
 * The piece's title, or the edition's name for a key date.
 */
title: string, 
/**
 * What falls due: "Copy deadline", "Hannah Okafor's draft",
 * "Subbed by then".
 */
what: string, edition_id: EditionId, edition: string, article_id: ArticleId | null, assignment_id: AssignmentId | null, contributor_id: ContributorId | null, key_date: KeyDate | null, 
/**
 * The version a move is made from (the assignment's or the edition's).
 */
version: number | null, overdue: boolean, };

export type Calendar = { from: string, to: string, today: string, events: Array<CalendarEvent>, undated: Array<UndatedPiece>, };

export type UndatedPiece = { id: ArticleId, title: string, edition_id: EditionId, edition: string, };

export type CalendarExported = { path: string, events: number, };

export type TrashKind = "article" | "edition" | "contributor" | "advert" | "comment";

export type TrashItem = { id: TrashId, kind: TrashKind, 
/**
 * The piece's, edition's, contributor's or advert's own id.
 */
entity_id: string, 
/**
 * Its title or name when it was deleted.
 */
label: string, 
/**
 * The edition it was in (a piece, an advert), or the piece a comment
 * was on.
 */
edition: string | null, deleted_at: string, deleted_by: string, };

export type SearchResults = { 
/**
 * The words searched for, as the search read them.
 */
words: Array<string>, groups: Array<SearchGroup>, 
/**
 * Pieces found, in all groups.
 */
total: number, 
/**
 * More pieces matched than a search returns ([`SEARCH_LIMIT`]).
 */
more: boolean, };

export type SearchGroup = { edition_id: EditionId, edition: string, hits: Array<SearchHit>, };

export type SearchHit = { article_id: ArticleId, title: string, 
/**
 * The label of its status.
 */
status: string, 
/**
 * Where its best match is.
 */
found_in: FoundIn, 
/**
 * The draft's version, when found in a draft.
 */
version: number | null, 
/**
 * A few words around the match, the matching words marked.
 */
excerpt: Array<Fragment>, };

export type FoundIn = "piece" | "notes" | "brief" | "draft" | "comment";

export type Fragment = { text: string, hit: boolean, };

export type AdvertId = string;

export type SlotId = string;

export type AdvertSize = "full" | "half" | "third" | "quarter" | "spread";

export type AdvertState = "pencilled" | "booked" | "artwork";

export type Advert = { id: AdvertId, edition_id: EditionId, advertiser: string, size: AdvertSize, state: AdvertState, 
/**
 * A position request: "right-hand page", "facing matter".
 */
position: string, notes: string, 
/**
 * On the flatplan already.
 */
placed: boolean, version: number, };

export type AdvertInput = { advertiser: string, size: AdvertSize, state: AdvertState, position: string, notes: string, };

export type Placement = { first_page: number, last_page: number, part_units: number, part_offset: number | null, };

export type Slot = { id: SlotId, edition_id: EditionId, article_id: ArticleId | null, advert_id: AdvertId | null, first_page: number, last_page: number, part_offset: number, part_units: number, 
/**
 * The piece's title or the advertiser.
 */
label: string, section: string | null, 
/**
 * The piece's status (adverts have none).
 */
status_id: StatusId | null, status_label: string | null, status_colour: string | null, 
/**
 * Words a full page of the piece's kind holds.
 */
words_per_page: number | null, word_target: number | null, 
/**
 * Words the slot holds: its pages × the kind's words per page.
 */
fits_words: number | null, 
/**
 * The words of the piece's copy, once a draft is in.
 */
copy: WordCount | null, 
/**
 * The slot holds more than 10% more or fewer words than the copy has
 * (or, before any draft, than the target).
 */
copyfit_off: boolean, version: number, };

export type FlatplanPage = { number: number, 
/**
 * "Front cover", "Inside front cover", … for the covers.
 */
name: string | null, slots: Array<SlotId>, 
/**
 * Twelfths of the page still free.
 */
free_units: number, };

export type PageBudget = { pages: number, editorial: number, advertising: number, free: number, };

export type Flatplan = { edition_id: EditionId, page_count: number, 
/**
 * Goes up with every change to the flatplan.
 */
version: number, pages: Array<FlatplanPage>, slots: Array<Slot>, 
/**
 * Live pieces not on the flatplan (spiked ones are never placed).
 */
unplaced_articles: Array<Article>, unplaced_adverts: Array<Advert>, budget: PageBudget, };

export type DraftId = string;

export type WordCount = { words: number, target: number | null, 
/**
 * How far off the target, in whole percent (+5, −12), when there is one.
 */
percent: number | null, 
/**
 * More than 10% over or under the target.
 */
off: boolean, 
/**
 * The draft version counted.
 */
version: number, 
/**
 * That version is the approved copy.
 */
approved: boolean, };

export type Draft = { id: DraftId, article_id: ArticleId, 
/**
 * 1 for the piece's first draft, then 2, 3…
 */
version: number, 
/**
 * The commission it answers.
 */
assignment_id: AssignmentId | null, 
/**
 * Who wrote it.
 */
contributor_id: ContributorId | null, contributor: string | null, 
/**
 * Who recorded it in Masthead.
 */
recorded_by: string, submitted_at: string, file_name: string, media_type: string, size: number, sha256: string, words: number, 
/**
 * This version is the piece's approved copy.
 */
approved: boolean, };

export type DraftText = { draft: Draft, 
/**
 * Plain text, blocks separated by a blank line (what is counted).
 */
text: string, 
/**
 * The same as Markdown (headings, lists, links, notes kept); a face
 * shows it through `masthead_text::markdown_html`.
 */
markdown: string, };

export type DiffTag = "same" | "added" | "removed";

export type DiffPart = { tag: DiffTag, text: string, };

export type DraftDiff = { from: Draft, to: Draft, parts: Array<DiffPart>, words_added: number, words_removed: number, };

export type SubmittedDraft = { draft: Draft, count: WordCount, 
/**
 * The piece's status before and after, when the draft moved it.
 */
moved_from: string | null, moved_to: string | null, };

export type DraftFormat = "original" | "text" | "markdown";

export type BoardFilter = { edition_id: EditionId | null, section_id: SectionId | null, kind_id: KindId | null, contributor_id: ContributorId | null, overdue_only: boolean, };

export type Board = { workflow: Workflow, cards: Array<BoardCard>, 
/**
 * The date "overdue" was worked out against.
 */
today: string, };

export type HistoryEntry = { id: HistoryId, change_set_id: ChangeSetId, at: string, actor: string, 
/**
 * `publication`, `section`, `edition`, `article`, `contributor`,
 * `assignment` or `kind`.
 */
entity: string, entity_id: string, 
/**
 * The record's version after this change.
 */
version: number | null, 
/**
 * `created`, `updated`, `status`, `retired`, `restored` or `deleted`.
 */
action: string, field: string | null, 
/**
 * The words shown for the old and new values.
 */
old_value: string | null, new_value: string | null, 
/**
 * The stable ids behind those words, where the value names a record
 * (a status, a section, a kind).
 */
old_ref: string | null, new_ref: string | null, 
/**
 * Who or what the line is about when it is not the record itself
 * (the contributor of an assignment).
 */
subject: string | null, 
/**
 * The change in words ("moved it from Idea to Commissioned"), the same
 * sentence in the app and the CLI.
 */
text: string, };

export type Conflict = { 
/**
 * `edition`, `article`, `section`, `kind`, `publication`.
 */
entity: string, entity_id: string, 
/**
 * How the user knows the record: its name or title.
 */
name: string, seen_version: number, current_version: number, changes: Array<HistoryEntry>, };

export type Warning = { code: string, field: string | null, message: string, };

export type Saved<T> = { item: T, warnings: Array<Warning>, };

export type DatabaseInfo = { 
/**
 * A file's path, or a team server's address (without the password).
 */
path: string, schema_version: number, is_empty: boolean, has_demo: boolean, 
/**
 * A team server rather than a file.
 */
server: boolean, 
/**
 * On a team server, the team member signed in (none for its owner).
 */
member: Person | null, };

export type Settings = { 
/**
 * The name recorded as "who" in the history; empty means the OS account.
 */
user_name: string, 
/**
 * The database the app opened last.
 */
last_database: string | null, 
/**
 * Shortcuts of one character key (N, J, K, ?, G E…). People who use
 * speech input or who type by accident can turn them off (WCAG 2.1.4);
 * shortcuts with Ctrl and Esc stay.
 */
single_key_shortcuts: boolean, 
/**
 * How many daily backups of each database the app keeps (0: none taken).
 */
backups_kept: number, 
/**
 * How many days a new contributor link lasts.
 */
link_days: number, 
/**
 * Where contributors reach `masthead-serve` (its `--public-url`), to
 * give whole links; none until someone sets it.
 */
contributor_page_url: string | null, };

export type BackupMade = { path: string, bytes: number, };

export type Restored = { from: string, set_aside: string, };

export type ExportMade = { path: string, rows: number, bytes: number, };

export type ExportFormat = "pdf" | "csv";

export type Paper = "a4" | "letter";

export type ColourBy = "status" | "section";

export type PlanPart = "cover" | "runsheet" | "flatplan" | "deadlines";

export type CheckProblem = { 
/**
 * A stable code: `integrity`, `status_of_another_publication`,
 * `draft_without_contents`, `history_of_nothing`,
 * `change_set_of_nothing`, `slots_overlap`, `slot_off_the_pages`.
 */
code: string, problem: string, what_to_do: string, };

export type CheckReport = { database: string, 
/**
 * The checks run, in words.
 */
checked: Array<string>, problems: Array<CheckProblem>, };

export type ImportSummary = { from: string, to: string, tables: [string, number][], };

export type ErrorPayload = { code: string, message: string, field: string | null, 
/**
 * With `code` "conflict": what the user saw and what changed since.
 */
conflict: Conflict | null, };

/** The status palette's tokens (see status-palette.css). */
export const STATUS_COLOUR_TOKENS: ReadonlyArray<string> = ["slate", "rose", "amber", "sky", "violet", "green", "teal", "deep-green", "grey"];
