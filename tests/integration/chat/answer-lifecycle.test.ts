import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { resumeAnswer } from "@/lib/chat/engine/resume-answer";
import { stopConversationAnswer } from "@/lib/chat/engine/stop-answer";
import { getConversation } from "@/lib/chat/queries";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema, textOf } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { expectAppError } from "../../support/app-error";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";

let fake: FakeOpenAI;
let user: Actor;
let gptId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ slowMs: 30 });
  await createFakeModel(fake.url);
  const owner = await createActor();
  user = await createActor();
  gptId = (await createPublishedGpt(owner)).id;
});

afterAll(async () => {
  await fake.close();
});

/** Sends one turn and reads its stream to the end. */
async function turn(input: Record<string, unknown>) {
  const response = await runChatTurn({
    actor: user,
    request: chatRequestSchema.parse({ gptId, ...input }),
  });
  const body = await response.text();
  return { body, conversationId: response.headers.get("x-conversation-id")! };
}

async function visibleRoles(conversationId: string) {
  const conversation = await getConversation({ actor: user, conversationId });
  return conversation!.messages.map((m) => `${m.role}:${textOf(m.parts).slice(0, 40)}`);
}

describe("[CHAT ENGINE]: regenerate and edit keep the record and change the view", () => {
  it("regenerate answers the last question again and hides the answer it replaces", async () => {
    const { conversationId } = await turn({ message: { text: "First try" } });
    const before = await prisma.message.findMany({ where: { conversationId } });
    const { body } = await turn({ conversationId, trigger: "regenerate-message" });
    expect(body).toContain('"questionId"');
    expect(await visibleRoles(conversationId)).toEqual([
      "user:First try",
      'assistant:Hello! I am a test model. You said: "Fir',
    ]);
    const all = await prisma.message.findMany({ where: { conversationId } });
    expect(all).toHaveLength(3);
    const replaced = all.find((m) => m.id === before.find((b) => b.role === "ASSISTANT")!.id)!;
    expect(replaced.supersededAt).not.toBeNull();
    // Both answers were given, so both stay metered.
    expect(
      await prisma.usageEvent.count({ where: { messageId: { in: all.map((m) => m.id) } } }),
    ).toBe(2);
    // The model saw the question once, without the replaced answer.
    const sent = fake.requests.at(-1)?.body as { messages: { role: string }[] };
    expect(sent.messages.map((m) => m.role)).toEqual(["system", "user"]);
  });

  it("edit replaces the latest question and everything after it", async () => {
    const { conversationId } = await turn({ message: { text: "Old question" } });
    const question = await prisma.message.findFirstOrThrow({
      where: { conversationId, role: "USER" },
    });
    await turn({
      conversationId,
      trigger: "edit-message",
      editMessageId: question.id,
      message: { text: "New question" },
    });
    expect(await visibleRoles(conversationId)).toEqual([
      "user:New question",
      'assistant:Hello! I am a test model. You said: "New',
    ]);
    // An older question can no longer be edited.
    const refused = await expectAppError(
      runChatTurn({
        actor: user,
        request: chatRequestSchema.parse({
          gptId,
          conversationId,
          trigger: "edit-message",
          editMessageId: question.id,
          message: { text: "Again" },
        }),
      }),
      "conflict",
    );
    expect(refused.message).toBe("Only your latest message can be edited.");
  });
});

describe("[CHAT ENGINE]: one answer at a time, and it survives a reload", () => {
  it("refuses a second message while an answer is being written, and accepts it after Stop", async () => {
    const first = await runChatTurn({
      actor: user,
      request: chatRequestSchema.parse({
        gptId,
        message: { text: "[[scenario:slowStream]] go on" },
      }),
    });
    const conversationId = first.headers.get("x-conversation-id")!;
    const busy = await expectAppError(
      runChatTurn({
        actor: user,
        request: chatRequestSchema.parse({ gptId, conversationId, message: { text: "Next" } }),
      }),
      "conflict",
    );
    expect(busy.message).toContain("still being written");
    await stopConversationAnswer({ actor: user, conversationId });
    await first.text();
    const { body } = await turn({ conversationId, message: { text: "Next" } });
    expect(body).toContain('"status":"COMPLETE"');
  });

  it("a reload resumes: the text so far, then the rest live, ending with the saved status", async () => {
    const first = await runChatTurn({
      actor: user,
      request: chatRequestSchema.parse({
        gptId,
        message: { text: "[[scenario:slowStream]] story" },
      }),
    });
    const conversationId = first.headers.get("x-conversation-id")!;
    const reader = first.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (seen.split('"text-delta"').length < 6)
      seen += decoder.decode((await reader.read()).value);
    await reader.cancel();

    // The page a reload renders holds the streaming answer with its checkpointed text…
    const resumed = await resumeAnswer({ actor: user, conversationId });
    expect(resumed.status).toBe(200);
    const body = await resumed.text();
    // …and the resumed stream replays the text so far as one delta, then the live rest.
    const deltas = body
      .split("\n")
      .filter((line) => line.includes('"text-delta"'))
      .map((line) => JSON.parse(line.slice("data: ".length)).delta as string);
    expect(deltas[0].split(" ").length).toBeGreaterThanOrEqual(5);
    const words = "The quick brown fox jumps over the lazy dog while the stream ticks on.".split(
      " ",
    );
    expect(deltas.join("")).toBe(Array.from({ length: 60 }, (_, i) => words[i % 14]).join(" "));
    expect(body).toContain('"status":"COMPLETE"');
    // Nothing is streaming any more: 204.
    expect((await resumeAnswer({ actor: user, conversationId })).status).toBe(204);
    // Someone else's conversation is not found.
    const stranger = await createActor();
    await expectAppError(resumeAnswer({ actor: stranger, conversationId }), "not_found");
  });
});
