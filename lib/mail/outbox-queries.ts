import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { emailKindLabel } from "./kinds";
import { isSmtpConfigured } from "./mail-config";
import type { OutboxEmailRow, OutboxPage, OutboxStatus } from "./outbox-schemas";

export const OUTBOX_PAGE_SIZE = 50;

/**
 * Admin → Outbox: every mail the app wrote, newest first, optionally of one status, a page at a
 * time (`cursor`: the last id of the previous page). Bodies are returned for LOGGED mail only:
 * whatever went (or was meant to go) over SMTP is the recipient's business, reset links included.
 */
export async function listOutbox({
  actor,
  status = null,
  cursor = null,
  limit = OUTBOX_PAGE_SIZE,
}: {
  actor: Actor;
  status?: OutboxStatus | null;
  cursor?: string | null;
  limit?: number;
}): Promise<OutboxPage> {
  assertAdmin(actor);
  const rows = await prisma.outboundEmail.findMany({
    where: status ? { status } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    take: limit + 1,
    select: {
      id: true,
      to: true,
      subject: true,
      kind: true,
      status: true,
      attempts: true,
      error: true,
      createdAt: true,
      sentAt: true,
      text: true,
    },
  });
  const page = rows.slice(0, limit);
  return {
    emails: page.map(
      (row): OutboxEmailRow => ({
        id: row.id,
        to: row.to,
        subject: row.subject,
        kind: row.kind,
        kindLabel: emailKindLabel(row.kind),
        status: row.status,
        attempts: row.attempts,
        error: row.error,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
        text: row.status === "LOGGED" ? row.text : null,
      }),
    ),
    status,
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    isSmtpConfigured: isSmtpConfigured(),
  };
}
