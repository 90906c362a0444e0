import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { saveModel } from "./save-model";
import { type ModelConfigPatch, microsToDollars } from "./schemas";

/**
 * Applies a partial update: absent fields keep their stored values (the key included: only a
 * non-empty string replaces it and null removes it), then saves through saveModel so the default
 * and audit rules are the same as for a full edit.
 */
export async function updateModel({
  actor,
  id,
  input,
}: {
  actor: Actor;
  id: string;
  input: ModelConfigPatch;
}) {
  assertAdmin(actor);
  const current = await prisma.modelConfig.findUnique({ where: { id } });
  if (!current) throw new AppError("not_found", "That model no longer exists.");
  return saveModel({
    actor,
    id,
    input: {
      displayName: input.displayName ?? current.displayName,
      baseUrl: input.baseUrl ?? current.baseUrl,
      modelId: input.modelId ?? current.modelId,
      apiKey: input.apiKey,
      inputPricePerMillion:
        input.inputPricePerMillion ?? microsToDollars(current.inputPricePerMillion),
      outputPricePerMillion:
        input.outputPricePerMillion ?? microsToDollars(current.outputPricePerMillion),
      contextWindow: input.contextWindow ?? current.contextWindow,
      isDefault: input.isDefault ?? current.isDefault,
      isEnabled: input.isEnabled ?? current.isEnabled,
      kind: input.kind ?? current.kind,
      isEgressExempt: input.isEgressExempt ?? current.isEgressExempt,
      isPremium: input.isPremium ?? current.isPremium,
    },
  });
}
