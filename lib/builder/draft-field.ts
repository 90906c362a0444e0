import "server-only";
import type { Actor } from "../auth/session";
import { AppError } from "../errors";
import { type BuilderChange, Prisma } from "../generated/prisma/client";
import { gptDraftSchema } from "../gpts/schemas";
import { validateDraftReferences } from "../gpts/validate-references";
import type { BuilderField } from "./fields";
import type { BuilderChangeView } from "./schemas";

/**
 * Shared steps of every builder mutation (tool call, undo, apply): read the owner's live GPT,
 * validate one field with the draft form's own rules, and write it with the same revision check
 * as a form save, so the builder and another tab can never silently overwrite each other.
 */

type Tx = Prisma.TransactionClient;

export const STALE_DRAFT_MESSAGE =
  "This GPT was changed in another tab or window. Reload to get the latest version.";

const builderGptSelect = {
  id: true,
  ownerId: true,
  name: true,
  revision: true,
  description: true,
  instructions: true,
  conversationStarters: true,
  categoryId: true,
  avatarColor: true,
  modelConfigId: true,
} as const;

export type BuilderGpt = Prisma.GptGetPayload<{ select: typeof builderGptSelect }>;

/** The actor's GPT, unless deleted; anyone else's is "not found". */
export async function findBuilderGpt(
  tx: Tx,
  { actor, gptId }: { actor: Actor; gptId: string },
): Promise<BuilderGpt> {
  const gpt = await tx.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: builderGptSelect,
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  return gpt;
}

/** Validates a value with the field's rule from the draft schema (the Configure form's rules). */
export function parseFieldValue(field: BuilderField, value: unknown): unknown {
  const parsed = gptDraftSchema.shape[field].safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "This value is not valid.";
  throw new AppError("bad_request", message, { [field]: [message] });
}

/** Writes one draft field if `revision` is still current; returns the new revision. */
export async function writeDraftField(
  tx: Tx,
  {
    actor,
    gpt,
    field,
    value,
    revision,
  }: { actor: Actor; gpt: BuilderGpt; field: BuilderField; value: unknown; revision: number },
): Promise<number> {
  if (field === "categoryId") {
    await validateDraftReferences(
      tx,
      { categoryId: value as string | null, modelConfigId: null },
      gpt.modelConfigId,
    );
  }
  const updated = await tx.gpt.updateMany({
    where: { id: gpt.id, ownerId: actor.id, deletedAt: null, revision },
    data: { [field]: value, revision: { increment: 1 } },
  });
  if (updated.count === 0) throw new AppError("conflict", STALE_DRAFT_MESSAGE);
  return revision + 1;
}

/** The value the builder itself last put in the field (its latest applied change), if any. */
export async function lastAppliedByBuilder(
  tx: Tx,
  { gptId, field }: { gptId: string; field: BuilderField },
): Promise<{ value: unknown } | null> {
  const change = await tx.builderChange.findFirst({
    where: { gptId, field, status: "APPLIED" },
    orderBy: { createdAt: "desc" },
    select: { after: true },
  });
  return change ? { value: change.after } : null;
}

/** A JSON column value: Prisma needs JsonNull to store a JSON null. */
export function jsonValue(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}

export function toChangeView(change: BuilderChange): BuilderChangeView {
  return {
    id: change.id,
    messageId: change.messageId,
    field: change.field as BuilderField,
    before: change.before,
    after: change.after,
    status: change.status,
    createdAt: change.createdAt.toISOString(),
  };
}

/** The owner's change to this GPT (not deleted); anything else is "not found". */
export async function findOwnedChange(
  tx: Tx,
  { actor, gptId, changeId }: { actor: Actor; gptId: string; changeId: string },
): Promise<BuilderChange> {
  const change = await tx.builderChange.findFirst({
    where: { id: changeId, gptId, gpt: { ownerId: actor.id, deletedAt: null } },
  });
  if (!change) throw new AppError("not_found", "Change not found.");
  return change;
}
