import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as mentionableRoute } from "@/app/api/chat/mentionable/route";
import type { Actor } from "@/lib/auth/session";
import { MENTION_NOT_FOUND_MESSAGE } from "@/lib/chat/answering-source";
import { listMentionableGpts } from "@/lib/chat/mentionable-gpts";
import { getConversation } from "@/lib/chat/queries";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { expectAppError } from "../../support/app-error";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";
import { setSessionActor } from "../../support/session-stub";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ slowMs: 10 });
  await createFakeModel(fake.url);
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => setSessionActor(null));

async function waitFor<T>(read: () => Promise<T | null | undefined>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Sends one message and waits until its answer and usage event are stored. */
async function turn(actor: Actor, input: Record<string, unknown>) {
  const response = await runChatTurn({
    actor,
    request: chatRequestSchema.parse(input),
  });
  const body = await response.text();
  const conversationId = response.headers.get("x-conversation-id")!;
  const assistant = await waitFor(() =>
    prisma.message.findFirst({
      where: { conversationId, role: "ASSISTANT" },
      orderBy: { createdAt: "desc" },
    }),
  );
  await waitFor(() => prisma.usageEvent.findUnique({ where: { messageId: assistant.id } }));
  return { conversationId, body };
}

function lastSystemPrompt(): string {
  const sent = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
  return sent.messages[0].content;
}

/** A conversation with GPT A, and GPT B of another creator that the user may mention. */
async function twoGpts() {
  const ownerA = await createActor({ name: "Ann" });
  const ownerB = await createActor({ name: "Bob" });
  const user = await createActor();
  const gptA = await createPublishedGpt(ownerA, { name: "Alpha", instructions: "INSTR-ALPHA" });
  const gptB = await createPublishedGpt(ownerB, { name: "Bravo", instructions: "INSTR-BRAVO" });
  return { ownerA, ownerB, user, gptA, gptB };
}

describe("[CHAT]: @mention another GPT", () => {
  it("answers the next reply with the mentioned GPT's published version, then goes back", async () => {
    const { ownerB, ownerA, user, gptA, gptB } = await twoGpts();
    const first = await turn(user, { gptId: gptA.id, message: { text: "Hello Alpha" } });
    expect(lastSystemPrompt()).toContain("INSTR-ALPHA");

    const conversationId = first.conversationId;
    await turn(user, {
      gptId: gptA.id,
      conversationId,
      mentionGptId: gptB.id,
      message: { text: "What do you think, Bravo?" },
    });
    const mentioned = lastSystemPrompt();
    expect(mentioned).toContain("INSTR-BRAVO");
    expect(mentioned).not.toContain("INSTR-ALPHA");
    expect(mentioned).toContain('conversation with another GPT, "Alpha"');
    // The history comes from the database: the first exchange reached Bravo too.
    const sent = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages.map((message) => message.role)).toEqual([
      "system",
      "user",
      "assistant",
      "user",
    ]);
    expect(sent.messages[1].content).toBe("Hello Alpha");

    await turn(user, { gptId: gptA.id, conversationId, message: { text: "Back to you" } });
    expect(lastSystemPrompt()).toContain("INSTR-ALPHA");
    expect(lastSystemPrompt()).not.toContain("INSTR-BRAVO");

    const conversation = await prisma.conversation.findUniqueOrThrow({
      where: { id: conversationId },
    });
    expect(conversation.gptId).toBe(gptA.id);
    const assistants = await prisma.message.findMany({
      where: { conversationId, role: "ASSISTANT" },
      orderBy: { createdAt: "asc" },
    });
    const usage = await prisma.usageEvent.findMany({
      where: { messageId: { in: assistants.map((message) => message.id) } },
    });
    // Exactly one usage event per answer, earned by the creator of the GPT that answered.
    expect(usage).toHaveLength(3);
    const usageOf = (messageId: string) => usage.find((event) => event.messageId === messageId);
    expect(usageOf(assistants[0].id)).toMatchObject({ gptId: gptA.id, creatorId: ownerA.id });
    expect(usageOf(assistants[1].id)).toMatchObject({ gptId: gptB.id, creatorId: ownerB.id });
    expect(usageOf(assistants[2].id)).toMatchObject({ gptId: gptA.id, creatorId: ownerA.id });
    const bravo = await prisma.gpt.findUniqueOrThrow({ where: { id: gptB.id } });
    expect(assistants[1].versionId).toBe(bravo.publishedVersionId);

    const history = await getConversation({ actor: user, conversationId });
    const [, , question, answer, , back] = history!.messages;
    expect(question.parts).toContainEqual({
      type: "data-mention",
      data: { gptId: gptB.id, name: "Bravo" },
    });
    expect(answer.metadata?.answeredBy).toMatchObject({ gptId: gptB.id, name: "Bravo" });
    expect(back.metadata?.answeredBy).toBeNull();
    expect(history!.messages[1].metadata?.answeredBy).toBeNull();
    // A mention is not a new conversation with the mentioned GPT.
    expect(bravo.conversationCount).toBe(0);
  });

  it("streams the mentioned GPT's name and picture with the reply's first chunk", async () => {
    const { user, gptA, gptB } = await twoGpts();
    const { body } = await turn(user, {
      gptId: gptA.id,
      mentionGptId: gptB.id,
      message: { text: "Hi both" },
    });
    expect(body).toContain('"answeredBy":{"gptId":"');
    expect(body).toContain('"name":"Bravo"');
  });

  it("refuses someone else's private GPT with a clear message and saves nothing", async () => {
    const { user, gptA, gptB } = await twoGpts();
    await prisma.gpt.update({ where: { id: gptB.id }, data: { visibility: "PRIVATE" } });
    const before = {
      messages: await prisma.message.count(),
      chats: await prisma.conversation.count(),
    };
    const error = await expectAppError(
      runChatTurn({
        actor: user,
        request: chatRequestSchema.parse({
          gptId: gptA.id,
          mentionGptId: gptB.id,
          message: { text: "Psst" },
        }),
      }),
      "not_found",
    );
    expect(error.message).toBe(MENTION_NOT_FOUND_MESSAGE);
    expect(await prisma.message.count()).toBe(before.messages);
    expect(await prisma.conversation.count()).toBe(before.chats);
  });

  it("refuses an unpublished GPT: its owner is told to publish it, others get not found", async () => {
    const { user, gptA } = await twoGpts();
    const draft = await createGpt({
      actor: user,
      input: { name: "My Draft", description: "", instructions: "x", conversationStarters: [] },
    });
    const stranger = await createActor();
    const before = await prisma.message.count();
    const ask = (actor: Actor) =>
      runChatTurn({
        actor,
        request: chatRequestSchema.parse({
          gptId: gptA.id,
          mentionGptId: draft.id,
          message: { text: "Hi" },
        }),
      });
    const own = await expectAppError(ask(user), "bad_request");
    expect(own.message).toContain("isn't published yet");
    await expectAppError(ask(stranger), "not_found");
    expect(await prisma.message.count()).toBe(before);
  });

  it("keeps the mention on a retry after the mentioned GPT's answer failed", async () => {
    const { ownerB, user, gptA, gptB } = await twoGpts();
    fake.setDefaultScenario("rateLimited");
    const failed = await runChatTurn({
      actor: user,
      request: chatRequestSchema.parse({
        gptId: gptA.id,
        mentionGptId: gptB.id,
        message: { text: "hello" },
      }),
    });
    const failedBody = await failed.text();
    fake.setDefaultScenario("plainText");
    expect(failedBody).toContain("rate-limiting");
    const conversationId = failed.headers.get("x-conversation-id")!;
    await turn(user, { gptId: gptA.id, conversationId, trigger: "regenerate-message" });
    expect(lastSystemPrompt()).toContain("INSTR-BRAVO");
    const answer = await prisma.message.findFirstOrThrow({
      where: { conversationId, role: "ASSISTANT" },
    });
    const usage = await prisma.usageEvent.findUniqueOrThrow({ where: { messageId: answer.id } });
    expect(usage.creatorId).toBe(ownerB.id);
  });

  it("does not mention GPTs in the builder's preview", async () => {
    const { ownerA, gptA, gptB } = await twoGpts();
    await expectAppError(
      runChatTurn({
        actor: ownerA,
        request: chatRequestSchema.parse({
          gptId: gptA.id,
          isPreview: true,
          mentionGptId: gptB.id,
          message: { text: "Hi" },
        }),
      }),
      "bad_request",
    );
  });
});

describe("[CHAT]: the @mention list", () => {
  it("lists pinned, recent and own GPTs first, store matches while typing, never others' private ones", async () => {
    const { user, gptA, gptB } = await twoGpts();
    const creator = await createActor({ name: "Cara" });
    const linkOnly = await createPublishedGpt(creator, { name: "Zeta Link" });
    await prisma.gpt.update({ where: { id: linkOnly.id }, data: { visibility: "LINK" } });
    const secret = await createPublishedGpt(creator, { name: "Zeta Secret" });
    await prisma.gpt.update({ where: { id: secret.id }, data: { visibility: "PRIVATE" } });
    const storeOnly = await createPublishedGpt(creator, { name: "Zeta Store" });
    const mine = await createPublishedGpt(user, { name: "Zeta Mine" });
    await prisma.gpt.update({ where: { id: mine.id }, data: { visibility: "PRIVATE" } });
    await prisma.pinnedGpt.create({ data: { userId: user.id, gptId: linkOnly.id } });
    await turn(user, { gptId: gptA.id, message: { text: "hi" } });

    const initial = await listMentionableGpts({ actor: user });
    expect(initial.map((gpt) => gpt.id)).toEqual([linkOnly.id, gptA.id, mine.id]);
    expect(initial[1]).toMatchObject({ name: "Alpha", creatorName: "Ann", slug: gptA.slug });

    const typed = await listMentionableGpts({ actor: user, query: "zeta" });
    expect(typed.map((gpt) => gpt.name)).toEqual(["Zeta Link", "Zeta Mine", "Zeta Store"]);
    expect(typed.map((gpt) => gpt.id)).not.toContain(secret.id);
    expect((await listMentionableGpts({ actor: user, query: "bra" })).map((g) => g.id)).toContain(
      gptB.id,
    );
    expect(storeOnly.id).toBeTruthy();
  });

  it("[AUTH] GET /api/chat/mentionable needs a signed-in user", async () => {
    const { user, gptB } = await twoGpts();
    const request = () => appRequest("/api/chat/mentionable?q=Bravo");
    const params = segment({});
    expect((await mentionableRoute(request(), params)).status).toBe(401);
    setSessionActor(user);
    const response = await mentionableRoute(request(), params);
    expect(response.status).toBe(200);
    const { gpts } = await response.json();
    expect(gpts.map((gpt: { id: string }) => gpt.id)).toContain(gptB.id);
  });
});
