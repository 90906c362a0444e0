/**
 * The ledger's accounts. Ids are stable strings, so a booking names its accounts without a lookup
 * and an account exists from its first entry on (lib/ledger/book.ts creates it then).
 *
 * Sign convention: a positive amount debits an account, a negative one credits it. Assets and
 * expenses grow with debits; revenue and what the platform owes (liabilities) grow with credits,
 * so their balance as people read it is minus the sum of their entries.
 */
export const LEDGER_ACCOUNTS = {
  /** Money held for us by Stripe (charges net of fees, minus refunds, disputes and payouts). */
  stripeClearing: { id: "stripe:clearing", name: "Stripe balance" },
  /** Subscription revenue, gross of fees. */
  subscriptionRevenue: { id: "revenue:subscriptions", name: "Subscription revenue" },
  /** Revenue from prepaid credits, recognised as the credits are spent. */
  creditRevenue: { id: "revenue:credits", name: "Credit revenue" },
  stripeFees: { id: "expense:stripe-fees", name: "Stripe fees" },
  /** Contra-revenue: money given back. */
  refunds: { id: "contra:refunds", name: "Refunds" },
  /** Contra-revenue: money taken back by disputes (returned when a dispute is won). */
  disputes: { id: "contra:disputes", name: "Disputes" },
  disputeFees: { id: "expense:dispute-fees", name: "Dispute fees" },
  /** The creators' share of net revenue (the revenue pool), as each month closes. */
  creatorPool: { id: "expense:creator-pool", name: "Creator revenue share" },
  /** Payouts written but not yet confirmed by Stripe (lib/payouts/pay-out.ts). */
  payoutsInTransit: { id: "payouts:in-transit", name: "Payouts in transit" },
} as const;

export type LedgerAccountRef = { id: string; name: string };

/** Prepaid credits the platform owes one user (a liability). */
export function customerCreditsAccount(userId: string): LedgerAccountRef {
  return { id: `customer-credits:${userId}`, name: `Prepaid credits of user ${userId}` };
}

/** Whether an account id is one user's prepaid credits, and whose. */
export function creditsOwnerOf(accountId: string): string | null {
  return accountId.startsWith("customer-credits:")
    ? accountId.slice("customer-credits:".length)
    : null;
}

/** What the platform owes one creator: their earnings balance (a liability). */
export function creatorAccount(userId: string): LedgerAccountRef {
  return { id: `creator:${userId}`, name: `Earnings of creator ${userId}` };
}

/** One month's share of a GPT removed by a moderator, held until an admin decides. */
export function heldEarningsAccount(month: string, gptId: string): LedgerAccountRef {
  return {
    id: `earnings-held:${month}:${gptId}`,
    name: `Held earnings of GPT ${gptId} (${month})`,
  };
}
