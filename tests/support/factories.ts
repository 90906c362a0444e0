import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/session";
import { startUserSession } from "@/lib/auth/user-sessions";
import { prisma } from "@/lib/db";
import { createGpt } from "@/lib/gpts/create-gpt";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { uploadKnowledgeFile } from "@/lib/knowledge/files/upload-knowledge-file";
import { forgetChatLimitsCache } from "@/lib/limits/chat-limits";
import { saveModel } from "@/lib/models/save-model";
import { putObject, randomKeyPart } from "@/lib/storage/storage";
import { initialHandle } from "@/lib/users/handle";

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

/**
 * A user with a live UserSession (as a sign-in records), for tests that call a real app process
 * with a session cookie (tests/support/session-cookie.ts).
 */
export type SignedInActor = Actor & { sessionId: string };

export async function createSignedInActor(overrides: Partial<Actor> = {}): Promise<SignedInActor> {
  const actor = await createActor(overrides);
  const sessionId = await startUserSession({ userId: actor.id, userAgent: "integration test" });
  return { ...actor, sessionId };
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
      // The fake model server listens on loopback, which the egress guard refuses otherwise.
      isEgressExempt: true,
      isPremium: false,
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
  const name = displayName ?? owner.name ?? "Test creator";
  return prisma.builderProfile.upsert({
    where: { userId: owner.id },
    create: { userId: owner.id, displayName: name, handle: initialHandle(name, owner.id) },
    update: {},
  });
}

/** Uploads a text knowledge file through the domain function (queued, not yet processed). */
export async function uploadTextKnowledge(
  owner: Actor,
  gptId: string,
  { name = "notes.md", text }: { name?: string; text: string },
) {
  return uploadKnowledgeFile({
    actor: owner,
    gptId,
    file: { name, bytes: new TextEncoder().encode(text) },
  });
}

/** A knowledge file row (and its blob) written directly, in any state, for pipeline tests. */
export async function createKnowledgeFileRow(
  owner: Actor,
  gptId: string,
  {
    text = "# Notes\n\nSome knowledge.",
    status = "QUEUED",
    attempts = 0,
    inDraft = true,
  }: {
    text?: string;
    status?: "QUEUED" | "PROCESSING" | "READY" | "FAILED";
    attempts?: number;
    inDraft?: boolean;
  } = {},
) {
  const bytes = new TextEncoder().encode(text);
  const blobKey = `knowledge/${owner.id}/${randomKeyPart()}.md`;
  await putObject(blobKey, bytes);
  return prisma.knowledgeFile.create({
    data: {
      gptId,
      ownerId: owner.id,
      name: "notes.md",
      kind: "markdown",
      mimeType: "text/markdown",
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      blobKey,
      status,
      attempts,
      inDraft,
    },
  });
}

/** Sets instance knowledge limits (the rest keep their values). */
export async function setKnowledgeSettings(
  data: Partial<{
    knowledgeMaxFilesPerGpt: number;
    knowledgeMaxFileMb: number;
    knowledgeMaxTokensPerFile: number;
    knowledgeMaxMbPerCreator: number;
  }>,
) {
  return prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...data },
    update: data,
  });
}

/**
 * Sets instance chat limits (the rest keep their values) and drops the 5 s in-process cache, so
 * the next turn sees them. Spend caps in micro-dollars; 0 means none.
 */
export async function setChatLimitSettings(
  data: Partial<{
    chatBurstMessages: number;
    chatMessagesPerMinute: number;
    chatDailyMessages: number;
    gptDailySpendCapMicros: number;
    instanceDailySpendCapMicros: number;
  }>,
) {
  const { gptDailySpendCapMicros, instanceDailySpendCapMicros, chatDailyMessages, ...counts } =
    data;
  // The daily allowance is the Free plan's (everyone without a subscription is on it).
  if (chatDailyMessages !== undefined) {
    await prisma.plan.update({
      where: { id: "free" },
      data: { dailyMessages: chatDailyMessages },
    });
  }
  const values = {
    ...counts,
    ...(gptDailySpendCapMicros === undefined
      ? {}
      : { gptDailySpendCapMicros: BigInt(gptDailySpendCapMicros) }),
    ...(instanceDailySpendCapMicros === undefined
      ? {}
      : { instanceDailySpendCapMicros: BigInt(instanceDailySpendCapMicros) }),
  };
  const settings = await prisma.instanceSettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...values },
    update: values,
  });
  forgetChatLimitsCache();
  return settings;
}
