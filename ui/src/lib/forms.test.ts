import { describe, expect, it } from "vitest";
import {
  articleDraft,
  editionDraft,
  emptyEditionDraft,
  formError,
  parseIsoDate,
  parseWhole,
  splitTopics,
  toArticleInput,
  toEditionInput,
} from "./forms";
import type { Article, Edition, EditionInput } from "./bindings";

/** What the edition form saves; the edition below is made from it. */
const input: EditionInput = {
  name: "Feb/Mar 21",
  theme: "Levelling up",
  focus_topics: ["Housing", "Health"],
  cover_date: "2021-02-01",
  page_count: 68,
  commissioning_closes: null,
  copy_deadline: "2021-01-08",
  subbing_deadline: null,
  press_date: "2021-01-22",
  on_sale_date: "2021-02-01",
  notes: "",
};

const edition: Edition = {
  ...input,
  id: "e1",
  publication_id: "p1",
  publication: "PSE",
  article_count: 3,
  spiked_count: 0,
  created_at: "2026-11-27T10:00:00.000Z",
  updated_at: "2026-11-27T10:00:00.000Z",
  version: 1,
};

describe("dates", () => {
  it.each([
    ["2021-02-01", "2021-02-01"],
    ["", null],
    ["  ", null],
    ["2021-02-30", "invalid"],
    ["2021-13-01", "invalid"],
    ["01/02/2021", "invalid"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", "invalid"],
  ])("parseIsoDate(%j) is %j", (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });
});

describe("whole numbers", () => {
  it.each([
    ["68", 68],
    ["1,200", 1200],
    ["", null],
    ["-4", "invalid"],
    ["4.5", "invalid"],
    ["many", "invalid"],
    ["99999999999", "invalid"],
  ])("parseWhole(%j) is %j", (text, expected) => {
    expect(parseWhole(text)).toBe(expected);
  });
});

describe("edition form", () => {
  it("round-trips an edition through the draft unchanged", () => {
    // Copied first: the form must not change the values it was made from.
    const expected = structuredClone(input);
    const parsed = toEditionInput(editionDraft(edition));
    expect(parsed).toEqual({ input: expected });
    expect(input).toEqual(expected);
  });

  it("starts a new edition at 64 pages with no dates", () => {
    const parsed = toEditionInput({ ...emptyEditionDraft(), name: "New" });
    expect("input" in parsed && parsed.input.page_count).toBe(64);
    expect("input" in parsed && parsed.input.press_date).toBeNull();
  });

  it("puts shape errors at their fields and sends nothing", () => {
    const draft = editionDraft(edition);
    draft.pageCount = "sixty";
    draft.dates.press_date = "2021-02-30";
    expect(toEditionInput(draft)).toEqual({
      errors: {
        page_count: "Type the number of pages, e.g. 68.",
        press_date: "Not a calendar date. Type it as you write it (8/1/2021, 8 Jan 2021) or pick it from the calendar.",
      },
    });
  });

  it("splits focus topics on commas, semicolons and new lines", () => {
    expect(splitTopics("Housing, Health and social care;\nTraining ,, ")).toEqual([
      "Housing",
      "Health and social care",
      "Training",
    ]);
  });
});

describe("article form", () => {
  const article = {
    id: "a1",
    title: "Keep communities at the heart of planning",
    standfirst: "s",
    section_id: null,
    kind_id: "k-feature",
    kind: "feature",
    word_target: 1200,
    notes: "",
  } as unknown as Article;

  it("maps an empty section and word target to null", () => {
    const draft = { ...articleDraft(article), wordTarget: "" };
    expect(toArticleInput(draft)).toEqual({
      input: { title: article.title, standfirst: "s", section_id: null, kind_id: "k-feature", word_target: null, notes: "" },
    });
  });

  it("asks for a kind when none is chosen", () => {
    expect(toArticleInput({ ...articleDraft(article), kindId: "" })).toEqual({
      errors: { kind_id: "Choose what kind of piece this is." },
    });
  });

  it("refuses a word target that is not a whole number", () => {
    expect(toArticleInput({ ...articleDraft(article), wordTarget: "lots" })).toEqual({
      errors: { word_target: "Type a whole number of words, e.g. 1200, or leave it empty." },
    });
  });
});

describe("form errors", () => {
  it("puts an error for a field the form does not show at the top", () => {
    expect(formError({ name: "Name taken" }, ["name", "theme"])).toBe(null);
    expect(formError({ _form: "Create a publication first." }, ["name"])).toBe("Create a publication first.");
    expect(formError({ publication: "No publication yet." }, ["name"])).toBe("No publication yet.");
  });
});
