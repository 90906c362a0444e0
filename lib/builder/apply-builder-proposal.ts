import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import {
  findBuilderGpt,
  findOwnedChange,
  jsonValue,
  parseFieldValue,
  toChangeView,
  writeDraftField,
} from "./draft-field";
import type { BuilderField } from "./fields";
import type { BuilderChangeActionResult } from "./schemas";

/**
 * The creator accepts a change the builder only proposed (because they had edited the field by
 * hand). It overwrites the field at their request; `before` becomes the value it replaced, so
 * undo brings their own text back.
 */
export async function applyBuilderProposal({
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
    if (change.status !== "PROPOSED") {
      throw new AppError("conflict", "This proposal was already applied or dismissed.");
    }
    const field = change.field as BuilderField;
    const value = parseFieldValue(field, change.after);
    const gpt = await findBuilderGpt(tx, { actor, gptId });
    const nextRevision = await writeDraftField(tx, { actor, gpt, field, value, revision });
    const updated = await tx.builderChange.update({
      where: { id: change.id },
      data: { status: "APPLIED", before: jsonValue(gpt[field]) },
    });
    return { change: toChangeView(updated), revision: nextRevision, draft: { field, value } };
  });
}
