import "server-only";
import { prisma } from "../db";
import { type Plan, Prisma, type Subscription } from "../generated/prisma/client";
import { getFreePlan } from "./plans";

/**
 * Which plan a user is on right now: their subscription's while it is active or trialing, or past
 * due for less than the grace period; the Free plan otherwise. The same rule twice: as SQL for the
 * chat's write-ahead statement (no extra round trip per message) and as a query for refusals and
 * pages. tests/integration/billing/plan-limits.test.ts holds the two to the same answers.
 */
export function entitlementSql({
  userId,
  now,
  pastDueGraceDays,
}: {
  userId: string;
  now: Date;
  pastDueGraceDays: number;
}): Prisma.Sql {
  return Prisma.sql`
    SELECT p."dailyMessages", p."monthlyMessages", p."allowsPremiumModels"
    FROM "Plan" p
    WHERE p."id" = COALESCE(
      (SELECT s."planId" FROM "Subscription" s
        WHERE s."userId" = ${userId}
          AND (s."status" IN ('ACTIVE', 'TRIALING')
            OR (s."status" = 'PAST_DUE' AND s."pastDueSince" > ${graceStart(now, pastDueGraceDays).toISOString()}::timestamp(3)))
        ORDER BY s."currentPeriodEnd" DESC
        LIMIT 1),
      (SELECT f."id" FROM "Plan" f WHERE f."isFree" LIMIT 1))`;
}

export type Entitlement = {
  plan: Plan;
  /** The subscription that grants it; null on the Free plan. */
  subscription: Subscription | null;
  /** Past due, still in its grace period until this instant. */
  graceEndsAt: Date | null;
};

export async function getEntitlement(
  {
    userId,
    now = new Date(),
    pastDueGraceDays,
  }: {
    userId: string;
    now?: Date;
    pastDueGraceDays: number;
  },
  /** Inside a transaction, its client (PGlite has one connection: the global one would wait). */
  db: Prisma.TransactionClient = prisma,
): Promise<Entitlement> {
  const subscription = await db.subscription.findFirst({
    where: {
      userId,
      OR: [
        { status: { in: ["ACTIVE", "TRIALING"] } },
        { status: "PAST_DUE", pastDueSince: { gt: graceStart(now, pastDueGraceDays) } },
      ],
    },
    orderBy: { currentPeriodEnd: "desc" },
    include: { plan: true },
  });
  if (!subscription) {
    return { plan: await getFreePlan(db), subscription: null, graceEndsAt: null };
  }
  const { plan, ...row } = subscription;
  return {
    plan,
    subscription: row,
    graceEndsAt:
      row.status === "PAST_DUE" && row.pastDueSince
        ? graceEndOf(row.pastDueSince, pastDueGraceDays)
        : null,
  };
}

/** When a subscription past due since `pastDueSince` loses its plan. */
export function graceEndOf(pastDueSince: Date, pastDueGraceDays: number): Date {
  return new Date(pastDueSince.getTime() + pastDueGraceDays * 86_400_000);
}

function graceStart(now: Date, pastDueGraceDays: number): Date {
  return new Date(now.getTime() - pastDueGraceDays * 86_400_000);
}
