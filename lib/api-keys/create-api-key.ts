import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { assertApiAccess } from "./api-access";
import { generateApiKey } from "./key-format";
import { activeApiKeyWhere, apiKeyViewSelect, MAX_ACTIVE_API_KEYS, toApiKeyView } from "./queries";
import { type ApiKeyView, createApiKeySchema } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

const tooManyKeys = () =>
  new AppError(
    "conflict",
    `You already have ${MAX_ACTIVE_API_KEYS} active API keys, the most one account can hold. Revoke a key you no longer use, then create a new one.`,
  );

/**
 * Creates an API key for the actor, whose plan must include API access. The secret is returned
 * here and never again: only its SHA-256 is stored, with the visible prefix lists show. The audit
 * entry names the key by id, name and prefix, never by secret or hash.
 */
export async function createApiKey({
  actor,
  input: raw,
}: {
  actor: Actor;
  /** CreateApiKeyInput; parsed here too, so callers other than the route get field errors. */
  input: unknown;
}): Promise<{ key: string; apiKey: ApiKeyView }> {
  const input = parseInput(createApiKeySchema, raw);
  await assertApiAccess(actor.id);
  const now = new Date();
  const expiresAt = input.expiresInDays
    ? new Date(now.getTime() + input.expiresInDays * DAY_MS)
    : null;
  const generated = generateApiKey();
  const row = await prisma.$transaction(async (tx) => {
    // Row lock on the owner: parallel creates take turns, so the cap holds.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id} FOR UPDATE`;
    const activeCount = await tx.apiKey.count({ where: activeApiKeyWhere(actor.id, now) });
    if (activeCount >= MAX_ACTIVE_API_KEYS) throw tooManyKeys();
    const created = await tx.apiKey.create({
      data: {
        userId: actor.id,
        name: input.name,
        prefix: generated.prefix,
        hash: generated.hash,
        scopes: input.scopes,
        expiresAt,
      },
      select: apiKeyViewSelect,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "api_key.created",
        targetType: "ApiKey",
        targetId: created.id,
        data: {
          name: created.name,
          prefix: created.prefix,
          scopes: created.scopes,
          expiresAt: created.expiresAt?.toISOString() ?? null,
        },
      },
    });
    return created;
  });
  return { key: generated.key, apiKey: toApiKeyView(row) };
}
