import "server-only";
import type Stripe from "stripe";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { customerCreditsAccount, LEDGER_ACCOUNTS } from "../ledger/accounts";
import { applyConnectedAccount } from "../payouts/connect";
import {
  bookBalanceTransaction,
  centsToMicros,
  invoiceRevenue,
  purchasedCredits,
} from "./book-stripe-money";
import { adjustCreditBalance, lockAvailableCredits } from "./credits";
import { isBillingEnabled, stripe, webhookSecret } from "./stripe";
import { applySubscription, idOf } from "./subscriptions";

/** Stripe's own default: a signature older than 5 minutes is a replay. */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Verifies a webhook delivery (signature over the raw body, timestamp tolerance) → the event.
 * Throws AppError bad_request (400) on anything else, so nothing is applied.
 */
export function verifyStripeEvent(payload: string, signature: string | null): Stripe.Event {
  if (!isBillingEnabled()) throw new AppError("not_found", "Billing is not set up.");
  if (!signature) throw new AppError("bad_request", "Missing Stripe-Signature header.");
  try {
    return stripe().webhooks.constructEvent(
      payload,
      signature,
      webhookSecret(),
      SIGNATURE_TOLERANCE_SECONDS,
    );
  } catch (error) {
    throw new AppError(
      "bad_request",
      `Webhook signature verification failed: ${error instanceof Error ? error.message : error}`,
    );
  }
}

type Effect = (tx: Prisma.TransactionClient) => Promise<void>;

/**
 * Applies one event at most once. The state comes from Stripe, not from the event's payload:
 * the object is retrieved again before anything is written, so out-of-order, retried and
 * duplicated deliveries all end in Stripe's current state. The event id is stored in the same
 * transaction as the effects; a delivery already stored is acknowledged and ignored. A failure
 * throws (HTTP 500), nothing is stored, and Stripe delivers the event again later.
 */
export async function processStripeEvent(event: Stripe.Event): Promise<"applied" | "duplicate"> {
  if (await prisma.stripeEvent.findUnique({ where: { id: event.id } })) return "duplicate";
  const effect = await effectOf(event);
  return prisma.$transaction(async (tx) => {
    const recorded = await tx.stripeEvent.createMany({
      data: [{ id: event.id, type: event.type }],
      skipDuplicates: true,
    });
    // Another process took this very delivery meanwhile: its transaction applies it.
    if (recorded.count === 0) return "duplicate" as const;
    await effect?.(tx);
    return "applied" as const;
  });
}

/** Reads what the event is about from Stripe (outside any transaction) → what to write. */
async function effectOf(event: Stripe.Event): Promise<Effect | null> {
  const client = stripe();
  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const subscription = await client.subscriptions.retrieve(event.data.object.id);
      return async (tx) => void (await applySubscription(tx, subscription));
    }
    case "checkout.session.completed":
      return checkoutEffect(await retrieveCheckoutSession(event.data.object.id));
    case "invoice.paid":
    case "invoice.payment_failed": {
      // Stripe expands at most 4 levels: the invoice's payments, then each payment's charge.
      const invoice = await client.invoices.retrieve(event.data.object.id ?? "", {
        expand: ["payments.data.payment.payment_intent"],
      });
      const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
      const subscription = subscriptionId
        ? await client.subscriptions.retrieve(subscriptionId)
        : null;
      const balanceTransactions =
        event.type === "invoice.paid" ? await invoiceBalanceTransactions(client, invoice) : [];
      return async (tx) => {
        if (subscription) await applySubscription(tx, subscription);
        const userId = await userOfCustomer(tx, idOf(invoice.customer));
        for (const balanceTransaction of balanceTransactions) {
          await bookBalanceTransaction(tx, {
            balanceTransaction,
            kind: "invoice.paid",
            sourceId: invoice.id ?? "",
            userId,
            counterpart: invoiceRevenue(balanceTransaction),
            description: `Subscription invoice ${invoice.number ?? invoice.id}`,
          });
        }
      };
    }
    case "charge.refunded": {
      const charge = await client.charges.retrieve(event.data.object.id, {
        expand: ["refunds.data.balance_transaction", "payment_intent"],
      });
      return refundEffect(charge);
    }
    case "charge.dispute.created":
    case "charge.dispute.closed":
    case "charge.dispute.funds_withdrawn":
    case "charge.dispute.funds_reinstated": {
      const dispute = await client.disputes.retrieve(event.data.object.id, {
        expand: ["balance_transactions", "charge"],
      });
      const charge = typeof dispute.charge === "object" ? dispute.charge : null;
      return async (tx) => {
        const userId = await userOfCustomer(tx, idOf(charge?.customer));
        for (const balanceTransaction of dispute.balance_transactions) {
          await bookBalanceTransaction(tx, {
            balanceTransaction,
            kind: balanceTransaction.amount < 0 ? "dispute.withdrawn" : "dispute.reinstated",
            sourceId: dispute.id,
            userId,
            counterpart: [
              {
                account: LEDGER_ACCOUNTS.disputes,
                amountMicros: -centsToMicros(balanceTransaction.amount),
              },
            ],
            description: `Dispute ${dispute.id} on charge ${idOf(dispute.charge)} (${dispute.status})`,
          });
        }
      };
    }
    case "account.updated": {
      // A creator's connected account (Connect events name it in `account`).
      const account = await client.accounts.retrieve(event.account ?? event.data.object.id);
      return async (tx) => applyConnectedAccount(tx, account);
    }
    default:
      // Acknowledged so Stripe stops sending it; nothing here depends on it.
      return null;
  }
}

/** A Checkout session with what its completion writes: the subscription, or the credit payment. */
export function retrieveCheckoutSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  return stripe().checkout.sessions.retrieve(sessionId, {
    expand: ["subscription", "payment_intent.latest_charge.balance_transaction"],
  });
}

/**
 * What a completed Checkout writes: the subscription as Stripe has it, or the credit pack's
 * payment booked once (by its balance transaction) with the credits added. Idempotent, so the
 * webhook and the return from Checkout (lib/billing/checkout.ts, confirmCheckout) may both apply it.
 */
export function checkoutEffect(session: Stripe.Checkout.Session): Effect | null {
  if (session.mode === "subscription") {
    const subscription = session.subscription;
    if (!subscription || typeof subscription === "string") return null;
    return async (tx) => void (await applySubscription(tx, subscription));
  }
  const userId = session.metadata?.atelierUserId;
  const isCredits = session.metadata?.kind === "credits" && session.payment_status === "paid";
  const balanceTransaction = balanceTransactionOfPayment(session.payment_intent);
  if (!isCredits || !userId || !balanceTransaction) return null;
  return async (tx) => {
    const isNew = await bookBalanceTransaction(tx, {
      balanceTransaction,
      kind: "credits.purchased",
      sourceId: session.id,
      userId,
      counterpart: purchasedCredits(balanceTransaction, userId),
      description: `Credit pack bought through Checkout ${session.id}`,
    });
    if (isNew) await adjustCreditBalance(tx, userId, centsToMicros(balanceTransaction.amount));
  };
}

/**
 * Refunds: the money leaves the Stripe balance. For a credit pack, the unspent credits it bought
 * are taken back first (the platform no longer owes them); only what was already spent is a
 * refund of revenue. Each refund is booked once, by its balance transaction.
 */
function refundEffect(charge: Stripe.Charge): Effect {
  const paymentIntent = typeof charge.payment_intent === "object" ? charge.payment_intent : null;
  const creditsUserId =
    paymentIntent?.metadata?.kind === "credits" ? paymentIntent.metadata.atelierUserId : null;
  return async (tx) => {
    const userId = creditsUserId ?? (await userOfCustomer(tx, idOf(charge.customer)));
    for (const refund of charge.refunds?.data ?? []) {
      const balanceTransaction = refund.balance_transaction;
      if (
        refund.status !== "succeeded" ||
        !balanceTransaction ||
        typeof balanceTransaction === "string"
      ) {
        continue;
      }
      const refunded = -centsToMicros(balanceTransaction.amount);
      const takenBack = creditsUserId
        ? minBigInt(refunded, await lockAvailableCredits(tx, creditsUserId))
        : 0n;
      const isNew = await bookBalanceTransaction(tx, {
        balanceTransaction,
        kind: "charge.refunded",
        sourceId: refund.id,
        userId,
        counterpart: [
          ...(creditsUserId && takenBack > 0n
            ? [{ account: customerCreditsAccount(creditsUserId), amountMicros: takenBack }]
            : []),
          { account: LEDGER_ACCOUNTS.refunds, amountMicros: refunded - takenBack },
        ],
        description: `Refund ${refund.id} of charge ${charge.id}`,
      });
      if (isNew && creditsUserId && takenBack > 0n) {
        await adjustCreditBalance(tx, creditsUserId, -takenBack);
      }
    }
  };
}

async function invoiceBalanceTransactions(
  client: Stripe,
  invoice: Stripe.Invoice,
): Promise<Stripe.BalanceTransaction[]> {
  const found: Stripe.BalanceTransaction[] = [];
  for (const invoicePayment of invoice.payments?.data ?? []) {
    const paymentIntentId = idOf(invoicePayment.payment.payment_intent);
    if (invoicePayment.status !== "paid" || !paymentIntentId) continue;
    const paymentIntent = await client.paymentIntents.retrieve(paymentIntentId, {
      expand: ["latest_charge.balance_transaction"],
    });
    const balanceTransaction = balanceTransactionOfPayment(paymentIntent);
    if (balanceTransaction) found.push(balanceTransaction);
  }
  return found;
}

function balanceTransactionOfPayment(
  paymentIntent: string | Stripe.PaymentIntent | null | undefined,
): Stripe.BalanceTransaction | null {
  if (!paymentIntent || typeof paymentIntent === "string") return null;
  const charge = paymentIntent.latest_charge;
  if (!charge || typeof charge === "string") return null;
  const balanceTransaction = charge.balance_transaction;
  return balanceTransaction && typeof balanceTransaction === "object" ? balanceTransaction : null;
}

/** Our user for a Stripe customer id (null: not one of ours, or no customer). */
async function userOfCustomer(
  tx: Prisma.TransactionClient,
  customerId: string | null | undefined,
): Promise<string | null> {
  if (!customerId) return null;
  const user = await tx.user.findUnique({
    where: { stripeCustomerId: customerId },
    select: { id: true },
  });
  return user?.id ?? null;
}

const minBigInt = (a: bigint, b: bigint) => (a < b ? a : b);
