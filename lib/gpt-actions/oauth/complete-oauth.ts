import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { getEgressPolicy } from "../../security/egress-policy";
import { openSecret, sealSecret } from "../../security/secret-box";
import { notifyPrompt } from "../consent/prompts";
import { findActionForUser } from "../find-action";
import { sha256Base64Url } from "./pkce";
import type { OAuthState } from "./start-oauth";
import { requestToken, TokenRequestError, type TokenResponse } from "./token-request";

const INVALID_STATE = "This sign-in link is invalid or has expired. Start the connection again.";

/** Stores (or replaces) the user's tokens for one action, sealed. */
export async function saveConnection({
  userId,
  gptId,
  actionId,
  domain,
  tokens,
  previousRefreshCiphertext = null,
}: {
  userId: string;
  gptId: string;
  actionId: string;
  domain: string;
  tokens: TokenResponse;
  previousRefreshCiphertext?: string | null;
}) {
  const data = {
    gptId,
    domain,
    accessTokenCiphertext: await sealSecret(tokens.access_token),
    // Providers that do not rotate refresh tokens send none on refresh: keep the old one.
    refreshTokenCiphertext: tokens.refresh_token
      ? await sealSecret(tokens.refresh_token)
      : previousRefreshCiphertext,
    expiresAt: tokens.expires_in ? new Date(Date.now() + tokens.expires_in * 1000) : null,
    scope: tokens.scope ?? null,
  };
  return prisma.actionConnection.upsert({
    where: { userId_actionId: { userId, actionId } },
    create: { userId, actionId, ...data },
    update: data,
  });
}

/**
 * The provider sent the browser back: check the state (prompt of this user, nonce hash, unused),
 * exchange the code with the PKCE verifier at the token endpoint (through the egress guard), and
 * store the tokens. A held chat call waiting on this prompt goes on by itself.
 */
export async function completeOAuth({
  actor,
  state,
  code,
  providerError,
}: {
  actor: Actor;
  state: string;
  code: string | null;
  providerError: string | null;
}): Promise<{ domain: string }> {
  const [promptId, nonce] = state.split(".");
  if (!promptId || !nonce) throw new AppError("bad_request", INVALID_STATE);
  const prompt = await prisma.actionPrompt.findFirst({
    where: { id: promptId, userId: actor.id, kind: "CONNECT" },
  });
  const oauthState = prompt?.oauthState as OAuthState | null | undefined;
  if (!prompt || !oauthState || sha256Base64Url(nonce) !== oauthState.nonceHash) {
    throw new AppError("bad_request", INVALID_STATE);
  }
  if (prompt.status !== "PENDING") {
    throw new AppError(
      "conflict",
      "This sign-in was already completed. You can close this window.",
    );
  }
  if (providerError || !code) {
    await prisma.actionPrompt.update({
      where: { id: prompt.id },
      data: { status: "DENIED", decidedAt: new Date() },
    });
    notifyPrompt(prompt.id);
    throw new AppError(
      "bad_request",
      providerError === "access_denied"
        ? `You did not allow access on ${prompt.domain}.`
        : `${prompt.domain} did not complete the sign-in${providerError ? ` (${providerError.slice(0, 100)})` : ""}.`,
    );
  }
  const { definition } = await findActionForUser({
    actor,
    gptId: prompt.gptId,
    actionId: prompt.actionId,
  });
  let tokens: TokenResponse;
  try {
    tokens = await requestToken({
      definition,
      policy: await getEgressPolicy(),
      params: {
        grant_type: "authorization_code",
        code,
        redirect_uri: oauthState.redirectUri,
        code_verifier: await openSecret(oauthState.verifierCiphertext),
      },
    });
  } catch (error) {
    if (error instanceof TokenRequestError) throw new AppError("bad_request", error.message);
    throw error;
  }
  await saveConnection({
    userId: actor.id,
    gptId: prompt.gptId,
    actionId: prompt.actionId,
    domain: definition.domain,
    tokens,
  });
  await prisma.actionPrompt.update({
    where: { id: prompt.id },
    data: { status: "CONNECTED", decidedAt: new Date() },
  });
  notifyPrompt(prompt.id);
  return { domain: definition.domain };
}
