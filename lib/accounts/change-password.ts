import "server-only";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Actor } from "../auth/session";
import { revokeAllUserSessions } from "../auth/user-sessions";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { dispatchEmail, queueEmail } from "../mail/send-email";
import { passwordChanged } from "../mail/templates";
import { consumeRateLimit } from "../security/rate-limit";
import { accountLinks } from "./account-links";
import { changePasswordSchema } from "./schemas";

const WRONG_PASSWORD = "That is not your current password.";

/**
 * Checks the current password of a signed-in user (5 tries per 15 minutes): the step that stands
 * between a borrowed, unlocked browser and the account.
 */
export async function assertCurrentPassword(options: {
  user: { id: string; passwordHash: string | null };
  password: string | undefined;
  field: string;
}): Promise<void> {
  const { user, password, field } = options;
  if (!user.passwordHash) return;
  const limit = await consumeRateLimit({
    key: `current-password:${user.id}`,
    limit: 5,
    windowSeconds: 15 * 60,
  });
  if (!limit.isAllowed) {
    throw new AppError(
      "rate_limited",
      "Too many tries. Please wait 15 minutes and try again.",
      undefined,
      {
        retryAfterSeconds: limit.retryAfterSeconds,
      },
    );
  }
  if (!password || !(await verifyPassword(user.passwordHash, password))) {
    throw new AppError("bad_request", WRONG_PASSWORD, { [field]: [WRONG_PASSWORD] });
  }
}

/**
 * Settings → Security → Change password. Needs the current password when the account has one
 * (an account made with GitHub or Google sets its first one here). Every other session ends; this
 * browser stays signed in. The owner is told by email.
 */
export async function changePassword({ actor, input }: { actor: Actor; input: unknown }) {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
  await assertCurrentPassword({
    user,
    password: currentPassword,
    field: "currentPassword",
  });
  const passwordHash = await hashPassword(newPassword);
  const result = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const signedOut = await revokeAllUserSessions({
      userId: user.id,
      exceptSessionId: actor.sessionId,
      tx,
    });
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
    return { signedOut, notice };
  });
  await dispatchEmail(result.notice);
  return { otherSessionsSignedOut: result.signedOut };
}
