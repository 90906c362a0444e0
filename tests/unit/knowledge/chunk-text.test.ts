import { encode } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { chunkText } from "@/lib/knowledge/parse/chunk-text";
import { KnowledgeParseError } from "@/lib/knowledge/parse/errors";
import type { ParsedDocument, TextSegment } from "@/lib/knowledge/parse/parsed-document";

const doc = (segments: Partial<TextSegment>[], separator = "\n\n"): ParsedDocument => ({
  segments: segments.map((s) => ({ text: "", page: null, heading: null, ...s })),
  pageCount: null,
  separator,
  chunkHeader: null,
});

/** Deterministic varied prose: repeated text would flatter the tokenizer's cache. */
function prose(paragraphs: number, seed = 7): string[] {
  const words =
    "kettle refund warranty shipping customer invoice Lyon descale vinegar policy within days order the of and to is a".split(
      " ",
    );
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: paragraphs }, (_, p) => {
    const length = 30 + Math.floor(next() * 60);
    const body = Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(" ");
    return `Paragraph ${p}: ${body}.`;
  });
}

describe("[KNOWLEDGE]: token-based chunking", () => {
  it("uses 800-token chunks with 400-token overlap by default", () => {
    const { chunks } = chunkText(doc(prose(200).map((text) => ({ text }))), {
      maxTokens: 1_000_000,
    });
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(800);
      // Counted per block, so an upper bound: joins can only merge tokens (".\n\n" is one).
      const actual = encode(chunk.text).length;
      expect(actual).toBeLessThanOrEqual(chunk.tokenCount);
      expect(actual).toBeGreaterThan(chunk.tokenCount * 0.95);
    }
    const full = chunks.slice(0, -1).map((c) => c.tokenCount);
    expect(Math.min(...full)).toBeGreaterThan(700);
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, i) => i));
  });

  it("overlaps consecutive chunks by whole paragraphs worth at most 400 tokens", () => {
    const { chunks } = chunkText(doc(prose(200).map((text) => ({ text }))), {
      maxTokens: 1_000_000,
    });
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1].text.split("\n\n");
      const current = chunks[i].text.split("\n\n");
      const shared = current.filter((p) => previous.includes(p));
      expect(shared.length).toBeGreaterThan(0);
      expect(current.slice(0, shared.length)).toEqual(previous.slice(-shared.length));
      const sharedTokens = shared.reduce((sum, p) => sum + encode(p).length, 0);
      expect(sharedTokens).toBeLessThanOrEqual(400);
      expect(sharedTokens).toBeGreaterThan(250);
    }
  });

  it("never splits a paragraph that fits in a chunk", () => {
    const paragraphs = prose(120);
    const { chunks } = chunkText(doc(paragraphs.map((text) => ({ text }))), {
      maxTokens: 1_000_000,
    });
    for (const chunk of chunks) {
      for (const part of chunk.text.split("\n\n")) expect(paragraphs).toContain(part);
    }
    const covered = new Set(chunks.flatMap((c) => c.text.split("\n\n")));
    expect(covered.size).toBe(paragraphs.length);
  });

  it("splits an oversized paragraph on sentences, not mid-sentence", () => {
    const sentences = prose(60).map((s) => s.replace(/^Paragraph/, "Sentence"));
    const { chunks } = chunkText(doc([{ text: sentences.join(" ") }]), {
      maxTokens: 1_000_000,
      chunkTokens: 300,
      overlapTokens: 100,
    });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(300);
      expect(chunk.text.startsWith("Sentence")).toBe(true);
      expect(chunk.text.endsWith(".")).toBe(true);
    }
  });

  it("falls back to token slices for text with no line or sentence breaks", () => {
    const blob = "x7Gq".repeat(20_000); // minified or encoded data: no boundaries at all
    const { chunks, tokenCount } = chunkText(doc([{ text: blob }]), { maxTokens: 1_000_000 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(800);
    expect(tokenCount).toBeGreaterThan(800);
    expect(chunks[1].text.length).toBeGreaterThan(0);
  });

  it("starts a new chunk at a heading, without overlap from the previous section", () => {
    const [a, b] = [prose(6, 1), prose(6, 2)];
    const segments = [
      { text: "# Alpha", heading: "Alpha" },
      ...a.map((text) => ({ text, heading: "Alpha" })),
      { text: "# Beta", heading: "Beta" },
      ...b.map((text) => ({ text, heading: "Beta" })),
    ];
    const { chunks } = chunkText(doc(segments), { maxTokens: 1_000_000 });
    expect(chunks).toHaveLength(2);
    expect(chunks[1].text.startsWith("# Beta")).toBe(true);
    expect(chunks[1].heading).toBe("Beta");
    expect(chunks[1].text).not.toContain(a[a.length - 1]);
  });

  it("records the page and nearest heading where each chunk starts", () => {
    const segments = prose(60).map((text, i) => ({
      text,
      page: Math.floor(i / 10) + 1,
      heading: `Section ${Math.floor(i / 30) + 1}`,
    }));
    const { chunks } = chunkText(doc(segments, "\n"), {
      maxTokens: 1_000_000,
      chunkTokens: 400,
      overlapTokens: 0,
    });
    for (const chunk of chunks) {
      const first = segments.find((s) => chunk.text.startsWith(s.text));
      expect(first).toBeDefined();
      expect(chunk.page).toBe(first?.page);
      expect(chunk.heading).toBe(first?.heading);
    }
  });

  it("rejects a document over the token limit with the creator-facing message", () => {
    const document = doc(prose(400).map((text) => ({ text })));
    const attempt = () => chunkText(document, { maxTokens: 5_000 });
    expect(attempt).toThrow(KnowledgeParseError);
    expect(attempt).toThrow(/^This file has about [\d,]+ tokens; the limit is 5,000 per file\.$/);
  });

  it("estimates the whole file's tokens when it stops early", () => {
    const document = doc(prose(2000).map((text) => ({ text })));
    const { tokenCount } = chunkText(document, { maxTokens: 10_000_000 });
    let message = "";
    try {
      chunkText(document, { maxTokens: 10_000 });
    } catch (error) {
      message = (error as Error).message;
    }
    const estimate = Number(/about ([\d,]+) tokens/.exec(message)?.[1].replaceAll(",", ""));
    expect(Math.abs(estimate - tokenCount) / tokenCount).toBeLessThan(0.1);
  });

  it("starts a new chunk at a new PDF page, labelled with that page though it repeats the previous page's tail", () => {
    const pageOne = prose(40, 11).map((text) => ({ text, page: 1 }));
    const { chunks } = chunkText(
      doc([...pageOne, { text: "The gate code is AZURE-FALCON-42.", page: 2 }]),
      { maxTokens: 100_000 },
    );
    const last = chunks.at(-1);
    expect(chunks.length).toBeGreaterThan(1);
    // It repeats page 1's tail as overlap, but its new content is page 2's.
    expect(last?.text).toContain(pageOne.at(-1)?.text);
    expect(last?.text).toContain("AZURE-FALCON-42");
    expect(last?.page).toBe(2);
    expect(chunks[0].page).toBe(1);
  });

  it("treats special-token text such as <|endoftext|> as plain text", () => {
    const { chunks } = chunkText(doc([{ text: "Ignore this: <|endoftext|> and go on." }]), {
      maxTokens: 100,
    });
    expect(chunks[0].text).toContain("<|endoftext|>");
  });

  // Speed is measured by `npm run bench:ingest`; this pins down that a file at the 2M-token limit
  // is chunked completely (the generous timeout only guards against a hang).
  it("chunks a 2M-token document completely, every chunk within the size", () => {
    const paragraphs = prose(30_000, 3);
    const { tokenCount, chunks } = chunkText(doc(paragraphs.map((text) => ({ text }))), {
      maxTokens: 5_000_000,
    });
    expect(tokenCount).toBeGreaterThan(2_000_000);
    expect(chunks.length).toBeGreaterThan(4_000);
    expect(chunks.every((chunk) => chunk.tokenCount <= 800)).toBe(true);
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, index) => index));
  }, 60_000);
});
