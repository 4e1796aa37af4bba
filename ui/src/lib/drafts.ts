// Words against targets and draft facts, as the app shows them. The rule
// (more than 10% off is flagged) is the core's; this only writes it out.

import type { Draft, WordCount } from "./bindings";
import { formatNumber } from "./format";

const MINUS = "\u2212";

/** "1,046 / 1,000 words (+5%)"; "484 words" without a target. */
export function describeCount(c: WordCount): string {
  const words = formatNumber(c.words);
  if (c.target === null || c.percent === null) return `${words} words`;
  const sign = c.percent > 0 ? "+" : c.percent < 0 ? MINUS : "±";
  return `${words} / ${formatNumber(c.target)} words (${sign}${Math.abs(c.percent)}%)`;
}

/** The copy's words, or "— / 1,500 words" before any draft, or "" with neither. */
export function wordsLine(copy: WordCount | null, target: number | null): string {
  if (copy) return describeCount(copy);
  return target === null ? "" : `— / ${formatNumber(target)} words`;
}

/** "12 KB", "1.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What a file is, by its media type. */
export function formatLabel(mediaType: string): string {
  if (mediaType.includes("wordprocessingml")) return "Word";
  if (mediaType.includes("opendocument")) return "OpenDocument";
  if (mediaType === "text/markdown") return "Markdown";
  return "Text";
}

/** The two versions to compare first: the one before the newest, and the newest. */
export function defaultPair(drafts: Draft[]): [number, number] | null {
  if (drafts.length < 2) return null;
  const versions = drafts.map((d) => d.version).sort((a, b) => a - b);
  return [versions[versions.length - 2]!, versions[versions.length - 1]!];
}
