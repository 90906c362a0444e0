import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Plan, Prisma } from "../generated/prisma/client";
import type { ParsedPlanInput, PublicPlan } from "./plan-schemas";
import { isBillingEnabled } from "./stripe";
import { syncPlanWithStripe } from "./sync-plan";

/** Stripe refuses charges under $0.50. */
const MIN_PAID_PRICE_CENTS = 50;

export function toPublicPlan(plan: Plan): PublicPlan {
  return {
    id: plan.id,
    name: plan.name,
    description: plan.description,
    isFree: plan.isFree,
    isArchived: plan.isArchived,
    monthlyPriceCents: plan.monthlyPriceCents,
    yearlyPriceCents: plan.yearlyPriceCents,
    dailyMessages: plan.dailyMessages,
    monthlyMessages: plan.monthlyMessages,
    allowsPremiumModels: plan.allowsPremiumModels,
    knowledgeMaxMb: plan.knowledgeMaxMb,
    maxPublicGpts: plan.maxPublicGpts,
    hasApiAccess: plan.hasApiAccess,
    sortOrder: plan.sortOrder,
    isSyncedWithStripe: plan.isFree || Boolean(plan.stripeMonthlyPriceId),
  };
}

/** The Free plan: the migration creates it; this recreates it should an operator have removed it. */
export async function getFreePlan(db: Prisma.TransactionClient = prisma): Promise<Plan> {
  const existing = await db.plan.findFirst({ where: { isFree: true } });
  if (existing) return existing;
  return db.plan.upsert({
    where: { id: "free" },
    update: { isFree: true, isArchived: false },
    create: {
      id: "free",
      name: "Free",
      isFree: true,
      dailyMessages: 500,
      monthlyMessages: 0,
      knowledgeMaxMb: 1024,
      maxPublicGpts: 100,
    },
  });
}

/** Every plan, Free first, then by sort order and price (admins see archived ones too). */
export async function listPlans({ includeArchived }: { includeArchived: boolean }) {
  await getFreePlan();
  const plans = await prisma.plan.findMany({
    where: includeArchived ? {} : { isArchived: false },
    orderBy: [{ isFree: "desc" }, { sortOrder: "asc" }, { monthlyPriceCents: "asc" }],
  });
  // Without Stripe only the Free plan can be had.
  return plans.filter(
    (plan) =>
      includeArchived || plan.isFree || (isBillingEnabled() && Boolean(plan.stripeMonthlyPriceId)),
  );
}

/**
 * Creates (no id) or updates a plan. Paid plans need Stripe: their Product and Prices are created
 * or updated there first (a price change makes a new Price and archives the old one; existing
 * subscribers keep theirs until they change plan), then the plan row stores the ids. The Free
 * plan's price stays 0 and it cannot be archived.
 */
export async function savePlan({
  actor,
  id,
  input,
}: {
  actor: Actor;
  id?: string;
  /** Parsed by planInputSchema (the routes do it): prices already in cents. */
  input: ParsedPlanInput;
}): Promise<PublicPlan> {
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  const data = input;
  const existing = id ? await prisma.plan.findUnique({ where: { id } }) : null;
  if (id && !existing) throw new AppError("not_found", "Plan not found.");
  const isFree = existing?.isFree ?? false;
  if (isFree) {
    if (data.monthlyPrice !== 0 || data.yearlyPrice !== null) {
      throw new AppError("bad_request", "The Free plan has no price.", {
        monthlyPrice: ["The Free plan is always free."],
      });
    }
    if (data.isArchived) {
      throw new AppError("bad_request", "The Free plan cannot be archived.", {
        isArchived: ["Everyone without a subscription is on the Free plan."],
      });
    }
    if (data.allowsPremiumModels) {
      const message =
        "Premium models are for paid plans. To offer a model on Free, turn off its Premium switch in Admin → Models.";
      throw new AppError("bad_request", message, { allowsPremiumModels: [message] });
    }
  } else {
    if (!isBillingEnabled()) {
      throw new AppError(
        "bad_request",
        "Paid plans need Stripe: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (docs/billing.md).",
      );
    }
    const priceErrors: Record<string, string[]> = {};
    if (data.monthlyPrice < MIN_PAID_PRICE_CENTS) {
      priceErrors.monthlyPrice = ["A paid plan costs at least $0.50 a month."];
    }
    if (data.yearlyPrice !== null && data.yearlyPrice < MIN_PAID_PRICE_CENTS) {
      priceErrors.yearlyPrice = ["At least $0.50, or leave empty for no yearly option."];
    }
    if (Object.keys(priceErrors).length > 0) {
      throw new AppError("bad_request", "Check the highlighted fields.", priceErrors);
    }
  }
  const fields = {
    name: data.name,
    description: data.description,
    monthlyPriceCents: data.monthlyPrice,
    yearlyPriceCents: data.yearlyPrice,
    dailyMessages: data.dailyMessages,
    monthlyMessages: data.monthlyMessages,
    allowsPremiumModels: data.allowsPremiumModels,
    knowledgeMaxMb: data.knowledgeMaxMb,
    maxPublicGpts: data.maxPublicGpts,
    hasApiAccess: data.hasApiAccess,
    isArchived: data.isArchived,
    sortOrder: data.sortOrder,
  };
  // The row first (so Stripe's metadata can name it), then Stripe, then the Stripe ids.
  const plan = existing
    ? await prisma.plan.update({ where: { id: existing.id }, data: fields })
    : await prisma.plan.create({ data: fields });
  const saved = plan.isFree ? plan : await syncOrExplain(plan);
  await prisma.auditLog.create({
    data: {
      actorId: actor.id,
      action: existing ? "plan.update" : "plan.create",
      targetType: "Plan",
      targetId: saved.id,
      data: { ...fields },
    },
  });
  return toPublicPlan(saved);
}

async function syncOrExplain(plan: Plan): Promise<Plan> {
  try {
    return await syncPlanWithStripe(plan);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "unavailable",
      `The plan is saved, but Stripe could not be updated (${reason}). It is not offered until Stripe has it: save it again to retry.`,
    );
  }
}
