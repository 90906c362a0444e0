import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { verifyDomain } from "@/lib/users/domain/verify-domain";

export const dynamic = "force-dynamic";

/**
 * Checks the pending domain's DNS TXT record and well-known file → `{ isVerified, checks,
 * domain }`. Rate-limited: each call makes DNS queries and outbound requests to the creator's host.
 */
export const POST = route({ access: "user" }, async ({ actor }) => {
  const limit = await consumeRateLimit({
    key: `domain-verify:user:${actor.id}`,
    limit: 20,
    windowSeconds: 600,
  });
  if (!limit.isAllowed) {
    throw new AppError("rate_limited", "Too many checks. Wait a few minutes and try again.");
  }
  return verifyDomain({ actor });
});
