import "server-only";
import { hashPassword } from "../auth/password";
import { revokeAllUserSessions } from "../auth/user-sessions";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { dispatchEmail, queueEmail } from "../mail/send-email";
import { passwordChanged, resetPassword as resetPasswordMail } from "../mail/templates";
import { consumeRateLimit } from "../security/rate-limit";
import { accountLinks } from "./account-links";
import {
  consumeEmailToken,
  issueEmailToken,
  LINK_EXPIRED,
  TOKEN_LIFETIME_MINUTES,
} from "./email-tokens";
import { passwordResetRequestSchema, passwordResetSchema } from "./schemas";

const REQUEST_WINDOW_SECONDS = 15 * 60;

/**
 * "Forgot password": mails a reset link (30 minutes, single use) when the address has an account.
 * The answer is the same whether it has one or not, so the form cannot probe for accounts.
 * Limited per client address and per email (a mailbox is not flooded by someone else).
 */
export async function requestPasswordReset({ input, ip }: { input: unknown; ip: string }) {
  const { email } = parseInput(passwordResetRequestSchema, input);
  for (const [key, limit] of [
    [`password-reset:ip:${ip}`, 10],
    [`password-reset:email:${email}`, 3],
  ] as const) {
    const result = await consumeRateLimit({ key, limit, windowSeconds: REQUEST_WINDOW_SECONDS });
    if (!result.isAllowed) {
      throw new AppError(
        "rate_limited",
        "Too many reset requests. Check your inbox for the last link, or try again in 15 minutes.",
        undefined,
        { retryAfterSeconds: result.retryAfterSeconds },
      );
    }
  }
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || user.bannedAt) return { email };
  const sent = await prisma.$transaction(async (tx) => {
    const token = await issueEmailToken({ tx, userId: user.id, purpose: "RESET_PASSWORD", email });
    return queueEmail(tx, {
      to: email,
      kind: "reset-password",
      userId: user.id,
      content: resetPasswordMail({
        name: user.name ?? "there",
        url: accountLinks.resetPassword(token),
        expiresInMinutes: TOKEN_LIFETIME_MINUTES.RESET_PASSWORD,
      }),
    });
  });
  await dispatchEmail(sent);
  return { email };
}

/**
 * The reset link's form: sets the new password, ends every session (whoever knew the old password
 * is signed out), and counts as proof of the address (it is verified now). The account owner gets
 * a notice that the password changed.
 */
export async function resetPassword({ input }: { input: unknown }) {
  const { token, password } = parseInput(passwordResetSchema, input);
  const passwordHash = await hashPassword(password);
  const result = await prisma.$transaction(async (tx) => {
    const used = await consumeEmailToken({ tx, token, purpose: "RESET_PASSWORD" });
    const user = await tx.user.findUnique({ where: { id: used.userId } });
    if (!user || user.email !== used.email || user.bannedAt) {
      throw new AppError("bad_request", LINK_EXPIRED);
    }
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    await revokeAllUserSessions({ userId: user.id, tx });
    const notice = await queueEmail(tx, {
      to: user.email,
      kind: "password-changed",
      userId: user.id,
      content: passwordChanged({
        name: user.name,
        when: new Date(),
        resetUrl: accountLinks.forgotPassword(),
      }),
    });
    return { email: user.email, notice };
  });
  await dispatchEmail(result.notice);
  return { email: result.email };
}
