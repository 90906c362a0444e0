import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { creatorAccount, LEDGER_ACCOUNTS } from "../ledger/accounts";
import { bookLedgerTransaction } from "../ledger/book";
import { creatorBalances } from "../payouts/balances";
import { updateGptRating } from "../reviews/rating-score";
import { invalidateStoreListings } from "../store/listing-cache";
import { assertCurrentPassword } from "./change-password";
import { cancelSubscriptionsForDeletion } from "./data-cancel-subscriptions";
import { deleteAccountSchema } from "./data-schemas";
import { deleteObjectsQuietly, releaseProfilePicture } from "./data-storage";

const WRONG_EMAIL = "Type your account's email address exactly as it is shown.";
export const ONLY_ADMIN =
  "You are the only administrator. Make someone else an administrator before deleting your account.";

/** The address a deleted account keeps: unique, never deliverable (.invalid is reserved). */
export function tombstoneEmail(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/** Whether another administrator who can sign in exists (locks the admin rows when in a tx). */
async function hasOtherAdmin(db: Tx | typeof prisma, userId: string): Promise<boolean> {
  const admins = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User"
    WHERE "role" = 'ADMIN' AND "deletedAt" IS NULL AND "bannedAt" IS NULL AND "id" <> ${userId}
    FOR UPDATE`;
  return admins.length > 0;
}

/**
 * Deletes the signed-in user's account ("Settings → Your data"). Confirmed with the password, or
 * with the account's email for an account without one. A paid subscription is cancelled at Stripe
 * first (a failure there changes nothing here). Then, in one transaction: personal data, sign-in
 * methods, sessions, conversations, knowledge files, reviews and the like are deleted; the GPTs
 * are soft-deleted (they leave the store); unpaid creator earnings are forfeited (booked back to
 * the creator pool); and the User row stays, anonymous, as the owner of what accounting keeps
 * (usage events, ledger, statements, payouts, subscriptions). Stored files go after the commit.
 * The last administrator cannot delete their account.
 */
export async function deleteAccount({
  actor,
  input,
}: {
  actor: Actor;
  input: unknown;
}): Promise<{ ok: true }> {
  const { password, confirmEmail } = parseInput(deleteAccountSchema, input);
  const user = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, passwordHash: true, role: true, deletedAt: true },
  });
  if (!user || user.deletedAt) throw new AppError("unauthorized", "Sign in to continue.");
  if (user.passwordHash) {
    await assertCurrentPassword({ user, password, field: "password" });
  } else if (confirmEmail?.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("bad_request", WRONG_EMAIL, { confirmEmail: [WRONG_EMAIL] });
  }
  if (user.role === "ADMIN" && !(await hasOtherAdmin(prisma, user.id))) {
    throw new AppError("conflict", ONLY_ADMIN);
  }

  // Stripe first: once the rows are anonymous nobody could cancel the subscription any more.
  const cancelled = await cancelSubscriptionsForDeletion(user.id);

  const now = new Date();
  const result = await prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
      const current = await tx.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { deletedAt: true, role: true },
      });
      if (current.deletedAt) throw new AppError("conflict", "This account is already deleted.");
      // Checked again under the admins' row locks: two last admins deleting at once cannot both go.
      if (current.role === "ADMIN" && !(await hasOtherAdmin(tx, user.id))) {
        throw new AppError("conflict", ONLY_ADMIN);
      }
      await cancelled.apply(tx);

      const files = await tx.knowledgeFile.findMany({
        where: { ownerId: user.id },
        select: { id: true, blobKey: true },
      });
      const fileIds = files.map((file) => file.id);
      await tx.gptVersionKnowledgeFile.deleteMany({ where: { fileId: { in: fileIds } } });
      await tx.knowledgeFile.deleteMany({ where: { id: { in: fileIds } } });

      // Messages, their feedback and shared copies go with the conversations (FK cascade).
      const conversations = await tx.conversation.deleteMany({ where: { userId: user.id } });
      await tx.messageFeedback.deleteMany({ where: { userId: user.id } });
      const reviewed = await tx.review.findMany({
        where: { userId: user.id },
        select: { gptId: true },
        orderBy: { gptId: "asc" },
      });
      await tx.review.deleteMany({ where: { userId: user.id } });
      for (const { gptId } of reviewed) await updateGptRating(tx, gptId);

      await tx.account.deleteMany({ where: { userId: user.id } });
      await tx.userSession.deleteMany({ where: { userId: user.id } });
      await tx.emailToken.deleteMany({ where: { userId: user.id } });
      await tx.invitation.deleteMany({ where: { email: user.email } });
      await tx.pinnedGpt.deleteMany({ where: { userId: user.id } });
      await tx.actionConnection.deleteMany({ where: { userId: user.id } });
      await tx.actionConsent.deleteMany({ where: { userId: user.id } });
      // API keys stop working at once (the tombstone row would otherwise keep them).
      await tx.apiKey.deleteMany({ where: { userId: user.id } });
      await tx.apiActionPermission.deleteMany({ where: { userId: user.id } });
      await tx.gptEmbed.deleteMany({ where: { gpt: { ownerId: user.id } } });
      await tx.actionPrompt.deleteMany({ where: { userId: user.id } });
      await tx.conversationShare.deleteMany({ where: { userId: user.id } });
      await tx.notification.deleteMany({ where: { userId: user.id } });
      await tx.outboundEmail.deleteMany({
        where: { OR: [{ userId: user.id }, { to: user.email }] },
      });
      const profile = await tx.builderProfile.findUnique({
        where: { userId: user.id },
        select: { avatarKey: true },
      });
      await tx.builderProfile.deleteMany({ where: { userId: user.id } });

      // No more payouts: the connected account is forgotten and unpaid earnings are forfeited.
      await tx.payoutAccount.deleteMany({ where: { userId: user.id } });
      const balance = (await creatorBalances(tx, { creatorIds: [user.id] })).get(user.id);
      const forfeitedMicros = balance && balance.balanceMicros > 0n ? balance.balanceMicros : 0n;
      if (forfeitedMicros > 0n) {
        await bookLedgerTransaction(tx, {
          idempotencyKey: `account.deleted.forfeit:${user.id}`,
          kind: "creator.forfeited",
          sourceId: user.id,
          description: "Unpaid earnings forfeited: the creator deleted their account",
          occurredAt: now,
          entries: [
            { account: creatorAccount(user.id), amountMicros: forfeitedMicros },
            { account: LEDGER_ACCOUNTS.creatorPool, amountMicros: -forfeitedMicros },
          ],
        });
      }

      const gpts = await tx.gpt.updateMany({
        where: { ownerId: user.id, deletedAt: null },
        data: { deletedAt: now, featuredAt: null },
      });
      await tx.listingReview.updateMany({
        where: { gpt: { ownerId: user.id }, status: "PENDING" },
        data: { status: "WITHDRAWN", decidedAt: now },
      });

      await tx.user.update({
        where: { id: user.id },
        data: {
          email: tombstoneEmail(user.id),
          name: null,
          image: null,
          passwordHash: null,
          emailVerifiedAt: null,
          emailNotifications: false,
          signupNetworkHash: null,
          bannedReason: null,
          role: "USER",
          deletedAt: now,
        },
      });
      // Counts only: the audit log keeps no name, address or content of the deleted account.
      await tx.auditLog.create({
        data: {
          actorId: user.id,
          action: "account.delete",
          targetType: "User",
          targetId: user.id,
          data: {
            conversations: conversations.count,
            gpts: gpts.count,
            knowledgeFiles: files.length,
            reviews: reviewed.length,
            subscriptionsCancelled: cancelled.count,
            forfeitedMicros: forfeitedMicros.toString(),
          },
        },
      });
      return { blobKeys: files.map((file) => file.blobKey), avatarKey: profile?.avatarKey ?? null };
    },
    { timeout: 60_000, maxWait: 15_000 },
  );

  // After the commit: a rolled-back deletion must not have lost the files.
  await deleteObjectsQuietly(result.blobKeys);
  if (result.avatarKey) await releaseProfilePicture(result.avatarKey);
  invalidateStoreListings();
  return { ok: true };
}
