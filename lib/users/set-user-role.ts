import "server-only";
import { assertAdmin, roleChangeRefusalReason } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { adminUserSelect, toAdminUserRow } from "./queries";
import type { AdminUserRow, UserRole } from "./schemas";

export const LAST_ADMIN_REFUSAL = "The last administrator cannot be demoted.";

/**
 * Makes a user a USER, MODERATOR or ADMIN. The new role applies from the user's next request
 * (getActor() re-reads it). An admin cannot change their own role, and the instance never loses
 * its last administrator: the administrators' rows are locked first, so two admins demoting each
 * other at the same moment cannot both succeed. Giving the role the user already has changes
 * nothing and writes no audit row.
 */
export async function setUserRole({
  actor,
  userId,
  role,
}: {
  actor: Actor;
  userId: string;
  role: UserRole;
}): Promise<AdminUserRow> {
  assertAdmin(actor);
  const user = await prisma.$transaction(async (tx) => {
    // Row locks on every admin, the actor included: demotions of admins run one at a time.
    const admins = await tx.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "deletedAt" IS NULL FOR UPDATE`,
    );
    const target = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, role: true, bannedAt: true, deletedAt: true },
    });
    if (!target) throw new AppError("not_found", "That user no longer exists.");
    const refusal = roleChangeRefusalReason(actor, target, role);
    if (refusal) throw new AppError("forbidden", refusal);
    if (target.role === role) {
      return tx.user.findUniqueOrThrow({ where: { id: userId }, select: adminUserSelect });
    }
    if (target.role === "ADMIN" && admins.length <= 1) {
      throw new AppError("conflict", LAST_ADMIN_REFUSAL);
    }
    // The actor's own role, read under the same lock (an admin demoted a moment ago is not one).
    if (!admins.some((admin) => admin.id === actor.id)) {
      throw new AppError("forbidden", "Administrators only.");
    }
    const updated = await tx.user.update({
      where: { id: userId },
      data: { role },
      select: adminUserSelect,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "user.role",
        targetType: "User",
        targetId: target.id,
        data: { email: target.email, from: target.role, to: role },
      },
    });
    return updated;
  });
  return toAdminUserRow(user);
}
