// Form models: what the user types (strings), checked for shape before it is
// sent, and turned into the inputs the core takes. The core has the final
// word on every rule; these checks only catch what cannot be sent at all.

import { DEFAULT_CURRENCY, DEFAULT_PAGE_COUNT, WRITER_ROLE } from "./defaults";
import { iso } from "./dates";
import type {
  Article,
  ArticleInput,
  Assignment,
  AssignmentInput,
  ContributorId,
  Edition,
  EditionInput,
  KindId,
  SectionId,
} from "./bindings";

export type FieldErrors = Record<string, string>;

export const KEY_DATES = [
  ["commissioning_closes", "Commissioning closes"],
  ["copy_deadline", "Copy deadline"],
  ["subbing_deadline", "Subbing deadline"],
  ["press_date", "Press date"],
  ["on_sale_date", "On sale"],
] as const;

export type KeyDateField = (typeof KEY_DATES)[number][0];

export interface EditionDraft {
  name: string;
  theme: string;
  focusTopics: string;
  coverDate: string;
  pageCount: string;
  dates: Record<KeyDateField, string>;
  notes: string;
}

export function emptyEditionDraft(): EditionDraft {
  return {
    name: "",
    theme: "",
    focusTopics: "",
    coverDate: "",
    pageCount: String(DEFAULT_PAGE_COUNT),
    dates: { commissioning_closes: "", copy_deadline: "", subbing_deadline: "", press_date: "", on_sale_date: "" },
    notes: "",
  };
}

export function editionDraft(e: Edition): EditionDraft {
  return {
    name: e.name,
    theme: e.theme,
    focusTopics: e.focus_topics.join(", "),
    coverDate: e.cover_date ?? "",
    pageCount: String(e.page_count),
    dates: {
      commissioning_closes: e.commissioning_closes ?? "",
      copy_deadline: e.copy_deadline ?? "",
      subbing_deadline: e.subbing_deadline ?? "",
      press_date: e.press_date ?? "",
      on_sale_date: e.on_sale_date ?? "",
    },
    notes: e.notes,
  };
}

/** A real calendar date in ISO form, or null for an empty field. */
export function parseIsoDate(text: string): string | null | "invalid" {
  const t = text.trim();
  if (t === "") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return "invalid";
  return iso(Number(m[1]), Number(m[2]), Number(m[3])) === "invalid" ? "invalid" : t;
}

/** A whole number, null for empty, or "invalid". */
export function parseWhole(text: string): number | null | "invalid" {
  const t = text.trim().replace(/[,\s]/g, "");
  if (t === "") return null;
  if (!/^\d+$/.test(t)) return "invalid";
  const n = Number(t);
  return Number.isSafeInteger(n) && n <= 4_294_967_295 ? n : "invalid";
}

export function splitTopics(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

export function toEditionInput(d: EditionDraft): { input: EditionInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = (field: string, text: string): string | null => {
    const v = parseIsoDate(text);
    if (v === "invalid") {
      errors[field] = "Not a calendar date. Type it as you write it (8/1/2021, 8 Jan 2021) or pick it from the calendar.";
      return null;
    }
    return v;
  };
  const pages = parseWhole(d.pageCount);
  if (pages === "invalid" || pages === null) {
    errors["page_count"] = "Type the number of pages, e.g. 68.";
  }
  const input: EditionInput = {
    name: d.name,
    theme: d.theme,
    focus_topics: splitTopics(d.focusTopics),
    cover_date: date("cover_date", d.coverDate),
    page_count: typeof pages === "number" ? pages : 0,
    commissioning_closes: date("commissioning_closes", d.dates.commissioning_closes),
    copy_deadline: date("copy_deadline", d.dates.copy_deadline),
    subbing_deadline: date("subbing_deadline", d.dates.subbing_deadline),
    press_date: date("press_date", d.dates.press_date),
    on_sale_date: date("on_sale_date", d.dates.on_sale_date),
    notes: d.notes,
  };
  return Object.keys(errors).length > 0 ? { errors } : { input };
}

export interface ArticleDraft {
  title: string;
  standfirst: string;
  sectionId: SectionId | "";
  kindId: KindId | "";
  wordTarget: string;
  notes: string;
}

/** A new piece's draft; `kindId` is the publication's default kind. */
export function emptyArticleDraft(kindId: KindId | "" = ""): ArticleDraft {
  return { title: "", standfirst: "", sectionId: "", kindId, wordTarget: "", notes: "" };
}

export function articleDraft(a: Article): ArticleDraft {
  return {
    title: a.title,
    standfirst: a.standfirst,
    sectionId: a.section_id ?? "",
    kindId: a.kind_id,
    wordTarget: a.word_target === null ? "" : String(a.word_target),
    notes: a.notes,
  };
}

export function toArticleInput(d: ArticleDraft): { input: ArticleInput } | { errors: FieldErrors } {
  const words = parseWhole(d.wordTarget);
  if (words === "invalid") {
    return { errors: { word_target: "Type a whole number of words, e.g. 1200, or leave it empty." } };
  }
  if (d.kindId === "") {
    return { errors: { kind_id: "Choose what kind of piece this is." } };
  }
  return {
    input: {
      title: d.title,
      standfirst: d.standfirst,
      section_id: d.sectionId === "" ? null : d.sectionId,
      kind_id: d.kindId,
      word_target: words,
      notes: d.notes,
    },
  };
}

export function sameDraft<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Moves focus to the first field the form marked invalid, which may be scrolled out of view. */
export function focusFirstInvalid(formId: string): void {
  const scope = `#${formId} .invalid`;
  document.querySelector<HTMLElement>(`${scope} input, ${scope} select, ${scope} textarea`)?.focus();
}

/**
 * The message for the top of a form: its own `_form` error, or an error the
 * core named a field for that this form does not show (so no message is
 * ever lost).
 */
export function formError(errors: FieldErrors, shown: readonly string[]): string | null {
  if (errors["_form"]) return errors["_form"];
  const other = Object.keys(errors).find((k) => !shown.includes(k));
  return other ? (errors[other] ?? null) : null;
}

/** The commission form as typed. `contributorId` is "new" to add someone in place. */
export interface CommissionDraft {
  contributorId: string;
  newName: string;
  newEmail: string;
  role: string;
  brief: string;
  wordTarget: string;
  dueDate: string;
  fee: string;
  currency: string;
}

export function emptyCommissionDraft(wordTarget: number | null): CommissionDraft {
  return {
    contributorId: "",
    newName: "",
    newEmail: "",
    role: "writer",
    brief: "",
    wordTarget: wordTarget === null ? "" : String(wordTarget),
    dueDate: "",
    fee: "",
    currency: DEFAULT_CURRENCY,
  };
}

/** An assignment's terms as the form shows them, to edit. */
export function commissionDraft(a: Assignment): CommissionDraft {
  return {
    contributorId: a.contributor_id,
    newName: "",
    newEmail: "",
    role: a.role,
    brief: a.brief,
    wordTarget: a.word_target === null ? "" : String(a.word_target),
    dueDate: a.due_date ?? "",
    fee: a.fee ?? "",
    currency: a.fee_currency ?? DEFAULT_CURRENCY,
  };
}

/** True for the role that writes the piece (the core lowercases roles). */
export function isWriterRole(role: string): boolean {
  return role.trim().toLowerCase() === WRITER_ROLE;
}

/** The draft as the core's input, for `contributor` (chosen or just added). */
export function toAssignmentInput(
  d: CommissionDraft,
  contributor: ContributorId,
): { input: AssignmentInput } | { errors: FieldErrors } {
  // Words are the writer's: for anyone else the field is not shown and
  // nothing is sent, whatever it held before the role changed.
  const words = isWriterRole(d.role) ? parseWhole(d.wordTarget) : null;
  if (words === "invalid") {
    return { errors: { word_target: "Type a whole number of words, e.g. 1200, or leave it empty." } };
  }
  const due = parseIsoDate(d.dueDate);
  if (due === "invalid") {
    return {
      errors: { due_date: "Not a calendar date. Type it as you write it (8/1/2021, 8 Jan 2021), pick it, or leave it empty." },
    };
  }
  const fee = d.fee.trim();
  return {
    input: {
      contributor_id: contributor,
      role: d.role,
      brief: d.brief,
      word_target: words,
      due_date: due,
      fee: fee === "" ? null : fee,
      currency: fee === "" ? null : d.currency,
    },
  };
}
