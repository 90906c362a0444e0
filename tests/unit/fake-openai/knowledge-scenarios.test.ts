import { describe, expect, it } from "vitest";
import { embedText } from "../../fixtures/fake-openai/embeddings";
import {
  findPassages,
  KNOWLEDGE_NOT_FOUND_REPLY,
  planResponse,
} from "../../fixtures/fake-openai/scenarios";
import type { ChatRequest } from "../../fixtures/fake-openai/wire";

const system = [
  "You are a GPT.",
  '<passage label="[2]" source="[2] b.txt">',
  "Second   passage\ntext.",
  "</passage>",
  "",
  '<passage label="[1]" source="[1] a.pdf, page 3">',
  `First passage: ${"x".repeat(300)}`,
  "</passage>",
].join("\n");

function request(messages: ChatRequest["messages"], tools?: ChatRequest["tools"]): ChatRequest {
  return { model: "fake-model", messages, ...(tools ? { tools } : {}) } as ChatRequest;
}

function textOf(plan: ReturnType<typeof planResponse>): string {
  return plan.kind === "completion" ? plan.deltas.join("") : "";
}

const searchTool = {
  type: "function" as const,
  function: { name: "search_knowledge", parameters: { type: "object" } },
};

describe("[FAKE-OPENAI]: knowledge scenarios", () => {
  it("finds labelled passages and collapses their whitespace", () => {
    expect(findPassages(system).map((passage) => passage.n)).toEqual([2, 1]);
    expect(findPassages(system)[0].text).toBe("Second passage text.");
  });

  it("knowledgeCite cites the lowest label with the first 200 characters of its passage", () => {
    const plan = planResponse("knowledgeCite", {
      request: request([
        { role: "system", content: system },
        { role: "user", content: "question" },
      ]),
      slowMs: 0,
    });
    const answer = textOf(plan);
    expect(answer.startsWith("According to [1]: First passage: xxx")).toBe(true);
    expect(answer).toHaveLength("According to [1]: ".length + 200);
  });

  it("knowledgeCite says it found nothing without passages", () => {
    const plan = planResponse("knowledgeCite", {
      request: request([{ role: "user", content: "question" }]),
      slowMs: 0,
    });
    expect(textOf(plan)).toBe(KNOWLEDGE_NOT_FOUND_REPLY);
  });

  it("knowledgeSearch calls search_knowledge with the user's text, then cites its result", () => {
    const first = planResponse("knowledgeSearch", {
      request: request(
        [{ role: "user", content: "[[scenario:knowledgeSearch]] refund policy" }],
        [searchTool],
      ),
      slowMs: 0,
    });
    expect(first.kind === "completion" && first.toolCalls?.[0].name).toBe("search_knowledge");
    const args = first.kind === "completion" ? first.toolCalls?.[0].argumentChunks.join("") : "";
    expect(JSON.parse(args ?? "{}")).toEqual({ query: "refund policy" });
    const second = planResponse("knowledgeSearch", {
      request: request(
        [
          { role: "user", content: "refund policy" },
          {
            role: "tool",
            tool_call_id: "call_1",
            content: '<passage label="[3]" source="x">Refunds take 5 days.</passage>',
          },
        ],
        [searchTool],
      ),
      slowMs: 0,
    });
    expect(textOf(second)).toBe("According to [3]: Refunds take 5 days.");
  });

  it("embeddings are deterministic and similar texts are closer", () => {
    const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0);
    const query = embedText("refund policy for damaged items");
    expect(embedText("refund policy for damaged items")).toEqual(query);
    expect(cosine(query, embedText("our refund policy covers damaged items"))).toBeGreaterThan(
      cosine(query, embedText("the office coffee machine is cleaned on fridays")),
    );
  });
});
