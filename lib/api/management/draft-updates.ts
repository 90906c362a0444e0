import "server-only";
import type { z } from "zod";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";
import { getGptForEditor } from "../../gpts/queries";
import { restoreGptVersion } from "../../gpts/restore-gpt-version";
import { type GptDraftInput, gptDraftSchema } from "../../gpts/schemas";
import { updateGptDraft } from "../../gpts/update-gpt-draft";
import type { restoreVersionBodySchema, updateGptDraftBodySchema } from "./schemas";

const DRAFT_FIELDS = Object.keys(gptDraftSchema.shape) as (keyof typeof gptDraftSchema.shape)[];

/**
 * PATCH semantics over the UI's whole-draft save: the fields sent replace the draft's, the rest
 * keep their saved values, and the merged draft goes through updateGptDraft (same validation,
 * same revision check, same owner-scoped write). Without a revision the one just read is used:
 * last write wins, as the caller asked.
 */
export async function patchGptDraft({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: z.output<typeof updateGptDraftBodySchema>;
}) {
  const current = await getGptForEditor({ actor, gptId });
  if (!current) throw new AppError("not_found", "GPT not found.");
  const { revision = current.revision, ...changes } = input;
  const saved = Object.fromEntries(
    DRAFT_FIELDS.map((field) => [field, current[field]]),
  ) as GptDraftInput;
  return updateGptDraft({ actor, gptId, input: { ...saved, ...changes, revision } });
}

/** restoreGptVersion, with the draft's current revision when the caller sent none. */
export async function restoreVersionToDraft({
  actor,
  gptId,
  number,
  input,
}: {
  actor: Actor;
  gptId: string;
  number: number;
  input: z.output<typeof restoreVersionBodySchema>;
}) {
  let revision = input.revision;
  if (revision === undefined) {
    const gpt = await prisma.gpt.findFirst({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
      select: { revision: true },
    });
    if (!gpt) throw new AppError("not_found", "GPT not found.");
    revision = gpt.revision;
  }
  return restoreGptVersion({ actor, gptId, number, input: { revision } });
}
