import "server-only";
import { assertModerator } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { creatorDisplayName } from "../store/card";
import { reportReasonLabel } from "./report-reasons";
import type { AdminReportRow, AdminReportsPage, ReportQueueFilter } from "./schemas";

export const REPORT_QUEUE_PAGE_SIZE = 50;

const reportRowSelect = {
  id: true,
  reason: true,
  details: true,
  status: true,
  createdAt: true,
  resolvedAt: true,
  resolvedBy: { select: { name: true, email: true } },
  reporter: { select: { id: true, name: true, email: true } },
  gpt: {
    select: {
      id: true,
      slug: true,
      name: true,
      avatarKey: true,
      avatarColor: true,
      status: true,
      owner: { select: { name: true, builderProfile: { select: { displayName: true } } } },
      publishedVersion: { select: { name: true, avatarKey: true, avatarColor: true } },
    },
  },
} as const;

/**
 * The admin reports queue: open reports newest first, or closed ones by when they were closed.
 * Each row carries how many open reports its GPT has, so one loud GPT stands out.
 */
export async function listReportsForAdmin({
  actor,
  filter,
  page = 1,
}: {
  actor: Actor;
  filter: ReportQueueFilter;
  page?: number;
}): Promise<AdminReportsPage> {
  assertModerator(actor);
  const isOpen = filter === "open";
  const [rows, openCount] = await Promise.all([
    prisma.report.findMany({
      where: isOpen ? { status: "OPEN" } : { status: { not: "OPEN" } },
      orderBy: isOpen
        ? [{ createdAt: "desc" }, { id: "desc" }]
        : [{ resolvedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * REPORT_QUEUE_PAGE_SIZE,
      take: REPORT_QUEUE_PAGE_SIZE + 1,
      select: reportRowSelect,
    }),
    countOpenReports({ actor }),
  ]);
  const pageRows = rows.slice(0, REPORT_QUEUE_PAGE_SIZE);
  const gptIds = [...new Set(pageRows.map((row) => row.gpt.id))];
  const openByGpt = await prisma.report.groupBy({
    by: ["gptId"],
    where: { status: "OPEN", gptId: { in: gptIds } },
    _count: { _all: true },
  });
  const openCountOf = (gptId: string) =>
    openByGpt.find((group) => group.gptId === gptId)?._count._all ?? 0;
  return {
    reports: pageRows.map((row): AdminReportRow => {
      const version = row.gpt.publishedVersion;
      return {
        id: row.id,
        reason: row.reason,
        reasonLabel: reportReasonLabel(row.reason),
        details: row.details,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
        resolvedAt: row.resolvedAt?.toISOString() ?? null,
        resolvedByName: row.resolvedBy ? (row.resolvedBy.name ?? row.resolvedBy.email) : null,
        reporter: row.reporter,
        gpt: {
          id: row.gpt.id,
          slug: row.gpt.slug,
          name: version?.name ?? row.gpt.name,
          avatarUrl: avatarUrl(version ? version.avatarKey : row.gpt.avatarKey),
          avatarColor: version ? version.avatarColor : row.gpt.avatarColor,
          status: row.gpt.status,
          creatorName: creatorDisplayName(row.gpt.owner),
          openReportCount: openCountOf(row.gpt.id),
        },
      };
    }),
    filter,
    openCount,
    nextPage: rows.length > REPORT_QUEUE_PAGE_SIZE ? page + 1 : null,
  };
}

/** Open reports on the instance (the admin nav's badge). */
export async function countOpenReports({ actor }: { actor: Actor }): Promise<number> {
  assertModerator(actor);
  return prisma.report.count({ where: { status: "OPEN" } });
}
