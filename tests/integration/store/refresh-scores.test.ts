import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { jobDefinitions } from "@/lib/jobs/definitions";
import { bayesianRating, DEFAULT_RATING_PRIOR_MEAN, trendingScore } from "@/lib/store/ranking";
import { refreshRatingScores, refreshTrendingScores } from "@/lib/store/refresh-store-scores";
import { createActor } from "../../support/factories";
import { createCreator, publishListedGpt } from "./store-helpers";

const NOW = new Date("2026-06-15T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);

let users: Actor[];

async function converse(gptId: string, user: Actor, at: Date, isPreview = false) {
  await prisma.conversation.create({
    data: { gptId, userId: user.id, createdAt: at, isPreview },
  });
}

const scoreOf = async (id: string) =>
  (await prisma.gpt.findUniqueOrThrow({ where: { id } })).trendingScore;

beforeAll(async () => {
  users = await Promise.all([createActor(), createActor(), createActor()]);
});

describe("[STORE]: trending refresh", () => {
  it("[STORE]: counts each user once, by their latest conversation, decayed by age", async () => {
    const owner = await createCreator("Trend Maker");
    const gpt = await publishListedGpt(owner, { name: "Trendy" });
    // User 0: three conversations, the latest 1 day ago. User 1: 3 days ago.
    await converse(gpt.id, users[0], daysAgo(6));
    await converse(gpt.id, users[0], daysAgo(4));
    await converse(gpt.id, users[0], daysAgo(1));
    await converse(gpt.id, users[1], daysAgo(3));
    await refreshTrendingScores({ now: NOW });
    expect(await scoreOf(gpt.id)).toBeCloseTo(trendingScore([1, 3]), 6);
  });

  it("[STORE]: ignores previews and conversations older than seven days; unused GPTs drop to 0", async () => {
    const owner = await createCreator("Quiet Maker");
    const old = await publishListedGpt(owner, { name: "Old news" });
    const previewed = await publishListedGpt(owner, { name: "Only previewed" });
    await converse(old.id, users[2], daysAgo(8));
    await converse(previewed.id, owner, daysAgo(0), true);
    await prisma.gpt.update({ where: { id: old.id }, data: { trendingScore: 42 } });
    await refreshTrendingScores({ now: NOW });
    expect(await scoreOf(old.id)).toBe(0);
    expect(await scoreOf(previewed.id)).toBe(0);
  });

  it("[STORE]: a recent user outweighs an older one", async () => {
    const owner = await createCreator("Race Maker");
    const fresh = await publishListedGpt(owner, { name: "Fresh" });
    const stale = await publishListedGpt(owner, { name: "Stale" });
    await converse(fresh.id, users[0], daysAgo(0.5));
    await converse(stale.id, users[0], daysAgo(5));
    await refreshTrendingScores({ now: NOW });
    expect(await scoreOf(fresh.id)).toBeGreaterThan(await scoreOf(stale.id));
  });
});

describe("[STORE]: rating refresh", () => {
  it("[STORE]: every GPT gets the Bayesian score against the instance-wide mean; unrated get 0", async () => {
    const owner = await createCreator("Rated Maker");
    const rated = await publishListedGpt(owner, {
      name: "Rated",
      stats: { ratingCount: 4, ratingSum: 20, ratingScore: 0 },
    });
    const unrated = await publishListedGpt(owner, { name: "Unrated", stats: { ratingScore: 3 } });
    await refreshRatingScores();
    const totals = await prisma.gpt.aggregate({ _sum: { ratingSum: true, ratingCount: true } });
    const priorMean =
      (totals._sum.ratingCount ?? 0) > 0
        ? (totals._sum.ratingSum ?? 0) / (totals._sum.ratingCount ?? 1)
        : DEFAULT_RATING_PRIOR_MEAN;
    const after = await prisma.gpt.findUniqueOrThrow({ where: { id: rated.id } });
    expect(after.ratingScore).toBeCloseTo(
      bayesianRating({ ratingSum: 20, ratingCount: 4, priorMean }),
      9,
    );
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: unrated.id } })).ratingScore).toBe(0);
  });

  it("[STORE]: the refresh is registered as a recurring job that also runs at start-up", () => {
    expect(jobDefinitions["store-scores-refresh"].schedule).toMatchObject({ runAtStart: true });
  });
});
