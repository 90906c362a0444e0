import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { isUniqueViolation } from "../db/is-unique-violation";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { loadReviewTarget } from "../reviews/review-target";
import { consumeRateLimit } from "../security/rate-limit";
import { type ReportInput, reportInputSchema } from "./schemas";

export const ALREADY_REPORTED = "You already reported this GPT; an admin will review it.";
export const OWN_GPT_REPORT = "You can't report your own GPT.";
/** Reports a user may file per hour across all GPTs: enough for honest use, not for flooding. */
export const REPORTS_PER_HOUR = 10;

/**
 * Files a report about a GPT the actor can see (not their own). One OPEN report per reporter per
 * GPT: the partial unique index "Report_open_per_reporter_key" refuses a second one even when two
 * requests race, and a new report is allowed again once the admin has closed the first.
 */
export async function reportGpt({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: ReportInput;
}): Promise<{ id: string }> {
  const data = parseInput(reportInputSchema, input);
  // Same visibility rule as reviews: what the actor can open, removed and deleted GPTs excepted.
  const gpt = await loadReviewTarget(prisma, actor, gptId);
  if (gpt.ownerId === actor.id) throw new AppError("forbidden", OWN_GPT_REPORT);
  const open = await prisma.report.findFirst({
    where: { gptId: gpt.id, reporterId: actor.id, status: "OPEN" },
    select: { id: true },
  });
  if (open) throw new AppError("conflict", ALREADY_REPORTED);
  const limit = await consumeRateLimit({
    key: `report:user:${actor.id}`,
    limit: REPORTS_PER_HOUR,
    windowSeconds: 3600,
  });
  if (!limit.isAllowed) {
    throw new AppError("rate_limited", "You've sent a lot of reports. Please try again later.");
  }
  try {
    return await prisma.report.create({
      data: { gptId: gpt.id, reporterId: actor.id, reason: data.reason, details: data.details },
      select: { id: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", ALREADY_REPORTED);
    throw error;
  }
}
