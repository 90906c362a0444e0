import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { startCreditCheckout } from "@/lib/billing/checkout";
import { creditHoldBounds, creditMicrosFor } from "@/lib/billing/credit-price";
import { adjustCreditBalance } from "@/lib/billing/credits";
import { beginTurn } from "@/lib/chat/engine/begin-turn";
import { finalizeAnswer } from "@/lib/chat/engine/finalize-answer";
import { recoverAnswers } from "@/lib/chat/engine/recover-answers";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import type { ModelConfig } from "@/lib/generated/prisma/client";
import { customerCreditsAccount, LEDGER_ACCOUNTS } from "@/lib/ledger/accounts";
import { bookLedgerTransaction } from "@/lib/ledger/book";
import { accountEntrySum } from "@/lib/ledger/queries";
import { forgetChatLimitsCache, getChatLimits } from "@/lib/limits/chat-limits";
import { costMicros } from "@/lib/usage/cost";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { expectAppError } from "../../support/app-error";
import { type BillingHarness, payCheckout, startBillingHarness } from "../../support/billing";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";
import { expectLedgerBalanced } from "../../support/ledger";

let billing: BillingHarness;
let fake: FakeOpenAI;
let model: ModelConfig;
let gpt: { id: string };

// The fake model costs $2.50 / $10 per million tokens with a 16,000-token window; at 130 % an
// answer on credits holds at most $0.105248 and needs $0.013 available to start.
const { minMicros, maxMicros } = creditHoldBounds(
  { inputPricePerMillion: 2_500_000, outputPricePerMillion: 10_000_000, contextWindow: 16_000 },
  130,
);

beforeAll(async () => {
  billing = await startBillingHarness();
  fake = await startFakeOpenAI({ slowMs: 5 });
  model = (await prisma.modelConfig.findUniqueOrThrow({
    where: { id: (await createFakeModel(fake.url)).id },
  })) as ModelConfig;
  gpt = await createPublishedGpt(await createActor(), { instructions: "Be brief." });
  // One message a day on the Free plan: the second one of the day needs credits.
  await prisma.plan.update({
    where: { id: "free" },
    data: { dailyMessages: 1, monthlyMessages: 0 },
  });
  const settings = { creditPricePercent: 130, chatBurstMessages: 100, chatMessagesPerMinute: 600 };
  await prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...settings },
    update: settings,
  });
  forgetChatLimitsCache();
});

afterAll(async () => {
  await billing?.close();
  await fake?.close();
});

/** A user who bought a $5 credit pack through Checkout (webhooks applied) and used today's message. */
async function userWithCredits(): Promise<Actor> {
  const user = await createActor();
  const { url } = await startCreditCheckout({ actor: user, packCents: 500 });
  await payCheckout(url);
  await billing.fake.waitForIdle();
  await chat(user, "The day's free message");
  return user;
}

async function chat(user: Actor, text: string) {
  const response = await runChatTurn({
    actor: user,
    request: chatRequestSchema.parse({ gptId: gpt.id, message: { text } }),
  });
  await response.text();
  return response.headers.get("x-conversation-id") ?? "";
}

async function lastAnswer(conversationId: string) {
  const answer = await prisma.message.findFirstOrThrow({
    where: { conversationId, role: "ASSISTANT" },
    orderBy: { createdAt: "desc" },
  });
  for (let i = 0; i < 200; i++) {
    const usage = await prisma.usageEvent.findUnique({ where: { messageId: answer.id } });
    if (usage) return { answer, usage };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("no usage event");
}

/**
 * Brings a user's credits to `micros` as spending would: a balanced ledger booking (their credits →
 * credit revenue) next to the balance change, so the ledger check still holds.
 */
async function spendDownTo(userId: string, micros: bigint) {
  await prisma.$transaction(async (tx) => {
    const { balanceMicros } = await tx.creditBalance.findUniqueOrThrow({ where: { userId } });
    const spent = balanceMicros - micros;
    await bookLedgerTransaction(tx, {
      idempotencyKey: `test.spend-down:${userId}`,
      kind: "credits.spent",
      sourceId: userId,
      occurredAt: new Date(),
      entries: [
        { account: customerCreditsAccount(userId), amountMicros: spent },
        { account: LEDGER_ACCOUNTS.creditRevenue, amountMicros: -spent },
      ],
    });
    await adjustCreditBalance(tx, userId, -spent);
  });
}

const balanceOf = (userId: string) => prisma.creditBalance.findUniqueOrThrow({ where: { userId } });

/** A write-ahead as the chat route makes it, without the model call (the answer stays STREAMING). */
async function startAnswer(user: Actor) {
  return beginTurn({
    actor: user,
    conversation: {
      create: { gptId: gpt.id, versionId: null, isPreview: false, title: "Race" },
      isCounted: false,
    },
    userMessageParts: [{ type: "text", text: "Go" }],
    supersededMessageIds: [],
    answer: { gptId: gpt.id, channel: "STORE", versionId: null, modelConfigId: model.id },
    model,
    limits: await getChatLimits(),
  });
}

describe("[BILLING]: credits pay for messages beyond the plan's allowance", () => {
  it("within the allowance no credits move; past it the answer is charged its cost × 130 % and booked as spent", async () => {
    const user = await userWithCredits();
    expect(await balanceOf(user.id)).toMatchObject({ balanceMicros: 5_000_000n, heldMicros: 0n });

    const conversationId = await chat(user, "One more, on credits please");
    const { answer, usage } = await lastAnswer(conversationId);
    const cost = costMicros({
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      inputPricePerMillion: model.inputPricePerMillion,
      outputPricePerMillion: model.outputPricePerMillion,
    });
    const spent = creditMicrosFor(cost, 130);
    expect(spent).toBeGreaterThan(0n);
    expect(usage.creditMicros).toBe(spent);
    expect(answer.creditHoldMicros).toBe(maxMicros);
    expect(await balanceOf(user.id)).toMatchObject({
      balanceMicros: 5_000_000n - spent,
      heldMicros: 0n,
    });
    const booking = await prisma.ledgerTransaction.findUniqueOrThrow({
      where: { idempotencyKey: `credits.spent:${answer.id}` },
      include: { entries: true },
    });
    expect(booking.kind).toBe("credits.spent");
    expect(
      Object.fromEntries(booking.entries.map((entry) => [entry.accountId, entry.amountMicros])),
    ).toEqual({ [customerCreditsAccount(user.id).id]: spent, "revenue:credits": -spent });
    expect(await accountEntrySum(LEDGER_ACCOUNTS.creditRevenue.id)).toBeLessThanOrEqual(-spent);
    await expectLedgerBalanced();
  });

  it("an answer within the allowance holds and charges nothing", async () => {
    const user = await createActor();
    const conversationId = await chat(user, "Free");
    const { answer, usage } = await lastAnswer(conversationId);
    expect(answer.creditHoldMicros).toBe(0n);
    expect(usage.creditMicros).toBe(0n);
    expect(await prisma.creditBalance.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("concurrent messages cannot hold more credits than the balance: the rest are refused and write nothing", async () => {
    const user = await userWithCredits();
    // Leave room for exactly three full holds and a bit: 3 × max + min / 2.
    const keep = 3n * maxMicros + minMicros / 2n;
    await spendDownTo(user.id, keep);
    const messagesBefore = await prisma.message.count();

    const results = await Promise.allSettled(Array.from({ length: 8 }, () => startAnswer(user)));
    const begun = results.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );
    const refused = results.flatMap((result) =>
      result.status === "rejected" ? [result.reason] : [],
    );
    expect(begun).toHaveLength(3);
    for (const error of refused) {
      expect(error).toMatchObject({ code: "rate_limited", details: { limit: "daily" } });
      expect(String(error.message)).toContain("don't cover an answer from Fake model");
    }
    expect(await prisma.message.count()).toBe(messagesBefore + 3 * 2);
    const balance = await balanceOf(user.id);
    expect(balance.heldMicros).toBe(3n * maxMicros);
    expect(balance.heldMicros).toBeLessThanOrEqual(balance.balanceMicros);

    // Each is charged what it used (here 1,000 tokens in, 200 out), never more than it held.
    for (const { messageId, conversationId } of begun) {
      await finalizeAnswer({
        messageId,
        conversationId,
        parts: [{ type: "text", text: "Done" }],
        status: "COMPLETE",
        errorMessage: null,
        usage: { inputTokens: 1_000, outputTokens: 200, isEstimated: false },
        meter: {
          userId: user.id,
          gptId: gpt.id,
          creatorId: user.id,
          channel: "STORE",
          modelId: model.modelId,
          inputPricePerMillion: model.inputPricePerMillion,
          outputPricePerMillion: model.outputPricePerMillion,
        },
      });
    }
    const each = creditMicrosFor(1_000 * 2.5 + 200 * 10, 130);
    expect(await balanceOf(user.id)).toMatchObject({
      balanceMicros: keep - 3n * each,
      heldMicros: 0n,
    });
    await expectLedgerBalanced();
  });

  it("with too few credits the message is refused, says how much it needs, and writes nothing", async () => {
    const user = await userWithCredits();
    await spendDownTo(user.id, 4000n);
    const allowanceBefore = await prisma.chatAllowance.findUniqueOrThrow({
      where: { userId: user.id },
    });
    const error = await expectAppError(startAnswer(user), "rate_limited");
    expect(error.message).toContain(
      "Your credits ($0.004) don't cover an answer from Fake model, which needs $0.013 available.",
    );
    expect(await prisma.chatAllowance.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(
      allowanceBefore,
    );
    expect(await balanceOf(user.id)).toMatchObject({ balanceMicros: 4000n, heldMicros: 0n });
  });

  it("an answer cut off by a crash is charged by recovery from its estimated usage, and its hold released", async () => {
    const user = await userWithCredits();
    const begun = await startAnswer(user);
    // Owned by a process that is gone: the embedded database's restart sweep finalises it.
    await prisma.message.update({
      where: { id: begun.messageId },
      data: { instanceId: "dead-process", parts: [{ type: "text", text: "Half an answ" }] },
    });
    expect((await balanceOf(user.id)).heldMicros).toBe(maxMicros);
    await recoverAnswers({ isSoleProcess: true });
    const usage = await prisma.usageEvent.findUniqueOrThrow({
      where: { messageId: begun.messageId },
    });
    expect(usage.isEstimated).toBe(true);
    expect(usage.creditMicros).toBe(creditMicrosFor(usage.costMicros, 130));
    expect(await balanceOf(user.id)).toMatchObject({
      balanceMicros: 5_000_000n - usage.creditMicros,
      heldMicros: 0n,
    });
    await expectLedgerBalanced();
  });

  it("finalising twice charges once", async () => {
    const user = await userWithCredits();
    const begun = await startAnswer(user);
    const outcome = {
      messageId: begun.messageId,
      conversationId: begun.conversationId,
      parts: [],
      status: "FAILED" as const,
      errorMessage: "The model failed",
      usage: { inputTokens: 500, outputTokens: 0, isEstimated: true },
      meter: {
        userId: user.id,
        gptId: gpt.id,
        creatorId: user.id,
        channel: "STORE" as const,
        modelId: model.modelId,
        inputPricePerMillion: model.inputPricePerMillion,
        outputPricePerMillion: model.outputPricePerMillion,
      },
    };
    expect(await finalizeAnswer(outcome)).toBe(true);
    expect(await finalizeAnswer(outcome)).toBe(false);
    const spent = creditMicrosFor(costMicros({ ...outcome.usage, ...outcome.meter }), 130);
    expect(await balanceOf(user.id)).toMatchObject({
      balanceMicros: 5_000_000n - spent,
      heldMicros: 0n,
    });
    expect(
      await prisma.ledgerTransaction.count({
        where: { idempotencyKey: `credits.spent:${begun.messageId}` },
      }),
    ).toBe(1);
    await expectLedgerBalanced();
  });
});
