import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { AppError } from "../../errors";

/**
 * One page of the key owner's GPTs (deleted ones left out), newest first, for GET /api/v1/gpts.
 * Ordered by creation, not last change, so editing a GPT while paging cannot move it to a page
 * already read. The cursor is the last GPT of the previous page, looked up among the owner's own
 * GPTs only: someone else's id is an invalid cursor, not a way to probe their GPTs.
 */
export async function listGptsPage({
  actor,
  limit,
  cursor,
}: {
  actor: Actor;
  limit: number;
  cursor?: string;
}) {
  const after = cursor
    ? await prisma.gpt.findFirst({
        where: { id: cursor, ownerId: actor.id },
        select: { id: true, createdAt: true },
      })
    : null;
  if (cursor && !after) {
    throw new AppError(
      "bad_request",
      "Invalid 'cursor': use `nextCursor` of the previous page.",
      undefined,
      {
        details: { param: "cursor" },
      },
    );
  }
  const rows = await prisma.gpt.findMany({
    where: {
      ownerId: actor.id,
      deletedAt: null,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      visibility: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      publishedVersion: { select: { number: true, createdAt: true } },
    },
  });
  const page = rows.slice(0, limit);
  return { data: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
