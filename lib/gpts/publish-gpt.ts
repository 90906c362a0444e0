import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { assertHasBuilderProfile } from "../users/builder-profile-queries";
import { configOf } from "./gpt-config";
import { parseInput } from "./parse-input";
import { type PublishGptInput, publishGptSchema } from "./schemas";

/**
 * Snapshots the draft as the next immutable version and makes it the one users talk to, with the
 * chosen visibility. Public GPTs need a builder profile (the creator name shown in the store):
 * without one the publish fails with a `displayName` field error, and nothing is published.
 */
export async function publishGpt({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: PublishGptInput;
}) {
  const { visibility, releaseNote } = parseInput(publishGptSchema, input);
  return prisma.$transaction(async (tx) => {
    // Row lock: two publishes of one GPT at once take turns instead of colliding on the number.
    await tx.$queryRaw`SELECT id FROM "Gpt" WHERE id = ${gptId} AND "ownerId" = ${actor.id} FOR UPDATE`;
    const gpt = await tx.gpt.findFirst({
      where: { id: gptId, ownerId: actor.id, deletedAt: null },
    });
    if (!gpt) throw new AppError("not_found", "GPT not found.");
    if (gpt.status === "REMOVED") {
      throw new AppError(
        "forbidden",
        "This GPT was removed by a moderator and cannot be published.",
      );
    }
    if (!gpt.name.trim())
      throw new AppError("bad_request", "Give your GPT a name before publishing.");
    if (visibility === "PUBLIC") await assertHasBuilderProfile(tx, actor.id);
    const last = await tx.gptVersion.findFirst({
      where: { gptId },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    const version = await tx.gptVersion.create({
      data: {
        gptId,
        number: (last?.number ?? 0) + 1,
        ...configOf(gpt),
        releaseNote: releaseNote || null,
      },
    });
    await tx.gpt.update({
      where: { id: gptId },
      data: { publishedVersionId: version.id, visibility },
    });
    return { versionId: version.id, number: version.number, slug: gpt.slug, visibility };
  });
}
