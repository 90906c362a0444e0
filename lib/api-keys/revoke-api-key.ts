import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { apiKeyViewSelect, toApiKeyView } from "./queries";
import type { ApiKeyView } from "./schemas";

/**
 * Revokes one of the actor's keys: the next request with it is refused (authentication reads
 * revokedAt on every call). Idempotent: revoking a revoked key changes nothing and writes no
 * second audit entry. Another user's key is "not found", like a key that never existed.
 */
export async function revokeApiKey({
  actor,
  apiKeyId,
}: {
  actor: Actor;
  apiKeyId: string;
}): Promise<ApiKeyView> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: apiKeyId, userId: actor.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const row = await tx.apiKey.findFirst({
      where: { id: apiKeyId, userId: actor.id },
      select: apiKeyViewSelect,
    });
    if (!row) throw new AppError("not_found", "API key not found.");
    if (count > 0) {
      await tx.auditLog.create({
        data: {
          actorId: actor.id,
          action: "api_key.revoked",
          targetType: "ApiKey",
          targetId: row.id,
          data: { name: row.name, prefix: row.prefix },
        },
      });
    }
    return toApiKeyView(row);
  });
}
