import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { planTurn } from "@/lib/chat/plan-turn";
import { runChatTurn } from "@/lib/chat/run-chat-turn";
import { chatRequestSchema } from "@/lib/chat/schemas";
import { prisma } from "@/lib/db";
import { getCapabilityAvailability } from "@/lib/gpts/capability-availability";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { getGptForEditor } from "@/lib/gpts/queries";
import { updateGptDraft } from "@/lib/gpts/update-gpt-draft";
import { saveModel } from "@/lib/models/save-model";
import { updateModel } from "@/lib/models/update-model";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { expectAppError } from "../../support/app-error";
import { createActor, createFakeModel } from "../../support/factories";

let fake: FakeOpenAI;
let admin: Actor;
let owner: Actor;
let defaultModelId: string;

beforeAll(async () => {
  fake = await startFakeOpenAI({ port: 0 });
  defaultModelId = (await createFakeModel(fake.url)).id;
  admin = await createActor({ role: "ADMIN" });
  owner = await createActor({ name: "Configure Owner" });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => fake.reset());

async function secondModel(displayName: string) {
  return saveModel({
    actor: admin,
    input: {
      displayName,
      baseUrl: fake.url,
      modelId: "fake-model-mini",
      apiKey: "sk-test",
      inputPricePerMillion: 1,
      outputPricePerMillion: 2,
      contextWindow: 16_000,
      isDefault: false,
      isEnabled: true,
      isEgressExempt: true,
      isPremium: false,
    },
  });
}

function chatRequest(input: Record<string, unknown>) {
  return chatRequestSchema.parse(input);
}

/** Runs one turn to the end and returns the JSON body the fake model received. */
async function modelRequestBody(actor: Actor, input: Record<string, unknown>) {
  const response = await runChatTurn({
    actor,
    request: chatRequest(input),
  });
  await response.text();
  const sent = fake.requests.filter((request) => request.path.endsWith("/chat/completions"));
  expect(sent).toHaveLength(1);
  return sent[0].body as Record<string, unknown>;
}

describe("[BUILDER]: capabilities the instance cannot serve", () => {
  it("reports knowledge and actions available, and says why the built-in tools are not", () => {
    const availability = getCapabilityAvailability();
    expect(availability.knowledge).toEqual({ isAvailable: true });
    expect(availability.actions).toEqual({ isAvailable: true });
    expect(availability.web_browsing).toEqual({
      isAvailable: false,
      reason: "This instance has no web search provider configured.",
    });
    expect(availability.image_generation.isAvailable).toBe(false);
    expect(availability.code_interpreter.isAvailable).toBe(false);
  });

  it("refuses to switch on an unavailable capability, on create and on save", async () => {
    const onCreate = await expectAppError(
      createGpt({ actor: owner, input: { name: "Browser", capabilities: ["web_browsing"] } }),
      "bad_request",
    );
    expect(onCreate.fieldErrors).toEqual({
      capabilities: ["Web browsing is not available on this instance."],
    });

    const gpt = await createGpt({
      actor: owner,
      input: { name: "Knower", capabilities: ["knowledge", "actions"] },
    });
    const onSave = await expectAppError(
      updateGptDraft({
        actor: owner,
        gptId: gpt.id,
        input: {
          name: "Knower",
          capabilities: ["knowledge", "image_generation", "code_interpreter"],
          revision: gpt.revision,
        },
      }),
      "bad_request",
    );
    expect(onSave.fieldErrors).toEqual({
      capabilities: ["Image generation and Code interpreter are not available on this instance."],
    });
    const saved = await getGptForEditor({ actor: owner, gptId: gpt.id });
    expect(saved?.capabilities).toEqual(["actions", "knowledge"]);
  });

  it("still saves other edits of a GPT whose capability became unavailable later", async () => {
    const gpt = await createGpt({ actor: owner, input: { name: "Old timer" } });
    // As if the instance could browse when it was switched on.
    await prisma.gpt.update({ where: { id: gpt.id }, data: { capabilities: ["web_browsing"] } });
    const saved = await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: { name: "Old timer, renamed", capabilities: ["web_browsing"], revision: gpt.revision },
    });
    expect(saved.revision).toBe(gpt.revision + 1);
  });
});

describe("[BUILDER]: a GPT keeps working when an administrator disables its model", () => {
  it("answers with the default model, and the editor explains it next to the model field", async () => {
    const chosen = await secondModel("Mini model");
    const gpt = await createGpt({
      actor: owner,
      input: { name: "Model picker", modelConfigId: chosen.id },
    });
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "LINK" } });
    expect((await getGptForEditor({ actor: owner, gptId: gpt.id }))?.modelFallback).toBeNull();

    await updateModel({ actor: admin, id: chosen.id, input: { isEnabled: false } });

    const editor = await getGptForEditor({ actor: owner, gptId: gpt.id });
    expect(editor?.modelConfigId).toBe(chosen.id);
    expect(editor?.modelFallback).toEqual({
      modelConfigId: chosen.id,
      modelName: "Mini model",
      defaultModelName: "Fake model",
    });

    for (const isPreview of [true, false]) {
      const turn = await planTurn({
        actor: owner,
        request: chatRequest({ gptId: gpt.id, isPreview, message: { text: "Still there?" } }),
      });
      expect(turn.model.id).toBe(defaultModelId);
    }
    const body = await modelRequestBody(owner, {
      gptId: gpt.id,
      message: { text: "Which model answers?" },
    });
    expect(body.model).toBe("fake-model");

    // Saving other fields keeps the disabled model (it is not newly chosen), so the warning stays.
    const saved = await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: { name: "Model picker 2", modelConfigId: chosen.id, revision: editor!.revision },
    });
    expect(saved.revision).toBe(editor!.revision + 1);
    // Choosing it anew is refused.
    const other = await createGpt({ actor: owner, input: { name: "Late chooser" } });
    const refused = await expectAppError(
      updateGptDraft({
        actor: owner,
        gptId: other.id,
        input: { name: "Late chooser", modelConfigId: chosen.id, revision: other.revision },
      }),
      "bad_request",
    );
    expect(refused.fieldErrors).toEqual({ modelConfigId: ["This model is not available."] });
  });
});

describe("[BUILDER]: the temperature reaches the model call", () => {
  it("sends the published version's temperature to store chats and the draft's to previews", async () => {
    const user = await createActor();
    const gpt = await createGpt({ actor: owner, input: { name: "Warm", temperature: 1.4 } });
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "LINK" } });
    await updateGptDraft({
      actor: owner,
      gptId: gpt.id,
      input: { name: "Warm", temperature: 0.2, revision: gpt.revision },
    });

    const store = await modelRequestBody(user, { gptId: gpt.id, message: { text: "Store" } });
    expect(store.temperature).toBe(1.4);

    fake.reset();
    const preview = await modelRequestBody(owner, {
      gptId: gpt.id,
      isPreview: true,
      message: { text: "Preview" },
    });
    expect(preview.temperature).toBe(0.2);
  });

  it("leaves the temperature out when the GPT uses the model's default", async () => {
    const gpt = await createGpt({ actor: owner, input: { name: "Neutral" } });
    const body = await modelRequestBody(owner, {
      gptId: gpt.id,
      isPreview: true,
      message: { text: "Hello" },
    });
    expect(body).not.toHaveProperty("temperature");
  });
});
