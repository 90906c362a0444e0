import "server-only";
import { generatePassword } from "../../prisma/seed/users";
import { hashPassword } from "../auth/password";
import { emailSchema } from "../auth/schemas";
import { revokeAllUserSessions } from "../auth/user-sessions";
import { prisma } from "../db";
import { AppError } from "../errors";

/**
 * `npm run admin:reset-password`: the operator's way back into an account (their own admin, most
 * often) without email: a new random password, shown once, and every session ended. Runs with
 * access to the database, which is the authority here; nothing in the app calls it.
 */
export async function operatorResetPassword(
  email: string,
): Promise<{ email: string; password: string }> {
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success) throw new AppError("bad_request", `"${email}" is not an email address.`);
  const user = await prisma.user.findUnique({ where: { email: parsed.data } });
  if (!user) throw new AppError("not_found", `No account uses ${parsed.data}.`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      // The operator vouches for the address.
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    await revokeAllUserSessions({ userId: user.id, tx });
  });
  return { email: user.email, password };
}
