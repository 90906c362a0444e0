import { KnowledgeParseError } from "./errors";
import { parsePlain } from "./parse-plain";
import type { ParsedDocument, TextSegment } from "./parsed-document";

/** Deeper levels share this indentation: `[[[[…]]]]` must not grow quadratically when printed. */
const MAX_INDENT_DEPTH = 8;
/** Larger values stay minified: pretty-printing multiplies size, and the chunker splits them anyway. */
const MAX_PRETTY_CHARS = 1024 * 1024;

/**
 * JSON becomes one segment per top-level array item or object property, pretty-printed, so the
 * chunker packs whole records and splits large ones on lines rather than mid-value.
 */
export function parseJson(text: string): ParsedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KnowledgeParseError("This JSON file is not valid JSON, so it can't be read.");
  }
  try {
    return { segments: toSegments(value), pageCount: null, separator: "\n", chunkHeader: null };
  } catch (error) {
    // Nesting deeper than the stack allows for printing (JSON.parse copes with more): keep the
    // file's own text, which the chunker splits on lines and windows.
    if (error instanceof RangeError) return parsePlain(text);
    throw error;
  }
}

function toSegments(value: unknown): TextSegment[] {
  const segment = (body: string): TextSegment => ({ text: body, page: null, heading: null });
  let segments: TextSegment[];
  if (Array.isArray(value)) {
    segments = value.map((item) => segment(render(item)));
  } else if (value !== null && typeof value === "object") {
    segments = Object.entries(value).map(([key, item]) =>
      segment(`${JSON.stringify(key)}: ${render(item)}`),
    );
  } else {
    segments = [segment(render(value))];
  }
  return segments;
}

function render(value: unknown): string {
  const minified = JSON.stringify(value) ?? "null";
  if (minified.length > MAX_PRETTY_CHARS || typeof value !== "object" || value === null)
    return minified;
  const lines: string[] = [];
  pretty(value, 0, "", lines);
  return lines.join("\n");
}

function pretty(value: unknown, depth: number, prefix: string, lines: string[]): void {
  const pad = "  ".repeat(Math.min(depth, MAX_INDENT_DEPTH));
  const inner = depth + 1;
  if (Array.isArray(value) && value.length > 0) {
    lines.push(`${pad}${prefix}[`);
    value.forEach((item, i) => {
      pretty(item, inner, "", lines);
      markComma(lines, i < value.length - 1);
    });
    lines.push(`${pad}]`);
    return;
  }
  if (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).length > 0
  ) {
    const entries = Object.entries(value);
    lines.push(`${pad}${prefix}{`);
    entries.forEach(([key, item], i) => {
      pretty(item, inner, `${JSON.stringify(key)}: `, lines);
      markComma(lines, i < entries.length - 1);
    });
    lines.push(`${pad}}`);
    return;
  }
  lines.push(`${pad}${prefix}${JSON.stringify(value) ?? "null"}`);
}

function markComma(lines: string[], hasNext: boolean): void {
  if (hasNext) lines[lines.length - 1] += ",";
}
