import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { type ConfigDiff, diffConfigs, type ReferenceNames } from "./diff-configs";
import { configOf, type GptConfig, versionedFieldsSelect } from "./gpt-config";

/**
 * The version history of a GPT, for its owner only: the owner is in every where clause, so
 * someone else's GPT (or a deleted one) is "not found", never "forbidden".
 */

export type GptVersionSummary = {
  number: number;
  createdAt: Date;
  releaseNote: string | null;
  /** The version store users talk to right now. */
  isPublished: boolean;
};

export type GptVersionDetail = GptVersionSummary & {
  config: GptConfig;
  names: ReferenceNames;
};

async function findOwnedGpt(actor: Actor, gptId: string) {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: { id: true, publishedVersionId: true, ...versionedFieldsSelect },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  return gpt;
}

/** Newest first. */
export async function listGptVersions({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<GptVersionSummary[]> {
  const gpt = await findOwnedGpt(actor, gptId);
  const versions = await prisma.gptVersion.findMany({
    where: { gptId: gpt.id },
    orderBy: { number: "desc" },
    select: { id: true, number: true, createdAt: true, releaseNote: true },
  });
  return versions.map(({ id, ...version }) => ({
    ...version,
    isPublished: id === gpt.publishedVersionId,
  }));
}

/** Names of the categories and models two configurations reference, disabled models included. */
async function referenceNames(configs: GptConfig[]): Promise<ReferenceNames> {
  const categoryIds = [...new Set(configs.flatMap((c) => (c.categoryId ? [c.categoryId] : [])))];
  const modelIds = [...new Set(configs.flatMap((c) => (c.modelConfigId ? [c.modelConfigId] : [])))];
  const [categories, models] = await Promise.all([
    categoryIds.length
      ? prisma.category.findMany({
          where: { id: { in: categoryIds } },
          select: { id: true, name: true },
        })
      : [],
    modelIds.length
      ? prisma.modelConfig.findMany({
          where: { id: { in: modelIds } },
          select: { id: true, displayName: true, isEnabled: true },
        })
      : [],
  ]);
  return {
    categories: Object.fromEntries(categories.map((category) => [category.id, category.name])),
    models: Object.fromEntries(
      models.map((model) => [
        model.id,
        model.isEnabled ? model.displayName : `${model.displayName} (disabled)`,
      ]),
    ),
  };
}

/**
 * One version, read-only, with every versioned field, and its diff against the current draft
 * (`before` = the version, `after` = the draft: added lines are in the draft only).
 */
export async function getGptVersion({
  actor,
  gptId,
  number,
}: {
  actor: Actor;
  gptId: string;
  number: number;
}): Promise<{ version: GptVersionDetail; diff: ConfigDiff }> {
  const gpt = await findOwnedGpt(actor, gptId);
  const version = await prisma.gptVersion.findUnique({
    where: { gptId_number: { gptId: gpt.id, number } },
    select: {
      id: true,
      number: true,
      createdAt: true,
      releaseNote: true,
      ...versionedFieldsSelect,
    },
  });
  if (!version) throw new AppError("not_found", `Version ${number} not found.`);
  const config = configOf(version);
  const draft = configOf(gpt);
  const names = await referenceNames([config, draft]);
  return {
    version: {
      number: version.number,
      createdAt: version.createdAt,
      releaseNote: version.releaseNote,
      isPublished: version.id === gpt.publishedVersionId,
      config,
      names,
    },
    diff: diffConfigs({ before: config, after: draft, names }),
  };
}
