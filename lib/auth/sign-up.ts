import "server-only";
import { z } from "zod";
import { acceptInvitation, findPendingInvitation } from "../accounts/invitations";
import { signUpRefusal } from "../accounts/sign-up-policy";
import { getSignUpRules } from "../accounts/sign-up-rules";
import { sendVerificationEmail } from "../accounts/verify-email";
import { prisma } from "../db";
import { AppError } from "../errors";
import { dispatchEmail } from "../mail/send-email";
import { networkHashOf } from "../security/network-hash";
import { enforceSignUpRateLimit } from "./limits";
import { hashPassword } from "./password";
import { signUpSchema } from "./schemas";

/**
 * Creates an email + password account. An email already in use gets the same message as any
 * other refusal, so the form cannot be used to probe which emails have accounts.
 */
export async function signUp({ input, ip }: { input: unknown; ip: string }) {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "bad_request",
      "Check the highlighted fields.",
      z.flattenError(parsed.error).fieldErrors,
    );
  }
  const { name, email, password, invite } = parsed.data;
  await enforceSignUpRateLimit({ ip, email });
  const invitation = invite ? await findPendingInvitation({ email, token: invite }) : null;
  const refusal = signUpRefusal({
    rules: await getSignUpRules(),
    email,
    hasInvitation: invitation !== null,
  });
  if (refusal) throw new AppError("forbidden", refusal);
  const passwordHash = await hashPassword(password);
  const signupNetworkHash = await networkHashOf(ip);
  // The account and its verification email (or its used invitation) commit together.
  const result = await prisma.$transaction(async (tx) => {
    const created = await tx.user.createMany({
      // An invitation link proves the address: it was mailed there.
      data: [
        {
          email,
          name,
          passwordHash,
          signupNetworkHash,
          emailVerifiedAt: invitation ? new Date() : null,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 0) return null;
    if (invitation && !(await acceptInvitation(tx, invitation.id))) {
      throw new AppError("conflict", "This invitation has just been used or withdrawn.");
    }
    const user = await tx.user.findUniqueOrThrow({ where: { email } });
    const verification = invitation ? null : await sendVerificationEmail({ tx, user });
    return { user, verification };
  });
  if (!result) {
    throw new AppError(
      "bad_request",
      "We could not create an account with these details. If you already have one, sign in instead.",
    );
  }
  if (result.verification) await dispatchEmail(result.verification);
  const { user } = result;
  return { id: user.id, email: user.email, name: user.name };
}
