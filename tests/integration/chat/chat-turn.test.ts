import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopConversationAnswer } from "@/lib/chat/engine/stop-answer";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema, textOf } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { publish } from "@/lib/events/bus";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ slowMs: 40 });
  await createFakeModel(fake.url);
});

afterAll(async () => {
  await fake.close();
});

async function readAll(response: Response): Promise<string> {
  return await response.text();
}

/** Reads a stream until `isEnough` says so (or it ends); returns what was read. */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  isEnough: (text: string) => boolean,
): Promise<string> {
  const decoder = new TextDecoder();
  let seen = "";
  while (!isEnough(seen)) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += decoder.decode(value);
  }
  return seen;
}

function chat(input: Record<string, unknown>) {
  return { request: chatRequestSchema.parse(input) };
}

async function waitFor<T>(read: () => Promise<T | null | undefined>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("[CHAT]: one turn", () => {
  it("streams the answer, saves both messages and exactly one usage event priced from the model", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner, { instructions: "Answer like a pirate." });
    const response = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, message: { text: "Hi there" } }),
    });
    const body = await readAll(response);
    expect(body).toContain('"type":"text-delta"');
    const conversationId = response.headers.get("x-conversation-id")!;

    const messages = await prisma.message.findMany({
      where: { conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(messages.map((m) => m.role)).toEqual(["USER", "ASSISTANT"]);
    expect(messages[1].status).toBe("COMPLETE");
    const usage = await waitFor(() =>
      prisma.usageEvent.findUnique({ where: { messageId: messages[1].id } }),
    );
    expect(usage).toMatchObject({
      channel: "STORE",
      userId: user.id,
      creatorId: owner.id,
      gptId: gpt.id,
      isEstimated: false,
    });
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeGreaterThan(0);
    // $2.50 / $10 per million tokens, in micro-dollars, rounded once.
    expect(usage.costMicros).toBe(Math.round(usage.inputTokens * 2.5 + usage.outputTokens * 10));
    expect(await prisma.usageEvent.count({ where: { gptId: gpt.id } })).toBe(1);

    // The model saw the published instructions and only server-side history.
    const sent = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0].content).toContain("Answer like a pirate.");
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).conversationCount).toBe(
      1,
    );
  });

  it("reloads history from the database for the next turn", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner);
    const first = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, message: { text: "First question" } }),
    });
    await readAll(first);
    const conversationId = first.headers.get("x-conversation-id")!;
    await waitFor(() => prisma.usageEvent.findFirst({ where: { gptId: gpt.id } }));
    const second = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, conversationId, message: { text: "Second question" } }),
    });
    await readAll(second);
    const sent = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(sent.messages[1].content).toBe("First question");
  });

  it("records a stopped answer as interrupted with its partial text and locally counted tokens", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner);
    const response = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, message: { text: "[[scenario:slowStream]] tell me a story" } }),
    });
    const reader = response.body!.getReader();
    const seen = await readUntil(reader, (text) => text.split('"text-delta"').length >= 4);
    const conversationId = response.headers.get("x-conversation-id")!;
    // Stop resolves once the answer is saved: the next message can never race it.
    const stopped = await stopConversationAnswer({ actor: user, conversationId });
    const rest = await readUntil(reader, () => false);
    const assistant = await prisma.message.findUniqueOrThrow({ where: { id: stopped.messageId! } });
    expect(assistant.status).toBe("INTERRUPTED");
    expect(assistant.errorMessage).toBeNull();
    expect(textOf(assistant.parts)).toMatch(/^The quick brown/);
    // The browser learns the final status before the stream ends.
    expect(seen + rest).toContain('"status":"INTERRUPTED"');
    const usage = await prisma.usageEvent.findUniqueOrThrow({ where: { messageId: assistant.id } });
    expect(usage.isEstimated).toBe(true);
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it("keeps answering when the browser goes away, and saves the whole answer", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner);
    const response = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, message: { text: "[[scenario:slowStream]] tell me a story" } }),
    });
    const reader = response.body!.getReader();
    await readUntil(reader, (text) => text.includes('"text-delta"'));
    await reader.cancel();
    const conversationId = response.headers.get("x-conversation-id")!;
    const assistant = await waitFor(
      () =>
        prisma.message.findFirst({
          where: { conversationId, role: "ASSISTANT", status: { not: "STREAMING" } },
        }),
      10_000,
    );
    expect(assistant.status).toBe("COMPLETE");
    expect(textOf(assistant.parts)).toContain("ticks on.");
    expect(await prisma.usageEvent.count({ where: { messageId: assistant.id } })).toBe(1);
  });

  it("writes the answer ahead as STREAMING before the model answers, and checkpoints its text", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner);
    const response = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, message: { text: "[[scenario:slowStream]] a long story" } }),
    });
    const conversationId = response.headers.get("x-conversation-id")!;
    const streaming = await prisma.message.findFirstOrThrow({
      where: { conversationId, role: "ASSISTANT" },
    });
    expect(streaming).toMatchObject({ status: "STREAMING", gptId: gpt.id, channel: "STORE" });
    expect(streaming.instanceId).not.toBeNull();
    // slowStream sends a word every 40 ms here: after ~1.5 s a checkpoint holds some of them.
    const checkpointed = await waitFor(async () => {
      const row = await prisma.message.findUniqueOrThrow({ where: { id: streaming.id } });
      return row.status === "STREAMING" && textOf(row.parts).length > 0 ? row : null;
    }, 3_000);
    expect(textOf(checkpointed.parts)).toMatch(/^The quick/);
    await readAll(response);
    const final = await prisma.message.findUniqueOrThrow({ where: { id: streaming.id } });
    expect(final.status).toBe("COMPLETE");
    expect(final.instanceId).toBeNull();
  });

  it("saves the answer the provider refused (429) as failed, with one empty usage event", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner);
    const response = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, message: { text: "[[scenario:rateLimited]] hello" } }),
    });
    expect(await readAll(response)).toContain("rate-limiting");
    const conversationId = response.headers.get("x-conversation-id")!;
    const messages = await prisma.message.findMany({
      where: { conversationId },
      orderBy: { createdAt: "asc" },
    });
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ["USER", "COMPLETE"],
      ["ASSISTANT", "FAILED"],
    ]);
    expect(messages[1].errorMessage).toContain("rate-limiting");
    const usage = await prisma.usageEvent.findUniqueOrThrow({
      where: { messageId: messages[1].id },
    });
    expect(usage).toMatchObject({ inputTokens: 0, outputTokens: 0, costMicros: 0 });
  });

  it("keeps a partial answer as failed when the provider disconnects mid-stream", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner);
    const response = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, message: { text: "[[scenario:disconnect]] hello" } }),
    });
    await readAll(response);
    const conversationId = response.headers.get("x-conversation-id")!;
    const assistant = await waitFor(() =>
      prisma.message.findFirst({ where: { conversationId, role: "ASSISTANT" } }),
    );
    expect(assistant.status).toBe("FAILED");
    expect(await prisma.usageEvent.count({ where: { messageId: assistant.id } })).toBe(1);
  });

  it("refuses a private GPT to anyone but its owner, and previews are metered as preview", async () => {
    const owner = await createActor();
    const stranger = await createActor();
    const gpt = await createPublishedGpt(owner);
    await prisma.gpt.update({ where: { id: gpt.id }, data: { visibility: "PRIVATE" } });
    await expect(
      runChatTurn({ actor: stranger, ...chat({ gptId: gpt.id, message: { text: "hi" } }) }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      runChatTurn({
        actor: stranger,
        ...chat({ gptId: gpt.id, isPreview: true, message: { text: "hi" } }),
      }),
    ).rejects.toMatchObject({ code: "not_found" });

    const preview = await runChatTurn({
      actor: owner,
      ...chat({ gptId: gpt.id, isPreview: true, message: { text: "hi" } }),
    });
    await readAll(preview);
    const usage = await waitFor(() => prisma.usageEvent.findFirst({ where: { gptId: gpt.id } }));
    expect(usage.channel).toBe("PREVIEW");
    // Previews are not store traffic.
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).conversationCount).toBe(
      0,
    );
  });
});

describe("[CHAT]: without any model", () => {
  it("explains that no model is configured and saves nothing", async () => {
    // Written directly, then announced the way an admin's save announces it (save-model.ts):
    // turns read models from a cache that this event clears.
    await prisma.modelConfig.updateMany({ data: { isEnabled: false } });
    publish("models", {});
    try {
      const owner = await createActor();
      const user = await createActor();
      const gpt = await createPublishedGpt(owner);
      await expect(
        runChatTurn({ actor: user, ...chat({ gptId: gpt.id, message: { text: "hi" } }) }),
      ).rejects.toMatchObject({
        code: "unavailable",
        message: expect.stringMatching(/No model is configured.*Admin → Models/),
      });
      expect(await prisma.conversation.count({ where: { gptId: gpt.id } })).toBe(0);
    } finally {
      await prisma.modelConfig.updateMany({ data: { isEnabled: true } });
      publish("models", {});
    }
  });
});
