import { describe, expect, it } from "vitest";
import { precheckKnowledgeFiles } from "@/lib/knowledge/client/precheck";
import { fileSizeMessage, filesPerGptMessage } from "@/lib/knowledge/files/upload-rules";

const MB = 1024 * 1024;
const limits = {
  maxFilesPerGpt: 3,
  maxFileBytes: 10 * MB,
  maxTokensPerFile: 1_000_000,
  maxBytesPerCreator: 30 * MB,
};
const file = (name: string, megabytes: number) => ({ name, size: megabytes * MB });

describe("[KNOWLEDGE]: upload pre-checks in the builder", () => {
  it("accepts files within every limit", () => {
    const result = precheckKnowledgeFiles({
      files: [file("a.pdf", 1), file("b.md", 2)],
      limits,
      usage: { files: 0, creatorBytes: 0 },
    });
    expect(result.accepted.map((item) => item.name)).toEqual(["a.pdf", "b.md"]);
    expect(result.rejected).toEqual([]);
  });

  it("refuses a file over the size limit with the server's message", () => {
    const result = precheckKnowledgeFiles({
      files: [file("big.pdf", 11)],
      limits,
      usage: { files: 0, creatorBytes: 0 },
    });
    expect(result.rejected).toEqual([
      { file: file("big.pdf", 11), message: fileSizeMessage(limits.maxFileBytes) },
    ]);
  });

  it("counts stored and still-uploading files against the per-GPT limit", () => {
    const result = precheckKnowledgeFiles({
      files: [file("a.txt", 1), file("b.txt", 1)],
      limits,
      usage: { files: 1, creatorBytes: MB },
      pending: { files: 1, bytes: MB },
    });
    expect(result.accepted.map((item) => item.name)).toEqual(["a.txt"]);
    expect(result.rejected[0]?.message).toBe(filesPerGptMessage(3));
  });

  it("refuses what would take the creator past their total storage", () => {
    const result = precheckKnowledgeFiles({
      files: [file("a.txt", 6), file("b.txt", 2)],
      limits,
      usage: { files: 0, creatorBytes: 25 * MB },
    });
    expect(result.rejected.map((item) => item.file.name)).toEqual(["a.txt"]);
    expect(result.rejected[0]?.message).toContain("30 MB");
    expect(result.accepted.map((item) => item.name)).toEqual(["b.txt"]);
  });

  it("refuses empty files", () => {
    const result = precheckKnowledgeFiles({
      files: [{ name: "empty.txt", size: 0 }],
      limits,
      usage: { files: 0, creatorBytes: 0 },
    });
    expect(result.rejected[0]?.message).toBe("empty.txt is empty.");
  });
});
