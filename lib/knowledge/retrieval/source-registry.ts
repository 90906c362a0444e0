import type { LabelledSource } from "../citations/extract-citations";
import type { RetrievedChunk } from "../types";

/**
 * The passages one answer may cite, each under a stable label [n]: first the passages retrieved
 * for the user's message, then any new ones the model's own searches (retrieval tool) return. The
 * same chunk keeps its first label.
 */
export class SourceRegistry {
  private readonly byChunk = new Map<string, LabelledSource>();

  /** `query`: what found these chunks; the citation quotes the part of a chunk that matches it. */
  constructor(chunks: RetrievedChunk[] = [], query = "") {
    for (const chunk of chunks) this.add(chunk, query);
  }

  add(chunk: RetrievedChunk, query = ""): LabelledSource {
    const existing = this.byChunk.get(chunk.chunkId);
    if (existing) return existing;
    const source: LabelledSource = {
      n: this.byChunk.size + 1,
      chunkId: chunk.chunkId,
      fileId: chunk.fileId,
      fileName: chunk.fileName,
      page: chunk.page,
      heading: chunk.heading,
      text: chunk.text,
      query,
    };
    this.byChunk.set(chunk.chunkId, source);
    return source;
  }

  all(): LabelledSource[] {
    return [...this.byChunk.values()];
  }

  get size(): number {
    return this.byChunk.size;
  }
}

/** "[2] handbook.pdf, page 4, Refunds": what the model sees above a passage. */
export function sourceLabel(source: LabelledSource, showFileNames: boolean): string {
  const parts = [showFileNames ? source.fileName : "Knowledge file"];
  if (source.page !== null) parts.push(`page ${source.page}`);
  if (source.heading) parts.push(source.heading);
  return `[${source.n}] ${parts.join(", ")}`;
}

/**
 * One passage for the model. Passages are untrusted file content: a closing tag inside the text is
 * neutralised so a passage cannot end its own block early.
 */
export function formatPassage(source: LabelledSource, showFileNames: boolean): string {
  const label = sourceLabel(source, showFileNames).replaceAll('"', "'");
  const text = source.text.replaceAll("</passage", "<\\/passage");
  return `<passage label="[${source.n}]" source="${label}">\n${text}\n</passage>`;
}
