import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { addDailySpend } from "@/lib/limits/add-daily-spend";
import { getChatLimits } from "@/lib/limits/chat-limits";
import { getInstanceSpendTodayForAdmin } from "@/lib/limits/queries";
import {
  getInstanceSettingsForAdmin,
  updateInstanceSettings,
} from "@/lib/settings/update-instance-settings";
import { expectAppError } from "../../support/app-error";
import { createActor, setChatLimitSettings } from "../../support/factories";
import { setSessionActor } from "../../support/session-stub";
import {
  defaultSettingsView,
  getSettingsRoute,
  putSettingsRoute,
} from "../../support/settings-api";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let admin: Actor;
let user: Actor;

const chatLimits = {
  chatBurstMessages: 4,
  chatMessagesPerMinute: 12,
  chatDailyMessages: 0,
  gptDailySpendCapDollars: "2.5",
  instanceDailySpendCapDollars: "$1,000.000001",
};

beforeAll(async () => {
  admin = await createActor({ role: "ADMIN" });
  user = await createActor();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("[LIMITS]: chat limits are set in Admin → Settings", () => {
  it("defaults: 10 at once, 20 a minute, 500 a day, $20 per GPT and $100 for the instance", async () => {
    expect(await getInstanceSettingsForAdmin({ actor: admin })).toMatchObject({
      chatBurstMessages: 10,
      chatMessagesPerMinute: 20,
      chatDailyMessages: 500,
      gptDailySpendCapDollars: "20.00",
      instanceDailySpendCapDollars: "100.00",
    });
    expect(await getChatLimits()).toEqual({
      burstMessages: 10,
      messagesPerMinute: 20,
      pastDueGraceDays: 7,
      creditPricePercent: 130,
      gptDailySpendCapMicros: 20_000_000,
      instanceDailySpendCapMicros: 100_000_000,
    });
    // The daily allowance is the Free plan's.
    expect((await prisma.plan.findUniqueOrThrow({ where: { id: "free" } })).dailyMessages).toBe(
      500,
    );
  });

  it("PUT saves dollars as exact micro-dollars, is audited, and the next message uses the new limits", async () => {
    setSessionActor(admin);
    await getChatLimits(); // Cached before the save: the save must clear it.
    const response = await putSettingsRoute({ ...defaultSettingsView, ...chatLimits });
    expect(response.status).toBe(200);
    const saved = {
      ...chatLimits,
      gptDailySpendCapDollars: "2.50",
      instanceDailySpendCapDollars: "1000.000001",
    };
    expect((await response.json()).settings).toEqual({ ...defaultSettingsView, ...saved });
    const row = await prisma.instanceSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.gptDailySpendCapMicros).toBe(2_500_000n);
    expect(row.instanceDailySpendCapMicros).toBe(1_000_000_001n);
    expect(await getChatLimits()).toEqual({
      burstMessages: 4,
      messagesPerMinute: 12,
      pastDueGraceDays: 7,
      creditPricePercent: 130,
      gptDailySpendCapMicros: 2_500_000,
      instanceDailySpendCapMicros: 1_000_000_001,
    });
    expect((await prisma.plan.findUniqueOrThrow({ where: { id: "free" } })).dailyMessages).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "settings.update", actorId: admin.id },
      orderBy: { createdAt: "desc" },
    });
    expect((audit.data as { after: unknown }).after).toMatchObject(saved);
    expect((audit.data as { before: unknown }).before).toMatchObject({
      chatBurstMessages: 10,
      gptDailySpendCapDollars: "20.00",
    });
    // What GET returns, PUT accepts unchanged (the form's round trip).
    const current = (await (await getSettingsRoute()).json()).settings;
    expect((await putSettingsRoute(current)).status).toBe(200);
    expect(await prisma.instanceSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      gptDailySpendCapMicros: 2_500_000n,
      instanceDailySpendCapMicros: 1_000_000_001n,
    });
  });

  it("refuses out-of-range counts, negative amounts and sub-micro-dollar amounts, field by field", async () => {
    setSessionActor(admin);
    const response = await putSettingsRoute({
      ...defaultSettingsView,
      chatBurstMessages: 0,
      chatMessagesPerMinute: 10_001,
      chatDailyMessages: -1,
      gptDailySpendCapDollars: "-5",
      instanceDailySpendCapDollars: "0.0000001",
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.fieldErrors).toEqual({
      chatBurstMessages: ["Must be at least 1."],
      chatMessagesPerMinute: ["At most 10,000."],
      chatDailyMessages: ["Must be at least 0."],
      gptDailySpendCapDollars: ["Use 0 or more; 0 means no cap."],
      instanceDailySpendCapDollars: ["Use at most 6 decimal places (a micro-dollar)."],
    });
    const bad = await expectAppError(
      updateInstanceSettings({
        actor: admin,
        input: { ...defaultSettingsView, ...chatLimits, gptDailySpendCapDollars: "twenty" },
      }),
      "bad_request",
    );
    expect(bad.fieldErrors).toEqual({
      gptDailySpendCapDollars: ["Enter an amount in dollars, e.g. 20.00."],
    });
  });

  it("0 turns the daily allowance and the spend caps off", async () => {
    const view = await updateInstanceSettings({
      actor: admin,
      input: {
        ...defaultSettingsView,
        ...chatLimits,
        chatDailyMessages: 0,
        gptDailySpendCapDollars: "0",
        instanceDailySpendCapDollars: "0.00",
      },
    });
    expect(view).toMatchObject({
      gptDailySpendCapDollars: "0.00",
      instanceDailySpendCapDollars: "0.00",
    });
    expect(await getChatLimits()).toMatchObject({
      gptDailySpendCapMicros: 0,
      instanceDailySpendCapMicros: 0,
    });
    expect((await prisma.plan.findUniqueOrThrow({ where: { id: "free" } })).dailyMessages).toBe(0);
  });

  it("is for administrators only", async () => {
    setSessionActor(user);
    expect((await putSettingsRoute({ ...defaultSettingsView, ...chatLimits })).status).toBe(403);
    await expectAppError(getInstanceSpendTodayForAdmin({ actor: user }), "forbidden");
  });
});

describe("[LIMITS]: the limits are read from the database, cached briefly per process", () => {
  it("a change made by another process applies here within 5 seconds", async () => {
    await setChatLimitSettings({ chatBurstMessages: 4 });
    expect((await getChatLimits()).burstMessages).toBe(4);
    // Another process saves: this one's cache knows nothing of it.
    await prisma.instanceSettings.update({ where: { id: 1 }, data: { chatBurstMessages: 7 } });
    expect((await getChatLimits()).burstMessages).toBe(4);
    const start = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(start + 5_001);
    expect((await getChatLimits()).burstMessages).toBe(7);
  });

  it("concurrent turns share one settings read", async () => {
    await setChatLimitSettings({ chatBurstMessages: 7 });
    const read = vi.spyOn(prisma.instanceSettings, "findUnique");
    const limits = await Promise.all(Array.from({ length: 20 }, () => getChatLimits()));
    expect(new Set(limits.map((each) => each.burstMessages))).toEqual(new Set([7]));
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe("[LIMITS]: Admin → Settings shows today's instance spend beside its cap", () => {
  it("sums today's usage, not yesterday's", async () => {
    const now = new Date();
    const before = await getInstanceSpendTodayForAdmin({ actor: admin, now });
    await prisma.$transaction(async (tx) => {
      await addDailySpend(tx, { gptId: "gpt-a", costMicros: 1_250_000, at: now });
      await addDailySpend(tx, {
        gptId: "gpt-a",
        costMicros: 9_000_000,
        at: new Date(now.getTime() - 86_400_000),
      });
    });
    expect(await getInstanceSpendTodayForAdmin({ actor: admin, now })).toBe(before + 1_250_000);
  });
});
