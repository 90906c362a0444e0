import "server-only";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { objectExists } from "../storage/storage";
import { CAPABILITY_KEYS, capabilityLabel } from "./capabilities";
import { unavailableCapabilities } from "./capability-availability";
import type { GptDraft } from "./schemas";

/** The model and category a draft names must exist (the model must be enabled to be chosen). */
export async function validateDraftReferences(
  tx: Prisma.TransactionClient,
  draft: Pick<GptDraft, "modelConfigId" | "categoryId">,
  currentModelConfigId?: string | null,
): Promise<void> {
  if (draft.modelConfigId && draft.modelConfigId !== currentModelConfigId) {
    const model = await tx.modelConfig.findUnique({ where: { id: draft.modelConfigId } });
    if (!model?.isEnabled) {
      throw new AppError("bad_request", "Choose an available model.", {
        modelConfigId: ["This model is not available."],
      });
    }
  }
  if (draft.categoryId) {
    const category = await tx.category.findUnique({ where: { id: draft.categoryId } });
    if (!category) {
      throw new AppError("bad_request", "Choose a category from the list.", {
        categoryId: ["Unknown category."],
      });
    }
  }
}

/**
 * What a save adds beyond the form's own rules. A new avatar must be the owner's own upload and
 * still exist (keys are public, so a key copied from someone else's GPT is refused); a newly
 * switched-on capability must be one this instance can serve. Values the GPT already has pass,
 * so a capability that became unavailable later never blocks saving other fields.
 */
export async function validateDraftAdditions({
  ownerId,
  draft,
  current,
}: {
  ownerId: string;
  draft: Pick<GptDraft, "avatarKey" | "capabilities">;
  /** The saved GPT's values; null when creating one. */
  current: { avatarKey: string | null; capabilities: string[] } | null;
}): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  if (draft.avatarKey && draft.avatarKey !== current?.avatarKey) {
    const isOwn = draft.avatarKey.startsWith(`avatars/${ownerId}/`);
    if (!isOwn || !(await objectExists(draft.avatarKey))) {
      fieldErrors.avatarKey = ["Upload the picture again."];
    }
  }
  const added = draft.capabilities.filter((key) => !current?.capabilities.includes(key));
  const refused = CAPABILITY_KEYS.filter((key) => unavailableCapabilities(added).includes(key));
  if (refused.length > 0) {
    const labels = refused.map(capabilityLabel);
    const list =
      labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
    fieldErrors.capabilities = [
      `${list} ${labels.length === 1 ? "is" : "are"} not available on this instance.`,
    ];
  }
  if (Object.keys(fieldErrors).length > 0) {
    throw new AppError("bad_request", "Check the highlighted fields.", fieldErrors);
  }
}
