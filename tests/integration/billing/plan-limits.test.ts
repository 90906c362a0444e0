import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { entitlementSql, getEntitlement } from "@/lib/billing/entitlement";
import { prisma } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";
import { consumeChatMessage } from "@/lib/limits/consume-chat-message";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";
import { consume, limitsOf, plus } from "../limits/helpers";

// 2026-12-06 18:48 UTC: 5 h 12 min before midnight, 25 days before the month ends.
const t0 = new Date("2026-12-06T18:48:00.000Z");
const limits = limitsOf({ burstMessages: 1000, messagesPerMinute: 1000 });
let plusPlanId: string;

beforeAll(async () => {
  await prisma.plan.update({
    where: { id: "free" },
    data: { dailyMessages: 2, monthlyMessages: 0 },
  });
  const plusPlan = await prisma.plan.create({
    data: {
      name: "Plus",
      monthlyPriceCents: 900,
      dailyMessages: 5,
      monthlyMessages: 8,
      allowsPremiumModels: true,
    },
  });
  plusPlanId = plusPlan.id;
});

async function subscriber(
  status: SubscriptionStatus,
  pastDueSince: Date | null = null,
): Promise<Actor> {
  const user = await createActor();
  await prisma.subscription.create({
    data: {
      id: `sub_${user.id}`,
      userId: user.id,
      planId: plusPlanId,
      stripePriceId: "price_plus",
      interval: "MONTH",
      status,
      currentPeriodStart: plus(t0, -86_400),
      currentPeriodEnd: plus(t0, 29 * 86_400),
      pastDueSince,
    },
  });
  return user;
}

async function sendUntilRefused(
  userId: string,
  model?: { displayName: string; isPremium: boolean },
) {
  for (let sent = 0; sent < 100; sent++) {
    try {
      await prisma.$transaction((tx) =>
        consumeChatMessage(tx, { userId, limits, now: plus(t0, sent), model }),
      );
    } catch (error) {
      return { sent, error: error as { message: string; details?: Record<string, unknown> } };
    }
  }
  throw new Error("never refused");
}

describe("[BILLING]: allowances come from the user's plan", () => {
  it("a user without a subscription has the Free plan's daily messages, and is told which plan", async () => {
    const user = await createActor();
    const { sent, error } = await sendUntilRefused(user.id);
    expect(sent).toBe(2);
    expect(error.message).toBe(
      "You've used today's 2 messages on the Free plan. They renew at midnight UTC, in 5 h 12 min.",
    );
    expect(error.details).toMatchObject({ limit: "daily", canUpgrade: false });
  });

  it("an active subscriber has their plan's daily allowance", async () => {
    const user = await subscriber("ACTIVE");
    expect((await sendUntilRefused(user.id)).sent).toBe(5);
  });

  it("the monthly allowance holds across days and renews on the first of the month", async () => {
    const user = await subscriber("ACTIVE");
    for (let day = 0; day < 2; day++) {
      for (let i = 0; i < 4; i++) await consume(user.id, limits, plus(t0, day * 86_400 + i));
    }
    const error = await expectAppError(
      consume(user.id, limits, plus(t0, 2 * 86_400)),
      "rate_limited",
    );
    expect(error.message).toBe(
      "You've used this month's 8 messages on the Plus plan. They renew on January 1 (UTC).",
    );
    expect(error.details).toMatchObject({ limit: "monthly", resetsAt: "2027-01-01T00:00:00.000Z" });
    await consume(user.id, limits, new Date("2027-01-01T00:00:01.000Z"));
    const row = await prisma.chatAllowance.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ monthCount: 1, month: new Date("2027-01-01T00:00:00.000Z") });
  });

  it("a past-due subscription keeps its plan for the grace period, then the Free plan applies", async () => {
    const inGrace = await subscriber("PAST_DUE", plus(t0, -3 * 86_400));
    expect((await sendUntilRefused(inGrace.id)).sent).toBe(5);
    const pastGrace = await subscriber("PAST_DUE", plus(t0, -8 * 86_400));
    expect((await sendUntilRefused(pastGrace.id)).sent).toBe(2);
    const canceled = await subscriber("CANCELED");
    expect((await sendUntilRefused(canceled.id)).sent).toBe(2);
  });

  it("a premium model answers only on a plan that allows it; the refusal says so and takes nothing", async () => {
    const premium = { displayName: "GPT Ultra", isPremium: true };
    const user = await createActor();
    const { sent, error } = await sendUntilRefused(user.id, premium);
    expect(sent).toBe(0);
    expect(error.message).toBe("GPT Ultra is a premium model, not included in the Free plan.");
    expect(error.details).toMatchObject({ limit: "premium_model", resetsAt: null });
    expect(await prisma.chatAllowance.findUnique({ where: { userId: user.id } })).toBeNull();
    const member = await subscriber("ACTIVE");
    expect((await sendUntilRefused(member.id, premium)).sent).toBe(5);
  });

  it("the write-ahead's SQL and the pages' query agree on the plan", async () => {
    const cases = [
      await createActor(),
      await subscriber("ACTIVE"),
      await subscriber("TRIALING"),
      await subscriber("PAST_DUE", plus(t0, -86_400)),
      await subscriber("PAST_DUE", plus(t0, -30 * 86_400)),
      await subscriber("UNPAID"),
    ];
    for (const user of cases) {
      const [fromSql] = await prisma.$queryRaw<{ dailyMessages: number }[]>(
        entitlementSql({ userId: user.id, now: t0, pastDueGraceDays: 7 }),
      );
      const { plan } = await getEntitlement({ userId: user.id, now: t0, pastDueGraceDays: 7 });
      expect(fromSql.dailyMessages).toBe(plan.dailyMessages);
    }
  });
});
