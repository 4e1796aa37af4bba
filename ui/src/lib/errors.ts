// Turns a failure into what a form shows: the message at its field when the
// core named one, else at the top of the form.

import type { Conflict } from "./bindings";
import type { FieldErrors } from "./forms";

export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "object" && e !== null && "message" in e) return String((e as { message: unknown }).message);
  return String(e);
}

export function fieldErrorsOf(e: unknown): FieldErrors {
  const field = typeof e === "object" && e !== null && "field" in e ? (e as { field: unknown }).field : null;
  const key = typeof field === "string" && field.length > 0 ? field : "_form";
  return { [key]: messageOf(e) };
}

export function codeOf(e: unknown): string | null {
  return typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : null;
}

/** The conflict a refused save carries: what the user saw and what changed since. */
export function conflictOf(e: unknown): Conflict | null {
  if (codeOf(e) !== "conflict") return null;
  const c = typeof e === "object" && e !== null && "conflict" in e ? (e as { conflict: unknown }).conflict : null;
  return c && typeof c === "object" ? (c as Conflict) : null;
}
