import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { isSameFieldValue } from "../gpts/gpt-config";
import { findBuilderGpt, findOwnedChange, toChangeView, writeDraftField } from "./draft-field";
import { BUILDER_FIELD_LABELS, type BuilderField } from "./fields";
import type { BuilderChangeActionResult } from "./schemas";

/**
 * Undoes an applied builder change: the field goes back to its value before the change, but only
 * while it still holds what the change wrote. Anything written since (by hand, or by a later
 * builder change) would be lost, so that is a conflict with a message saying so.
 */
export async function undoBuilderChange({
  actor,
  gptId,
  changeId,
  revision,
}: {
  actor: Actor;
  gptId: string;
  changeId: string;
  revision: number;
}): Promise<BuilderChangeActionResult> {
  return prisma.$transaction(async (tx) => {
    const change = await findOwnedChange(tx, { actor, gptId, changeId });
    if (change.status !== "APPLIED") {
      throw new AppError(
        "conflict",
        change.status === "UNDONE"
          ? "This change was already undone."
          : "Only a change that was applied can be undone.",
      );
    }
    const field = change.field as BuilderField;
    const gpt = await findBuilderGpt(tx, { actor, gptId });
    if (!isSameFieldValue(gpt[field], change.after)) {
      throw new AppError(
        "conflict",
        `${BUILDER_FIELD_LABELS[field]} changed since; undo would overwrite your edit.`,
      );
    }
    const nextRevision = await writeDraftField(tx, {
      actor,
      gpt,
      field,
      value: change.before,
      revision,
    });
    const updated = await tx.builderChange.update({
      where: { id: change.id },
      data: { status: "UNDONE" },
    });
    return {
      change: toChangeView(updated),
      revision: nextRevision,
      draft: { field, value: change.before },
    };
  });
}
