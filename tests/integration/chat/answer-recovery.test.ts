import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { beginTurn } from "@/lib/chat/engine/begin-turn";
import { type AnswerOutcome, finalizeAnswer } from "@/lib/chat/engine/finalize-answer";
import { finalizeAnswerDurably } from "@/lib/chat/engine/finalize-durably";
import { RECOVERED_MESSAGE, recoverAnswers } from "@/lib/chat/engine/recover-answers";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { currentInstanceId, INSTANCE_STALE_MS } from "@/lib/instances/app-instance";
import { getChatLimits } from "@/lib/limits/chat-limits";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";

let fake: FakeOpenAI;
let user: Actor;
let owner: Actor;
let gpt: { id: string };
let modelId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ slowMs: 30 });
  modelId = (await createFakeModel(fake.url)).id;
  owner = await createActor();
  user = await createActor();
  gpt = await createPublishedGpt(owner);
});

afterAll(async () => {
  await fake.close();
});

/** A STREAMING answer with checkpointed text, owned by `instanceId`. */
async function streamingAnswer(instanceId: string, text = "Half an answ") {
  const begun = await beginTurn({
    actor: user,
    conversation: {
      create: { gptId: gpt.id, versionId: null, isPreview: false, title: "Crash" },
      isCounted: false,
    },
    userMessageParts: [{ type: "text", text: "Tell me everything about tides" }],
    supersededMessageIds: [],
    answer: { gptId: gpt.id, channel: "STORE", versionId: null, modelConfigId: modelId },
    model: {
      displayName: "Fake model",
      isPremium: false,
      inputPricePerMillion: 0,
      outputPricePerMillion: 0,
      contextWindow: 8192,
    },
    limits: await getChatLimits(),
  });
  await prisma.message.update({
    where: { id: begun.messageId },
    data: { instanceId, parts: [{ type: "text", text }] },
  });
  return begun.messageId;
}

async function instance(heartbeatAgoMs: number, hostname = "another-host") {
  const id = randomUUID();
  await prisma.appInstance.create({
    data: { id, hostname, pid: 1, heartbeatAt: new Date(Date.now() - heartbeatAgoMs) },
  });
  return id;
}

describe("[CHAT ENGINE]: answers a dead process left streaming are recovered exactly once", () => {
  it("finalises a dead process's answer as interrupted with its checkpoint and one estimated usage event, and leaves live ones alone", async () => {
    const dead = await instance(INSTANCE_STALE_MS + 5_000);
    const alive = await instance(1_000);
    const orphan = await streamingAnswer(dead);
    const live = await streamingAnswer(alive);
    const mine = await streamingAnswer(currentInstanceId());
    const unowned = await streamingAnswer(randomUUID());

    expect(await recoverAnswers({ isSoleProcess: false })).toBe(2);
    const recovered = await prisma.message.findUniqueOrThrow({ where: { id: orphan } });
    expect(recovered).toMatchObject({
      status: "INTERRUPTED",
      errorMessage: RECOVERED_MESSAGE,
      instanceId: null,
      parts: [{ type: "text", text: "Half an answ" }],
    });
    const usage = await prisma.usageEvent.findUniqueOrThrow({ where: { messageId: orphan } });
    expect(usage).toMatchObject({ isEstimated: true, userId: user.id, gptId: gpt.id });
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect((await prisma.message.findUniqueOrThrow({ where: { id: unowned } })).status).toBe(
      "INTERRUPTED",
    );
    for (const id of [live, mine]) {
      expect((await prisma.message.findUniqueOrThrow({ where: { id } })).status).toBe("STREAMING");
      expect(await prisma.usageEvent.count({ where: { messageId: id } })).toBe(0);
    }
    // The dead instance is forgotten once its answers are final; a second sweep changes nothing.
    expect(await prisma.appInstance.count({ where: { id: dead } })).toBe(0);
    expect(await recoverAnswers({ isSoleProcess: false })).toBe(0);
    expect(await prisma.usageEvent.count({ where: { messageId: orphan } })).toBe(1);
    await recoverAnswers({ isSoleProcess: true });
  });

  it("after a restart of the only process (embedded), every earlier process's answer is recovered", async () => {
    const previous = await instance(500, "this-host");
    const orphan = await streamingAnswer(previous);
    expect(await recoverAnswers({ isSoleProcess: true })).toBeGreaterThanOrEqual(1);
    expect((await prisma.message.findUniqueOrThrow({ where: { id: orphan } })).status).toBe(
      "INTERRUPTED",
    );
    expect(await prisma.appInstance.count({ where: { id: { not: currentInstanceId() } } })).toBe(0);
  });

  it("leaves an answer whose final write is queued as a job to that job", async () => {
    const dead = await instance(INSTANCE_STALE_MS + 5_000);
    const orphan = await streamingAnswer(dead);
    const recovered = await recoverAnswers({
      isSoleProcess: false,
      hasPendingFinalize: async (messageId) => messageId === orphan,
    });
    expect(recovered).toBe(0);
    expect((await prisma.message.findUniqueOrThrow({ where: { id: orphan } })).status).toBe(
      "STREAMING",
    );
    await recoverAnswers({ isSoleProcess: true });
  });
});

describe("[CHAT ENGINE]: the final write", () => {
  async function gptSpendToday() {
    const rows = await prisma.dailySpend.findMany({ where: { scope: `gpt:${gpt.id}` } });
    return rows.reduce((sum, row) => sum + Number(row.costMicros), 0);
  }

  function outcomeFor(messageId: string, conversationId: string): AnswerOutcome {
    return {
      messageId,
      conversationId,
      parts: [{ type: "text", text: "Done." }],
      status: "COMPLETE",
      errorMessage: null,
      usage: { inputTokens: 10, outputTokens: 2, isEstimated: false },
      meter: {
        userId: user.id,
        gptId: gpt.id,
        creatorId: owner.id,
        channel: "STORE",
        modelId: "fake-model",
        inputPricePerMillion: 2_500_000,
        outputPricePerMillion: 10_000_000,
      },
    };
  }

  it("is idempotent: a second finalise of the same answer changes nothing and charges nothing", async () => {
    const messageId = await streamingAnswer(currentInstanceId());
    const { conversationId } = await prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    const spentBefore = await gptSpendToday();
    expect(await finalizeAnswer(outcomeFor(messageId, conversationId))).toBe(true);
    const again = { ...outcomeFor(messageId, conversationId), parts: [] };
    expect(await finalizeAnswer(again)).toBe(false);
    const row = await prisma.message.findUniqueOrThrow({ where: { id: messageId } });
    expect(row.parts).toEqual([{ type: "text", text: "Done." }]);
    expect(await prisma.usageEvent.count({ where: { messageId } })).toBe(1);
    // 10 × $2.50 + 2 × $10 per million tokens = 45 micro-dollars, counted once.
    expect((await gptSpendToday()) - spentBefore).toBe(45);
  });

  it("a final write the database refuses once is recorded by the retry", async () => {
    // A real database error on the first usage insert (a trigger), not a mock. The count lives in
    // a sequence: unlike a table row, nextval() survives the failed statement's rollback.
    await prisma.$executeRawUnsafe(`CREATE SEQUENCE test_fail_once_seq`);
    await prisma.$executeRawUnsafe(`
      CREATE FUNCTION test_fail_once() RETURNS trigger AS $$
      BEGIN
        IF nextval('test_fail_once_seq') = 1 THEN
          RAISE EXCEPTION 'database unavailable for a moment';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER test_fail_once BEFORE INSERT ON "UsageEvent"
      FOR EACH ROW EXECUTE FUNCTION test_fail_once()`);
    try {
      const messageId = await streamingAnswer(currentInstanceId());
      const { conversationId } = await prisma.message.findUniqueOrThrow({
        where: { id: messageId },
      });
      await finalizeAnswerDurably(outcomeFor(messageId, conversationId));
      // It failed once, then the retry landed.
      const [{ calls }] = await prisma.$queryRawUnsafe<{ calls: bigint }[]>(
        `SELECT last_value AS calls FROM test_fail_once_seq`,
      );
      expect(Number(calls)).toBe(2);
      const row = await prisma.message.findUniqueOrThrow({ where: { id: messageId } });
      expect(row.status).toBe("COMPLETE");
      expect(await prisma.usageEvent.count({ where: { messageId } })).toBe(1);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER test_fail_once ON "UsageEvent"`);
      await prisma.$executeRawUnsafe(`DROP FUNCTION test_fail_once()`);
      await prisma.$executeRawUnsafe(`DROP SEQUENCE test_fail_once_seq`);
    }
  });

  it("a failed model call is saved with its error and metered once, so answers = messages = usage", async () => {
    const response = await runChatTurn({
      actor: user,
      request: chatRequestSchema.parse({
        gptId: gpt.id,
        message: { text: "[[scenario:serverError]] hi" },
      }),
    });
    await response.text();
    const conversationId = response.headers.get("x-conversation-id")!;
    const answer = await prisma.message.findFirstOrThrow({
      where: { conversationId, role: "ASSISTANT" },
    });
    expect(answer.status).toBe("FAILED");
    expect(await prisma.usageEvent.count({ where: { messageId: answer.id } })).toBe(1);
  });
});
