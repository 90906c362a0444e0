import "server-only";
import { z } from "zod";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { type CloseResult, closeEndedMonths } from "./close-month";
import { isMonth, monthBounds } from "./months";
import { type PayoutRunSummary, runPayouts } from "./pay-out";

export const closeMonthInputSchema = z.object({
  month: z.string().refine(isMonth, "Choose a month (YYYY-MM)."),
});

export const resolveHoldInputSchema = z.object({
  decision: z.enum(["release", "void"], { error: "Choose release or void." }),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional(),
});

/**
 * An admin closes a month now instead of waiting for the job (which closes it on the 3rd): every
 * earlier ended month still open is closed first, in order, as the job would.
 */
export async function closeMonthsAsAdmin({
  actor,
  month,
  now = new Date(),
}: {
  actor: Actor;
  month: string;
  now?: Date;
}): Promise<CloseResult[]> {
  assertAdmin(actor);
  if (monthBounds(month).end > now) {
    throw new AppError("conflict", `${month} has not ended yet; it can be closed from the 1st.`);
  }
  return closeEndedMonths({ now, through: month, closedById: actor.id });
}

/** An admin runs the payout job now (audit-logged with what it did). */
export async function runPayoutsAsAdmin({ actor }: { actor: Actor }): Promise<PayoutRunSummary> {
  assertAdmin(actor);
  const summary = await runPayouts();
  await prisma.auditLog.create({
    data: {
      actorId: actor.id,
      action: "payouts.run",
      targetType: "Payout",
      targetId: "-",
      data: summary,
    },
  });
  return summary;
}
