import { beforeAll, describe, expect, it, vi } from "vitest";
import { PUT as putPlan } from "@/app/api/admin/billing/plans/[id]/route";
import { POST as createPlan, GET as listAdminPlans } from "@/app/api/admin/billing/plans/route";
import { GET as listPlans } from "@/app/api/billing/plans/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const freePlanInput = {
  name: "Free",
  description: "Try every GPT.",
  monthlyPrice: "0",
  yearlyPrice: "",
  dailyMessages: "40",
  monthlyMessages: "600",
  allowsPremiumModels: false,
  knowledgeMaxMb: "100",
  maxPublicGpts: "2",
  hasApiAccess: false,
};

let admin: Actor;
let user: Actor;

beforeAll(async () => {
  admin = await createActor({ role: "ADMIN" });
  user = await createActor();
});

describe("plans without Stripe (billing off)", () => {
  it("offers the Free plan alone, created by the migration with the instance's daily allowance", async () => {
    setSessionActor(null);
    const response = await listPlans(appRequest("/api/admin/billing/plans"), segment({}));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.isBillingEnabled).toBe(false);
    expect(body.plans).toHaveLength(1);
    expect(body.plans[0]).toMatchObject({ id: "free", isFree: true, dailyMessages: 500 });
  });

  it("lets an admin change the Free plan's allowances, and only an admin", async () => {
    setSessionActor(user);
    expect(
      (
        await putPlan(
          appRequest("/api/admin/billing/plans", { method: "PUT", body: freePlanInput }),
          segment({ id: "free" }),
        )
      ).status,
    ).toBe(403);
    setSessionActor(null);
    expect(
      (
        await putPlan(
          appRequest("/api/admin/billing/plans", { method: "PUT", body: freePlanInput }),
          segment({ id: "free" }),
        )
      ).status,
    ).toBe(401);
    expect((await listAdminPlans(appRequest("/api/admin/billing/plans"), segment({}))).status).toBe(
      401,
    );

    setSessionActor(admin);
    const response = await putPlan(
      appRequest("/api/admin/billing/plans", { method: "PUT", body: freePlanInput }),
      segment({ id: "free" }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).plan).toMatchObject({
      dailyMessages: 40,
      monthlyMessages: 600,
      maxPublicGpts: 2,
    });
    const audit = await prisma.auditLog.findFirst({ where: { action: "plan.update" } });
    expect(audit?.actorId).toBe(admin.id);
  });

  it("refuses a price, archiving or premium models for the Free plan, with the field that is wrong", async () => {
    setSessionActor(admin);
    const priced = await putPlan(
      appRequest("/api/admin/billing/plans", {
        method: "PUT",
        body: { ...freePlanInput, monthlyPrice: "5" },
      }),
      segment({ id: "free" }),
    );
    expect(priced.status).toBe(400);
    expect((await priced.json()).error.fieldErrors.monthlyPrice).toEqual([
      "The Free plan is always free.",
    ]);
    const archived = await putPlan(
      appRequest("/api/admin/billing/plans", {
        method: "PUT",
        body: { ...freePlanInput, isArchived: true },
      }),
      segment({ id: "free" }),
    );
    expect(archived.status).toBe(400);
    expect((await archived.json()).error.fieldErrors.isArchived).toBeDefined();
    const premium = await putPlan(
      appRequest("/api/admin/billing/plans", {
        method: "PUT",
        body: { ...freePlanInput, allowsPremiumModels: true },
      }),
      segment({ id: "free" }),
    );
    expect(premium.status).toBe(400);
    expect((await premium.json()).error.fieldErrors.allowsPremiumModels[0]).toContain(
      "Premium models are for paid plans",
    );
  });

  it("refuses a paid plan until Stripe is configured, writing nothing", async () => {
    setSessionActor(admin);
    const response = await createPlan(
      appRequest("/api/admin/billing/plans", {
        method: "POST",
        body: { ...freePlanInput, name: "Pro", monthlyPrice: "20" },
      }),
      segment({}),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/Paid plans need Stripe/);
    expect(await prisma.plan.count({ where: { name: "Pro" } })).toBe(0);
  });

  it("reads prices in dollars and refuses fractions of a cent or nonsense", async () => {
    setSessionActor(admin);
    const response = await createPlan(
      appRequest("/api/admin/billing/plans", {
        method: "POST",
        body: {
          ...freePlanInput,
          name: "Pro",
          monthlyPrice: "19.999",
          dailyMessages: "x",
        },
      }),
      segment({}),
    );
    expect(response.status).toBe(400);
    const { fieldErrors } = (await response.json()).error;
    expect(fieldErrors.monthlyPrice).toEqual(["Use whole cents, e.g. 19.99."]);
    expect(fieldErrors.dailyMessages).toEqual(["Enter a whole number of messages."]);
  });
});
