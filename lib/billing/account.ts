import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { customerCreditsAccount } from "../ledger/accounts";
import { getChatLimits } from "../limits/chat-limits";
import { allowanceUsed } from "../limits/consume-chat-message";
import { nextUtcMidnight, nextUtcMonthStart } from "../limits/today";
import { getInstanceSettings } from "../settings/instance-settings";
import { getEntitlement } from "./entitlement";
import type { PublicPlan } from "./plan-schemas";
import { listPlans, toPublicPlan } from "./plans";
import { isBillingEnabled } from "./stripe";

/** One movement of a user's credits, newest first: a pack bought, an answer paid, a refund. */
export type CreditActivity = {
  id: string;
  kind: string;
  description: string;
  /** Positive: credits added; negative: credits used or taken back. Micro-dollars as a string. */
  amountMicros: string;
  occurredAt: string;
};

/** What Settings → Plan & billing shows: the plan, what is used of it, credits, what can be bought. */
export type BillingAccount = {
  isBillingEnabled: boolean;
  plan: PublicPlan;
  subscription: {
    status: string;
    interval: "MONTH" | "YEAR";
    currentPeriodEnd: string;
    cancelAtPeriodEnd: boolean;
    /** Past due: the plan holds until then, and the Free plan applies after. */
    graceEndsAt: string | null;
  } | null;
  usage: {
    today: number;
    dailyAllowance: number;
    dayResetsAt: string;
    thisMonth: number;
    monthlyAllowance: number;
    monthResetsAt: string;
  };
  credits: {
    balanceMicros: string;
    /** Held by answers being written right now. */
    heldMicros: string;
    /** Usage beyond the allowance costs the model's price times this percentage. */
    pricePercent: number;
    packCents: number[];
    recent: CreditActivity[];
  };
  hasBillingHistory: boolean;
  plans: PublicPlan[];
};

const RECENT_CREDIT_ROWS = 20;

export async function getBillingAccount(actor: Actor, now = new Date()): Promise<BillingAccount> {
  const limits = await getChatLimits();
  const [entitlement, allowance, balance, user, settings, plans, recent] = await Promise.all([
    getEntitlement({ userId: actor.id, now, pastDueGraceDays: limits.pastDueGraceDays }),
    prisma.chatAllowance.findUnique({ where: { userId: actor.id } }),
    prisma.creditBalance.findUnique({ where: { userId: actor.id } }),
    prisma.user.findUnique({ where: { id: actor.id }, select: { stripeCustomerId: true } }),
    getInstanceSettings(),
    listPlans({ includeArchived: false }),
    prisma.ledgerEntry.findMany({
      where: { accountId: customerCreditsAccount(actor.id).id },
      orderBy: { id: "desc" },
      take: RECENT_CREDIT_ROWS,
      include: { transaction: true },
    }),
  ]);
  const { subscription } = entitlement;
  const { today, thisMonth } = allowanceUsed(allowance, now);
  return {
    isBillingEnabled: isBillingEnabled(),
    plan: toPublicPlan(entitlement.plan),
    subscription: subscription
      ? {
          status: subscription.status,
          interval: subscription.interval,
          currentPeriodEnd: subscription.currentPeriodEnd.toISOString(),
          cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
          graceEndsAt: entitlement.graceEndsAt?.toISOString() ?? null,
        }
      : null,
    usage: {
      today,
      dailyAllowance: entitlement.plan.dailyMessages,
      dayResetsAt: nextUtcMidnight(now).toISOString(),
      thisMonth,
      monthlyAllowance: entitlement.plan.monthlyMessages,
      monthResetsAt: nextUtcMonthStart(now).toISOString(),
    },
    credits: {
      balanceMicros: String(balance?.balanceMicros ?? 0n),
      heldMicros: String(balance?.heldMicros ?? 0n),
      pricePercent: settings.creditPricePercent,
      packCents: settings.creditPackCents,
      // The ledger credits the account when credits are added: minus its entry is the change.
      recent: recent.map((entry) => ({
        id: String(entry.id),
        kind: entry.transaction.kind,
        description: entry.transaction.description,
        amountMicros: String(-entry.amountMicros),
        occurredAt: entry.transaction.occurredAt.toISOString(),
      })),
    },
    hasBillingHistory: Boolean(user?.stripeCustomerId),
    plans: plans.map(toPublicPlan),
  };
}
