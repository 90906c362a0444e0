import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { parseInput } from "../gpts/parse-input";
import { dispatchEmail, queueEmail } from "../mail/send-email";
import { changeEmail as changeEmailMail, emailChanged } from "../mail/templates";
import { accountLinks } from "./account-links";
import { assertCurrentPassword } from "./change-password";
import { consumeEmailToken, issueEmailToken } from "./email-tokens";
import { changeEmailSchema } from "./schemas";

/**
 * Settings → Security → Change email: mails a confirmation link to the new address; nothing
 * changes until it is opened. The answer does not say whether the address belongs to someone else
 * (only the new address's owner learns that, when confirming).
 */
export async function requestEmailChange({ actor, input }: { actor: Actor; input: unknown }) {
  const { newEmail, currentPassword } = parseInput(changeEmailSchema, input);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (newEmail === user.email) {
    throw new AppError("bad_request", "That is already your email address.", {
      newEmail: ["That is already your email address."],
    });
  }
  await assertCurrentPassword({ user, password: currentPassword, field: "currentPassword" });
  const sent = await prisma.$transaction(async (tx) => {
    const token = await issueEmailToken({
      tx,
      userId: user.id,
      purpose: "CHANGE_EMAIL",
      email: newEmail,
    });
    return queueEmail(tx, {
      to: newEmail,
      kind: "change-email",
      userId: user.id,
      content: changeEmailMail({
        name: user.name ?? "there",
        url: accountLinks.confirmEmailChange(token),
        newEmail,
      }),
    });
  });
  await dispatchEmail(sent);
  return { newEmail };
}

/**
 * The link sent to the new address: the account's email becomes it (verified, since its owner
 * opened the link), and the old address is told.
 */
export async function confirmEmailChange({ token }: { token: string }) {
  try {
    const result = await prisma.$transaction(async (tx) => {
      const used = await consumeEmailToken({ tx, token, purpose: "CHANGE_EMAIL" });
      const user = await tx.user.findUniqueOrThrow({ where: { id: used.userId } });
      await tx.user.update({
        where: { id: user.id },
        data: { email: used.email, emailVerifiedAt: new Date() },
      });
      const notice = await queueEmail(tx, {
        to: user.email,
        kind: "email-changed",
        userId: user.id,
        content: emailChanged({ name: user.name ?? "there", newEmail: used.email }),
      });
      return { email: used.email, notice };
    });
    await dispatchEmail(result.notice);
    return { email: result.email };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        "conflict",
        "Another account already uses this address, so it cannot become yours. Sign in to that account instead.",
      );
    }
    throw error;
  }
}
