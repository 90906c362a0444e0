import "server-only";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
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
