import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { AdminUserRow } from "./schemas";

export const ADMIN_USER_LIST_LIMIT = 100;

export const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  bannedAt: true,
  _count: { select: { gpts: true } },
} as const satisfies Prisma.UserSelect;

export function toAdminUserRow(
  user: Prisma.UserGetPayload<{ select: typeof adminUserSelect }>,
): AdminUserRow {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    bannedAt: user.bannedAt?.toISOString() ?? null,
    gptCount: user._count.gpts,
  };
}

/**
 * Users for the admin table, newest first, optionally filtered by a case-insensitive match on
 * email or name. Returns the matching total too, so the page can say when the list is cut short.
 */
export async function listUsersForAdmin({
  actor,
  q,
  limit = ADMIN_USER_LIST_LIMIT,
}: {
  actor: Actor;
  q?: string;
  limit?: number;
}): Promise<{ users: AdminUserRow[]; total: number }> {
  assertAdmin(actor);
  const query = q?.trim();
  const where: Prisma.UserWhereInput = query
    ? {
        OR: [
          { email: { contains: query, mode: "insensitive" } },
          { name: { contains: query, mode: "insensitive" } },
        ],
      }
    : {};
  const [users, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: limit,
      select: adminUserSelect,
    }),
    prisma.user.count({ where }),
  ]);
  return { users: users.map(toAdminUserRow), total };
}
