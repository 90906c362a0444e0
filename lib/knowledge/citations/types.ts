/**
 * Citations of knowledge passages in an answer. Browser-safe: the chat UI reads them from the
 * message parts, live (a streamed `data-citations` part) and stored (the same part in
 * Message.parts), so one shape serves both.
 */

export type Citation = {
  /** The label the model cited inline, e.g. 1 for "[1]". */
  n: number;
  chunkId: string;
  fileId: string;
  /** Null when the GPT hides its knowledge sources and the reader is not its owner. */
  fileName: string | null;
  page: number | null;
  heading: string | null;
  /** The cited passage (trimmed to QUOTE_MAX_CHARS). */
  quote: string;
};

export const CITATIONS_PART_TYPE = "data-citations" as const;

/** A UI message data part (AI SDK `data-*`), stored as is in Message.parts. */
export type CitationsPart = {
  type: typeof CITATIONS_PART_TYPE;
  id?: string;
  data: { citations: Citation[] };
};

/** A passage is shown in full up to this length; longer ones end with an ellipsis. */
export const QUOTE_MAX_CHARS = 1200;

function isCitation(value: unknown): value is Citation {
  if (!value || typeof value !== "object") return false;
  const citation = value as Record<string, unknown>;
  return (
    typeof citation.n === "number" &&
    typeof citation.chunkId === "string" &&
    typeof citation.quote === "string"
  );
}

/** The citations of a message's parts (live or stored); the last citations part wins. */
export function citationsOf(parts: unknown): Citation[] {
  if (!Array.isArray(parts)) return [];
  let found: Citation[] = [];
  for (const part of parts) {
    if (part?.type !== CITATIONS_PART_TYPE) continue;
    const citations = (part as CitationsPart).data?.citations;
    if (Array.isArray(citations)) found = citations.filter(isCitation);
  }
  return found;
}
