import "server-only";
import { prisma } from "../db";

/** The sum of an account's entries (debits positive): minus what people call its balance for revenue and liabilities. */
export async function accountEntrySum(accountId: string): Promise<bigint> {
  const { _sum } = await prisma.ledgerEntry.aggregate({
    where: { accountId },
    _sum: { amountMicros: true },
  });
  return _sum.amountMicros ?? 0n;
}

/**
 * The ledger's own check: transactions whose entries do not sum to zero or have fewer than two
 * entries (none, ever, if the database triggers hold), and the sum of every entry (zero).
 */
export async function ledgerIntegrity(): Promise<{
  unbalancedTransactionIds: string[];
  totalMicros: bigint;
}> {
  const unbalanced = await prisma.$queryRaw<{ id: string }[]>`
    SELECT t."id" FROM "LedgerTransaction" t
    LEFT JOIN "LedgerEntry" e ON e."transactionId" = t."id"
    GROUP BY t."id"
    HAVING COALESCE(SUM(e."amountMicros"), 0) <> 0 OR COUNT(e."id") < 2`;
  const { _sum } = await prisma.ledgerEntry.aggregate({ _sum: { amountMicros: true } });
  return {
    unbalancedTransactionIds: unbalanced.map((row) => row.id),
    totalMicros: _sum.amountMicros ?? 0n,
  };
}
