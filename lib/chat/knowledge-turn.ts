import "server-only";
import { normalizeMissQuery } from "../analytics/normalize-query";
import { recordKnowledgeMiss } from "../analytics/record-knowledge-miss";
import { prisma } from "../db";
import { retrievalTool } from "../knowledge/retrieval/retrieval-tool";
import { searchKnowledge } from "../knowledge/retrieval/search-knowledge";
import { SourceRegistry } from "../knowledge/retrieval/source-registry";
import type { KnowledgeScope } from "../knowledge/types";

/** Model calls per knowledge turn: a search of its own, then the answer (and one spare). */
export const KNOWLEDGE_MAX_STEPS = 3;

/** What a chat turn knows about its GPT's knowledge (see prepareKnowledgeTurn). */
export type KnowledgeTurn = {
  scope: KnowledgeScope;
  topK: number;
  minScore: number;
  knowledgeOnly: boolean;
  /** False for non-owners of a GPT that hides its knowledge sources: no file names anywhere. */
  showFileNames: boolean;
  /** Every passage this answer may cite (retrieved now, plus the model's own searches). */
  registry: SourceRegistry;
  /** How many passages were retrieved for the user's message (the first labels). */
  retrievedCount: number;
  /** Records a search that found nothing (creator analytics' knowledge gaps); never throws. */
  onMiss: (query: string) => Promise<void>;
};

export type KnowledgeSettings = {
  capabilities: string[];
  knowledgeTopK: number;
  knowledgeMinScore: number;
  hideKnowledgeSources: boolean;
  knowledgeOnly: boolean;
};

/**
 * The turn's recorder of knowledge misses: none for previews (the draft scope: the owner trying
 * their own GPT), and each normalised query at most once per turn (the question and the model's
 * own search for the same words are one gap).
 */
function missRecorder(scope: KnowledgeScope): (query: string) => Promise<void> {
  const seen = new Set<string>();
  return async (query) => {
    if (scope.versionId === null) return;
    const key = normalizeMissQuery(query);
    if (!key || seen.has(key)) return;
    seen.add(key);
    await recordKnowledgeMiss({ gptId: scope.gptId, query });
  };
}

async function hasLiveFiles(scope: KnowledgeScope): Promise<boolean> {
  const count = await prisma.knowledgeFile.count({
    where: scope.versionId
      ? { gptId: scope.gptId, status: "READY", versions: { some: { versionId: scope.versionId } } }
      : { gptId: scope.gptId, status: "READY", inDraft: true },
  });
  return count > 0;
}

/**
 * Retrieval for one turn: null unless the answering source (published version, or the owner's
 * draft) has the "knowledge" capability and READY files. Retrieves for the user's latest message
 * with the source's topK / minScore.
 */
export async function prepareKnowledgeTurn({
  gptId,
  versionId,
  settings,
  query,
  isOwner,
}: {
  gptId: string;
  versionId: string | null;
  settings: KnowledgeSettings;
  query: string;
  isOwner: boolean;
}): Promise<KnowledgeTurn | null> {
  if (!settings.capabilities.includes("knowledge")) return null;
  const scope: KnowledgeScope = versionId ? { gptId, versionId } : { gptId, versionId: null };
  if (!(await hasLiveFiles(scope))) return null;
  const topK = Math.max(1, Math.min(20, settings.knowledgeTopK));
  const minScore = Math.max(0, Math.min(1, settings.knowledgeMinScore));
  const onMiss = missRecorder(scope);
  let results: Awaited<ReturnType<typeof searchKnowledge>>["results"] = [];
  try {
    ({ results } = await searchKnowledge({ scope, query, topK, minScore }));
    if (results.length === 0) await onMiss(query);
  } catch (error) {
    // The answer goes on without passages (and, knowledgeOnly, says it found nothing).
    console.error("[atelier] knowledge retrieval failed", error);
  }
  return {
    scope,
    topK,
    minScore,
    knowledgeOnly: settings.knowledgeOnly,
    showFileNames: isOwner || !settings.hideKnowledgeSources,
    registry: new SourceRegistry(results, query),
    retrievedCount: results.length,
    onMiss,
  };
}

export function knowledgeTools(knowledge: KnowledgeTurn) {
  return {
    search_knowledge: retrievalTool({
      scope: knowledge.scope,
      topK: knowledge.topK,
      minScore: knowledge.minScore,
      registry: knowledge.registry,
      showFileNames: knowledge.showFileNames,
      onMiss: knowledge.onMiss,
    }),
  };
}
