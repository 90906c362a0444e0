import "server-only";
import { assertModerator } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { parseInput } from "../gpts/parse-input";
import { dispatchEmail, type QueuedEmail } from "../mail/send-email";
import { notify } from "../notifications/notify";
import { invalidateStoreListings } from "../store/listing-cache";
import {
  type GptModerationAction,
  type ModerateGptInput,
  moderateGptSchema,
  type ReportAction,
  type ResolveReportInput,
  resolveReportSchema,
} from "./schemas";

export type ModerateGptResult = {
  action: GptModerationAction;
  gptId: string;
  /** Reports this action closed: none for restore, every open report of the GPT otherwise. */
  closedReportIds: string[];
  /** The ModerationDecision written for unlist, remove and restore. */
  decisionId: string | null;
};

export type ResolveReportResult = ModerateGptResult & { action: ReportAction };

type Tx = Prisma.TransactionClient;
type LockedGpt = { id: string; ownerId: string; name: string; status: string };

/** Why the action cannot apply to a GPT in this state (a 409), or null. */
function refusal(action: GptModerationAction, status: string, openCount: number): string | null {
  if (action === "dismiss" && openCount === 0) {
    return "These reports were already closed by another moderator.";
  }
  // Unlisting would make a removed GPT reachable by link again: that is a restore.
  if (action === "unlist" && status === "REMOVED") {
    return "This GPT is already removed; unlisting would bring it back.";
  }
  if (action === "unlist" && status === "UNLISTED") return "This GPT is already unlisted.";
  if (action === "remove" && status === "REMOVED") return "This GPT is already removed.";
  if (action === "restore" && status !== "UNLISTED" && status !== "REMOVED") {
    return "This GPT is not unlisted or removed; there is nothing to restore.";
  }
  return null;
}

const CLOSED_STATUS = { dismiss: "DISMISSED", unlist: "UNLISTED", remove: "REMOVED" } as const;
const DECISION = {
  unlist: { kind: "UNLIST", status: "UNLISTED", notice: "gpt.unlisted" },
  remove: { kind: "REMOVE", status: "REMOVED", notice: "gpt.removed" },
  restore: { kind: "RESTORE", status: "ACTIVE", notice: "gpt.restored" },
} as const;

function creatorNotice(action: keyof typeof DECISION, name: string, reason: string) {
  const appeal =
    "If you think this is a mistake, you can appeal once from the GPT's editor, where the reason is shown too.";
  if (action === "unlist") {
    return {
      title: `Moderators unlisted “${name}”`,
      body: `Reason: ${reason}\n\nIt no longer appears in the store or in search. People with its link can still use it.\n\n${appeal}`,
    };
  }
  if (action === "remove") {
    return {
      title: `Moderators removed “${name}”`,
      body: `Reason: ${reason}\n\nNobody but you can open it or chat with it now.\n\n${appeal}`,
    };
  }
  return {
    title: `“${name}” was restored`,
    body: `Reason: ${reason}\n\nModerators lifted their earlier decision: it works again for the people you share it with, and a public GPT is back in the store.`,
  };
}

const REPORT_OUTCOME: Record<"dismiss" | "unlist" | "remove", string> = {
  dismiss:
    "Moderators looked into it and found nothing against the store's rules, so it stays as it is.",
  unlist: "Moderators took it out of the store and search.",
  remove: "Moderators removed it: nobody but its creator can open it now.",
};

/**
 * Tells each person whose report was just closed what came of it (the creator's reason stays
 * between the creator and the moderators). One notification per reporter, however many of their
 * reports closed.
 */
async function notifyReporters(
  tx: Tx,
  {
    reportIds,
    gptName,
    action,
  }: { reportIds: string[]; gptName: string; action: "dismiss" | "unlist" | "remove" },
): Promise<QueuedEmail[]> {
  if (reportIds.length === 0) return [];
  const reports = await tx.report.findMany({
    where: { id: { in: reportIds } },
    select: { reporterId: true },
  });
  const emails: QueuedEmail[] = [];
  for (const reporterId of new Set(reports.map((report) => report.reporterId))) {
    const email = await notify(tx, {
      userId: reporterId,
      kind: "report.resolved",
      title: `Your report about “${gptName}” was reviewed`,
      body: `${REPORT_OUTCOME[action]}\n\nThank you for helping keep the store safe.`,
    });
    if (email) emails.push(email);
  }
  return emails;
}

/**
 * Locks the GPT row before any report row, the order every writer of reports and decisions uses:
 * two moderators acting on one GPT otherwise each hold a row and wait for the other.
 */
async function lockGpt(tx: Tx, gptId: string): Promise<LockedGpt> {
  const [gpt] = await tx.$queryRaw<LockedGpt[]>`
    SELECT g.id, g."ownerId", COALESCE(v.name, g.name) AS name, g.status::text AS status
    FROM "Gpt" g LEFT JOIN "GptVersion" v ON v.id = g."publishedVersionId"
    WHERE g.id = ${gptId} AND g."deletedAt" IS NULL
    FOR UPDATE OF g`;
  if (!gpt) throw new AppError("not_found", "This GPT no longer exists.");
  return gpt;
}

async function applyToGpt(
  tx: Tx,
  {
    actor,
    gpt,
    action,
    reason,
    reportId,
  }: {
    actor: Actor;
    gpt: LockedGpt;
    action: GptModerationAction;
    reason: string | undefined;
    reportId?: string;
  },
): Promise<{ result: ModerateGptResult; emails: QueuedEmail[] }> {
  const open = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Report" WHERE "gptId" = ${gpt.id} AND status = 'OPEN' ORDER BY id FOR UPDATE`;
  const refused = refusal(action, gpt.status, open.length);
  if (refused) throw new AppError("conflict", refused);

  let closedReportIds: string[] = [];
  if (action !== "restore") {
    const closed = await tx.report.updateManyAndReturn({
      where: { gptId: gpt.id, status: "OPEN" },
      data: { status: CLOSED_STATUS[action], resolvedById: actor.id, resolvedAt: new Date() },
      select: { id: true },
    });
    closedReportIds = closed.map((row) => row.id);
  }
  let decisionId: string | null = null;
  const emails: QueuedEmail[] =
    action === "restore"
      ? []
      : await notifyReporters(tx, { reportIds: closedReportIds, gptName: gpt.name, action });
  if (action !== "dismiss") {
    const decision = DECISION[action];
    if (!reason) throw new AppError("bad_request", "Give the creator a reason.");
    await tx.gpt.update({ where: { id: gpt.id }, data: { status: decision.status } });
    const row = await tx.moderationDecision.create({
      data: { gptId: gpt.id, kind: decision.kind, reason, decidedById: actor.id },
      select: { id: true },
    });
    decisionId = row.id;
    const email = await notify(tx, {
      userId: gpt.ownerId,
      kind: decision.notice,
      ...creatorNotice(action, gpt.name, reason),
      href: `/gpts/${gpt.id}/edit`,
    });
    if (email) emails.push(email);
  }
  const auditAction =
    action === "restore"
      ? "gpt.restore"
      : action === "dismiss"
        ? "report.dismiss-all"
        : `report.${action}`;
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      action: auditAction,
      targetType: "Gpt",
      targetId: gpt.id,
      data: {
        gptId: gpt.id,
        ...(reportId ? { reportId } : {}),
        closedReportIds,
        decisionId,
        reason: reason ?? null,
        previousStatus: gpt.status,
      },
    },
  });
  return { result: { action, gptId: gpt.id, closedReportIds, decisionId }, emails };
}

/**
 * A moderator's action on a reported GPT, from the grouped queue. "dismiss" closes every open
 * report (no decision: the GPT is fine). "unlist" (out of the store, still reachable by link) and
 * "remove" (gone for everyone but its owner and staff) change the GPT's status and close every
 * open report with that outcome. "restore" puts an unlisted or removed GPT back to ACTIVE. Unlist,
 * remove and restore write a ModerationDecision with the reason and notify the creator; every
 * action writes an audit row, all in one transaction. Acting twice (another moderator was first)
 * is a 409, not a second action.
 */
export async function moderateGpt({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: ModerateGptInput;
}): Promise<ModerateGptResult> {
  assertModerator(actor);
  const data = parseInput(moderateGptSchema, input);
  const { result, emails } = await prisma.$transaction(async (tx) => {
    const gpt = await lockGpt(tx, gptId);
    if (data.expectedStatus && data.expectedStatus !== gpt.status) {
      throw new AppError(
        "conflict",
        "Another moderator changed this GPT meanwhile. Reload the queue.",
      );
    }
    return applyToGpt(tx, { actor, gpt, action: data.action, reason: data.reason });
  });
  for (const email of emails) await dispatchEmail(email);
  if (data.action !== "dismiss") invalidateStoreListings();
  return result;
}

/**
 * An action taken from one report. "dismiss" closes just this report. "unlist" and "remove" act on
 * its GPT like moderateGpt (reason required). A report someone else already closed is a 409.
 */
export async function resolveReport({
  actor,
  reportId,
  input,
}: {
  actor: Actor;
  reportId: string;
  input: ResolveReportInput;
}): Promise<ResolveReportResult> {
  assertModerator(actor);
  const data = parseInput(resolveReportSchema, input);
  const { result, emails } = await prisma.$transaction(async (tx) => {
    const target = await tx.report.findUnique({ where: { id: reportId }, select: { gptId: true } });
    if (!target) throw new AppError("not_found", "This report no longer exists.");
    const gpt = await lockGpt(tx, target.gptId);
    const [report] = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id, status::text AS status FROM "Report" WHERE id = ${reportId} FOR UPDATE`;
    if (!report) throw new AppError("not_found", "This report no longer exists.");
    if (report.status !== "OPEN") {
      throw new AppError("conflict", "This report was already closed by another moderator.");
    }
    if (data.action !== "dismiss") {
      return applyToGpt(tx, { actor, gpt, action: data.action, reason: data.reason, reportId });
    }
    await tx.report.update({
      where: { id: report.id },
      data: { status: "DISMISSED", resolvedById: actor.id, resolvedAt: new Date() },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "report.dismiss",
        targetType: "Report",
        targetId: report.id,
        data: { reportId: report.id, gptId: gpt.id, reason: data.reason ?? null },
      },
    });
    const dismissed: ModerateGptResult = {
      action: "dismiss",
      gptId: gpt.id,
      closedReportIds: [report.id],
      decisionId: null,
    };
    const reporterEmails = await notifyReporters(tx, {
      reportIds: [report.id],
      gptName: gpt.name,
      action: "dismiss",
    });
    return { result: dismissed, emails: reporterEmails };
  });
  for (const email of emails) await dispatchEmail(email);
  if (data.action !== "dismiss") invalidateStoreListings();
  return result as ResolveReportResult;
}
