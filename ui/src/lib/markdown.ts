// Markdown (a brief, a draft's text) as safe HTML: everything is escaped
// first, then a small subset is turned into tags (headings, bold, italic,
// lists, paragraphs, simple tables, footnotes, links shown as text with
// their address). No raw HTML from the source can reach the page, so
// `{@html}` of the result is safe.

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Backslash-escaped characters stand for themselves, whatever the rules below. */
const ESCAPED = /\\([\\`*_[\]<>|#!.+)-])/g;

function inline(text: string): string {
  const kept: string[] = [];
  const held = text.replace(ESCAPED, (_, c: string) => `\u0000${kept.push(c) - 1}\u0000`);
  return escape(held)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*])\*(?!\s)(.+?)\*/g, "$1<em>$2</em>")
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\[\^([^\]\s]+)\]/g, '<sup class="note-ref">$1</sup>')
    .replace(/\[([^\]]+)\]\(&lt;([^\s]+?)&gt;\)/g, '$1 (<span class="url">$2</span>)')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 (<span class="url">$2</span>)')
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => escape(kept[Number(i)]!));
}

export function renderMarkdown(source: string): string {
  const out: string[] = [];
  let list: "ul" | "ol" | null = null;
  let paragraph: string[] = [];
  let table: string[][] = [];
  const closeTable = () => {
    if (!table.length) return;
    const [head, ...rows] = table;
    const cells = (row: string[], tag: string) => row.map((c) => `<${tag}>${inline(c)}</${tag}>`).join("");
    out.push(
      `<table><thead><tr>${cells(head!, "th")}</tr></thead><tbody>${rows.map((r) => `<tr>${cells(r, "td")}</tr>`).join("")}</tbody></table>`,
    );
    table = [];
  };
  const flush = () => {
    closeTable();
    if (paragraph.length) out.push(`<p>${paragraph.map(inline).join("<br>")}</p>`);
    paragraph = [];
  };
  const closeList = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const note = /^\[\^([^\]\s]+)\]:\s*(.*)$/.exec(line);
    const row = /^\|(.*)\|$/.exec(line.trim());
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === "") {
      flush();
      closeList();
    } else if (heading) {
      flush();
      closeList();
      const level = Math.min(heading[1]!.length + 2, 6); // h3..h6 inside the drawer
      out.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
    } else if (row) {
      if (paragraph.length) {
        out.push(`<p>${paragraph.map(inline).join("<br>")}</p>`);
        paragraph = [];
      }
      closeList();
      const cells = row[1]!.split(/(?<!\\)\|/).map((c) => c.trim());
      // The line under a table's header row is not a row.
      if (!cells.every((c) => /^:?-{3,}:?$/.test(c))) table.push(cells);
    } else if (note) {
      flush();
      closeList();
      out.push(`<p class="note"><sup>${escape(note[1]!)}</sup> ${inline(note[2]!)}</p>`);
    } else if (bullet || numbered) {
      flush();
      const kind = bullet ? "ul" : "ol";
      if (list !== kind) {
        closeList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline((bullet ?? numbered)![1]!)}</li>`);
    } else {
      closeList();
      paragraph.push(line);
    }
  }
  flush();
  closeList();
  return out.join("");
}
