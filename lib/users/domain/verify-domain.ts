import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { invalidateStoreListings } from "../../store/listing-cache";
import { toDomainState } from "../profile-queries";
import type { DomainState } from "../profile-schema";
import {
  checkDomainProof,
  type DomainProofDeps,
  defaultDomainProofDeps,
} from "./check-domain-proof";
import type { DomainVerificationResult } from "./domain-rules";

const domainSelect = {
  verifiedDomain: true,
  domainVerifiedAt: true,
  pendingDomain: true,
  domainToken: true,
} as const;

/**
 * Checks the pending domain's proof. Success makes it the verified domain and clears the pending
 * fields; failure leaves everything as it was and says what was checked and found.
 */
export async function verifyDomain({
  actor,
  deps,
}: {
  actor: Actor;
  deps?: DomainProofDeps;
}): Promise<DomainVerificationResult & { domain: DomainState }> {
  const profile = await prisma.builderProfile.findUnique({
    where: { userId: actor.id },
    select: domainSelect,
  });
  if (!profile?.pendingDomain || !profile.domainToken) {
    throw new AppError("bad_request", "Enter the domain to verify first.");
  }
  const { pendingDomain, domainToken } = profile;
  const result = await checkDomainProof({
    domain: pendingDomain,
    token: domainToken,
    deps: deps ?? (await defaultDomainProofDeps()),
  });
  if (!result.isVerified) return { ...result, domain: toDomainState(profile) };
  // Conditional on the token checked: a restart with a new token during the check wins.
  await prisma.builderProfile.updateMany({
    where: { userId: actor.id, pendingDomain, domainToken },
    data: {
      verifiedDomain: pendingDomain,
      domainVerifiedAt: new Date(),
      pendingDomain: null,
      domainToken: null,
    },
  });
  invalidateStoreListings(); // store cards show the verified badge
  const row = await prisma.builderProfile.findUniqueOrThrow({
    where: { userId: actor.id },
    select: domainSelect,
  });
  return {
    ...result,
    isVerified: row.verifiedDomain === pendingDomain,
    domain: toDomainState(row),
  };
}
