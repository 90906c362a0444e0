import "server-only";
import { tool } from "ai";
import { z } from "zod";
import type { KnowledgeScope } from "../types";
import { searchKnowledge } from "./search-knowledge";
import { formatPassage, type SourceRegistry } from "./source-registry";

export const KNOWLEDGE_TOOL_NAME = "search_knowledge";

/**
 * Lets the model search the GPT's knowledge again with its own query. New passages join the
 * answer's source registry (next free labels), so the model cites them like the first ones.
 * A search that finds nothing above the minimum score goes to `onMiss` (the creator's knowledge
 * gaps), which must not throw.
 */
export function retrievalTool({
  scope,
  topK,
  minScore,
  registry,
  showFileNames,
  onMiss,
}: {
  scope: KnowledgeScope;
  topK: number;
  minScore: number;
  registry: SourceRegistry;
  showFileNames: boolean;
  onMiss?: (query: string) => Promise<void>;
}) {
  return tool({
    description:
      "Search this GPT's knowledge files. Use a short keyword query. Returns passages labelled [n]; cite the ones you use inline, like [n].",
    inputSchema: z.object({
      query: z.string().min(1).max(500).describe("What to look for, in a few keywords."),
    }),
    execute: async ({ query }) => {
      const { results } = await searchKnowledge({ scope, query, topK, minScore });
      if (results.length === 0) await onMiss?.(query);
      const passages = results.map((chunk) => registry.add(chunk, query));
      return { count: passages.length, labels: passages.map((source) => source.n), passages };
    },
    toModelOutput: ({ output }) => ({
      type: "text" as const,
      value:
        output.passages.length === 0
          ? "No passage of the knowledge files matched this query."
          : output.passages.map((source) => formatPassage(source, showFileNames)).join("\n\n"),
    }),
  });
}
