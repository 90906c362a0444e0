import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "../generated/prisma/client";
import type { LedgerAccountRef } from "./accounts";

export type LedgerBooking = {
  /** One booking per key, ever: a Stripe balance transaction id, "credits.spent:<messageId>"… */
  idempotencyKey: string;
  kind: string;
  sourceId: string;
  description?: string;
  /** The customer whose money this is (lib/payouts counts each paying user's contribution). */
  userId?: string | null;
  occurredAt: Date;
  entries: { account: LedgerAccountRef; amountMicros: bigint }[];
};

export type BookedTransaction = { transactionId: string; isNew: boolean };

/**
 * Books one balanced transaction in the caller's database transaction, at most once per
 * idempotency key: a second booking with the same key returns the first one and writes nothing.
 * The entries must sum to zero; the database checks that again when the caller commits
 * (prisma/migrations/…_billing: a deferred constraint trigger), and refuses any later UPDATE or
 * DELETE of the ledger.
 */
export async function bookLedgerTransaction(
  tx: Prisma.TransactionClient,
  booking: LedgerBooking,
): Promise<BookedTransaction> {
  assertBalanced(booking);
  const accounts = new Map(booking.entries.map(({ account }) => [account.id, account.name]));
  await tx.ledgerAccount.createMany({
    data: [...accounts].map(([id, name]) => ({ id, name })),
    skipDuplicates: true,
  });
  const inserted = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "kind", "sourceId", "description",
      "userId", "occurredAt")
    VALUES (${randomUUID()}, ${booking.idempotencyKey}, ${booking.kind}, ${booking.sourceId},
      ${booking.description ?? ""}, ${booking.userId ?? null}, ${booking.occurredAt})
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id"`);
  if (inserted.length === 0) {
    const existing = await tx.ledgerTransaction.findUniqueOrThrow({
      where: { idempotencyKey: booking.idempotencyKey },
      select: { id: true },
    });
    return { transactionId: existing.id, isNew: false };
  }
  const transactionId = inserted[0].id;
  await tx.ledgerEntry.createMany({
    data: booking.entries
      .filter((entry) => entry.amountMicros !== 0n)
      .map((entry) => ({
        transactionId,
        accountId: entry.account.id,
        amountMicros: entry.amountMicros,
      })),
  });
  return { transactionId, isNew: true };
}

function assertBalanced(booking: LedgerBooking): void {
  const nonZero = booking.entries.filter((entry) => entry.amountMicros !== 0n);
  const sum = nonZero.reduce((total, entry) => total + entry.amountMicros, 0n);
  if (nonZero.length < 2 || sum !== 0n) {
    throw new RangeError(
      `Ledger booking ${booking.idempotencyKey} does not balance: ${nonZero.length} entries summing to ${sum} micro-dollars.`,
    );
  }
}
