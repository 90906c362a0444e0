import "server-only";
import type Stripe from "stripe";
import type { BillingInterval, Prisma, SubscriptionStatus } from "../generated/prisma/client";

const statusOf: Record<Stripe.Subscription.Status, SubscriptionStatus> = {
  incomplete: "INCOMPLETE",
  incomplete_expired: "INCOMPLETE_EXPIRED",
  trialing: "TRIALING",
  active: "ACTIVE",
  past_due: "PAST_DUE",
  canceled: "CANCELED",
  unpaid: "UNPAID",
  paused: "PAUSED",
};

/** The id of a Stripe reference, whether Stripe sent the id or expanded the object. */
export const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === "string" ? value : (value?.id ?? null);

/**
 * Applies a subscription exactly as Stripe has it now (the caller retrieved it): whatever order
 * the webhooks arrived in, duplicates and retries included, the row ends equal to Stripe's state.
 * Returns false when the subscription is not one of ours (no Atelier user or plan behind it).
 */
const ENDED_STATUSES = new Set<string>(["CANCELED", "INCOMPLETE_EXPIRED"]);

export async function applySubscription(
  tx: Prisma.TransactionClient,
  subscription: Stripe.Subscription,
  now = new Date(),
): Promise<boolean> {
  const item = subscription.items.data[0];
  if (!item) return false;
  const priceId = item.price.id;
  const plan = await tx.plan.findFirst({
    where: {
      OR: [
        { stripeMonthlyPriceId: priceId },
        { stripeYearlyPriceId: priceId },
        // A price archived after a plan's price change still belongs to the plan.
        { id: subscription.metadata?.atelierPlanId ?? "" },
      ],
    },
    orderBy: { createdAt: "asc" },
  });
  const userId = await userOf(tx, subscription);
  if (!plan || !userId) return false;
  const status = statusOf[subscription.status] ?? "INCOMPLETE";
  const existing = await tx.subscription.findUnique({
    where: { id: subscription.id },
    select: { status: true, pastDueSince: true },
  });
  // Stripe never revives an ended subscription: a read taken before it ended (a webhook that
  // fetched it just before an account deletion cancelled it) must not make it live again.
  if (existing && ENDED_STATUSES.has(existing.status) && !ENDED_STATUSES.has(status)) return false;
  // The grace period runs from the first time we saw it past due.
  const pastDueSince = status === "PAST_DUE" ? (existing?.pastDueSince ?? now) : null;
  const interval: BillingInterval = item.price.recurring?.interval === "year" ? "YEAR" : "MONTH";
  const fields = {
    userId,
    planId: plan.id,
    stripePriceId: priceId,
    interval,
    status,
    currentPeriodStart: new Date(item.current_period_start * 1000),
    currentPeriodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    canceledAt: subscription.canceled_at ? new Date(subscription.canceled_at * 1000) : null,
    pastDueSince,
  };
  await tx.subscription.upsert({
    where: { id: subscription.id },
    create: { id: subscription.id, ...fields },
    update: fields,
  });
  return true;
}

async function userOf(
  tx: Prisma.TransactionClient,
  subscription: Stripe.Subscription,
): Promise<string | null> {
  const fromMetadata = subscription.metadata?.atelierUserId;
  if (fromMetadata) {
    const user = await tx.user.findUnique({ where: { id: fromMetadata }, select: { id: true } });
    if (user) return user.id;
  }
  const customerId = idOf(subscription.customer);
  if (!customerId) return null;
  const user = await tx.user.findUnique({
    where: { stripeCustomerId: customerId },
    select: { id: true },
  });
  return user?.id ?? null;
}
