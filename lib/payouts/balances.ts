import "server-only";
import type { prisma } from "../db";
import { Prisma } from "../generated/prisma/client";

type Db = Prisma.TransactionClient | typeof prisma;

export type CreatorBalance = {
  creatorId: string;
  /** What the platform owes the creator (their ledger account), micro-dollars; may be negative. */
  balanceMicros: bigint;
  /** Earnings of months still in the holding period. */
  holdingMicros: bigint;
  /** What a payout may transfer now: the balance less what is still in holding, at least 0. */
  availableMicros: bigint;
};

/**
 * Creators' balances from the ledger (creator:<id> accounts) and what of them is still in the
 * holding period (earnings of months whose availableAt is after `now`, released holds included). Clawbacks and voids count
 * at once; earnings only once available, so a refund inside the holding period is covered.
 */
export async function creatorBalances(
  db: Db,
  { creatorIds, now = new Date() }: { creatorIds?: string[]; now?: Date } = {},
): Promise<Map<string, CreatorBalance>> {
  const accountIds = creatorIds?.map((id) => `creator:${id}`);
  const ledger = await db.$queryRaw<{ creatorId: string; balance: bigint }[]>`
    SELECT substr(e."accountId", 9) AS "creatorId", (-SUM(e."amountMicros"))::bigint AS balance
    FROM "LedgerEntry" e
    WHERE ${
      accountIds
        ? Prisma.sql`e."accountId" = ANY(${accountIds}::text[])`
        : Prisma.sql`e."accountId" LIKE 'creator:%'`
    }
    GROUP BY e."accountId"`;
  // Earnings of months in holding, and removed GPTs' shares of those months released since.
  const holding = await db.$queryRaw<{ creatorId: string; holding: bigint }[]>`
    SELECT "creatorId", SUM(amount)::bigint AS holding FROM (
      SELECT s."creatorId", s."earnedMicros" AS amount
      FROM "CreatorStatement" s JOIN "RevenuePeriod" p ON p."month" = s."month"
      WHERE p."availableAt" > ${now}
      UNION ALL
      SELECT h."creatorId", h."amountMicros"
      FROM "EarningsHold" h JOIN "RevenuePeriod" p ON p."month" = h."month"
      WHERE p."availableAt" > ${now} AND h."reason" = 'MODERATION' AND h."status" = 'RELEASED'
    ) earned
    ${creatorIds ? Prisma.sql`WHERE "creatorId" = ANY(${creatorIds}::text[])` : Prisma.empty}
    GROUP BY "creatorId"`;
  const holdingBy = new Map(holding.map((row) => [row.creatorId, BigInt(row.holding)]));
  const balances = new Map<string, CreatorBalance>();
  for (const id of new Set([...ledger.map((row) => row.creatorId), ...holdingBy.keys()])) {
    const balanceMicros = BigInt(ledger.find((row) => row.creatorId === id)?.balance ?? 0n);
    const holdingMicros = holdingBy.get(id) ?? 0n;
    const available = balanceMicros - holdingMicros;
    balances.set(id, {
      creatorId: id,
      balanceMicros,
      holdingMicros,
      availableMicros: available > 0n ? available : 0n,
    });
  }
  for (const id of creatorIds ?? []) {
    if (!balances.has(id)) {
      balances.set(id, {
        creatorId: id,
        balanceMicros: 0n,
        holdingMicros: 0n,
        availableMicros: 0n,
      });
    }
  }
  return balances;
}
