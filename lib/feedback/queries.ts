import "server-only";
import type { Actor } from "../auth/session";
import { textOf } from "../chat/schemas";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { GptFeedbackList } from "./schemas";

const EXCERPT_MAX_CHARS = 240;
export const FEEDBACK_LIST_LIMIT = 50;

function excerptOf(parts: unknown): string {
  const text = textOf(parts).replace(/\s+/g, " ").trim();
  return text.length > EXCERPT_MAX_CHARS ? `${text.slice(0, EXCERPT_MAX_CHARS - 1)}…` : text;
}

/**
 * The thumbs a GPT's answers received, newest first, with up/down totals: for its creator (and
 * admins) only; the raters stay anonymous. Anyone else gets "not found", never "forbidden".
 */
export async function listGptFeedback({
  actor,
  gptId,
  limit = FEEDBACK_LIST_LIMIT,
}: {
  actor: Actor;
  gptId: string;
  limit?: number;
}): Promise<GptFeedbackList> {
  const gpt = await prisma.gpt.findFirst({
    where: actor.role === "ADMIN" ? { id: gptId } : { id: gptId, ownerId: actor.id },
    select: { id: true },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  const [counts, rows] = await Promise.all([
    prisma.messageFeedback.groupBy({ by: ["rating"], where: { gptId }, _count: { _all: true } }),
    prisma.messageFeedback.findMany({
      where: { gptId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        rating: true,
        comment: true,
        createdAt: true,
        updatedAt: true,
        message: { select: { parts: true } },
      },
    }),
  ]);
  const countOf = (rating: "UP" | "DOWN") =>
    counts.find((row) => row.rating === rating)?._count._all ?? 0;
  return {
    totals: { up: countOf("UP"), down: countOf("DOWN") },
    items: rows.map((row) => ({
      id: row.id,
      rating: row.rating,
      comment: row.comment,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      excerpt: excerptOf(row.message.parts),
    })),
  };
}
