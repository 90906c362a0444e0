import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExternalTurn } from "@/lib/chat/external-turn";
import { prisma } from "@/lib/db";
import { loadEngagedCells } from "@/lib/payouts/pool-inputs";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";

/**
 * API and embed answers count like store answers: an API caller's answers earn the GPT's creator
 * a share of the pool (as their store answers would); a creator's own widget, paid by the
 * creator, earns them nothing (like chatting with their own GPT).
 */
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({});
  await createFakeModel(fake.url);
});

afterAll(async () => {
  await fake.close();
});

async function answer(input: { payerId: string; gptId: string; channel: "API" | "EMBED" }) {
  const payer = await prisma.user.findUniqueOrThrow({
    where: { id: input.payerId },
    select: { id: true, email: true, name: true, role: true },
  });
  const started = await startExternalTurn({
    payer,
    gptId: input.gptId,
    channel: input.channel,
    messages: [{ role: "user", content: "Hello" }],
    conversation: { create: input.channel === "EMBED" ? { visitorId: "v" } : {} },
  });
  await started.live.ended;
}

describe("[API]: API and embed usage in the creator revenue pool", () => {
  it("[API]: an API caller's answers are engaged answers for the creator; the creator's own widget is not", async () => {
    const creator = await createActor();
    const caller = await createActor();
    const gpt = await createPublishedGpt(creator);
    const start = new Date(Date.now() - 60_000);
    await answer({ payerId: caller.id, gptId: gpt.id, channel: "API" });
    await answer({ payerId: caller.id, gptId: gpt.id, channel: "API" });
    await answer({ payerId: creator.id, gptId: gpt.id, channel: "EMBED" });
    const cells = await loadEngagedCells(prisma, {
      start,
      end: new Date(Date.now() + 60_000),
      cap: 50,
      userIds: [caller.id, creator.id],
    });
    expect(cells).toEqual([
      expect.objectContaining({
        userId: caller.id,
        gptId: gpt.id,
        creatorId: creator.id,
        rawAnswers: 2,
      }),
    ]);
    const usage = await prisma.usageEvent.groupBy({
      by: ["channel", "userId"],
      where: { gptId: gpt.id },
      _count: true,
    });
    expect(usage).toEqual(
      expect.arrayContaining([
        { channel: "API", userId: caller.id, _count: 2 },
        { channel: "EMBED", userId: creator.id, _count: 1 },
      ]),
    );
  });
});
