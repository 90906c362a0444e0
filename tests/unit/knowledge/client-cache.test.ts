import { describe, expect, it } from "vitest";
import type { KnowledgeListResponse } from "@/lib/knowledge/client/api-client";
import { mergeKnowledgeFile } from "@/lib/knowledge/client/hooks";
import type { KnowledgeFileView } from "@/lib/knowledge/types";

const view = (id: string, changes: Partial<KnowledgeFileView> = {}): KnowledgeFileView => ({
  id,
  name: `${id}.md`,
  kind: "markdown",
  sizeBytes: 100,
  status: "QUEUED",
  progress: 0,
  error: null,
  chunkCount: 0,
  tokenCount: 0,
  pageCount: null,
  isLive: false,
  inDraft: true,
  createdAt: "2026-01-01T00:00:00.000Z",
  ...changes,
});

const list: KnowledgeListResponse = {
  files: [view("a", { status: "READY" })],
  limits: {
    maxFilesPerGpt: 20,
    maxFileBytes: 1000,
    maxTokensPerFile: 1000,
    maxBytesPerCreator: 5000,
  },
  usage: { files: 1, creatorBytes: 100 },
};

describe("[KNOWLEDGE]: the builder's cached file list", () => {
  it("adds an uploaded file and counts it in the usage at once", () => {
    const next = mergeKnowledgeFile(list, view("b"));
    expect(next?.files.map((file) => file.id)).toEqual(["a", "b"]);
    expect(next?.usage).toEqual({ files: 2, creatorBytes: 200 });
  });

  it("replaces a retried file in place without counting it twice", () => {
    const next = mergeKnowledgeFile(list, view("a", { status: "QUEUED" }));
    expect(next?.files).toEqual([view("a", { status: "QUEUED" })]);
    expect(next?.usage).toEqual(list.usage);
  });
});
