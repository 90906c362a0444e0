import { describe, expect, it } from "vitest";
import { highlightSegments, queryTerms } from "@/lib/knowledge/client/highlight";

const marked = (text: string, query: string) =>
  highlightSegments(text, query)
    .filter((segment) => segment.isMatch)
    .map((segment) => segment.text);

describe("[KNOWLEDGE]: query terms highlighted in the retrieval console", () => {
  it("drops stopwords and one-letter words, longest terms first", () => {
    expect(queryTerms("What is the refund policy for a PDF?")).toEqual(["refund", "policy", "pdf"]);
  });

  it("marks terms case-insensitively at the start of words", () => {
    expect(marked("Refunds follow the refund POLICY; no prepolicy.", "refund policy")).toEqual([
      "Refund",
      "refund",
      "POLICY",
    ]);
  });

  it("keeps the whole text, in order, across segments", () => {
    const text = "Prices (in €) are listed per seat.";
    const segments = highlightSegments(text, "price seat");
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
    expect(marked(text, "price seat")).toEqual(["Price", "seat"]);
  });

  it("treats regular-expression characters in the query as text", () => {
    expect(() => highlightSegments("a+b (c)", "a+b (c) [")).not.toThrow();
    expect(highlightSegments("plain", "")).toEqual([{ text: "plain", isMatch: false }]);
  });
});
