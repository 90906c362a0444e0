import "server-only";
import { AppError } from "../errors";
import { consumeRateLimit } from "../security/rate-limit";
import { waitPhrase } from "./sign-in-throttle-rules";

/** Sign-up: 7 attempts per 5 minutes, per client address and per email. */
export const AUTH_ATTEMPT_LIMIT = 7;
export const AUTH_WINDOW_SECONDS = 300;
/**
 * Sign-in from one client address across all emails (password spraying): 30 per 5 minutes. Per
 * email, failures slow down attempts from the address that made them (sign-in-throttle.ts); there
 * is deliberately no per-email limit across addresses, which anyone could use to lock an owner out.
 */
export const SIGN_IN_ADDRESS_LIMIT = 30;

export async function enforceSignUpRateLimit(options: {
  ip: string;
  email: string;
}): Promise<void> {
  await enforceLimits(
    [`sign-up:ip:${options.ip}`, `sign-up:email:${options.email}`],
    AUTH_ATTEMPT_LIMIT,
  );
}

export async function enforceSignInAddressLimit(ip: string): Promise<void> {
  await enforceLimits([`sign-in:ip:${ip}`], SIGN_IN_ADDRESS_LIMIT);
}

async function enforceLimits(keys: string[], limit: number): Promise<void> {
  const results = await Promise.all(
    keys.map((key) => consumeRateLimit({ key, limit, windowSeconds: AUTH_WINDOW_SECONDS })),
  );
  const blocked = results.filter((result) => !result.isAllowed);
  if (blocked.length === 0) return;
  const seconds = Math.max(...blocked.map((result) => result.retryAfterSeconds));
  throw new AppError(
    "rate_limited",
    `Too many attempts. Please wait ${waitPhrase(seconds)} and try again.`,
    undefined,
    { retryAfterSeconds: seconds },
  );
}
