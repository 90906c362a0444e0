import { expect } from "vitest";
import { prisma } from "@/lib/db";
import { creditsOwnerOf } from "@/lib/ledger/accounts";
import { ledgerIntegrity } from "@/lib/ledger/queries";

/**
 * The ledger check every money test ends with: each transaction has at least two entries that sum
 * to zero, all entries together sum to zero, and each user's CreditBalance equals what their
 * credits account in the ledger says the platform owes them.
 */
export async function expectLedgerBalanced(): Promise<void> {
  const integrity = await ledgerIntegrity();
  expect(integrity.unbalancedTransactionIds).toEqual([]);
  expect(integrity.totalMicros).toBe(0n);
  const creditSums = await prisma.ledgerEntry.groupBy({
    by: ["accountId"],
    where: { accountId: { startsWith: "customer-credits:" } },
    _sum: { amountMicros: true },
  });
  const owedByLedger = new Map(
    creditSums.map((row) => [creditsOwnerOf(row.accountId), -(row._sum.amountMicros ?? 0n)]),
  );
  const balances = await prisma.creditBalance.findMany();
  for (const balance of balances) {
    expect(balance.balanceMicros, `credits of ${balance.userId}`).toBe(
      owedByLedger.get(balance.userId) ?? 0n,
    );
  }
  for (const [userId, owed] of owedByLedger) {
    if (!balances.some((balance) => balance.userId === userId)) expect(owed).toBe(0n);
  }
}
