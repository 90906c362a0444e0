import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as closeRoute } from "@/app/api/admin/earnings/close/route";
import { POST as holdRoute } from "@/app/api/admin/earnings/holds/[id]/route";
import { GET as monthRoute } from "@/app/api/admin/earnings/months/[month]/route";
import { POST as payoutsRoute } from "@/app/api/admin/earnings/payouts/route";
import { GET as adminEarningsRoute } from "@/app/api/admin/earnings/route";
import {
  GET as getSettingsRoute,
  PUT as putSettingsRoute,
} from "@/app/api/admin/earnings/settings/route";
import { GET as earningsRoute } from "@/app/api/creator/earnings/route";
import { GET as statementRoute } from "@/app/api/creator/earnings/statements/[month]/route";
import { POST as onboardingRoute } from "@/app/api/creator/payout-account/onboarding/route";
import { POST as refreshRoute } from "@/app/api/creator/payout-account/refresh/route";
import type { Actor } from "@/lib/auth/session";
import { configureStripeForTests } from "@/lib/billing/stripe";
import { prisma } from "@/lib/db";
import { type BillingHarness, startBillingHarness } from "../../support/billing";
import { createActor } from "../../support/factories";
import {
  addAnswers,
  bookSubscriptionPayment,
  createGptRow,
  createUser,
} from "../../support/payouts";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

const none = segment({});

let billing: BillingHarness;
let admin: Actor;
let creator: Actor;
let otherCreator: Actor;

beforeAll(async () => {
  billing = await startBillingHarness();
  admin = await createActor({ role: "ADMIN" });
  creator = await createActor();
  otherCreator = await createActor();
  const gpt = await createGptRow(creator.id, "Chef");
  const user = await createUser();
  await bookSubscriptionPayment({
    userId: user.id,
    at: new Date("2010-04-02T10:00:00Z"),
    cents: 2000,
    feeCents: 88,
  });
  await addAnswers({
    userId: user.id,
    gptId: gpt.id,
    creatorId: creator.id,
    at: new Date("2010-04-03T10:00:00Z"),
    count: 4,
  });
});

afterAll(async () => {
  await billing?.close();
});

/** Every route of the feature, as [name, call] pairs, for the authorization matrix. */
const creatorRoutes = [
  ["GET /api/creator/earnings", () => earningsRoute(appRequest("/api/creator/earnings"), none)],
  [
    "GET statement",
    () =>
      statementRoute(
        appRequest("/api/creator/earnings/statements/2010-04"),
        segment({ month: "2010-04" }),
      ),
  ],
  [
    "POST onboarding",
    () =>
      onboardingRoute(
        appRequest("/api/creator/payout-account/onboarding", { method: "POST" }),
        none,
      ),
  ],
  [
    "POST refresh",
    () => refreshRoute(appRequest("/api/creator/payout-account/refresh", { method: "POST" }), none),
  ],
] as const;
const adminRoutes = [
  ["GET /api/admin/earnings", () => adminEarningsRoute(appRequest("/api/admin/earnings"), none)],
  [
    "GET month",
    () =>
      monthRoute(appRequest("/api/admin/earnings/months/2010-04"), segment({ month: "2010-04" })),
  ],
  [
    "POST close",
    () =>
      closeRoute(
        appRequest("/api/admin/earnings/close", { method: "POST", body: { month: "2010-04" } }),
        none,
      ),
  ],
  [
    "POST payouts",
    () => payoutsRoute(appRequest("/api/admin/earnings/payouts", { method: "POST" }), none),
  ],
  [
    "POST hold",
    () =>
      holdRoute(
        appRequest("/api/admin/earnings/holds/x", {
          method: "POST",
          body: { decision: "release" },
        }),
        segment({ id: "x" }),
      ),
  ],
  ["GET settings", () => getSettingsRoute(appRequest("/api/admin/earnings/settings"), none)],
  [
    "PUT settings",
    () =>
      putSettingsRoute(
        appRequest("/api/admin/earnings/settings", { method: "PUT", body: {} }),
        none,
      ),
  ],
] as const;

describe("[PAYOUTS]: the earnings API", () => {
  it("refuses signed-out callers with 401 everywhere, and non-admins with 403 on every admin route", async () => {
    setSessionActor(null);
    for (const [name, call] of [...creatorRoutes, ...adminRoutes]) {
      expect((await call()).status, name).toBe(401);
    }
    setSessionActor(creator);
    for (const [name, call] of adminRoutes) expect((await call()).status, name).toBe(403);
  });

  it("an admin previews a month, closes it once, and the creator reads its statement; another creator gets 404", async () => {
    setSessionActor(admin);
    const preview = await (
      await monthRoute(
        appRequest("/api/admin/earnings/months/2010-04"),
        segment({ month: "2010-04" }),
      )
    ).json();
    expect(preview).toMatchObject({
      status: "open",
      poolMicros: "9560000",
      allocatedMicros: "9560000",
    });
    expect(preview.creators).toEqual([
      expect.objectContaining({ creatorId: creator.id, earnedMicros: "9560000" }),
    ]);
    const closed = await closeRoute(
      appRequest("/api/admin/earnings/close", { method: "POST", body: { month: "2010-04" } }),
      none,
    );
    expect((await closed.json()).results).toContainEqual({ month: "2010-04", status: "closed" });
    const again = await closeRoute(
      appRequest("/api/admin/earnings/close", { method: "POST", body: { month: "2010-04" } }),
      none,
    );
    expect((await again.json()).results).not.toContainEqual({ month: "2010-04", status: "closed" });
    const month = await (
      await monthRoute(
        appRequest("/api/admin/earnings/months/2010-04"),
        segment({ month: "2010-04" }),
      )
    ).json();
    expect(month).toMatchObject({ status: "closed", closedBy: admin.name, poolMicros: "9560000" });

    setSessionActor(creator);
    const earnings = await (await earningsRoute(appRequest("/api/creator/earnings"), none)).json();
    expect(earnings.statements).toEqual([
      expect.objectContaining({ month: "2010-04", earnedMicros: "9560000" }),
    ]);
    expect(earnings.payoutAccount).toEqual({ status: "none", requirementsDue: [] });
    const statement = await statementRoute(
      appRequest("/api/creator/earnings/statements/2010-04"),
      segment({ month: "2010-04" }),
    );
    expect(await statement.json()).toMatchObject({
      lines: [
        {
          gptName: "Chef",
          day: "2010-04-03",
          engagedAnswers: 4,
          payingUsers: 1,
          amountMicros: "9560000",
        },
      ],
    });
    const csv = await statementRoute(
      appRequest("/api/creator/earnings/statements/2010-04?format=csv"),
      segment({ month: "2010-04" }),
    );
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("2010-04-03,");

    setSessionActor(otherCreator);
    const foreign = await statementRoute(
      appRequest("/api/creator/earnings/statements/2010-04"),
      segment({ month: "2010-04" }),
    );
    expect(foreign.status).toBe(404);
    const theirs = await (await earningsRoute(appRequest("/api/creator/earnings"), none)).json();
    expect(theirs.statements).toEqual([]);
    expect(theirs.balanceMicros).toBe("0");
  });

  it("refuses to close a month that has not ended, and a month that does not parse", async () => {
    setSessionActor(admin);
    const future = await closeRoute(
      appRequest("/api/admin/earnings/close", { method: "POST", body: { month: "2999-01" } }),
      none,
    );
    expect(future.status).toBe(409);
    const bad = await closeRoute(
      appRequest("/api/admin/earnings/close", { method: "POST", body: { month: "April" } }),
      none,
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.month).toEqual(["Choose a month (YYYY-MM)."]);
  });

  it("saves the payout settings with each bad value named at its field, and audits the change", async () => {
    setSessionActor(admin);
    const bad = await putSettingsRoute(
      appRequest("/api/admin/earnings/settings", {
        method: "PUT",
        body: {
          creatorSharePercent: "120",
          engagedAnswersDailyCap: "0",
          payoutThreshold: "10.005",
          payoutHoldingDays: "7",
        },
      }),
      none,
    );
    expect(bad.status).toBe(400);
    const { fieldErrors } = (await bad.json()).error;
    expect(Object.keys(fieldErrors).sort()).toEqual([
      "creatorSharePercent",
      "engagedAnswersDailyCap",
      "payoutThreshold",
    ]);
    const good = await putSettingsRoute(
      appRequest("/api/admin/earnings/settings", {
        method: "PUT",
        body: {
          creatorSharePercent: "60",
          engagedAnswersDailyCap: "5",
          payoutThreshold: "25",
          payoutHoldingDays: "14",
        },
      }),
      none,
    );
    expect((await good.json()).settings).toEqual({
      creatorSharePercent: 60,
      engagedAnswersDailyCap: 5,
      payoutThreshold: "25.00",
      payoutHoldingDays: 14,
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "payout-settings.update", actorId: admin.id },
      }),
    ).toBe(1);
  });

  it("is a 404 for creators when billing is not set up", async () => {
    configureStripeForTests({});
    try {
      setSessionActor(creator);
      expect((await earningsRoute(appRequest("/api/creator/earnings"), none)).status).toBe(404);
      expect(
        (
          await onboardingRoute(
            appRequest("/api/creator/payout-account/onboarding", { method: "POST" }),
            none,
          )
        ).status,
      ).toBe(404);
    } finally {
      configureStripeForTests({
        secretKey: billing.fake.secretKey,
        webhookSecret: billing.fake.webhookSecret,
        apiUrl: billing.fake.url,
      });
    }
  });
});
