import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { isAppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { assertApiAccess } from "./api-access";
import type { ApiKeyScope, ApiKeyView } from "./schemas";

/** Active keys a user may hold at once (create-api-key enforces it). */
export const MAX_ACTIVE_API_KEYS = 25;
/** Revoked and expired keys kept in the list, newest first: enough history, bounded. */
const INACTIVE_KEYS_LISTED = 50;

/** What lists read of a key: never the hash. */
export const apiKeyViewSelect = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const satisfies Prisma.ApiKeySelect;

type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof apiKeyViewSelect }>;

export function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiKeyScope[],
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Unrevoked keys that have not expired at `now`: the ones that authenticate, and count. */
export function activeApiKeyWhere(userId: string, now: Date): Prisma.ApiKeyWhereInput {
  return { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/**
 * The actor's keys, newest first: every active one (at most MAX_ACTIVE_API_KEYS, so each can be
 * revoked from the list) and the newest revoked or expired ones.
 */
export async function listApiKeys({ actor }: { actor: Actor }): Promise<ApiKeyView[]> {
  const now = new Date();
  const active = activeApiKeyWhere(actor.id, now);
  const [live, inactive] = await Promise.all([
    prisma.apiKey.findMany({
      where: active,
      orderBy: { createdAt: "desc" },
      select: apiKeyViewSelect,
    }),
    prisma.apiKey.findMany({
      where: { userId: actor.id, NOT: active },
      orderBy: { createdAt: "desc" },
      take: INACTIVE_KEYS_LISTED,
      select: apiKeyViewSelect,
    }),
  ]);
  return [...live, ...inactive]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
    .map(toApiKeyView);
}

/** Whether the actor's plan includes API access now (the page says so; the API refuses). */
export async function hasApiAccess({ actor }: { actor: Actor }): Promise<boolean> {
  try {
    await assertApiAccess(actor.id);
    return true;
  } catch (error) {
    if (isAppError(error) && error.details?.reason === "no_api_access") return false;
    throw error;
  }
}
