import "server-only";
import type Stripe from "stripe";
import type { Actor } from "../auth/session";
import { isBillingEnabled, stripe } from "../billing/stripe";
import { prisma } from "../db";
import { appUrl } from "../env";
import { AppError } from "../errors";
import type { PayoutAccount, Prisma } from "../generated/prisma/client";

export const EARNINGS_PATH = "/creator/earnings";

function assertPayoutsEnabled(): void {
  if (!isBillingEnabled())
    throw new AppError("not_found", "Payouts are not set up on this instance.");
}

/**
 * Starts (or resumes) Stripe Connect Express onboarding for the signed-in creator: their
 * connected account is created once (the idempotency key is their user id, so two clicks make
 * one account), then a fresh single-use Account Link to Stripe's hosted onboarding is returned.
 */
export async function startPayoutOnboarding({ actor }: { actor: Actor }): Promise<{ url: string }> {
  assertPayoutsEnabled();
  const client = stripe();
  let account = await prisma.payoutAccount.findUnique({ where: { userId: actor.id } });
  if (!account) {
    const created = await client.accounts.create(
      {
        type: "express",
        email: actor.email,
        capabilities: { transfers: { requested: true } },
        metadata: { atelierUserId: actor.id },
      },
      { idempotencyKey: `connect-account:${actor.id}` },
    );
    account = await savePayoutAccount(actor.id, created);
  }
  const link = await client.accountLinks.create({
    account: account.stripeAccountId,
    type: "account_onboarding",
    refresh_url: `${appUrl}${EARNINGS_PATH}?onboarding=refresh`,
    return_url: `${appUrl}${EARNINGS_PATH}?onboarding=return`,
  });
  return { url: link.url };
}

/** Re-reads the creator's connected account from Stripe (after onboarding returns). */
export async function refreshPayoutAccount({
  actor,
}: {
  actor: Actor;
}): Promise<PayoutAccount | null> {
  assertPayoutsEnabled();
  const account = await prisma.payoutAccount.findUnique({ where: { userId: actor.id } });
  if (!account) return null;
  return savePayoutAccount(actor.id, await stripe().accounts.retrieve(account.stripeAccountId));
}

/**
 * The webhook's account.updated, in its transaction: the account as retrieved from Stripe (not as
 * the event carried it). Accounts that are not one of our creators' are ignored.
 */
export async function applyConnectedAccount(
  tx: Prisma.TransactionClient,
  account: Stripe.Account,
): Promise<void> {
  const known = await tx.payoutAccount.findUnique({ where: { stripeAccountId: account.id } });
  if (known) await savePayoutAccount(known.userId, account, tx);
}

async function savePayoutAccount(
  userId: string,
  account: Stripe.Account,
  db: Prisma.TransactionClient | typeof prisma = prisma,
): Promise<PayoutAccount> {
  const requirements = account.requirements;
  const data = {
    stripeAccountId: account.id,
    detailsSubmitted: account.details_submitted ?? false,
    payoutsEnabled:
      Boolean(account.payouts_enabled) && account.capabilities?.transfers === "active",
    requirementsDue: [
      ...new Set([...(requirements?.past_due ?? []), ...(requirements?.currently_due ?? [])]),
    ],
    disabledReason: requirements?.disabled_reason ?? null,
  };
  return db.payoutAccount.upsert({
    where: { userId },
    create: { userId, ...data },
    update: data,
  });
}
