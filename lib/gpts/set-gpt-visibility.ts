import "server-only";
import type { Actor } from "../auth/session";
import { assertPublicGptQuota } from "../billing/public-gpt-quota";
import { prisma } from "../db";
import { AppError } from "../errors";
import { definitionsFromVersion } from "../gpt-actions/definition";
import { assertActionPrivacyPolicies } from "../gpt-actions/snapshot";
import { dispatchEmail, type QueuedEmail } from "../mail/send-email";
import { withdrawPendingReview } from "../moderation/review/review-helpers";
import type { ListingOutcome } from "../moderation/review/schemas";
import { submitListing } from "../moderation/review/submit-listing";
import { invalidateStoreListings } from "../store/listing-cache";
import { assertHasBuilderProfile } from "../users/builder-profile-queries";
import { parseInput } from "./parse-input";
import { type SetGptVisibilityInput, setGptVisibilitySchema } from "./version-schemas";
import type { GptVisibility } from "./visibility";

/**
 * Changes who can open the GPT, effective immediately and without publishing: visibility is a
 * sharing setting, not part of a version. Public needs a builder profile (the creator name the
 * store shows). A published GPT switched to Public is submitted for listing (the automatic checks,
 * and a moderator's review when they or the policy ask for it: `listing` says which); switched to
 * private or link-only, its pending review is withdrawn.
 */
export async function setGptVisibility({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: SetGptVisibilityInput;
}): Promise<{ visibility: GptVisibility; listing?: ListingOutcome }> {
  const { visibility } = parseInput(setGptVisibilitySchema, input);
  const result = await prisma.$transaction(async (tx) => {
    // Same lock as publishGpt: a publish and a visibility change of one GPT take turns.
    await tx.$queryRaw`SELECT id FROM "Gpt" WHERE id = ${gptId} AND "ownerId" = ${actor.id} FOR UPDATE`;
    const gpt = await tx.gpt.findFirst({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
      select: {
        id: true,
        visibility: true,
        publishedVersionId: true,
        publishedVersion: { select: { capabilities: true, actions: true } },
      },
    });
    if (!gpt) throw new AppError("not_found", "GPT not found.");
    if (visibility === "PUBLIC") {
      await assertHasBuilderProfile(tx, actor.id);
      await assertPublicGptQuota(tx, { ownerId: actor.id, gptId: gpt.id });
      if (gpt.publishedVersion) {
        assertActionPrivacyPolicies({
          capabilities: gpt.publishedVersion.capabilities,
          definitions: definitionsFromVersion(gpt.publishedVersion.actions),
        });
      }
    }
    await tx.gpt.update({ where: { id: gpt.id }, data: { visibility } });
    let emails: QueuedEmail[] = [];
    let listing: ListingOutcome | undefined;
    if (visibility !== "PUBLIC") {
      await withdrawPendingReview(tx, gpt.id);
    } else if (gpt.visibility !== "PUBLIC" && gpt.publishedVersionId) {
      ({ listing, emails } = await submitListing(tx, {
        gptId: gpt.id,
        versionId: gpt.publishedVersionId,
      }));
    }
    return { view: listing ? { visibility, listing } : { visibility }, emails };
  });
  invalidateStoreListings();
  for (const email of result.emails) await dispatchEmail(email);
  return result.view;
}
