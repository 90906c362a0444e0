import { Parser } from "htmlparser2";
import { dropLeadingBlankLines, type ParsedDocument, type TextSegment } from "./parsed-document";

/** Never text: code, styling, and markup that browsers don't render as content. */
const DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "head",
  "iframe",
  "object",
]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Tags that end a block of text; the chunker may split between blocks but never inside one. */
const BLOCKS = new Set([
  ...HEADINGS,
  "p",
  "div",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "thead",
  "tbody",
  "section",
  "article",
  "aside",
  "header",
  "footer",
  "main",
  "nav",
  "blockquote",
  "pre",
  "figure",
  "figcaption",
  "form",
  "fieldset",
  "details",
  "summary",
  "hr",
  "br",
  "address",
  "caption",
]);
const CELLS = new Set(["td", "th"]);

/**
 * Extracts readable text blocks, tracking the nearest h1-h6 above each. htmlparser2 is a
 * tokenizer, not a browser: nothing is fetched or executed, and malformed markup is tolerated.
 */
export function parseHtml(html: string): ParsedDocument {
  const segments: TextSegment[] = [];
  let heading: string | null = null;
  let buffer = "";
  let droppedDepth = 0;
  let preDepth = 0;

  const flush = (tag?: string) => {
    const text =
      preDepth > 0 ? dropLeadingBlankLines(buffer).trimEnd() : buffer.replace(/\s+/g, " ").trim();
    buffer = "";
    if (!text) return;
    if (tag && HEADINGS.has(tag)) heading = text;
    segments.push({ text, page: null, heading });
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) droppedDepth++;
        if (droppedDepth > 0) return;
        if (BLOCKS.has(name)) flush();
        if (name === "pre") preDepth++;
        if (CELLS.has(name) && buffer.trim()) buffer += " | ";
      },
      ontext(text) {
        if (droppedDepth === 0) buffer += text;
      },
      onclosetag(name) {
        if (DROPPED.has(name)) {
          droppedDepth = Math.max(0, droppedDepth - 1);
          return;
        }
        if (droppedDepth > 0) return;
        if (BLOCKS.has(name)) flush(name);
        if (name === "pre") preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { segments, pageCount: null, separator: "\n\n", chunkHeader: null };
}
