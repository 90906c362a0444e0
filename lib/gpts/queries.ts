import type { GptStatus } from "./policy";
import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { definitionFromRow } from "../gpt-actions/definition";
import { hasActionChanges } from "../gpt-actions/snapshot";
import { getDefaultModel } from "../models/queries";
import { reasonForStatus } from "../moderation/labels";
import { avatarUrl } from "./avatar/avatar-url";
import { changedFields, versionedFieldsSelect } from "./gpt-config";
import { canViewGpt } from "./policy";
import { isSameFileSet } from "./version-queries";

/**
 * The draft's knowledge file set (what a publish would snapshot: in the draft and READY) and the
 * published version's, for "Unpublished changes".
 */
const draftFileSetSelect = {
  knowledgeFiles: { where: { inDraft: true, status: "READY" }, select: { id: true } },
} as const;
const versionFileSetSelect = { knowledgeFiles: { select: { fileId: true } } } as const;

function hasKnowledgeChanges(
  draft: { knowledgeFiles: { id: string }[] },
  version: { knowledgeFiles: { fileId: string }[] },
): boolean {
  return !isSameFileSet(
    draft.knowledgeFiles.map((file) => file.id),
    version.knowledgeFiles.map((file) => file.fileId),
  );
}

/**
 * Reads for GPTs. Public payloads come from the published version and never include instructions
 * (or, later, knowledge): only the owner's editor query selects them. The GPT page's payload lives
 * in ./gpt-page-query.ts.
 */

/** Enough of a remix's original to decide whether the actor may follow "Remixed from". */
export const remixedFromSelect = {
  select: {
    slug: true,
    ownerId: true,
    visibility: true,
    status: true,
    publishedVersionId: true,
    deletedAt: true,
    owner: { select: { bannedAt: true } },
    publishedVersion: { select: { name: true } },
  },
} as const;

type RemixOriginal = {
  slug: string;
  ownerId: string;
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  status: GptStatus;
  publishedVersionId: string | null;
  deletedAt: Date | null;
  owner: { bannedAt: Date | null };
  publishedVersion: { name: string } | null;
};

/**
 * "Remixed from X", only while the actor can still open X, named by its published version (an
 * original's unpublished draft name is its owner's business).
 */
export function remixedFromLink(
  actor: Actor | null,
  original: RemixOriginal | null,
): { slug: string; name: string } | null {
  if (!original?.publishedVersion) return null;
  const access = {
    ...original,
    isOwnerBanned: original.owner.bannedAt !== null,
    isDeleted: original.deletedAt !== null,
  };
  if (!canViewGpt(actor, access)) return null;
  return { slug: original.slug, name: original.publishedVersion.name };
}

export type MyGptSummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  avatarUrl: string | null;
  avatarColor: string | null;
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  status: GptStatus;
  conversationCount: number;
  remixCount: number;
  /** ISO time of the last change (serialisable: the browser refetches the list). */
  updatedAt: string;
  publishedVersion: { number: number } | null;
  hasUnpublishedChanges: boolean;
  /** The moderators' reason for its status when not ACTIVE (null when none was recorded). */
  moderationReason: string | null;
};

/** The owner's GPTs for "My GPTs" (deleted ones left out), most recently changed first. */
export async function listMyGpts({ actor }: { actor: Actor }): Promise<MyGptSummary[]> {
  const gpts = await prisma.gpt.findMany({
    where: { ownerId: actor.id, deletedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      ...versionedFieldsSelect,
      visibility: true,
      status: true,
      conversationCount: true,
      remixCount: true,
      updatedAt: true,
      ...draftFileSetSelect,
      publishedVersion: {
        select: { number: true, ...versionedFieldsSelect, ...versionFileSetSelect },
      },
      moderationDecisions: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { kind: true, reason: true },
      },
    },
  });
  return gpts.map((gpt) => ({
    id: gpt.id,
    slug: gpt.slug,
    name: gpt.name,
    description: gpt.description,
    avatarUrl: avatarUrl(gpt.avatarKey),
    avatarColor: gpt.avatarColor,
    visibility: gpt.visibility,
    status: gpt.status,
    conversationCount: gpt.conversationCount,
    remixCount: gpt.remixCount,
    updatedAt: gpt.updatedAt.toISOString(),
    publishedVersion: gpt.publishedVersion ? { number: gpt.publishedVersion.number } : null,
    hasUnpublishedChanges:
      gpt.publishedVersion !== null &&
      (changedFields(gpt, gpt.publishedVersion).length > 0 ||
        hasKnowledgeChanges(gpt, gpt.publishedVersion)),
    moderationReason: reasonForStatus(gpt.status, gpt.moderationDecisions[0]),
  }));
}

/** Everything the editor needs, owner only (instructions included). */
export async function getGptForEditor({ actor, gptId }: { actor: Actor; gptId: string }) {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: {
      id: true,
      slug: true,
      ...versionedFieldsSelect,
      allowRemix: true,
      allowKnowledgeRemix: true,
      visibility: true,
      status: true,
      revision: true,
      conversationCount: true,
      remixCount: true,
      remixedFrom: remixedFromSelect,
      modelConfig: { select: { displayName: true, isEnabled: true } },
      ...draftFileSetSelect,
      actions: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      publishedVersion: {
        select: {
          number: true,
          createdAt: true,
          ...versionedFieldsSelect,
          ...versionFileSetSelect,
          actions: true,
        },
      },
    },
  });
  if (!gpt) return null;
  const { modelConfig, knowledgeFiles: _files, actions, ...editable } = gpt;
  const published = gpt.publishedVersion;
  const hasUnpublishedKnowledgeChanges = published
    ? hasKnowledgeChanges(gpt, published)
    : gpt.knowledgeFiles.length > 0;
  const hasUnpublishedConfigChanges = !published || changedFields(gpt, published).length > 0;
  const hasUnpublishedActionChanges = published
    ? hasActionChanges(actions.map(definitionFromRow), published.actions)
    : actions.length > 0;
  const hasUnpublishedChanges =
    hasUnpublishedConfigChanges || hasUnpublishedKnowledgeChanges || hasUnpublishedActionChanges;
  return {
    ...editable,
    modelFallback: await modelFallbackOf(gpt.modelConfigId, modelConfig),
    remixedFrom: remixedFromLink(actor, gpt.remixedFrom),
    publishedVersion: published
      ? { number: published.number, createdAt: published.createdAt }
      : null,
    hasUnpublishedChanges,
    /** The form fields differ (the editor tracks these itself from here on). */
    hasUnpublishedConfigChanges,
    /**
     * The draft's READY knowledge files differ from the published version's. The editor's own
     * form snapshot cannot see file changes, so it ORs this in (then follows the live file list).
     */
    hasUnpublishedKnowledgeChanges,
    /** The draft's actions differ from the published version's (same treatment as files). */
    hasUnpublishedActionChanges,
  };
}

export type GptForEditor = NonNullable<Awaited<ReturnType<typeof getGptForEditor>>>;

/**
 * When the draft's model was disabled by an administrator, chats fall back to the default model
 * (lib/models/queries.ts resolveModel): the editor says so next to the model field.
 */
export type ModelFallback = {
  modelConfigId: string;
  modelName: string;
  defaultModelName: string | null;
};

async function modelFallbackOf(
  modelConfigId: string | null,
  model: { displayName: string; isEnabled: boolean } | null,
): Promise<ModelFallback | null> {
  if (!modelConfigId || model?.isEnabled) return null;
  const fallback = await getDefaultModel();
  return {
    modelConfigId,
    modelName: model?.displayName ?? "The chosen model",
    defaultModelName: fallback?.displayName ?? null,
  };
}

export async function listCategories() {
  return prisma.category.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true },
  });
}
