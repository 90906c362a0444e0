import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { PrismaClient, Role } from "../../lib/generated/prisma/client";

/** Creates a user with a password (tests and seed share this factory). */
export async function createUserWithPassword(
  prisma: PrismaClient,
  options: {
    email: string;
    password: string;
    name?: string;
    role?: Role;
    /** The operator chose this address (ADMIN_EMAIL): no verification link is needed. */
    isEmailVerified?: boolean;
  },
) {
  return prisma.user.create({
    data: {
      email: options.email.toLowerCase(),
      name: options.name ?? options.email.split("@")[0],
      role: options.role ?? "USER",
      emailVerifiedAt: options.isEmailVerified ? new Date() : null,
      passwordHash: await hash(options.password, {
        memoryCost: 19_456,
        timeCost: 2,
        parallelism: 1,
      }),
    },
  });
}

export function generatePassword(): string {
  // 18 random bytes → 24 URL-safe characters.
  return randomBytes(18).toString("base64url");
}
