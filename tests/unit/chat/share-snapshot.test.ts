import { describe, expect, it } from "vitest";
import { actionHostsOf, toSharedParts } from "@/lib/chat/share/snapshot";

const call = (data: Record<string, unknown>) => ({
  type: "data-action-call",
  id: String(data.toolCallId),
  data,
});

describe("[CHAT]: shared copy of a message's parts", () => {
  it("keeps text, reduces action calls to one host line each, and drops unknown parts", () => {
    const parts = toSharedParts(
      [
        call({
          toolCallId: "1",
          domain: "api.example.com",
          request: { url: "https://api.example.com/me?key=SECRET" },
        }),
        call({
          toolCallId: "2",
          domain: "api.example.com",
          request: { url: "https://api.example.com/x" },
        }),
        call({ toolCallId: "3", domain: "", request: { url: "https://other.example:8443/path" } }),
        { type: "reasoning", text: "private thoughts" },
        { type: "text", text: "Done." },
      ],
      { hideSources: false },
    );
    expect(parts).toEqual([
      { type: "data-action-used", data: { host: "api.example.com" } },
      { type: "data-action-used", data: { host: "other.example:8443" } },
      { type: "text", text: "Done." },
    ]);
    expect(actionHostsOf(parts)).toEqual(["api.example.com", "other.example:8443"]);
    expect(JSON.stringify(parts)).not.toContain("SECRET");
  });

  it("strips internal ids from citations and hides file names on request", () => {
    const stored = [
      { type: "text", text: "See [1]." },
      {
        type: "data-citations",
        data: {
          citations: [
            {
              n: 1,
              chunkId: "chunk-9",
              fileId: "file-9",
              fileName: "plan.pdf",
              page: 2,
              heading: "H",
              quote: "Q",
            },
          ],
        },
      },
    ];
    const hidden = toSharedParts(stored, { hideSources: true });
    expect(hidden[1]).toEqual({
      type: "data-citations",
      data: {
        citations: [
          {
            n: 1,
            chunkId: "shared-1",
            fileId: "",
            fileName: null,
            page: 2,
            heading: "H",
            quote: "Q",
          },
        ],
      },
    });
    const shown = toSharedParts(stored, { hideSources: false });
    expect(JSON.stringify(shown)).toContain("plan.pdf");
    expect(JSON.stringify(shown)).not.toContain("file-9");
  });

  it("returns nothing for parts that are not a list", () => {
    expect(toSharedParts(null, { hideSources: false })).toEqual([]);
  });
});
