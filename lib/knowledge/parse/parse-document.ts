import type { KnowledgeKind } from "../types";
import { KnowledgeParseError } from "./errors";
import type { ParsedDocument, ProgressFn } from "./parsed-document";

/** Routes a file to its format parser. `kind` comes from detectKnowledgeKind, never the client. */
export async function parseDocument(
  bytes: Uint8Array,
  kind: KnowledgeKind,
  onProgress: ProgressFn,
): Promise<ParsedDocument> {
  const parsed = await parseByKind(bytes, kind, onProgress);
  if (!parsed.segments.some((segment) => segment.text.trim())) {
    throw new KnowledgeParseError(
      kind === "pdf"
        ? "This PDF has no selectable text (it may be scanned images). Upload a text-based PDF."
        : "This file has no text to use as knowledge.",
    );
  }
  return parsed;
}

/**
 * Parsers load on demand: each file gets a fresh worker, and a text file should not pay for
 * loading pdf.js and mammoth (~0.3 s of a worker's start-up).
 */
async function parseByKind(bytes: Uint8Array, kind: KnowledgeKind, onProgress: ProgressFn) {
  switch (kind) {
    case "pdf":
      return (await import("./parse-pdf")).parsePdf(bytes, onProgress);
    case "docx":
      return (await import("./parse-docx")).parseDocx(bytes);
    case "html":
      return (await import("./parse-html")).parseHtml(decodeText(bytes));
    case "markdown":
      return (await import("./parse-markdown")).parseMarkdown(decodeText(bytes));
    case "csv":
      return (await import("./parse-csv")).parseCsv(decodeText(bytes));
    case "json":
      return (await import("./parse-json")).parseJson(decodeText(bytes));
    case "text":
    case "code":
      return (await import("./parse-plain")).parsePlain(decodeText(bytes));
    default:
      throw new Error(`No parser for knowledge kind "${kind satisfies never}"`);
  }
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new KnowledgeParseError(
      "This file isn't valid UTF-8 text. Save it as UTF-8 and upload it again.",
    );
  }
}
