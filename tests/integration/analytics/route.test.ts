import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as analyticsRoute } from "@/app/api/creator/analytics/route";
import { refreshRollups } from "@/lib/analytics/refresh-rollups";
import type { CreatorAnalytics } from "@/lib/analytics/types";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createActor } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";
import { answer, conversation, createGptFor } from "./analytics-helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let creator: Actor;
let stranger: Actor;
let gptId: string;

beforeAll(async () => {
  creator = await createActor({ name: "Route creator" });
  stranger = await createActor({ name: "Stranger" });
  const gpt = await createGptFor(creator, 'Recipe helper, "deluxe"');
  gptId = gpt.id;
  const fan = await createActor({ name: "Fan" });
  const now = new Date();
  const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await conversation({ gptId, userId: fan.id, at: yesterday });
  await answer({ gpt, userId: fan.id, at: yesterday });
  await answer({ gpt, userId: fan.id, at: now });
  await refreshRollups();
  // A closed month paid this GPT 1.235 dollars yesterday (the payouts' statement lines).
  const month = yesterday.toISOString().slice(0, 7);
  await prisma.revenuePeriod.create({
    data: {
      month,
      closedAt: now,
      creatorSharePercent: 50,
      engagedAnswersDailyCap: 10,
      netRevenueMicros: 10_000_000n,
      poolMicros: 5_000_000n,
      allocatedMicros: 1_235_000n,
      heldMicros: 0n,
      unallocatedMicros: 3_765_000n,
      clawbackMicros: 0n,
      payingUsers: 1,
      engagedAnswers: 1,
      availableAt: now,
      ledgerTransactionId: "analytics-test",
    },
  });
  await prisma.creatorStatement.create({
    data: {
      month,
      creatorId: creator.id,
      earnedMicros: 1_235_000n,
      heldMicros: 0n,
      clawbackMicros: 0n,
      engagedAnswers: 1,
      payingUsers: 1,
      lines: {
        create: {
          gptId,
          gptName: "Recipe helper",
          day: new Date(`${yesterday.toISOString().slice(0, 10)}T00:00:00Z`),
          engagedAnswers: 1,
          payingUsers: 1,
          amountMicros: 1_235_000n,
        },
      },
    },
  });
});

async function get(query: string): Promise<Response> {
  return analyticsRoute(appRequest(`/api/creator/analytics${query}`), segment({}));
}

describe("[ANALYTICS]: GET /api/creator/analytics", () => {
  it("needs a signed-in user", async () => {
    setSessionActor(null);
    const response = await get("?range=7");
    expect(response.status).toBe(401);
  });

  it("refuses a range other than 7, 30 or 90 days", async () => {
    setSessionActor(creator);
    const response = await get("?range=14");
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("The range must be 7, 30 or 90 days.");
  });

  it("answers another creator's GPT as missing, and shows a stranger nothing of it", async () => {
    setSessionActor(stranger);
    const response = await get(`?range=30&gptId=${gptId}`);
    expect(response.status).toBe(404);
    const own = await get("?range=30");
    expect(own.status).toBe(200);
    const body = (await own.json()) as CreatorAnalytics;
    expect(body).toMatchObject({ gpts: [], hasUsage: false });
    expect(body.totals.current.answers).toBe(0);
  });

  it("gives the creator their figures, earnings per day included", async () => {
    setSessionActor(creator);
    const response = await get(`?range=7&gptId=${gptId}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as CreatorAnalytics;
    expect(body.gptId).toBe(gptId);
    expect(body.days).toHaveLength(7);
    expect(body.totals.current).toMatchObject({
      answers: 2,
      conversations: 1,
      users: 1,
      newUsers: 1,
      earnedMicros: "1235000",
    });
    expect(body.days.at(-2)).toMatchObject({ answers: 1, earnedMicros: "1235000" });
    expect(body.rollupComputedTo).not.toBeNull();
  });

  it("downloads the days as CSV", async () => {
    setSessionActor(creator);
    const response = await get(`?range=7&gptId=${gptId}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="atelier-analytics-recipe-helper-deluxe-7d-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      "Date (UTC),Conversations,Answers,Users,Thumbs up,Thumbs down,Reviews,Average rating,Knowledge misses,Action calls,Action errors,Earnings (USD)",
    );
    expect(lines).toHaveLength(9); // header, 7 days, the empty string after the last CRLF
    const yesterday = lines[6]!.split(",");
    expect(yesterday.slice(1, 4)).toEqual(["1", "1", "1"]);
    expect(yesterday.at(-1)).toBe("1.24");
  });
});
