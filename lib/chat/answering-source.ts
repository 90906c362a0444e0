import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { busCache } from "../events/bus-cache";
import type { Prisma } from "../generated/prisma/client";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { canViewGpt } from "../gpts/policy";
import type { KnowledgeSettings } from "./knowledge-turn";
import type { AnsweredBy } from "./schemas";

/** What answers a turn: a published version, or the draft for its owner's preview. */
export type AnsweringSource = {
  gpt: { id: string; ownerId: string };
  name: string;
  instructions: string;
  modelConfigId: string | null;
  temperature: number | null;
  versionId: string | null;
  knowledge: KnowledgeSettings;
  /** The published version's action snapshot (unused for the draft preview). */
  versionActions: unknown;
  avatarUrl: string | null;
  avatarColor: string | null;
};

export const GPT_UNAVAILABLE_MESSAGE = "This GPT is no longer available.";
export const MENTION_NOT_FOUND_MESSAGE =
  "That GPT can't be mentioned: it doesn't exist or isn't shared with you.";

const sourceInclude = {
  publishedVersion: true,
  owner: { select: { bannedAt: true } },
} as const;

function knowledgeOf(from: KnowledgeSettings): KnowledgeSettings {
  return {
    capabilities: from.capabilities,
    knowledgeTopK: from.knowledgeTopK,
    knowledgeMinScore: from.knowledgeMinScore,
    hideKnowledgeSources: from.hideKnowledgeSources,
    knowledgeOnly: from.knowledgeOnly,
  };
}

type LoadedGpt = Prisma.GptGetPayload<{ include: typeof sourceInclude }>;

async function findGpt(gptId: string): Promise<LoadedGpt | null> {
  return prisma.gpt.findUnique({ where: { id: gptId }, include: sourceInclude });
}

/**
 * What a published GPT answers with (its row, published version and owner's ban) changes only
 * through a publish, unpublish, visibility change, delete, moderation or ban, and each of those
 * announces "store-listings" to every process. So store turns read it from a short cache: three
 * queries fewer per turn. The owner's draft preview always reads the row.
 */
const publishedGpts = busCache<LoadedGpt | null>("published-gpts", {
  ttlMs: 10_000,
  maxEntries: 5_000,
  clearOn: ["store-listings"],
});

function findPublishedGpt(gptId: string): Promise<LoadedGpt | null> {
  return publishedGpts.get(gptId, () => findGpt(gptId));
}

function publishedSource(gpt: LoadedGpt): AnsweringSource {
  const version = gpt.publishedVersion!;
  return {
    gpt: { id: gpt.id, ownerId: gpt.ownerId },
    name: version.name,
    instructions: version.instructions,
    modelConfigId: version.modelConfigId,
    temperature: version.temperature,
    versionId: version.id,
    knowledge: knowledgeOf(version),
    versionActions: version.actions,
    avatarUrl: avatarUrl(version.avatarKey),
    avatarColor: version.avatarColor,
  };
}

/**
 * The conversation's own GPT: its published version, or (preview) its owner's draft. Unlisted
 * GPTs keep answering (they still work by link); removed ones answer nobody, their owner included.
 */
export async function loadConversationSource({
  actor,
  gptId,
  isPreview,
}: {
  actor: Actor;
  gptId: string;
  isPreview: boolean;
}): Promise<AnsweringSource> {
  const gpt = isPreview ? await findGpt(gptId) : await findPublishedGpt(gptId);
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  // Soft-deleted by its owner: conversations keep their history but get no new answers.
  if (gpt.deletedAt) throw new AppError("forbidden", GPT_UNAVAILABLE_MESSAGE);
  if (isPreview) {
    if (gpt.ownerId !== actor.id) throw new AppError("not_found", "GPT not found.");
    return {
      gpt: { id: gpt.id, ownerId: gpt.ownerId },
      name: gpt.name,
      instructions: gpt.instructions,
      modelConfigId: gpt.modelConfigId,
      temperature: gpt.temperature,
      versionId: null,
      knowledge: knowledgeOf(gpt),
      versionActions: [],
      avatarUrl: avatarUrl(gpt.avatarKey),
      avatarColor: gpt.avatarColor,
    };
  }
  const access = { ...gpt, isOwnerBanned: gpt.owner.bannedAt !== null };
  if (!canViewGpt(actor, access) || !gpt.publishedVersion) {
    throw new AppError("not_found", "GPT not found.");
  }
  if (gpt.status === "REMOVED") throw new AppError("forbidden", GPT_UNAVAILABLE_MESSAGE);
  return publishedSource(gpt);
}

/**
 * The @mentioned GPT: only its published version answers, and only for someone who may view it
 * (a private GPT of someone else reads as missing, never as "private").
 */
export async function loadMentionedSource({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<AnsweringSource> {
  const gpt = await findPublishedGpt(gptId);
  if (!gpt) throw new AppError("not_found", MENTION_NOT_FOUND_MESSAGE);
  const access = {
    ...gpt,
    isOwnerBanned: gpt.owner.bannedAt !== null,
    isDeleted: gpt.deletedAt !== null,
  };
  if (!canViewGpt(actor, access)) throw new AppError("not_found", MENTION_NOT_FOUND_MESSAGE);
  if (!gpt.publishedVersion) {
    // Only its owner (or an admin) gets this far with an unpublished GPT.
    throw new AppError(
      "bad_request",
      `"${gpt.name}" isn't published yet. Publish it to mention it in a chat.`,
    );
  }
  if (gpt.status === "REMOVED") throw new AppError("forbidden", GPT_UNAVAILABLE_MESSAGE);
  return publishedSource(gpt);
}

export function answeredByOf(source: AnsweringSource): AnsweredBy {
  return {
    gptId: source.gpt.id,
    name: source.name,
    avatarUrl: source.avatarUrl,
    avatarColor: source.avatarColor,
  };
}
