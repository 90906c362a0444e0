import { beforeAll, describe, expect, it } from "vitest";
import { getCreatorAnalytics } from "@/lib/analytics/queries";
import { DAILY_ROLLUP, refreshRollups } from "@/lib/analytics/refresh-rollups";
import { cohortsOf, returningUsers } from "@/lib/analytics/retention";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { jobDefinitions } from "@/lib/jobs/definitions";
import { createActor } from "../../support/factories";
import {
  actionCall,
  answer,
  conversation,
  createGptFor,
  daysAgo,
  expectedDailyStats,
  expectedUserDays,
  log,
  miss,
  review,
  storedRollups,
  thumb,
} from "./analytics-helpers";

// A fixed clock: "today" is 2026-11-20 (UTC); the 7-day view is Nov 14-20, the one before Nov 7-13.
const NOW = new Date("2026-11-20T15:00:00.000Z");
const ago = (days: number, hour?: number) => daysAgo(NOW, days, hour);

let creator: Actor;
let other: Actor;
let gpt1: { id: string; ownerId: string };
let gpt2: { id: string; ownerId: string };
let otherGpt: { id: string; ownerId: string };
const users: Record<"u1" | "u2" | "u3" | "u4" | "u5", string> = {
  u1: "",
  u2: "",
  u3: "",
  u4: "",
  u5: "",
};

beforeAll(async () => {
  creator = await createActor({ name: "Analytics creator" });
  other = await createActor({ name: "Another creator" });
  gpt1 = await createGptFor(creator, "Trip planner");
  gpt2 = await createGptFor(creator, "Packing list");
  otherGpt = await createGptFor(other, "Someone else's GPT");
  for (const key of Object.keys(users) as (keyof typeof users)[]) {
    users[key] = (await createActor({ name: key })).id;
  }
  const { u1, u2, u3, u4, u5 } = users;
  // u1: first came 10 days ago, back the next day and 7 days after.
  await conversation({ gptId: gpt1.id, userId: u1, at: ago(10) });
  await answer({ gpt: gpt1, userId: u1, at: ago(10) });
  await answer({ gpt: gpt1, userId: u1, at: ago(10, 11) });
  await answer({ gpt: gpt1, userId: u1, at: ago(9) });
  await answer({ gpt: gpt1, userId: u1, at: ago(3) });
  // u2: first came 8 days ago (GPT 1); the next day only to GPT 2; GPT 1 again a week later.
  await conversation({ gptId: gpt1.id, userId: u2, at: ago(8) });
  await answer({ gpt: gpt1, userId: u2, at: ago(8, 23) });
  await answer({ gpt: gpt2, userId: u2, at: ago(7, 0) });
  await answer({ gpt: gpt1, userId: u2, at: ago(1) });
  // u3: GPT 2, twice two days ago and once today.
  await conversation({ gptId: gpt2.id, userId: u3, at: ago(2) });
  await answer({ gpt: gpt2, userId: u3, at: ago(2) });
  await answer({ gpt: gpt2, userId: u3, at: ago(2, 12) });
  await answer({ gpt: gpt2, userId: u3, at: ago(0, 9) });
  // u4: the creator's own preview (excluded) and another creator's GPT (not this creator's).
  await conversation({ gptId: gpt1.id, userId: creator.id, at: ago(2), isPreview: true });
  await conversation({ gptId: gpt1.id, userId: creator.id, at: ago(2), isBuilder: true });
  await answer({ gpt: gpt1, userId: creator.id, at: ago(2), channel: "PREVIEW" });
  await conversation({ gptId: otherGpt.id, userId: u4, at: ago(2) });
  await answer({ gpt: otherGpt, userId: u4, at: ago(2) });
  // u5: through the API, today.
  await answer({ gpt: gpt1, userId: u5, at: ago(0, 8), channel: "API" });

  await thumb({ gptId: gpt1.id, userId: u1, at: ago(9), rating: "UP" });
  await thumb({ gptId: gpt1.id, userId: u2, at: ago(1), rating: "DOWN" });
  await thumb({ gptId: gpt2.id, userId: u3, at: ago(2), rating: "UP" });
  await thumb({ gptId: otherGpt.id, userId: u4, at: ago(2), rating: "UP" });
  await review({ gptId: gpt1.id, userId: u1, at: ago(3), rating: 5 });
  await review({ gptId: gpt2.id, userId: u3, at: ago(2), rating: 3 });
  await review({ gptId: otherGpt.id, userId: u4, at: ago(2), rating: 1 });

  await actionCall({ gptId: gpt1.id, at: ago(3), operation: "getWeather" });
  await actionCall({
    gptId: gpt1.id,
    at: ago(3, 12),
    operation: "getWeather",
    error: "The API answered 500 Internal Server Error.",
  });
  await actionCall({
    gptId: gpt1.id,
    at: ago(1),
    operation: "getWeather",
    error: "The API answered 503 Service Unavailable.",
  });
  await actionCall({
    gptId: gpt1.id,
    at: ago(3),
    operation: "getWeather",
    source: "PREVIEW",
    error: "x",
  });
  await actionCall({
    gptId: gpt1.id,
    at: ago(3),
    operation: "bookHotel",
    source: "TEST",
    error: "x",
  });

  await miss({
    gptId: gpt1.id,
    query: "What's the refund policy?",
    normalized: "whats the refund policy",
    at: ago(3),
  });
  await miss({
    gptId: gpt1.id,
    query: "whats the REFUND policy",
    normalized: "whats the refund policy",
    at: ago(1),
  });
  await miss({
    gptId: gpt2.id,
    query: "shipping to Mars",
    normalized: "shipping to mars",
    at: ago(2),
  });
  await miss({ gptId: gpt1.id, query: "old question", normalized: "old question", at: ago(20) });
});

describe("[ANALYTICS]: the daily rollups", () => {
  it("match the raw rows, previews and tests left out, every creator's GPTs included", async () => {
    const run = await refreshRollups({ now: NOW });
    expect(run.fromDay).toBeNull();
    const stored = await storedRollups();
    expect(Object.fromEntries(stored.stats)).toEqual(Object.fromEntries(expectedDailyStats(log)));
    expect(Object.fromEntries(stored.userDays)).toEqual(Object.fromEntries(expectedUserDays(log)));
    expect(stored.creators.get(otherGpt.id)).toBe(other.id);
    expect(stored.creators.get(gpt1.id)).toBe(creator.id);
    const mark = await prisma.rollupWatermark.findUniqueOrThrow({ where: { name: DAILY_ROLLUP } });
    expect(mark.computedTo).toEqual(NOW);
  });

  it("change nothing when refreshed again, and pick up rows that landed late (up to a day)", async () => {
    const before = await storedRollups();
    const again = await refreshRollups({ now: new Date(NOW.getTime() + 10 * 60_000) });
    expect(again.fromDay).toBe("2026-11-19");
    // Nothing changed, so nothing was rewritten.
    expect([again.userDays, again.dailyStats]).toEqual([
      { written: 0, removed: 0 },
      { written: 0, removed: 0 },
    ]);
    expect(await storedRollups()).toEqual(before);

    // An answer of yesterday finalised only now (crash recovery writes the answer's own time).
    await answer({ gpt: gpt1, userId: users.u3, at: ago(1, 22) });
    const late = await refreshRollups({ now: new Date(NOW.getTime() + 20 * 60_000) });
    expect(late.userDays).toEqual({ written: 1, removed: 0 });
    expect(late.dailyStats).toEqual({ written: 1, removed: 1 });
    const after = await storedRollups();
    expect(Object.fromEntries(after.stats)).toEqual(Object.fromEntries(expectedDailyStats(log)));
    expect(after.userDays.get(`${gpt1.id} 2026-11-19 ${users.u3}`)).toBe(1);
  });

  it("are kept by a job every 10 minutes, and at start-up", () => {
    expect(jobDefinitions["analytics-rollup"]).toMatchObject({
      schedule: { cron: "*/10 * * * *", runAtStart: true },
      queue: { policy: "exclusive" },
    });
  });
});

describe("[ANALYTICS]: the creator dashboard's figures", () => {
  it("count the creator's own GPTs only, with the previous period for comparison", async () => {
    const analytics = await getCreatorAnalytics({ actor: creator, rangeDays: 7, now: NOW });
    expect(analytics.period).toEqual({ from: "2026-11-14", to: "2026-11-20" });
    expect(analytics.previousPeriod).toEqual({ from: "2026-11-07", to: "2026-11-13" });
    expect(analytics.gpts.map((gpt) => gpt.name)).toEqual(["Trip planner", "Packing list"]);
    expect(analytics.days).toHaveLength(7);
    const { current, previous } = analytics.totals;
    // u1 (1 answer), u2 (1), u3 (2 + 1 today + 1 late yesterday), u5 (1): the preview and the
    // other creator's GPT are not counted.
    expect(current).toMatchObject({
      answers: 7,
      conversations: 1,
      users: 4,
      newUsers: 2,
      thumbsUp: 1,
      thumbsDown: 1,
      thumbsUpRatio: 0.5,
      reviews: 2,
      averageRating: 4,
      knowledgeMisses: 3,
      actionCalls: 3,
      actionErrors: 2,
      earnedMicros: "0",
    });
    expect(previous).toMatchObject({ answers: 5, conversations: 2, users: 2, thumbsUp: 1 });
    const today = analytics.days.at(-1)!;
    expect(today).toMatchObject({ day: "2026-11-20", answers: 2, users: 2 });
    expect(analytics.days.find((day) => day.day === "2026-11-18")).toMatchObject({
      answers: 2,
      users: 1,
      conversations: 1,
      reviews: 1,
      ratingSum: 3,
    });
    expect(analytics.knowledgeGaps).toEqual([
      expect.objectContaining({
        gptName: "Trip planner",
        normalized: "whats the refund policy",
        example: "whats the REFUND policy",
        count: 2,
        lastSeenAt: ago(1).toISOString(),
      }),
      expect.objectContaining({ gptName: "Packing list", count: 1 }),
    ]);
    expect(analytics.actionErrors).toEqual([
      {
        gptId: gpt1.id,
        gptName: "Trip planner",
        operation: "getWeather",
        calls: 3,
        errors: 2,
        lastError: "The API answered 503 Service Unavailable.",
        lastErrorAt: ago(1).toISOString(),
      },
    ]);
    expect(analytics.hasUsage).toBe(true);
  });

  it("count returning users as documented: day 1 / day 7 after the first day, over the selected GPTs", async () => {
    const all = await getCreatorAnalytics({ actor: creator, rangeDays: 7, now: NOW });
    // First days: u1 Nov 10, u2 Nov 12, u3 Nov 18, u5 Nov 20.
    expect(all.totals.current.returningDay7).toEqual({ cohort: 2, returned: 2, rate: 1 });
    // u3 (first day Nov 18) came back on Nov 19 with the late answer.
    expect(all.totals.current.returningDay1).toEqual({ cohort: 1, returned: 1, rate: 1 });
    expect(all.totals.previous.returningDay1).toEqual({ cohort: 2, returned: 2, rate: 1 });
    expect(all.totals.previous.returningDay7).toEqual({ cohort: 0, returned: 0, rate: null });
    // GPT 1 alone: u2's next day went to GPT 2, so they did not return to GPT 1 on day 1.
    const one = await getCreatorAnalytics({
      actor: creator,
      gptId: gpt1.id,
      rangeDays: 7,
      now: NOW,
    });
    expect(one.totals.previous.returningDay1).toEqual({ cohort: 2, returned: 1, rate: 0.5 });

    // The same as the definition applied to the raw answers.
    const activity = log
      .filter((row) => row.kind === "answer" && row.channel !== "PREVIEW")
      .filter((row) => row.gptId === gpt1.id || row.gptId === gpt2.id)
      .map((row) => ({
        userId: (row as { userId: string }).userId,
        day: row.at.toISOString().slice(0, 10),
      }));
    const cohorts = cohortsOf(activity);
    for (const n of [1, 7] as const) {
      for (const [key, period] of [
        ["current", all.period],
        ["previous", all.previousPeriod],
      ] as const) {
        expect(all.totals[key][n === 1 ? "returningDay1" : "returningDay7"]).toEqual(
          returningUsers({ cohorts, period, today: "2026-11-20", n }),
        );
      }
    }
  });

  it("are the same read from the rollups and computed live from the raw rows", async () => {
    const fromRollups = await getCreatorAnalytics({ actor: creator, rangeDays: 30, now: NOW });
    const oneFromRollups = await getCreatorAnalytics({
      actor: creator,
      gptId: gpt2.id,
      rangeDays: 7,
      now: NOW,
    });
    const saved = await prisma.rollupWatermark.findUniqueOrThrow({ where: { name: DAILY_ROLLUP } });
    await prisma.rollupWatermark.delete({ where: { name: DAILY_ROLLUP } });
    try {
      const live = await getCreatorAnalytics({ actor: creator, rangeDays: 30, now: NOW });
      expect({ ...live, rollupComputedTo: "-" }).toEqual({ ...fromRollups, rollupComputedTo: "-" });
      const oneLive = await getCreatorAnalytics({
        actor: creator,
        gptId: gpt2.id,
        rangeDays: 7,
        now: NOW,
      });
      expect({ ...oneLive, rollupComputedTo: "-" }).toEqual({
        ...oneFromRollups,
        rollupComputedTo: "-",
      });
    } finally {
      await prisma.rollupWatermark.create({ data: saved });
    }
  });

  it("count what came after the last rollup live, as the next rollup will", async () => {
    const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const before = await getCreatorAnalytics({ actor: creator, rangeDays: 7, now: later(40) });
    // After the last run (NOW + 20 min): a new person's first conversation and two answers, and
    // more on an older conversation.
    const newcomer = (await createActor({ name: "Newcomer" })).id;
    await conversation({ gptId: gpt2.id, userId: newcomer, at: later(30) });
    await answer({ gpt: gpt2, userId: newcomer, at: later(30) });
    await answer({ gpt: gpt2, userId: newcomer, at: later(31) });
    await answer({ gpt: gpt1, userId: users.u1, at: later(32) });
    await thumb({ gptId: gpt2.id, userId: newcomer, at: later(33), rating: "DOWN" });
    await review({ gptId: gpt2.id, userId: newcomer, at: later(34), rating: 2 });
    await actionCall({
      gptId: gpt1.id,
      at: later(35),
      operation: "bookHotel",
      error: "Timed out.",
    });
    await miss({ gptId: gpt2.id, query: "Hours?", normalized: "hours", at: later(36) });

    const live = await getCreatorAnalytics({ actor: creator, rangeDays: 7, now: later(40) });
    expect(live.rollupComputedTo).toBe(later(20).toISOString());
    const delta = (key: "answers" | "conversations" | "users" | "thumbsDown" | "reviews") =>
      live.totals.current[key] - before.totals.current[key];
    // u1 was already counted in the period: one more person, the newcomer.
    expect([delta("answers"), delta("conversations"), delta("users")]).toEqual([3, 1, 1]);
    expect([delta("thumbsDown"), delta("reviews")]).toEqual([1, 1]);
    expect(live.totals.current.newUsers - before.totals.current.newUsers).toBe(1);
    expect(live.days.at(-1)).toMatchObject({ answers: 5, users: 4, conversations: 1 });
    expect(live.knowledgeGaps.map((gap) => gap.normalized)).toContain("hours");
    expect(live.actionErrors.map((group) => group.operation)).toContain("bookHotel");

    await refreshRollups({ now: later(50) });
    const rolledUp = await getCreatorAnalytics({ actor: creator, rangeDays: 7, now: later(40) });
    expect({ ...rolledUp, rollupComputedTo: "-" }).toEqual({ ...live, rollupComputedTo: "-" });
  });

  it("are the same for a creator with many GPTs (read in one go rather than GPT by GPT)", async () => {
    const prolific = await createActor({ name: "Prolific creator" });
    await prisma.gpt.createMany({
      data: Array.from({ length: 70 }, (_, index) => ({
        ownerId: prolific.id,
        slug: `prolific-${prolific.id}-${index}`,
        name: `Prolific ${index}`,
      })),
    });
    const [first, second] = await prisma.gpt.findMany({
      where: { ownerId: prolific.id },
      orderBy: { slug: "asc" },
      take: 2,
    });
    await answer({ gpt: first!, userId: users.u1, at: ago(2) });
    await answer({ gpt: second!, userId: users.u1, at: ago(2, 11) });
    await answer({ gpt: second!, userId: users.u2, at: ago(1) });
    // Rows two days old are past a tick's window (late by more than a day): a full run takes them.
    await refreshRollups({ now: new Date(NOW.getTime() + 60 * 60_000), full: true });
    const analytics = await getCreatorAnalytics({ actor: prolific, rangeDays: 7, now: NOW });
    expect(analytics.gpts).toHaveLength(70);
    expect(analytics.totals.current).toMatchObject({ answers: 3, users: 2, newUsers: 2 });
    expect(analytics.days.find((day) => day.day === "2026-11-18")).toMatchObject({
      answers: 2,
      users: 1,
    });
  });

  it("never show another creator's GPT: it reads as missing", async () => {
    const error = await getCreatorAnalytics({
      actor: other,
      gptId: gpt1.id,
      rangeDays: 30,
      now: NOW,
    }).catch((caught) => caught);
    expect(isAppError(error) && error.code).toBe("not_found");
    const theirs = await getCreatorAnalytics({ actor: other, rangeDays: 30, now: NOW });
    expect(theirs.gpts.map((gpt) => gpt.id)).toEqual([otherGpt.id]);
    expect(theirs.totals.current).toMatchObject({ answers: 1, users: 1, reviews: 1, thumbsUp: 1 });
    expect(theirs.knowledgeGaps).toEqual([]);
  });
});
