import os from "node:os";
import { describe, expect, it } from "vitest";
import { KnowledgeParseError } from "@/lib/knowledge/parse/errors";
import { parseAndChunkInWorker } from "@/lib/knowledge/parse/parse-in-worker";
import type { KnowledgeKind } from "@/lib/knowledge/types";
import { fixture, zipBombDocx } from "./fixtures";

const utf8 = (text: string) => new TextEncoder().encode(text);
const MEMORY = /needs more memory to process than allowed/;

/** Each test boots a real worker thread (tsx + tokenizer): give them room on a slow CI box. */
describe("[KNOWLEDGE]: parsing in a hardened worker thread", { timeout: 30_000 }, () => {
  it("parses and chunks a PDF in a worker, relaying progress from 0 to 1", async () => {
    const progress: number[] = [];
    const result = await parseAndChunkInWorker({
      bytes: fixture("policies.pdf"),
      kind: "pdf",
      maxTokens: 10_000,
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(result.pageCount).toBe(3);
    expect(result.chunks[0]).toMatchObject({ ordinal: 0, page: 1, heading: "Refund Policy" });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it("transfers the bytes to the worker instead of copying them", async () => {
    const bytes = new Uint8Array(utf8("Transferred, not copied.").buffer.slice(0));
    await parseAndChunkInWorker({ bytes, kind: "text", maxTokens: 100 });
    expect(bytes.byteLength).toBe(0); // detached: ownership moved to the worker
  });

  it("copies a view into a shared pool rather than detaching someone else's memory", async () => {
    const pool = utf8("prefix|Only this part is the file.");
    const view = pool.subarray(7);
    const result = await parseAndChunkInWorker({ bytes: view, kind: "text", maxTokens: 100 });
    expect(result.chunks[0].text).toBe("Only this part is the file.");
    expect(pool.byteLength).toBeGreaterThan(0);
  });

  it("passes the parser's creator-facing error through unchanged", async () => {
    const attempt = parseAndChunkInWorker({
      bytes: zipBombDocx(8 * 1024 * 1024),
      kind: "docx",
      maxTokens: 10_000,
    });
    await expect(attempt).rejects.toBeInstanceOf(KnowledgeParseError);
    await expect(attempt).rejects.toThrow(/looks like a zip bomb/);
  });

  it("enforces the token limit inside the worker", async () => {
    const text = Array.from({ length: 500 }, (_, i) => `Line ${i} of a long file.`).join("\n\n");
    await expect(
      parseAndChunkInWorker({ bytes: utf8(text), kind: "text", maxTokens: 1_000 }),
    ).rejects.toThrow(/^This file has about [\d,]+ tokens; the limit is 1,000 per file\.$/);
  });

  it("stops a worker that runs past the deadline and says so", async () => {
    const attempt = parseAndChunkInWorker({
      bytes: fixture("policies.pdf"),
      kind: "pdf",
      maxTokens: 10_000,
      timeoutMs: 50,
    });
    await expect(attempt).rejects.toThrow(
      new KnowledgeParseError(
        "Processing took longer than 50 ms, so it was stopped. Try a smaller or simpler file.",
      ),
    );
  });

  it("turns a worker out-of-memory crash into a rejection, and the process carries on", async () => {
    // o200k's tables alone need ~45 MB of heap: 16 MB is exhausted gradually, the recoverable way.
    const attempt = parseAndChunkInWorker({
      bytes: utf8("small file"),
      kind: "text",
      maxTokens: 100,
      maxMemoryMb: 16,
    });
    await expect(attempt).rejects.toThrow(MEMORY);
    const after = await parseAndChunkInWorker({
      bytes: utf8("still alive"),
      kind: "text",
      maxTokens: 100,
    });
    expect(after.chunks[0].text).toBe("still alive");
  });

  it("refuses up front a text file too large to decode within the memory limit", async () => {
    const big = new Uint8Array(8 * 1024 * 1024).fill(0x61);
    await expect(
      parseAndChunkInWorker({ bytes: big, kind: "text", maxTokens: 10, maxMemoryMb: 16 }),
    ).rejects.toThrow(MEMORY);
  });

  it("rejects with a generic message when the worker itself fails", async () => {
    const attempt = parseAndChunkInWorker({
      bytes: utf8("x"),
      kind: "spreadsheet" as KnowledgeKind,
      maxTokens: 10,
    });
    await expect(attempt).rejects.toThrow(
      new KnowledgeParseError(
        "We couldn't read this file. It may be damaged, or in a format we don't support.",
      ),
    );
  });

  it("rejects with a plain Error, not a verdict on the file, when the worker cannot start", async () => {
    const cwd = process.cwd();
    process.chdir(os.tmpdir()); // the boot file is resolved from the working directory
    try {
      const error = await parseAndChunkInWorker({
        bytes: utf8("x"),
        kind: "text",
        maxTokens: 10,
      }).catch((e) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(KnowledgeParseError);
    } finally {
      process.chdir(cwd);
    }
  });
});
