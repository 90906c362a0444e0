import type { Actor } from "@/lib/auth/session";
import { startUserSession } from "@/lib/auth/user-sessions";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

let counter = 0;

/**
 * A user row shaped for the admin Users page: role, verified, banned (with a reason), deleted,
 * created at a given time, with `sessions` live sessions. Returns the row as an Actor.
 */
export async function createListedUser(
  options: {
    email?: string;
    name?: string | null;
    role?: Role;
    isVerified?: boolean;
    bannedReason?: string;
    isDeleted?: boolean;
    createdAt?: Date;
    sessions?: number;
  } = {},
): Promise<Actor> {
  counter += 1;
  const user = await prisma.user.create({
    data: {
      email: options.email ?? `listed${counter}-${Date.now()}@example.com`,
      name: options.name === undefined ? `Listed ${counter}` : options.name,
      role: options.role ?? "USER",
      emailVerifiedAt: options.isVerified === false ? null : new Date(),
      bannedAt: options.bannedReason ? new Date() : null,
      bannedReason: options.bannedReason ?? null,
      deletedAt: options.isDeleted ? new Date() : null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
  for (let index = 0; index < (options.sessions ?? 0); index += 1) {
    await startUserSession({ userId: user.id, userAgent: "integration test" });
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Live (not revoked) sessions of a user. */
export function liveSessionCount(userId: string): Promise<number> {
  return prisma.userSession.count({ where: { userId, revokedAt: null } });
}

/** Audit rows about a user, oldest first. */
export function auditRowsAbout(userId: string) {
  return prisma.auditLog.findMany({
    where: { targetType: "User", targetId: userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
