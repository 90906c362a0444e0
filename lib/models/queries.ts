import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { busCache } from "../events/bus-cache";
import type { ModelConfig } from "../generated/prisma/client";
import type { PublicModelConfig } from "./schemas";

export function toPublicModel(model: ModelConfig): PublicModelConfig {
  return {
    id: model.id,
    displayName: model.displayName,
    baseUrl: model.baseUrl,
    modelId: model.modelId,
    hasApiKey: Boolean(model.apiKeyCiphertext),
    inputPricePerMillion: model.inputPricePerMillion,
    outputPricePerMillion: model.outputPricePerMillion,
    contextWindow: model.contextWindow,
    isDefault: model.isDefault,
    isEnabled: model.isEnabled,
    kind: model.kind,
    isEgressExempt: model.isEgressExempt,
    isPremium: model.isPremium,
  };
}

export async function listModels(): Promise<PublicModelConfig[]> {
  const models = await prisma.modelConfig.findMany({
    orderBy: [{ isDefault: "desc" }, { displayName: "asc" }],
  });
  return models.map(toPublicModel);
}

/** The admin catalog: every model, enabled or not (never the key). */
export async function listModelsForAdmin({
  actor,
}: {
  actor: Actor;
}): Promise<PublicModelConfig[]> {
  assertAdmin(actor);
  return listModels();
}

/** Models a creator can pick for a GPT (chat models only: embedding models cannot answer). */
export async function listEnabledModels(): Promise<
  Pick<PublicModelConfig, "id" | "displayName" | "isDefault">[]
> {
  return prisma.modelConfig.findMany({
    where: { isEnabled: true, kind: "CHAT" },
    select: { id: true, displayName: true, isDefault: true },
    orderBy: [{ isDefault: "desc" }, { displayName: "asc" }],
  });
}

/** The default chat model (EMBEDDING models never answer a conversation). */
export async function getDefaultModel(): Promise<ModelConfig | null> {
  return (
    (await prisma.modelConfig.findFirst({
      where: { isEnabled: true, isDefault: true, kind: "CHAT" },
    })) ??
    (await prisma.modelConfig.findFirst({
      where: { isEnabled: true, kind: "CHAT" },
      orderBy: { createdAt: "asc" },
    }))
  );
}

export async function hasAnyEnabledModel(): Promise<boolean> {
  return (await prisma.modelConfig.count({ where: { isEnabled: true, kind: "CHAT" } })) > 0;
}

/**
 * The model that answers for a GPT: its chosen model while enabled, else the default (a GPT keeps
 * working when its model is disabled). Null when no model is configured at all.
 */
export async function resolveModel(
  modelConfigId: string | null,
): Promise<{ model: ModelConfig; isFallback: boolean } | null> {
  if (modelConfigId) {
    const chosen = await prisma.modelConfig.findUnique({ where: { id: modelConfigId } });
    if (chosen?.isEnabled && chosen.kind === "CHAT") return { model: chosen, isFallback: false };
  }
  const fallback = await getDefaultModel();
  return fallback ? { model: fallback, isFallback: modelConfigId !== null } : null;
}

const resolvedModels = busCache<{ model: ModelConfig; isFallback: boolean } | null>(
  "resolved-models",
  { ttlMs: 10_000, maxEntries: 1_000, clearOn: ["models"] },
);

/**
 * resolveModel for the chat hot path: a model row changes only through an admin's save, which
 * announces "models" to every process, so turns need not read it every time.
 */
export function resolveModelCached(modelConfigId: string | null) {
  return resolvedModels.get(modelConfigId ?? "(default)", () => resolveModel(modelConfigId));
}

/**
 * The instance's embedding model for knowledge vectors (InstanceSettings.embeddingModelConfigId):
 * null when none is chosen, or the chosen one is disabled or is not an EMBEDDING model.
 */
export async function resolveEmbeddingModel(): Promise<ModelConfig | null> {
  const settings = await prisma.instanceSettings.findUnique({
    where: { id: 1 },
    select: { embeddingModelConfigId: true },
  });
  if (!settings?.embeddingModelConfigId) return null;
  const model = await prisma.modelConfig.findUnique({
    where: { id: settings.embeddingModelConfigId },
  });
  return model?.isEnabled && model.kind === "EMBEDDING" ? model : null;
}
