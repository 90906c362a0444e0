import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema, textOf } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { citationsOf } from "@/lib/knowledge/citations/types";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel, createPublishedGpt } from "../../support/factories";
import { createReadyFile, setVersionFiles } from "./retrieval-helpers";

let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({});
  await createFakeModel(fake.url);
});

afterAll(async () => {
  await fake.close();
});

const PERMIT =
  "Zeppelin parking permits are issued by the harbour office on Tuesdays, and cost 40 credits.";

type Settings = {
  hideKnowledgeSources?: boolean;
  knowledgeOnly?: boolean;
  capabilities?: string[];
};

/** A published GPT with the knowledge capability and one live file. */
async function knowledgeGpt(owner: Actor, settings: Settings = {}) {
  const gpt = await createPublishedGpt(owner, { name: "Harbour guide" });
  const { publishedVersionId } = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
  const data = {
    capabilities: settings.capabilities ?? ["knowledge"],
    hideKnowledgeSources: settings.hideKnowledgeSources ?? false,
    knowledgeOnly: settings.knowledgeOnly ?? false,
  };
  await prisma.gptVersion.update({ where: { id: publishedVersionId! }, data });
  await prisma.gpt.update({ where: { id: gpt.id }, data });
  const file = await createReadyFile({
    owner,
    gptId: gpt.id,
    name: "harbour-rules.pdf",
    passages: [
      { text: "Boats must be moored with two lines. The harbour closes at dusk.", page: 1 },
      { text: PERMIT, page: 2, heading: "Permits" },
    ],
  });
  await setVersionFiles(publishedVersionId!, [file.id]);
  return { gpt, file, versionId: publishedVersionId! };
}

async function ask(actor: Actor, gptId: string, text: string, extra: Record<string, unknown> = {}) {
  const response = await runChatTurn({
    actor,
    request: chatRequestSchema.parse({ gptId, message: { text }, ...extra }),
  });
  const body = await response.text();
  const conversationId = response.headers.get("x-conversation-id")!;
  const answer = await prisma.message.findFirstOrThrow({
    where: { conversationId, role: "ASSISTANT" },
  });
  const sent = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
  return { body, answer, system: sent.messages[0].content, conversationId };
}

describe("[KNOWLEDGE]: answers cite their passages", () => {
  it("puts labelled passages in the prompt and stores citations mapped to the cited chunk", async () => {
    const owner = await createActor();
    const user = await createActor();
    const { gpt, file } = await knowledgeGpt(owner);
    const { body, answer, system } = await ask(
      user,
      gpt.id,
      "[[scenario:knowledgeCite]] Where do I get a zeppelin permit?",
    );
    expect(system).toContain("cite it inline");
    expect(system).toMatch(
      /<passage label="\[1\]" source="\[1\] harbour-rules\.pdf, page 2, Permits">/,
    );
    expect(textOf(answer.parts)).toBe(`According to [1]: ${PERMIT}`.slice(0, 18 + 200));
    const permitChunk = await prisma.knowledgeChunk.findFirstOrThrow({
      where: { fileId: file.id, ordinal: 1 },
    });
    expect(citationsOf(answer.parts)).toEqual([
      {
        n: 1,
        chunkId: permitChunk.id,
        fileId: file.id,
        fileName: "harbour-rules.pdf",
        page: 2,
        heading: "Permits",
        quote: PERMIT,
      },
    ]);
    // The live answer carries the same citations as a data part.
    expect(body).toContain('"type":"data-citations"');
    expect(body).toContain(permitChunk.id);
  });

  it("never sends passages the answer does not cite, nor the knowledge tool's raw results", async () => {
    const owner = await createActor();
    const user = await createActor();
    const { gpt } = await knowledgeGpt(owner);
    const { body, answer } = await ask(
      user,
      gpt.id,
      "[[scenario:knowledgeSearch]] zeppelin permit harbour",
    );
    // The model searched with its own query, then cited what the search returned.
    expect(
      fake.requests.some((request) => JSON.stringify(request.body).includes('"role":"tool"')),
    ).toBe(true);
    expect(citationsOf(answer.parts).length).toBe(1);
    expect(body).not.toContain("search_knowledge");
    expect(body).not.toContain("moored with two lines");
  });

  it("hides file names from everyone but the owner when the GPT hides its sources", async () => {
    const owner = await createActor();
    const user = await createActor();
    const { gpt } = await knowledgeGpt(owner, { hideKnowledgeSources: true });
    const question = "[[scenario:knowledgeCite]] zeppelin permit";
    const visitor = await ask(user, gpt.id, question);
    expect(citationsOf(visitor.answer.parts)[0]).toMatchObject({ fileName: null, page: 2 });
    expect(visitor.system).not.toContain("harbour-rules.pdf");
    expect(visitor.body).not.toContain("harbour-rules.pdf");
    const creator = await ask(owner, gpt.id, question);
    expect(citationsOf(creator.answer.parts)[0].fileName).toBe("harbour-rules.pdf");
  });

  it("knowledgeOnly: with nothing relevant the prompt says to admit it, and no citation is stored", async () => {
    const owner = await createActor();
    const user = await createActor();
    const { gpt } = await knowledgeGpt(owner, { knowledgeOnly: true });
    const { answer, system } = await ask(
      user,
      gpt.id,
      "[[scenario:knowledgeCite]] What is the capital of Mongolia?",
    );
    expect(system).toContain("Answer only from your knowledge passages");
    expect(system).toContain("tell the user you could not find this in your knowledge");
    expect(system).not.toContain("<passage");
    expect(textOf(answer.parts)).toBe("I could not find that in my knowledge.");
    expect(citationsOf(answer.parts)).toEqual([]);
  });

  it("without the knowledge capability the files are not used", async () => {
    const owner = await createActor();
    const user = await createActor();
    const { gpt } = await knowledgeGpt(owner, { capabilities: [] });
    const { system, answer } = await ask(
      user,
      gpt.id,
      "[[scenario:knowledgeCite]] zeppelin permit",
    );
    expect(system).not.toContain("## Knowledge");
    expect(citationsOf(answer.parts)).toEqual([]);
  });

  it("the owner's preview answers from the draft's files", async () => {
    const owner = await createActor();
    const { gpt } = await knowledgeGpt(owner);
    await createReadyFile({
      owner,
      gptId: gpt.id,
      name: "draft-notes.txt",
      passages: ["Draft only: the lighthouse tour starts at noon."],
    });
    const preview = await ask(owner, gpt.id, "[[scenario:knowledgeCite]] lighthouse tour", {
      isPreview: true,
    });
    expect(citationsOf(preview.answer.parts)[0].fileName).toBe("draft-notes.txt");
    const store = await ask(owner, gpt.id, "[[scenario:knowledgeCite]] lighthouse tour");
    expect(store.system).not.toContain("lighthouse");
  });
});
