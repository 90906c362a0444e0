import "server-only";
import { prisma } from "../../db";
import type { EgressPolicy } from "../../security/egress";
import { openSecret } from "../../security/secret-box";
import type { ActionDefinition } from "../definition";
import { saveConnection } from "./complete-oauth";
import { requestToken, TokenRequestError } from "./token-request";

/** Refresh a little before expiry, so a token does not lapse mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

/** One refresh per connection at a time in this process (parallel tool calls share it). */
const refreshing = new Map<string, Promise<string | null>>();

/**
 * The user's access token for an OAuth action, refreshed when it is (nearly) expired or when
 * `force` says the API refused it. Null means the user must connect (again): no connection, or
 * the provider refused the refresh (the dead connection is removed).
 */
export async function getAccessToken({
  userId,
  definition,
  policy,
  force = false,
}: {
  userId: string;
  definition: ActionDefinition;
  policy: EgressPolicy;
  force?: boolean;
}): Promise<string | null> {
  const connection = await prisma.actionConnection.findUnique({
    where: { userId_actionId: { userId, actionId: definition.id } },
  });
  if (!connection) return null;
  const isFresh =
    !connection.expiresAt || connection.expiresAt.getTime() - Date.now() > EXPIRY_MARGIN_MS;
  if (isFresh && !force) return openSecret(connection.accessTokenCiphertext);
  if (!connection.refreshTokenCiphertext) {
    await prisma.actionConnection.deleteMany({ where: { id: connection.id } });
    return null;
  }
  const inFlight = refreshing.get(connection.id);
  if (inFlight) return inFlight;
  const refresh = (async () => {
    try {
      const tokens = await requestToken({
        definition,
        policy,
        params: {
          grant_type: "refresh_token",
          refresh_token: await openSecret(connection.refreshTokenCiphertext!),
        },
      });
      await saveConnection({
        userId,
        gptId: connection.gptId,
        actionId: definition.id,
        domain: connection.domain,
        tokens,
        previousRefreshCiphertext: connection.refreshTokenCiphertext,
      });
      return tokens.access_token;
    } catch (error) {
      if (!(error instanceof TokenRequestError)) throw error;
      await prisma.actionConnection.deleteMany({ where: { id: connection.id } });
      return null;
    } finally {
      refreshing.delete(connection.id);
    }
  })();
  refreshing.set(connection.id, refresh);
  return refresh;
}
