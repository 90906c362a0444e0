import "server-only";
import type Stripe from "stripe";
import { prisma } from "../db";
import type { Plan } from "../generated/prisma/client";
import { stripe } from "./stripe";

/**
 * Makes Stripe match a paid plan: one Product per plan, and one active recurring Price per
 * interval at the plan's amount. Stripe Prices are immutable, so a new amount is a new Price; the
 * old one is archived (its subscribers keep paying it until they change plan). Idempotency keys
 * name the plan and the amount, so a retried save never creates a second Product or Price.
 */
export async function syncPlanWithStripe(plan: Plan): Promise<Plan> {
  const client = stripe();
  const productFields = {
    name: plan.name,
    description: plan.description || undefined,
    active: !plan.isArchived,
    metadata: { atelierPlanId: plan.id },
  };
  const productId = plan.stripeProductId
    ? (await client.products.update(plan.stripeProductId, productFields)).id
    : (await client.products.create(productFields, { idempotencyKey: `plan-product-${plan.id}` }))
        .id;
  const monthlyPriceId = await ensurePrice(client, {
    plan,
    productId,
    interval: "month",
    amountCents: plan.monthlyPriceCents,
    currentPriceId: plan.stripeMonthlyPriceId,
  });
  const yearlyPriceId =
    plan.yearlyPriceCents === null
      ? await archivePrice(client, plan.stripeYearlyPriceId)
      : await ensurePrice(client, {
          plan,
          productId,
          interval: "year",
          amountCents: plan.yearlyPriceCents,
          currentPriceId: plan.stripeYearlyPriceId,
        });
  return prisma.plan.update({
    where: { id: plan.id },
    data: {
      stripeProductId: productId,
      stripeMonthlyPriceId: monthlyPriceId,
      stripeYearlyPriceId: yearlyPriceId,
    },
  });
}

async function ensurePrice(
  client: Stripe,
  options: {
    plan: Plan;
    productId: string;
    interval: "month" | "year";
    amountCents: number;
    currentPriceId: string | null;
  },
): Promise<string> {
  if (options.currentPriceId) {
    const current = await client.prices.retrieve(options.currentPriceId);
    if (current.unit_amount === options.amountCents && current.active) return current.id;
  }
  const created = await client.prices.create(
    {
      product: options.productId,
      currency: "usd",
      unit_amount: options.amountCents,
      recurring: { interval: options.interval },
      metadata: { atelierPlanId: options.plan.id, interval: options.interval },
    },
    {
      idempotencyKey: `plan-price-${options.plan.id}-${options.interval}-${options.amountCents}-${options.currentPriceId ?? "first"}`,
    },
  );
  await archivePrice(client, options.currentPriceId);
  return created.id;
}

async function archivePrice(client: Stripe, priceId: string | null): Promise<null> {
  if (priceId) await client.prices.update(priceId, { active: false });
  return null;
}
