import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { dispatchEmail, queueEmail } from "../mail/send-email";
import { verifyEmail as verifyEmailMail } from "../mail/templates";
import { consumeRateLimit } from "../security/rate-limit";
import { accountLinks } from "./account-links";
import { consumeEmailToken, issueEmailToken, LINK_EXPIRED } from "./email-tokens";

/** Resends per user: 3 per hour. */
const RESEND_LIMIT = 3;
const RESEND_WINDOW_SECONDS = 3600;

/**
 * Mails a verification link to the user's address, in the caller's transaction (sign-up sends it
 * with the account it creates).
 */
export async function sendVerificationEmail(options: {
  tx: Prisma.TransactionClient;
  user: { id: string; email: string; name: string | null };
}) {
  const { tx, user } = options;
  const token = await issueEmailToken({
    tx,
    userId: user.id,
    purpose: "VERIFY_EMAIL",
    email: user.email,
  });
  return queueEmail(tx, {
    to: user.email,
    kind: "verify-email",
    userId: user.id,
    content: verifyEmailMail({ name: user.name ?? "there", url: accountLinks.verifyEmail(token) }),
  });
}

/** "Resend the link" from Settings → Security. */
export async function requestVerificationEmail({ actor }: { actor: { id: string } }) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (user.emailVerifiedAt)
    throw new AppError("conflict", "Your email address is already verified.");
  const limit = await consumeRateLimit({
    key: `verify-email:${user.id}`,
    limit: RESEND_LIMIT,
    windowSeconds: RESEND_WINDOW_SECONDS,
  });
  if (!limit.isAllowed) {
    throw new AppError(
      "rate_limited",
      "We already sent several links this hour. Check your inbox and spam folder, or try again later.",
      undefined,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  const sent = await prisma.$transaction((tx) => sendVerificationEmail({ tx, user }));
  await dispatchEmail(sent);
  return { email: user.email };
}

/**
 * The link in the email: marks the address verified. A link for an address the account no longer
 * has (the email was changed since) does nothing.
 */
export async function confirmEmailVerification({ token }: { token: string }) {
  return prisma.$transaction(async (tx) => {
    const used = await consumeEmailToken({ tx, token, purpose: "VERIFY_EMAIL" });
    const user = await tx.user.findUnique({ where: { id: used.userId } });
    if (!user || user.email !== used.email) throw new AppError("bad_request", LINK_EXPIRED);
    await tx.user.update({
      where: { id: user.id },
      data: { emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    return { email: user.email };
  });
}
