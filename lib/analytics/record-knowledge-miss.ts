import "server-only";
import { prisma } from "../db";
import { normalizeMissQuery } from "./normalize-query";

const MAX_QUERY_CHARS = 500;

/**
 * Remembers a knowledge search that found nothing above the GPT's minimum score, for the creator's
 * knowledge-gaps list. Best effort: a failure is logged and never reaches the answer. Callers skip
 * previews (the owner trying their draft is not a question users asked).
 */
export async function recordKnowledgeMiss({
  gptId,
  query,
}: {
  gptId: string;
  query: string;
}): Promise<void> {
  const text = query.trim().slice(0, MAX_QUERY_CHARS);
  const normalized = normalizeMissQuery(text);
  if (!normalized) return;
  try {
    await prisma.knowledgeMiss.create({ data: { gptId, query: text, normalized } });
  } catch (error) {
    console.error("[atelier] could not record a knowledge miss", (error as Error).message);
  }
}
