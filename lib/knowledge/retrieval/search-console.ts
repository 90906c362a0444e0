import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import type { RetrievedChunk } from "../types";
import { MAX_TOP_K, type SearchMode, searchKnowledge } from "./search-knowledge";

export const knowledgeSearchInputSchema = z.object({
  query: z.string().trim().min(1, "Type something to search for.").max(2000),
  /** Defaults: the searched source's own knowledgeTopK / knowledgeMinScore. */
  topK: z.number().int().min(1).max(MAX_TOP_K).optional(),
  minScore: z.number().min(0).max(1).optional(),
  source: z.enum(["draft", "published"]).default("draft"),
});
export type KnowledgeSearchInput = z.input<typeof knowledgeSearchInputSchema>;

export type KnowledgeSearchResponse = {
  results: RetrievedChunk[];
  mode: SearchMode;
  tookMs: number;
};

/**
 * The builder's retrieval console: what the GPT would retrieve for a query, from the draft's files
 * or the published version's. Owner only: anyone else gets "not found" (knowledge text never
 * reaches anyone but the owner, and the GPT's existence is not confirmed).
 */
export async function searchKnowledgeConsole({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: z.output<typeof knowledgeSearchInputSchema>;
}): Promise<KnowledgeSearchResponse> {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: {
      id: true,
      knowledgeTopK: true,
      knowledgeMinScore: true,
      publishedVersion: { select: { id: true, knowledgeTopK: true, knowledgeMinScore: true } },
    },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  const settings = input.source === "published" ? gpt.publishedVersion : gpt;
  if (!settings) throw new AppError("bad_request", "This GPT has no published version yet.");
  const started = performance.now();
  const { results, mode } = await searchKnowledge({
    scope:
      gpt.publishedVersion && input.source === "published"
        ? { gptId: gpt.id, versionId: gpt.publishedVersion.id }
        : { gptId: gpt.id, versionId: null },
    query: input.query,
    topK: input.topK ?? settings.knowledgeTopK,
    minScore: input.minScore ?? settings.knowledgeMinScore,
  });
  return { results, mode, tookMs: Math.round(performance.now() - started) };
}
