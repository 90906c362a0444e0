import "server-only";
import { assertModerator } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { invalidateStoreListings } from "../store/listing-cache";
import type { ReportAction } from "./schemas";

const CLOSED_STATUS = { dismiss: "DISMISSED", unlist: "UNLISTED", remove: "REMOVED" } as const;

export type ResolveReportResult = {
  action: ReportAction;
  gptId: string;
  /** Reports this action closed: one for dismiss, every open report of the GPT otherwise. */
  closedReportIds: string[];
};

/**
 * Closes a report. "dismiss" closes just this one. "unlist" (out of the store, still reachable by
 * link) and "remove" (gone for everyone but its owner and admins) change the GPT's status and
 * close every open report about it with that outcome, since they all got their answer. Each
 * action writes an audit row. A report someone else already closed is a 409, not a second action.
 */
export async function resolveReport({
  actor,
  reportId,
  action,
}: {
  actor: Actor;
  reportId: string;
  action: ReportAction;
}): Promise<ResolveReportResult> {
  assertModerator(actor);
  const status = CLOSED_STATUS[action];
  const result = await prisma.$transaction(async (tx) => {
    // The GPT row is locked before the report rows, the order every writer here uses: two admins
    // acting on two reports of one GPT would otherwise each hold a report and wait for the other.
    const target = await tx.report.findUnique({ where: { id: reportId }, select: { gptId: true } });
    if (!target) throw new AppError("not_found", "This report no longer exists.");
    const [gpt] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "Gpt" WHERE id = ${target.gptId} FOR UPDATE`;
    const [report] = await tx.$queryRaw<{ id: string; gptId: string; status: string }[]>`
      SELECT id, "gptId", status::text AS status FROM "Report" WHERE id = ${reportId} FOR UPDATE`;
    if (!report || !gpt) throw new AppError("not_found", "This report no longer exists.");
    if (report.status !== "OPEN") {
      throw new AppError("conflict", "This report was already closed by another admin.");
    }
    // Unlisting would make a removed GPT reachable by link again: that is a restore, not an
    // answer to a report.
    if (action === "unlist" && gpt.status === "REMOVED") {
      throw new AppError("conflict", "This GPT is already removed; unlisting would bring it back.");
    }
    const resolved = { status, resolvedById: actor.id, resolvedAt: new Date() };
    let closedReportIds = [report.id];
    if (action === "dismiss") {
      await tx.report.update({ where: { id: report.id }, data: resolved });
    } else {
      const gptStatus = action === "remove" ? "REMOVED" : "UNLISTED";
      await tx.gpt.update({ where: { id: report.gptId }, data: { status: gptStatus } });
      const closed = await tx.report.updateManyAndReturn({
        where: { gptId: report.gptId, status: "OPEN" },
        data: resolved,
        select: { id: true },
      });
      closedReportIds = closed.map((row) => row.id);
    }
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: `report.${action}`,
        targetType: action === "dismiss" ? "Report" : "Gpt",
        targetId: action === "dismiss" ? report.id : report.gptId,
        data: { reportId: report.id, gptId: report.gptId, closedReportIds },
      },
    });
    return { action, gptId: report.gptId, closedReportIds };
  });
  invalidateStoreListings();
  return result;
}
