/**
 * Shared shapes of the knowledge pipeline: upload → detect → parse + chunk (worker thread) →
 * index (chunks, full-text vector, optional embedding) → retrieve → cite. Browser-safe.
 */

export const KNOWLEDGE_KINDS = [
  "pdf",
  "docx",
  "text",
  "markdown",
  "html",
  "csv",
  "json",
  "code",
] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** What upload detection decided from the file's bytes (lib/knowledge/parse/detect-kind.ts). */
export type DetectedKind = { kind: KnowledgeKind; mimeType: string };

/** One chunk as the chunker produces it, before it is stored (KnowledgeChunk). */
export type ChunkDraft = {
  ordinal: number;
  text: string;
  tokenCount: number;
  /** 1-based PDF page where the chunk starts; null for other kinds. */
  page: number | null;
  /** Nearest heading above the chunk, if the format has headings. */
  heading: string | null;
};

/** A parsed and chunked file: what the worker thread hands back to ingestion. */
export type ChunkedDocument = {
  chunks: ChunkDraft[];
  /** Tokens of the whole extracted text (the per-file limit applies to this). */
  tokenCount: number;
  pageCount: number | null;
};

/** Default chunking: OpenAI file_search's defaults. */
export const CHUNK_TOKENS = 800;
export const CHUNK_OVERLAP_TOKENS = 400;

/** Whose files a retrieval searches: a published version's live files, or the owner's draft. */
export type KnowledgeScope =
  | { gptId: string; versionId: string }
  | { gptId: string; versionId: null /* the draft: files with inDraft = true */ };

/** One ranked passage. `relevance` is 0-1 and comparable across queries (see retrieval). */
export type RetrievedChunk = {
  chunkId: string;
  fileId: string;
  fileName: string;
  page: number | null;
  heading: string | null;
  text: string;
  rank: number;
  relevance: number;
  /** Raw scores, for the retrieval console. */
  lexicalScore: number | null;
  vectorScore: number | null;
};

/** Instance limits (InstanceSettings), shown in the UI and enforced on upload and ingestion. */
export type KnowledgeLimits = {
  maxFilesPerGpt: number;
  maxFileBytes: number;
  maxTokensPerFile: number;
  maxBytesPerCreator: number;
};

/** A knowledge file as its owner sees it (GET /api/gpts/:id/knowledge). Never shown to others. */
export type KnowledgeFileView = {
  id: string;
  name: string;
  kind: KnowledgeKind;
  sizeBytes: number;
  status: "QUEUED" | "PROCESSING" | "READY" | "FAILED";
  /** 0-100 while PROCESSING. */
  progress: number;
  error: string | null;
  chunkCount: number;
  tokenCount: number;
  pageCount: number | null;
  /** In the published version (answers store users now); false for draft-only files. */
  isLive: boolean;
  /** Still in the draft (false: removed, but the published version keeps it until next publish). */
  inDraft: boolean;
  createdAt: string;
};
