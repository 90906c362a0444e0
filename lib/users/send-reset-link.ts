import "server-only";
import { accountLinks } from "../accounts/account-links";
import { issueEmailToken, TOKEN_LIFETIME_MINUTES } from "../accounts/email-tokens";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { dispatchEmail, queueEmail } from "../mail/send-email";
import { resetPassword as resetPasswordMail } from "../mail/templates";

/**
 * Admin → Users → "Send password reset link": emails the user the same single-use link as "Forgot
 * password" (it retires their earlier links). The admin never sees the link. Refused for deleted
 * accounts (no address any more) and banned ones (the reset page refuses them anyway). The mail and
 * the audit row are written in one transaction; the mail leaves after the commit.
 */
export async function sendResetLink({
  actor,
  userId,
}: {
  actor: Actor;
  userId: string;
}): Promise<{ email: string }> {
  assertAdmin(actor);
  const mail = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, bannedAt: true, deletedAt: true },
    });
    if (!user) throw new AppError("not_found", "That user no longer exists.");
    if (user.deletedAt) throw new AppError("conflict", "This account was deleted by its owner.");
    if (user.bannedAt) {
      throw new AppError("conflict", "This account is banned: unban it before sending a link.");
    }
    const token = await issueEmailToken({
      tx,
      userId: user.id,
      purpose: "RESET_PASSWORD",
      email: user.email,
    });
    const queued = await queueEmail(tx, {
      to: user.email,
      kind: "reset-password",
      userId: user.id,
      content: resetPasswordMail({
        name: user.name ?? "there",
        url: accountLinks.resetPassword(token),
        expiresInMinutes: TOKEN_LIFETIME_MINUTES.RESET_PASSWORD,
      }),
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "user.reset-link",
        targetType: "User",
        targetId: user.id,
        data: { email: user.email },
      },
    });
    return queued;
  });
  await dispatchEmail(mail);
  return { email: mail.to };
}
