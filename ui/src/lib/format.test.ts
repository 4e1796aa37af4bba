import { describe, expect, it } from "vitest";
import cases from "./locale-cases.json";
import creditCases from "./credit-cases.json";
import type { AssignmentState } from "./bindings";
import {
  creditNote,
  formatDate,
  formatMoney,
  formatNumber,
  formatWallClock,
  setLocale,
  weekdayNames,
} from "./format";

// The core wrote these answers (masthead_core::locale::shared_cases); the
// app must write the same, so that the app and the PDF follow one rule.
describe("the formatter writes as the core does", () => {
  const write: Record<string, (input: string, tag: string) => string> = {
    date: (input, tag) => formatDate(input, tag),
    date_time: (input, tag) => formatWallClock(input, tag),
    number: (input, tag) => formatNumber(Number(input), tag),
    money: (input, tag) => {
      const [amount, currency] = input.split(" ") as [string, string];
      return formatMoney(amount, currency, tag);
    },
  };
  it.each(cases as [string, string, string, string][])("%s %s %s -> %s", (tag, kind, input, output) => {
    expect(write[kind]!(input, tag)).toBe(output);
  });
  it("covers every locale and kind", () => {
    const seen = new Set((cases as string[][]).map(([tag, kind]) => `${tag} ${kind}`));
    for (const tag of ["en-GB", "en-US", "de-DE", "fr-FR"]) {
      for (const kind of Object.keys(write)) expect(seen.has(`${tag} ${kind}`)).toBe(true);
    }
  });
});

describe("the app's locale", () => {
  it("is the one the core resolved, and an unknown tag falls back to the unambiguous form", () => {
    setLocale("en-US");
    expect(formatDate("2020-12-11")).toBe("Dec 11, 2020");
    expect(formatNumber(7670)).toBe("7,670");
    setLocale("de-DE");
    expect(formatDate("2020-12-11")).toBe("11. Dez. 2020");
    expect(formatNumber(7670)).toBe("7.670");
    setLocale("xx-YY");
    expect(formatDate("2020-12-11")).toBe("11 Dec 2020");
    expect(formatMoney("400.00", "GBP")).toBe("£400.00");
    setLocale("en-GB");
  });
  it("heads a calendar's week in the locale's words and order", () => {
    expect(weekdayNames("en-GB")[0]).toBe("Mo");
    expect(weekdayNames("en-US")).toEqual(["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"]);
    expect(weekdayNames("de-DE").join(" ")).toBe("Mo Di Mi Do Fr Sa So");
  });
  it("writes nothing wrong for what is not a date", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("2021-13-01")).toBe("2021-13-01");
    expect(formatNumber(null)).toBe("—");
  });
});

// The core words a credit's note (Credit::note); the UI must say the same.
describe("a credit's note", () => {
  it.each(creditCases as [string, AssignmentState, string][])("%s, %s -> %j", (role, state, note) => {
    expect(creditNote({ name: "Priya Shah", role, state })).toBe(note);
  });
});
