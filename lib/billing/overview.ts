import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { Prisma, type SubscriptionStatus } from "../generated/prisma/client";
import { customerCreditsAccount, LEDGER_ACCOUNTS } from "../ledger/accounts";
import type { Jsonified } from "../utils/jsonify";

const MICROS_PER_CENT = 10_000n;
/** Subscriptions that count towards MRR: paying, trialing, or in the past-due grace period. */
const LIVE_STATUSES: SubscriptionStatus[] = ["ACTIVE", "TRIALING", "PAST_DUE"];
/** Never paid for: not a new subscription, whatever the row's creation date. */
const NEVER_STARTED: SubscriptionStatus[] = ["INCOMPLETE", "INCOMPLETE_EXPIRED"];
export const MAX_OVERVIEW_MONTHS = 120;

/** One UTC month's figures. Micro-dollars; refunds and disputes are money given or taken back. */
export type BillingMonth = {
  /** "2026-12": the UTC month. */
  month: string;
  subscriptionRevenueMicros: bigint;
  creditsSoldMicros: bigint;
  creditsSpentMicros: bigint;
  refundsMicros: bigint;
  disputesMicros: bigint;
  newSubscriptions: number;
  churnedSubscriptions: number;
};

export type BillingPlanRow = {
  planId: string;
  planName: string;
  subscriptions: number;
  mrrMicros: bigint;
};

export type BillingOverview = {
  /** The UTC month the "this month" figures cover, "2026-12". */
  month: string;
  /** False until the first subscription or ledger transaction: nothing to chart yet. */
  hasBillingData: boolean;
  mrrMicros: bigint;
  activeSubscriptions: number;
  byPlan: BillingPlanRow[];
  newThisMonth: number;
  churnedThisMonth: number;
  subscriptionRevenueMicros: bigint;
  creditsSoldMicros: bigint;
  creditsSpentMicros: bigint;
  refundsMicros: bigint;
  disputesMicros: bigint;
  stripeFeesMicros: bigint;
  /** Oldest first, one row per UTC month, months without activity included. */
  monthly: BillingMonth[];
};

export type BillingOverviewJson = Jsonified<BillingOverview>;
export type BillingMonthJson = Jsonified<BillingMonth>;
export type BillingPlanRowJson = Jsonified<BillingPlanRow>;

type MonthRow = Omit<BillingMonth, "newSubscriptions" | "churnedSubscriptions"> & {
  stripeFeesMicros: bigint;
  newSubscriptions: number;
  churnedSubscriptions: number;
};

/**
 * The admin billing overview: MRR at the plans' current prices (a yearly subscription counts a
 * twelfth of the yearly price) and live subscriptions by plan, both as they stand now whatever
 * `now` says; and for each of the `months` UTC months up to `now`'s, the money
 * booked in the ledger (by transaction kind and account, on `occurredAt`) and the subscriptions
 * started (created, never-paid ones excepted) and churned (`canceledAt`, which Stripe sets when
 * a cancellation is requested, also at period end). Refunds are the whole amount given back,
 * unspent credits taken back included; disputes are net of those won; fees include dispute fees.
 */
export async function getBillingOverview({
  actor,
  now = new Date(),
  months = 12,
}: {
  actor: Actor;
  now?: Date;
  months?: number;
}): Promise<BillingOverview> {
  assertAdmin(actor);
  if (!Number.isInteger(months) || months < 1 || months > MAX_OVERVIEW_MONTHS) {
    throw new RangeError(`months must be an integer from 1 to ${MAX_OVERVIEW_MONTHS}.`);
  }
  const [plans, monthly, hasBillingData] = await Promise.all([
    livePlanRows(),
    monthlyRows(now, months),
    anyBillingData(),
  ]);
  const current = monthly.at(-1) as MonthRow;
  return {
    month: current.month,
    hasBillingData,
    mrrMicros: plans.reduce((sum, plan) => sum + plan.mrrMicros, 0n),
    activeSubscriptions: plans.reduce((sum, plan) => sum + plan.subscriptions, 0),
    byPlan: plans,
    newThisMonth: current.newSubscriptions,
    churnedThisMonth: current.churnedSubscriptions,
    subscriptionRevenueMicros: current.subscriptionRevenueMicros,
    creditsSoldMicros: current.creditsSoldMicros,
    creditsSpentMicros: current.creditsSpentMicros,
    refundsMicros: current.refundsMicros,
    disputesMicros: current.disputesMicros,
    stripeFeesMicros: current.stripeFeesMicros,
    monthly: monthly.map(({ stripeFeesMicros: _fees, ...row }) => row),
  };
}

/** Paid plans on offer or with live subscriptions, in the store's order, with their MRR. */
async function livePlanRows(): Promise<BillingPlanRow[]> {
  const counts = await prisma.subscription.groupBy({
    by: ["planId", "interval"],
    where: { status: { in: LIVE_STATUSES } },
    _count: { _all: true },
  });
  const plans = await prisma.plan.findMany({
    where: {
      OR: [{ id: { in: counts.map((row) => row.planId) } }, { isFree: false, isArchived: false }],
    },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, monthlyPriceCents: true, yearlyPriceCents: true },
  });
  return plans.map((plan) => {
    const countOf = (interval: "MONTH" | "YEAR") =>
      counts.find((row) => row.planId === plan.id && row.interval === interval)?._count._all ?? 0;
    const monthly = countOf("MONTH");
    const yearly = countOf("YEAR");
    // A yearly subscriber whose plan no longer offers a yearly price: count the monthly one.
    const yearlyCents = plan.yearlyPriceCents ?? plan.monthlyPriceCents * 12;
    const yearlyMicros = BigInt(yearly) * BigInt(yearlyCents) * MICROS_PER_CENT;
    return {
      planId: plan.id,
      planName: plan.name,
      subscriptions: monthly + yearly,
      // Rounded once per plan, half up, to the micro-dollar.
      mrrMicros:
        BigInt(monthly) * BigInt(plan.monthlyPriceCents) * MICROS_PER_CENT +
        (yearlyMicros + 6n) / 12n,
    };
  });
}

async function anyBillingData(): Promise<boolean> {
  const [subscription, transaction] = await Promise.all([
    prisma.subscription.findFirst({ select: { id: true } }),
    prisma.ledgerTransaction.findFirst({ select: { id: true } }),
  ]);
  return subscription !== null || transaction !== null;
}

/** "2026-12-01 00:00:00": a UTC month start as a `timestamp` literal (columns are UTC, no zone). */
function monthStart(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return `${date.toISOString().slice(0, 10)} 00:00:00`;
}

async function monthlyRows(now: Date, months: number): Promise<MonthRow[]> {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const from = monthStart(year, month - (months - 1));
  const to = monthStart(year, month);
  const until = monthStart(year, month + 1);
  const { subscriptionRevenue, creditRevenue, refunds, disputes, stripeFees, disputeFees } =
    LEDGER_ACCOUNTS;
  const customerCredits = `${customerCreditsAccount("").id}%`;
  const rows = await prisma.$queryRaw<MonthRow[]>(Prisma.sql`
    WITH months AS (
      SELECT generate_series(${from}::timestamp, ${to}::timestamp, interval '1 month') AS "month"
    ),
    ledger AS (
      SELECT date_trunc('month', t."occurredAt") AS "month",
        SUM(CASE WHEN t."kind" = 'invoice.paid' AND e."accountId" = ${subscriptionRevenue.id}
          THEN -e."amountMicros" ELSE 0 END) AS "subscriptionRevenueMicros",
        SUM(CASE WHEN t."kind" = 'credits.purchased' AND e."accountId" LIKE ${customerCredits}
          THEN -e."amountMicros" ELSE 0 END) AS "creditsSoldMicros",
        SUM(CASE WHEN t."kind" = 'credits.spent' AND e."accountId" = ${creditRevenue.id}
          THEN -e."amountMicros" ELSE 0 END) AS "creditsSpentMicros",
        SUM(CASE WHEN t."kind" = 'charge.refunded'
            AND (e."accountId" = ${refunds.id} OR e."accountId" LIKE ${customerCredits})
          THEN e."amountMicros" ELSE 0 END) AS "refundsMicros",
        SUM(CASE WHEN t."kind" IN ('dispute.withdrawn', 'dispute.reinstated')
            AND e."accountId" = ${disputes.id}
          THEN e."amountMicros" ELSE 0 END) AS "disputesMicros",
        SUM(CASE WHEN e."accountId" IN (${stripeFees.id}, ${disputeFees.id})
          THEN e."amountMicros" ELSE 0 END) AS "stripeFeesMicros"
      FROM "LedgerTransaction" t
      JOIN "LedgerEntry" e ON e."transactionId" = t."id"
      WHERE t."occurredAt" >= ${from}::timestamp AND t."occurredAt" < ${until}::timestamp
      GROUP BY 1
    ),
    started AS (
      SELECT date_trunc('month', "createdAt") AS "month", COUNT(*) AS "count"
      FROM "Subscription"
      WHERE "createdAt" >= ${from}::timestamp AND "createdAt" < ${until}::timestamp
        AND "status"::text NOT IN (${Prisma.join(NEVER_STARTED)})
      GROUP BY 1
    ),
    churned AS (
      SELECT date_trunc('month', "canceledAt") AS "month", COUNT(*) AS "count"
      FROM "Subscription"
      WHERE "canceledAt" >= ${from}::timestamp AND "canceledAt" < ${until}::timestamp
      GROUP BY 1
    )
    SELECT to_char(m."month", 'YYYY-MM') AS "month",
      COALESCE(l."subscriptionRevenueMicros", 0)::bigint AS "subscriptionRevenueMicros",
      COALESCE(l."creditsSoldMicros", 0)::bigint AS "creditsSoldMicros",
      COALESCE(l."creditsSpentMicros", 0)::bigint AS "creditsSpentMicros",
      COALESCE(l."refundsMicros", 0)::bigint AS "refundsMicros",
      COALESCE(l."disputesMicros", 0)::bigint AS "disputesMicros",
      COALESCE(l."stripeFeesMicros", 0)::bigint AS "stripeFeesMicros",
      COALESCE(s."count", 0)::int AS "newSubscriptions",
      COALESCE(c."count", 0)::int AS "churnedSubscriptions"
    FROM months m
    LEFT JOIN ledger l ON l."month" = m."month"
    LEFT JOIN started s ON s."month" = m."month"
    LEFT JOIN churned c ON c."month" = m."month"
    ORDER BY m."month"`);
  // Drivers differ in how they hand back int8 and int4; normalise.
  return rows.map((row) => ({
    month: row.month,
    subscriptionRevenueMicros: BigInt(row.subscriptionRevenueMicros),
    creditsSoldMicros: BigInt(row.creditsSoldMicros),
    creditsSpentMicros: BigInt(row.creditsSpentMicros),
    refundsMicros: BigInt(row.refundsMicros),
    disputesMicros: BigInt(row.disputesMicros),
    stripeFeesMicros: BigInt(row.stripeFeesMicros),
    newSubscriptions: Number(row.newSubscriptions),
    churnedSubscriptions: Number(row.churnedSubscriptions),
  }));
}

/** For JSON responses and client props: every bigint becomes its decimal string. */
export function toBillingOverviewJson(overview: BillingOverview): BillingOverviewJson {
  return {
    ...overview,
    mrrMicros: String(overview.mrrMicros),
    byPlan: overview.byPlan.map((plan) => ({ ...plan, mrrMicros: String(plan.mrrMicros) })),
    subscriptionRevenueMicros: String(overview.subscriptionRevenueMicros),
    creditsSoldMicros: String(overview.creditsSoldMicros),
    creditsSpentMicros: String(overview.creditsSpentMicros),
    refundsMicros: String(overview.refundsMicros),
    disputesMicros: String(overview.disputesMicros),
    stripeFeesMicros: String(overview.stripeFeesMicros),
    monthly: overview.monthly.map((row) => ({
      ...row,
      subscriptionRevenueMicros: String(row.subscriptionRevenueMicros),
      creditsSoldMicros: String(row.creditsSoldMicros),
      creditsSpentMicros: String(row.creditsSpentMicros),
      refundsMicros: String(row.refundsMicros),
      disputesMicros: String(row.disputesMicros),
    })),
  };
}

/** Micro-dollars → "1234.50": rounded to the cent, half away from zero; no symbol or grouping. */
export function microsToDollarText(micros: bigint): string {
  const sign = micros < 0n ? "-" : "";
  const absolute = micros < 0n ? -micros : micros;
  const cents = (absolute + MICROS_PER_CENT / 2n) / MICROS_PER_CENT;
  if (cents === 0n) return "0.00";
  return `${sign}${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
}

const CSV_COLUMNS: [header: string, cell: (row: BillingMonth) => string][] = [
  ["Month", (row) => row.month],
  ["Subscription revenue (USD)", (row) => microsToDollarText(row.subscriptionRevenueMicros)],
  ["Credits sold (USD)", (row) => microsToDollarText(row.creditsSoldMicros)],
  ["Credits spent (USD)", (row) => microsToDollarText(row.creditsSpentMicros)],
  ["Refunds (USD)", (row) => microsToDollarText(row.refundsMicros)],
  ["Disputes (USD)", (row) => microsToDollarText(row.disputesMicros)],
  ["New subscriptions", (row) => String(row.newSubscriptions)],
  ["Churned subscriptions", (row) => String(row.churnedSubscriptions)],
];

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The monthly figures as CSV (RFC 4180, CRLF): a header row, then one row per month, oldest first. */
export function billingOverviewCsv(overview: Pick<BillingOverview, "monthly">): string {
  const lines = [
    CSV_COLUMNS.map(([header]) => header),
    ...overview.monthly.map((row) => CSV_COLUMNS.map(([, cell]) => cell(row))),
  ];
  return lines.map((fields) => `${fields.map(csvField).join(",")}\r\n`).join("");
}
