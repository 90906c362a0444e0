import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { addDailySpend } from "@/lib/limits/add-daily-spend";
import { checkSpendCaps } from "@/lib/limits/check-spend-caps";
import { expectAppError } from "../../support/app-error";
import { limitsOf } from "./helpers";

const now = new Date("2026-12-06T21:30:00.000Z");
const yesterday = new Date("2026-12-05T23:59:59.000Z");
const day = new Date("2026-12-06T00:00:00.000Z");

/** A GPT id of its own per test: DailySpend scopes are plain strings, no GPT row is needed. */
const newGptId = () => `gpt-${randomUUID()}`;

function spend(gptId: string, costMicros: number, at = now) {
  return prisma.$transaction((tx) => addDailySpend(tx, { gptId, costMicros, at }));
}

async function spentToday(scope: string) {
  const row = await prisma.dailySpend.findUnique({ where: { scope_day: { scope, day } } });
  return row ? Number(row.costMicros) : null;
}

// The instance row is shared by every test in this file: each test reads it relative to before.
async function instanceToday() {
  return (await spentToday("instance")) ?? 0;
}

describe("[LIMITS]: per-GPT daily spend cap", () => {
  it("a GPT that reached its cap today is refused until midnight UTC; other GPTs still answer", async () => {
    const [capped, other] = [newGptId(), newGptId()];
    const limits = limitsOf({ gptDailySpendCapMicros: 1_000_000, instanceDailySpendCapMicros: 0 });
    await spend(capped, 600_000);
    await checkSpendCaps({ gptId: capped, limits, now });
    await spend(capped, 400_000);
    const error = await expectAppError(
      checkSpendCaps({ gptId: capped, gptName: "Recipe helper", limits, now }),
      "rate_limited",
    );
    expect(error.message).toBe(
      "Recipe helper has reached its usage limit for today. It can answer again at midnight UTC, in 2 h 30 min.",
    );
    expect(error.retryAfterSeconds).toBe(2.5 * 3600);
    expect(error.details).toEqual({ limit: "gpt_spend", resetsAt: "2026-12-07T00:00:00.000Z" });
    await checkSpendCaps({ gptId: other, limits, now });
  });

  it("spend is per UTC day: yesterday's does not count today", async () => {
    const gptId = newGptId();
    const limits = limitsOf({ gptDailySpendCapMicros: 1_000_000, instanceDailySpendCapMicros: 0 });
    await spend(gptId, 5_000_000, yesterday);
    await checkSpendCaps({ gptId, limits, now });
    await expectAppError(checkSpendCaps({ gptId, limits, now: yesterday }), "rate_limited");
  });

  it("a cap of 0 is no cap", async () => {
    const gptId = newGptId();
    await spend(gptId, 999_000_000);
    await checkSpendCaps({
      gptId,
      limits: limitsOf({ gptDailySpendCapMicros: 0, instanceDailySpendCapMicros: 0 }),
      now,
    });
  });
});

describe("[LIMITS]: instance-wide daily spend cap", () => {
  it("the instance at its cap refuses every GPT until midnight UTC", async () => {
    const [first, second] = [newGptId(), newGptId()];
    await spend(first, 2_000_000);
    const limits = limitsOf({
      gptDailySpendCapMicros: 0,
      instanceDailySpendCapMicros: await instanceToday(),
    });
    for (const gptId of [first, second]) {
      const error = await expectAppError(checkSpendCaps({ gptId, limits, now }), "rate_limited");
      expect(error.message).toBe(
        "This Atelier instance has reached its daily usage limit. Chats resume at midnight UTC, in 2 h 30 min.",
      );
      expect(error.details).toEqual({
        limit: "instance_spend",
        resetsAt: "2026-12-07T00:00:00.000Z",
      });
    }
    const roomLeft = { ...limits, instanceDailySpendCapMicros: (await instanceToday()) + 1 };
    await checkSpendCaps({ gptId: first, limits: roomLeft, now });
  });
});

describe("[LIMITS]: daily spend is added with the usage it comes from", () => {
  it("adds to the GPT's and the instance's totals for the day", async () => {
    const gptId = newGptId();
    const before = await instanceToday();
    await spend(gptId, 1_234);
    await spend(gptId, 66);
    expect(await spentToday(`gpt:${gptId}`)).toBe(1_300);
    expect(await instanceToday()).toBe(before + 1_300);
  });

  it("a free answer writes nothing", async () => {
    const gptId = newGptId();
    await spend(gptId, 0);
    expect(await spentToday(`gpt:${gptId}`)).toBeNull();
  });

  it("rolls back with the caller's transaction", async () => {
    const gptId = newGptId();
    const before = await instanceToday();
    await expect(
      prisma.$transaction(async (tx) => {
        await addDailySpend(tx, { gptId, costMicros: 500, at: now });
        throw new Error("usage event failed");
      }),
    ).rejects.toThrow("usage event failed");
    expect(await spentToday(`gpt:${gptId}`)).toBeNull();
    expect(await instanceToday()).toBe(before);
  });

  it("refuses fractional and negative costs (money is whole micro-dollars)", async () => {
    const gptId = newGptId();
    await expect(spend(gptId, 1.5)).rejects.toThrow(RangeError);
    await expect(spend(gptId, -1)).rejects.toThrow(RangeError);
  });

  it("40 concurrent transactions over 4 GPTs add up exactly, without deadlocks", async () => {
    const gptIds = Array.from({ length: 4 }, newGptId);
    const before = await instanceToday();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => spend(gptIds[i % 4], 1_000 + i)),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const expected = (g: number) =>
      Array.from({ length: 10 }, (_, k) => 1_000 + g + 4 * k).reduce((a, b) => a + b, 0);
    for (const [g, gptId] of gptIds.entries()) {
      expect(await spentToday(`gpt:${gptId}`)).toBe(expected(g));
    }
    expect(await instanceToday()).toBe(before + 40 * 1_000 + (39 * 40) / 2);
  });
});
