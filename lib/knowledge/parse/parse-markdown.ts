import type { ParsedDocument, TextSegment } from "./parsed-document";

// No trailing `[ \t#]*$` in the pattern: after a lazy group it backtracks quadratically on long
// lines. Closing hashes are trimmed by hand instead.
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Blocks are blank-line separated; ATX headings (`#`..`######`) set the heading and are blocks of
 * their own. Fenced code is kept as one block and a `#` inside it is not a heading. The source
 * text is kept as written: models read markdown well.
 */
export function parseMarkdown(source: string): ParsedDocument {
  const segments: TextSegment[] = [];
  let heading: string | null = null;
  let block: string[] = [];
  let fence: string | null = null;

  const flush = () => {
    const text = block.join("\n").trimEnd();
    block = [];
    if (text.trim()) segments.push({ text, page: null, heading });
  };

  for (const line of source.split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      block.push(line);
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) {
        fence = null;
      }
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      block.push(line);
      continue;
    }
    const headingMatch = ATX_HEADING.exec(line);
    if (headingMatch) {
      flush();
      heading = trimClosingHashes(headingMatch[1]) || heading;
      segments.push({ text: line.trim(), page: null, heading });
      continue;
    }
    if (line.trim() === "") flush();
    else block.push(line);
  }
  flush();
  return { segments, pageCount: null, separator: "\n\n", chunkHeader: null };
}

function trimClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && " \t#".includes(text[end - 1])) end--;
  return text.slice(0, end).trim();
}
