import { describe, expect, it } from "vitest";
import {
  ACCEPTED_KNOWLEDGE_TYPES_LABEL,
  detectKnowledgeKind,
  KNOWLEDGE_MIME_TYPES,
} from "@/lib/knowledge/parse/detect-kind";
import { fixture, xlsxLikeZip } from "./fixtures";

const utf8 = (text: string) => new TextEncoder().encode(text);
const kindOf = (bytes: Uint8Array, name: string) => detectKnowledgeKind(bytes, name)?.kind ?? null;

describe("[KNOWLEDGE]: file type detection from content", () => {
  it.each([
    ["policies.pdf", "pdf"],
    ["onboarding.docx", "docx"],
    ["manual.md", "markdown"],
    ["faq.html", "html"],
    ["products.csv", "csv"],
    ["store.json", "json"],
    ["order-total.ts", "code"],
    ["hours.txt", "text"],
  ])("detects %s as %s", (name, kind) => {
    expect(kindOf(fixture(name), name)).toBe(kind);
  });

  it("returns the MIME type of the detected kind, serving code as plain text", () => {
    expect(detectKnowledgeKind(fixture("policies.pdf"), "x.pdf")).toEqual({
      kind: "pdf",
      mimeType: "application/pdf",
    });
    expect(detectKnowledgeKind(fixture("order-total.ts"), "a.ts")?.mimeType).toBe("text/plain");
    expect(Object.keys(KNOWLEDGE_MIME_TYPES)).toHaveLength(8);
  });

  it("trusts the bytes over a misleading extension", () => {
    expect(kindOf(fixture("policies.pdf"), "notes.txt")).toBe("pdf");
    expect(kindOf(fixture("onboarding.docx"), "report.pdf")).toBe("docx");
    expect(kindOf(fixture("store.json"), "data.csv")).toBe("json");
    expect(kindOf(fixture("faq.html"), "page.txt")).toBe("html");
    expect(kindOf(fixture("products.csv"), "export.txt")).toBe("csv");
  });

  it("rejects an image renamed to .pdf and binary renamed to .txt", () => {
    expect(detectKnowledgeKind(fixture("image-renamed.pdf"), "image-renamed.pdf")).toBeNull();
    expect(detectKnowledgeKind(fixture("binary-renamed.txt"), "binary-renamed.txt")).toBeNull();
  });

  it("rejects zips that are not Word documents (xlsx) and broken zips", () => {
    expect(detectKnowledgeKind(xlsxLikeZip(), "sheet.docx")).toBeNull();
    expect(detectKnowledgeKind(fixture("onboarding.docx").slice(0, 200), "cut.docx")).toBeNull();
  });

  it("rejects text that is not valid UTF-8, contains NUL bytes, or is empty", () => {
    expect(
      detectKnowledgeKind(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), "latin1.txt"),
    ).toBeNull();
    expect(detectKnowledgeKind(utf8("hello\u0000world"), "a.txt")).toBeNull();
    expect(detectKnowledgeKind(new Uint8Array(0), "empty.txt")).toBeNull();
    expect(detectKnowledgeKind(utf8("  \n\n "), "blank.txt")).toBeNull();
  });

  it("accepts UTF-8 with a byte order mark", () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('{"a": 1}')]);
    expect(kindOf(bom, "data.json")).toBe("json");
  });

  it("uses the extension only to choose between markdown, code and plain text", () => {
    const prose = utf8("Just a note.\nNothing special here.\n");
    expect(kindOf(prose, "note.md")).toBe("markdown");
    expect(kindOf(prose, "note.py")).toBe("code");
    expect(kindOf(prose, "note.txt")).toBe("text");
    expect(kindOf(prose, "note")).toBe("text");
  });

  it("keeps a README that opens with an HTML block as markdown", () => {
    const readme = utf8('<div align="center"><img src="logo.png"></div>\n\n# Project\n\nText.\n');
    expect(kindOf(readme, "README.md")).toBe("markdown");
    expect(kindOf(utf8("<h1>Title</h1><p>Body</p>"), "fragment.txt")).toBe("html");
  });

  it("does not take prose with commas, or brace-wrapped non-JSON, for CSV or JSON", () => {
    expect(kindOf(utf8("Hello, world.\nThis is fine, really.\nYes.\n"), "a.txt")).toBe("text");
    expect(kindOf(utf8("{ not json }"), "a.txt")).toBe("text");
  });

  it("recognises markdown by its headings when the name gives no hint", () => {
    expect(kindOf(utf8("# Title\n\nIntro.\n\n## Part two\n\nMore.\n"), "notes.txt")).toBe(
      "markdown",
    );
  });

  it("exposes a label listing every accepted type", () => {
    for (const word of ["PDF", "DOCX", "Markdown", "HTML", "CSV", "JSON", "source code"]) {
      expect(ACCEPTED_KNOWLEDGE_TYPES_LABEL).toContain(word);
    }
  });
});
