import { describe, expect, it } from "vitest";
import { chunkText } from "@/lib/knowledge/parse/chunk-text";
import { parseAndChunk } from "@/lib/knowledge/parse/parse-and-chunk";
import { parseDocument } from "@/lib/knowledge/parse/parse-document";
import { fixture } from "./fixtures";

const noProgress = () => {};
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("[KNOWLEDGE]: format parsers", () => {
  it("extracts PDF text page by page with the page number of each block", async () => {
    const parsed = await parseDocument(fixture("policies.pdf"), "pdf", noProgress);
    expect(parsed.pageCount).toBe(3);
    const pageOf = (needle: string) => parsed.segments.find((s) => s.text.includes(needle))?.page;
    expect(pageOf("refund within 30 days")).toBe(1);
    expect(pageOf("ship within two business days")).toBe(2);
    expect(pageOf("five year warranty")).toBe(3);
  });

  it("infers PDF headings from larger type and attaches them to the text below", async () => {
    const parsed = await parseDocument(fixture("policies.pdf"), "pdf", noProgress);
    const body = parsed.segments.find((s) => s.text.includes("five year warranty"));
    expect(body?.heading).toBe("Warranty");
  });

  it("starts each PDF chunk's page where the chunk starts", async () => {
    const parsed = await parseDocument(fixture("policies.pdf"), "pdf", noProgress);
    const { chunks } = chunkText(parsed, { maxTokens: 10_000, chunkTokens: 30, overlapTokens: 0 });
    expect(chunks.map((c) => c.page)).toEqual([1, 2, 3]);
    expect(chunks[1].text.startsWith("Shipping Times")).toBe(true);
    expect(chunks[1].heading).toBe("Shipping Times");
  });

  it("reports PDF parsing progress per page", async () => {
    const seen: number[] = [];
    await parseDocument(fixture("policies.pdf"), "pdf", (f) => seen.push(f));
    expect(seen.map((f) => f.toFixed(2))).toEqual(["0.33", "0.67", "1.00"]);
  });

  it("extracts DOCX paragraphs under their Word headings", async () => {
    const parsed = await parseDocument(fixture("onboarding.docx"), "docx", noProgress);
    const headingOf = (needle: string) =>
      parsed.segments.find((s) => s.text.includes(needle))?.heading;
    expect(headingOf("first week")).toBe("Onboarding Guide");
    expect(headingOf("laptop and a badge")).toBe("Accounts");
    expect(headingOf("Health insurance")).toBe("Benefits");
    expect(parsed.pageCount).toBeNull();
  });

  it("tracks markdown # headings, ignoring # lines inside code fences", async () => {
    const parsed = await parseDocument(fixture("manual.md"), "markdown", noProgress);
    const headingOf = (needle: string) =>
      parsed.segments.find((s) => s.text.includes(needle))?.heading;
    expect(headingOf("minimum line")).toBe("Kettle Manual");
    expect(headingOf("echo descale")).toBe("Cleaning");
    expect(headingOf("immerse the base")).toBe("Safety");
  });

  it("extracts HTML text with h1-h6 headings and drops scripts and styles", async () => {
    const parsed = await parseDocument(fixture("faq.html"), "html", noProgress);
    const all = parsed.segments.map((s) => s.text).join("\n");
    expect(all).not.toContain("do not index");
    expect(all).not.toContain("color: red");
    expect(all).toContain("bank transfers & invoices");
    expect(parsed.segments.find((s) => s.text === "Visa")?.heading).toBe("Payments");
    expect(parsed.segments.find((s) => s.text.includes("one business day"))?.heading).toBe(
      "Frequently Asked Questions",
    );
  });

  it("keeps CSV rows whole, quoted delimiters included", async () => {
    const parsed = await parseDocument(fixture("products.csv"), "csv", noProgress);
    expect(parsed.chunkHeader).toBe("sku,name,price,stock");
    expect(parsed.segments.map((s) => s.text)).toContain('K-200,"Travel Kettle, compact",39.50,80');
  });

  it("repeats the CSV header row at the start of every chunk", async () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) => `SKU-${i},Product number ${i},${i}.99,${i % 7}`,
    );
    const csv = utf8(`sku,name,price,stock\n${rows.join("\n")}\n`);
    const { chunks } = await parseAndChunk(csv, "csv", 100_000);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      const lines = chunk.text.split("\n");
      expect(lines[0]).toBe("sku,name,price,stock");
      expect(
        lines.slice(1).every((line) => /^SKU-\d+,Product number \d+,\d+\.99,\d$/.test(line)),
      ).toBe(true);
      expect(chunk.tokenCount).toBeLessThanOrEqual(800);
    }
  });

  it("pretty-prints JSON so records can be split on lines", async () => {
    const parsed = await parseDocument(fixture("store.json"), "json", noProgress);
    const text = parsed.segments.map((s) => s.text).join("\n");
    expect(text).toContain('"weekdays": "9-18"');
    expect(text.split("\n").length).toBeGreaterThan(5);
  });

  it("makes each top-level JSON array item its own block", async () => {
    const parsed = await parseDocument(utf8('[{"id":1},{"id":2},{"id":3}]'), "json", noProgress);
    expect(parsed.segments).toHaveLength(3);
    expect(parsed.segments[1].text).toBe('{\n  "id": 2\n}');
  });

  it("keeps source code and plain text exactly as written", async () => {
    const code = await parseAndChunk(fixture("order-total.ts"), "code", 10_000);
    expect(code.chunks[0].text).toContain("  return items.reduce((sum, item) =>");
    const text = await parseAndChunk(fixture("hours.txt"), "text", 10_000);
    expect(text.chunks[0].text).toBe(
      "Store hours\n\nWe are open Monday to Friday, nine to six.\n\nClosed on public holidays.",
    );
    expect(text.pageCount).toBeNull();
  });

  it("returns the page count for PDFs through parseAndChunk", async () => {
    const result = await parseAndChunk(fixture("policies.pdf"), "pdf", 10_000);
    expect(result.pageCount).toBe(3);
    expect(result.chunks[0]).toMatchObject({ ordinal: 0, page: 1, heading: "Refund Policy" });
  });
});
