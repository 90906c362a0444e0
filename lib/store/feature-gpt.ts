import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { listedInStoreWhere } from "./card";
import { invalidateStoreListings } from "./listing-cache";

/**
 * Adds a GPT to the store's Featured row (newest featured first) or takes it off. Only a listed GPT
 * can be featured: featuring a private, link-only, unlisted or removed GPT would put it in front
 * of everyone. Unfeaturing works whatever its state, so an admin can always clean up. Setting the
 * state it already has changes nothing and writes no audit row.
 */
export async function featureGpt({
  actor,
  gptId,
  featured,
}: {
  actor: Actor;
  gptId: string;
  featured: boolean;
}): Promise<{ id: string; featuredAt: string | null }> {
  assertAdmin(actor);
  const result = await prisma.$transaction(async (tx) => {
    const gpt = await tx.gpt.findUnique({
      where: { id: gptId },
      select: { id: true, slug: true, featuredAt: true },
    });
    if (!gpt) throw new AppError("not_found", "That GPT no longer exists.");
    if (Boolean(gpt.featuredAt) === featured) {
      return { id: gpt.id, featuredAt: gpt.featuredAt?.toISOString() ?? null };
    }
    if (featured) {
      const isListed = await tx.gpt.count({ where: { id: gptId, ...listedInStoreWhere } });
      if (!isListed) {
        throw new AppError(
          "conflict",
          "Only GPTs listed in the store (public, published, active) can be featured.",
        );
      }
    }
    const updated = await tx.gpt.update({
      where: { id: gptId },
      data: { featuredAt: featured ? new Date() : null },
      select: { id: true, featuredAt: true },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: featured ? "gpt.feature" : "gpt.unfeature",
        targetType: "Gpt",
        targetId: gpt.id,
        data: { slug: gpt.slug },
      },
    });
    return { id: updated.id, featuredAt: updated.featuredAt?.toISOString() ?? null };
  });
  invalidateStoreListings();
  return result;
}
