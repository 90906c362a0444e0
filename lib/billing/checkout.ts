import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { appUrl } from "../env";
import { AppError } from "../errors";
import { getInstanceSettings } from "../settings/instance-settings";
import { centsToMicros } from "./book-stripe-money";
import { ensureStripeCustomer } from "./customers";
import { isBillingEnabled, stripe } from "./stripe";
import { checkoutEffect, retrieveCheckoutSession } from "./webhook";

/** Subscriptions that still hold a plan: a second one would bill twice (change plan in the portal). */
const LIVE_STATUSES = ["ACTIVE", "TRIALING", "PAST_DUE", "INCOMPLETE", "UNPAID", "PAUSED"] as const;

function requireBilling(): void {
  if (!isBillingEnabled()) {
    throw new AppError("not_found", "Billing is not set up on this instance.");
  }
}

const returnUrl = (outcome: string) =>
  `${appUrl}/settings/billing?checkout=${outcome}&session={CHECKOUT_SESSION_ID}`;

/** A Stripe Checkout page for a paid plan (monthly or yearly) → its URL. */
export async function startPlanCheckout({
  actor,
  planId,
  interval,
}: {
  actor: Actor;
  planId: string;
  interval: "month" | "year";
}): Promise<{ url: string }> {
  requireBilling();
  const plan = await prisma.plan.findUnique({ where: { id: planId } });
  if (!plan || plan.isArchived || plan.isFree) {
    throw new AppError("not_found", "That plan is not on offer.");
  }
  const priceId = interval === "year" ? plan.stripeYearlyPriceId : plan.stripeMonthlyPriceId;
  if (!priceId) {
    throw new AppError("bad_request", `${plan.name} has no ${interval}ly price.`);
  }
  const live = await prisma.subscription.findFirst({
    where: { userId: actor.id, status: { in: [...LIVE_STATUSES] } },
    include: { plan: { select: { name: true } } },
  });
  if (live) {
    throw new AppError(
      "conflict",
      `You are on ${live.plan.name}. Change or cancel it from "Manage billing" instead.`,
    );
  }
  const customer = await ensureStripeCustomer(actor.id);
  const metadata = { atelierUserId: actor.id, atelierPlanId: plan.id };
  const session = await stripe().checkout.sessions.create(
    {
      mode: "subscription",
      customer,
      client_reference_id: actor.id,
      line_items: [{ price: priceId, quantity: 1 }],
      success_url: returnUrl("success"),
      cancel_url: returnUrl("canceled"),
      metadata,
      subscription_data: { metadata },
    },
    { idempotencyKey: `checkout-plan-${actor.id}-${randomUUID()}` },
  );
  if (!session.url) throw new AppError("unavailable", "Stripe did not return a checkout page.");
  return { url: session.url };
}

/** A Stripe Checkout page for a prepaid credit pack (one of the amounts the admin offers). */
export async function startCreditCheckout({
  actor,
  packCents,
}: {
  actor: Actor;
  packCents: number;
}): Promise<{ url: string }> {
  requireBilling();
  const settings = await getInstanceSettings();
  if (!settings.creditPackCents.includes(packCents)) {
    throw new AppError("bad_request", "That credit pack is not on offer.", {
      packCents: [
        `Choose one of ${settings.creditPackCents.map((cents) => `$${(cents / 100).toFixed(2)}`).join(", ")}.`,
      ],
    });
  }
  const customer = await ensureStripeCustomer(actor.id);
  // A pack of $N buys $N of usage at the credit price (model price × creditPricePercent).
  const metadata = {
    atelierUserId: actor.id,
    kind: "credits",
    creditMicros: String(centsToMicros(packCents)),
  };
  const session = await stripe().checkout.sessions.create(
    {
      mode: "payment",
      customer,
      client_reference_id: actor.id,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "usd",
            unit_amount: packCents,
            product_data: { name: `Atelier credits ($${(packCents / 100).toFixed(2)})` },
          },
        },
      ],
      success_url: returnUrl("success"),
      cancel_url: returnUrl("canceled"),
      metadata,
      payment_intent_data: { metadata },
    },
    { idempotencyKey: `checkout-credits-${actor.id}-${randomUUID()}` },
  );
  if (!session.url) throw new AppError("unavailable", "Stripe did not return a checkout page.");
  return { url: session.url };
}

/** Stripe's Customer Portal for the user: change plan, cancel, payment methods, invoices. */
export async function openBillingPortal({ actor }: { actor: Actor }): Promise<{ url: string }> {
  requireBilling();
  const user = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { stripeCustomerId: true },
  });
  if (!user?.stripeCustomerId) {
    throw new AppError("bad_request", "You have no billing history yet: choose a plan first.");
  }
  const session = await stripe().billingPortal.sessions.create({
    customer: user.stripeCustomerId,
    return_url: `${appUrl}/settings/billing`,
  });
  return { url: session.url };
}

/**
 * The return from Checkout: applies the completed session at once (the new plan's allowance, the
 * pack's credits), not waiting for its webhook, which may come seconds later or, misconfigured,
 * never. The same idempotent effect as the webhook's, so whichever comes second changes nothing.
 * Only the user who started the session may confirm it.
 */
export async function confirmCheckout({
  actor,
  sessionId,
}: {
  actor: Actor;
  sessionId: string;
}): Promise<{ status: "complete" | "open" | "expired"; kind: "plan" | "credits" }> {
  requireBilling();
  let session: Awaited<ReturnType<typeof retrieveCheckoutSession>>;
  try {
    session = await retrieveCheckoutSession(sessionId);
  } catch {
    throw new AppError("not_found", "That checkout session was not found.");
  }
  if (session.metadata?.atelierUserId !== actor.id) {
    throw new AppError("not_found", "That checkout session was not found.");
  }
  const kind = session.mode === "subscription" ? "plan" : "credits";
  if (session.status !== "complete") {
    return { status: session.status === "expired" ? "expired" : "open", kind };
  }
  const effect = checkoutEffect(session);
  if (effect) await prisma.$transaction(effect);
  return { status: "complete", kind };
}
