// Finding contributors as the user types, and the form's shape.

import type { Contributor, ContributorInput } from "./bindings";

/** Every word typed appears in the name, organisation, role or email (any case). */
export function matchesSearch(c: Contributor, query: string): boolean {
  const hay = `${c.name} ${c.organisation} ${c.role} ${c.email ?? ""}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

export function blankContributor(): ContributorInput {
  return { name: "", role: "", organisation: "", email: "", phone: "", kind: "freelance", notes: "" };
}

export function contributorInput(c: Contributor): ContributorInput {
  return {
    name: c.name,
    role: c.role,
    organisation: c.organisation,
    email: c.email ?? "",
    phone: c.phone,
    kind: c.kind,
    notes: c.notes,
  };
}

/** An empty email is no email. */
export function cleanContributor(input: ContributorInput): ContributorInput {
  return { ...input, email: input.email?.trim() ? input.email.trim() : null };
}
