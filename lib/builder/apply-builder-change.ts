import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import {
  findBuilderGpt,
  jsonValue,
  lastAppliedByBuilder,
  parseFieldValue,
  toChangeView,
  writeDraftField,
} from "./draft-field";
import { type BuilderField, decideBuilderChange } from "./fields";
import type { BuilderChangeView } from "./schemas";

export type BuilderChangeOutcome =
  | { status: "applied"; change: BuilderChangeView; revision: number }
  | { status: "proposed"; change: BuilderChangeView }
  | { status: "unchanged"; field: BuilderField };

/**
 * One builder tool call: sets a draft field, unless the creator edited it by hand since the
 * builder last set it (the hand-edit rule in fields.ts). Then the change is stored as PROPOSED and
 * the draft is untouched until the creator applies it.
 * Applied changes bump the revision like a form save (a stale `revision` is a conflict).
 * Throws AppError bad_request (invalid value), conflict or not_found.
 */
export async function applyBuilderChange({
  actor,
  gptId,
  messageId,
  field,
  value,
  revision,
}: {
  actor: Actor;
  gptId: string;
  messageId: string | null;
  field: BuilderField;
  value: unknown;
  revision: number;
}): Promise<BuilderChangeOutcome> {
  const after = parseFieldValue(field, value);
  return prisma.$transaction(async (tx) => {
    const gpt = await findBuilderGpt(tx, { actor, gptId });
    const before = gpt[field];
    const decision = decideBuilderChange({
      field,
      current: before,
      proposed: after,
      lastAppliedByBuilder: await lastAppliedByBuilder(tx, { gptId, field }),
    });
    if (decision === "unchanged") return { status: "unchanged", field };

    if (decision === "propose") {
      const change = await tx.builderChange.create({
        data: {
          gptId,
          messageId,
          field,
          before: jsonValue(before),
          after: jsonValue(after),
          status: "PROPOSED",
        },
      });
      return { status: "proposed", change: toChangeView(change) };
    }

    const nextRevision = await writeDraftField(tx, { actor, gpt, field, value: after, revision });
    const change = await tx.builderChange.create({
      data: {
        gptId,
        messageId,
        field,
        before: jsonValue(before),
        after: jsonValue(after),
        status: "APPLIED",
      },
    });
    return { status: "applied", change: toChangeView(change), revision: nextRevision };
  });
}
