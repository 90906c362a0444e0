import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "../db";
import { AppError } from "../errors";
import { delayAfterFailures, FAILURE_MEMORY_HOURS, waitPhrase } from "./sign-in-throttle-rules";

function throttleKey(email: string, ip: string): string {
  return createHash("sha256").update(`${email.toLowerCase()}\n${ip}`).digest("hex");
}

/**
 * Counts this attempt as a failure in advance, unless the pair must still wait, in which case it
 * throws `rate_limited` without counting. The pair's row is locked while deciding: concurrent
 * attempts take turns, so a burst sent the moment a wait ends gets one try, not many. A correct
 * password then clears the count (forgetSignInFailures).
 */
export async function claimSignInAttempt(options: { email: string; ip: string }): Promise<void> {
  const key = throttleKey(options.email, options.ip);
  const waitSeconds = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt")
      VALUES (${key}, 0, to_timestamp(0)) ON CONFLICT ("key") DO NOTHING`;
    const [row] = await tx.$queryRaw<{ failures: number; lastFailureAt: Date }[]>`
      SELECT "failures", "lastFailureAt" FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE`;
    const now = Date.now();
    const lastFailureAt = new Date(row.lastFailureAt).getTime();
    const isForgotten = now - lastFailureAt > FAILURE_MEMORY_HOURS * 3600 * 1000;
    const failures = isForgotten ? 0 : Number(row.failures);
    const waitUntil = lastFailureAt + delayAfterFailures(failures) * 1000;
    if (!isForgotten && now < waitUntil) return Math.ceil((waitUntil - now) / 1000);
    await tx.signInThrottle.update({
      where: { key },
      data: { failures: failures + 1, lastFailureAt: new Date(now) },
    });
    return 0;
  });
  if (waitSeconds === 0) return;
  throw new AppError(
    "rate_limited",
    `Too many attempts. Please wait ${waitPhrase(waitSeconds)} and try again.`,
    undefined,
    { retryAfterSeconds: waitSeconds },
  );
}

/** A correct password: the pair starts from zero again. */
export async function forgetSignInFailures(options: { email: string; ip: string }): Promise<void> {
  await prisma.signInThrottle.deleteMany({
    where: { key: throttleKey(options.email, options.ip) },
  });
}
