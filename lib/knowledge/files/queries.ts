import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { getKnowledgeLimits } from "../../settings/instance-settings";
import type { KnowledgeFileView, KnowledgeLimits } from "../types";
import { knowledgeFileViewSelect, toKnowledgeFileView } from "./knowledge-file-view";
import { findOwnedGpt } from "./owned-gpt";

export type KnowledgeUsage = {
  /** Files in this GPT's draft (what the per-GPT limit counts). */
  files: number;
  /** Bytes of all the owner's knowledge files, across their GPTs (the per-creator limit). */
  creatorBytes: number;
};

export type KnowledgeFileList = {
  files: KnowledgeFileView[];
  limits: KnowledgeLimits;
  usage: KnowledgeUsage;
};

/** The client or a transaction (inside one, PGlite's single connection must use the transaction). */
export type KnowledgeFileDb = Pick<typeof prisma, "knowledgeFile">;

/** Total size of an owner's knowledge files. */
export async function creatorKnowledgeBytes(
  ownerId: string,
  db: KnowledgeFileDb = prisma,
): Promise<number> {
  const total = await db.knowledgeFile.aggregate({
    where: { ownerId },
    _sum: { sizeBytes: true },
  });
  return total._sum.sizeBytes ?? 0;
}

/**
 * The GPT's knowledge files for its owner: the draft's files, plus files removed from the draft
 * that the published version still uses (inDraft false, isLive true), oldest first.
 */
export async function listKnowledgeFiles({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<KnowledgeFileList> {
  const gpt = await findOwnedGpt(actor, gptId);
  const liveFilter = gpt.publishedVersionId
    ? [{ versions: { some: { versionId: gpt.publishedVersionId } } }]
    : [];
  const [rows, limits, creatorBytes] = await Promise.all([
    prisma.knowledgeFile.findMany({
      where: { gptId: gpt.id, OR: [{ inDraft: true }, ...liveFilter] },
      select: {
        ...knowledgeFileViewSelect,
        // No published version: matches nothing.
        versions: {
          where: { versionId: gpt.publishedVersionId ?? "" },
          select: { versionId: true },
        },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    getKnowledgeLimits(gpt.ownerId),
    creatorKnowledgeBytes(gpt.ownerId),
  ]);
  return {
    files: rows.map((row) => toKnowledgeFileView(row, row.versions.length > 0)),
    limits,
    usage: { files: rows.filter((row) => row.inDraft).length, creatorBytes },
  };
}
