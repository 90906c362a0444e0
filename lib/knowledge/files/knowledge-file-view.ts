import "server-only";
import type { KnowledgeFile } from "../../generated/prisma/client";
import type { KnowledgeFileView, KnowledgeKind } from "../types";

export const knowledgeFileViewSelect = {
  id: true,
  name: true,
  kind: true,
  sizeBytes: true,
  status: true,
  progress: true,
  error: true,
  chunkCount: true,
  tokenCount: true,
  pageCount: true,
  inDraft: true,
  createdAt: true,
} as const;

type ViewRow = Pick<KnowledgeFile, keyof typeof knowledgeFileViewSelect>;

export function toKnowledgeFileView(row: ViewRow, isLive: boolean): KnowledgeFileView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as KnowledgeKind,
    sizeBytes: row.sizeBytes,
    status: row.status,
    progress: row.status === "READY" ? 100 : row.progress,
    error: row.error,
    chunkCount: row.chunkCount,
    tokenCount: row.tokenCount,
    pageCount: row.pageCount,
    isLive,
    inDraft: row.inDraft,
    createdAt: row.createdAt.toISOString(),
  };
}
