import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { toDomainState } from "../profile-queries";
import type { DomainState } from "../profile-schema";

/** Drops the verified domain (the badge goes) and any attempt in progress. Idempotent. */
export async function removeDomainVerification({ actor }: { actor: Actor }): Promise<DomainState> {
  await prisma.builderProfile.updateMany({
    where: { userId: actor.id },
    data: { verifiedDomain: null, domainVerifiedAt: null, pendingDomain: null, domainToken: null },
  });
  return toDomainState(null);
}
