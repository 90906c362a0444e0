import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { customerCreditsAccount, LEDGER_ACCOUNTS } from "@/lib/ledger/accounts";
import { bookLedgerTransaction, type LedgerBooking } from "@/lib/ledger/book";
import { accountEntrySum } from "@/lib/ledger/queries";
import { expectLedgerBalanced } from "../../support/ledger";

const { stripeClearing, stripeFees, subscriptionRevenue } = LEDGER_ACCOUNTS;

function paidInvoice(key: string, grossMicros: bigint, feeMicros: bigint): LedgerBooking {
  return {
    idempotencyKey: key,
    kind: "invoice.paid",
    sourceId: `in_${key}`,
    occurredAt: new Date("2026-12-01T10:00:00Z"),
    entries: [
      { account: stripeClearing, amountMicros: grossMicros - feeMicros },
      { account: stripeFees, amountMicros: feeMicros },
      { account: subscriptionRevenue, amountMicros: -grossMicros },
    ],
  };
}

describe("the ledger", () => {
  it("books a balanced transaction, creating its accounts on first use", async () => {
    const booked = await prisma.$transaction((tx) =>
      bookLedgerTransaction(tx, paidInvoice("txn_a", 20_000_000n, 880_000n)),
    );
    expect(booked.isNew).toBe(true);
    expect(await accountEntrySum(stripeClearing.id)).toBe(19_120_000n);
    expect(await accountEntrySum(subscriptionRevenue.id)).toBe(-20_000_000n);
    const account = await prisma.ledgerAccount.findUnique({ where: { id: stripeFees.id } });
    expect(account?.name).toBe("Stripe fees");
    await expectLedgerBalanced();
  });

  it("books each idempotency key once: the second booking returns the first and writes nothing", async () => {
    const first = await prisma.$transaction((tx) =>
      bookLedgerTransaction(tx, paidInvoice("txn_b", 10_000_000n, 590_000n)),
    );
    const second = await prisma.$transaction((tx) =>
      bookLedgerTransaction(tx, paidInvoice("txn_b", 10_000_000n, 590_000n)),
    );
    expect(second).toEqual({ transactionId: first.transactionId, isNew: false });
    expect(await prisma.ledgerEntry.count({ where: { transactionId: first.transactionId } })).toBe(
      3,
    );
  });

  it("refuses a booking whose entries do not sum to zero, before writing anything", async () => {
    const booking = paidInvoice("txn_c", 10_000_000n, 590_000n);
    booking.entries[0].amountMicros += 1n;
    await expect(prisma.$transaction((tx) => bookLedgerTransaction(tx, booking))).rejects.toThrow(
      /does not balance/,
    );
    expect(await prisma.ledgerTransaction.count({ where: { idempotencyKey: "txn_c" } })).toBe(0);
  });

  it("has the database refuse an unbalanced transaction at commit, whoever writes it", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.ledgerAccount.createMany({
          data: [stripeClearing, subscriptionRevenue],
          skipDuplicates: true,
        });
        const transaction = await tx.ledgerTransaction.create({
          data: { idempotencyKey: "raw_1", kind: "test", sourceId: "x", occurredAt: new Date() },
        });
        await tx.ledgerEntry.createMany({
          data: [
            { transactionId: transaction.id, accountId: stripeClearing.id, amountMicros: 5n },
            { transactionId: transaction.id, accountId: subscriptionRevenue.id, amountMicros: -4n },
          ],
        });
      }),
    ).rejects.toThrow(/does not balance/);
    expect(await prisma.ledgerTransaction.count({ where: { idempotencyKey: "raw_1" } })).toBe(0);
  });

  it("is append-only: UPDATE and DELETE of entries and transactions are refused", async () => {
    const { transactionId } = await prisma.$transaction((tx) =>
      bookLedgerTransaction(tx, paidInvoice("txn_d", 5_000_000n, 450_000n)),
    );
    await expect(
      prisma.ledgerEntry.updateMany({ where: { transactionId }, data: { amountMicros: 0n } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.ledgerEntry.deleteMany({ where: { transactionId } })).rejects.toThrow(
      /append-only/,
    );
    await expect(
      prisma.ledgerTransaction.update({ where: { id: transactionId }, data: { description: "x" } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE "LedgerEntry" CASCADE`)).rejects.toThrow(
      /append-only/,
    );
    expect(await prisma.ledgerEntry.count({ where: { transactionId } })).toBe(3);
    await expectLedgerBalanced();
  });

  it("keeps each user's prepaid credits in their own account", async () => {
    const account = customerCreditsAccount("user_1");
    await prisma.$transaction((tx) =>
      bookLedgerTransaction(tx, {
        idempotencyKey: "txn_e",
        kind: "credits.purchased",
        sourceId: "cs_1",
        occurredAt: new Date(),
        entries: [
          { account: stripeClearing, amountMicros: 9_410_000n },
          { account: stripeFees, amountMicros: 590_000n },
          { account, amountMicros: -10_000_000n },
        ],
      }),
    );
    expect(account.id).toBe("customer-credits:user_1");
    expect(await accountEntrySum(account.id)).toBe(-10_000_000n);
  });
});
