import { getDocumentProxy } from "unpdf";
import { KnowledgeParseError } from "./errors";
import type { ParsedDocument, ProgressFn, TextSegment } from "./parsed-document";

type Line = { text: string; fontSize: number };

/** Lines this much larger than the document's body text are treated as headings. */
const HEADING_SIZE_RATIO = 1.25;
const MAX_HEADING_CHARS = 120;

/**
 * Text per page via unpdf's serverless pdf.js build. PDFs have no heading markup, so headings are
 * inferred from font size.
 */
export async function parsePdf(bytes: Uint8Array, onProgress: ProgressFn): Promise<ParsedDocument> {
  const pdf = await openPdf(bytes);
  try {
    const pages: Line[][] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      pages.push(toLines(content.items as PdfTextItem[]));
      page.cleanup();
      onProgress(pageNumber / pdf.numPages);
    }
    return {
      segments: toSegments(pages),
      pageCount: pdf.numPages,
      separator: "\n",
      chunkHeader: null,
    };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/**
 * No code from the file may run: the pdf.js bundled in unpdf 1.8 has no eval path any more (the
 * CVE-2024-4367 font compiler is gone and the option was dropped from its types), but we still
 * pass `isEvalSupported: false` so a different pdf.js build resolved here cannot turn it back on.
 * Fonts are never installed as font faces; XFA forms (scriptable) are not rendered.
 */
const PDF_OPTIONS = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  enableXfa: false,
  stopAtErrors: false,
  verbosity: 0,
} as Parameters<typeof getDocumentProxy>[1];

async function openPdf(bytes: Uint8Array) {
  try {
    return await getDocumentProxy(bytes, PDF_OPTIONS);
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") {
      throw new KnowledgeParseError(
        "This PDF is password-protected. Upload a copy without a password.",
      );
    }
    throw new KnowledgeParseError("This PDF is damaged or incomplete, so it can't be read.");
  }
}

type PdfTextItem = { str?: string; transform?: number[]; hasEOL?: boolean };

function toLines(items: PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let text = "";
  let fontSize = 0;
  for (const item of items) {
    if (typeof item.str !== "string") continue; // marked-content markers carry no text
    text += item.str;
    if (item.str.trim() && item.transform) {
      fontSize = Math.max(fontSize, Math.hypot(item.transform[2], item.transform[3]));
    }
    if (item.hasEOL) {
      lines.push({ text: text.trim(), fontSize });
      text = "";
      fontSize = 0;
    }
  }
  if (text.trim()) lines.push({ text: text.trim(), fontSize });
  return lines.filter((line) => line.text.length > 0);
}

/** The most common line font size, weighted by characters: the body text size. */
function bodyFontSize(pages: Line[][]): number {
  const weight = new Map<number, number>();
  for (const line of pages.flat()) {
    const size = Math.round(line.fontSize);
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight) [best, bestWeight] = [size, w];
  }
  return best;
}

function toSegments(pages: Line[][]): TextSegment[] {
  const body = bodyFontSize(pages);
  const segments: TextSegment[] = [];
  let heading: string | null = null;
  pages.forEach((lines, index) => {
    for (const line of lines) {
      const isHeading =
        body > 0 &&
        line.fontSize >= body * HEADING_SIZE_RATIO &&
        line.text.length <= MAX_HEADING_CHARS;
      if (isHeading) heading = line.text;
      segments.push({ text: line.text, page: index + 1, heading });
    }
  });
  return segments;
}
