import "server-only";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { getEntitlement } from "./entitlement";
import { isBillingEnabled } from "./stripe";

/** InstanceSettings.pastDueGraceDays's default, for an instance whose settings row is not written yet. */
const DEFAULT_GRACE_DAYS = 7;

/**
 * Refuses making one more of a creator's GPTs public past their plan's Plan.maxPublicGpts. Runs in
 * the caller's transaction with the creator's row locked, so two GPTs made public at once cannot
 * both take the last place. A GPT that is already public never counts against itself.
 */
export async function assertPublicGptQuota(
  tx: Prisma.TransactionClient,
  { ownerId, gptId }: { ownerId: string; gptId: string },
): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${ownerId} FOR UPDATE`;
  // Through the transaction's client: PGlite has one connection, the global client would wait.
  const settings = await tx.instanceSettings.findUnique({
    where: { id: 1 },
    select: { pastDueGraceDays: true },
  });
  const { plan } = await getEntitlement(
    { userId: ownerId, pastDueGraceDays: settings?.pastDueGraceDays ?? DEFAULT_GRACE_DAYS },
    tx,
  );
  const publicCount = await tx.gpt.count({
    where: { ownerId, visibility: "PUBLIC", deletedAt: null, id: { not: gptId } },
  });
  if (publicCount < plan.maxPublicGpts) return;
  const allowed =
    plan.maxPublicGpts === 0
      ? `The ${plan.name} plan doesn't include public GPTs.`
      : `The ${plan.name} plan allows ${plan.maxPublicGpts} public GPT${plan.maxPublicGpts === 1 ? "" : "s"}, and you have ${publicCount}.`;
  const way = isBillingEnabled()
    ? " Share this one by link, make another one private, or upgrade in Settings → Plan & billing."
    : " Share this one by link, or make another one private.";
  throw new AppError("limit_exceeded", `${allowed}${way}`, {
    visibility: [`${allowed}${way}`],
  });
}
