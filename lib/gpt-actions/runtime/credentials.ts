import type { ApiKeyConfig } from "../definition";

/** What a request needs to carry its credential: the API key, or a user's OAuth access token. */
export type Credential =
  | { kind: "none" }
  | { kind: "api_key"; config: ApiKeyConfig; key: string }
  | { kind: "bearer"; token: string };

export type OutgoingRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
};

export const MASK = "••••";

/**
 * Adds the credential to a request built from the operation. Returns the request and every form
 * of the secret that appears in it, so logs and the Test panel can mask them.
 */
export function applyCredential(
  request: OutgoingRequest,
  credential: Credential,
): { request: OutgoingRequest; secrets: string[] } {
  if (credential.kind === "none") return { request, secrets: [] };
  const headers = { ...request.headers };
  if (credential.kind === "bearer") {
    headers.authorization = `Bearer ${credential.token}`;
    return { request: { ...request, headers }, secrets: [credential.token] };
  }
  const { key, config } = credential;
  switch (config.placement) {
    case "header":
      headers[config.name.toLowerCase()] = key;
      return { request: { ...request, headers }, secrets: [key] };
    case "query": {
      const url = new URL(request.url);
      url.searchParams.set(config.name, key);
      return {
        request: { ...request, url: url.toString() },
        secrets: [
          key,
          encodeURIComponent(key),
          new URLSearchParams({ k: key }).toString().slice(2),
        ],
      };
    }
    case "basic": {
      // "user:password" is used as is; a bare key is the user name with an empty password.
      const pair = key.includes(":") ? key : `${key}:`;
      const encoded = Buffer.from(pair).toString("base64");
      headers.authorization = `Basic ${encoded}`;
      return { request: { ...request, headers }, secrets: [key, encoded] };
    }
    case "bearer":
      headers.authorization = `Bearer ${key}`;
      return { request: { ...request, headers }, secrets: [key] };
  }
}

/** Replaces every occurrence of each secret (longest first) with ••••. */
export function maskSecrets(text: string, secrets: string[]): string {
  let masked = text;
  for (const secret of [...secrets]
    .filter((s) => s.length >= 4)
    .sort((a, b) => b.length - a.length)) {
    masked = masked.split(secret).join(MASK);
  }
  return masked;
}

const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "cookie"]);

export function maskRequest(request: OutgoingRequest, secrets: string[]): OutgoingRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = CREDENTIAL_HEADERS.has(name.toLowerCase())
      ? `${value.split(" ")[0]} ${MASK}`
      : maskSecrets(value, secrets);
  }
  return {
    method: request.method,
    url: maskSecrets(request.url, secrets),
    headers,
    body: request.body === null ? null : maskSecrets(request.body, secrets),
  };
}
