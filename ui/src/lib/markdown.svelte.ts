// Markdown as HTML, rendered by the core (masthead_text::markdown_html:
// none of the text's own HTML, links written out and never followed), so
// the app and the contributors' future web page show one rendering and no
// view builds HTML from a brief. A view asks `markdownHtml(text)` and gets
// the HTML once it has come back (null until then); the last texts asked
// for are kept, so a brief shown again costs nothing.

import { SvelteMap } from "svelte/reactivity";

export type RenderMarkdown = (text: string) => Promise<string>;

/** How many rendered texts are kept (a brief typed in the preview is one per keystroke). */
export const KEPT = 200;

let renderer: RenderMarkdown | null = null;
const rendered = new SvelteMap<string, string>();
const asked = new Set<string>();

/** Sets what renders: the backend's `renderMarkdown` (a fake in tests). */
export function renderMarkdownWith(render: RenderMarkdown): void {
  renderer = render;
  rendered.clear();
  asked.clear();
}

/** `text` as HTML the app can show, or null while the core renders it. */
export function markdownHtml(text: string): string | null {
  const html = rendered.get(text);
  if (html !== undefined) return html;
  const render = renderer;
  if (render && !asked.has(text)) {
    asked.add(text);
    render(text).then(
      (done) => {
        if (rendered.size >= KEPT) {
          const oldest = rendered.keys().next().value;
          if (oldest !== undefined) {
            rendered.delete(oldest);
            asked.delete(oldest);
          }
        }
        rendered.set(text, done);
      },
      // Not rendered (the store was busy): asked again the next time it shows.
      () => asked.delete(text),
    );
  }
  return null;
}
