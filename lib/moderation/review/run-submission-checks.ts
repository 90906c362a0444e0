import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import { definitionsFromVersion } from "../../gpt-actions/definition";
import { type ListingFinding, runListingChecks } from "../checks";
import {
  findCopiedInstructions,
  findNearDuplicates,
  findVerifiedLookalikes,
} from "../near-duplicates";
import { loadModerationLists } from "./review-helpers";
import type { ListingReviewPolicy } from "./schemas";

/** The automatic checks on one published version of a GPT, with the instance's review policy. */
export async function runSubmissionChecks(
  tx: Prisma.TransactionClient,
  { gptId, versionId }: { gptId: string; versionId: string },
): Promise<{ findings: ListingFinding[]; policy: ListingReviewPolicy }> {
  const [gpt, version, lists] = await Promise.all([
    tx.gpt.findUniqueOrThrow({
      where: { id: gptId },
      select: {
        ownerId: true,
        remixedFromId: true,
        owner: {
          select: {
            role: true,
            name: true,
            builderProfile: { select: { displayName: true, verifiedDomain: true } },
          },
        },
      },
    }),
    tx.gptVersion.findUniqueOrThrow({ where: { id: versionId } }),
    loadModerationLists(tx),
  ]);
  const identity = { gptId, ownerId: gpt.ownerId, remixedFromId: gpt.remixedFromId };
  // One at a time: a transaction client runs one query at a time anyway (PGlite requires it).
  const sameListing = await findNearDuplicates(tx, {
    ...identity,
    name: version.name,
    description: version.description,
  });
  const sameInstructions = await findCopiedInstructions(tx, {
    ...identity,
    instructions: version.instructions,
  });
  const verifiedLookalikes = await findVerifiedLookalikes(tx, { ...identity, name: version.name });
  // A GPT copied whole is named once, as a copy of its listing.
  const nearDuplicates = [
    ...sameListing,
    ...sameInstructions.filter((copy) => !sameListing.some((same) => same.name === copy.name)),
  ];
  const findings = runListingChecks({
    listing: {
      name: version.name,
      description: version.description,
      instructions: version.instructions,
      conversationStarters: version.conversationStarters,
      capabilities: version.capabilities,
      actions: definitionsFromVersion(version.actions),
      owner: {
        displayName: gpt.owner.builderProfile?.displayName ?? gpt.owner.name,
        isAdmin: gpt.owner.role === "ADMIN",
        verifiedDomain: gpt.owner.builderProfile?.verifiedDomain,
      },
    },
    lists,
    nearDuplicates,
    verifiedLookalikes,
  });
  return { findings, policy: lists.policy };
}
