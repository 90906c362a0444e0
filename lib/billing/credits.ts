import "server-only";
import type { Prisma } from "../generated/prisma/client";

/**
 * Moves a user's credit balance by `deltaMicros` in the caller's transaction, always next to the
 * ledger booking that justifies it (tests/support/ledger.ts checks the two agree).
 */
export async function adjustCreditBalance(
  tx: Prisma.TransactionClient,
  userId: string,
  deltaMicros: bigint,
): Promise<void> {
  await tx.creditBalance.upsert({
    where: { userId },
    create: { userId, balanceMicros: deltaMicros },
    update: { balanceMicros: { increment: deltaMicros } },
  });
}

/**
 * Credits not held by answers in progress: what a refund can still take back. Locks the row until
 * the caller commits, so an answer starting meanwhile cannot hold what the refund removes.
 */
export async function lockAvailableCredits(
  tx: Prisma.TransactionClient,
  userId: string,
): Promise<bigint> {
  const [balance] = await tx.$queryRaw<{ balanceMicros: bigint; heldMicros: bigint }[]>`
    SELECT "balanceMicros", "heldMicros" FROM "CreditBalance" WHERE "userId" = ${userId} FOR UPDATE`;
  if (!balance) return 0n;
  const available = BigInt(balance.balanceMicros) - BigInt(balance.heldMicros);
  return available > 0n ? available : 0n;
}
