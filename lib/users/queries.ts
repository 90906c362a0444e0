import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import {
  type AdminUserPage,
  type AdminUserQuery,
  type AdminUserRow,
  adminUserQuerySchema,
} from "./schemas";

export const ADMIN_USER_PAGE_SIZE = 50;

export const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  createdAt: true,
  emailVerifiedAt: true,
  bannedAt: true,
  bannedReason: true,
  deletedAt: true,
  _count: { select: { gpts: true, sessions: { where: { revokedAt: null } } } },
} as const satisfies Prisma.UserSelect;

export function toAdminUserRow(
  user: Prisma.UserGetPayload<{ select: typeof adminUserSelect }>,
): AdminUserRow {
  const isDeleted = user.deletedAt !== null;
  return {
    id: user.id,
    // A deleted account is an anonymous tombstone: whatever is left in its columns is not shown.
    email: isDeleted ? null : user.email,
    name: isDeleted ? null : user.name,
    role: user.role,
    status: isDeleted ? "deleted" : user.bannedAt ? "banned" : "active",
    isEmailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
    bannedAt: user.bannedAt?.toISOString() ?? null,
    bannedReason: user.bannedReason,
    gptCount: user._count.gpts,
    sessionCount: user._count.sessions,
  };
}

function whereOf(query: AdminUserQuery): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (query.q) {
    // Deleted accounts are not found by what is left of their name or email.
    and.push({
      deletedAt: null,
      OR: [
        { email: { contains: query.q, mode: "insensitive" } },
        { name: { contains: query.q, mode: "insensitive" } },
      ],
    });
  }
  if (query.role !== "all") and.push({ role: query.role.toUpperCase() as AdminUserRow["role"] });
  switch (query.status) {
    case "active":
      and.push({ deletedAt: null, bannedAt: null });
      break;
    case "banned":
      and.push({ deletedAt: null, bannedAt: { not: null } });
      break;
    case "unverified":
      and.push({ deletedAt: null, emailVerifiedAt: null });
      break;
    case "deleted":
      and.push({ deletedAt: { not: null } });
      break;
  }
  return and.length ? { AND: and } : {};
}

/**
 * Admin → Users: a page of 50 accounts matching the search (email or name, case-insensitive), role
 * and status filters, newest or oldest first, with the matching total. Deleted accounts are listed
 * as tombstones (no email, no name).
 */
export async function listUsersForAdmin({
  actor,
  query: rawQuery = {},
  pageSize = ADMIN_USER_PAGE_SIZE,
}: {
  actor: Actor;
  /** Parsed with adminUserQuerySchema: hand-edited values fall back to the defaults. */
  query?: Partial<Record<keyof AdminUserQuery, unknown>>;
  pageSize?: number;
}): Promise<AdminUserPage> {
  assertAdmin(actor);
  const query = adminUserQuerySchema.parse(rawQuery);
  const where = whereOf(query);
  const direction = query.sort === "oldest" ? "asc" : "desc";
  const total = await prisma.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const users = await prisma.user.findMany({
    where,
    orderBy: [{ createdAt: direction }, { id: direction }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: adminUserSelect,
  });
  return {
    users: users.map(toAdminUserRow),
    total,
    page,
    pageCount,
    pageSize,
    query: { ...query, page },
  };
}
