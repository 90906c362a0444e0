import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { definitionsFromVersion, enabledOperations } from "../gpt-actions/definition";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { canViewGpt } from "../gpts/policy";

/** A GPT whose actions the key owner may allow (or has allowed) over the API. */
export type ApiActionGpt = {
  gptId: string;
  slug: string;
  name: string;
  avatarUrl: string | null;
  avatarColor: string | null;
  /** The services its published actions call (what the permission covers). */
  domains: string[];
  /** When the permission was given; null for a candidate. */
  allowedAt: string | null;
  /** The actor may still use it (not deleted, removed, made private...). */
  isAvailable: boolean;
};

export const ACTION_GPT_SEARCH_LIMIT = 20;
const ALLOWED_LIST_LIMIT = 200;

const gptSelect = {
  id: true,
  slug: true,
  name: true,
  ownerId: true,
  visibility: true,
  status: true,
  publishedVersionId: true,
  deletedAt: true,
  owner: { select: { bannedAt: true } },
  publishedVersion: {
    select: { name: true, avatarKey: true, avatarColor: true, capabilities: true, actions: true },
  },
} as const satisfies Prisma.GptSelect;
type GptRow = Prisma.GptGetPayload<{ select: typeof gptSelect }>;

/** Services of the published version's live actions, the same ones a chat turn would offer. */
function actionDomainsOf(gpt: GptRow): string[] {
  const version = gpt.publishedVersion;
  if (!version?.capabilities.includes("actions")) return [];
  const live = definitionsFromVersion(version.actions).filter(
    (definition) => enabledOperations(definition).length > 0,
  );
  return [...new Set(live.map((definition) => definition.domain))];
}

function isViewable(actor: Actor, gpt: GptRow): boolean {
  return canViewGpt(actor, {
    ...gpt,
    isOwnerBanned: gpt.owner.bannedAt !== null,
    isDeleted: gpt.deletedAt !== null,
  });
}

function toView(actor: Actor, gpt: GptRow, allowedAt: Date | null): ApiActionGpt {
  const isAvailable = isViewable(actor, gpt);
  // A GPT made private or taken down since: its id stays (to remove the permission), nothing else.
  if (!isAvailable) {
    return {
      gptId: gpt.id,
      slug: "",
      name: "A GPT you can no longer use",
      avatarUrl: null,
      avatarColor: null,
      domains: [],
      allowedAt: allowedAt?.toISOString() ?? null,
      isAvailable,
    };
  }
  return {
    gptId: gpt.id,
    slug: gpt.slug,
    name: gpt.publishedVersion?.name ?? gpt.name,
    avatarUrl: avatarUrl(gpt.publishedVersion?.avatarKey),
    avatarColor: gpt.publishedVersion?.avatarColor ?? null,
    domains: actionDomainsOf(gpt),
    allowedAt: allowedAt?.toISOString() ?? null,
    isAvailable,
  };
}

/** GPTs whose actions the actor allowed over the API, newest first. */
export async function listApiActionPermissions({
  actor,
}: {
  actor: Actor;
}): Promise<ApiActionGpt[]> {
  const rows = await prisma.apiActionPermission.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: ALLOWED_LIST_LIMIT,
    select: { createdAt: true, gpt: { select: gptSelect } },
  });
  return rows.map((row) => toView(actor, row.gpt, row.createdAt));
}

/**
 * GPTs the actor could allow: published with live actions, that they own or have chatted with
 * (in the app or over the API), viewable by them, not yet allowed; matching `query` by name.
 */
export async function searchApiActionCandidates({
  actor,
  query = "",
}: {
  actor: Actor;
  query?: string;
}): Promise<ApiActionGpt[]> {
  const q = query.trim().slice(0, 100);
  const usable: Prisma.GptWhereInput = {
    deletedAt: null,
    status: { not: "REMOVED" },
    owner: { bannedAt: null },
    publishedVersion: {
      capabilities: { has: "actions" },
      ...(q ? { name: { contains: q, mode: "insensitive" } } : {}),
    },
    apiActionPermissions: { none: { userId: actor.id } },
    OR: [
      { ownerId: actor.id },
      {
        conversations: {
          some: { userId: actor.id, isPreview: false, isBuilder: false, origin: { not: "EMBED" } },
        },
      },
    ],
  };
  // Read a few more than shown: some have the capability on but no live action.
  const rows = await prisma.gpt.findMany({
    where: usable,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: ACTION_GPT_SEARCH_LIMIT * 3,
    select: gptSelect,
  });
  return rows
    .filter((gpt) => isViewable(actor, gpt) && actionDomainsOf(gpt).length > 0)
    .slice(0, ACTION_GPT_SEARCH_LIMIT)
    .map((gpt) => toView(actor, gpt, null));
}

/**
 * Lets the GPT's actions run over the actor's API keys without asking (as "Always allow" would
 * in the app). Only a GPT they may view and whose published version has actions; idempotent.
 */
export async function allowApiActions({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<ApiActionGpt> {
  const gpt = await prisma.gpt.findUnique({ where: { id: gptId }, select: gptSelect });
  if (!gpt || !isViewable(actor, gpt)) throw new AppError("not_found", "GPT not found.");
  if (actionDomainsOf(gpt).length === 0) {
    throw new AppError("bad_request", "This GPT's published version has no actions to allow.");
  }
  const existing = await prisma.apiActionPermission.findUnique({
    where: { userId_gptId: { userId: actor.id, gptId } },
    select: { createdAt: true },
  });
  if (existing) return toView(actor, gpt, existing.createdAt);
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiActionPermission.upsert({
      where: { userId_gptId: { userId: actor.id, gptId } },
      create: { userId: actor.id, gptId },
      update: {},
      select: { createdAt: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "api_action_permission.granted",
        targetType: "Gpt",
        targetId: gptId,
        data: { domains: actionDomainsOf(gpt) },
      },
    });
    return created;
  });
  return toView(actor, gpt, row.createdAt);
}

/** Takes the permission back: the GPT's actions are refused over the API again. Idempotent. */
export async function removeApiActions({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<{ isRemoved: boolean }> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiActionPermission.deleteMany({
      where: { userId: actor.id, gptId },
    });
    if (count > 0) {
      await tx.auditLog.create({
        data: {
          actorId: actor.id,
          action: "api_action_permission.revoked",
          targetType: "Gpt",
          targetId: gptId,
        },
      });
    }
    return { isRemoved: count > 0 };
  });
}

/**
 * Whether calls of this GPT's actions that would ask for consent in the app may run over the
 * user's API keys. The API's action runtime asks this before every such call.
 */
export async function hasApiActionPermission({
  userId,
  gptId,
}: {
  userId: string;
  gptId: string;
}): Promise<boolean> {
  const row = await prisma.apiActionPermission.findUnique({
    where: { userId_gptId: { userId, gptId } },
    select: { userId: true },
  });
  return row !== null;
}
