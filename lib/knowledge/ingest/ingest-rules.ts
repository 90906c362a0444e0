/** Processing attempts per file (crashes and unexpected errors count) before it is FAILED. */
export const MAX_INGEST_ATTEMPTS = 3;

/** Shown when processing failed for a reason that is ours, not the file's. */
export const INGEST_FAILED_MESSAGE =
  "Something went wrong while processing this file. Try again in a few minutes.";

export const INGEST_INTERRUPTED_MESSAGE =
  "Processing was interrupted too many times. Try again, or upload a smaller file.";

export const BLOB_MISSING_MESSAGE = "The uploaded file is missing. Remove it and upload it again.";

/** Progress bands (percent): parsing, storing chunks, embedding. */
export const PROGRESS_BANDS = {
  parse: [0, 60],
  store: [60, 95],
  embed: [95, 100],
} as const satisfies Record<string, readonly [number, number]>;
