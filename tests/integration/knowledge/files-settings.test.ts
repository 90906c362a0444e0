import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { getKnowledgeLimits } from "@/lib/settings/instance-settings";
import { createActor } from "../../support/factories";
import { setSessionActor } from "../../support/session-stub";
import {
  defaultSettingsView,
  getSettingsRoute,
  putSettingsRoute,
} from "../../support/settings-api";

vi.mock("@/lib/auth/session", () => import("../../support/session-stub"));

let admin: Actor;
let user: Actor;

const valid = {
  knowledgeMaxFilesPerGpt: 5,
  knowledgeMaxFileMb: 10,
  knowledgeMaxTokensPerFile: 100_000,
  knowledgeMaxMbPerCreator: 200,
  embeddingModelConfigId: null,
  egressAllowlist: ["10.0.0.5:8080", "[fd00::1]:443"],
  egressAllowedPorts: [8080, 8443],
  actionMaxCallsPerTurn: 5,
  chatBurstMessages: 10,
  chatMessagesPerMinute: 20,
  chatDailyMessages: 500,
  gptDailySpendCapDollars: "20.00",
  instanceDailySpendCapDollars: "100.00",
};

async function model(kind: "CHAT" | "EMBEDDING", isEnabled = true) {
  return prisma.modelConfig.create({
    data: {
      displayName: `${kind} model`,
      baseUrl: "http://127.0.0.1:9/v1",
      modelId: kind.toLowerCase(),
      kind,
      isEnabled,
    },
  });
}

beforeAll(async () => {
  admin = await createActor({ role: "ADMIN" });
  user = await createActor();
});

describe("[ADMIN]: instance settings set the knowledge limits and the embedding model", () => {
  it("GET shows the defaults; PUT saves, is audited, and the new limits apply to uploads", async () => {
    setSessionActor(admin);
    const before = await (await getSettingsRoute()).json();
    expect(before.settings).toEqual(defaultSettingsView);
    const response = await putSettingsRoute(valid);
    expect(response.status).toBe(200);
    expect((await response.json()).settings).toEqual(valid);
    expect(await getKnowledgeLimits()).toEqual({
      maxFilesPerGpt: 5,
      maxFileBytes: 10 * 1024 * 1024,
      maxTokensPerFile: 100_000,
      maxBytesPerCreator: 200 * 1024 * 1024,
    });
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "settings.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "InstanceSettings" });
    expect((audit.data as { after: unknown }).after).toEqual(valid);
  });

  it("refuses zero, fractions and absurd values, field by field", async () => {
    setSessionActor(admin);
    const response = await putSettingsRoute({
      ...valid,
      knowledgeMaxFilesPerGpt: 0,
      knowledgeMaxFileMb: 1.5,
      knowledgeMaxTokensPerFile: 10 ** 12,
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual([
      "knowledgeMaxFileMb",
      "knowledgeMaxFilesPerGpt",
      "knowledgeMaxTokensPerFile",
    ]);
  });

  it("refuses allowlist entries that are not exact host:port, and impossible ports", async () => {
    setSessionActor(admin);
    const response = await putSettingsRoute({
      ...valid,
      egressAllowlist: ["10.0.0.5", "http://api.internal:80", "api.internal:99999"],
      egressAllowedPorts: [0],
      actionMaxCallsPerTurn: 51,
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual([
      "actionMaxCallsPerTurn",
      "egressAllowedPorts.0",
      "egressAllowlist.0",
      "egressAllowlist.1",
      "egressAllowlist.2",
    ]);
  });

  it("the embedding model must be an enabled EMBEDDING model", async () => {
    setSessionActor(admin);
    const chat = await model("CHAT");
    const disabled = await model("EMBEDDING", false);
    const embedding = await model("EMBEDDING");
    for (const id of [chat.id, disabled.id, "no-such-model"]) {
      const response = await putSettingsRoute({ ...valid, embeddingModelConfigId: id });
      expect(response.status).toBe(400);
      expect((await response.json()).error.fieldErrors.embeddingModelConfigId).toBeDefined();
    }
    const response = await putSettingsRoute({ ...valid, embeddingModelConfigId: embedding.id });
    expect(response.status).toBe(200);
    expect((await response.json()).settings.embeddingModelConfigId).toBe(embedding.id);
    await putSettingsRoute(valid);
  });

  it("is for administrators only", async () => {
    setSessionActor(user);
    expect((await getSettingsRoute()).status).toBe(403);
    expect((await putSettingsRoute(valid)).status).toBe(403);
    setSessionActor(null);
    expect((await putSettingsRoute(valid)).status).toBe(401);
  });
});
