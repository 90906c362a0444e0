import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { consumeRateLimit } from "../security/rate-limit";
import { assertApiAccess } from "./api-access";
import { bearerKeyOf, hashApiKey } from "./key-format";
import type { ApiKeyScope } from "./schemas";

export type ApiCaller = {
  actor: Actor;
  key: { id: string; name: string; scopes: ApiKeyScope[] };
};

/** Last-used times are written at most this often per key (not on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

export const INVALID_KEY_MESSAGE =
  "Incorrect API key provided. Create a key under Settings → API keys and send it as `Authorization: Bearer atl_…`.";

/**
 * The caller of an /api/v1 request: the live, unexpired, unrevoked key in its bearer header, whose
 * owner is neither banned nor deleted and whose plan includes API access, holding `scope`. Each key
 * is limited to API_REQUESTS_PER_MINUTE requests (429 with Retry-After). The key itself is never
 * logged or echoed: errors name the key only by its id-less description.
 */
export async function authenticateApiKey(
  request: Request,
  { scope }: { scope: ApiKeyScope },
): Promise<ApiCaller> {
  const secret = bearerKeyOf(request);
  if (!secret) {
    throw new AppError(
      "unauthorized",
      "You didn't provide an API key. Send it as `Authorization: Bearer atl_…` (create one under Settings → API keys).",
      undefined,
      { details: { reason: "missing_api_key" } },
    );
  }
  const row = await prisma.apiKey.findUnique({
    where: { hash: hashApiKey(secret) },
    select: {
      id: true,
      name: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: {
        select: { id: true, email: true, name: true, role: true, bannedAt: true, deletedAt: true },
      },
    },
  });
  const now = new Date();
  if (!row || row.user.bannedAt || row.user.deletedAt) {
    throw new AppError("unauthorized", INVALID_KEY_MESSAGE, undefined, {
      details: { reason: "invalid_api_key" },
    });
  }
  if (row.revokedAt) {
    throw new AppError("unauthorized", "This API key has been revoked.", undefined, {
      details: { reason: "invalid_api_key" },
    });
  }
  if (row.expiresAt && row.expiresAt <= now) {
    throw new AppError("unauthorized", "This API key has expired. Create a new one.", undefined, {
      details: { reason: "invalid_api_key" },
    });
  }
  const scopes = row.scopes as ApiKeyScope[];
  if (!scopes.includes(scope)) {
    throw new AppError(
      "forbidden",
      `This API key lacks the "${scope}" scope. Create a key with it under Settings → API keys.`,
      undefined,
      { details: { reason: "missing_scope" } },
    );
  }
  // Independent reads and writes: one round trip's wait, not two.
  const [limit] = await Promise.all([
    consumeRateLimit({
      key: `api-key:${row.id}`,
      limit: env.API_REQUESTS_PER_MINUTE,
      windowSeconds: 60,
    }),
    assertApiAccess(row.user.id),
  ]);
  if (!limit.isAllowed) {
    throw new AppError(
      "rate_limited",
      `Rate limit reached for this API key (${env.API_REQUESTS_PER_MINUTE} requests per minute). Retry after ${limit.retryAfterSeconds} s.`,
      undefined,
      { retryAfterSeconds: limit.retryAfterSeconds, details: { reason: "rate_limit_exceeded" } },
    );
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Informational: the request does not wait for it.
    void prisma.apiKey
      .update({ where: { id: row.id }, data: { lastUsedAt: now } })
      .catch((error: unknown) =>
        console.error("[atelier] could not record a key's last use", error),
      );
  }
  const { user } = row;
  return {
    actor: { id: user.id, email: user.email, name: user.name, role: user.role },
    key: { id: row.id, name: row.name, scopes },
  };
}
