import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as chatRoute } from "@/app/api/chat/route";
import type { Actor } from "@/lib/auth/session";
import { stopConversationAnswer } from "@/lib/chat/engine/stop-answer";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { gptSpendScope } from "@/lib/limits/spend-scope";
import { utcDayStart } from "@/lib/limits/today";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import {
  createActor,
  createFakeModel,
  createPublishedGpt,
  setChatLimitSettings,
} from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let fake: FakeOpenAI;
let gptId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ slowMs: 30 });
  await createFakeModel(fake.url);
  gptId = (await createPublishedGpt(await createActor())).id;
});

afterAll(async () => {
  await fake.close();
});

afterEach(async () => {
  await setChatLimitSettings({
    chatBurstMessages: 10,
    chatMessagesPerMinute: 20,
    gptDailySpendCapMicros: 20_000_000,
  });
});

function post(actor: Actor, text: string) {
  setSessionActor(actor);
  return chatRoute(
    appRequest("/api/chat", { method: "POST", body: { gptId, message: { text } } }),
    segment({}),
  );
}

/** Nothing of a refused turn may remain: no conversation, message, allowance or counter. */
async function expectNothingWrittenFor(actor: Actor) {
  expect(await prisma.conversation.count({ where: { userId: actor.id } })).toBe(0);
  expect(await prisma.chatAllowance.count({ where: { userId: actor.id } })).toBe(0);
  expect(await prisma.usageEvent.count({ where: { userId: actor.id } })).toBe(0);
}

describe("[CHAT ENGINE]: a saturated process answers 503 with Retry-After, never 500", () => {
  it("refuses turns beyond CHAT_MAX_OPEN_TURNS with a plain message and writes nothing", async () => {
    const limit = env.CHAT_MAX_OPEN_TURNS;
    // A setting, read on every admission: two answers at once for this test.
    env.CHAT_MAX_OPEN_TURNS = 2;
    const talkers = [await createActor(), await createActor()];
    try {
      const open = await Promise.all(
        talkers.map((actor) => post(actor, "[[scenario:slowStream]] long")),
      );
      expect(open.map((response) => response.status)).toEqual([200, 200]);
      const latecomer = await createActor();
      const refused = await post(latecomer, "Hello?");
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const { error } = await refused.json();
      expect(error.code).toBe("busy");
      expect(error.message).toContain("busy");
      await expectNothingWrittenFor(latecomer);

      // Once an answer ends, the next turn is admitted.
      const conversationId = open[0].headers.get("x-conversation-id")!;
      await stopConversationAnswer({ actor: talkers[0], conversationId });
      await open[0].text();
      const admitted = await post(latecomer, "Hello again");
      expect(admitted.status).toBe(200);
      await admitted.text();
    } finally {
      env.CHAT_MAX_OPEN_TURNS = limit;
      for (const actor of talkers) {
        const conversation = await prisma.conversation.findFirst({ where: { userId: actor.id } });
        if (conversation) await stopConversationAnswer({ actor, conversationId: conversation.id });
      }
    }
  });
});

describe("[CHAT ENGINE]: limits refuse a turn before anything is written", () => {
  it("the per-user burst: the third quick message is a 429 saying when to retry", async () => {
    await setChatLimitSettings({ chatBurstMessages: 2, chatMessagesPerMinute: 1 });
    const actor = await createActor();
    for (const text of ["one", "two"]) {
      const response = await post(actor, text);
      expect(response.status).toBe(200);
      await response.text();
    }
    const conversations = await prisma.conversation.count({ where: { userId: actor.id } });
    const counted = (await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } }))
      .conversationCount;
    const refused = await post(actor, "three");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const { error } = await refused.json();
    expect(error).toMatchObject({ code: "rate_limited", limit: "rate" });
    expect(error.message).toMatch(/too quickly/i);
    expect(await prisma.conversation.count({ where: { userId: actor.id } })).toBe(conversations);
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } })).conversationCount).toBe(
      counted,
    );
  });

  it("a GPT's daily spend cap refuses its next turn until midnight UTC", async () => {
    await setChatLimitSettings({ gptDailySpendCapMicros: 1_000 });
    const today = { scope: gptSpendScope(gptId), day: utcDayStart(new Date()) };
    await prisma.dailySpend.upsert({
      where: { scope_day: today },
      create: { ...today, costMicros: 1_000n },
      update: { costMicros: 1_000n },
    });
    const actor = await createActor();
    try {
      const refused = await post(actor, "Anything?");
      expect(refused.status).toBe(429);
      const { error } = await refused.json();
      expect(error).toMatchObject({ code: "rate_limited", limit: "gpt_spend" });
      expect(error.message).toContain("midnight UTC");
      await expectNothingWrittenFor(actor);
    } finally {
      await prisma.dailySpend.deleteMany({ where: { scope: gptSpendScope(gptId) } });
    }
  });
});
