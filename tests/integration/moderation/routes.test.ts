import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as resolveRoute } from "@/app/api/admin/reports/[id]/route";
import { GET as listRoute } from "@/app/api/admin/reports/route";
import { POST as reportRoute } from "@/app/api/gpts/[id]/reports/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createActor, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let owner: Actor;
let reporter: Actor;
let admin: Actor;
let gptId: string;

beforeEach(async () => {
  owner = await createActor();
  reporter = await createActor();
  admin = await createActor({ role: "ADMIN" });
  gptId = (await createPublishedGpt(owner)).id;
  setSessionActor(null);
});

async function report(
  actor: Actor | null,
  body: unknown = { reason: "SPAM", details: "Scam links" },
) {
  setSessionActor(actor);
  return reportRoute(appRequest("/api/test", { method: "POST", body }), segment({ id: gptId }));
}

describe("[REPORTS]: report routes", () => {
  it("POST /api/gpts/[id]/reports: 401 signed out, 403 own GPT, 200 then 409, 400 with messages", async () => {
    expect((await report(null)).status).toBe(401);
    expect((await report(owner)).status).toBe(403);
    const created = await report(reporter);
    expect(created.status).toBe(200);
    const again = await report(reporter);
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toBe(
      "You already reported this GPT; an admin will review it.",
    );
    const bad = await report(await createActor(), { reason: "SPAM", details: "" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.details).toEqual([
      "Tell us what is wrong with this GPT.",
    ]);
  });

  it("admin routes: 401 signed out, 403 for non-admins, work for admins", async () => {
    await report(reporter);
    const row = await prisma.report.findFirstOrThrow({ where: { gptId } });
    const list = () => listRoute(appRequest("/api/admin/reports?status=open"), segment({}));
    const resolve = () =>
      resolveRoute(
        appRequest("/api/test", {
          method: "POST",
          body: { action: "unlist", reason: "It sends people to a scam site." },
        }),
        segment({ id: row.id }),
      );

    setSessionActor(null);
    expect((await list()).status).toBe(401);
    expect((await resolve()).status).toBe(401);
    for (const actor of [reporter, owner]) {
      setSessionActor(actor);
      expect((await list()).status).toBe(403);
      expect((await resolve()).status).toBe(403);
    }
    expect(await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } })).toMatchObject({
      status: "ACTIVE",
    });

    setSessionActor(admin);
    const listed = await (await list()).json();
    expect(listed.openCount).toBeGreaterThanOrEqual(1);
    const group = listed.groups.find((entry: { gpt: { id: string } }) => entry.gpt.id === gptId);
    expect(group.reports.some((entry: { id: string }) => entry.id === row.id)).toBe(true);
    const bad = await resolveRoute(
      appRequest("/api/test", { method: "POST", body: { action: "ban" } }),
      segment({ id: row.id }),
    );
    expect(bad.status).toBe(400);
    const done = await resolve();
    expect(done.status).toBe(200);
    expect((await done.json()).result).toMatchObject({ action: "unlist", gptId });
    expect(await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } })).toMatchObject({
      status: "UNLISTED",
    });
  });
});
