import "server-only";
import { prisma } from "../db";
import { creatorBalances } from "../payouts/balances";
import type { AccountDataFacts } from "./data-schemas";

/** "Your data" page: what deleting the account would end, for the signed-in user only. */
export async function getAccountDataFacts(actor: { id: string }): Promise<AccountDataFacts> {
  const [user, otherAdmins, balances, credits, subscription, conversations, gpts, files] =
    await Promise.all([
      prisma.user.findUniqueOrThrow({
        where: { id: actor.id },
        select: { email: true, passwordHash: true, role: true },
      }),
      prisma.user.count({
        where: { role: "ADMIN", deletedAt: null, bannedAt: null, id: { not: actor.id } },
      }),
      creatorBalances(prisma, { creatorIds: [actor.id] }),
      prisma.creditBalance.findUnique({
        where: { userId: actor.id },
        select: { balanceMicros: true },
      }),
      prisma.subscription.findFirst({
        where: { userId: actor.id, status: { notIn: ["CANCELED", "INCOMPLETE_EXPIRED"] } },
        orderBy: { currentPeriodEnd: "desc" },
        select: { plan: { select: { name: true } } },
      }),
      prisma.conversation.count({ where: { userId: actor.id } }),
      prisma.gpt.count({ where: { ownerId: actor.id, deletedAt: null } }),
      prisma.knowledgeFile.count({ where: { ownerId: actor.id } }),
    ]);
  const earnings = balances.get(actor.id)?.balanceMicros ?? 0n;
  const creditMicros = credits?.balanceMicros ?? 0n;
  return {
    email: user.email,
    hasPassword: Boolean(user.passwordHash),
    isOnlyAdmin: user.role === "ADMIN" && otherAdmins === 0,
    unpaidEarningsMicros: String(earnings > 0n ? earnings : 0n),
    creditMicros: String(creditMicros > 0n ? creditMicros : 0n),
    activePlanName: subscription?.plan.name ?? null,
    counts: { conversations, gpts, knowledgeFiles: files },
  };
}
