import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema, textOf } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";
import { createReadyFile, setVersionFiles } from "../knowledge/retrieval-helpers";

let fake: FakeOpenAI;
let owner: Actor;
let gptId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({});
  await createFakeModel(fake.url);
  owner = await createActor({ name: "Harbour master" });
  const gpt = await createPublishedGpt(owner, { name: "Harbour guide" });
  gptId = gpt.id;
  const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } });
  await prisma.gptVersion.update({
    where: { id: publishedVersionId! },
    data: { capabilities: ["knowledge"] },
  });
  await prisma.gpt.update({ where: { id: gptId }, data: { capabilities: ["knowledge"] } });
  const file = await createReadyFile({
    owner,
    gptId,
    name: "harbour-rules.md",
    passages: ["Zeppelin parking permits are issued by the harbour office on Tuesdays."],
  });
  await setVersionFiles(publishedVersionId!, [file.id]);
});

afterAll(async () => {
  await fake.close();
});

async function ask(actor: Actor, text: string, extra: Record<string, unknown> = {}) {
  const response = await runChatTurn({
    actor,
    request: chatRequestSchema.parse({ gptId, message: { text }, ...extra }),
  });
  await response.text();
  const conversationId = response.headers.get("x-conversation-id")!;
  return prisma.message.findFirstOrThrow({ where: { conversationId, role: "ASSISTANT" } });
}

describe("[ANALYTICS]: questions the knowledge could not answer", () => {
  it("are recorded when a search finds nothing relevant, once per turn and normalised", async () => {
    const visitor = await createActor();
    await ask(visitor, "[[scenario:knowledgeSearch]] Capital of Mongolia?");
    const misses = await prisma.knowledgeMiss.findMany({ where: { gptId } });
    // The question as retrieved for the turn, and the model's own search (the marker stripped).
    expect(misses.map((row) => row.normalized).sort()).toEqual([
      "capital of mongolia",
      "scenario knowledgesearch capital of mongolia",
    ]);
    expect(misses.find((row) => row.normalized === "capital of mongolia")?.query).toBe(
      "Capital of Mongolia?",
    );

    // A search that finds a passage is no miss.
    await prisma.knowledgeMiss.deleteMany({ where: { gptId } });
    await ask(visitor, "[[scenario:knowledgeSearch]] zeppelin parking permits");
    expect(await prisma.knowledgeMiss.count({ where: { gptId } })).toBe(0);
  });

  it("are not recorded for the owner's preview of the draft", async () => {
    await prisma.knowledgeMiss.deleteMany({ where: { gptId } });
    await prisma.knowledgeFile.updateMany({ where: { gptId }, data: { inDraft: true } });
    const answer = await ask(owner, "[[scenario:knowledgeSearch]] Capital of Mongolia?", {
      isPreview: true,
    });
    expect(answer.channel).toBe("PREVIEW");
    // The preview did search its draft's knowledge (the model was offered the tool, and used it).
    const sent = fake.requests.at(-1)?.body as { messages: { role: string }[] };
    expect(sent.messages.some((message) => message.role === "tool")).toBe(true);
    expect(await prisma.knowledgeMiss.count({ where: { gptId } })).toBe(0);
  });

  it("never break the answer when they cannot be written", async () => {
    await prisma.knowledgeMiss.deleteMany({ where: { gptId } });
    const spy = vi.spyOn(prisma.knowledgeMiss, "create").mockRejectedValue(new Error("disk full"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const visitor = await createActor();
      const answer = await ask(visitor, "[[scenario:knowledgeSearch]] Opening hours of the moon?");
      expect(answer.status).toBe("COMPLETE");
      expect(textOf(answer.parts).length).toBeGreaterThan(0);
      expect(logged).toHaveBeenCalledWith(
        "[atelier] could not record a knowledge miss",
        "disk full",
      );
    } finally {
      spy.mockRestore();
      logged.mockRestore();
    }
    expect(await prisma.knowledgeMiss.count({ where: { gptId } })).toBe(0);
  });
});
