import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import {
  type AuditEntry,
  type AuditLogPage,
  type AuditLogQuery,
  auditLogQuerySchema,
} from "./audit-schemas";
import { assertAdmin } from "./policy";

export const AUDIT_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

function whereOf(query: AuditLogQuery): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (query.action) where.action = query.action;
  if (query.actor) {
    where.actor = {
      OR: [
        { email: { contains: query.actor, mode: "insensitive" } },
        { name: { contains: query.actor, mode: "insensitive" } },
      ],
    };
  }
  if (query.targetType) where.targetType = query.targetType;
  if (query.targetId) where.targetId = query.targetId;
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
      // `to` is inclusive: everything before the next day starts.
      ...(query.to ? { lt: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }
  return where;
}

/**
 * Admin → Audit log: entries newest first, 50 a page, filtered by action, actor (email or name),
 * target (type and id) and a UTC date range, with the matching total and the actions the log
 * holds. Targets that are users or GPTs get their current email or name, and GPTs a link.
 */
export async function listAuditLog({
  actor,
  query: rawQuery = {},
  pageSize = AUDIT_PAGE_SIZE,
}: {
  actor: Actor;
  /** Parsed with auditLogQuerySchema: hand-edited values fall back to "no filter". */
  query?: Partial<Record<keyof AuditLogQuery, unknown>>;
  pageSize?: number;
}): Promise<AuditLogPage> {
  assertAdmin(actor);
  const query = auditLogQuerySchema.parse(rawQuery);
  const where = whereOf(query);
  const [total, actions] = await Promise.all([
    prisma.auditLog.count({ where }),
    prisma.auditLog.findMany({
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
    }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await prisma.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      createdAt: true,
      action: true,
      targetType: true,
      targetId: true,
      data: true,
      actor: { select: { id: true, email: true, name: true, deletedAt: true } },
    },
  });
  const labels = await targetLabels(rows);
  return {
    entries: rows.map((row): AuditEntry => {
      const target = labels.get(`${row.targetType}:${row.targetId}`);
      return {
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        action: row.action,
        actor: row.actor
          ? {
              id: row.actor.id,
              // A deleted account's leftovers are not shown.
              email: row.actor.deletedAt ? null : row.actor.email,
              name: row.actor.deletedAt ? null : row.actor.name,
              isDeleted: row.actor.deletedAt !== null,
            }
          : null,
        target: {
          type: row.targetType,
          id: row.targetId,
          label: target?.label ?? null,
          href: target?.href ?? null,
        },
        // An account deleted since: its address is personal data that is gone everywhere else.
        data: target?.isDeletedUser ? withoutEmail(row.data) : row.data,
      };
    }),
    total,
    page,
    pageCount,
    pageSize,
    query: { ...query, page },
    actions: actions.map((row) => row.action),
  };
}

type TargetLabel = { label: string; href: string | null; isDeletedUser: boolean };

function withoutEmail(data: Prisma.JsonValue): Prisma.JsonValue {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  const { email: _email, ...rest } = data;
  return rest;
}

/** Current names of the users and GPTs a page of entries points at, in two reads. */
async function targetLabels(
  rows: { targetType: string; targetId: string }[],
): Promise<Map<string, TargetLabel>> {
  const idsOf = (type: string) => [
    ...new Set(rows.filter((row) => row.targetType === type).map((row) => row.targetId)),
  ];
  const userIds = idsOf("User");
  const gptIds = idsOf("Gpt");
  const [users, gpts] = await Promise.all([
    userIds.length
      ? prisma.user.findMany({
          where: { id: { in: userIds } },
          select: { id: true, email: true, deletedAt: true },
        })
      : [],
    gptIds.length
      ? prisma.gpt.findMany({
          where: { id: { in: gptIds } },
          select: { id: true, name: true, slug: true, deletedAt: true },
        })
      : [],
  ]);
  const labels = new Map<string, TargetLabel>();
  for (const user of users) {
    labels.set(`User:${user.id}`, {
      label: user.deletedAt ? "Deleted account" : user.email,
      href: null,
      isDeletedUser: user.deletedAt !== null,
    });
  }
  for (const gpt of gpts) {
    labels.set(`Gpt:${gpt.id}`, {
      label: gpt.name,
      href: gpt.deletedAt ? null : `/g/${gpt.slug}`,
      isDeletedUser: false,
    });
  }
  return labels;
}
