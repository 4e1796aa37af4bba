// Generated from the Rust types in crates/masthead-core by `UPDATE_GENERATED=1 cargo test`.
// Do not edit: change the Rust type and regenerate.

export type PublicationId = string;

export type EditionId = string;

export type ArticleId = string;

export type SectionId = string;

export type StatusId = string;

export type ContributorId = string;

export type AssignmentId = string;

export type HistoryId = string;

export type Publication = { id: PublicationId, name: string, frequency: string, 
/**
 * Print editions get a warning when the page count is not a multiple of 4.
 */
is_print: boolean, edition_count: number, };

export type PublicationInput = { name: string, frequency: string, is_print: boolean, };

export type Section = { id: SectionId, publication_id: PublicationId, name: string, position: number, };

export type Edition = { id: EditionId, publication_id: PublicationId, publication: string, name: string, theme: string, focus_topics: Array<string>, cover_date: string | null, page_count: number, commissioning_closes: string | null, copy_deadline: string | null, subbing_deadline: string | null, press_date: string | null, on_sale_date: string | null, notes: string, article_count: number, created_at: string, updated_at: string, version: number, };

export type EditionInput = { name: string, theme: string, focus_topics: Array<string>, cover_date: string | null, page_count: number, commissioning_closes: string | null, copy_deadline: string | null, subbing_deadline: string | null, press_date: string | null, on_sale_date: string | null, notes: string, };

export type Kind = "news" | "feature" | "opinion" | "interview" | "case_study" | "partner" | "competition" | "survey" | "video" | "advert";

export type Status = { id: StatusId, key: string, label: string, position: number, 
/**
 * A token of the status palette (`palette::STATUS_COLOURS`).
 */
colour: string, is_spiked: boolean, is_final: boolean, };

export type Workflow = { publication_id: PublicationId, statuses: Array<Status>, transitions: Array<Transition>, };

export type Transition = { from: StatusId, to: StatusId, };

export type Article = { id: ArticleId, edition_id: EditionId, title: string, slug: string, standfirst: string, section_id: SectionId | null, section: string | null, kind: Kind, word_target: number | null, status_id: StatusId, status: string, status_label: string, status_colour: string, 
/**
 * Names of the contributors the piece is assigned to, in order.
 */
contributors: Array<string>, notes: string, created_at: string, updated_at: string, version: number, };

export type ArticleInput = { title: string, standfirst: string, section_id: SectionId | null, kind: Kind, word_target: number | null, notes: string, };

export type ArticleDetail = { article: Article, 
/**
 * The statuses the piece may move to next, in workflow order.
 */
next_statuses: Array<Status>, history: Array<HistoryEntry>, };

export type ContributorKind = "staff" | "freelance";

export type Contributor = { id: ContributorId, name: string, role: string, organisation: string, email: string | null, kind: ContributorKind, };

export type ContributorInput = { name: string, role: string, organisation: string, email: string | null, kind: ContributorKind, };

export type HistoryEntry = { id: HistoryId, at: string, actor: string, entity: string, entity_id: string, 
/**
 * `created`, `updated`, `status`, `deleted` or `restored`.
 */
action: string, field: string | null, old_value: string | null, new_value: string | null, };

export type Warning = { code: string, field: string | null, message: string, };

export type Saved<T> = { item: T, warnings: Array<Warning>, };

export type DatabaseInfo = { path: string, schema_version: number, is_empty: boolean, has_demo: boolean, };

export type Settings = { 
/**
 * The name recorded as "who" in the history; empty means the OS account.
 */
user_name: string, 
/**
 * The database the app opened last.
 */
last_database: string | null, };

export type ErrorPayload = { code: string, message: string, field: string | null, };

/** Every kind of piece with its label, in menu order. */
export const KINDS: ReadonlyArray<{ value: Kind; label: string }> = [
  { value: "news", label: "News" },
  { value: "feature", label: "Feature" },
  { value: "opinion", label: "Opinion" },
  { value: "interview", label: "Interview" },
  { value: "case_study", label: "Case study" },
  { value: "partner", label: "Partner content" },
  { value: "competition", label: "Competition" },
  { value: "survey", label: "Survey" },
  { value: "video", label: "Video" },
  { value: "advert", label: "Advert" },
];

/** The status palette's tokens (see status-palette.css). */
export const STATUS_COLOUR_TOKENS: ReadonlyArray<string> = ["slate", "rose", "amber", "sky", "violet", "green", "teal", "deep-green", "grey"];
