import { describe, expect, it } from "vitest";
import { addDays, monthGrid, parseTypedDate } from "./dates";

const near = "2021-01-22";

describe("typed dates", () => {
  it("reads numbers in the locale's order", () => {
    expect(parseTypedDate("8/1/2021", near, "en-GB")).toBe("2021-01-08");
    expect(parseTypedDate("8/1/21", near, "en-GB")).toBe("2021-01-08");
    expect(parseTypedDate("1/8/2021", near, "en-US")).toBe("2021-01-08");
    expect(parseTypedDate("8.1.2021", near, "de-DE")).toBe("2021-01-08");
    expect(parseTypedDate("08-01-2021", near, "fr-FR")).toBe("2021-01-08");
  });
  it("reads ISO dates and month names in English and the locale's words", () => {
    expect(parseTypedDate("2021-01-08", near, "en-US")).toBe("2021-01-08");
    expect(parseTypedDate("8 Jan 2021", near, "en-GB")).toBe("2021-01-08");
    expect(parseTypedDate("Jan 8, 2021", near, "en-US")).toBe("2021-01-08");
    expect(parseTypedDate("8 January 2021", near, "en-GB")).toBe("2021-01-08");
    expect(parseTypedDate("11. Dez. 2020", near, "de-DE")).toBe("2020-12-11");
    expect(parseTypedDate("1 févr. 2021", near, "fr-FR")).toBe("2021-02-01");
  });
  it("takes the year nearest the edition's dates when none is typed", () => {
    expect(parseTypedDate("8/1", near, "en-GB")).toBe("2021-01-08");
    expect(parseTypedDate("20 Dec", near, "en-GB")).toBe("2020-12-20");
    expect(parseTypedDate("3 Mar", near, "en-GB")).toBe("2021-03-03");
  });
  it("finds the leap year for 29 Feb, and refuses a word that is not one month", () => {
    expect(parseTypedDate("29 Feb", near, "en-GB")).toBe("2020-02-29");
    expect(parseTypedDate("marathon 5", near, "en-GB")).toBe("invalid");
    expect(parseTypedDate("5 jui 2021", near, "fr-FR")).toBe("invalid");
    expect(parseTypedDate("5 juil. 2021", near, "fr-FR")).toBe("2021-07-05");
  });
  it("refuses what is not a calendar date, and reads nothing as no date", () => {
    expect(parseTypedDate("31/2/2021", near, "en-GB")).toBe("invalid");
    expect(parseTypedDate("13/13/2021", near, "en-GB")).toBe("invalid");
    expect(parseTypedDate("soon", near, "en-GB")).toBe("invalid");
    expect(parseTypedDate("2021-02-30", near, "en-GB")).toBe("invalid");
    expect(parseTypedDate("  ", near, "en-GB")).toBeNull();
  });
});

describe("the calendar", () => {
  it("lays a month out in weeks from Monday", () => {
    const jan = monthGrid(2021, 1);
    // 1 Jan 2021 was a Friday.
    expect(jan[0]).toEqual([null, null, null, null, "2021-01-01", "2021-01-02", "2021-01-03"]);
    expect(jan.flat().filter(Boolean)).toHaveLength(31);
    expect(jan.every((w) => w.length === 7)).toBe(true);
    // In the US the week starts on Sunday.
    expect(monthGrid(2021, 1, true)[0]).toEqual([null, null, null, null, null, "2021-01-01", "2021-01-02"]);
  });
  it("moves by days across months and years", () => {
    expect(addDays("2020-12-31", 1)).toBe("2021-01-01");
    expect(addDays("2021-03-01", -1)).toBe("2021-02-28");
  });
});
