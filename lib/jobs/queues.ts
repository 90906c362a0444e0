/** Every background job the app runs, by queue name, with its payload. */
export type JobPayloads = {
  /** Parse, chunk, index and embed one uploaded knowledge file (lib/knowledge/ingest). */
  "knowledge-ingest": { fileId: string };
};

export type JobName = keyof JobPayloads;
