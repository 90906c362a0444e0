import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as overviewRoute } from "@/app/api/admin/billing/overview/route";
import type { Actor } from "@/lib/auth/session";
import { startCreditCheckout, startPlanCheckout } from "@/lib/billing/checkout";
import { adjustCreditBalance } from "@/lib/billing/credits";
import {
  type BillingOverviewJson,
  billingOverviewCsv,
  getBillingOverview,
} from "@/lib/billing/overview";
import { planInputSchema } from "@/lib/billing/plan-schemas";
import { savePlan } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import { customerCreditsAccount, LEDGER_ACCOUNTS } from "@/lib/ledger/accounts";
import { bookLedgerTransaction } from "@/lib/ledger/book";
import { accountEntrySum } from "@/lib/ledger/queries";
import { type BillingHarness, payCheckout, startBillingHarness } from "../../support/billing";
import { createActor } from "../../support/factories";
import { expectLedgerBalanced } from "../../support/ledger";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let billing: BillingHarness;
let admin: Actor;
let proId: string;
let teamId: string;

const planInput = (name: string, monthlyPrice: string, yearlyPrice: string) =>
  planInputSchema.parse({
    name,
    description: `${name} plan`,
    monthlyPrice,
    yearlyPrice,
    dailyMessages: "500",
    monthlyMessages: "10000",
    allowsPremiumModels: true,
    knowledgeMaxMb: "2048",
    maxPublicGpts: "50",
    hasApiAccess: false,
  });

/** "2026-12": the UTC month `monthsLater` months after the one `date` falls in. */
function monthKey(date: Date, monthsLater = 0): string {
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1));
  return start.toISOString().slice(0, 7);
}

const monthStart = (date: Date, monthsLater: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1));

beforeAll(async () => {
  billing = await startBillingHarness();
  admin = await createActor({ role: "ADMIN" });
  proId = (await savePlan({ actor: admin, input: planInput("Pro", "20", "200") })).id;
  teamId = (await savePlan({ actor: admin, input: planInput("Team", "50", "500") })).id;
});

afterAll(async () => {
  await billing?.close();
});

/** A new customer subscribed through Checkout, every webhook applied; returns the subscription id. */
async function subscribe(planId: string, interval: "month" | "year"): Promise<string> {
  const user = await createActor();
  const { url } = await startPlanCheckout({ actor: user, planId, interval });
  await payCheckout(url);
  await billing.fake.waitForIdle();
  return (await prisma.subscription.findFirstOrThrow({ where: { userId: user.id } })).id;
}

async function chargeOf(subscriptionId: string): Promise<string> {
  const subscription = await billing.stripe.subscriptions.retrieve(subscriptionId);
  const invoice = await billing.stripe.invoices.retrieve(String(subscription.latest_invoice), {
    expand: ["payments.data.payment.payment_intent"],
  });
  const paymentIntent = invoice.payments?.data[0]?.payment.payment_intent as Stripe.PaymentIntent;
  return String(paymentIntent.latest_charge);
}

async function callRoute(query = ""): Promise<Response> {
  return overviewRoute(appRequest(`/api/admin/billing/overview${query}`), segment({}));
}

describe("[BILLING]: the admin billing overview before anyone pays", () => {
  it("says there is no billing data, lists the offered plans with nothing, and has twelve empty months", async () => {
    const now = new Date();
    const overview = await getBillingOverview({ actor: admin, now });
    expect(overview).toMatchObject({
      month: monthKey(now),
      hasBillingData: false,
      mrrMicros: 0n,
      activeSubscriptions: 0,
      newThisMonth: 0,
      churnedThisMonth: 0,
      refundsMicros: 0n,
      disputesMicros: 0n,
      creditsSoldMicros: 0n,
      creditsSpentMicros: 0n,
      subscriptionRevenueMicros: 0n,
      stripeFeesMicros: 0n,
    });
    expect(overview.byPlan).toEqual([
      { planId: proId, planName: "Pro", subscriptions: 0, mrrMicros: 0n },
      { planId: teamId, planName: "Team", subscriptions: 0, mrrMicros: 0n },
    ]);
    expect(overview.monthly.map((row) => row.month)).toEqual(
      Array.from({ length: 12 }, (_, index) => monthKey(now, index - 11)),
    );
    for (const row of overview.monthly) {
      expect(row).toEqual({
        month: row.month,
        subscriptionRevenueMicros: 0n,
        creditsSoldMicros: 0n,
        creditsSpentMicros: 0n,
        refundsMicros: 0n,
        disputesMicros: 0n,
        newSubscriptions: 0,
        churnedSubscriptions: 0,
      });
    }
  });
});

describe("[BILLING]: the admin billing overview after a month of Stripe activity", () => {
  beforeAll(async () => {
    // Live: Pro monthly ×3 (one refunded, one past due), Pro yearly, Team yearly.
    const proMonthly = await subscribe(proId, "month");
    const proYearly = await subscribe(proId, "year");
    await subscribe(teamId, "year");
    const refunded = await subscribe(proId, "month");
    const pastDue = await subscribe(proId, "month");
    // Churned: Team monthly, cancelled at once.
    const cancelled = await subscribe(teamId, "month");
    await billing.stripe.subscriptions.cancel(cancelled);

    billing.fake.refund(await chargeOf(refunded));
    billing.fake.renew(pastDue, "failed");
    // A dispute lost ($200 gone) and one won (returned: nets to nothing).
    billing.fake.dispute(await chargeOf(proYearly));
    const won = billing.fake.dispute(await chargeOf(proMonthly));
    await billing.fake.waitForIdle();
    billing.fake.closeDispute(String(won.id), "won");
    await billing.fake.waitForIdle();

    // A $10 credit pack, $4 of it spent, then refunded: $6 taken back from the credits, $4 repaid.
    const buyer = await createActor();
    const { url } = await startCreditCheckout({ actor: buyer, packCents: 1000 });
    await payCheckout(url);
    await billing.fake.waitForIdle();
    // The booking the chat's final write makes when an answer is paid with credits
    // (lib/chat/engine/finalize-answer.ts): same kind, accounts and balance move.
    await prisma.$transaction(async (tx) => {
      await bookLedgerTransaction(tx, {
        idempotencyKey: "credits.spent:overview-test-message",
        kind: "credits.spent",
        sourceId: "overview-test-message",
        occurredAt: new Date(),
        entries: [
          { account: customerCreditsAccount(buyer.id), amountMicros: 4_000_000n },
          { account: LEDGER_ACCOUNTS.creditRevenue, amountMicros: -4_000_000n },
        ],
      });
      await adjustCreditBalance(tx, buyer.id, -4_000_000n);
    });
    const paymentIntent = (await billing.stripe.paymentIntents.list({ limit: 100 })).data.find(
      (candidate) => candidate.metadata.atelierUserId === buyer.id,
    );
    billing.fake.refund(String(paymentIntent?.latest_charge));
    await billing.fake.waitForIdle();
    await expectLedgerBalanced();
    expect((await prisma.subscription.findUniqueOrThrow({ where: { id: pastDue } })).status).toBe(
      "PAST_DUE",
    );
  });

  it("counts MRR over active, trialing and past-due subscriptions, a yearly plan at a twelfth of its price", async () => {
    const overview = await getBillingOverview({ actor: admin });
    // Pro: 3 × $20 + $200 / 12 ($16.666667); Team: $500 / 12 ($41.666667). Cancelled Team: none.
    expect(overview.byPlan).toEqual([
      { planId: proId, planName: "Pro", subscriptions: 4, mrrMicros: 76_666_667n },
      { planId: teamId, planName: "Team", subscriptions: 1, mrrMicros: 41_666_667n },
    ]);
    expect(overview.mrrMicros).toBe(118_333_334n);
    expect(overview.activeSubscriptions).toBe(5);
    expect(overview.hasBillingData).toBe(true);
  });

  it("books this month's revenue, credits, refunds, disputes and fees from the ledger", async () => {
    const now = new Date();
    const overview = await getBillingOverview({ actor: admin, now });
    const fees =
      (await accountEntrySum(LEDGER_ACCOUNTS.stripeFees.id)) +
      (await accountEntrySum(LEDGER_ACCOUNTS.disputeFees.id));
    expect(fees).toBeGreaterThan(0n);
    expect(overview).toMatchObject({
      month: monthKey(now),
      newThisMonth: 6,
      churnedThisMonth: 1,
      // Checkout invoices: $20 + $200 + $500 + $20 + $20 + $50; the failed renewal books nothing.
      subscriptionRevenueMicros: 810_000_000n,
      creditsSoldMicros: 10_000_000n,
      creditsSpentMicros: 4_000_000n,
      // The refunded $20 subscription and the whole $10 pack (unspent credits included).
      refundsMicros: 30_000_000n,
      disputesMicros: 200_000_000n,
      stripeFeesMicros: fees,
    });
    expect(overview.monthly.at(-1)).toEqual({
      month: monthKey(now),
      subscriptionRevenueMicros: 810_000_000n,
      creditsSoldMicros: 10_000_000n,
      creditsSpentMicros: 4_000_000n,
      refundsMicros: 30_000_000n,
      disputesMicros: 200_000_000n,
      newSubscriptions: 6,
      churnedSubscriptions: 1,
    });
  });

  it("groups by UTC month: a booking at a month's first instant is in it, one a millisecond earlier in the month before", async () => {
    const now = new Date();
    const boundary = monthStart(now, -2);
    const bookings = [
      { key: "boundary-in", at: boundary, micros: 1_235_000n },
      { key: "boundary-before", at: new Date(boundary.getTime() - 1), micros: 7_770_000_000n },
    ];
    await prisma.$transaction(async (tx) => {
      for (const booking of bookings) {
        await bookLedgerTransaction(tx, {
          idempotencyKey: `overview-test:${booking.key}`,
          kind: "invoice.paid",
          sourceId: `in_${booking.key}`,
          occurredAt: booking.at,
          entries: [
            { account: LEDGER_ACCOUNTS.stripeClearing, amountMicros: booking.micros },
            { account: LEDGER_ACCOUNTS.subscriptionRevenue, amountMicros: -booking.micros },
          ],
        });
      }
    });
    const { monthly } = await getBillingOverview({ actor: admin, now, months: 4 });
    expect(monthly.map((row) => [row.month, row.subscriptionRevenueMicros])).toEqual([
      [monthKey(now, -3), 7_770_000_000n],
      [monthKey(now, -2), 1_235_000n],
      [monthKey(now, -1), 0n],
      [monthKey(now), 810_000_000n],
    ]);
    // Seen from two months on, this month is the oldest of three; the later two are empty.
    const later = await getBillingOverview({ actor: admin, now: monthStart(now, 2), months: 3 });
    expect(
      later.monthly.map((row) => [row.month, row.newSubscriptions, row.refundsMicros]),
    ).toEqual([
      [monthKey(now), 6, 30_000_000n],
      [monthKey(now, 1), 0, 0n],
      [monthKey(now, 2), 0, 0n],
    ]);
    expect(later).toMatchObject({ newThisMonth: 0, subscriptionRevenueMicros: 0n });
  });

  it("exports the months as CSV: a header row and one row per month, oldest first, dollars to the cent", async () => {
    const now = new Date();
    const csv = billingOverviewCsv(await getBillingOverview({ actor: admin, now }));
    expect(csv.endsWith("\r\n")).toBe(true);
    const lines = csv.slice(0, -2).split("\r\n");
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe(
      "Month,Subscription revenue (USD),Credits sold (USD),Credits spent (USD),Refunds (USD),Disputes (USD),New subscriptions,Churned subscriptions",
    );
    expect(lines[1]).toBe(`${monthKey(now, -11)},0.00,0.00,0.00,0.00,0.00,0,0`);
    // $1.235 rounds half up to $1.24.
    expect(lines[10]).toBe(`${monthKey(now, -2)},1.24,0.00,0.00,0.00,0.00,0,0`);
    expect(lines[9]).toBe(`${monthKey(now, -3)},7770.00,0.00,0.00,0.00,0.00,0,0`);
    expect(lines[12]).toBe(`${monthKey(now)},810.00,10.00,4.00,30.00,200.00,6,1`);
  });
});

describe("[BILLING]: GET /api/admin/billing/overview", () => {
  it("answers 401 to anonymous visitors and 403 to signed-in users who are not admins", async () => {
    setSessionActor(null);
    expect((await callRoute()).status).toBe(401);
    expect((await callRoute("?format=csv")).status).toBe(401);
    setSessionActor(await createActor());
    expect((await callRoute()).status).toBe(403);
    const refused = await callRoute("?format=csv");
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("Month,");
  });

  it("gives an admin the overview as JSON, micro-dollars as decimal strings", async () => {
    setSessionActor(admin);
    const response = await callRoute();
    expect(response.status).toBe(200);
    const body = (await response.json()) as BillingOverviewJson;
    expect(body).toMatchObject({
      month: monthKey(new Date()),
      hasBillingData: true,
      mrrMicros: "118333334",
      activeSubscriptions: 5,
      newThisMonth: 6,
      churnedThisMonth: 1,
      refundsMicros: "30000000",
      disputesMicros: "200000000",
      creditsSoldMicros: "10000000",
      creditsSpentMicros: "4000000",
      subscriptionRevenueMicros: "810000000",
    });
    expect(body.byPlan[0]).toEqual({
      planId: proId,
      planName: "Pro",
      subscriptions: 4,
      mrrMicros: "76666667",
    });
    expect(body.monthly).toHaveLength(12);
    expect(body.monthly[10]).toMatchObject({ month: monthKey(new Date(), -1), refundsMicros: "0" });
  });

  it("gives an admin a CSV download named after the month", async () => {
    setSessionActor(admin);
    const response = await callRoute("?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="atelier-billing-${monthKey(new Date())}.csv"`,
    );
    const text = await response.text();
    expect(text).toBe(billingOverviewCsv(await getBillingOverview({ actor: admin })));
    expect(text.split("\r\n").at(-2)).toBe(
      `${monthKey(new Date())},810.00,10.00,4.00,30.00,200.00,6,1`,
    );
  });
});
