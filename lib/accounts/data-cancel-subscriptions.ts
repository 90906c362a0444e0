import "server-only";
import Stripe from "stripe";
import { isBillingEnabled, stripe } from "../billing/stripe";
import { applySubscription } from "../billing/subscriptions";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";

/** Subscriptions Stripe could still charge: everything but the ended ones. */
const ENDED = ["CANCELED", "INCOMPLETE_EXPIRED"] as const;

export type CancelledSubscriptions = {
  count: number;
  /** Writes the subscriptions as Stripe now has them, in the deletion's transaction. */
  apply(tx: Prisma.TransactionClient): Promise<void>;
};

function isMissing(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeError &&
    (error.code === "resource_missing" || error.statusCode === 404)
  );
}

/**
 * Cancels, at once, every subscription of the user that Stripe could still charge, before the
 * account is deleted (nobody could cancel it afterwards). Idempotent: one already cancelled (a
 * retried deletion, or the customer cancelled in the portal meanwhile) is read back instead.
 * Without Stripe configured there are no subscriptions to cancel. A Stripe failure stops the
 * deletion before anything changed here.
 */
export async function cancelSubscriptionsForDeletion(
  userId: string,
): Promise<CancelledSubscriptions> {
  const live = await prisma.subscription.findMany({
    where: { userId, status: { notIn: [...ENDED] } },
    select: { id: true },
  });
  if (live.length === 0 || !isBillingEnabled()) return { count: 0, apply: async () => {} };
  const client = stripe();
  const ended: Stripe.Subscription[] = [];
  try {
    for (const { id } of live) {
      const current = await client.subscriptions.retrieve(id);
      if (current.status === "canceled" || current.status === "incomplete_expired") {
        ended.push(current);
        continue;
      }
      try {
        ended.push(await client.subscriptions.cancel(id));
      } catch (error) {
        if (!isMissing(error)) throw error;
        ended.push(await client.subscriptions.retrieve(id));
      }
    }
  } catch (error) {
    console.error("[atelier] could not cancel a subscription for an account deletion", error);
    throw new AppError(
      "unavailable",
      "Your subscription could not be cancelled with the payment provider, so nothing was deleted. Please try again in a few minutes.",
    );
  }
  return {
    count: ended.length,
    async apply(tx) {
      for (const subscription of ended) await applySubscription(tx, subscription);
    },
  };
}
