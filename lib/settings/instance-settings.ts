import "server-only";
import { getEntitlement } from "../billing/entitlement";
import { prisma } from "../db";
import type { InstanceSettings } from "../generated/prisma/client";
import type { KnowledgeLimits } from "../knowledge/types";

const MB = 1024 * 1024;
const SETTINGS_ID = 1;

/**
 * The instance's admin-editable settings: one row (id 1), created with the schema's defaults the
 * first time anything reads it, so every reader sees the same values.
 */
export async function getInstanceSettings(): Promise<InstanceSettings> {
  // Read on every chat turn (egress policy, action limits): a plain read, a write only the once.
  const existing = await prisma.instanceSettings.findUnique({ where: { id: SETTINGS_ID } });
  if (existing) return existing;
  return prisma.instanceSettings.upsert({
    where: { id: SETTINGS_ID },
    create: { id: SETTINGS_ID },
    update: {},
  });
}

export function knowledgeLimitsOf(settings: InstanceSettings): KnowledgeLimits {
  return {
    maxFilesPerGpt: settings.knowledgeMaxFilesPerGpt,
    maxFileBytes: settings.knowledgeMaxFileMb * MB,
    maxTokensPerFile: settings.knowledgeMaxTokensPerFile,
    maxBytesPerCreator: settings.knowledgeMaxMbPerCreator * MB,
  };
}

/**
 * The knowledge limits; for a creator, their storage quota is the smaller of the instance's
 * per-creator limit and their plan's (Plan.knowledgeMaxMb), so an operator's ceiling always holds.
 */
export async function getKnowledgeLimits(creatorId?: string): Promise<KnowledgeLimits> {
  const settings = await getInstanceSettings();
  const limits = knowledgeLimitsOf(settings);
  if (!creatorId) return limits;
  const { plan } = await getEntitlement({
    userId: creatorId,
    pastDueGraceDays: settings.pastDueGraceDays,
  });
  return {
    ...limits,
    maxBytesPerCreator: Math.min(limits.maxBytesPerCreator, plan.knowledgeMaxMb * MB),
  };
}
