import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { EarningsHold } from "../generated/prisma/client";
import { creatorAccount, heldEarningsAccount, LEDGER_ACCOUNTS } from "../ledger/accounts";
import { bookLedgerTransaction } from "../ledger/book";

export type HoldDecision = "release" | "void";

/**
 * An admin's decision on a hold, once (a second decision is a 409), audit-logged.
 * MODERATION holds own their money: release moves it to the creator's balance, void gives it
 * back to the platform. Fraud holds only stop payouts: release lets them go on; void takes the
 * amount at stake back from the creator's balance (which may go negative and carries forward).
 */
export async function resolveEarningsHold({
  actor,
  holdId,
  decision,
  note,
}: {
  actor: Actor;
  holdId: string;
  decision: HoldDecision;
  note?: string;
}): Promise<EarningsHold> {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "EarningsHold" WHERE "id" = ${holdId} FOR UPDATE`;
    if (!locked) throw new AppError("not_found", "This hold no longer exists.");
    const hold = await tx.earningsHold.findUniqueOrThrow({ where: { id: holdId } });
    if (hold.status !== "OPEN") {
      throw new AppError("conflict", "This hold was already decided by another admin.");
    }
    const entries = ledgerEntriesOf(hold, decision);
    if (entries && hold.amountMicros > 0n) {
      await bookLedgerTransaction(tx, {
        idempotencyKey: `earnings-hold.${decision}:${hold.id}`,
        kind: `earnings-hold.${decision}`,
        sourceId: hold.id,
        description: `${decision === "release" ? "Released" : "Voided"} ${hold.reason} hold of ${hold.month}`,
        occurredAt: new Date(),
        entries,
      });
    }
    const resolved = await tx.earningsHold.update({
      where: { id: hold.id },
      data: {
        status: decision === "release" ? "RELEASED" : "VOIDED",
        resolvedById: actor.id,
        resolvedAt: new Date(),
        resolutionNote: note?.trim() || null,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: `earnings-hold.${decision}`,
        targetType: "EarningsHold",
        targetId: hold.id,
        data: {
          creatorId: hold.creatorId,
          reason: hold.reason,
          month: hold.month,
          amountMicros: hold.amountMicros.toString(),
          note: note?.trim() || null,
        },
      },
    });
    return resolved;
  });
}

function ledgerEntriesOf(hold: EarningsHold, decision: HoldDecision) {
  const creator = creatorAccount(hold.creatorId);
  const pool = LEDGER_ACCOUNTS.creatorPool;
  if (hold.reason === "MODERATION" && hold.gptId) {
    const held = heldEarningsAccount(hold.month, hold.gptId);
    return [
      { account: held, amountMicros: hold.amountMicros },
      { account: decision === "release" ? creator : pool, amountMicros: -hold.amountMicros },
    ];
  }
  if (decision === "release") return null;
  return [
    { account: creator, amountMicros: hold.amountMicros },
    { account: pool, amountMicros: -hold.amountMicros },
  ];
}
