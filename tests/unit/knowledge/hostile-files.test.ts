import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { detectKnowledgeKind } from "@/lib/knowledge/parse/detect-kind";
import { KnowledgeParseError } from "@/lib/knowledge/parse/errors";
import { parseAndChunk } from "@/lib/knowledge/parse/parse-and-chunk";
import { assertSafeZip, ZIP_LIMITS } from "@/lib/knowledge/parse/zip-guard";
import { fixture, withLyingSizes, zipBombDocx } from "./fixtures";

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOMB = /looks like a zip bomb/;

describe("[KNOWLEDGE]: hostile and broken files fail cleanly", () => {
  it("rejects a DOCX zip bomb from its central directory", async () => {
    const bomb = zipBombDocx(20 * 1024 * 1024); // ~20 KB on disk, 20 MB inflated: ratio ~1000:1
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(parseAndChunk(bomb, "docx", 100_000)).rejects.toThrow(BOMB);
  });

  it("rejects a zip whose declared total exceeds 200 MB even at modest ratios", () => {
    const zip = zipBombDocx(3 * 1024 * 1024);
    expect(() =>
      assertSafeZip(zip, { ...ZIP_LIMITS, maxRatio: 10_000, maxTotalBytes: 2 * 1024 * 1024 }),
    ).toThrow(BOMB);
  });

  it("catches a bomb that lies about its size in the zip headers", () => {
    const liar = withLyingSizes(zipBombDocx(20 * 1024 * 1024), 4_096);
    expect(() => assertSafeZip(liar)).toThrow(KnowledgeParseError);
    expect(() => assertSafeZip(liar)).toThrow(BOMB);
  });

  it("rejects a zip with more than 1,000 entries", () => {
    const entries = Object.fromEntries(
      Array.from({ length: 1_001 }, (_, i) => [`word/part${i}.xml`, utf8("<x/>")]),
    );
    const many = zipSync({ ...entries, "word/document.xml": utf8("<w:document/>") });
    expect(() => assertSafeZip(many)).toThrow(/1,002 internal files; the limit is 1,000/);
  });

  it("accepts a real DOCX", () => {
    expect(() => assertSafeZip(fixture("onboarding.docx"))).not.toThrow();
  });

  it("reports a truncated PDF as damaged", async () => {
    await expect(parseAndChunk(fixture("truncated.pdf"), "pdf", 100_000)).rejects.toThrow(
      new KnowledgeParseError("This PDF is damaged or incomplete, so it can't be read."),
    );
  });

  it("reports a PNG forced through the PDF parser as damaged, not as a crash", async () => {
    await expect(parseAndChunk(fixture("image-renamed.pdf"), "pdf", 100_000)).rejects.toThrow(
      "This PDF is damaged or incomplete",
    );
  });

  it("reports a truncated DOCX as damaged", async () => {
    const cut = fixture("onboarding.docx").slice(0, 4_000);
    await expect(parseAndChunk(cut, "docx", 100_000)).rejects.toThrow(
      "This DOCX file is damaged or incomplete",
    );
  });

  it("refuses binary bytes sent as text", async () => {
    await expect(parseAndChunk(fixture("binary-renamed.txt"), "text", 100_000)).rejects.toThrow(
      "This file isn't valid UTF-8 text",
    );
  });

  it("refuses invalid JSON and files with no text", async () => {
    await expect(parseAndChunk(utf8("{ nope"), "json", 100)).rejects.toThrow("not valid JSON");
    await expect(
      parseAndChunk(utf8("<html><body><script>x()</script></body></html>"), "html", 100),
    ).rejects.toThrow("This file has no text to use as knowledge.");
  });

  it("prints deeply nested JSON without quadratic indentation or a stack overflow", async () => {
    const depth = 5_000;
    const nested = `${"[".repeat(depth)}1${"]".repeat(depth)}`;
    const result = await parseAndChunk(utf8(nested), "json", 1_000_000);
    const totalChars = result.chunks.reduce((sum, c) => sum + c.text.length, 0);
    expect(totalChars).toBeLessThan(depth * 2 * 40); // ≤ 16 spaces of indent per line, plus overlap
    const shallow = `${"[".repeat(20)}1${"]".repeat(20)}`;
    const printed = (await parseAndChunk(utf8(shallow), "json", 1_000_000)).chunks[0].text;
    expect(
      Math.max(...printed.split("\n").map((line) => line.length - line.trimStart().length)),
    ).toBe(16);
  });
});

// Inputs that made earlier regular expressions backtrack for minutes. Each test must simply finish
// (the timeout is a hang guard, not a speed measurement) and give the right answer.
describe("[KNOWLEDGE]: pathological input cannot hang detection or parsing", () => {
  it("classifies pathological text (detection runs on the upload request)", () => {
    const brackets = utf8(`${"[".repeat(60_000)}\n`);
    const comments = utf8(`${"<!---->".repeat(600)}<p>x`);
    expect(detectKnowledgeKind(brackets, "a.txt")?.kind).toBe("text");
    expect(detectKnowledgeKind(comments, "a.txt")?.kind).toBeDefined();
  }, 20_000);

  it("parses long whitespace runs, hash-heavy heading lines and space-less text", async () => {
    const spaces = utf8(`a${" ".repeat(1_000_000)}b\n\nnext paragraph`);
    const hashes = utf8(`# ${"# ".repeat(200_000)}x\n\nbody`);
    const noSpaces = utf8("z".repeat(2_000_000));
    expect((await parseAndChunk(spaces, "text", 10_000_000)).chunks.at(-1)?.text).toContain(
      "next paragraph",
    );
    expect((await parseAndChunk(hashes, "markdown", 10_000_000)).chunks.at(-1)?.text).toContain(
      "body",
    );
    expect((await parseAndChunk(noSpaces, "text", 10_000_000)).tokenCount).toBeGreaterThan(0);
  }, 60_000);
});
