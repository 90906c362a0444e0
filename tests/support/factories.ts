import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { saveModel } from "@/lib/models/save-model";

let counter = 0;

export async function createActor(overrides: Partial<Actor> = {}): Promise<Actor> {
  counter += 1;
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `user${counter}-${Date.now()}@example.com`,
      name: overrides.name ?? `User ${counter}`,
      role: overrides.role ?? "USER",
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** A model on the fake OpenAI server; prices in dollars per million tokens. */
export async function createFakeModel(baseUrl: string, prices = { input: 2.5, output: 10 }) {
  const admin = await createActor({ role: "ADMIN" });
  return saveModel({
    actor: admin,
    input: {
      displayName: "Fake model",
      baseUrl,
      modelId: "fake-model",
      apiKey: "sk-test-key",
      inputPricePerMillion: prices.input,
      outputPricePerMillion: prices.output,
      contextWindow: 16_000,
      isDefault: true,
      isEnabled: true,
    },
  });
}

export async function createPublishedGpt(
  owner: Actor,
  fields: { name?: string; instructions?: string } = {},
) {
  const gpt = await createGpt({
    actor: owner,
    input: {
      name: fields.name ?? "Test GPT",
      description: "A GPT for tests",
      instructions: fields.instructions ?? "Be brief.",
      conversationStarters: ["Hello"],
    },
  });
  await ensureBuilderProfile(owner);
  await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
  return gpt;
}

/** Public GPTs need a builder profile (the creator name in the store); named after the account. */
export async function ensureBuilderProfile(owner: Actor, displayName?: string) {
  return prisma.builderProfile.upsert({
    where: { userId: owner.id },
    create: { userId: owner.id, displayName: displayName ?? owner.name ?? "Test creator" },
    update: {},
  });
}
