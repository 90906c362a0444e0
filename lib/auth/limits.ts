import "server-only";
import { AppError } from "../errors";
import { consumeRateLimit } from "../security/rate-limit";

/** 7 attempts per 5 minutes, per client IP and per email, for sign-in and sign-up. */
export const AUTH_ATTEMPT_LIMIT = 7;
export const AUTH_WINDOW_SECONDS = 300;

export async function enforceAuthRateLimit(options: {
  action: "sign-in" | "sign-up";
  ip: string;
  email: string;
}): Promise<void> {
  const keys = [
    `${options.action}:ip:${options.ip}`,
    authAttemptKey(options.action, options.email),
  ];
  const results = await Promise.all(
    keys.map((key) =>
      consumeRateLimit({ key, limit: AUTH_ATTEMPT_LIMIT, windowSeconds: AUTH_WINDOW_SECONDS }),
    ),
  );
  const blocked = results.filter((result) => !result.isAllowed);
  if (blocked.length === 0) return;
  const seconds = Math.max(...blocked.map((result) => result.retryAfterSeconds));
  const minutes = Math.ceil(seconds / 60);
  throw new AppError(
    "rate_limited",
    `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
  );
}

export function authAttemptKey(action: "sign-in" | "sign-up", email: string): string {
  return `${action}:email:${email}`;
}
