import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { releaseAvatar } from "./avatar/release-avatar";
import { type DraftFormValues, toDraftFormValues } from "./draft-form";
import { changedFields, configOf, versionedFieldsSelect } from "./gpt-config";
import { parseInput } from "./parse-input";
import { type RestoreGptVersionInput, restoreGptVersionSchema } from "./version-schemas";

export type RestoredDraft = {
  revision: number;
  /** The whole draft as the editor's form values (sharing settings are the live ones). */
  values: DraftFormValues;
  /** The draft now equals the published version ("Unpublished changes" clears). */
  matchesPublished: boolean;
};

/**
 * Copies a version's configuration into the draft. Like a draft save, it takes the revision the
 * editor holds and is a conflict when another tab saved since; the published version is not
 * touched (users see the restored configuration only after the next publish). A model that was
 * disabled since stays chosen (chat falls back to the default model), but a category or model
 * that no longer exists is cleared rather than failing the restore.
 */
export async function restoreGptVersion({
  actor,
  gptId,
  number,
  input,
}: {
  actor: Actor;
  gptId: string;
  number: number;
  input: RestoreGptVersionInput;
}): Promise<RestoredDraft> {
  const { revision } = parseInput(restoreGptVersionSchema, input);
  const { restored, replacedAvatarKey } = await prisma.$transaction(async (tx) => {
    const gpt = await tx.gpt.findFirst({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
      select: {
        id: true,
        avatarKey: true,
        allowRemix: true,
        allowKnowledgeRemix: true,
        publishedVersion: { select: versionedFieldsSelect },
      },
    });
    if (!gpt) throw new AppError("not_found", "GPT not found.");
    const version = await tx.gptVersion.findUnique({
      where: { gptId_number: { gptId: gpt.id, number } },
      select: versionedFieldsSelect,
    });
    if (!version) throw new AppError("not_found", `Version ${number} not found.`);

    const config = configOf(version);
    if (config.categoryId) {
      const category = await tx.category.findUnique({ where: { id: config.categoryId } });
      if (!category) config.categoryId = null;
    }
    if (config.modelConfigId) {
      const model = await tx.modelConfig.findUnique({ where: { id: config.modelConfigId } });
      if (!model) config.modelConfigId = null;
    }

    const updated = await tx.gpt.updateMany({
      where: { id: gpt.id, ownerId: actor.id, deletedAt: null, revision },
      data: { ...config, revision: { increment: 1 } },
    });
    if (updated.count === 0) {
      throw new AppError(
        "conflict",
        "This GPT was changed in another tab or window. Reload to get the latest version.",
      );
    }
    const restored: RestoredDraft = {
      revision: revision + 1,
      values: toDraftFormValues({
        ...config,
        allowRemix: gpt.allowRemix,
        allowKnowledgeRemix: gpt.allowKnowledgeRemix,
      }),
      matchesPublished:
        gpt.publishedVersion !== null && changedFields(config, gpt.publishedVersion).length === 0,
    };
    const replaced = gpt.avatarKey !== config.avatarKey ? gpt.avatarKey : null;
    return { restored, replacedAvatarKey: replaced };
  });
  if (replacedAvatarKey) await releaseAvatar(replacedAvatarKey);
  return restored;
}
