import "server-only";
import { assertAdmin, banRefusalReason } from "../admin/policy";
import type { Actor } from "../auth/session";
import { revokeAllUserSessions } from "../auth/user-sessions";
import { prisma } from "../db";
import { AppError } from "../errors";
import { updateRatingsReviewedBy } from "../reviews/rating-score";
import { invalidateStoreListings } from "../store/listing-cache";
import { adminUserSelect, toAdminUserRow } from "./queries";
import { type AdminUserRow, BAN_REASON_MAX_LENGTH } from "./schemas";

type SetUserBannedOptions = { actor: Actor; userId: string } & (
  | { banned: true /** Why: stored on the account and in the audit row. */; reason: string }
  | { banned: false }
);

/**
 * Bans (with a reason) or unbans a user. A ban takes effect on the user's next request: getActor()
 * re-reads bannedAt every time, every session is revoked in the same transaction, and sign-in
 * (password and OAuth) refuses banned accounts. Setting the state the user already has changes
 * nothing and writes no audit row, so a double click is harmless. Unbanning clears the reason.
 * Their reviews stop counting towards ratings while they are banned.
 */
export async function setUserBanned(options: SetUserBannedOptions): Promise<AdminUserRow> {
  const { actor, userId, banned } = options;
  assertAdmin(actor);
  const reason = options.banned ? options.reason.trim() : null;
  if (options.banned && !reason) {
    throw new AppError("bad_request", "Say why this account is banned.", {
      reason: ["Say why this account is banned."],
    });
  }
  if (reason && reason.length > BAN_REASON_MAX_LENGTH) {
    throw new AppError("bad_request", "The reason is too long.", {
      reason: [`Keep the reason under ${BAN_REASON_MAX_LENGTH} characters.`],
    });
  }
  const { user, isChanged } = await prisma.$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, role: true, email: true, bannedAt: true, deletedAt: true },
    });
    if (!target) throw new AppError("not_found", "That user no longer exists.");
    if (banned) {
      const refusal = banRefusalReason(actor, target);
      if (refusal) throw new AppError("forbidden", refusal);
    }
    if (Boolean(target.bannedAt) === banned) {
      const unchanged = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: adminUserSelect,
      });
      return { user: unchanged, isChanged: false };
    }
    // A ban also ends every session, so unbanning never revives them.
    if (banned) await revokeAllUserSessions({ userId, tx });
    const updated = await tx.user.update({
      where: { id: userId },
      data: { bannedAt: banned ? new Date() : null, bannedReason: reason },
      select: adminUserSelect,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: banned ? "user.ban" : "user.unban",
        targetType: "User",
        targetId: target.id,
        data: banned ? { email: target.email, reason } : { email: target.email },
      },
    });
    return { user: updated, isChanged: true };
  });
  // A banned user's reviews stop counting (and count again after an unban).
  if (isChanged) await updateRatingsReviewedBy(userId);
  invalidateStoreListings();
  return toAdminUserRow(user);
}
