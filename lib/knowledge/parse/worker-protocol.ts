import type { ChunkedDocument, KnowledgeKind } from "../types";

/** workerData for knowledge-worker.ts; `bytes` arrives by ArrayBuffer transfer, not a copy. */
export type WorkerJob = {
  entry: string;
  bytes: Uint8Array;
  kind: KnowledgeKind;
  maxTokens: number;
};

export type WorkerMessage =
  | { type: "progress"; fraction: number }
  | { type: "done"; result: ChunkedDocument }
  /** `isUserFacing`: the message came from a KnowledgeParseError and may be shown as is. */
  | { type: "failed"; message: string; isUserFacing: boolean };
