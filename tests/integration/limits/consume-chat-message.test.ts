import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { consumeChatMessage } from "@/lib/limits/consume-chat-message";
import { expectAppError } from "../../support/app-error";
import { createActor, createPublishedGpt } from "../../support/factories";
import { allowanceOf, consume, limitsOf, plus, setFreePlanAllowance } from "./helpers";

// Each test starts from the Free plan's default allowance (500 a day, no monthly cap).
beforeEach(() => setFreePlanAllowance({}));

const t0 = new Date("2026-12-06T18:48:00.000Z");

describe("[LIMITS]: per-user message rate (burst + per minute)", () => {
  it("a user over the burst is refused with the seconds until the next message", async () => {
    const user = await createActor();
    const limits = limitsOf({ burstMessages: 3, messagesPerMinute: 6 });
    for (let i = 0; i < 3; i++) await consume(user.id, limits, t0);
    const error = await expectAppError(consume(user.id, limits, plus(t0, 1)), "rate_limited");
    expect(error.message).toBe("You're sending messages too quickly. Try again in 9 seconds.");
    expect(error.retryAfterSeconds).toBe(9);
    expect(error.details).toEqual({ limit: "rate", resetsAt: plus(t0, 10).toISOString() });
  });

  it("the burst refills at the per-minute rate, up to the burst and no further", async () => {
    const user = await createActor();
    const limits = limitsOf({ burstMessages: 2, messagesPerMinute: 60 });
    await consume(user.id, limits, t0);
    await consume(user.id, limits, t0);
    await expectAppError(consume(user.id, limits, t0), "rate_limited");
    // Half a token is not a message; the wait is rounded up.
    const early = await expectAppError(consume(user.id, limits, plus(t0, 0.5)), "rate_limited");
    expect(early.retryAfterSeconds).toBe(1);
    expect(early.details?.resetsAt).toBe(plus(t0, 1).toISOString());
    await consume(user.id, limits, plus(t0, 1));
    await expectAppError(consume(user.id, limits, plus(t0, 1)), "rate_limited");
    // A long pause refills the whole burst, never more.
    const later = plus(t0, 600);
    await consume(user.id, limits, later);
    await consume(user.id, limits, later);
    await expectAppError(consume(user.id, limits, later), "rate_limited");
  });

  it("a third of a token three times over makes a whole message (no float drift)", async () => {
    const user = await createActor();
    const limits = limitsOf({ burstMessages: 1, messagesPerMinute: 20 });
    await consume(user.id, limits, t0);
    await consume(user.id, limits, plus(t0, 3));
    await consume(user.id, limits, plus(t0, 6));
    await expectAppError(consume(user.id, limits, plus(t0, 6)), "rate_limited");
  });

  it("a lowered burst applies at the next message, even to a full bucket", async () => {
    const user = await createActor();
    await consume(user.id, limitsOf({ burstMessages: 100 }), t0);
    const lowered = limitsOf({ burstMessages: 2, messagesPerMinute: 1 });
    await consume(user.id, lowered, plus(t0, 1));
    await consume(user.id, lowered, plus(t0, 1));
    await expectAppError(consume(user.id, lowered, plus(t0, 1)), "rate_limited");
  });

  it("another server's clock running a little behind never refills backwards", async () => {
    const user = await createActor();
    const limits = limitsOf({ burstMessages: 1, messagesPerMinute: 60 });
    await consume(user.id, limits, plus(t0, 5));
    await expectAppError(consume(user.id, limits, t0), "rate_limited");
    expect((await allowanceOf(user.id))?.refilledAt).toEqual(plus(t0, 5));
    await consume(user.id, limits, plus(t0, 6));
  });

  it("each user has their own allowance", async () => {
    const [first, second] = [await createActor(), await createActor()];
    const limits = limitsOf({ burstMessages: 1 });
    await consume(first.id, limits, t0);
    await expectAppError(consume(first.id, limits, t0), "rate_limited");
    await consume(second.id, limits, t0);
  });
});

describe("[LIMITS]: per-user daily message allowance", () => {
  it("a user who used today's messages is refused until midnight UTC, with the time left", async () => {
    const user = await createActor();
    await setFreePlanAllowance({ dailyMessages: 3 });
    const limits = limitsOf();
    for (let i = 0; i < 3; i++) await consume(user.id, limits, plus(t0, i * 60));
    const error = await expectAppError(consume(user.id, limits, t0), "rate_limited");
    expect(error.message).toBe(
      "You've used today's 3 messages on the Free plan. They renew at midnight UTC, in 5 h 12 min.",
    );
    expect(error.retryAfterSeconds).toBe(5 * 3600 + 12 * 60);
    expect(error.details).toEqual({
      limit: "daily",
      resetsAt: "2026-12-07T00:00:00.000Z",
      canUpgrade: false,
    });
  });

  it("the day resets at midnight UTC", async () => {
    const user = await createActor();
    await setFreePlanAllowance({ dailyMessages: 2 });
    const limits = limitsOf();
    await consume(user.id, limits, new Date("2026-12-06T23:59:00.000Z"));
    await consume(user.id, limits, new Date("2026-12-06T23:59:30.000Z"));
    await expectAppError(
      consume(user.id, limits, new Date("2026-12-06T23:59:59.000Z")),
      "rate_limited",
    );
    await consume(user.id, limits, new Date("2026-12-07T00:00:00.000Z"));
    const row = await allowanceOf(user.id);
    expect(row).toMatchObject({ day: new Date("2026-12-07T00:00:00.000Z"), dayCount: 1 });
  });

  it("when the rate and the daily allowance both refuse, it names the later reset: the day", async () => {
    const user = await createActor();
    await setFreePlanAllowance({ dailyMessages: 1 });
    const limits = limitsOf({ burstMessages: 1 });
    await consume(user.id, limits, t0);
    const error = await expectAppError(consume(user.id, limits, t0), "rate_limited");
    expect(error.details?.limit).toBe("daily");
  });

  it("a daily allowance of 0 is unlimited", async () => {
    const user = await createActor();
    await consume(user.id, limitsOf(), t0);
    await prisma.chatAllowance.update({
      where: { userId: user.id },
      data: { dayCount: 1_000_000 },
    });
    await setFreePlanAllowance({ dailyMessages: 0 });
    await consume(user.id, limitsOf(), t0);
    expect((await allowanceOf(user.id))?.dayCount).toBe(1_000_001);
  });
});

describe("[LIMITS]: a refused turn leaves nothing behind", () => {
  it("the allowance row is unchanged and the turn's own writes roll back", async () => {
    const user = await createActor();
    const gpt = await createPublishedGpt(await createActor());
    const limits = limitsOf({ burstMessages: 1, messagesPerMinute: 1 });
    await consume(user.id, limits, t0);
    const before = await allowanceOf(user.id);
    // The write-ahead transaction: the turn's rows, then the allowance (either order rolls back).
    const turn = prisma.$transaction(async (tx) => {
      await tx.conversation.create({ data: { userId: user.id, gptId: gpt.id } });
      await consumeChatMessage(tx, { userId: user.id, limits, now: plus(t0, 30) });
    });
    await expectAppError(turn, "rate_limited");
    expect(await allowanceOf(user.id)).toEqual(before);
    expect(await prisma.conversation.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a refused first message of a new user leaves no allowance row", async () => {
    const user = await createActor();
    await expectAppError(
      prisma.$transaction(async (tx) => {
        const limits = limitsOf({ burstMessages: 1 });
        await consumeChatMessage(tx, { userId: user.id, limits, now: t0 });
        await consumeChatMessage(tx, { userId: user.id, limits, now: t0 });
      }),
      "rate_limited",
    );
    expect(await allowanceOf(user.id)).toBeNull();
  });
});

describe("[LIMITS]: limits hold under concurrency", () => {
  it("30 concurrent messages of one user with a burst of 10: exactly 10 pass", async () => {
    const user = await createActor();
    const limits = limitsOf({ burstMessages: 10, messagesPerMinute: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => consume(user.id, limits, t0)),
    );
    const passed = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter(
      (result) => result.status === "rejected" && result.reason?.code === "rate_limited",
    );
    expect([passed.length, refused.length]).toEqual([10, 20]);
    expect(await allowanceOf(user.id)).toMatchObject({ tokens: 0, dayCount: 10 });
  });

  it("30 concurrent messages against a daily allowance of 7: exactly 7 pass", async () => {
    const user = await createActor();
    await setFreePlanAllowance({ dailyMessages: 7 });
    const limits = limitsOf({ burstMessages: 100 });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => consume(user.id, limits, t0)),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(7);
    expect((await allowanceOf(user.id))?.dayCount).toBe(7);
  });
});
