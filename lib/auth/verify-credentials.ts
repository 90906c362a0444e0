import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { resetRateLimit } from "../security/rate-limit";
import { authAttemptKey, enforceAuthRateLimit } from "./limits";
import { timingSafeDummyHash, verifyPassword } from "./password";
import { signInSchema } from "./schemas";

export const INVALID_CREDENTIALS = "Incorrect email or password.";
export const ACCOUNT_SUSPENDED = "This account has been suspended. Contact the administrator.";

/**
 * Checks an email + password. Unknown emails and wrong passwords get the same message and take the
 * same time (a dummy hash is verified), so responses do not reveal which emails exist.
 */
export async function verifyCredentials({ input, ip }: { input: unknown; ip: string }) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("bad_request", INVALID_CREDENTIALS);
  const { email, password } = parsed.data;
  await enforceAuthRateLimit({ action: "sign-in", ip, email });

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
  await resetRateLimit(authAttemptKey("sign-in", email));
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
