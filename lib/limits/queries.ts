import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { INSTANCE_SPEND_SCOPE } from "./spend-scope";
import { utcDayStart } from "./today";

/** The instance's model spend so far today (UTC), micro-dollars: shown beside its cap. One key read. */
export async function getInstanceSpendTodayForAdmin({
  actor,
  now = new Date(),
}: {
  actor: Actor;
  now?: Date;
}): Promise<number> {
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  const row = await prisma.dailySpend.findUnique({
    where: { scope_day: { scope: INSTANCE_SPEND_SCOPE, day: utcDayStart(now) } },
    select: { costMicros: true },
  });
  return Number(row?.costMicros ?? 0n);
}
