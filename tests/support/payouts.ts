import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { UsageChannel } from "@/lib/generated/prisma/client";
import { customerCreditsAccount, LEDGER_ACCOUNTS } from "@/lib/ledger/accounts";
import { bookLedgerTransaction } from "@/lib/ledger/book";

/**
 * Money and usage for revenue-pool tests, written the way the app writes them: ledger bookings
 * shaped like the Stripe webhook's (lib/billing/book-stripe-money.ts) and the chat's credits
 * charge, and usage events like the chat's final write. Amounts in cents.
 */
const micros = (cents: number) => BigInt(cents) * 10_000n;
const {
  stripeClearing,
  stripeFees,
  subscriptionRevenue,
  creditRevenue,
  refunds,
  disputes,
  disputeFees,
} = LEDGER_ACCOUNTS;

export async function createUser(
  email = `u-${randomUUID()}@example.com`,
  extra: { signupNetworkHash?: string; createdAt?: Date } = {},
) {
  return prisma.user.create({ data: { email, name: email.split("@")[0], ...extra } });
}

/** A GPT row without the builder flow (the pool only needs its owner, name and status). */
export async function createGptRow(ownerId: string, name = "Pool GPT") {
  return prisma.gpt.create({
    data: { ownerId, name, slug: `pool-${randomUUID()}`, visibility: "PUBLIC" },
  });
}

type Booked = { userId: string; at: Date };

export async function bookSubscriptionPayment({
  userId,
  at,
  cents,
  feeCents,
}: Booked & { cents: number; feeCents: number }) {
  await prisma.$transaction((tx) =>
    bookLedgerTransaction(tx, {
      idempotencyKey: `test:invoice:${randomUUID()}`,
      kind: "invoice.paid",
      sourceId: "in_test",
      userId,
      occurredAt: at,
      entries: [
        { account: stripeClearing, amountMicros: micros(cents - feeCents) },
        { account: stripeFees, amountMicros: micros(feeCents) },
        { account: subscriptionRevenue, amountMicros: -micros(cents) },
      ],
    }),
  );
}

/** A credit pack bought and (part of it) spent on answers at once. */
export async function bookCreditsSpent({
  userId,
  at,
  cents,
  feeCents,
  spentCents,
}: Booked & { cents: number; feeCents: number; spentCents: number }) {
  const credits = customerCreditsAccount(userId);
  await prisma.$transaction(async (tx) => {
    await bookLedgerTransaction(tx, {
      idempotencyKey: `test:credits:${randomUUID()}`,
      kind: "credits.purchased",
      sourceId: "cs_test",
      userId,
      occurredAt: at,
      entries: [
        { account: stripeClearing, amountMicros: micros(cents - feeCents) },
        { account: stripeFees, amountMicros: micros(feeCents) },
        { account: credits, amountMicros: -micros(cents) },
      ],
    });
    if (spentCents > 0) {
      await bookLedgerTransaction(tx, {
        idempotencyKey: `test:spent:${randomUUID()}`,
        kind: "credits.spent",
        sourceId: "msg_test",
        userId,
        occurredAt: at,
        entries: [
          { account: credits, amountMicros: micros(spentCents) },
          { account: creditRevenue, amountMicros: -micros(spentCents) },
        ],
      });
    }
    await tx.creditBalance.upsert({
      where: { userId },
      create: { userId, balanceMicros: micros(cents - spentCents) },
      update: { balanceMicros: { increment: micros(cents - spentCents) } },
    });
  });
}

export async function bookRefund({ userId, at, cents }: Booked & { cents: number }) {
  await prisma.$transaction((tx) =>
    bookLedgerTransaction(tx, {
      idempotencyKey: `test:refund:${randomUUID()}`,
      kind: "charge.refunded",
      sourceId: "re_test",
      userId,
      occurredAt: at,
      entries: [
        { account: stripeClearing, amountMicros: -micros(cents) },
        { account: refunds, amountMicros: micros(cents) },
      ],
    }),
  );
}

export async function bookDispute({
  userId,
  at,
  cents,
  feeCents,
}: Booked & { cents: number; feeCents: number }) {
  await prisma.$transaction((tx) =>
    bookLedgerTransaction(tx, {
      idempotencyKey: `test:dispute:${randomUUID()}`,
      kind: "dispute.withdrawn",
      sourceId: "dp_test",
      userId,
      occurredAt: at,
      entries: [
        { account: stripeClearing, amountMicros: -micros(cents + feeCents) },
        { account: disputeFees, amountMicros: micros(feeCents) },
        { account: disputes, amountMicros: micros(cents) },
      ],
    }),
  );
}

/** `count` answers from a GPT, one second apart from `at` (usage events as the chat writes them). */
export async function addAnswers({
  userId,
  gptId,
  creatorId,
  at,
  count,
  channel = "STORE",
  spacingMs = 1000,
}: {
  userId: string;
  gptId: string;
  creatorId: string;
  at: Date;
  count: number;
  channel?: UsageChannel;
  spacingMs?: number;
}) {
  if (count === 0) return;
  await prisma.usageEvent.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      messageId: randomUUID(),
      userId,
      gptId,
      creatorId,
      channel,
      modelId: "fake-model",
      inputTokens: 100,
      outputTokens: 50,
      costMicros: 750,
      createdAt: new Date(at.getTime() + index * spacingMs),
    })),
  });
}
