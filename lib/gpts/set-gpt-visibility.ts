import "server-only";
import type { Actor } from "../auth/session";
import { assertPublicGptQuota } from "../billing/public-gpt-quota";
import { prisma } from "../db";
import { AppError } from "../errors";
import { definitionsFromVersion } from "../gpt-actions/definition";
import { assertActionPrivacyPolicies } from "../gpt-actions/snapshot";
import { invalidateStoreListings } from "../store/listing-cache";
import { assertHasBuilderProfile } from "../users/builder-profile-queries";
import { parseInput } from "./parse-input";
import { type SetGptVisibilityInput, setGptVisibilitySchema } from "./version-schemas";
import type { GptVisibility } from "./visibility";

/**
 * Changes who can open the GPT, effective immediately and without publishing: visibility is a
 * sharing setting, not part of a version. Public needs a builder profile (the creator name the
 * store shows).
 */
export async function setGptVisibility({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: SetGptVisibilityInput;
}): Promise<{ visibility: GptVisibility }> {
  const { visibility } = parseInput(setGptVisibilitySchema, input);
  const result = await prisma.$transaction(async (tx) => {
    const gpt = await tx.gpt.findFirst({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
      select: { id: true, publishedVersion: { select: { capabilities: true, actions: true } } },
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
    return { visibility };
  });
  invalidateStoreListings();
  return result;
}
