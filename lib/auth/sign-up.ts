import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { AppError } from "../errors";
import { networkHashOf } from "../security/network-hash";
import { enforceAuthRateLimit } from "./limits";
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
  const { name, email, password } = parsed.data;
  await enforceAuthRateLimit({ action: "sign-up", ip, email });
  const passwordHash = await hashPassword(password);
  const signupNetworkHash = await networkHashOf(ip);
  const created = await prisma.user.createMany({
    data: [{ email, name, passwordHash, signupNetworkHash }],
    skipDuplicates: true,
  });
  if (created.count === 0) {
    throw new AppError(
      "bad_request",
      "We could not create an account with these details. If you already have one, sign in instead.",
    );
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, name: user.name };
}
