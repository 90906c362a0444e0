import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as moderateRoute } from "@/app/api/admin/reports/gpts/[gptId]/route";
import { GET as listRoute } from "@/app/api/admin/reports/route";
import { prisma } from "@/lib/db";
import { reportGpt } from "@/lib/moderation/report-gpt";
import { countOpenReports, listReportGroups } from "@/lib/moderation/report-queries";
import { moderateGpt, resolveReport } from "@/lib/moderation/resolve-report";
import { listedInStoreWhere } from "@/lib/store/card";
import { expectAppError } from "../../support/app-error";
import { createActor } from "../../support/factories";
import { lastEmailTo } from "../../support/mailbox";
import {
  createReportedGpt,
  gptStatus,
  notificationsOf,
  UNLIST_REASON,
} from "../../support/reports";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

beforeEach(() => setSessionActor(null));

async function isListed(gptId: string) {
  return (await prisma.gpt.count({ where: { id: gptId, ...listedInStoreWhere } })) === 1;
}

describe("[MODERATION]: the reports queue grouped by GPT", () => {
  it("[MODERATION]: shows one row per GPT with its open reports, counts per reason, first and latest report", async () => {
    const { gpt, admin, reportIds } = await createReportedGpt({ reporterCount: 3 });
    const other = await createReportedGpt({ reporterCount: 1, name: "Other GPT" });
    const page = await listReportGroups({ actor: admin, filter: "open" });
    const rows = page.groups.filter((group) => group.gpt.id === gpt.id);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row.openCount).toBe(3);
    expect(row.reportCount).toBe(3);
    expect(row.reasons).toEqual([
      { reason: "SPAM", label: "Spam or scam", count: 2 },
      { reason: "IMPERSONATION", label: "Impersonation or clone", count: 1 },
    ]);
    expect(row.reports.map((report) => report.id).sort()).toEqual([...reportIds].sort());
    expect(row.reports[0].reporter.email).toMatch(/@example\.com$/);
    expect(Date.parse(row.firstReportedAt)).toBeLessThanOrEqual(Date.parse(row.latestReportedAt));
    expect(row.gpt).toMatchObject({ name: "Test GPT", status: "ACTIVE" });
    // The most recently reported GPT comes first.
    const order = page.groups.map((group) => group.gpt.id);
    expect(order.indexOf(other.gpt.id)).toBeLessThan(order.indexOf(gpt.id));
    // Counts: reports for the nav badge, GPTs for the queue summary.
    expect(page.openCount).toBe(await countOpenReports({ actor: admin }));
    expect(page.openCount).toBeGreaterThanOrEqual(page.openGptCount + 2);
  });

  it("[MODERATION]: unlisting needs a reason of at least 10 characters the creator will see", async () => {
    const { gpt, admin } = await createReportedGpt();
    const short = await expectAppError(
      moderateGpt({ actor: admin, gptId: gpt.id, input: { action: "unlist", reason: "spam" } }),
      "bad_request",
    );
    expect(short.fieldErrors?.reason?.[0]).toMatch(/at least 10 characters/);
    await expectAppError(
      moderateGpt({ actor: admin, gptId: gpt.id, input: { action: "remove" } as never }),
      "bad_request",
    );
    expect(await gptStatus(gpt.id)).toBe("ACTIVE");
    expect(await prisma.report.count({ where: { gptId: gpt.id, status: "OPEN" } })).toBe(2);
    expect(await prisma.moderationDecision.count({ where: { gptId: gpt.id } })).toBe(0);
  });

  it("[MODERATION]: unlist closes every open report, records the decision, notifies the creator with the reason and is audited", async () => {
    const { gpt, admin, owner, reportIds } = await createReportedGpt();
    const result = await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "unlist", reason: `  ${UNLIST_REASON}  ` },
    });
    expect(result.closedReportIds.sort()).toEqual([...reportIds].sort());
    expect(await gptStatus(gpt.id)).toBe("UNLISTED");
    expect(await isListed(gpt.id)).toBe(false);
    const reports = await prisma.report.findMany({ where: { gptId: gpt.id } });
    expect(reports.every((row) => row.status === "UNLISTED" && row.resolvedById === admin.id)).toBe(
      true,
    );

    const decision = await prisma.moderationDecision.findUniqueOrThrow({
      where: { id: result.decisionId ?? "" },
    });
    expect(decision).toMatchObject({
      gptId: gpt.id,
      kind: "UNLIST",
      reason: UNLIST_REASON,
      decidedById: admin.id,
    });

    const [notice] = await notificationsOf(owner.id, "gpt.unlisted");
    expect(notice.body).toContain(UNLIST_REASON);
    expect(notice.href).toBe(`/gpts/${gpt.id}/edit`);
    const email = await lastEmailTo(owner.email, "notification");
    expect(email?.text).toContain(UNLIST_REASON);

    const audit = await prisma.auditLog.findMany({
      where: { action: "report.unlist", targetId: gpt.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id });
    expect(audit[0].data).toMatchObject({ decisionId: decision.id, reason: UNLIST_REASON });

    // The Closed view keeps the outcome and the decision.
    const closed = await listReportGroups({ actor: admin, filter: "closed" });
    const row = closed.groups.find((group) => group.gpt.id === gpt.id);
    expect(row).toMatchObject({
      reportCount: 2,
      openCount: 0,
      gpt: { status: "UNLISTED" },
      latestDecision: { kind: "UNLIST", reason: UNLIST_REASON },
    });
    const open = await listReportGroups({ actor: admin, filter: "open" });
    expect(open.groups.some((group) => group.gpt.id === gpt.id)).toBe(false);
  });

  it("[MODERATION]: each reporter hears what came of their report once, without the reason meant for the creator", async () => {
    const { gpt, admin, reporters, reportIds } = await createReportedGpt({ reporterCount: 3 });
    await resolveReport({ actor: admin, reportId: reportIds[0], input: { action: "dismiss" } });
    const [dismissed] = await notificationsOf(reporters[0].id, "report.resolved");
    expect(dismissed.body).toMatch(/found nothing against the store's rules/);

    await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "unlist", reason: UNLIST_REASON },
    });
    for (const reporter of reporters.slice(1)) {
      const notices = await notificationsOf(reporter.id, "report.resolved");
      expect(notices).toHaveLength(1);
      expect(notices[0].body).toMatch(/took it out of the store/);
      expect(notices[0].body).not.toContain(UNLIST_REASON);
    }
    // The first reporter's report was already closed: the unlisting tells them nothing more.
    expect(await notificationsOf(reporters[0].id, "report.resolved")).toHaveLength(1);
    // Restoring closes no report and tells no reporter.
    await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "restore", reason: UNLIST_REASON },
    });
    expect(
      await prisma.notification.count({
        where: { kind: "report.resolved", userId: { in: reporters.map((r) => r.id) } },
      }),
    ).toBe(3);
  });

  it("[MODERATION]: two moderators unlisting and removing one GPT at once: one wins, the other gets a 409", async () => {
    const { gpt, admin } = await createReportedGpt();
    const moderator = await createActor({ role: "MODERATOR" });
    // Both saw it ACTIVE in the queue.
    const outcomes = await Promise.allSettled([
      moderateGpt({
        actor: admin,
        gptId: gpt.id,
        input: { action: "remove", reason: UNLIST_REASON, expectedStatus: "ACTIVE" },
      }),
      moderateGpt({
        actor: moderator,
        gptId: gpt.id,
        input: { action: "unlist", reason: UNLIST_REASON, expectedStatus: "ACTIVE" },
      }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await prisma.report.count({ where: { gptId: gpt.id, status: "OPEN" } })).toBe(0);
    // Unlisting twice is a 409 too.
    const again = await createReportedGpt();
    await moderateGpt({
      actor: admin,
      gptId: again.gpt.id,
      input: { action: "unlist", reason: UNLIST_REASON },
    });
    await expectAppError(
      moderateGpt({
        actor: moderator,
        gptId: again.gpt.id,
        input: { action: "unlist", reason: UNLIST_REASON },
      }),
      "conflict",
    );
  });

  it("[MODERATION]: dismiss all closes every open report without a decision; one report can still be dismissed alone", async () => {
    const { gpt, admin, owner, reportIds } = await createReportedGpt({ reporterCount: 3 });
    await resolveReport({ actor: admin, reportId: reportIds[0], input: { action: "dismiss" } });
    expect(await prisma.report.count({ where: { gptId: gpt.id, status: "OPEN" } })).toBe(2);

    const result = await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "dismiss", reason: "Satire, allowed." },
    });
    expect(result.closedReportIds).toHaveLength(2);
    expect(result.decisionId).toBeNull();
    expect(await prisma.report.count({ where: { gptId: gpt.id, status: "DISMISSED" } })).toBe(3);
    expect(await gptStatus(gpt.id)).toBe("ACTIVE");
    expect(await prisma.moderationDecision.count({ where: { gptId: gpt.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: owner.id } })).toBe(0);
    expect(
      await prisma.auditLog.count({ where: { action: "report.dismiss-all", targetId: gpt.id } }),
    ).toBe(1);
    await expectAppError(
      moderateGpt({ actor: admin, gptId: gpt.id, input: { action: "dismiss" } }),
      "conflict",
    );
  });

  it("[MODERATION]: restore puts an unlisted or removed GPT back in the store with a decision and a notification", async () => {
    const { gpt, admin, owner } = await createReportedGpt();
    await expectAppError(
      moderateGpt({
        actor: admin,
        gptId: gpt.id,
        input: { action: "restore", reason: UNLIST_REASON },
      }),
      "conflict",
    );
    await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "remove", reason: UNLIST_REASON },
    });
    const reason = "The creator fixed the starters; nothing else was wrong.";
    const result = await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "restore", reason },
    });
    expect(result.closedReportIds).toEqual([]);
    expect(await gptStatus(gpt.id)).toBe("ACTIVE");
    expect(await isListed(gpt.id)).toBe(true);
    const decisions = await prisma.moderationDecision.findMany({
      where: { gptId: gpt.id },
      orderBy: { createdAt: "asc" },
    });
    expect(decisions.map((row) => row.kind)).toEqual(["REMOVE", "RESTORE"]);
    const [notice] = await notificationsOf(owner.id, "gpt.restored");
    expect(notice.body).toContain(reason);
    expect(
      await prisma.auditLog.count({ where: { action: "gpt.restore", targetId: gpt.id } }),
    ).toBe(1);
    // A moderator (not only an admin) may act; a user may not.
    const user = await createActor();
    await expectAppError(
      moderateGpt({
        actor: user,
        gptId: gpt.id,
        input: { action: "unlist", reason: UNLIST_REASON },
      }),
      "forbidden",
    );
  });

  it("[MODERATION]: the routes: 401 signed out, 403 for users, 400 without a reason, 200 for a moderator", async () => {
    const { gpt } = await createReportedGpt();
    const moderator = await createActor({ role: "MODERATOR" });
    const user = await createActor();
    const post = (body: unknown) =>
      moderateRoute(appRequest("/api/test", { method: "POST", body }), segment({ gptId: gpt.id }));
    const list = () => listRoute(appRequest("/api/admin/reports?status=open"), segment({}));

    expect((await post({ action: "unlist", reason: UNLIST_REASON })).status).toBe(401);
    setSessionActor(user);
    expect((await post({ action: "unlist", reason: UNLIST_REASON })).status).toBe(403);
    expect((await list()).status).toBe(403);
    setSessionActor(moderator);
    const missing = await post({ action: "unlist" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fieldErrors.reason).toBeDefined();
    const listed = await (await list()).json();
    expect(listed.groups.some((group: { gpt: { id: string } }) => group.gpt.id === gpt.id)).toBe(
      true,
    );
    const done = await post({ action: "unlist", reason: UNLIST_REASON });
    expect(done.status).toBe(200);
    expect((await done.json()).result).toMatchObject({ action: "unlist", gptId: gpt.id });
    const twice = await post({ action: "unlist", reason: UNLIST_REASON });
    expect(twice.status).toBe(409);
  });
});

describe("[MODERATION]: reporting still works beside the grouped queue", () => {
  it("[MODERATION]: a new report after an unlisting opens a new row for the GPT", async () => {
    const { gpt, admin } = await createReportedGpt({ reporterCount: 1 });
    await moderateGpt({
      actor: admin,
      gptId: gpt.id,
      input: { action: "unlist", reason: UNLIST_REASON },
    });
    const late = await createActor();
    await reportGpt({
      actor: late,
      gptId: gpt.id,
      input: { reason: "OTHER", details: "Still bad" },
    });
    const open = await listReportGroups({ actor: admin, filter: "open" });
    expect(open.groups.find((group) => group.gpt.id === gpt.id)).toMatchObject({
      openCount: 1,
      gpt: { status: "UNLISTED" },
      latestDecision: { kind: "UNLIST" },
    });
  });
});
