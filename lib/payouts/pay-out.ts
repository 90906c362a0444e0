import "server-only";
import Stripe from "stripe";
import { isBillingEnabled, stripe } from "../billing/stripe";
import { prisma } from "../db";
import type { Payout } from "../generated/prisma/client";
import { creatorAccount, LEDGER_ACCOUNTS } from "../ledger/accounts";
import { bookLedgerTransaction } from "../ledger/book";
import { creatorBalances } from "./balances";

const MICROS_PER_CENT = 10_000n;

export type PayoutRunSummary = {
  /** Payouts left PENDING by an earlier run, settled now (found at Stripe, or sent). */
  reconciled: number;
  paid: number;
  failed: number;
  /** Stripe could not be reached, or answered with a server error: the next run retries. */
  stillPending: number;
};

/** The transfer group (and idempotency key) of one payout: how a retry finds its transfer. */
export const transferGroupOf = (payoutId: string) => `payout:${payoutId}`;

/**
 * The payout job. First it settles payouts an earlier run left PENDING (a crash or a network
 * failure between writing the payout and recording Stripe's answer): it looks the transfer up at
 * Stripe by its transfer group before sending anything, and sends with the same idempotency key,
 * so a payout reaches Stripe at most once. Then, for each creator whose connected account can
 * receive payouts, who has no open fraud hold and no payout in flight, it pays the available
 * balance (whole cents) when that reaches the threshold. Creators without an account accrue.
 */
export async function runPayouts({
  now = new Date(),
}: {
  now?: Date;
} = {}): Promise<PayoutRunSummary> {
  const summary: PayoutRunSummary = { reconciled: 0, paid: 0, failed: 0, stillPending: 0 };
  if (!isBillingEnabled()) return summary;
  for (const payout of await prisma.payout.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
  })) {
    const outcome = await settlePayout(payout);
    if (outcome !== "pending") summary.reconciled += 1;
    count(summary, outcome);
  }
  for (const creatorId of await payableCreators()) {
    const payout = await createPayout({ creatorId, now });
    if (payout) count(summary, await settlePayout(payout));
  }
  return summary;
}

function count(summary: PayoutRunSummary, outcome: "paid" | "failed" | "pending") {
  if (outcome === "paid") summary.paid += 1;
  else if (outcome === "failed") summary.failed += 1;
  else summary.stillPending += 1;
}

/** Creators with a payout-ready connected account, no open fraud hold, nothing in flight. */
async function payableCreators(): Promise<string[]> {
  const accounts = await prisma.payoutAccount.findMany({
    where: { payoutsEnabled: true },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });
  const ids = accounts.map((account) => account.userId);
  const blocked = await prisma.earningsHold.findMany({
    where: { creatorId: { in: ids }, status: "OPEN", reason: { not: "MODERATION" } },
    select: { creatorId: true },
  });
  const inFlight = await prisma.payout.findMany({
    where: { creatorId: { in: ids }, status: "PENDING" },
    select: { creatorId: true },
  });
  const skip = new Set([...blocked, ...inFlight].map((row) => row.creatorId));
  return ids.filter((id) => !skip.has(id));
}

/**
 * Writes a PENDING payout of the creator's available balance (whole cents) and books it out of
 * their balance into "in transit", under a per-creator lock so two runs cannot both pay the same
 * money. Null when the balance is below the threshold (or another run got there first).
 */
export async function createPayout({
  creatorId,
  now = new Date(),
}: {
  creatorId: string;
  now?: Date;
}): Promise<Payout | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`payout:${creatorId}`}))::text`;
    const account = await tx.payoutAccount.findUnique({ where: { userId: creatorId } });
    if (!account?.payoutsEnabled) return null;
    if (
      await tx.payout.findFirst({ where: { creatorId, status: "PENDING" }, select: { id: true } })
    ) {
      return null;
    }
    const settings = await tx.instanceSettings.findUnique({ where: { id: 1 } });
    const thresholdMicros = BigInt(settings?.payoutThresholdCents ?? 1000) * MICROS_PER_CENT;
    const balance = (await creatorBalances(tx, { creatorIds: [creatorId], now })).get(creatorId);
    const amountMicros = ((balance?.availableMicros ?? 0n) / MICROS_PER_CENT) * MICROS_PER_CENT;
    if (amountMicros <= 0n || amountMicros < thresholdMicros) return null;
    const latestStatement = await tx.creatorStatement.findFirst({
      where: { creatorId },
      orderBy: { month: "desc" },
      select: { id: true },
    });
    const payout = await tx.payout.create({
      data: {
        creatorId,
        stripeAccountId: account.stripeAccountId,
        amountMicros,
        statementId: latestStatement?.id ?? null,
      },
    });
    await bookLedgerTransaction(tx, {
      idempotencyKey: `payout.created:${payout.id}`,
      kind: "payout.created",
      sourceId: payout.id,
      description: `Payout ${payout.id} to ${account.stripeAccountId}`,
      occurredAt: now,
      entries: [
        { account: creatorAccount(creatorId), amountMicros },
        { account: LEDGER_ACCOUNTS.payoutsInTransit, amountMicros: -amountMicros },
      ],
    });
    return payout;
  });
}

/**
 * Brings one PENDING payout to PAID or FAILED. Stripe is asked first whether the transfer exists
 * (by transfer group), then sent with the payout's idempotency key: neither a crash after the
 * transfer nor a retry days later (idempotency keys expire after 24 hours) can pay twice.
 */
export async function settlePayout(payout: Payout): Promise<"paid" | "failed" | "pending"> {
  const client = stripe();
  const group = transferGroupOf(payout.id);
  await prisma.payout.update({ where: { id: payout.id }, data: { attempts: { increment: 1 } } });
  let transfer: Stripe.Transfer;
  try {
    const existing = await client.transfers.list({ transfer_group: group, limit: 1 });
    transfer =
      existing.data[0] ??
      (await client.transfers.create(
        {
          amount: Number(payout.amountMicros / MICROS_PER_CENT),
          currency: "usd",
          destination: payout.stripeAccountId,
          transfer_group: group,
          description: "Atelier creator earnings",
          metadata: {
            payoutId: payout.id,
            creatorId: payout.creatorId,
            statementId: payout.statementId ?? "",
          },
        },
        { idempotencyKey: group },
      ));
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      await failPayout(payout, error.message);
      return "failed";
    }
    console.error(`[payouts] payout ${payout.id} stays pending: ${(error as Error).message}`);
    return "pending";
  }
  await markPaid(payout, transfer.id);
  return "paid";
}

async function markPaid(payout: Payout, transferId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.payout.updateMany({
      where: { id: payout.id, status: "PENDING" },
      data: { status: "PAID", stripeTransferId: transferId, settledAt: new Date() },
    });
    if (updated.count === 0) return;
    await bookLedgerTransaction(tx, {
      idempotencyKey: `payout.paid:${payout.id}`,
      kind: "payout.paid",
      sourceId: transferId,
      description: `Transfer ${transferId} of payout ${payout.id}`,
      occurredAt: new Date(),
      entries: [
        { account: LEDGER_ACCOUNTS.payoutsInTransit, amountMicros: payout.amountMicros },
        { account: LEDGER_ACCOUNTS.stripeClearing, amountMicros: -payout.amountMicros },
      ],
    });
  });
}

async function failPayout(payout: Payout, message: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const updated = await tx.payout.updateMany({
      where: { id: payout.id, status: "PENDING" },
      data: { status: "FAILED", failureMessage: message.slice(0, 500), settledAt: new Date() },
    });
    if (updated.count === 0) return;
    // The money goes back to the creator's balance; the next run tries again.
    await bookLedgerTransaction(tx, {
      idempotencyKey: `payout.failed:${payout.id}`,
      kind: "payout.failed",
      sourceId: payout.id,
      description: `Payout ${payout.id} refused by Stripe`,
      occurredAt: new Date(),
      entries: [
        { account: LEDGER_ACCOUNTS.payoutsInTransit, amountMicros: payout.amountMicros },
        { account: creatorAccount(payout.creatorId), amountMicros: -payout.amountMicros },
      ],
    });
  });
}
