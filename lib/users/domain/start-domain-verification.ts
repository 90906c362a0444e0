import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { parseInput } from "../../gpts/parse-input";
import { toDomainState } from "../profile-queries";
import type { DomainState } from "../profile-schema";
import { type StartDomainVerificationInput, startDomainVerificationSchema } from "./domain-rules";

export const PROFILE_FIRST_MESSAGE = "Save your profile first, then verify a domain.";

/**
 * Starts (or restarts) proving a domain: stores it as pending with a fresh random token the
 * creator publishes in DNS or a file. A new token every time, so a record left over from an
 * earlier attempt (or another account) never proves this one. The verified domain, if any,
 * stays until the new one is proven.
 */
export async function startDomainVerification({
  actor,
  input,
}: {
  actor: Actor;
  input: StartDomainVerificationInput;
}): Promise<DomainState> {
  const { domain } = parseInput(startDomainVerificationSchema, input);
  const token = randomBytes(18).toString("base64url");
  const result = await prisma.builderProfile.updateMany({
    where: { userId: actor.id },
    data: { pendingDomain: domain, domainToken: token },
  });
  if (result.count === 0) throw new AppError("bad_request", PROFILE_FIRST_MESSAGE);
  const row = await prisma.builderProfile.findUniqueOrThrow({
    where: { userId: actor.id },
    select: {
      verifiedDomain: true,
      domainVerifiedAt: true,
      pendingDomain: true,
      domainToken: true,
    },
  });
  return toDomainState(row);
}
