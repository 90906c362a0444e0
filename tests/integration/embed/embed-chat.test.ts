import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as chatRoute } from "@/app/api/embed/[gptId]/chat/route";
import { prisma } from "@/lib/db";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createFakeModel } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { changeSettings, embeddedGpt, SHOP, sessionFor } from "./helpers";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  await createFakeModel(fake.url);
});

afterAll(async () => {
  await fake.close();
});

/** The frame's request: same-origin with Atelier, the visitor token in the body. */
function chat(
  gptId: string,
  body: { token: string; message: string; conversationId?: string },
  ip = "203.0.113.7",
) {
  return chatRoute(
    appRequest(`/api/embed/${gptId}/chat`, {
      method: "POST",
      body,
      headers: { "x-forwarded-for": ip },
    }),
    segment({ gptId }),
  );
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

/** The answer's text, from the UI message stream's text deltas. */
function answerText(stream: string): string {
  return stream
    .split("\n")
    .filter((line) => line.startsWith("data: {"))
    .map((line) => JSON.parse(line.slice(6)))
    .filter((chunk) => chunk.type === "text-delta")
    .map((chunk) => chunk.delta)
    .join("");
}

/** Sends a message, reads the whole answer stream, and waits for its usage event. */
async function answered(gptId: string, body: Parameters<typeof chat>[1], ip?: string) {
  const response = await chat(gptId, body, ip);
  expect(response.status, await response.clone().text()).toBe(200);
  const stream = await response.text();
  const conversationId = response.headers.get("x-conversation-id")!;
  const answer = await prisma.message.findFirstOrThrow({
    where: { conversationId, role: "ASSISTANT" },
    orderBy: { createdAt: "desc" },
  });
  const usage = await waitFor(() =>
    prisma.usageEvent.findUnique({ where: { messageId: answer.id } }),
  );
  return { stream, conversationId, usage };
}

describe("[EMBED]: a visitor chats through the widget", () => {
  it("is answered by the published GPT, metered on EMBED against the creator, in a hidden conversation of their own", async () => {
    const { owner, gptId } = await embeddedGpt();
    const session = await sessionFor(gptId);
    const first = await answered(gptId, { token: session.token, message: "Do you ship abroad?" });
    expect(answerText(first.stream)).toBe(
      'Hello! I am a test model. You said: "Do you ship abroad?".',
    );
    expect(first.usage).toMatchObject({
      channel: "EMBED",
      userId: owner.id,
      creatorId: owner.id,
      gptId,
    });
    const conversation = await prisma.conversation.findUniqueOrThrow({
      where: { id: first.conversationId },
    });
    expect(conversation).toMatchObject({
      userId: owner.id,
      origin: "EMBED",
      isHidden: true,
      visitorId: session.visitorId,
    });

    // The visitor continues their conversation; another visitor cannot.
    const second = await answered(gptId, {
      token: session.token,
      message: "And to Canada?",
      conversationId: first.conversationId,
    });
    expect(second.conversationId).toBe(first.conversationId);
    const stranger = await sessionFor(gptId);
    const taken = await chat(gptId, {
      token: stranger.token,
      message: "Show me their chat",
      conversationId: first.conversationId,
    });
    expect(taken.status).toBe(404);
  });

  it("is stopped on its next message once the creator removes the site or turns the widget off", async () => {
    const { owner, gptId } = await embeddedGpt([SHOP, "https://blog.example"]);
    const session = await sessionFor(gptId);
    await answered(gptId, { token: session.token, message: "Hello" });

    await changeSettings(owner, gptId, { allowedOrigins: ["https://blog.example"] });
    const removed = await chat(gptId, { token: session.token, message: "Still there?" });
    expect(removed.status).toBe(403);
    expect((await removed.json()).error.reason).toBe("origin_not_allowed");

    await changeSettings(owner, gptId, { allowedOrigins: [SHOP], isEnabled: false });
    const off = await chat(gptId, { token: session.token, message: "Hello?" });
    expect(off.status).toBe(403);
    expect((await off.json()).error.reason).toBe("embed_disabled");
    // Refusals start no answer and meter nothing.
    expect(await prisma.usageEvent.count({ where: { gptId } })).toBe(1);
  });

  it("refuses a token for another GPT", async () => {
    const { gptId } = await embeddedGpt();
    const { gptId: otherGptId } = await embeddedGpt();
    const session = await sessionFor(otherGptId);
    const response = await chat(gptId, { token: session.token, message: "Hi" });
    expect(response.status).toBe(401);
    expect((await response.json()).error.reason).toBe("token_invalid");
  });
});

describe("[EMBED]: limits", () => {
  it("a visitor gets visitorMessagesPerHour answers an hour, then 429 with Retry-After; another visitor still gets theirs", async () => {
    const { gptId } = await embeddedGpt([SHOP], { visitorMessagesPerHour: 1 });
    const session = await sessionFor(gptId);
    await answered(gptId, { token: session.token, message: "One" });
    const refused = await chat(gptId, { token: session.token, message: "Two" });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await refused.json()).error.message).toMatch(
      /^You're sending messages too fast\. Try again in \d+ (minutes?|seconds?)\.$/,
    );

    const other = await sessionFor(gptId);
    await answered(gptId, { token: other.token, message: "Mine" }, "203.0.113.8");
  });

  it("the creator's daily budget stops every visitor for the rest of the UTC day", async () => {
    const { owner, gptId } = await embeddedGpt([SHOP], { dailyMessageBudget: 1 });
    const session = await sessionFor(gptId);
    // Yesterday's answers do not count.
    const { usage } = await answered(gptId, { token: session.token, message: "First" });
    await prisma.usageEvent.update({
      where: { id: usage.id },
      data: { createdAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) },
    });
    await answered(gptId, { token: session.token, message: "Today" });

    const other = await sessionFor(gptId);
    const refused = await chat(gptId, { token: other.token, message: "Over budget" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(24 * 60 * 60);
    expect((await refused.json()).error.message).toBe(
      "This assistant has reached its daily limit on this site. Try again tomorrow.",
    );

    await changeSettings(owner, gptId, { dailyMessageBudget: 5 });
    await answered(gptId, { token: other.token, message: "Budget raised" });
  });
});
