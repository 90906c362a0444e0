import "server-only";
import { prisma } from "../db";

export type RateLimitResult = { isAllowed: boolean; retryAfterSeconds: number };

/**
 * Fixed-window counter in PostgreSQL (shared by every app instance). One atomic upsert per call:
 * a new window starts when the stored one has expired.
 */
export async function consumeRateLimit(options: {
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<RateLimitResult> {
  const { key, limit, windowSeconds } = options;
  const [row] = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}::int)
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < now() - make_interval(secs => ${windowSeconds}::int)
                     THEN now() ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const count = Number(row.count);
  const elapsedSeconds = (Date.now() - new Date(row.windowStart).getTime()) / 1000;
  return {
    isAllowed: count <= limit,
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsedSeconds)),
  };
}

/** Forget counters for a key (a successful sign-in clears the failures for that email). */
export async function resetRateLimit(key: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key } });
}
