import { describe, expect, it } from "vitest";
import type { Draft, WordCount } from "./bindings";
import { defaultPair, describeCount, formatSize, wordsLine } from "./drafts";

const count = (words: number, target: number | null, percent: number | null): WordCount => ({
  words,
  target,
  percent,
  off: percent !== null && Math.abs(percent) > 10,
  version: 1,
  approved: false,
});

const draft = (version: number, file_name = "leeds.docx"): Draft => ({
  id: `d${version}`,
  article_id: "a",
  version,
  assignment_id: null,
  contributor_id: null,
  contributor: "Sam Okoro",
  recorded_by: "Tess",
  submitted_at: "2026-11-29T10:00:00Z",
  file_name,
  media_type: "text/plain",
  size: 3119,
  sha256: "0".repeat(64),
  words: 484,
  approved: false,
});

describe("drafts", () => {
  it("writes the count against the target as the core does", () => {
    expect(describeCount(count(1046, 1000, 5))).toBe("1,046 / 1,000 words (+5%)");
    expect(describeCount(count(484, 1000, -52))).toBe("484 / 1,000 words (\u221252%)");
    expect(describeCount(count(500, 500, 0))).toBe("500 / 500 words (±0%)");
    expect(describeCount(count(484, null, null))).toBe("484 words");
    expect(wordsLine(null, 1500)).toBe("— / 1,500 words");
    expect(wordsLine(null, null)).toBe("");
  });

  it("picks the versions to compare and writes sizes", () => {
    expect(defaultPair([draft(3), draft(2), draft(1)])).toEqual([2, 3]);
    expect(defaultPair([draft(1)])).toBeNull();
    expect(formatSize(3119)).toBe("3 KB");
    expect(formatSize(2.5 * 1024 * 1024)).toBe("2.5 MB");
  });
});
