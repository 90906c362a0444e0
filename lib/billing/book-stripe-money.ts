import "server-only";
import type Stripe from "stripe";
import type { Prisma } from "../generated/prisma/client";
import { customerCreditsAccount, LEDGER_ACCOUNTS, type LedgerAccountRef } from "../ledger/accounts";
import { bookLedgerTransaction } from "../ledger/book";

/** Stripe amounts are cents; the ledger counts micro-dollars. */
export const centsToMicros = (cents: number) => BigInt(cents) * 10_000n;

const { stripeClearing, stripeFees, disputeFees } = LEDGER_ACCOUNTS;

/**
 * Books one Stripe balance transaction (a charge, a refund, a dispute's withdrawal or
 * reinstatement) once, keyed by its id: the Stripe balance moves by its net, the fee goes to
 * fees (a dispute's fee to dispute fees), and the gross amount goes to `counterpart` (revenue for a charge, refunds or disputes for
 * money going back, a user's credits for a credit pack). Returns whether this call booked it.
 */
export async function bookBalanceTransaction(
  tx: Prisma.TransactionClient,
  {
    balanceTransaction,
    kind,
    sourceId,
    counterpart,
    description,
    userId,
  }: {
    balanceTransaction: Stripe.BalanceTransaction;
    kind: string;
    sourceId: string;
    /** Whose money it is, when known (a customer of ours). */
    userId: string | null;
    counterpart: { account: LedgerAccountRef; amountMicros: bigint }[];
    description: string;
  },
): Promise<boolean> {
  const { amount, fee, net } = balanceTransaction;
  if (amount !== net + fee) {
    throw new RangeError(
      `Stripe balance transaction ${balanceTransaction.id}: amount ≠ net + fee.`,
    );
  }
  const booked = await bookLedgerTransaction(tx, {
    idempotencyKey: `stripe:${balanceTransaction.id}`,
    kind,
    sourceId,
    description,
    userId,
    occurredAt: new Date(balanceTransaction.created * 1000),
    entries: [
      { account: stripeClearing, amountMicros: centsToMicros(net) },
      {
        account: kind.startsWith("dispute.") ? disputeFees : stripeFees,
        amountMicros: centsToMicros(fee),
      },
      ...counterpart,
    ],
  });
  return booked.isNew;
}

/** A subscription invoice's payment: gross to subscription revenue. */
export function invoiceRevenue(balanceTransaction: Stripe.BalanceTransaction) {
  return [
    {
      account: LEDGER_ACCOUNTS.subscriptionRevenue,
      amountMicros: -centsToMicros(balanceTransaction.amount),
    },
  ];
}

/** A credit pack's payment: the platform now owes the user that much usage. */
export function purchasedCredits(balanceTransaction: Stripe.BalanceTransaction, userId: string) {
  return [
    {
      account: customerCreditsAccount(userId),
      amountMicros: -centsToMicros(balanceTransaction.amount),
    },
  ];
}
