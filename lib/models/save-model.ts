import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { publish } from "../events/bus";
import { sealSecret } from "../security/secret-box";
import { toPublicModel } from "./queries";
import { dollarsToMicros, type ModelConfigInput, modelConfigInputSchema } from "./schemas";

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  return fieldErrors;
}

/**
 * Creates (no id) or updates a model config. The API key is encrypted before it is stored; an empty
 * key on update keeps the stored one. Exactly one enabled model is the default: setting a default
 * clears the others in the same transaction, the first model becomes default automatically, and
 * disabling (or un-defaulting) the default hands the flag to the oldest other enabled model.
 */
export async function saveModel({
  actor,
  id,
  input,
}: {
  actor: Actor;
  id?: string;
  input: ModelConfigInput;
}) {
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  const parsed = modelConfigInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "bad_request",
      "Check the highlighted fields.",
      fieldErrorsOf(parsed.error.issues),
    );
  }
  const data = parsed.data;
  const apiKeyCiphertext =
    data.apiKey === null ? null : data.apiKey ? await sealSecret(data.apiKey) : undefined;
  const fields = {
    displayName: data.displayName,
    baseUrl: data.baseUrl.replace(/\/+$/, ""),
    modelId: data.modelId,
    inputPricePerMillion: dollarsToMicros(data.inputPricePerMillion),
    outputPricePerMillion: dollarsToMicros(data.outputPricePerMillion),
    contextWindow: data.contextWindow,
    isEnabled: data.isEnabled,
    isDefault: data.isDefault && data.isEnabled,
    isEgressExempt: data.isEgressExempt,
    isPremium: data.isPremium,
    ...(apiKeyCiphertext !== undefined ? { apiKeyCiphertext } : {}),
  };
  const saved = await prisma.$transaction(async (tx) => {
    const existing = id ? await tx.modelConfig.findUnique({ where: { id } }) : null;
    if (id && !existing) {
      throw new AppError("not_found", "That model no longer exists.");
    }
    const kind = data.kind ?? existing?.kind ?? "CHAT";
    // The default answers GPTs without a chosen model: only a chat model can be it.
    if (kind !== "CHAT") fields.isDefault = false;
    const enabledOthers = await tx.modelConfig.count({
      where: { isEnabled: true, kind: "CHAT", ...(id ? { id: { not: id } } : {}) },
    });
    if (fields.isEnabled && kind === "CHAT" && enabledOthers === 0) fields.isDefault = true;
    if (fields.isDefault) {
      await tx.modelConfig.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
    }
    const model = id
      ? await tx.modelConfig.update({ where: { id }, data: { ...fields, kind } })
      : await tx.modelConfig.create({ data: { ...fields, kind } });
    if (!model.isDefault) {
      const hasEnabledDefault = await tx.modelConfig.count({
        where: { isDefault: true, isEnabled: true, kind: "CHAT" },
      });
      if (hasEnabledDefault === 0) {
        const successor = await tx.modelConfig.findFirst({
          where: { isEnabled: true, kind: "CHAT", id: { not: model.id } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        });
        await tx.modelConfig.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
        if (successor) {
          await tx.modelConfig.update({ where: { id: successor.id }, data: { isDefault: true } });
        }
      }
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: id ? "model.update" : "model.create",
        targetType: "ModelConfig",
        targetId: model.id,
        data: {
          displayName: model.displayName,
          modelId: model.modelId,
          isEnabled: model.isEnabled,
          isDefault: model.isDefault,
          kind: model.kind,
          // Whether the key changed, never the key.
          apiKey: apiKeyCiphertext === undefined ? "kept" : apiKeyCiphertext ? "set" : "removed",
        },
      },
    });
    return model;
  });
  // Chat turns read models from a short cache in every process (lib/models/queries.ts).
  publish("models", {});
  return toPublicModel(saved);
}
