import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { applyBuilderProposal } from "@/lib/builder/apply-builder-proposal";
import { getBuilderHistory } from "@/lib/builder/builder-queries";
import { dismissBuilderProposal } from "@/lib/builder/dismiss-builder-proposal";
import { runBuilderTurn } from "@/lib/builder/run-builder-turn";
import { builderTurnRequestSchema } from "@/lib/builder/schemas";
import { undoBuilderChange } from "@/lib/builder/undo-builder-change";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { toDraftFormValues } from "@/lib/gpts/draft-form";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { expectAppError } from "../../support/app-error";
import { createActor, createFakeModel } from "../../support/factories";

let fake: FakeOpenAI;
let owner: Actor;

beforeAll(async () => {
  fake = await startFakeOpenAI({});
  await createFakeModel(fake.url);
  await prisma.category.create({ data: { slug: "outdoors", name: "Outdoors" } });
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  owner = await createActor();
});

async function newGpt(fields: { name?: string; instructions?: string } = {}) {
  return createGpt({
    actor: owner,
    input: { name: fields.name ?? "Untitled GPT", instructions: fields.instructions ?? "" },
  });
}

async function gptRow(id: string) {
  return prisma.gpt.findUniqueOrThrow({ where: { id } });
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

/** Runs one builder turn to the end; returns the streamed body and the saved assistant message. */
async function builderTurn(
  gptId: string,
  message: string,
  { actor = owner, revision }: { actor?: Actor; revision?: number } = {},
) {
  const current = revision ?? (await gptRow(gptId)).revision;
  const response = await runBuilderTurn({
    actor,
    gptId,
    request: builderTurnRequestSchema.parse({ message, revision: current }),
  });
  const body = await response.text();
  const assistant = await waitFor(async () => {
    const found = await prisma.message.findFirst({
      where: { conversation: { gptId, isBuilder: true }, role: "ASSISTANT" },
      orderBy: { createdAt: "desc" },
    });
    return found && (await prisma.usageEvent.findUnique({ where: { messageId: found.id } }))
      ? found
      : null;
  });
  return { body, assistant };
}

const setName = (name: string) => `[[tool:set_name ${JSON.stringify({ name })}]]`;
const setInstructions = (instructions: string) =>
  `[[tool:set_instructions ${JSON.stringify({ instructions })}]]`;

describe("[BUILDER]: a Create tab turn", () => {
  it("sets the name and instructions by tool calls, records the changes and one PREVIEW usage event", async () => {
    const gpt = await newGpt();
    const { body, assistant } = await builderTurn(
      gpt.id,
      `[[scenario:toolCall]] ${setName("Trail Buddy")} ${setInstructions("You plan day hikes.")}`,
    );

    const row = await gptRow(gpt.id);
    expect(row).toMatchObject({ name: "Trail Buddy", instructions: "You plan day hikes." });
    expect(row.revision).toBe(gpt.revision + 2);

    const changes = await prisma.builderChange.findMany({
      where: { gptId: gpt.id },
      orderBy: { createdAt: "asc" },
    });
    expect(
      changes.map((change) => [change.field, change.before, change.after, change.status]),
    ).toEqual([
      ["name", "Untitled GPT", "Trail Buddy", "APPLIED"],
      ["instructions", "", "You plan day hikes.", "APPLIED"],
    ]);
    expect(changes.every((change) => change.messageId === assistant.id)).toBe(true);

    // The browser gets each tool result with the new value and revision, as it happens.
    expect(body).toContain('"type":"tool-output-available"');
    expect(body).toContain(`"revision":${gpt.revision + 2}`);
    expect(assistant.parts).toEqual([
      { type: "text", text: expect.stringMatching(/^Tool result received: /) },
    ]);

    const conversation = await prisma.conversation.findUniqueOrThrow({
      where: { id: assistant.conversationId },
    });
    expect(conversation).toMatchObject({ isBuilder: true, isPreview: true, userId: owner.id });
    const usage = await prisma.usageEvent.findMany({ where: { gptId: gpt.id } });
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({
      messageId: assistant.id,
      channel: "PREVIEW",
      isEstimated: false,
    });
    // Building is never store traffic.
    expect(row.conversationCount).toBe(0);

    // The model saw the builder's own prompt with the tools, not the GPT's instructions.
    const first = fake.requests[0].body as {
      messages: { role: string; content: string }[];
      tools: { function: { name: string } }[];
    };
    expect(first.messages[0].content).toContain("You are the GPT Builder");
    expect(first.tools.map((tool) => tool.function.name)).toEqual([
      "set_name",
      "set_description",
      "set_instructions",
      "set_conversation_starters",
      "set_category",
      "set_avatar",
    ]);
  });

  it("keeps one builder conversation per GPT and owner, with one usage event per answer", async () => {
    const gpt = await newGpt();
    await builderTurn(
      gpt.id,
      '[[scenario:toolCall]] [[tool:set_category {"category":"Outdoors"}]]',
    );
    await builderTurn(gpt.id, "Thanks, that is all.");
    const conversations = await prisma.conversation.findMany({ where: { gptId: gpt.id } });
    expect(conversations).toHaveLength(1);
    const answers = await prisma.message.findMany({
      where: { conversationId: conversations[0].id, role: "ASSISTANT" },
    });
    expect(answers).toHaveLength(2);
    const usage = await prisma.usageEvent.findMany({ where: { gptId: gpt.id } });
    expect(usage.map((event) => event.messageId).sort()).toEqual(answers.map((a) => a.id).sort());
    expect(usage.every((event) => event.channel === "PREVIEW")).toBe(true);
    const category = await prisma.category.findUniqueOrThrow({ where: { slug: "outdoors" } });
    expect((await gptRow(gpt.id)).categoryId).toBe(category.id);

    const history = await getBuilderHistory({ actor: owner, gptId: gpt.id });
    expect(history.messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
    expect(history.changes).toEqual([
      expect.objectContaining({ field: "categoryId", status: "APPLIED", after: category.id }),
    ]);
  });

  it("only proposes a change to a field the creator wrote by hand, and tells the model so", async () => {
    const gpt = await newGpt({ name: "Hiking pal", instructions: "My own careful instructions." });
    await builderTurn(gpt.id, `[[scenario:toolCall]] ${setInstructions("Something else.")}`);

    const row = await gptRow(gpt.id);
    expect(row.instructions).toBe("My own careful instructions.");
    expect(row.revision).toBe(gpt.revision);
    const [change] = await prisma.builderChange.findMany({ where: { gptId: gpt.id } });
    expect(change).toMatchObject({
      field: "instructions",
      status: "PROPOSED",
      before: "My own careful instructions.",
      after: "Something else.",
    });
    const answer = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    const toolResult = answer.messages.find((message) => message.role === "tool");
    expect(toolResult?.content).toContain("NOT changed: the creator edited it by hand");
    const system = answer.messages[0].content;
    expect(system).toContain("The creator edited these fields by hand: Name, Instructions.");
  });

  it("proposes instead of overwriting when the creator edits a field the builder had set", async () => {
    const gpt = await newGpt();
    await builderTurn(gpt.id, `[[scenario:toolCall]] ${setName("Trail Buddy")}`);
    const afterBuilder = await gptRow(gpt.id);
    await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: {
        ...toDraftFormValues(afterBuilder),
        name: "Trail Friend",
        revision: afterBuilder.revision,
      },
    });
    await builderTurn(gpt.id, `[[scenario:toolCall]] ${setName("Summit Scout")}`);
    expect((await gptRow(gpt.id)).name).toBe("Trail Friend");
    const latest = await prisma.builderChange.findFirstOrThrow({
      where: { gptId: gpt.id },
      orderBy: { createdAt: "desc" },
    });
    expect(latest).toMatchObject({
      status: "PROPOSED",
      before: "Trail Friend",
      after: "Summit Scout",
    });

    // Applying it overwrites at the creator's request; undo then brings their name back.
    const current = await gptRow(gpt.id);
    const applied = await applyBuilderProposal({
      actor: owner,
      gptId: gpt.id,
      changeId: latest.id,
      revision: current.revision,
    });
    expect(applied).toMatchObject({
      change: { status: "APPLIED", before: "Trail Friend" },
      revision: current.revision + 1,
      draft: { field: "name", value: "Summit Scout" },
    });
    expect((await gptRow(gpt.id)).name).toBe("Summit Scout");
    await undoBuilderChange({
      actor: owner,
      gptId: gpt.id,
      changeId: latest.id,
      revision: applied.revision,
    });
    expect((await gptRow(gpt.id)).name).toBe("Trail Friend");
  });

  it("dismissing a proposal leaves the draft alone", async () => {
    const gpt = await newGpt({ name: "Mine" });
    await builderTurn(gpt.id, `[[scenario:toolCall]] ${setName("Theirs")}`);
    const proposal = await prisma.builderChange.findFirstOrThrow({ where: { gptId: gpt.id } });
    const before = await gptRow(gpt.id);
    const result = await dismissBuilderProposal({
      actor: owner,
      gptId: gpt.id,
      changeId: proposal.id,
    });
    expect(result.change.status).toBe("DISMISSED");
    expect(await gptRow(gpt.id)).toMatchObject({ name: "Mine", revision: before.revision });
    await expectAppError(
      applyBuilderProposal({
        actor: owner,
        gptId: gpt.id,
        changeId: proposal.id,
        revision: before.revision,
      }),
      "conflict",
    );
  });

  it("undo restores the field and bumps the revision; a second undo is refused", async () => {
    const gpt = await newGpt();
    await builderTurn(gpt.id, `[[scenario:toolCall]] ${setName("Trail Buddy")}`);
    const change = await prisma.builderChange.findFirstOrThrow({ where: { gptId: gpt.id } });
    const row = await gptRow(gpt.id);
    const result = await undoBuilderChange({
      actor: owner,
      gptId: gpt.id,
      changeId: change.id,
      revision: row.revision,
    });
    expect(result).toMatchObject({
      change: { status: "UNDONE" },
      revision: row.revision + 1,
      draft: { field: "name", value: "Untitled GPT" },
    });
    expect(await gptRow(gpt.id)).toMatchObject({
      name: "Untitled GPT",
      revision: row.revision + 1,
    });
    await expectAppError(
      undoBuilderChange({
        actor: owner,
        gptId: gpt.id,
        changeId: change.id,
        revision: row.revision + 1,
      }),
      "conflict",
    );
  });

  it("refuses to undo over a later hand edit, with a message that says so", async () => {
    const gpt = await newGpt();
    await builderTurn(gpt.id, `[[scenario:toolCall]] ${setInstructions("You plan hikes.")}`);
    const change = await prisma.builderChange.findFirstOrThrow({ where: { gptId: gpt.id } });
    const row = await gptRow(gpt.id);
    const saved = await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: {
        ...toDraftFormValues(row),
        instructions: "You plan hikes. Mine now.",
        revision: row.revision,
      },
    });
    const error = await expectAppError(
      undoBuilderChange({
        actor: owner,
        gptId: gpt.id,
        changeId: change.id,
        revision: saved.revision,
      }),
      "conflict",
    );
    expect(error.message).toBe("Instructions changed since; undo would overwrite your edit.");
    expect((await gptRow(gpt.id)).instructions).toBe("You plan hikes. Mine now.");
  });

  it("rejects an invalid value with the form's own message and changes nothing", async () => {
    const gpt = await newGpt();
    const { body } = await builderTurn(gpt.id, `[[scenario:toolCall]] ${setName("x".repeat(60))}`);
    expect(body).toContain("Use at most 50 characters.");
    expect(await prisma.builderChange.count({ where: { gptId: gpt.id } })).toBe(0);
    expect((await gptRow(gpt.id)).revision).toBe(gpt.revision);
  });

  it("answers a stale revision with a conflict before calling the model", async () => {
    const gpt = await newGpt();
    await expectAppError(
      runBuilderTurn({
        actor: owner,
        gptId: gpt.id,
        request: builderTurnRequestSchema.parse({ message: "hi", revision: gpt.revision + 5 }),
      }),
      "conflict",
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("never lets a preview or store chat continue the builder conversation", async () => {
    const gpt = await newGpt();
    const { assistant } = await builderTurn(gpt.id, "Hello builder");
    await expectAppError(
      runChatTurn({
        actor: owner,
        request: chatRequestSchema.parse({
          gptId: gpt.id,
          conversationId: assistant.conversationId,
          isPreview: true,
          message: { text: "Hi" },
        }),
      }),
      "not_found",
    );
  });
});

describe("[BUILDER]: the builder is the owner's alone", () => {
  it("another user gets not_found for the turn, undo, apply, dismiss and history", async () => {
    const gpt = await newGpt();
    await builderTurn(gpt.id, `[[scenario:toolCall]] ${setName("Trail Buddy")}`);
    const change = await prisma.builderChange.findFirstOrThrow({ where: { gptId: gpt.id } });
    const stranger = await createActor();
    const revision = (await gptRow(gpt.id)).revision;
    await expectAppError(
      runBuilderTurn({
        actor: stranger,
        gptId: gpt.id,
        request: builderTurnRequestSchema.parse({ message: "hi", revision }),
      }),
      "not_found",
    );
    const target = { actor: stranger, gptId: gpt.id, changeId: change.id, revision };
    await expectAppError(undoBuilderChange(target), "not_found");
    await expectAppError(applyBuilderProposal(target), "not_found");
    await expectAppError(dismissBuilderProposal(target), "not_found");
    await expectAppError(getBuilderHistory({ actor: stranger, gptId: gpt.id }), "not_found");
    // A change addressed through another GPT of the owner is not found either.
    const otherGpt = await newGpt();
    await expectAppError(
      undoBuilderChange({ actor: owner, gptId: otherGpt.id, changeId: change.id, revision }),
      "not_found",
    );
    expect((await gptRow(gpt.id)).name).toBe("Trail Buddy");
  });

  it("a deleted GPT is not found", async () => {
    const gpt = await newGpt();
    await prisma.gpt.update({ where: { id: gpt.id }, data: { deletedAt: new Date() } });
    await expectAppError(getBuilderHistory({ actor: owner, gptId: gpt.id }), "not_found");
    await expectAppError(
      runBuilderTurn({
        actor: owner,
        gptId: gpt.id,
        request: builderTurnRequestSchema.parse({ message: "hi", revision: gpt.revision }),
      }),
      "not_found",
    );
  });
});
