import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CitationMarkdown } from "@/components/chat/citation-markdown";
import type { Citation } from "@/lib/knowledge/citations/types";

const citation: Citation = {
  n: 1,
  chunkId: "chunk",
  fileId: "file",
  fileName: null,
  page: 3,
  heading: null,
  quote: "The passage.",
};

function render(text: string, citations: Citation[] = [citation]) {
  // biome-ignore lint/correctness/noChildrenProp: a .ts test file has no JSX.
  const element = createElement(CitationMarkdown, { citations, children: text });
  return renderToStaticMarkup(element);
}

describe("[KNOWLEDGE]: inline citation markers", () => {
  it("turns a cited [n] into a button named Source n", () => {
    const html = render("Permits cost 40 credits [1].");
    expect(html).toContain('aria-label="Source 1"');
    expect(html).toMatch(/<button[^>]*>1<\/button>/);
    expect(html).not.toContain("[1]");
  });

  it("leaves code, links, unknown labels and raw HTML alone", () => {
    const html = render("See `x[1]`, [1](https://example.com), [7] and <b>[1]</b>");
    expect(html).toContain("<code>x[1]</code>");
    expect(html).toContain("[7]");
    // Raw HTML is shown as text; the marker inside it still becomes a button (it is text now).
    expect(html).not.toContain("<b>");
    expect(html).toContain('href="https://example.com"');
  });

  it("renders plain Markdown without citations", () => {
    const html = render("Just [1] text.", []);
    expect(html).toContain("[1]");
    expect(html).not.toContain("Source 1");
  });
});
