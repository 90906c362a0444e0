import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { REPORTS_PER_HOUR, reportGpt } from "@/lib/moderation/report-gpt";
import { listReportGroups } from "@/lib/moderation/report-queries";
import { resolveReport } from "@/lib/moderation/resolve-report";
import { listedInStoreWhere } from "@/lib/store/card";
import { expectAppError } from "../../support/app-error";
import { createActor, createPublishedGpt } from "../../support/factories";

const spam = { reason: "SPAM" as const, details: "It links to a scam site." };
const RULES = "It sends people to a scam site.";

async function setup() {
  const owner = await createActor();
  const gpt = await createPublishedGpt(owner);
  const reporter = await createActor();
  const admin = await createActor({ role: "ADMIN" });
  return { owner, gpt, reporter, admin };
}

async function isListed(gptId: string) {
  return (await prisma.gpt.count({ where: { id: gptId, ...listedInStoreWhere } })) === 1;
}

describe("[REPORTS]: reporting a GPT", () => {
  it("refuses empty and overlong details with clear messages", async () => {
    const { gpt, reporter } = await setup();
    const empty = await expectAppError(
      reportGpt({ actor: reporter, gptId: gpt.id, input: { reason: "SPAM", details: "   " } }),
      "bad_request",
    );
    expect(empty.fieldErrors?.details).toEqual(["Tell us what is wrong with this GPT."]);
    const long = await expectAppError(
      reportGpt({
        actor: reporter,
        gptId: gpt.id,
        input: { reason: "SPAM", details: "x".repeat(1001) },
      }),
      "bad_request",
    );
    expect(long.fieldErrors?.details).toEqual(["Keep the details under 1,000 characters."]);
    const reason = await expectAppError(
      reportGpt({
        actor: reporter,
        gptId: gpt.id,
        input: { reason: "BORING" as "SPAM", details: "x" },
      }),
      "bad_request",
    );
    expect(reason.fieldErrors?.reason).toEqual(["Choose a reason for your report."]);
    await reportGpt({
      actor: reporter,
      gptId: gpt.id,
      input: { reason: "OTHER", details: "x".repeat(1000) },
    });
  });

  it("allows one open report per user per GPT, and another once it is closed", async () => {
    const { gpt, reporter, admin } = await setup();
    const first = await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    const again = await expectAppError(
      reportGpt({ actor: reporter, gptId: gpt.id, input: spam }),
      "conflict",
    );
    expect(again.message).toBe("You already reported this GPT; an admin will review it.");
    await resolveReport({ actor: admin, reportId: first.id, input: { action: "dismiss" } });
    await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    expect(await prisma.report.count({ where: { gptId: gpt.id, reporterId: reporter.id } })).toBe(
      2,
    );
  });

  it("gives two simultaneous reports from one user one row and one 409", async () => {
    const { gpt, reporter } = await setup();
    const results = await Promise.allSettled([
      reportGpt({ actor: reporter, gptId: gpt.id, input: spam }),
      reportGpt({ actor: reporter, gptId: gpt.id, input: spam }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.report.count({ where: { gptId: gpt.id } })).toBe(1);
  });

  it("recognises the partial unique index refusing a second open report", async () => {
    const { gpt, reporter } = await setup();
    const row = { gptId: gpt.id, reporterId: reporter.id, ...spam };
    await prisma.report.create({ data: row });
    const error = await prisma.report.create({ data: row }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("connection reset"))).toBe(false);
  });

  it("refuses reporting one's own GPT and GPTs one cannot view", async () => {
    const { owner, gpt, reporter } = await setup();
    const own = await expectAppError(
      reportGpt({ actor: owner, gptId: gpt.id, input: spam }),
      "forbidden",
    );
    expect(own.message).toBe("You can't report your own GPT.");
    await prisma.gpt.update({ where: { id: gpt.id }, data: { visibility: "PRIVATE" } });
    await expectAppError(reportGpt({ actor: reporter, gptId: gpt.id, input: spam }), "not_found");
  });

  it("limits how many reports one user sends per hour", async () => {
    const { reporter } = await setup();
    const owner = await createActor();
    for (let index = 0; index < REPORTS_PER_HOUR; index += 1) {
      const gpt = await createPublishedGpt(owner, { name: `Spam ${index}` });
      await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    }
    const extra = await createPublishedGpt(owner, { name: "One more" });
    await expectAppError(
      reportGpt({ actor: reporter, gptId: extra.id, input: spam }),
      "rate_limited",
    );
  });
});

describe("[REPORTS]: the admin queue", () => {
  it("lists one row per GPT with its open reports, and closed ones under Closed", async () => {
    const { gpt, reporter, admin } = await setup();
    const other = await createActor();
    await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    const latest = await reportGpt({
      actor: other,
      gptId: gpt.id,
      input: { reason: "IMPERSONATION", details: "Copies another GPT" },
    });
    const open = await listReportGroups({ actor: admin, filter: "open" });
    const mine = open.groups.filter((group) => group.gpt.id === gpt.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ openCount: 2, gpt: { name: "Test GPT" } });
    expect(mine[0].reports[0]).toMatchObject({
      id: latest.id,
      reasonLabel: "Impersonation or clone",
    });

    await resolveReport({ actor: admin, reportId: latest.id, input: { action: "dismiss" } });
    const closed = await listReportGroups({ actor: admin, filter: "closed" });
    const closedGroup = closed.groups.find((group) => group.gpt.id === gpt.id);
    expect(closedGroup?.reports.map((row) => [row.id, row.status])).toEqual([
      [latest.id, "DISMISSED"],
    ]);
    expect(closedGroup?.openCount).toBe(1);
    await expectAppError(listReportGroups({ actor: reporter, filter: "open" }), "forbidden");
  });

  it("unlist takes the GPT out of the store but keeps its link, closing every open report", async () => {
    const { gpt, reporter, admin } = await setup();
    const other = await createActor();
    const first = await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    await reportGpt({ actor: other, gptId: gpt.id, input: spam });
    expect(await isListed(gpt.id)).toBe(true);

    const result = await resolveReport({
      actor: admin,
      reportId: first.id,
      input: { action: "unlist", reason: RULES },
    });
    expect(result.closedReportIds).toHaveLength(2);
    expect(await isListed(gpt.id)).toBe(false);
    expect(await getGptPage({ actor: null, slug: gpt.slug })).not.toBeNull();
    const reports = await prisma.report.findMany({ where: { gptId: gpt.id } });
    expect(
      reports.every(
        (row) => row.status === "UNLISTED" && row.resolvedById === admin.id && row.resolvedAt,
      ),
    ).toBe(true);
    const audit = await prisma.auditLog.findMany({
      where: { action: "report.unlist", targetId: gpt.id },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(admin.id);

    const twice = await expectAppError(
      resolveReport({
        actor: admin,
        reportId: first.id,
        input: { action: "remove", reason: RULES },
      }),
      "conflict",
    );
    expect(twice.message).toBe("This report was already closed by another moderator.");
  });

  it("remove makes the GPT a 404 for visitors and records who removed it", async () => {
    const { gpt, reporter, admin, owner } = await setup();
    const report = await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    await resolveReport({
      actor: admin,
      reportId: report.id,
      input: { action: "remove", reason: RULES },
    });
    expect(await getGptPage({ actor: null, slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: reporter, slug: gpt.slug })).toBeNull();
    expect(await getGptPage({ actor: owner, slug: gpt.slug })).not.toBeNull();
    expect(await prisma.report.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "REMOVED",
      resolvedById: admin.id,
    });
    expect(
      await prisma.auditLog.count({ where: { action: "report.remove", targetId: gpt.id } }),
    ).toBe(1);
  });

  it("two admins acting on two reports of one GPT at once: one action wins, the other is a 409", async () => {
    const { gpt, reporter, admin } = await setup();
    const other = await createActor();
    const secondAdmin = await createActor({ role: "ADMIN" });
    const first = await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    const second = await reportGpt({ actor: other, gptId: gpt.id, input: spam });

    const outcomes = await Promise.allSettled([
      resolveReport({
        actor: admin,
        reportId: first.id,
        input: { action: "remove", reason: RULES },
      }),
      resolveReport({
        actor: secondAdmin,
        reportId: second.id,
        input: { action: "unlist", reason: RULES },
      }),
    ]);
    const fulfilled = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const rejected = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await prisma.report.count({ where: { gptId: gpt.id, status: "OPEN" } })).toBe(0);
  });

  it("refuses to unlist a GPT that is already removed (that would bring it back by link)", async () => {
    const { gpt, reporter, admin } = await setup();
    const report = await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    // A report that arrived while another admin was removing the GPT.
    await prisma.gpt.update({ where: { id: gpt.id }, data: { status: "REMOVED" } });

    const refused = await expectAppError(
      resolveReport({
        actor: admin,
        reportId: report.id,
        input: { action: "unlist", reason: RULES },
      }),
      "conflict",
    );
    expect(refused.message).toMatch(/already removed/);
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).status).toBe("REMOVED");
    expect((await prisma.report.findUniqueOrThrow({ where: { id: report.id } })).status).toBe(
      "OPEN",
    );
  });

  it("dismiss closes only that report and leaves the GPT listed", async () => {
    const { gpt, reporter, admin } = await setup();
    const other = await createActor();
    const first = await reportGpt({ actor: reporter, gptId: gpt.id, input: spam });
    await reportGpt({ actor: other, gptId: gpt.id, input: spam });
    await resolveReport({ actor: admin, reportId: first.id, input: { action: "dismiss" } });
    expect(await prisma.report.count({ where: { gptId: gpt.id, status: "OPEN" } })).toBe(1);
    expect(await isListed(gpt.id)).toBe(true);
    expect(
      await prisma.auditLog.count({ where: { action: "report.dismiss", targetId: first.id } }),
    ).toBe(1);
    await expectAppError(
      resolveReport({
        actor: reporter,
        reportId: first.id,
        input: { action: "remove", reason: RULES },
      }),
      "forbidden",
    );
  });
});
