import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { busCache } from "../events/bus-cache";
import { creatorDisplayName, listedInStoreWhere } from "../store/card";
import type { ModelList } from "./schemas";

/** More than any client lists; the store's long tail is found by slug. */
const MODEL_LIST_LIMIT = 1000;

const modelSelect = {
  slug: true,
  createdAt: true,
  publishedVersion: { select: { name: true, description: true } },
  owner: { select: { name: true, builderProfile: { select: { displayName: true } } } },
} as const;

/**
 * GET /api/v1/models: the GPTs a key may chat with, as OpenAI models (id = slug): the key owner's
 * own published GPTs first, then the store's listed GPTs, most used first. Link-only GPTs work by
 * slug but are not listed, as in the store.
 */
export async function listGptModels(actor: Actor): Promise<ModelList> {
  const [own, listed] = await Promise.all([
    prisma.gpt.findMany({
      where: { ownerId: actor.id, deletedAt: null, publishedVersionId: { not: null } },
      orderBy: { updatedAt: "desc" },
      take: MODEL_LIST_LIMIT,
      select: modelSelect,
    }),
    prisma.gpt.findMany({
      where: { ...listedInStoreWhere, ownerId: { not: actor.id } },
      orderBy: [{ conversationCount: "desc" }, { id: "asc" }],
      take: MODEL_LIST_LIMIT,
      select: modelSelect,
    }),
  ]);
  return {
    object: "list",
    data: [...own, ...listed].slice(0, MODEL_LIST_LIMIT).map((gpt) => ({
      id: gpt.slug,
      object: "model" as const,
      created: Math.floor(gpt.createdAt.getTime() / 1000),
      owned_by: creatorDisplayName(gpt.owner),
      name: gpt.publishedVersion?.name ?? gpt.slug,
      description: gpt.publishedVersion?.description ?? "",
    })),
  };
}

/**
 * The GPT a `model` names (its slug). Whether the caller may use it is decided where it answers
 * (loadConversationSource: private GPTs of others read as missing); a missing one is OpenAI's 404.
 */
export async function findGptIdBySlug(slug: string): Promise<string> {
  const gptId = await gptIdsBySlug.get(slug, async () => {
    const gpt = await prisma.gpt.findFirst({
      where: { slug, deletedAt: null },
      select: { id: true },
    });
    return gpt?.id ?? null;
  });
  if (!gptId) throw modelNotFound(slug);
  return gptId;
}

/**
 * A slug is fixed when its GPT is created; a delete (and a publish) announces "store-listings" to
 * every process, which empties this. A short cache saves a query per completion.
 */
const gptIdsBySlug = busCache<string | null>("gpt-ids-by-slug", {
  ttlMs: 10_000,
  maxEntries: 5_000,
  clearOn: ["store-listings"],
});

export function modelNotFound(slug: string): AppError {
  return new AppError(
    "not_found",
    `The model \`${slug}\` does not exist or you do not have access to it. GET /api/v1/models lists the GPTs you can use.`,
    undefined,
    { details: { reason: "model_not_found", param: "model" } },
  );
}
