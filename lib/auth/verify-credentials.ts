import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { enforceSignInAddressLimit } from "./limits";
import { timingSafeDummyHash, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { claimSignInAttempt, forgetSignInFailures } from "./sign-in-throttle";

export const INVALID_CREDENTIALS = "Incorrect email or password.";
export const ACCOUNT_SUSPENDED = "This account has been suspended. Contact the administrator.";

/**
 * Checks an email + password. Unknown emails and wrong passwords get the same message and take the
 * same time (a dummy hash is verified), so responses do not reveal which emails exist. Throttled
 * per client address, and per email from that address (lib/auth/limits.ts, sign-in-throttle.ts).
 */
export async function verifyCredentials({ input, ip }: { input: unknown; ip: string }) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", INVALID_CREDENTIALS);
  const { email, password } = parsed.data;
  await enforceSignInAddressLimit(ip);
  await claimSignInAttempt({ email, ip });

  const user = await prisma.user.findUnique({ where: { email } });
  const isValid = await verifyPassword(
    user?.passwordHash ?? (await timingSafeDummyHash()),
    password,
  );
  if (!user?.passwordHash || !isValid) {
    throw new AppError("unauthorized", INVALID_CREDENTIALS);
  }
  // Only someone who knows the password learns that the account is suspended.
  if (user.bannedAt) throw new AppError("forbidden", ACCOUNT_SUSPENDED);
  await forgetSignInFailures({ email, ip });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
