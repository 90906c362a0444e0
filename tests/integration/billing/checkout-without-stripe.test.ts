import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as checkout } from "@/app/api/billing/checkout/route";
import { POST as portal } from "@/app/api/billing/portal/route";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let user: Actor;

beforeAll(async () => {
  user = await createActor();
});

describe("checkout and portal without Stripe", () => {
  it("need a signed-in user", async () => {
    setSessionActor(null);
    expect(
      (
        await checkout(
          appRequest("/api/billing/checkout", { method: "POST", body: { planId: "free" } }),
          segment({}),
        )
      ).status,
    ).toBe(401);
    expect(
      (await portal(appRequest("/api/billing/portal", { method: "POST" }), segment({}))).status,
    ).toBe(401);
  });

  it("say billing is not set up, and create no Stripe customer", async () => {
    setSessionActor(user);
    const plan = await checkout(
      appRequest("/api/billing/checkout", {
        method: "POST",
        body: { planId: "free", interval: "month" },
      }),
      segment({}),
    );
    expect(plan.status).toBe(404);
    expect((await plan.json()).error.message).toBe("Billing is not set up on this instance.");
    expect(
      (
        await checkout(
          appRequest("/api/billing/checkout", { method: "POST", body: { packCents: 500 } }),
          segment({}),
        )
      ).status,
    ).toBe(404);
    expect(
      (await portal(appRequest("/api/billing/portal", { method: "POST" }), segment({}))).status,
    ).toBe(404);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.stripeCustomerId).toBeNull();
  });

  it("refuse a body that names neither a plan nor a credit pack", async () => {
    setSessionActor(user);
    expect(
      (
        await checkout(
          appRequest("/api/billing/checkout", { method: "POST", body: { packCents: -5 } }),
          segment({}),
        )
      ).status,
    ).toBe(400);
  });
});
