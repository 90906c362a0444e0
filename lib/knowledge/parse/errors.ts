/**
 * A knowledge file could not be processed. The message is written for the creator who uploaded
 * the file (it is stored on the file row and shown in the builder), so it never contains stack
 * traces, paths or library internals. Browser-safe: the UI may import it.
 */
export class KnowledgeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KnowledgeParseError";
  }
}

export function isKnowledgeParseError(error: unknown): error is KnowledgeParseError {
  return error instanceof KnowledgeParseError;
}

/** Fallback for unexpected parser failures: the file is at fault far more often than we are. */
export const UNREADABLE_FILE_MESSAGE =
  "We couldn't read this file. It may be damaged, or in a format we don't support.";

export function tokenLimitMessage(approxTokens: number, maxTokens: number): string {
  const n = approxTokens.toLocaleString("en-US");
  const m = maxTokens.toLocaleString("en-US");
  return `This file has about ${n} tokens; the limit is ${m} per file.`;
}
