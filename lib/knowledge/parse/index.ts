import "server-only";

// Public API of knowledge parsing for server code. detectKnowledgeKind and the label are
// browser-safe: client components import them from ./detect-kind directly, not from here.
export {
  ACCEPTED_KNOWLEDGE_TYPES_LABEL,
  detectKnowledgeKind,
  KNOWLEDGE_MIME_TYPES,
} from "./detect-kind";
export { isKnowledgeParseError, KnowledgeParseError } from "./errors";
export { parseAndChunk } from "./parse-and-chunk";
export { type ParseInWorkerInput, parseAndChunkInWorker } from "./parse-in-worker";
