import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
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

function chat(input: Record<string, unknown>, signal = new AbortController().signal) {
  return { request: chatRequestSchema.parse(input), signal };
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

  it("records a stopped answer as interrupted with locally counted tokens", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner);
    const controller = new AbortController();
    const response = await runChatTurn({
      actor: user,
      ...chat(
        { gptId: gpt.id, message: { text: "[[scenario:slowStream]] tell me a story" } },
        controller.signal,
      ),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!seen.includes('"text-delta"') || seen.split('"text-delta"').length < 4) {
      const { value } = await reader.read();
      seen += decoder.decode(value);
    }
    controller.abort();
    await reader.cancel().catch(() => {});
    const conversationId = response.headers.get("x-conversation-id")!;
    const assistant = await waitFor(() =>
      prisma.message.findFirst({ where: { conversationId, role: "ASSISTANT" } }),
    );
    expect(assistant.status).toBe("INTERRUPTED");
    const usage = await waitFor(() =>
      prisma.usageEvent.findUnique({ where: { messageId: assistant.id } }),
    );
    expect(usage.isEstimated).toBe(true);
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(usage.inputTokens).toBeGreaterThan(0);
  });

  it("keeps the user's message and records nothing else when the provider refuses (429)", async () => {
    const owner = await createActor();
    const user = await createActor();
    const gpt = await createPublishedGpt(owner);
    const response = await runChatTurn({
      actor: user,
      ...chat({ gptId: gpt.id, message: { text: "[[scenario:rateLimited]] hello" } }),
    });
    expect(await readAll(response)).toContain("rate-limiting");
    const conversationId = response.headers.get("x-conversation-id")!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const messages = await prisma.message.findMany({ where: { conversationId } });
    expect(messages.map((m) => m.role)).toEqual(["USER"]);
    expect(await prisma.usageEvent.count({ where: { gptId: gpt.id } })).toBe(0);
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
    await prisma.modelConfig.updateMany({ data: { isEnabled: false } });
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
    }
  });
});
