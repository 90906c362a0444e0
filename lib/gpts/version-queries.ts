import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import {
  type ConfigDiff,
  diffConfigs,
  type KnowledgeFileRef,
  type ReferenceNames,
} from "./diff-configs";
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
  /** The knowledge files this version answers from (names are the owner's to see). */
  knowledgeFiles: KnowledgeFileRef[];
};

type Db = Prisma.TransactionClient;

/**
 * The draft's knowledge file set: the files a publish would snapshot now (in the draft and READY;
 * files still processing are left out of a publish, so they are not a change yet).
 */
export async function draftKnowledgeFiles(db: Db, gptId: string): Promise<KnowledgeFileRef[]> {
  return db.knowledgeFile.findMany({
    where: { gptId, inDraft: true, status: "READY" },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** The knowledge files a version snapshotted when it was published. */
export async function versionKnowledgeFiles(
  db: Db,
  versionId: string,
): Promise<KnowledgeFileRef[]> {
  const rows = await db.gptVersionKnowledgeFile.findMany({
    where: { versionId },
    select: { file: { select: { id: true, name: true } } },
  });
  return rows.map((row) => row.file).sort((a, b) => a.name.localeCompare(b.name));
}

/** Same files, whatever the order. */
export function isSameFileSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a);
  return b.every((id) => ids.has(id));
}

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
  const [names, versionFiles, draftFiles] = await Promise.all([
    referenceNames([config, draft]),
    versionKnowledgeFiles(prisma, version.id),
    draftKnowledgeFiles(prisma, gpt.id),
  ]);
  return {
    version: {
      number: version.number,
      createdAt: version.createdAt,
      releaseNote: version.releaseNote,
      isPublished: version.id === gpt.publishedVersionId,
      config,
      names,
      knowledgeFiles: versionFiles,
    },
    diff: diffConfigs({
      before: config,
      after: draft,
      names,
      files: { before: versionFiles, after: draftFiles },
    }),
  };
}
