import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getSettings, PUT as putSettings } from "@/app/api/admin/billing/settings/route";
import { GET as account } from "@/app/api/billing/account/route";
import { POST as confirm } from "@/app/api/billing/checkout/confirm/route";
import type { Actor } from "@/lib/auth/session";
import type { BillingAccount } from "@/lib/billing/account";
import { startCreditCheckout, startPlanCheckout } from "@/lib/billing/checkout";
import { planInputSchema } from "@/lib/billing/plan-schemas";
import { savePlan } from "@/lib/billing/plans";
import { prisma } from "@/lib/db";
import { getChatLimits } from "@/lib/limits/chat-limits";
import { type BillingHarness, startBillingHarness } from "../../support/billing";
import { createActor } from "../../support/factories";
import { expectLedgerBalanced } from "../../support/ledger";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let billing: BillingHarness;
let admin: Actor;
let planId: string;

beforeAll(async () => {
  billing = await startBillingHarness();
  admin = await createActor({ role: "ADMIN" });
  const plus = planInputSchema.parse({
    name: "Plus",
    monthlyPrice: "9",
    dailyMessages: "50",
    monthlyMessages: "0",
    knowledgeMaxMb: "2048",
    maxPublicGpts: "20",
  });
  planId = (await savePlan({ actor: admin, input: plus })).id;
});

afterAll(async () => {
  await billing?.close();
});

/** Pays a Checkout session on the fake's hosted page without following the redirect back. */
async function pay(url: string): Promise<string> {
  const paid = await fetch(`${url}/pay`, { method: "POST", redirect: "manual" });
  expect(paid.status).toBe(303);
  return new URL(paid.headers.get("location") ?? "").searchParams.get("session") ?? "";
}

describe("[BILLING]: Settings → Plan & billing's API", () => {
  it("GET /api/billing/account: 401 signed out; a user sees their own plan, usage, credits and the plans on offer", async () => {
    setSessionActor(null);
    expect((await account(appRequest("/api/billing/account"), segment({}))).status).toBe(401);
    const user = await createActor();
    setSessionActor(user);
    const response = await account(appRequest("/api/billing/account"), segment({}));
    expect(response.status).toBe(200);
    const body = (await response.json()) as BillingAccount;
    expect(body).toMatchObject({
      isBillingEnabled: true,
      plan: { id: "free", name: "Free" },
      subscription: null,
      credits: { balanceMicros: "0", heldMicros: "0", pricePercent: 130, recent: [] },
      hasBillingHistory: false,
    });
    expect(body.plans.map((plan) => plan.name)).toEqual(["Free", "Plus"]);
  });

  it("confirming a paid Checkout applies it at once, before any webhook; the webhook then changes nothing", async () => {
    billing.fake.hold(true);
    try {
      const user = await createActor();
      const { url } = await startPlanCheckout({ actor: user, planId, interval: "month" });
      const sessionId = await pay(url);
      setSessionActor(user);
      const response = await confirm(
        appRequest("/api/billing/checkout/confirm", { method: "POST", body: { sessionId } }),
        segment({}),
      );
      expect(await response.json()).toEqual({ status: "complete", kind: "plan" });
      const body = (await (
        await account(appRequest("/api/billing/account"), segment({}))
      ).json()) as BillingAccount;
      expect(body.plan.name).toBe("Plus");
      expect(body.subscription).toMatchObject({ status: "ACTIVE", cancelAtPeriodEnd: false });

      // A credit pack the same way; confirming twice and the late webhooks add nothing more.
      const pack = await startCreditCheckout({ actor: user, packCents: 500 });
      const packSession = await pay(pack.url);
      for (let i = 0; i < 2; i++) {
        await confirm(
          appRequest("/api/billing/checkout/confirm", {
            method: "POST",
            body: { sessionId: packSession },
          }),
          segment({}),
        );
      }
      await billing.fake.deliverHeld();
      await billing.fake.waitForIdle();
      const balance = await prisma.creditBalance.findUniqueOrThrow({ where: { userId: user.id } });
      expect(balance.balanceMicros).toBe(5_000_000n);
      expect(await prisma.subscription.count({ where: { userId: user.id } })).toBe(1);
      await expectLedgerBalanced();
    } finally {
      billing.fake.hold(false);
    }
  });

  it("another user's Checkout session is not found, and an unpaid one changes nothing", async () => {
    const owner = await createActor();
    const { url } = await startCreditCheckout({ actor: owner, packCents: 500 });
    const sessionId = url.split("/").at(-1) ?? "";
    setSessionActor(await createActor());
    const stranger = await confirm(
      appRequest("/api/billing/checkout/confirm", { method: "POST", body: { sessionId } }),
      segment({}),
    );
    expect(stranger.status).toBe(404);
    setSessionActor(owner);
    const open = await confirm(
      appRequest("/api/billing/checkout/confirm", { method: "POST", body: { sessionId } }),
      segment({}),
    );
    expect(await open.json()).toEqual({ status: "open", kind: "credits" });
    expect(await prisma.creditBalance.findUnique({ where: { userId: owner.id } })).toBeNull();
    const missing = await confirm(
      appRequest("/api/billing/checkout/confirm", {
        method: "POST",
        body: { sessionId: "cs_nope" },
      }),
      segment({}),
    );
    expect(missing.status).toBe(404);
  });
});

describe("[BILLING]: Admin → Billing's settings API", () => {
  it("only admins read or change the credit price, the packs and the grace period", async () => {
    setSessionActor(null);
    expect((await getSettings(appRequest("/api/admin/billing/settings"), segment({}))).status).toBe(
      401,
    );
    setSessionActor(await createActor());
    const put = appRequest("/api/admin/billing/settings", {
      method: "PUT",
      body: {
        creditPricePercent: 150,
        creditPacks: ["5"],
        pastDueGraceDays: 3,
      },
    });
    expect((await putSettings(put, segment({}))).status).toBe(403);
    setSessionActor(admin);
    const read = await getSettings(appRequest("/api/admin/billing/settings"), segment({}));
    expect(await read.json()).toEqual({
      settings: {
        creditPricePercent: 130,
        creditPacks: ["5.00", "10.00", "25.00"],
        pastDueGraceDays: 7,
      },
    });
  });

  it("each bad value is refused at its field and nothing is saved; a good save applies to the next message", async () => {
    setSessionActor(admin);
    const bad = await putSettings(
      appRequest("/api/admin/billing/settings", {
        method: "PUT",
        body: {
          creditPricePercent: 90,
          creditPacks: ["5", "0.10", "abc"],
          pastDueGraceDays: 61,
        },
      }),
      segment({}),
    );
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual([
      "creditPacks",
      "creditPricePercent",
      "pastDueGraceDays",
    ]);
    expect(error.fieldErrors.creditPricePercent[0]).toContain("At least 100 %");
    expect((await getChatLimits()).creditPricePercent).toBe(130);

    const good = await putSettings(
      appRequest("/api/admin/billing/settings", {
        method: "PUT",
        body: {
          creditPricePercent: "150",
          creditPacks: ["$20", "5", "5"],
          pastDueGraceDays: "3",
        },
      }),
      segment({}),
    );
    expect(await good.json()).toEqual({
      settings: { creditPricePercent: 150, creditPacks: ["5.00", "20.00"], pastDueGraceDays: 3 },
    });
    expect(await getChatLimits()).toMatchObject({ creditPricePercent: 150, pastDueGraceDays: 3 });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "billing-settings.update" },
    });
    expect(audit.actorId).toBe(admin.id);
  });
});
