import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { findBuilderGpt, findOwnedChange, toChangeView } from "./draft-field";
import type { BuilderChangeActionResult } from "./schemas";

/** The creator keeps their own value: the proposal is dismissed and the draft is untouched. */
export async function dismissBuilderProposal({
  actor,
  gptId,
  changeId,
}: {
  actor: Actor;
  gptId: string;
  changeId: string;
}): Promise<BuilderChangeActionResult> {
  return prisma.$transaction(async (tx) => {
    const change = await findOwnedChange(tx, { actor, gptId, changeId });
    if (change.status !== "PROPOSED") {
      throw new AppError("conflict", "This proposal was already applied or dismissed.");
    }
    const gpt = await findBuilderGpt(tx, { actor, gptId });
    const updated = await tx.builderChange.update({
      where: { id: change.id },
      data: { status: "DISMISSED" },
    });
    return { change: toChangeView(updated), revision: gpt.revision };
  });
}
