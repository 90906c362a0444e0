import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { listModelsForAdmin, resolveModelCached, toPublicModel } from "@/lib/models/queries";
import { saveModel } from "@/lib/models/save-model";
import { type ModelConfigInput, modelConfigInputSchema } from "@/lib/models/schemas";
import { updateModel } from "@/lib/models/update-model";
import { openSecret } from "@/lib/security/secret-box";
import { expectAppError } from "../../support/app-error";

const SECRET = "sk-test-very-secret-key-123";

async function createActor(role: "ADMIN" | "USER", email: string): Promise<Actor> {
  const user = await prisma.user.create({ data: { email, name: email.split("@")[0], role } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

function modelInput(overrides: Partial<ModelConfigInput> = {}): ModelConfigInput {
  return modelConfigInputSchema.parse({
    displayName: "GPT-4o mini",
    baseUrl: "https://api.openai.com/v1/",
    modelId: "gpt-4o-mini",
    apiKey: SECRET,
    inputPricePerMillion: "0.15",
    outputPricePerMillion: "0.6",
    contextWindow: "128000",
    ...overrides,
  });
}

describe("[ADMIN]: model catalog", () => {
  it("encrypts the API key at rest and never exposes it in the public shape", async () => {
    const admin = await createActor("ADMIN", "keys-admin@example.com");
    const saved = await saveModel({ actor: admin, input: modelInput() });

    const row = await prisma.modelConfig.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.apiKeyCiphertext).toBeTruthy();
    expect(row.apiKeyCiphertext).not.toContain(SECRET);
    expect(await openSecret(row.apiKeyCiphertext!)).toBe(SECRET);
    expect(row.baseUrl).toBe("https://api.openai.com/v1");
    expect(row.inputPricePerMillion).toBe(150_000);
    expect(row.outputPricePerMillion).toBe(600_000);

    const publicModel = toPublicModel(row);
    expect(publicModel).not.toHaveProperty("apiKey");
    expect(publicModel).not.toHaveProperty("apiKeyCiphertext");
    expect(publicModel.hasApiKey).toBe(true);
    const listed = JSON.stringify(await listModelsForAdmin({ actor: admin }));
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain(row.apiKeyCiphertext!);
    expect(JSON.stringify(saved)).not.toContain(row.apiKeyCiphertext!);
  });

  it("keeps exactly one default: setting a new default unsets the previous one", async () => {
    const admin = await createActor("ADMIN", "default-admin@example.com");
    await prisma.modelConfig.deleteMany();
    const first = await saveModel({ actor: admin, input: modelInput({ displayName: "First" }) });
    expect(first.isDefault).toBe(true); // the first enabled model becomes the default by itself

    const second = await saveModel({
      actor: admin,
      input: modelInput({ displayName: "Second", isDefault: true }),
    });
    expect(second.isDefault).toBe(true);
    const defaults = await prisma.modelConfig.findMany({ where: { isDefault: true } });
    expect(defaults.map((model) => model.id)).toEqual([second.id]);
  });

  it("hands the default to another enabled model when the default is disabled", async () => {
    const admin = await createActor("ADMIN", "handover-admin@example.com");
    await prisma.modelConfig.deleteMany();
    const a = await saveModel({ actor: admin, input: modelInput({ displayName: "A" }) });
    const b = await saveModel({ actor: admin, input: modelInput({ displayName: "B" }) });
    expect((await prisma.modelConfig.findUniqueOrThrow({ where: { id: b.id } })).isDefault).toBe(
      false,
    );

    const disabled = await updateModel({ actor: admin, id: a.id, input: { isEnabled: false } });
    expect(disabled).toMatchObject({ isEnabled: false, isDefault: false });
    const defaults = await prisma.modelConfig.findMany({ where: { isDefault: true } });
    expect(defaults.map((model) => model.id)).toEqual([b.id]);
  });

  it("a save reaches the chat's model cache at once: a disabled default no longer answers", async () => {
    const admin = await createActor("ADMIN", "cache-admin@example.com");
    await prisma.modelConfig.deleteMany();
    const only = await saveModel({ actor: admin, input: modelInput({ displayName: "Only" }) });
    expect((await resolveModelCached(null))?.model.id).toBe(only.id);
    await updateModel({ actor: admin, id: only.id, input: { isEnabled: false } });
    expect(await resolveModelCached(null)).toBeNull();
  });

  it("forbids non-admin actors from listing, creating and updating models", async () => {
    const admin = await createActor("ADMIN", "owner-admin@example.com");
    const user = await createActor("USER", "plain-user@example.com");
    const existing = await saveModel({
      actor: admin,
      input: modelInput({ displayName: "Guarded" }),
    });
    const before = await prisma.modelConfig.count();

    await expectAppError(saveModel({ actor: user, input: modelInput() }), "forbidden");
    await expectAppError(
      updateModel({ actor: user, id: existing.id, input: { isEnabled: false } }),
      "forbidden",
    );
    await expectAppError(listModelsForAdmin({ actor: user }), "forbidden");

    expect(await prisma.modelConfig.count()).toBe(before);
    const row = await prisma.modelConfig.findUniqueOrThrow({ where: { id: existing.id } });
    expect(row.isEnabled).toBe(true);
  });

  it("a partial update changes only the given fields and keeps the stored key", async () => {
    const admin = await createActor("ADMIN", "partial-admin@example.com");
    const saved = await saveModel({ actor: admin, input: modelInput({ displayName: "Partial" }) });
    const before = await prisma.modelConfig.findUniqueOrThrow({ where: { id: saved.id } });

    await updateModel({ actor: admin, id: saved.id, input: { isEnabled: false } });
    await updateModel({ actor: admin, id: saved.id, input: { isEnabled: true, apiKey: "" } });
    await updateModel({ actor: admin, id: saved.id, input: { outputPricePerMillion: 1.25 } });

    const after = await prisma.modelConfig.findUniqueOrThrow({ where: { id: saved.id } });
    expect(after.apiKeyCiphertext).toBe(before.apiKeyCiphertext);
    expect(after).toMatchObject({
      displayName: "Partial",
      baseUrl: before.baseUrl,
      modelId: before.modelId,
      inputPricePerMillion: 150_000,
      outputPricePerMillion: 1_250_000,
      contextWindow: 128_000,
      isEnabled: true,
    });
  });

  it("replaces the key when a new one is given and removes it on null", async () => {
    const admin = await createActor("ADMIN", "rotate-admin@example.com");
    const saved = await saveModel({ actor: admin, input: modelInput({ displayName: "Rotate" }) });

    await updateModel({ actor: admin, id: saved.id, input: { apiKey: "sk-rotated" } });
    const rotated = await prisma.modelConfig.findUniqueOrThrow({ where: { id: saved.id } });
    expect(await openSecret(rotated.apiKeyCiphertext!)).toBe("sk-rotated");

    const removed = await updateModel({ actor: admin, id: saved.id, input: { apiKey: null } });
    expect(removed.hasApiKey).toBe(false);
    const row = await prisma.modelConfig.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.apiKeyCiphertext).toBeNull();
  });

  it("writes an audit row for each change, recording whether the key changed but never the key", async () => {
    const admin = await createActor("ADMIN", "audit-admin@example.com");
    const saved = await saveModel({ actor: admin, input: modelInput({ displayName: "Audited" }) });
    await updateModel({ actor: admin, id: saved.id, input: { contextWindow: 32_000 } });

    const logs = await prisma.auditLog.findMany({
      where: { targetId: saved.id },
      orderBy: { createdAt: "asc" },
    });
    expect(logs.map((log) => [log.action, log.actorId, log.targetType])).toEqual([
      ["model.create", admin.id, "ModelConfig"],
      ["model.update", admin.id, "ModelConfig"],
    ]);
    expect(logs.map((log) => (log.data as { apiKey: string }).apiKey)).toEqual(["set", "kept"]);
    expect(JSON.stringify(logs)).not.toContain(SECRET);
  });

  it("reports invalid fields as a bad request with field errors, and unknown ids as not found", async () => {
    const admin = await createActor("ADMIN", "invalid-admin@example.com");
    const saved = await saveModel({ actor: admin, input: modelInput({ displayName: "Valid" }) });

    const error = await expectAppError(
      updateModel({ actor: admin, id: saved.id, input: { baseUrl: "ftp://example.com" } }),
      "bad_request",
    );
    expect(error.fieldErrors?.baseUrl?.[0]).toMatch(/http/);
    await expectAppError(
      updateModel({ actor: admin, id: "missing-model", input: { isEnabled: false } }),
      "not_found",
    );
  });
});
