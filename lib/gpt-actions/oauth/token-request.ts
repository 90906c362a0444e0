import "server-only";
import { z } from "zod";
import { EgressError, type EgressPolicy, egressFetch, readTextCapped } from "../../security/egress";
import { openSecret } from "../../security/secret-box";
import type { ActionDefinition, OAuthConfig } from "../definition";

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export class TokenRequestError extends Error {}

/**
 * POSTs to the provider's token endpoint (through the egress guard) with the client's credentials,
 * as client_secret_post or client_secret_basic. The provider's error text is kept short; nothing
 * sent or received is logged.
 */
export async function requestToken({
  definition,
  params,
  policy,
}: {
  definition: ActionDefinition;
  params: Record<string, string>;
  policy: EgressPolicy;
}): Promise<TokenResponse> {
  const config = definition.authConfig as OAuthConfig;
  const secret = definition.secretCiphertext ? await openSecret(definition.secretCiphertext) : null;
  const body = new URLSearchParams(params);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (config.tokenAuthMethod === "client_secret_basic" && secret) {
    const pair = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(secret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
  } else {
    body.set("client_id", config.clientId);
    if (secret) body.set("client_secret", secret);
  }
  let response: Response;
  try {
    response = await egressFetch(
      config.tokenUrl,
      { method: "POST", headers, body: body.toString() },
      { policy, timeoutMs: 20_000, maxResponseBytes: 256 * 1024 },
    );
  } catch (error) {
    throw new TokenRequestError(
      error instanceof EgressError
        ? `The token endpoint could not be reached: ${error.message}`
        : "The token endpoint could not be reached.",
    );
  }
  const { text } = await readTextCapped(response, 64 * 1024);
  let payload: unknown = null;
  try {
    payload = JSON.parse(text);
  } catch {
    // Some providers answer form-encoded.
    payload = Object.fromEntries(new URLSearchParams(text));
  }
  if (!response.ok) {
    const error = (payload as { error?: unknown; error_description?: unknown }) ?? {};
    const reason = [error.error, error.error_description]
      .filter((part) => typeof part === "string")
      .join(": ")
      .slice(0, 200);
    throw new TokenRequestError(
      `The token endpoint refused the request (${response.status}${reason ? `, ${reason}` : ""}).`,
    );
  }
  const parsed = tokenResponseSchema.safeParse(payload);
  if (!parsed.success) {
    throw new TokenRequestError("The token endpoint's answer has no access_token.");
  }
  return parsed.data;
}
