import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { env } from "../../env";
import { AppError } from "../../errors";
import { sealSecret } from "../../security/secret-box";
import type { OAuthConfig } from "../definition";
import { findActionForUser } from "../find-action";
import { createPkcePair, randomToken, sha256Base64Url } from "./pkce";

export type OAuthState = { verifierCiphertext: string; nonceHash: string; redirectUri: string };

export const OAUTH_CALLBACK_PATH = "/api/actions/oauth/callback";

/**
 * Begins "connect your account" for an OAuth action (authorization code + PKCE, S256): remembers
 * the verifier (sealed) and a one-time nonce on a CONNECT prompt, and returns the provider's
 * authorization URL. The state parameter is "<promptId>.<nonce>"; only the nonce's hash is stored.
 */
export async function startOAuth({
  actor,
  gptId,
  actionId,
  promptId,
  origin,
}: {
  actor: Actor;
  gptId: string;
  actionId: string;
  /** The chat's pending CONNECT prompt, when the sign-in continues a held call. */
  promptId?: string;
  /** The app's origin as the browser sees it; APP_URL wins when set. */
  origin: string;
}): Promise<string> {
  const { definition } = await findActionForUser({ actor, gptId, actionId });
  if (definition.authKind !== "OAUTH") {
    throw new AppError("bad_request", "This action does not use OAuth.");
  }
  const config = definition.authConfig as OAuthConfig;
  const redirectUri = `${(env.APP_URL ?? origin).replace(/\/+$/, "")}${OAUTH_CALLBACK_PATH}`;
  const { verifier, challenge } = createPkcePair();
  const nonce = randomToken();
  const oauthState: OAuthState = {
    verifierCiphertext: await sealSecret(verifier),
    nonceHash: sha256Base64Url(nonce),
    redirectUri,
  };
  let id: string;
  if (promptId) {
    const updated = await prisma.actionPrompt.updateMany({
      where: { id: promptId, userId: actor.id, actionId, kind: "CONNECT", status: "PENDING" },
      data: { oauthState },
    });
    if (updated.count === 0) {
      throw new AppError(
        "not_found",
        "This sign-in request has expired. Send your message again to connect.",
      );
    }
    id = promptId;
  } else {
    const prompt = await prisma.actionPrompt.create({
      data: {
        userId: actor.id,
        gptId,
        actionId,
        kind: "CONNECT",
        domain: definition.domain,
        oauthState,
      },
    });
    id = prompt.id;
  }
  const url = new URL(config.authorizeUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("state", `${id}.${nonce}`);
  url.searchParams.set("code_challenge", challenge);
  url.searchParams.set("code_challenge_method", "S256");
  if (config.scopes) url.searchParams.set("scope", config.scopes);
  return url.toString();
}
