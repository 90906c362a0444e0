import "server-only";
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";
import { getInstanceSecrets } from "../security/instance-secrets";

/**
 * The embed widget's visitor token: who is chatting (a random visitor id), with which GPT, from
 * which website, until when. Signed with HMAC-SHA256 under a key derived from the instance's auth
 * secret for this one purpose, so a token is never a session cookie and no other signature of the
 * app can be passed off as one. It travels in the frame's URL fragment and the chat request's body:
 * no cookies (third-party cookies are blocked in most browsers anyway).
 */
export const VISITOR_TOKEN_TTL_SECONDS = 2 * 60 * 60;

export type VisitorClaims = {
  gptId: string;
  visitorId: string;
  /** The website the session was issued for (checked against the allowed origins each time). */
  origin: string;
  /** Unix seconds. */
  expiresAt: number;
};

const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** 16 random bytes, base64url (22 characters). */
export function newVisitorId(): string {
  return randomBytes(16).toString("base64url");
}

/** A visitor id as newVisitorId makes them; anything else a page sends is replaced. */
export function isVisitorId(value: unknown): value is string {
  return typeof value === "string" && VISITOR_ID_PATTERN.test(value);
}

const keyCache = globalThis as unknown as { atelierEmbedKey?: { secret: string; key: Buffer } };

async function signingKey(): Promise<Buffer> {
  const { authSecret } = await getInstanceSecrets();
  if (keyCache.atelierEmbedKey?.secret !== authSecret) {
    const key = Buffer.from(
      hkdfSync("sha256", authSecret, "", "atelier embed visitor token v1", 32),
    );
    keyCache.atelierEmbedKey = { secret: authSecret, key };
  }
  return keyCache.atelierEmbedKey.key;
}

function signature(key: Buffer, payload: string): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}

export async function signVisitorToken(
  claims: Omit<VisitorClaims, "expiresAt">,
  { now = new Date(), ttlSeconds = VISITOR_TOKEN_TTL_SECONDS } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const payload = Buffer.from(
    JSON.stringify({ g: claims.gptId, v: claims.visitorId, o: claims.origin, e: expiresAt }),
  ).toString("base64url");
  const signed = signature(await signingKey(), payload).toString("base64url");
  return { token: `${payload}.${signed}`, expiresAt: new Date(expiresAt * 1000) };
}

const invalid = () =>
  new AppError(
    "unauthorized",
    "This chat session isn't valid. Reload the page to start again.",
    undefined,
    {
      details: { reason: "token_invalid" },
    },
  );

/**
 * The claims of a token this instance signed for `gptId`, or AppError "unauthorized" (reason
 * `token_expired` or `token_invalid`: the frame asks its host page for a fresh token on the first).
 */
export async function verifyVisitorToken(
  token: string,
  { gptId, now = new Date() }: { gptId: string; now?: Date },
): Promise<VisitorClaims> {
  const [payload, signed, ...rest] = token.split(".");
  if (!payload || !signed || rest.length > 0) throw invalid();
  const expected = signature(await signingKey(), payload);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let claims: { g?: unknown; v?: unknown; o?: unknown; e?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const { g, v, o, e } = claims;
  if (typeof g !== "string" || !isVisitorId(v) || typeof o !== "string" || typeof e !== "number") {
    throw invalid();
  }
  // A token for another GPT is no token for this one.
  if (g !== gptId) throw invalid();
  if (e * 1000 <= now.getTime()) {
    throw new AppError(
      "unauthorized",
      "This chat session has expired. Reload the page to keep chatting.",
      undefined,
      { details: { reason: "token_expired" } },
    );
  }
  return { gptId: g, visitorId: v, origin: o, expiresAt: e };
}
