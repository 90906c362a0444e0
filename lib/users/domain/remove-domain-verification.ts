import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { invalidateStoreListings } from "../../store/listing-cache";
import { toDomainState } from "../profile-queries";
import type { DomainState } from "../profile-schema";

/** Drops the verified domain (the badge goes) and any attempt in progress. Idempotent. */
export async function removeDomainVerification({ actor }: { actor: Actor }): Promise<DomainState> {
  await prisma.builderProfile.updateMany({
    where: { userId: actor.id },
    data: { verifiedDomain: null, domainVerifiedAt: null, pendingDomain: null, domainToken: null },
  });
  invalidateStoreListings(); // store cards show the verified badge
  return toDomainState(null);
}
