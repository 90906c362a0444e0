import "server-only";
import { assertModerator } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { creatorDisplayName } from "../store/card";
import { reportReasonLabel } from "./report-reasons";
import type {
  DecisionSummary,
  ReportDetail,
  ReportedGptSummary,
  ReportGroup,
  ReportGroupsPage,
  ReportQueueFilter,
} from "./schemas";

/** GPTs per page of the queue. */
export const REPORT_QUEUE_PAGE_SIZE = 20;
/** Reports listed under one GPT; the counts and reason chips still cover all of them. */
export const REPORT_GROUP_DETAIL_LIMIT = 50;

export const reportedGptSelect = {
  id: true,
  slug: true,
  name: true,
  avatarKey: true,
  avatarColor: true,
  status: true,
  owner: { select: { name: true, builderProfile: { select: { displayName: true } } } },
  publishedVersion: { select: { name: true, avatarKey: true, avatarColor: true } },
} as const;

type ReportedGptRow = {
  id: string;
  slug: string;
  name: string;
  avatarKey: string | null;
  avatarColor: string | null;
  status: ReportedGptSummary["status"];
  owner: { name: string | null; builderProfile: { displayName: string } | null };
  publishedVersion: { name: string; avatarKey: string | null; avatarColor: string | null } | null;
};

/** The published listing's name and picture (what reporters saw), else the draft's. */
export function toReportedGpt(row: ReportedGptRow): ReportedGptSummary {
  const version = row.publishedVersion;
  return {
    id: row.id,
    slug: row.slug,
    name: version?.name ?? row.name,
    avatarUrl: avatarUrl(version ? version.avatarKey : row.avatarKey),
    avatarColor: version ? version.avatarColor : row.avatarColor,
    status: row.status,
    creatorName: creatorDisplayName(row.owner),
  };
}

export function toDecisionSummary(row: {
  id: string;
  kind: DecisionSummary["kind"];
  reason: string;
  createdAt: Date;
  appealStatus: DecisionSummary["appealStatus"];
  decidedBy: { name: string | null; email: string } | null;
}): DecisionSummary {
  return {
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    decidedAt: row.createdAt.toISOString(),
    decidedByName: row.decidedBy ? (row.decidedBy.name ?? row.decidedBy.email) : null,
    appealStatus: row.appealStatus,
  };
}

/**
 * The reports queue, one row per GPT: Open (GPTs with open reports, the most recently reported
 * first) or Closed (GPTs whose reports were closed, the most recently closed first). Each row has
 * the counts per reason, the first and latest report, the reports themselves, and the GPT's latest
 * moderation decision.
 */
export async function listReportGroups({
  actor,
  filter,
  page = 1,
}: {
  actor: Actor;
  filter: ReportQueueFilter;
  page?: number;
}): Promise<ReportGroupsPage> {
  assertModerator(actor);
  const isOpen = filter === "open";
  const statusWhere = isOpen ? { status: "OPEN" as const } : { status: { not: "OPEN" as const } };
  const [groups, counts] = await Promise.all([
    prisma.report.groupBy({
      by: ["gptId"],
      where: { ...statusWhere, gpt: { deletedAt: null } },
      _count: { _all: true },
      _min: { createdAt: true },
      _max: { createdAt: true, resolvedAt: true },
      orderBy: isOpen
        ? [{ _max: { createdAt: "desc" } }, { gptId: "asc" }]
        : [{ _max: { resolvedAt: "desc" } }, { gptId: "asc" }],
      skip: (page - 1) * REPORT_QUEUE_PAGE_SIZE,
      take: REPORT_QUEUE_PAGE_SIZE + 1,
    }),
    getModerationQueueCounts({ actor }),
  ]);
  const pageGroups = groups.slice(0, REPORT_QUEUE_PAGE_SIZE);
  const gptIds = pageGroups.map((group) => group.gptId);
  const [gpts, reasonCounts, openByGpt, reports, decisions] = await Promise.all([
    prisma.gpt.findMany({ where: { id: { in: gptIds } }, select: reportedGptSelect }),
    prisma.report.groupBy({
      by: ["gptId", "reason"],
      where: { ...statusWhere, gptId: { in: gptIds } },
      _count: { _all: true },
    }),
    prisma.report.groupBy({
      by: ["gptId"],
      where: { status: "OPEN", gptId: { in: gptIds } },
      _count: { _all: true },
    }),
    prisma.report.findMany({
      where: { ...statusWhere, gptId: { in: gptIds } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        gptId: true,
        reason: true,
        details: true,
        status: true,
        createdAt: true,
        resolvedAt: true,
        resolvedBy: { select: { name: true, email: true } },
        reporter: { select: { id: true, name: true, email: true } },
      },
    }),
    prisma.moderationDecision.findMany({
      where: { gptId: { in: gptIds } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      distinct: ["gptId"],
      select: {
        id: true,
        gptId: true,
        kind: true,
        reason: true,
        createdAt: true,
        appealStatus: true,
        decidedBy: { select: { name: true, email: true } },
      },
    }),
  ]);
  const result: ReportGroup[] = [];
  for (const group of pageGroups) {
    const gpt = gpts.find((row) => row.id === group.gptId);
    if (!gpt || !group._min.createdAt || !group._max.createdAt) continue;
    const reasons = reasonCounts
      .filter((row) => row.gptId === group.gptId)
      .map((row) => ({
        reason: row.reason,
        label: reportReasonLabel(row.reason),
        count: row._count._all,
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    const decision = decisions.find((row) => row.gptId === group.gptId);
    result.push({
      gpt: toReportedGpt(gpt),
      reportCount: group._count._all,
      openCount: openByGpt.find((row) => row.gptId === group.gptId)?._count._all ?? 0,
      reasons,
      firstReportedAt: group._min.createdAt.toISOString(),
      latestReportedAt: group._max.createdAt.toISOString(),
      lastClosedAt: isOpen ? null : (group._max.resolvedAt?.toISOString() ?? null),
      reports: reports
        .filter((row) => row.gptId === group.gptId)
        .slice(0, REPORT_GROUP_DETAIL_LIMIT)
        .map(
          (row): ReportDetail => ({
            id: row.id,
            reason: row.reason,
            reasonLabel: reportReasonLabel(row.reason),
            details: row.details,
            status: row.status,
            createdAt: row.createdAt.toISOString(),
            resolvedAt: row.resolvedAt?.toISOString() ?? null,
            resolvedByName: row.resolvedBy ? (row.resolvedBy.name ?? row.resolvedBy.email) : null,
            reporter: row.reporter,
          }),
        ),
      latestDecision: decision ? toDecisionSummary(decision) : null,
    });
  }
  return {
    groups: result,
    filter,
    ...counts,
    nextPage: groups.length > REPORT_QUEUE_PAGE_SIZE ? page + 1 : null,
  };
}

/** Open reports and how many GPTs they concern, and appeals waiting for a moderator. */
export async function getModerationQueueCounts({ actor }: { actor: Actor }) {
  assertModerator(actor);
  const [openCount, openGpts, pendingAppealCount] = await Promise.all([
    countOpenReports({ actor }),
    prisma.report.groupBy({
      by: ["gptId"],
      where: { status: "OPEN", gpt: { deletedAt: null } },
    }),
    countPendingAppeals({ actor }),
  ]);
  return { openCount, openGptCount: openGpts.length, pendingAppealCount };
}

/**
 * Open reports on the instance: the admin nav's badge ("Reports 3 open" counts reports, not GPTs;
 * the queue shows both).
 */
export async function countOpenReports({ actor }: { actor: Actor }): Promise<number> {
  assertModerator(actor);
  return prisma.report.count({ where: { status: "OPEN", gpt: { deletedAt: null } } });
}

/**
 * Pending appeals still worth deciding: the appealed decision is its GPT's latest and the GPT is
 * still in the state it left (see appeals.ts). Counted in SQL for the tab badge.
 */
export async function countPendingAppeals({ actor }: { actor: Actor }): Promise<number> {
  assertModerator(actor);
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT COUNT(*)::int AS count
    FROM "ModerationDecision" d JOIN "Gpt" g ON g.id = d."gptId"
    WHERE d."appealStatus" = 'PENDING' AND g."deletedAt" IS NULL
      AND g.status::text = CASE d.kind::text
        WHEN 'REJECT' THEN 'REJECTED' WHEN 'UNLIST' THEN 'UNLISTED' WHEN 'REMOVE' THEN 'REMOVED' END
      AND NOT EXISTS (
        SELECT 1 FROM "ModerationDecision" n
        WHERE n."gptId" = d."gptId" AND (n."createdAt", n.id) > (d."createdAt", d.id))`;
  return row?.count ?? 0;
}
