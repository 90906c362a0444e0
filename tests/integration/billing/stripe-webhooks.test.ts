import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { startCreditCheckout, startPlanCheckout } from "@/lib/billing/checkout";
import { planInputSchema } from "@/lib/billing/plan-schemas";
import { savePlan } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import { LEDGER_ACCOUNTS } from "@/lib/ledger/accounts";
import { accountEntrySum } from "@/lib/ledger/queries";
import { type BillingHarness, payCheckout, startBillingHarness } from "../../support/billing";
import { createActor } from "../../support/factories";
import { expectLedgerBalanced } from "../../support/ledger";

let billing: BillingHarness;
let admin: Actor;
let planId: string;

const proPlan = planInputSchema.parse({
  name: "Pro",
  description: "More messages and premium models.",
  monthlyPrice: "20",
  yearlyPrice: "200",
  dailyMessages: "500",
  monthlyMessages: "10000",
  allowsPremiumModels: true,
  knowledgeMaxMb: "2048",
  maxPublicGpts: "50",
  hasApiAccess: true,
});

beforeAll(async () => {
  billing = await startBillingHarness();
  admin = await createActor({ role: "ADMIN" });
  planId = (await savePlan({ actor: admin, input: proPlan })).id;
});

afterAll(async () => {
  await billing?.close();
});

beforeEach(() => {
  billing.fake.hold(false);
});

/** A new customer who subscribes to Pro through Checkout, with every webhook applied. */
async function subscribedUser(): Promise<{ user: Actor; subscriptionId: string }> {
  const user = await createActor();
  const { url } = await startPlanCheckout({ actor: user, planId, interval: "month" });
  await payCheckout(url);
  await billing.fake.waitForIdle();
  const subscription = await prisma.subscription.findFirstOrThrow({ where: { userId: user.id } });
  return { user, subscriptionId: subscription.id };
}

async function chargeOf(subscriptionId: string): Promise<string> {
  const subscription = await billing.stripe.subscriptions.retrieve(subscriptionId);
  const invoice = await billing.stripe.invoices.retrieve(String(subscription.latest_invoice), {
    expand: ["payments.data.payment.payment_intent"],
  });
  const paymentIntent = invoice.payments?.data[0]?.payment.payment_intent as Stripe.PaymentIntent;
  return String(paymentIntent.latest_charge);
}

describe("plans in Stripe", () => {
  it("creates the plan's Product and monthly and yearly Prices", async () => {
    const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const monthly = await billing.stripe.prices.retrieve(plan.stripeMonthlyPriceId ?? "");
    expect(monthly).toMatchObject({
      unit_amount: 2000,
      active: true,
      product: plan.stripeProductId,
    });
    expect(monthly.recurring?.interval).toBe("month");
    const yearly = await billing.stripe.prices.retrieve(plan.stripeYearlyPriceId ?? "");
    expect(yearly).toMatchObject({ unit_amount: 20000, active: true });
  });

  it("makes a new Price for a new amount and archives the old one; the same amount keeps it", async () => {
    const team = await savePlan({ actor: admin, input: { ...proPlan, name: "Team" } });
    const before = await prisma.plan.findUniqueOrThrow({ where: { id: team.id } });
    await savePlan({ actor: admin, id: team.id, input: { ...proPlan, name: "Team" } });
    const same = await prisma.plan.findUniqueOrThrow({ where: { id: team.id } });
    expect(same.stripeMonthlyPriceId).toBe(before.stripeMonthlyPriceId);
    await savePlan({
      actor: admin,
      id: team.id,
      input: { ...proPlan, name: "Team", monthlyPrice: 2500 },
    });
    const after = await prisma.plan.findUniqueOrThrow({ where: { id: team.id } });
    expect(after.stripeMonthlyPriceId).not.toBe(before.stripeMonthlyPriceId);
    const old = await billing.stripe.prices.retrieve(before.stripeMonthlyPriceId ?? "");
    expect(old.active).toBe(false);
  });
});

describe("the Stripe webhook", () => {
  it("subscribes through Checkout: the subscription is active on the plan and the invoice is booked net of fees", async () => {
    const { user, subscriptionId } = await subscribedUser();
    const subscription = await prisma.subscription.findUniqueOrThrow({
      where: { id: subscriptionId },
    });
    expect(subscription).toMatchObject({
      userId: user.id,
      planId,
      status: "ACTIVE",
      interval: "MONTH",
    });
    const booked = await prisma.ledgerTransaction.findMany({
      where: {
        kind: "invoice.paid",
        sourceId: String(
          (await billing.stripe.subscriptions.retrieve(subscriptionId)).latest_invoice,
        ),
      },
      include: { entries: true },
    });
    expect(booked).toHaveLength(1);
    const amounts = Object.fromEntries(
      booked[0].entries.map((entry) => [entry.accountId, entry.amountMicros]),
    );
    // $20.00 gross; the fake charges Stripe's 2.9 % + 30 ¢ = 88 ¢.
    expect(amounts).toEqual({
      [LEDGER_ACCOUNTS.subscriptionRevenue.id]: -20_000_000n,
      [LEDGER_ACCOUNTS.stripeFees.id]: 880_000n,
      [LEDGER_ACCOUNTS.stripeClearing.id]: 19_120_000n,
    });
    await expectLedgerBalanced();
  });

  it("applies an event delivered twice once", async () => {
    const { subscriptionId } = await subscribedUser();
    const invoicePaid = billing.fake
      .events()
      .filter((event) => event.type === "invoice.paid")
      .at(-1);
    const countBefore = await prisma.ledgerTransaction.count();
    billing.fake.redeliver(invoicePaid?.id ?? "");
    await billing.fake.waitForIdle();
    const last = billing.fake.deliveries().at(-1);
    expect(last).toMatchObject({ eventId: invoicePaid?.id, status: 200 });
    expect(await prisma.ledgerTransaction.count()).toBe(countBefore);
    expect(await prisma.subscription.count({ where: { id: subscriptionId } })).toBe(1);
    await expectLedgerBalanced();
  });

  it("ends in Stripe's state whatever the order: updated before created", async () => {
    billing.fake.hold(true);
    const user = await createActor();
    const { url } = await startPlanCheckout({ actor: user, planId, interval: "year" });
    await payCheckout(url);
    const stripeSubscription = (await billing.stripe.subscriptions.list({ limit: 100 })).data.find(
      (candidate) => candidate.metadata.atelierUserId === user.id,
    );
    await billing.stripe.subscriptions.update(stripeSubscription?.id ?? "", {
      cancel_at_period_end: true,
    });
    const held = billing.fake.state().heldEvents;
    expect(held.length).toBeGreaterThanOrEqual(4);
    billing.fake.deliverHeld([...held].reverse());
    await billing.fake.waitForIdle();
    const stored = await prisma.subscription.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored).toMatchObject({ status: "ACTIVE", interval: "YEAR", cancelAtPeriodEnd: true });
    await expectLedgerBalanced();
  });

  it("refuses a bad or stale signature with 400 and changes nothing", async () => {
    const { subscriptionId } = await subscribedUser();
    await billing.stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await billing.fake.waitForIdle();
    await prisma.subscription.update({
      where: { id: subscriptionId },
      data: { cancelAtPeriodEnd: false },
    });
    const updated = billing.fake
      .events()
      .filter((event) => event.type === "customer.subscription.updated")
      .at(-1);
    await prisma.stripeEvent.delete({ where: { id: updated?.id ?? "" } });
    for (const signature of ["bad", "stale"] as const) {
      billing.fake.redeliver(updated?.id ?? "", signature);
      await billing.fake.waitForIdle();
      expect(billing.fake.deliveries().at(-1)).toMatchObject({ eventId: updated?.id, status: 400 });
    }
    const stored = await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    expect(stored.cancelAtPeriodEnd).toBe(false);
    expect(await prisma.stripeEvent.count({ where: { id: updated?.id ?? "" } })).toBe(0);
  });

  it("a failed renewal makes the subscription past due from that moment; a paid one restores it and is booked", async () => {
    const { subscriptionId } = await subscribedUser();
    billing.fake.renew(subscriptionId, "failed");
    await billing.fake.waitForIdle();
    const pastDue = await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    expect(pastDue.status).toBe("PAST_DUE");
    expect(pastDue.pastDueSince).not.toBeNull();
    const revenueBefore = await accountEntrySum(LEDGER_ACCOUNTS.subscriptionRevenue.id);
    billing.fake.renew(subscriptionId, "paid");
    await billing.fake.waitForIdle();
    const restored = await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
    expect(restored).toMatchObject({ status: "ACTIVE", pastDueSince: null });
    expect(restored.currentPeriodEnd.getTime()).toBeGreaterThan(pastDue.currentPeriodEnd.getTime());
    expect(await accountEntrySum(LEDGER_ACCOUNTS.subscriptionRevenue.id)).toBe(
      revenueBefore - 20_000_000n,
    );
    await expectLedgerBalanced();
  });

  it("cancel at period end keeps the plan until the period ends, then the subscription is canceled", async () => {
    const { subscriptionId } = await subscribedUser();
    await billing.stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await billing.fake.waitForIdle();
    expect(
      await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } }),
    ).toMatchObject({
      status: "ACTIVE",
      cancelAtPeriodEnd: true,
    });
    billing.fake.endPeriod(subscriptionId);
    await billing.fake.waitForIdle();
    expect(
      (await prisma.subscription.findUniqueOrThrow({ where: { id: subscriptionId } })).status,
    ).toBe("CANCELED");
  });

  it("a refund of a subscription charge is booked as a reversing transaction", async () => {
    const { subscriptionId } = await subscribedUser();
    const charge = await chargeOf(subscriptionId);
    const refundsBefore = await accountEntrySum(LEDGER_ACCOUNTS.refunds.id);
    billing.fake.refund(charge);
    await billing.fake.waitForIdle();
    expect(await accountEntrySum(LEDGER_ACCOUNTS.refunds.id)).toBe(refundsBefore + 20_000_000n);
    await expectLedgerBalanced();
  });

  it("a dispute withdraws the amount and a fee; winning it returns both", async () => {
    const { subscriptionId } = await subscribedUser();
    const charge = await chargeOf(subscriptionId);
    const disputesBefore = await accountEntrySum(LEDGER_ACCOUNTS.disputes.id);
    const feesBefore = await accountEntrySum(LEDGER_ACCOUNTS.disputeFees.id);
    const dispute = billing.fake.dispute(charge);
    await billing.fake.waitForIdle();
    expect(await accountEntrySum(LEDGER_ACCOUNTS.disputes.id)).toBe(disputesBefore + 20_000_000n);
    // Stripe's dispute fee goes to its own account, not to processing fees.
    const fee = (await accountEntrySum(LEDGER_ACCOUNTS.disputeFees.id)) - feesBefore;
    expect(fee).toBeGreaterThan(0n);
    billing.fake.closeDispute(String(dispute.id), "won");
    await billing.fake.waitForIdle();
    expect(await accountEntrySum(LEDGER_ACCOUNTS.disputes.id)).toBe(disputesBefore);
    expect(await accountEntrySum(LEDGER_ACCOUNTS.disputeFees.id)).toBe(feesBefore);
    await expectLedgerBalanced();
  });

  it("a credit pack adds credits owed to the user; refunding it takes back what is unspent", async () => {
    const user = await createActor();
    const { url } = await startCreditCheckout({ actor: user, packCents: 1000 });
    await payCheckout(url);
    await billing.fake.waitForIdle();
    expect(
      (await prisma.creditBalance.findUniqueOrThrow({ where: { userId: user.id } })).balanceMicros,
    ).toBe(10_000_000n);
    await expectLedgerBalanced();
    // The user spends $4 of it (the chat's final write does this in the money issue's turn).
    await prisma.creditBalance.update({
      where: { userId: user.id },
      data: { balanceMicros: 6_000_000n },
    });
    const paymentIntent = (await billing.stripe.paymentIntents.list({ limit: 100 })).data.find(
      (candidate) => candidate.metadata.atelierUserId === user.id,
    );
    const refundsBefore = await accountEntrySum(LEDGER_ACCOUNTS.refunds.id);
    billing.fake.refund(String(paymentIntent?.latest_charge));
    await billing.fake.waitForIdle();
    expect(
      (await prisma.creditBalance.findUniqueOrThrow({ where: { userId: user.id } })).balanceMicros,
    ).toBe(0n);
    // $6 unspent came back from the credits; the $4 already used is a refund of revenue.
    expect(await accountEntrySum(LEDGER_ACCOUNTS.refunds.id)).toBe(refundsBefore + 4_000_000n);
  });

  it("names the customer on every booking of their money, so the revenue pool can count it", async () => {
    // Runs after the payments, refunds and disputes above (the file's tests share a database).
    const bookings = await prisma.ledgerTransaction.findMany({
      where: {
        kind: {
          in: [
            "invoice.paid",
            "charge.refunded",
            "dispute.withdrawn",
            "dispute.reinstated",
            "credits.purchased",
          ],
        },
      },
      select: { kind: true, userId: true },
    });
    expect(new Set(bookings.map((booking) => booking.kind))).toEqual(
      new Set([
        "invoice.paid",
        "charge.refunded",
        "dispute.withdrawn",
        "dispute.reinstated",
        "credits.purchased",
      ]),
    );
    expect(bookings.filter((booking) => !booking.userId)).toEqual([]);
    const users = await prisma.user.findMany({
      where: { id: { in: bookings.map((b) => b.userId ?? "") } },
    });
    expect(users.length).toBe(new Set(bookings.map((b) => b.userId)).size);
  });
});
